"""Tables of pages a researcher already has, read for `thaipr extract`: JSON Lines (`.jsonl`,
`.jsonl.gz`, `.ndjson`, `.ndjson.gz`) or Parquet (`.parquet`), one page a row, with an id, a
URL and the page as text or HTML. Read as a stream: Parquet a record batch at a time, JSON
Lines a line at a time.

`open_table` checks what can be checked before a row is read (the file is there, it is in
its format, the columns are there and, in Parquet, hold strings) and raises TableError, one
line saying what is wrong and what to do. After that a bad row is a BadRow in the stream and
the rows after it still come; a table that turns unreadable part way raises TableError."""

import gzip
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from extract.sniff import is_binary

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet",)
# Parquet rows converted to Python at a time: about 25 MB of pages of 100 KB.
BATCH_ROWS = 256
# A longer JSON line is refused (and skipped) rather than read into memory.
MAX_LINE_BYTES = 50 * 1024 * 1024
ROW_EXAMPLE = '{"id": "p1", "url": "https://…", "text": "…"}'


def is_table(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES + PARQUET_SUFFIXES)


class TableError(Exception):
    """The table cannot be read: one line naming the problem and what to do."""


@dataclass(frozen=True)
class Columns:
    """Where a row keeps its id, URL, text and HTML. A column named in `given` (the user
    named it) must be in the table; the URL column may be absent otherwise."""

    id: str = "id"
    url: str = "url"
    text: str = "text"
    html: str = "html"
    given: frozenset[str] = field(default_factory=frozenset)  # of "id", "url", "text", "html"

    def option(self, role: str) -> str:
        return f"--{role}-column"


@dataclass(frozen=True)
class PageRow:
    where: str  # "line 3" (JSON Lines) or "row 3" (Parquet), counted from 1
    id: str
    url: str | None
    kind: Literal["html", "text"]
    content: str


@dataclass(frozen=True)
class BadRow:
    where: str
    id: str | None
    url: str | None
    reason: str


Row = PageRow | BadRow


def page_row(where: str, values: Mapping[str, Any], columns: Columns) -> Row:
    """A row's page: its HTML when it has some, else its text; a BadRow when its id, URL,
    text or HTML is not a string (an integer id is taken as its digits), it has neither, or
    the one taken is binary (`extract.sniff.is_binary`)."""
    raw_id = values.get(columns.id)
    ident = str(raw_id) if isinstance(raw_id, int) and not isinstance(raw_id, bool) else raw_id
    url = values.get(columns.url)
    url_ok = url is None or isinstance(url, str)
    known_id = ident if isinstance(ident, str) and ident.strip() else None
    known_url = (url.strip() or None) if isinstance(url, str) else None

    def bad(reason: str) -> BadRow:
        return BadRow(where, known_id, known_url, reason)

    if ident is not None and not isinstance(ident, str):
        return bad(f"{columns.id!r} is {_kind_of(ident)}, not a string")
    if known_id is None:
        return bad(f"no {columns.id!r}")
    if not url_ok:
        return bad(f"{columns.url!r} is {_kind_of(url)}, not a string")
    for name in (columns.html, columns.text):
        value = values.get(name)
        if value is not None and not isinstance(value, str):
            return bad(f"{name!r} is {_kind_of(value)}, not a string")
    html, text = values.get(columns.html), values.get(columns.text)
    pages: tuple[tuple[str, Literal["html", "text"], str | None], ...] = (
        (columns.html, "html", html),
        (columns.text, "text", text),
    )
    for name, kind, content in pages:
        if not content or content.isspace():
            continue
        if is_binary(content):
            return bad(f"{name!r} is binary, not a page or text")
        return PageRow(where, known_id, known_url, kind, content)
    return bad(f"neither {columns.text!r} nor {columns.html!r} has any text")


def _kind_of(value: Any) -> str:
    """What a JSON or Parquet value is, in a user's words."""
    kinds = {bool: "a boolean", int: "a number", float: "a number", bytes: "bytes"}
    kinds |= {list: "a list", dict: "an object", str: "a string", type(None): "null"}
    return kinds.get(type(value), f"a {type(value).__name__}")


class PageTable:
    """An open table: `total` rows when the table says (Parquet), iterated once."""

    name: str
    total: int | None

    def __iter__(self) -> Iterator[Row]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "PageTable":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open_table(name: str, columns: Columns) -> PageTable:
    path = Path(name)
    if not path.exists():
        raise TableError(f"{name}: no such file; check the path")
    if not path.is_file():
        raise TableError(f"{name}: not a file; name a .jsonl or .parquet file")
    if name.lower().endswith(PARQUET_SUFFIXES):
        return ParquetTable(name, columns)
    return JsonLinesTable(name, columns)


def _check_columns(name: str, present: list[str], columns: Columns, in_what: str) -> None:
    listed = ", ".join(present[:20]) or "none"
    if columns.id not in present:
        raise TableError(
            f"{name}: no {columns.id!r} {in_what} (it has: {listed}); "
            f"name the id column with {columns.option('id')}"
        )
    for role in sorted(columns.given - {"id"}):
        column = getattr(columns, role)
        if column not in present:
            raise TableError(
                f"{name}: no {column!r} {in_what}, named by {columns.option(role)} (it has: "
                f"{listed}); check the name"
            )
    if columns.text not in present and columns.html not in present:
        raise TableError(
            f"{name}: neither a {columns.text!r} nor an {columns.html!r} {in_what} (it has: "
            f"{listed}); name the page's column with --text-column or --html-column"
        )


