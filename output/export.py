"""A query's result written to one file a researcher opens elsewhere, one writer per format,
shared by `thaipr export` and `thaipr query --format`:

1. **Parquet**: the Arrow types as they are (lists and structs kept), zstd, row groups of
   up to ROW_GROUP_ROWS rows; the SQL and the schema version in the footer's metadata.
2. **CSV**: UTF-8 without a byte-order mark, one header line, `\\n` line ends; dates and
   timestamps ISO 8601, lists and structs as JSON text, null as an empty field.
3. **JSON Lines**: one object per row, UTF-8 (`ensure_ascii=False`), dates ISO 8601,
   lists and structs as JSON.
4. **Excel** (.xlsx, XlsxWriter): typed cells (dates and timestamps as Excel dates with a
   date format, numbers, booleans), lists and structs as JSON text, the header row frozen
   with a filter, column widths from the first rows. A sheet holds at most EXCEL_ROWS rows:
   a larger result is refused (TooLarge), never split over sheets or cut short. A cell
   holds at most EXCEL_CELL characters: a longer text is cut and ends with CUT_MARK, and
   the cuts are counted (`Written.cut`).

Every writer reads an Arrow stream (`output.query.stream`) a batch at a time; `export`
writes to a temporary name beside the file and renames it, so a failure never leaves a
half-written file."""

import contextlib
import csv
import json
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import xlsxwriter
from xlsxwriter.exceptions import FileCreateError, FileSizeError

from output.query import batch_rows, cell_text, display_width, jsonable
from output.schema import SCHEMA_VERSION

FORMATS = ("parquet", "csv", "jsonl", "xlsx")
# Formats whose files are not text: never written to a terminal.
BINARY = frozenset({"parquet", "xlsx"})
# A file name's ending -> the format it promises.
SUFFIXES = {
    ".parquet": "parquet",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".xlsx": "xlsx",
}
# Endings of compressed files: no export writes one.
COMPRESSED = (".gz", ".bz2", ".xz", ".zst", ".zip", ".7z")
# Views of a connection that are plumbing, not tables (besides names starting with `_`).
HELPER_VIEWS = frozenset({"latest_revisions"})

