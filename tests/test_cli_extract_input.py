"""`thaipr extract` given what is no page: an executable, an empty file, bytes in no encoding
it reads, a text with no Thai, a path that is no file. Real files, the real command."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract.article import extract_html, extract_text
from extract.sniff import INPUT_BINARY, INPUT_EMPTY, INPUT_NOT_THAI, INPUT_UNDECODABLE

THAIPR = [sys.executable, "-m", "thaipr"]
THAI = (
    "ข่าวทดสอบ\nวันนี้ (19 ม.ค.66) เวลา 09.30 น. นายสมชาย ใจดี ผู้ว่าราชการจังหวัดหนองคาย เป็นประธานการประชุม"
)
ELF = b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4
TIS620_PAGE = (
    '<html><head><meta charset="tis-620"><title>ข่าวทดสอบ</title></head>'
    f"<body><p>{THAI.splitlines()[1]}</p></body></html>"
).encode("cp874")
ENGLISH = (
    "Governor chairs the provincial meeting\nThe governor chaired the meeting on 19 January.\n"
)
GIVE_A_PAGE = "give a saved page (.html), a text (.txt) or a table of pages (.jsonl, .parquet)"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*THAIPR, *args], input=stdin, capture_output=True, timeout=120, text=stdin is None
    )


def lines(text: str) -> list[str]:
    return text.strip().splitlines()


def records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def input_warnings(record: dict) -> list[str]:
    return [w for w in record["warnings"] if w.startswith("input ")]


@pytest.mark.parametrize(
    ("name", "content", "problem", "hint"),
    [
        ("a.out", ELF, "input is binary (an ELF executable?), not a page or text", GIVE_A_PAGE),
        (
            "shot.html",
            b"\x89PNG\r\n\x1a\n" + bytes(64),
            "input is binary (a PNG image?)",
            GIVE_A_PAGE,
        ),
        ("blob.txt", bytes(range(32)) * 40, "input is binary, not a page or text", GIVE_A_PAGE),
        ("doc.txt", b"%PDF-1.4\n1 0 obj << >>\n", "input is binary (a PDF document?)", GIVE_A_PAGE),
        ("empty.txt", b"", "input is empty", "save the page again"),
        ("blank.html", b" \n\t\n ", "input is empty", "save the page again"),
    ],
    ids=["elf", "png", "controls", "pdf", "empty", "whitespace"],
)
def test_no_page_is_one_line_no_record_and_status_2(
    tmp_path: Path, name: str, content: bytes, problem: str, hint: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    out = run("extract", str(path))
    assert out.returncode == 2
    assert out.stdout == ""
    [line] = lines(out.stderr)
    assert line.startswith(f"thaipr extract: {path}: {problem}")
    assert hint in line.split("; ", 1)[1]


def test_a_binary_file_among_pages_spoils_only_itself(tmp_path: Path) -> None:
    binary, good = tmp_path / "a.out", tmp_path / "good.txt"
    binary.write_bytes(ELF)
    good.write_text(THAI, encoding="utf-8")
    out = run("extract", str(binary), str(good))
    assert out.returncode == 2
    assert [r["source"] for r in records(out.stdout)] == [str(good)]
    assert len(lines(out.stderr)) == 1


def test_empty_stdin_is_refused() -> None:
    out = run("extract", "-", stdin=b"")
    assert out.returncode == 2
    assert out.stdout == b""
    assert lines(out.stderr.decode()) == [
        "thaipr extract: -: input is empty; save the page again, or leave the file out"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Café résumé naïve über Größe, déjà vu à la carte.\n" * 3,  # ü: no byte of cp874
        "Café résumé naïve, déjà vu à la carte.\n" * 3,  # every byte a cp874 (Thai) one
    ],
    ids=["not-cp874", "cp874-mojibake"],
)
def test_latin_bytes_are_decoded_with_replacement_and_warned_about(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    out = run("extract", str(path))
    assert out.returncode == 0, out.stderr
    [record] = records(out.stdout)
    assert input_warnings(record) == [INPUT_UNDECODABLE, INPUT_NOT_THAI]
    assert record["encoding"] == "utf-8" and record["encoding_repaired"] is True
    assert "\ufffd" in record["body"] and "Caf" in record["body"]
    assert lines(out.stderr) == [
        f"thaipr extract: {path}: warning: {INPUT_UNDECODABLE}",
        f"thaipr extract: {path}: warning: {INPUT_NOT_THAI}",
    ]


def test_english_text_gives_its_record_and_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    out = run("extract", str(path))
    assert out.returncode == 0
    [record] = records(out.stdout)
    assert input_warnings(record) == [INPUT_NOT_THAI]
    assert record["body"].startswith("The governor chaired")
    assert lines(out.stderr) == [f"thaipr extract: {path}: warning: {INPUT_NOT_THAI}"]


@pytest.mark.parametrize(
    ("name", "content", "encoding"),
    [
        ("tis.html", TIS620_PAGE, "cp874"),
        ("tis.txt", THAI.encode("cp874"), "cp874"),  # no charset said: read as TIS-620
        ("utf16.txt", THAI.encode("utf-16"), "utf-16-le"),  # with its BOM
    ],
    ids=["tis620-meta", "tis620-text", "utf16-bom"],
)
def test_thai_in_other_encodings_reads_without_warning(
    tmp_path: Path, name: str, content: bytes, encoding: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    out = run("extract", str(path))
    assert out.returncode == 0
    assert out.stderr == ""
    [record] = records(out.stdout)
    assert record["encoding"] == encoding
    assert record["title"] == "ข่าวทดสอบ"
    assert "นายสมชาย ใจดี" in record["body"]
    assert input_warnings(record) == []


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: p, "No such file or directory; check the path"),
        (lambda p: p.mkdir() or p, "Is a directory; name the pages in it"),
    ],
    ids=["missing", "directory"],
)
def test_a_path_that_is_no_file_is_one_line(tmp_path: Path, make, problem: str) -> None:
    path = make(tmp_path / "page")
    out = run("extract", str(path))
    assert out.returncode == 2
    assert out.stdout == ""
    [line] = lines(out.stderr)
    assert line.startswith(f"thaipr extract: {path}: {problem}")


def test_no_page_goes_into_the_dataset_errors(tmp_path: Path) -> None:
    binary = tmp_path / "a.out"
    binary.write_bytes(ELF)
    data = tmp_path / "data"
    out = run("extract", "--out", str(data), str(binary))
    assert out.returncode == 2
    assert "input is binary (an ELF executable?)" in out.stderr
    errors = run(
        "query", "--data", str(data), "--format", "json", "SELECT url, error_class FROM errors"
    )
    assert records(errors.stdout) == [{"url": str(binary), "error_class": "NotAPage"}]


def test_a_table_says_which_rows_are_binary_and_counts_the_warned(tmp_path: Path) -> None:
    table = tmp_path / "pages.jsonl"
    rows = [
        {"id": "th", "text": THAI},
        {"id": "en1", "text": ENGLISH},
        {"id": "bin", "text": ELF.decode("latin-1")},
        {"id": "en2", "text": ENGLISH},
    ]
    table.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = run("extract", str(table))
    assert out.returncode == 2
    assert [(r["source"], input_warnings(r)) for r in records(out.stdout)] == [
        ("th", []),
        ("en1", [INPUT_NOT_THAI]),
        ("en2", [INPUT_NOT_THAI]),
    ]
    assert lines(out.stderr) == [
        f"thaipr extract: {table} line 3 (id bin): 'text' is binary, not a page or text",
        f"thaipr extract: {table}: warning: 2 rows: {INPUT_NOT_THAI}",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [INPUT_EMPTY]),
        (" \n ", [INPUT_EMPTY]),
        (ELF.decode("utf-8", "replace"), [INPUT_BINARY]),
        ("Café \ufffd", [INPUT_UNDECODABLE, INPUT_NOT_THAI]),
        (ENGLISH, [INPUT_NOT_THAI]),
        ("ข่าว \ufffd ประชุม", [INPUT_UNDECODABLE]),
        (THAI, []),
    ],
    ids=["empty", "blank", "binary", "undecodable-latin", "english", "undecodable-thai", "thai"],
)
def test_the_extractor_itself_warns_about_its_input(text: str, expected: list[str]) -> None:
    record = extract_text(text)
    assert [w for w in record.warnings if w.startswith("input ")] == expected


def test_an_html_page_with_no_thai_is_warned_about() -> None:
    english = extract_html(f"<html><body><p>{ENGLISH}</p></body></html>")
    thai = extract_html(TIS620_PAGE.decode("cp874"))
    assert english.warnings[:1] == [INPUT_NOT_THAI]
    assert not any(w.startswith("input ") for w in thai.warnings)