class ParquetTable(PageTable):
    def __init__(self, name: str, columns: Columns) -> None:
        self.name = name
        self.columns = columns
        try:
            self.file = pq.ParquetFile(name)
        except (pa.ArrowException, OSError) as exc:
            raise TableError(
                f"{name}: not a readable Parquet file ({_one_line(exc)}); "
                "write it with pyarrow or pandas, or give JSON Lines a .jsonl name"
            ) from None
        schema = self.file.schema_arrow
        _check_columns(name, schema.names, columns, "column")
        roles = ("id", "url", "text", "html")
        self.read = list(
            dict.fromkeys(c for r in roles if (c := getattr(columns, r)) in schema.names)
        )
        for column in self.read:
            kind = schema.field(column).type
            if not _holds_strings(kind, allow_integers=column == columns.id):
                raise TableError(
                    f"{name}: column {column!r} holds {kind}, not strings; "
                    "write it as UTF-8 strings"
                )
        self.total = self.file.metadata.num_rows

    def __iter__(self) -> Iterator[Row]:
        done = 0
        try:
            for batch in self.file.iter_batches(batch_size=BATCH_ROWS, columns=self.read):
                for values in batch.to_pylist():
                    done += 1
                    yield page_row(f"row {done}", values, self.columns)
        except (pa.ArrowException, OSError) as exc:
            raise TableError(
                f"{self.name}: unreadable after row {done} ({_one_line(exc)}); "
                "the rows before it were extracted; check or rewrite the file"
            ) from None

    def close(self) -> None:
        self.file.close()


def _holds_strings(kind: pa.DataType, allow_integers: bool) -> bool:
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    if pa.types.is_null(kind) or pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return True
    string_view = getattr(pa.types, "is_string_view", None)
    if string_view and string_view(kind):
        return True
    return allow_integers and pa.types.is_integer(kind)


class JsonLinesTable(PageTable):
    """One JSON object a line. The first line that is not blank decides: it must be an
    object, with the columns; a bad line after it is a BadRow."""

    def __init__(self, name: str, columns: Columns) -> None:
        self.name = name
        self.columns = columns
        self.total = None
        compressed = name.lower().endswith(".gz")
        try:
            self.file: io.BufferedIOBase = gzip.GzipFile(name) if compressed else open(name, "rb")  # noqa: SIM115
        except OSError as exc:
            raise TableError(f"{name}: cannot read it ({exc.strerror or exc})") from None
        self.lines = self._lines()
        self.first: tuple[int, dict[str, Any]] | None = None
        try:
            for number, line in self.lines:
                parsed = _parse(line, number == 1)
                if isinstance(parsed, str):
                    raise TableError(
                        f"{name} line {number}: {parsed}; a JSON Lines table has one JSON "
                        f"object a line, such as {ROW_EXAMPLE}"
                    )
                if parsed is not None:
                    self.first = (number, parsed)
                    _check_columns(name, list(parsed), columns, f"field in line {number}")
                    break
        except BaseException:
            self.file.close()
            raise

    def _lines(self) -> Iterator[tuple[int, bytes | None]]:
        """Each line, numbered from 1; None for one longer than MAX_LINE_BYTES (skipped)."""
        number = 0
        try:
            while line := self.file.readline(MAX_LINE_BYTES + 1):
                number += 1
                if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                    while (rest := self.file.readline(1 << 20)) and not rest.endswith(b"\n"):
                        pass
                    yield number, None
                else:
                    yield number, line
        except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError
            where = f"after line {number}" if number else "from the start"
            hint = (
                "; name it .jsonl if it is not gzip-compressed"
                if isinstance(exc, gzip.BadGzipFile)
                else "; check or rewrite the file"
            )
            raise TableError(f"{self.name}: unreadable {where} ({_one_line(exc)}){hint}") from None

    def __iter__(self) -> Iterator[Row]:
        if self.first:
            number, values = self.first
            yield page_row(f"line {number}", values, self.columns)
        for number, line in self.lines:
            parsed = _parse(line, number == 1)
            if parsed is None:
                continue
            if isinstance(parsed, str):
                yield BadRow(f"line {number}", None, None, parsed)
            else:
                yield page_row(f"line {number}", parsed, self.columns)

    def close(self) -> None:
        self.file.close()


def _parse(line: bytes | None, first: bool) -> dict[str, Any] | str | None:
    """The line's object; None for a blank line; else what is wrong with it."""
    if line is None:
        return f"longer than {MAX_LINE_BYTES // 1024 // 1024} MB"
    try:
        text = line.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        return f"not UTF-8 ({exc.reason} at byte {exc.start})"
    text = text.strip()
    if not text:
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"not valid JSON ({exc.msg} at column {exc.colno})"
    if not isinstance(value, dict):
        return f"{_kind_of(value)}, not a JSON object"
    return value


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]