# A Parquet row group is written once this many rows are in hand.
ROW_GROUP_ROWS = 100_000
# Excel's limits: rows of a sheet (the header's included), columns, characters of a cell.
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
EXCEL_CELL = 32_767
# What ends a text cut to Excel's cell limit.
CUT_MARK = "…[cut]"
# Excel's widest and narrowest column as XlsxWriter sets them, in characters.
MAX_WIDTH, MIN_WIDTH = 60, 6
# Integers past 2**53 lose digits as Excel numbers: written as text.
EXCEL_EXACT = 2**53
# The first day Excel's dates can show (1900 date system).
EXCEL_EPOCH = date(1900, 1, 1)
EXCEL_FORMATS = {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm:ss", "time": "hh:mm:ss"}
# Widths of typed columns, in characters.
TYPED_WIDTHS = {"date": 10, "datetime": 19, "time": 8, "bool": 5}


class TooLarge(ValueError):
    """The result does not fit the format (more rows or columns than an Excel sheet holds)."""


@dataclass
class Written:
    rows: int = 0
    cut: int = 0  # Excel cells cut to EXCEL_CELL characters


def format_of(path: Path) -> str | None:
    """The format a file's name promises (`.parquet`, `.csv`, `.jsonl`, `.ndjson`, `.json`,
    `.xlsx`), or None."""
    return SUFFIXES.get(path.suffix.lower())


def is_compressed(path: Path) -> bool:
    return path.suffix.lower() in COMPRESSED


def tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The views a connection to the dataset shows (`output.views.connect`), by name: every
    table, `meetings` and whatever views are added later."""
    rows = con.sql(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal "
        "AND database_name = current_database() AND schema_name = 'main' ORDER BY view_name"
    ).fetchall()
    return [n for (n,) in rows if not n.startswith("_") and n not in HELPER_VIEWS]


def table_sql(table: str) -> str:
    return 'SELECT * FROM "' + table.replace('"', '""') + '"'


def export(
    reader: pa.RecordBatchReader,
    fmt: str,
    path: Path,
    *,
    sheet: str = "result",
    sql: str | None = None,
) -> Written:
    """Write a result to `path` in `fmt`, atomically: under a temporary name in the same
    folder, renamed to `path` (replacing it) once whole; removed on any failure."""
    with _atomic(path) as temporary:
        return _write_file(reader, fmt, temporary, sheet=sheet, sql=sql)


def export_text(text: str, path: Path) -> None:
    """Text already made (an aligned table) into `path`, atomically."""
    with _atomic(path) as temporary:
        temporary.write_text(text, encoding="utf-8")


def write_stream(
    reader: pa.RecordBatchReader,
    fmt: str,
    out: IO[str],
    *,
    sheet: str = "result",
    sql: str | None = None,
) -> Written:
    """Write a result to an open stream (stdout): text formats as they are read, binary ones
    through a temporary file, then copied to `out`'s bytes."""
    if fmt == "csv":
        return write_csv(reader, out)
    if fmt == "jsonl":
        return write_jsonl(reader, out)
    with tempfile.TemporaryDirectory(prefix="thaipr-export-") as folder:
        path = Path(folder) / f"result.{fmt}"
        written = _write_file(reader, fmt, path, sheet=sheet, sql=sql)
        out.flush()
        with path.open("rb") as source:
            shutil.copyfileobj(source, getattr(out, "buffer", sys.stdout.buffer))
    return written


def _write_file(
    reader: pa.RecordBatchReader, fmt: str, path: Path, *, sheet: str, sql: str | None
) -> Written:
    if fmt == "parquet":
        return write_parquet(reader, path, sql=sql)
    if fmt == "xlsx":
        return write_xlsx(reader, path, sheet=sheet)
    writer = {"csv": write_csv, "jsonl": write_jsonl}[fmt]
    with path.open("w", encoding="utf-8", newline="") as out:
        return writer(reader, out)


@contextlib.contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """A new empty file beside `path` (mode 0666 less the umask, as `path` would get),
    renamed to `path` after the block, or removed if the block fails."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        yield temporary
        with temporary.open("rb") as done:
            os.fsync(done.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_csv(reader: pa.RecordBatchReader, out: IO[str]) -> Written:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(reader.schema.names)
    written = Written()
    for batch in reader:
        writer.writerows([cell_text(v) for v in row] for row in batch_rows(batch))
        written.rows += batch.num_rows
    return written


def write_jsonl(reader: pa.RecordBatchReader, out: IO[str]) -> Written:
    names = reader.schema.names
    written = Written()
    for batch in reader:
        for row in batch_rows(batch):
            record = {name: jsonable(v) for name, v in zip(names, row, strict=True)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        written.rows += batch.num_rows
    return written


def write_parquet(reader: pa.RecordBatchReader, path: Path, *, sql: str | None = None) -> Written:
    metadata = {"thaipr.schema_version": str(SCHEMA_VERSION)}
    if sql is not None:
        metadata["thaipr.sql"] = sql
    schema = reader.schema.with_metadata({**(reader.schema.metadata or {}), **metadata})
    written = Written()
    held: list[pa.RecordBatch] = []
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:

        def flush() -> None:
            table = pa.Table.from_batches(held, schema)
            writer.write_table(table, row_group_size=max(table.num_rows, 1))
            held.clear()

        for batch in reader:
            held.append(batch)
            written.rows += batch.num_rows
            if sum(b.num_rows for b in held) >= ROW_GROUP_ROWS:
                flush()
        if held:
            flush()
    return written


def write_xlsx(reader: pa.RecordBatchReader, path: Path, *, sheet: str = "result") -> Written:
    """One sheet: the header row (bold, frozen, with a filter), then a row per result row.
    TooLarge past EXCEL_ROWS rows (the header's included) or EXCEL_COLUMNS columns."""
    names = reader.schema.names
    if len(names) > EXCEL_COLUMNS:
        raise TooLarge(f"{len(names)} columns, more than an Excel sheet holds ({EXCEL_COLUMNS:,})")
    kinds = [_kind(field.type) for field in reader.schema]
    with tempfile.TemporaryDirectory(prefix="thaipr-xlsx-") as scratch:
        workbook = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,  # rows go to a scratch file as they are written
                "tmpdir": scratch,
                "nan_inf_to_errors": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        try:
            written = _fill_sheet(workbook, reader, _sheet_name(sheet), kinds, EXCEL_ROWS)
        except BaseException:
            _abandon(workbook)
            raise
        try:
            workbook.close()
        except FileSizeError as exc:  # a part of the zip over 4 GB
            raise TooLarge("the workbook passes 4 GB, more than XlsxWriter writes") from exc
        except FileCreateError as exc:  # XlsxWriter's wrapping of the OSError it met
            cause = exc.args[0] if exc.args else exc
            raise cause if isinstance(cause, OSError) else OSError(str(cause)) from exc
    return written


def _abandon(workbook: Any) -> None:
    """Close the scratch files of a workbook that will not be written (XlsxWriter keeps each
    sheet's rows in one until `close`)."""
    for worksheet in workbook.worksheets():
        handle = getattr(worksheet, "row_data_fh", None)
        if handle is not None and not handle.closed:
            handle.close()


def _fill_sheet(
    workbook: Any,
    reader: pa.RecordBatchReader,
    sheet: str,
    kinds: list[str],
    max_rows: int,
) -> Written:
    names = reader.schema.names
    worksheet = workbook.add_worksheet(sheet)
    formats = {kind: workbook.add_format({"num_format": f}) for kind, f in EXCEL_FORMATS.items()}
    header = workbook.add_format({"bold": True})
    written = Written()
    row_number = 0  # of the sheet's last row written; the header is 0
    cells: list[Callable[[int, int, Any], None]] = []
    for batch in reader:
        rows = list(batch_rows(batch))
        if not cells:  # the first batch: widths from its rows, then the header
            for column, (name, kind) in enumerate(zip(names, kinds, strict=True)):
                sample = [row[column] for row in rows[:500]]
                worksheet.set_column(column, column, _width(name, kind, sample))
                worksheet.write_string(0, column, name, header)
            cells = [_cell_writer(worksheet, kind, formats, written) for kind in kinds]
        if row_number + len(rows) >= max_rows:
            raise TooLarge(
                f"more than {max_rows - 1:,} rows, more than an Excel sheet holds "
                f"({max_rows:,} with the header)"
            )
        for row in rows:
            row_number += 1
            for column, value in enumerate(row):
                if value is not None:
                    cells[column](row_number, column, value)
        written.rows += len(rows)
    if not cells:  # no row: the header only
        for column, (name, kind) in enumerate(zip(names, kinds, strict=True)):
            worksheet.set_column(column, column, _width(name, kind, []))
            worksheet.write_string(0, column, name, header)
    worksheet.freeze_panes(1, 0)
    if names:
        worksheet.autofilter(0, 0, row_number, len(names) - 1)
    return written


def _kind(arrow_type: pa.DataType) -> str:
    """How a column's values go into cells: date, datetime, time, bool, number, json, text."""
    if pa.types.is_date(arrow_type):
        return "date"
    if pa.types.is_timestamp(arrow_type):
        return "datetime"
    if pa.types.is_time(arrow_type):
        return "time"
    if pa.types.is_boolean(arrow_type):
        return "bool"
    if (
        pa.types.is_integer(arrow_type)
        or pa.types.is_floating(arrow_type)
        or pa.types.is_decimal(arrow_type)
    ):
        return "number"
    if pa.types.is_nested(arrow_type):
        return "json"
    return "text"


def _cell_writer(
    worksheet: Any, kind: str, formats: dict[str, Any], written: Written
) -> Callable[[int, int, Any], None]:
    def text(row: int, column: int, value: Any) -> None:
        value = cell_text(value) if kind != "json" else _json(value)
        if len(value) > EXCEL_CELL // 2 and _units(value) > EXCEL_CELL:
            value = _cut_cell(value)
            written.cut += 1
        worksheet.write_string(row, column, value)

    def number(row: int, column: int, value: Any) -> None:
        if isinstance(value, int) and abs(value) > EXCEL_EXACT:
            worksheet.write_string(row, column, str(value))
        else:
            worksheet.write_number(row, column, float(value))

    def moment(row: int, column: int, value: Any) -> None:
        if isinstance(value, datetime) and value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)  # Excel has no time zones
        day = value.date() if isinstance(value, datetime) else value
        if isinstance(day, date) and day < EXCEL_EPOCH:  # before Excel's calendar
            worksheet.write_string(row, column, value.isoformat())
        else:
            worksheet.write_datetime(row, column, value, formats[kind])

    def boolean(row: int, column: int, value: Any) -> None:
        worksheet.write_boolean(row, column, value)

    if kind in ("date", "datetime", "time"):
        return moment
    return {"number": number, "bool": boolean}.get(kind, text)


def _json(value: Any) -> str:
    return json.dumps(jsonable(value), ensure_ascii=False)


def _units(text: str) -> int:
    """Length in UTF-16 code units, as Excel counts a cell's characters."""
    return len(text.encode("utf-16-le")) // 2


def _cut_cell(text: str) -> str:
    keep = EXCEL_CELL - len(CUT_MARK)
    text = text[:keep]
    while _units(text) > keep:  # characters outside the BMP count twice
        text = text[: keep - (_units(text) - keep)]
    return text + CUT_MARK


def _width(name: str, kind: str, sample: list[Any]) -> int:
    widths = [display_width(name) + 2]  # room for the filter's button
    if kind in TYPED_WIDTHS:
        widths.append(TYPED_WIDTHS[kind])
    else:
        for value in sample:
            if value is not None:
                text = _json(value) if kind == "json" else cell_text(value)
                widths.append(display_width(text[: MAX_WIDTH * 2]))
    return max(MIN_WIDTH, min(MAX_WIDTH, max(widths) + 1))


def _sheet_name(name: str) -> str:
    """A sheet's name as Excel takes it: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'")
    return cleaned[:31] or "result"
