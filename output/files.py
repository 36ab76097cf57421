"""The dataset on disk: hive layout, files finished atomically, recovery after a kill.

    DATA/<table>/year=2023/part-v<schema>-<id>.parquet        complete files
    DATA/_staging/<writer>/                                    files being written (locked)
    DATA/_journal/<op>.json                                    a compaction's file swap
    DATA/_schema/<table>.parquet                               the current schema, no rows
    DATA/_crawl/                                               a crawl's state (the crawler's)

A file is written under `_staging` (outside every reader's glob: DuckDB, pyarrow and Polars
read `DATA/<table>/**/*.parquet`), flushed to disk, then renamed into place; rename is
atomic on one file system. A file's name carries the schema version it was written in, so
a reader can tell a dataset of one schema from a mixed one without opening every footer.
A staging directory whose writer died is removed by `recover`; a journal left by a killed
compaction is rolled forward.

Files of schemas before 4 lie one level deeper, `DATA/<table>/province=TH-43/year=2023/`,
with `province` in the path only (`legacy_province`); compaction moves their rows up."""

import fcntl
import itertools
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from output.failpoints import kill_point
from output.schema import (
    ARTICLES,
    PARTITION_KEYS,
    SCHEMA_VERSION,
    TABLES,
    arrow_schema,
    dictionary_columns,
)

STAGING = "_staging"
JOURNAL = "_journal"
SCHEMAS = "_schema"
# The crawl's state beside the dataset (kept by `crawler.state`): made before any row is.
CRAWL_STATE = "_crawl"
# Entries of a folder that is no dataset looked through for one it holds.
NEAR_ENTRIES = 1000
# Held by a compaction (and by recovery of compaction journals): one at a time per dataset.
COMPACT_LOCK = "_compact.lock"
# A staging directory still being set up is left alone for this long.
SETUP_GRACE_S = 3600
# Rows per Parquet row group: large enough for compression, small enough to prune by;
# a row group is also cut at this many bytes of Arrow data (article bodies are long).
ROW_GROUP_ROWS = 64_000
ROW_GROUP_BYTES = 32 * 1024 * 1024
_SAFE_COMPONENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")


def safe_component(value: str, what: str) -> str:
    """A name that goes into a path: one plain component, never `..` nor a separator, so
    nothing derived from a page, a URL or a setting writes outside the dataset."""
    if not _SAFE_COMPONENT.fullmatch(value):
        raise ValueError(f"unsafe {what} for a file name: {value!r}")
    return value


def partition_dir(data: Path, table: str, year: int) -> Path:
    keys = dict(zip(PARTITION_KEYS, (year,), strict=True))
    parts = (f"{k}={safe_component(str(v), k)}" for k, v in keys.items())
    return data.joinpath(safe_component(table, "table"), *parts)


def legacy_province(path: Path) -> str | None:
    """The province a file of the layout before schema 4 has in its path only
    (`province=TH-43/year=2023/part-….parquet`); None for a file of the current layout."""
    key, sep, value = path.parent.parent.name.partition("=")
    return value if key == "province" and sep else None


def legacy_layout(path: Path) -> bool:
    return legacy_province(path) is not None


def data_files(data: Path, table: str) -> list[Path]:
    """The table's complete files, in a stable order."""
    root = data / table
    return sorted(root.glob("**/*.parquet")) if root.is_dir() else []


DatasetState = Literal["missing", "not_dir", "not_dataset", "empty", "ok"]


def dataset_state(data: Path) -> DatasetState:
    """What `data` is: `ok`, a dataset with articles; `empty`, a dataset with none yet (a
    crawl or writer made it, so it has its `_crawl`, `_schema`, `_staging` or `_journal`
    folder, or files of another table only); `not_dataset`, a folder with none of these;
    `not_dir`, a file; `missing`."""
    if not data.exists():
        return "missing"
    if not data.is_dir():
        return "not_dir"
    if has_files(data, ARTICLES.name):
        return "ok"
    markers = (CRAWL_STATE, SCHEMAS, STAGING, JOURNAL)
    if any((data / m).is_dir() for m in markers) or any(has_files(data, t) for t in TABLES):
        return "empty"
    return "not_dataset"


