"""`thaipr extract` on tables of pages (JSON Lines, Parquet) as a researcher runs it: the
real command on real files, its stdout, stderr, exit status and the dataset it writes."""

import gzip
import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from output.ids import article_id

THAIPR = [sys.executable, "-m", "thaipr"]
NONGKHAI_URL = "https://nongkhai.prd.go.th/th/content/category/detail/id/9/iid/1"

# Invented stories. The first names its province in the venue; the other two name none.
GOVERNOR = (
    "ผู้ว่าฯ หนองคายประชุมคณะกรรมการพัฒนาจังหวัด\n\n"
    "วันที่ 3 มีนาคม 2567 เวลา 09.30 น. นายสมชาย ใจดี ผู้ว่าราชการจังหวัดหนองคาย "
    "เป็นประธานการประชุมคณะกรรมการพัฒนาจังหวัด ครั้งที่ 2/2567 "
    "ณ ห้องประชุมพญาศรีสัตตนาคราช ชั้น 3 ศาลากลางจังหวัดหนองคาย"
)
DEPUTY = (
    "ประชุมเตรียมงานเทศกาลบั้งไฟ\n\n"
    "วันที่ 11 เมษายน 2567 เวลา 13.30 น. นางสาวพิมพ์ใจ รักษ์ถิ่น ปลัดอำเภอ "
    "เป็นประธานการประชุมเตรียมความพร้อมจัดงานเทศกาลบั้งไฟ ณ ห้องประชุมที่ว่าการอำเภอ"
)
HTML_PARAGRAPH = (
    "วันที่ 20 พฤษภาคม 2567 เวลา 10.00 น. นายวีระ มั่นคง ปลัดจังหวัด เป็นประธานการประชุม"
    "ติดตามโครงการแก้ไขปัญหาภัยแล้ง ณ ห้องประชุมเล็ก ชั้น 2 อาคารอเนกประสงค์"
)
HTML = (
    "<!doctype html><html><head><title>ประชุมติดตามภัยแล้ง</title></head><body>"
    "<h1>ประชุมติดตามโครงการแก้ไขปัญหาภัยแล้ง</h1>"
    f'<div class="content-detail"><p>{HTML_PARAGRAPH}</p></div></body></html>'
)


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*THAIPR, *map(str, args)], capture_output=True, text=True, timeout=180)


def records(out: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.stdout.splitlines()]


