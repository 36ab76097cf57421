"""The raw archive: every fetched request and response in WARC files (warcio), one gzip
member per record, so a reader can start at any record. A file is written as
`DIR/.<name>.warc.gz.open` (locked) and renamed to `DIR/<name>.warc.gz` once finished (at
its size limit, or when the crawl closes), like the dataset's Parquet files: a file with
its final name is complete. An `.open` file left by a killed crawl is salvaged by the next
writer: cut after its last complete record, then finished.

Each response record carries, besides the standard fields, what re-extraction needs:
`thaipr-Kind` (article | page), `thaipr-Site`, `thaipr-Canonical-URL`, `thaipr-Province`,
`thaipr-Template` and `thaipr-Crawl-Id`."""

import fcntl
import io
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from output.files import safe_component

SUFFIX = ".warc.gz"
OPEN_SUFFIX = SUFFIX + ".open"
CHUNK = 1024 * 1024
MAX_BYTES = 1024**3  # a file is finished once it passes this size (1 GiB, as is usual)
META_PREFIX = "thaipr-"
# Hop-by-hop and transfer encodings are undone before the body reaches us: not recorded.
DROPPED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass(frozen=True)
class Exchange:
    """One fetch: what was asked and what came back (the body decoded of any transfer or
    content encoding), and what thaipr knew of it."""

    url: str
    method: str
    request_headers: list[tuple[str, str]]
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: datetime
    meta: dict[str, str]  # thaipr-… fields, without the prefix


class WarcArchive:
    def __init__(self, directory: Path | str, crawl_id: str, max_bytes: int = MAX_BYTES) -> None:
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.crawl_id = crawl_id
        self.max_bytes = max_bytes
        self.salvaged = salvage(self.dir)
        self._base = safe_component(f"{crawl_id}-{os.getpid()}-{os.urandom(3).hex()}", "crawl id")
        self._n = 0
        self._file: IO[bytes] | None = None
        self._writer: WARCWriter | None = None
        self.finished: list[Path] = []
        self.records = 0

    def write(self, exchange: Exchange) -> None:
        writer = self._writer or self._open()
        date = _warc_date(exchange.fetched_at)
        fields = {"WARC-Date": date}
        request = writer.create_warc_record(
            exchange.url,
            "request",
            payload=io.BytesIO(b""),
            length=0,
            warc_headers_dict=fields,
            http_headers=StatusAndHeaders(
                f"{exchange.method} {_path_of(exchange.url)} HTTP/1.1",
                exchange.request_headers,
                is_http_request=True,
            ),
        )
        headers = [(k, v) for k, v in exchange.headers if k.lower() not in DROPPED_HEADERS]
        headers.append(("Content-Length", str(len(exchange.body))))
        response = writer.create_warc_record(
            exchange.url,
            "response",
            payload=io.BytesIO(exchange.body),
            length=len(exchange.body),
            warc_headers_dict={
                **fields,
                **{META_PREFIX + k: v for k, v in exchange.meta.items() if v},
                META_PREFIX + "Crawl-Id": self.crawl_id,
            },
            http_headers=StatusAndHeaders(
                f"{exchange.status} {exchange.reason}".strip(), headers, protocol="HTTP/1.1"
            ),
        )
        writer.write_request_response_pair(request, response)
        self.records += 2
        assert self._file is not None
        if self._file.tell() >= self.max_bytes:
            self._finish()

    def _open(self) -> WARCWriter:
        self._n += 1
        path = self.dir / f".{self._base}-{self._n:05d}{OPEN_SUFFIX}"
        self._file = open(path, "xb")  # noqa: SIM115  (closed by _finish)
        fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self._writer = WARCWriter(self._file, gzip=True, warc_version="1.1")
        info = self._writer.create_warcinfo_record(
            path.name.removeprefix(".").removesuffix(".open"),
            {"software": "thaipr", "format": "WARC File Format 1.1", "crawl-id": self.crawl_id},
        )
        self._writer.write_record(info)
        return self._writer

    def _finish(self) -> None:
        if self._file is None:
            return
        self._file.flush()
        os.fsync(self._file.fileno())
        path = Path(self._file.name)
        final = _final_name(path)
        os.replace(path, final)
        self._file.close()  # releases the lock only once the final name is in place
        _fsync_dir(self.dir)
        self.finished.append(final)
        self._file, self._writer = None, None

    def close(self) -> None:
        self._finish()


def salvage(directory: Path) -> list[Path]:
    """Finish the `.open` files of writers that died: keep their complete records."""
    done = []
    for path in sorted(directory.glob(f".*{OPEN_SUFFIX}")):
        with open(path, "r+b") as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a live writer's
            f.truncate(_complete_length(f))
            f.flush()
            os.fsync(f.fileno())
            final = _final_name(path)
            os.replace(path, final)
            done.append(final)
    if done:
        _fsync_dir(directory)
    return done


def warc_files(paths: Iterable[Path | str]) -> list[Path]:
    """The finished WARC files under these files or directories, in name order."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(p.rglob(f"*{SUFFIX}"))
        elif p.is_file() and p.name.endswith(SUFFIX):
            found.append(p)
        else:
            raise FileNotFoundError(f"no WARC file or directory at {p}")
    return found


def read_exchanges(path: Path) -> Iterator[Exchange]:
    """The response records of one WARC file, with their thaipr fields. A file that is not
    WARC, or is cut short, raises ArchiveLoadFailed (after its complete records)."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        complete = _complete_length(f)
        f.seek(0)
        records = ArchiveIterator(f)
        for record in records:
            if record.format != "warc":
                raise ArchiveLoadFailed(f"not a WARC file ({record.format} record)")
            if record.rec_type != "response" or record.http_headers is None:
                continue
            body = record.content_stream().read()
            records.read_to_end()
            if records.get_record_offset() + records.get_record_length() > complete:
                break
            yield _exchange(record, body)
        if complete < size:
            raise ArchiveLoadFailed(f"cut short: {size - complete} bytes of a torn record")


def _exchange(record: ArcWarcRecord, body: bytes) -> Exchange:
    fields, http = record.rec_headers, record.http_headers
    code, _, reason = http.statusline.partition(" ")
    return Exchange(
        url=fields.get_header("WARC-Target-URI"),
        method="GET",
        request_headers=[],
        status=int(code),
        reason=reason,
        headers=list(http.headers),
        body=body,
        fetched_at=datetime.fromisoformat(fields.get_header("WARC-Date")),  # 3.11: Z ok
        meta={
            k[len(META_PREFIX) :]: v for k, v in fields.headers if k.lower().startswith(META_PREFIX)
        },
    )


def _complete_length(f: IO[bytes]) -> int:
    """Bytes up to the end of the last whole gzip member (one record each): a member cut
    short by a kill, or torn, ends the count."""
    f.seek(0)
    end = offset = 0
    pending = b""
    while True:
        member = zlib.decompressobj(wbits=31)
        data = pending
        try:
            while not member.eof:
                if not data:
                    data = f.read(CHUNK)
                    if not data:
                        return end  # the member never ended
                member.decompress(data)
                consumed = len(data) - len(member.unused_data)
                offset += consumed
                data = b""
        except zlib.error:
            return end
        end = offset
        pending = member.unused_data
        if not pending:
            pending = f.read(CHUNK)
            if not pending:
                return end


def _warc_date(moment: datetime) -> str:
    """WARC 1.1 dates, to the microsecond: the dataset's `fetched_at`, exactly."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _final_name(open_path: Path) -> Path:
    return open_path.with_name(open_path.name.removeprefix(".").removesuffix(".open"))


def _path_of(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
