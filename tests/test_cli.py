"""`thaipr extract` as a user runs it: the installed command, real files, real exit codes."""

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

from crawler.replica.pages import ArticlePage, prd_article_html

THAIPR = [sys.executable, "-m", "thaipr"]
TEXT = (
    "ข่าวทดสอบ\n\nวันนี้ (19 ม.ค.66) เวลา 09.30 น. นายชาญชัย คงทัน รองผู้ว่าราชการจังหวัดหนองคาย "
    "เป็นประธานการประชุม ณ ห้องประชุม 1 ศาลากลางจังหวัดหนองคาย\n\nข่าว : สมชาย ใจดี"
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*THAIPR, *args], input=stdin, capture_output=True, timeout=120)


def test_json_lines_in_input_order(tmp_path: Path) -> None:
    txt = tmp_path / "a.txt"
    txt.write_text(TEXT, encoding="utf-8")
    html = tmp_path / "b.html.gz"
    html.write_bytes(
        gzip.compress(
            prd_article_html(
                ArticlePage(title="หน้าเว็บ", paragraphs=[TEXT.split("\n\n")[1]])
            ).encode()
        )
    )
    out = run("extract", str(txt), str(html))
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [r["source"] for r in records] == [str(txt), str(html)]
    assert [r["template"] for r in records] == ["text", "prd"]
    assert records[0]["event"] == {
        "date": "2023-01-19",
        "time": "09:30",
        "end_date": None,
        "end_time": None,
        "date_raw": "19 ม.ค.66",
        "type": "meeting",
    }
    assert records[0]["credits"] == [{"role": "reporter", "name": "สมชาย ใจดี"}]
    assert records[1]["officials"][0]["role"] == "chair"


def test_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    out = run("extract", str(tmp_path / "missing.txt"), str(good))
    assert out.returncode == 2
    assert out.stderr.decode().strip().splitlines() == [
        f"thaipr extract: {tmp_path / 'missing.txt'}: No such file or directory; check the path"
    ]
    assert len(out.stdout.decode().splitlines()) == 1  # the good file still processed


def test_stdin_and_published_override() -> None:
    out = run("extract", "--published", "2023-01-20", "-", stdin=TEXT.encode())
    record = json.loads(out.stdout)
    assert record["source"] is None
    assert record["published"]["date"] == "2023-01-20"
    assert record["published"]["source"] == "argument"


def test_bad_date_argument_is_usage_error() -> None:
    out = run("extract", "--published", "19/01/2023", "x.txt")
    assert out.returncode == 2
    assert b"not a YYYY-MM-DD date" in out.stderr


def test_installed_command_exists() -> None:
    exe = shutil.which("thaipr", path=str(Path(sys.executable).parent))
    assert exe is not None, "make setup installs the thaipr command into the venv"
