"""`thaipr export` and `thaipr query --format/--out` as a user runs them, on a dataset made by
`thaipr extract --out`: every format read back by its own reader (pyarrow, csv, json,
openpyxl) with the view's rows, Thai text and dates; Excel's limits; what cannot be done is
one line, exit status 2 and no file."""

import csv
import io
import json
import os
import pty
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import output.export
import thaipr
from output.export import CUT_MARK, EXCEL_CELL, TooLarge, export, tables
from output.query import stream
from tests.records import PROVINCES, page
from tests.test_cli_data import read_only

THAIPR = [sys.executable, "-m", "thaipr"]
# Each table read back: a Thai text column, a date column, a Thai word the text column has.
CHECKED = {
    "meetings": ("province_th", "event_date", "หนองคาย"),
    "articles": ("title", "event_date", "ประชุม"),
    "officials": ("name", "event_date", "สมชาย"),
}
FORMATS = ("parquet", "csv", "jsonl", "xlsx")
# The long story's body: more than an Excel cell holds.
LONG_BODY = "ที่ประชุมได้ติดตามความก้าวหน้าของโครงการ " * 1200


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*THAIPR, *args], capture_output=True, text=True, timeout=180)


def one_line(result: subprocess.CompletedProcess[str], command: str = "export") -> str:
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"thaipr {command}: "), line
    return line.removeprefix(f"thaipr {command}: ")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve stored pages and one story too long for an Excel cell, extracted into a
    dataset with `thaipr extract --out`."""
    pages = tmp_path_factory.mktemp("pages")
    names = []
    for i in range(12):
        path = pages / f"{PROVINCES[i % 4][0]}-{i}.html"
        path.write_text(page(i)[1], encoding="utf-8")
        names.append(str(path))
    long = pages / "long.txt"
    long.write_text(
        "จังหวัดหนองคายประชุมติดตามโครงการ\n"
        "วันนี้ (5 ม.ค.66) เวลา 09.30 น. นายสมชาย ใจดี ผู้ว่าราชการจังหวัดหนองคาย "
        f"เป็นประธานการประชุม ณ ห้องประชุม 1 ศาลากลางจังหวัดหนองคาย {LONG_BODY}",
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("data") / "data"
    result = run("extract", "--out", str(out), *names, str(long))
    assert "13 records into" in result.stderr, result.stderr
    return out


def view(data: Path, sql: str) -> list[tuple[Any, ...]]:
    return thaipr.connect(data).execute(sql).fetchall()


def read_parquet(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    return rows


def read_csv(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def read_xlsx(path: Path) -> list[dict[str, Any]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        header, *rows = list(workbook.active.iter_rows(values_only=True))
    finally:
        workbook.close()  # a read-only workbook keeps its file open until closed
    return [dict(zip(header, row, strict=True)) for row in rows]


READERS: dict[str, Callable[[Path], list[dict[str, Any]]]] = {
    "parquet": read_parquet,
    "csv": read_csv,
    "jsonl": read_jsonl,
    "xlsx": read_xlsx,
}


def as_date(value: Any, fmt: str) -> date | None:
    """A date cell as its format holds it: a date (Parquet), ISO text (CSV, JSON Lines), an
    Excel date, which openpyxl reads as a datetime."""
    if value in (None, ""):
        return None
    if fmt == "xlsx":
        assert isinstance(value, datetime), value
        return value.date()
    if fmt == "parquet":
        assert isinstance(value, date), value
        return value
    return date.fromisoformat(value)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("table", sorted(CHECKED))
def test_a_table_reads_back_whole(data: Path, tmp_path: Path, table: str, fmt: str) -> None:
    out = tmp_path / f"{table}.{fmt}"
    result = run("export", "--data", str(data), "--table", table, "--out", str(out))
    assert result.returncode == 0, result.stderr
    [(count,)] = view(data, f"SELECT count(*) FROM {table}")
    assert count > 0
    rows = READERS[fmt](out)
    assert len(rows) == count
    assert f"{count} rows of {table} written to {out}" in result.stderr
    thai, day, word = CHECKED[table]
    expected = view(data, f"SELECT {thai}, {day} FROM {table}")
    got = [(r[thai], as_date(r[day], fmt)) for r in rows]
    assert sorted(got, key=str) == sorted(expected, key=str)
    assert any(word in r[thai] for r in rows)


def test_nested_values_keep_their_structure(data: Path, tmp_path: Path) -> None:
    """articles.officials: a list of structs in Parquet and JSON Lines, its JSON text in a
    CSV field or an Excel cell."""
    expected = {
        article_id: [o["name"] for o in officials]
        for article_id, officials in view(data, "SELECT article_id, officials FROM articles")
    }
    for fmt in FORMATS:
        out = tmp_path / f"articles.{fmt}"
        result = run("export", "--data", str(data), "--table", "articles", "--out", str(out))
        assert result.returncode == 0, result.stderr
        got = {}
        for row in READERS[fmt](out):
            officials = row["officials"]
            if fmt in ("csv", "xlsx"):
                officials = json.loads(officials)
            got[row["article_id"]] = [o["name"] for o in officials]
        assert got == expected, fmt
    schema = pq.read_schema(tmp_path / "articles.parquet")
    assert pa.types.is_list(schema.field("officials").type)
    assert schema.field("fetched_at").type == pa.timestamp("us", tz="UTC")
    assert schema.metadata[b"thaipr.sql"] == b'SELECT * FROM "articles"'


def test_csv_is_plain_utf8_and_jsonl_one_object_a_line(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.csv"
    run("export", "--data", str(data), "--table", "meetings", "--out", str(out))
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no byte-order mark
    assert "ผู้ว่าราชการจังหวัด".encode() in raw
    jsonl = tmp_path / "m.ndjson"  # the format from the name
    run("export", "--data", str(data), "--table", "meetings", "--out", str(jsonl))
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    assert all(line.startswith('{"event_date": "20') for line in lines)
    assert "\\u0e" not in jsonl.read_text(encoding="utf-8")  # Thai as itself, not escaped


def test_xlsx_has_a_frozen_header_typed_cells_and_cuts_what_excel_cannot_hold(
    data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "articles.xlsx"
    result = run("export", "--data", str(data), "--table", "articles", "--out", str(out))
    assert result.returncode == 0
    assert "1 cell longer than Excel's 32,767 characters cut, ending in …[cut]" in result.stderr
    sheet = openpyxl.load_workbook(out).active
    assert sheet.title == "articles"
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    column = {name: i for i, name in enumerate(header)}
    bodies = [row[column["body"]].value for row in sheet.iter_rows(min_row=2)]
    [long] = [b for b in bodies if len(b) > 10_000]
    assert long.endswith(CUT_MARK) and len(long) == EXCEL_CELL
    row = next(r for r in sheet.iter_rows(min_row=2) if r[column["event_date"]].value)
    assert row[column["event_date"]].number_format == "yyyy-mm-dd"
    assert isinstance(row[column["fetched_at"]].value, datetime)
    assert isinstance(row[column["year"]].value, int)
    assert row[column["encoding_repaired"]].value is False
    # The other formats keep the body whole.
    whole = tmp_path / "articles.jsonl"
    run("export", "--data", str(data), "--table", "articles", "--out", str(whole))
    assert max(len(r["body"]) for r in read_jsonl(whole)) > EXCEL_CELL


def test_sql_instead_of_a_table(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "nongkhai.csv"
    sql = "SELECT province_th, count(*) AS n FROM meetings GROUP BY 1 ORDER BY 1"
    result = run("export", "--data", str(data), "--sql", sql, "--out", str(out))
    assert result.returncode == 0, result.stderr
    expected = [{"province_th": p, "n": str(n)} for p, n in view(data, sql)]
    assert read_csv(out) == expected


def test_a_result_larger_than_an_excel_sheet_is_refused(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "big.xlsx"
    sql = "SELECT range AS n FROM range(1048576)"  # one row more than fits below the header
    result = run("export", "--data", str(data), "--sql", sql, "--out", str(out))
    assert result.returncode == 2
    assert one_line(result).startswith(
        "the result does not fit Excel: more than 1,048,575 rows, more than an Excel sheet "
        "holds (1,048,576 with the header); write it as parquet or csv"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_writing_leaves_no_file(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "partial.csv"
    out.write_text("the old export\n", encoding="utf-8")
    sql = "SELECT CASE WHEN range < 9000 THEN range ELSE error('boom') END AS n FROM range(10000)"
    result = run("export", "--data", str(data), "--sql", sql, "--out", str(out))
    assert result.returncode == 2
    assert "boom" in one_line(result)
    assert list(tmp_path.iterdir()) == [out]  # no temporary file
    assert out.read_text(encoding="utf-8") == "the old export\n"  # untouched


def test_too_large_in_the_writer_removes_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output.export, "EXCEL_ROWS", 5)
    reader = stream(duckdb.connect(), "SELECT range AS n FROM range(5)")
    with pytest.raises(TooLarge, match="more than 4 rows"):
        export(reader, "xlsx", tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []
    fits = stream(duckdb.connect(), "SELECT range AS n FROM range(4)")
    assert export(fits, "xlsx", tmp_path / "x.xlsx").rows == 4


# What export refuses: (case, its arguments, the start of its line).
REFUSALS = [
    (
        "unknown table",
        ["--table", "meeting", "--out", "{out}/m.csv"],
        "no table 'meeting'; did you mean meetings? (the tables: articles, meetings, ",
    ),
    (
        "no such table at all",
        ["--table", "zebras", "--out", "{out}/m.csv"],
        "no table 'zebras'; give --table one of: articles, meetings, officials, ",
    ),
    (
        "format against the name",
        ["--table", "meetings", "--format", "csv", "--out", "{out}/m.xlsx"],
        "--format csv does not match {out}/m.xlsx, a name for xlsx; end the name in .csv",
    ),
    (
        "no format, a name that says none",
        ["--table", "meetings", "--out", "{out}/m.txt"],
        "cannot tell the format from the name {out}/m.txt; give --format parquet, csv, ",
    ),
    (
        "compressed",
        ["--table", "meetings", "--out", "{out}/m.csv.gz"],
        "{out}/m.csv.gz names a compressed file, and exports are not compressed",
    ),
    (
        "no such folder",
        ["--table", "meetings", "--out", "{out}/nowhere/m.csv"],
        "no folder {out}/nowhere to write m.csv in; create it first",
    ),
    (
        "a folder",
        ["--table", "meetings", "--out", "{out}"],
        "{out} is a folder; give --out a file's name",
    ),
    (
        "inside the dataset",
        ["--table", "meetings", "--out", "{data}/articles/m.parquet"],
        "{data}/articles/m.parquet is inside the dataset {data}; write exports outside it",
    ),
    (
        "bad SQL",
        ["--sql", "SELECT nope FROM meetings", "--out", "{out}/m.csv"],
        "Binder Error: ",
    ),
    (
        "empty SQL",
        ["--sql", "-- nothing", "--out", "{out}/m.csv"],
        "the SQL holds no statement, only comments",
    ),
]


@pytest.mark.parametrize(("case", "args", "message"), REFUSALS, ids=[c[0] for c in REFUSALS])
def test_what_cannot_be_done_is_one_line_and_no_file(
    data: Path, tmp_path: Path, case: str, args: list[str], message: str
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    before = sorted(p.name for p in data.rglob("*"))
    fill = {"out": str(out), "data": str(data)}
    result = run("export", "--data", str(data), *(a.format(**fill) for a in args))
    assert result.returncode == 2, case
    assert one_line(result).startswith(message.format(**fill)), case
    assert list(out.iterdir()) == []
    assert sorted(p.name for p in data.rglob("*")) == before


def test_not_a_dataset_and_an_unwritable_folder(tmp_path: Path, data: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("export", "--data", str(empty), "--table", "meetings", "--out", "x.csv")
    assert result.returncode == 2
    assert one_line(result).startswith(f"{empty} is not a thaipr dataset (no articles table)")
    locked = tmp_path / "locked"
    locked.mkdir()
    out = locked / "m.csv"
    with read_only(locked):
        result = run("export", "--data", str(data), "--table", "meetings", "--out", str(out))
    assert result.returncode == 2
    # Refused before writing (permission denied), or when the temporary file is refused.
    assert one_line(result).startswith(f"cannot write in {locked} (permission denied)") or (
        one_line(result).startswith(f"cannot write {out} (")
    )
    assert list(locked.iterdir()) == []


def test_an_empty_dataset_exports_its_header(tmp_path: Path) -> None:
    data = tmp_path / "crawled"
    (data / "_crawl").mkdir(parents=True)
    out = tmp_path / "m.csv"
    result = run("export", "--data", str(data), "--table", "meetings", "--out", str(out))
    assert result.returncode == 0
    assert out.read_text(encoding="utf-8").startswith("event_date,event_time,")
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    assert f"the dataset at {data} is empty (no article yet)" in result.stderr


def test_tables_are_the_connections_views(data: Path) -> None:
    con = thaipr.connect(data)
    names = tables(con)
    assert set(thaipr.api.TABLES) <= set(names)
    assert not any(n.startswith("_") or n == "latest_revisions" for n in names)
    con.execute("CREATE VIEW chairs_seen AS SELECT DISTINCT name FROM officials")
    assert "chairs_seen" in tables(con)  # a view added later exports with no change here


def test_query_writes_parquet_to_a_file_or_a_pipe(data: Path, tmp_path: Path) -> None:
    sql = "SELECT event_date, province_th, chair FROM meetings ORDER BY article_id"
    expected = view(data, sql)
    out = tmp_path / "q.parquet"
    result = run("query", "--data", str(data), "--format", "parquet", "--out", str(out), sql)
    assert result.returncode == 0, result.stderr
    assert (
        one_line(result, "query")
        == f"{len(expected)} rows of the result written to {out} (Parquet)"
    )
    assert [tuple(r.values()) for r in read_parquet(out)] == expected
    piped = subprocess.run(
        [*THAIPR, "query", "--data", str(data), "--format", "parquet", sql],
        capture_output=True,
        timeout=120,
    )
    assert piped.returncode == 0 and piped.stderr == b""
    table = pq.read_table(io.BytesIO(piped.stdout))
    assert [tuple(r.values()) for r in table.to_pylist()] == expected


def test_query_writes_other_formats_to_a_file(data: Path, tmp_path: Path) -> None:
    sql = "SELECT province_th, count(*) AS n FROM meetings GROUP BY 1 ORDER BY 1"
    expected = view(data, sql)
    jsonl = tmp_path / "q.jsonl"  # the format from the name: query's json
    assert run("query", "--data", str(data), "--out", str(jsonl), sql).returncode == 0
    assert [tuple(r.values()) for r in read_jsonl(jsonl)] == expected
    xlsx = tmp_path / "q.xlsx"
    assert run("query", "--data", str(data), "--out", str(xlsx), sql).returncode == 0
    assert [tuple(r.values()) for r in read_xlsx(xlsx)] == expected
    txt = tmp_path / "q.txt"  # an aligned table, as on the terminal
    assert run("query", "--data", str(data), "--out", str(txt), sql).returncode == 0
    assert txt.read_text(encoding="utf-8") == run("query", "--data", str(data), sql).stdout
    wrong = run(
        "query", "--data", str(data), "--format", "json", "--out", str(tmp_path / "q.csv"), sql
    )
    assert wrong.returncode == 2
    assert one_line(wrong, "query").startswith("--format json does not match ")


def test_query_writes_no_binary_to_a_terminal(data: Path) -> None:
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [*THAIPR, "query", "--data", str(data), "--format", "parquet", "SELECT 1"],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    assert one_line(result, "query") == (
        "Parquet is binary, not for a terminal; give --out FILE (or redirect the output to a file)"
    )