def dataset_near(data: Path) -> Path | None:
    """The dataset a user likely meant by the folder `data`, which is none: the dataset one
    of whose tables it is, or the first dataset among its subfolders (sorted)."""
    if data.name in TABLES and dataset_state(data.parent) in ("ok", "empty"):
        return data.parent
    try:
        entries = list(itertools.islice(data.iterdir(), NEAR_ENTRIES))
        folders = sorted(p for p in entries if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return None
    return next((p for p in folders if dataset_state(p) in ("ok", "empty")), None)


def has_files(data: Path, table: str) -> bool:
    """True when the table has at least one complete file (stops at the first)."""
    root = data / table
    return root.is_dir() and next(root.glob("**/*.parquet"), None) is not None


def part_name(writer: str) -> str:
    """A complete file's name: schema version, then the writer's unique name."""
    return f"part-v{SCHEMA_VERSION}-{safe_component(writer, 'writer name')}.parquet"


def current_schema(files: Iterable[Path]) -> bool:
    """True when every file was written in the current schema (judged by name)."""
    return all(f.name.startswith(f"part-v{SCHEMA_VERSION}-") for f in files)


def glob_of(data: Path, table: str) -> str:
    return str(data / table / "**" / "*.parquet")


def file_metadata(table: str, crawl_id: str, extractor_versions: Iterable[str]) -> dict[str, str]:
    return {
        "thaipr.table": table,
        "thaipr.schema_version": SCHEMA_VERSION,
        "thaipr.crawl_id": crawl_id,
        "thaipr.extractor_version": ",".join(sorted(set(extractor_versions))),
    }


def schema_file(data: Path, table: str) -> Path:
    return data / SCHEMAS / f"{table}.parquet"


def write_schema_files(data: Path) -> None:
    """DATA/_schema/<table>.parquet: a zero-row file in the current schema, so that a reader
    without thaipr can read old and new files together (see docs/fields.md)."""
    for table in TABLES:
        path = schema_file(data, table)
        if path.exists() and schema_version(path) == SCHEMA_VERSION:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        empty = arrow_schema(table).empty_table()
        meta = {"thaipr.table": table, "thaipr.schema_version": SCHEMA_VERSION}
        pq.write_table(empty.replace_schema_metadata(meta), tmp)
        os.replace(tmp, path)


def schema_version(path: Path) -> str | None:
    """The schema version a Parquet file was written in (None: unreadable or not ours)."""
    try:
        meta = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowInvalid):
        return None
    version = meta.get(b"thaipr.schema_version")
    return version.decode() if version else None


@dataclass(frozen=True)
class StagedFile:
    staged: Path
    final: Path

    def publish(self) -> None:
        try:
            os.replace(self.staged, self.final)
        except FileNotFoundError:  # a partition's first file: make its directory (once)
            self.final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.staged, self.final)


class Staging:
    """A writer's private, locked directory under DATA/_staging. While the lock is held no
    `recover` removes it; once the writer dies the lock is gone with it."""

    def __init__(self, data: Path, name: str) -> None:
        # Set up under `.new` and renamed once locked, so recovery never sees it unlocked.
        setup = data / STAGING / f"{safe_component(name, 'writer name')}.new"
        setup.mkdir(parents=True)
        self._lock: IO[bytes] | None = open(setup / ".lock", "wb")  # noqa: SIM115
        fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self.dir = setup.with_name(name)
        os.replace(setup, self.dir)
        self._seq = 0
        self._seq_lock = threading.Lock()

    def write(
        self, table: pa.Table, name: str, final_dir: Path, meta: dict[str, str]
    ) -> StagedFile:
        """Write `table` as one complete, synced Parquet file in staging (thread-safe)."""
        out = self.open(meta["thaipr.table"], name, final_dir)
        staged = out.finish(meta, last=table)
        assert staged is not None
        return staged

    def open(
        self, table: str, name: str, final_dir: Path, level: int | None = None
    ) -> "StagedParquet":
        """A Parquet file to write in parts (thread-safe). `level`: zstd level."""
        with self._seq_lock:
            self._seq += 1
            path = self.dir / f"{self._seq:06d}-{name}"
        return StagedParquet(table, path, final_dir / name, level)

    def close(self) -> None:
        if self._lock:
            self._lock.close()
            self._lock = None
            shutil.rmtree(self.dir, ignore_errors=True)