def write_jsonl(path: Path, rows: list[dict[str, Any] | str]) -> Path:
    """Rows as JSON objects, a str as the raw line itself."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def write_parquet(path: Path, columns: dict[str, list[Any]], **kwargs: Any) -> Path:
    pq.write_table(pa.table(columns), path, **kwargs)
    return path


def assert_one_clean_line(err: str, *fragments: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("thaipr extract: ")
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0]


def test_jsonl_rows_come_out_in_order_with_their_ids_as_source(tmp_path: Path) -> None:
    table = write_jsonl(
        tmp_path / "pages.jsonl",
        [
            {"id": "h001", "url": None, "text": GOVERNOR},
            {"id": "h002", "url": NONGKHAI_URL, "html": HTML},
            {"id": "h003", "url": NONGKHAI_URL, "text": DEPUTY},
        ],
    )
    out = run("extract", table)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""  # not a terminal: no progress line
    got = records(out)
    assert [r["source"] for r in got] == ["h001", "h002", "h003"]
    assert [r["template"] for r in got] == ["text", "prd", "text"]
    assert [r["url"] for r in got] == [None, NONGKHAI_URL, NONGKHAI_URL]
    assert got[0]["event"]["date"] == "2024-03-03"
    assert got[0]["event"]["time"] == "09:30"
    assert got[0]["province"]["code"] == "TH-43"
    assert got[0]["officials"][0]["name"] == "สมชาย ใจดี"
    assert got[2]["event"]["date"] == "2024-04-11"


def test_an_html_row_takes_its_province_from_the_site_in_its_url(tmp_path: Path) -> None:
    table = write_jsonl(
        tmp_path / "pages.ndjson",
        [{"id": "p1", "url": NONGKHAI_URL, "html": HTML}, {"id": "p2", "html": HTML}],
    )
    with_url, without = records(run("extract", table))
    province = with_url["province"]
    assert (province["code"], province["name_en"], province["source"]) == (
        "TH-43",
        "Nong Khai",
        "site",
    )
    assert with_url["template"] == "prd"
    assert without["province"]["code"] is None  # the page itself names no province


def test_html_is_read_when_present_else_text(tmp_path: Path) -> None:
    table = write_jsonl(
        tmp_path / "pages.jsonl",
        [
            {"id": "both", "text": DEPUTY, "html": HTML},
            {"id": "blank-html", "text": DEPUTY, "html": "  \n"},
            {"id": "null-html", "text": DEPUTY, "html": None},
        ],
    )
    both, blank, null = records(run("extract", table))
    assert "ภัยแล้ง" in both["body"] and "บั้งไฟ" not in both["body"]
    assert "บั้งไฟ" in blank["body"] and blank["template"] == "text"
    assert "บั้งไฟ" in null["body"] and null["template"] == "text"


def test_parquet_with_named_columns_across_batches(tmp_path: Path) -> None:
    n = 300  # more than a record batch (256), in row groups of 70
    ids = [f"doc{i:03d}" for i in range(n)]
    table = write_parquet(
        tmp_path / "pages.parquet",
        {
            "doc_id": ids,
            "link": [NONGKHAI_URL if i == 1 else None for i in range(n)],
            "body_text": [DEPUTY if i % 2 else GOVERNOR for i in range(n)],
            "page_html": [HTML if i == 1 else None for i in range(n)],
        },
        row_group_size=70,
    )
    out = run(
        "extract",
        "--id-column=doc_id",
        "--url-column=link",
        "--text-column=body_text",
        "--html-column=page_html",
        table,
    )
    assert out.returncode == 0, out.stderr
    got = records(out)
    assert [r["source"] for r in got] == ids
    assert got[1]["template"] == "prd" and got[1]["url"] == NONGKHAI_URL
    assert got[2]["event"]["date"] == "2024-03-03" and got[3]["event"]["date"] == "2024-04-11"


def test_parquet_integer_ids_and_no_url_column(tmp_path: Path) -> None:
    table = write_parquet(tmp_path / "p.parquet", {"id": [7, 8], "text": [GOVERNOR, DEPUTY]})
    out = run("extract", table)
    assert out.returncode == 0, out.stderr
    assert [(r["source"], r["url"]) for r in records(out)] == [("7", None), ("8", None)]


def test_tables_and_page_files_together_keep_input_order(tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    page.write_text(DEPUTY, encoding="utf-8")
    table = write_jsonl(tmp_path / "pages.jsonl.gz", [{"id": "g1", "text": GOVERNOR}])
    out = run("extract", page, table, page)
    assert out.returncode == 0, out.stderr
    assert [r["source"] for r in records(out)] == [str(page), "g1", str(page)]


def test_out_writes_the_dataset_with_stable_ids(tmp_path: Path) -> None:
    table = write_jsonl(
        tmp_path / "pages.jsonl",
        [
            {"id": "h001", "text": GOVERNOR},
            {"id": "h002", "url": NONGKHAI_URL, "html": HTML},
        ],
    )
    data = tmp_path / "data"
    for _ in range(2):
        out = run("extract", "--out", data, table)
        assert out.returncode == 0, out.stderr
        assert out.stdout == ""
        assert "2 records into" in out.stderr
    rows = duckdb.sql(
        f"SELECT article_id, source, url, province_code FROM '{data}/articles/**/*.parquet' "
        "ORDER BY revision"
    ).fetchall()
    first = [
        (article_id(None, content=GOVERNOR), "h001", None, "TH-43"),
        ("nongkhai:1", "h002", NONGKHAI_URL, "TH-43"),
    ]
    assert rows == first + first  # the second run writes new versions of the same articles


def test_bad_rows_are_reported_and_the_others_kept(tmp_path: Path) -> None:
    table = write_jsonl(
        tmp_path / "pages.jsonl",
        [
            {"id": "ok1", "text": GOVERNOR},
            '{"id": "broken", "text": ',
            {"id": "empty", "text": "", "html": None},
            {"id": "list", "text": ["not", "a", "string"]},
            {"text": DEPUTY},
            {"id": "ok2", "url": NONGKHAI_URL, "html": HTML},
        ],
    )
    out = run("extract", table)
    assert out.returncode == 2
    assert [r["source"] for r in records(out)] == ["ok1", "ok2"]
    assert "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [
        f"thaipr extract: {table} line 2: not valid JSON (Expecting value at column 25)",
        f"thaipr extract: {table} line 3 (id empty): neither 'text' nor 'html' has any text",
        f"thaipr extract: {table} line 4 (id list): 'text' is a list, not a string",
        f"thaipr extract: {table} line 5: no 'id'",
    ]


def test_bad_rows_become_error_rows_in_the_dataset(tmp_path: Path) -> None:
    table = write_parquet(
        tmp_path / "pages.parquet",
        {
            "id": ["a", None, "c", "d"],
            "url": [None, None, NONGKHAI_URL, None],
            "text": [GOVERNOR, DEPUTY, None, DEPUTY],
        },
    )
    data = tmp_path / "data"
    out = run("extract", "--out", data, table)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert out.stderr.splitlines()[:2] == [
        f"thaipr extract: {table} row 2: no 'id'",
        f"thaipr extract: {table} row 3 (id c): neither 'text' nor 'html' has any text",
    ]
    sources = duckdb.sql(f"SELECT source FROM '{data}/articles/**/*.parquet' ORDER BY source")
    assert sources.fetchall() == [("a",), ("d",)]
    errors = duckdb.sql(
        f"SELECT url, stage, message FROM '{data}/errors/**/*.parquet' ORDER BY url"
    ).fetchall()
    assert errors == [
        (f"{table} row 2", "read", "no 'id'"),
        (NONGKHAI_URL, "read", "neither 'text' nor 'html' has any text"),
    ]


def _not_gzip(path: Path) -> Path:
    path.write_bytes(b'{"id": "x", "text": "y"}\n')
    return path


BAD_TABLES = {
    "missing-file": (lambda d: d / "absent.jsonl", (), ("absent.jsonl: no such file",)),
    "missing-parquet": (lambda d: d / "absent.parquet", (), ("no such file",)),
    "not-parquet": (
        lambda d: write_jsonl(d / "pages.parquet", [{"id": "x", "text": "y"}]),
        (),
        ("not a readable Parquet file", ".jsonl"),
    ),
    "not-json-lines": (
        lambda d: write_jsonl(d / "pages.jsonl", ['[{"id": "x", "text": "y"}]']),
        (),
        ("line 1: a list, not a JSON object", "one JSON object a line"),
    ),
    "garbage-first-line": (
        lambda d: write_jsonl(d / "pages.jsonl", ["id,url,text", {"id": "x", "text": "y"}]),
        (),
        ("line 1: not valid JSON",),
    ),
    "not-gzip": (lambda d: _not_gzip(d / "pages.jsonl.gz"), (), ("name it .jsonl",)),
    "jsonl-without-id": (
        lambda d: write_jsonl(d / "pages.jsonl", [{"key": "x", "text": "y"}]),
        (),
        ("no 'id' field in line 1", "--id-column"),
    ),
    "parquet-without-id": (
        lambda d: write_parquet(d / "p.parquet", {"key": ["x"], "text": ["y"]}),
        (),
        ("no 'id' column (it has: key, text)", "--id-column"),
    ),
    "parquet-without-page": (
        lambda d: write_parquet(d / "p.parquet", {"id": ["x"], "content": ["y"]}),
        (),
        ("neither a 'text' nor an 'html' column", "--text-column or --html-column"),
    ),
    "named-column-absent": (
        lambda d: write_parquet(d / "p.parquet", {"id": ["x"], "text": ["y"]}),
        ("--url-column", "link"),
        ("no 'link' column, named by --url-column",),
    ),
    "binary-text-column": (
        lambda d: write_parquet(d / "p.parquet", {"id": ["x"], "text": pa.array([b"y"])}),
        (),
        ("column 'text' holds binary, not strings",),
    ),
    "url-option-with-a-table": (
        lambda d: write_jsonl(d / "pages.jsonl", [{"id": "x", "text": "y"}]),
        ("--url", NONGKHAI_URL),
        ("--url-column",),
    ),
}


@pytest.mark.parametrize("case", BAD_TABLES.values(), ids=BAD_TABLES.keys())
def test_a_bad_table_is_one_line_exit_2_and_nothing_written(tmp_path: Path, case: Any) -> None:
    make, options, fragments = case
    table = make(tmp_path)
    good = write_jsonl(tmp_path / "good.jsonl", [{"id": "g", "link": None, "text": GOVERNOR}])
    data = tmp_path / "data"
    for out in (
        run("extract", *options, good, table),
        run("extract", *options, "--out", data, good, table),
    ):
        assert out.returncode == 2
        assert out.stdout == ""  # checked before any row is extracted, the good table's too
        assert_one_clean_line(out.stderr, *fragments)
    assert not data.exists()


def test_a_table_cut_short_keeps_the_rows_before_the_cut(tmp_path: Path) -> None:
    rows = [json.dumps({"id": f"r{i}", "text": GOVERNOR}, ensure_ascii=False) for i in range(40)]
    whole = gzip.compress(("\n".join(rows) + "\n").encode())
    table = tmp_path / "pages.jsonl.gz"
    table.write_bytes(whole[: len(whole) - 20])
    out = run("extract", table)
    assert out.returncode == 2
    sources = [r["source"] for r in records(out)]
    assert sources and sources == [f"r{i}" for i in range(len(sources))]
    assert_one_clean_line(out.stderr, f"{table}: unreadable after line {len(sources)}")


def test_progress_line_on_a_terminal_only(tmp_path: Path) -> None:
    table = write_parquet(tmp_path / "p.parquet", {"id": ["a", "b", "c"], "text": [DEPUTY] * 3})
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [*THAIPR, "extract", str(table)], stdout=subprocess.PIPE, stderr=follower
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the command closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert proc.stdout is not None
    stdout = proc.stdout.read()
    proc.stdout.close()
    assert proc.wait(timeout=180) == 0
    assert len(stdout.splitlines()) == 3
    text = seen.decode()
    assert f"thaipr extract: {table}: 1/3 rows (33%)" in text
    assert "rows/s" in text
    assert text.endswith("\r\x1b[2K")  # the live line is wiped at the end
    quiet = run("extract", table)  # stderr a pipe
    assert quiet.returncode == 0 and quiet.stderr == ""