class StagedParquet:
    """One Parquet file being written in staging: parts are gathered into row groups of
    about ROW_GROUP_ROWS rows or ROW_GROUP_BYTES bytes, so memory stays bounded whatever the
    file's size."""

    def __init__(self, table: str, path: Path, final: Path, level: int | None) -> None:
        self.table, self.path, self.final = table, path, final
        self.rows = 0
        self._level = level
        self._parts: list[pa.Table] = []
        self._buffered_rows = self._buffered_bytes = 0
        self._writer: pq.ParquetWriter | None = None

    def write(self, part: pa.Table) -> None:
        if not self._add(part):
            return
        self._buffered_bytes += part.nbytes
        if self._buffered_rows >= ROW_GROUP_ROWS or self._buffered_bytes >= ROW_GROUP_BYTES:
            self._flush()

    def finish(self, meta: dict[str, str], last: pa.Table | None = None) -> StagedFile | None:
        """Close the file, synced, with `meta` in its footer; None when no row was written.
        `last`: a final part, written with what is buffered and not weighed first (`nbytes`
        of a slice of many chunks walks every column: about 0.4 ms of a crawl's file)."""
        if last is not None:
            self._add(last)
        self._flush()
        if self._writer is None:
            return None
        self._writer.add_key_value_metadata(meta)
        self._writer.close()
        with open(self.path, "rb") as f:
            os.fsync(f.fileno())
        return StagedFile(self.path, self.final)

    def _add(self, part: pa.Table) -> bool:
        if not part.num_rows:
            return False
        self._parts.append(part)
        self.rows += part.num_rows
        self._buffered_rows += part.num_rows
        return True

    def _flush(self) -> None:
        if not self._parts:
            return
        group = pa.concat_tables(self._parts)
        self._parts = []
        self._buffered_rows = self._buffered_bytes = 0
        if self._writer is None:
            self._writer = pq.ParquetWriter(
                self.path,
                group.schema.remove_metadata(),
                compression="zstd",
                compression_level=self._level,
                use_dictionary=dictionary_columns(self.table),
                store_schema=False,  # Parquet's own types say it all; saves ~7 KB per file
            )
        self._writer.write_table(group, row_group_size=ROW_GROUP_ROWS)


def write_journal(data: Path, name: str, publish: list[StagedFile], remove: list[Path]) -> Path:
    """Record a file swap before doing it, so that a kill half-way is rolled forward."""
    journal = data / JOURNAL / f"{name}.json"
    journal.parent.mkdir(parents=True, exist_ok=True)
    entry = {
        "publish": [[str(f.staged), str(f.final)] for f in publish],
        "remove": [str(p) for p in remove],
    }
    tmp = journal.with_suffix(".tmp")
    tmp.write_text(json.dumps(entry), encoding="utf-8")
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, journal)
    kill_point("compact.journalled")
    return journal


def apply_journal(journal: Path) -> None:
    """Finish the swap a journal describes (idempotent), then drop the journal."""
    entry = json.loads(journal.read_text(encoding="utf-8"))
    for staged, final in entry["publish"]:
        if Path(staged).exists():
            StagedFile(Path(staged), Path(final)).publish()
            kill_point("compact.swapped_one")
    for old in entry["remove"]:
        Path(old).unlink(missing_ok=True)
    journal.unlink()


@contextmanager
def compaction_lock(data: Path, wait: bool = True) -> Iterator[bool]:
    """Hold the dataset's compaction lock; yields False when `wait` is off and it is taken."""
    data.mkdir(parents=True, exist_ok=True)
    with open(data / COMPACT_LOCK, "ab") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True


def recover(data: Path) -> list[str]:
    """Roll forward unfinished compactions, then remove staging directories whose writer is
    gone. Returns what was done, one line each. Does nothing while a compaction runs (it
    recovers first itself)."""
    with compaction_lock(data, wait=False) as held:
        return recover_locked(data) if held else []


def recover_locked(data: Path) -> list[str]:
    """`recover` for a caller that holds the compaction lock. Journals go first: they may
    publish files from a dead compaction's staging directory."""
    done = []
    journal_dir = data / JOURNAL
    if journal_dir.is_dir():
        for tmp in journal_dir.glob("*.tmp"):
            tmp.unlink()  # the swap never started: its old files are all still in place
        for journal in sorted(journal_dir.glob("*.json")):
            apply_journal(journal)
            done.append(f"finished the interrupted compaction {journal.stem}")
    staging = data / STAGING
    if staging.is_dir():
        for writer in staging.iterdir():
            if _abandoned(writer):
                shutil.rmtree(writer, ignore_errors=True)
                done.append(f"removed the unfinished files of {writer.name.removesuffix('.new')}")
    return done


def _abandoned(writer: Path) -> bool:
    if not writer.is_dir():
        return False
    if writer.name.endswith(".new"):
        return time.time() - writer.stat().st_mtime > SETUP_GRACE_S
    return not _locked(writer / ".lock")


def _locked(lock: Path) -> bool:
    try:
        with open(lock, "ab") as f:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except FileNotFoundError:
        return False
    return False
