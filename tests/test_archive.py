"""The WARC archive and re-extraction: a real crawl archives every request and response;
`thaipr reextract` rebuilds, offline, the very records the crawl wrote (TIS-620 archive
pages included), and after an extractor change its records win; archive files are finished
atomically, rotated by size, and salvaged after a kill."""

import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

import extract.article
from crawler.replica.catalog import Catalog
from output.views import connect
from output.warc import OPEN_SUFFIX, SUFFIX, Exchange, WarcArchive, salvage, warc_files
from tests.replica import crawl, requests_of, serving
from thaipr.cli import main as thaipr

PROVENANCE = ("revision", "crawl_id", "extracted_at")


def _archived_crawl(tmp_path: Path, *args: str) -> tuple[Path, Path, int]:
    """Both spiders over a small replica, archived; returns data, archive, requests served."""
    data, warc = tmp_path / "data", tmp_path / "warc"
    with serving(Catalog(provinces=2, per_province=8)) as server:
        for spider in ("prd", "prd_archive"):
            done = crawl(
                server, data, "--spider", spider, "--warc", str(warc), "--no-politeness", *args
            )
            assert done.returncode == 0, done.stderr[-2000:]
        served = len(requests_of(server))
    return data, warc, served


def _records(paths: list[Path]) -> list[tuple[str, str]]:
    """(type, target URI) of every record in these WARC files, in order."""
    found = []
    for path in paths:
        with open(path, "rb") as f:
            found += [
                (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"))
                for r in ArchiveIterator(f)
            ]
    return found


def _rows(data: Path, table: str) -> list[tuple[object, ...]]:
    sql = f"SELECT * EXCLUDE ({', '.join(PROVENANCE)}) FROM {table} ORDER BY ALL"
    if table != "articles":
        sql = f"SELECT * EXCLUDE (revision) FROM {table} ORDER BY ALL"
    return connect(data).execute(sql).fetchall()


def test_reextract_rebuilds_the_crawled_records_offline(tmp_path: Path) -> None:
    data, warc, served = _archived_crawl(tmp_path)
    again = tmp_path / "again"
    assert thaipr(["reextract", "--warc", str(warc), "--out", str(again)]) == 0
    crawled = _rows(data, "articles")
    assert len(crawled) == 2 * 8 + 2 * (8 // 2 - 0)  # current pages + the old CMS archive
    assert _rows(again, "articles") == crawled
    for table in ("officials", "venues", "dates", "credits", "networks"):
        assert _rows(again, table) == _rows(data, table), table
    encodings = connect(again).execute("SELECT count(*) FROM articles WHERE encoding = 'cp874'")
    assert encodings.fetchone() == (4,)  # the archive's TIS-620 pages (odd nids)
    # Every request the replica served is in the archive, each response with its request.
    records = _records(warc_files([warc]))
    responses = [uri for kind, uri in records if kind == "response"]
    requests = [uri for kind, uri in records if kind == "request"]
    assert len(responses) == served
    assert requests == responses
    assert [kind for kind, _ in records].count("warcinfo") == len(warc_files([warc]))


def test_reextract_after_an_extractor_change_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, warc, _ = _archived_crawl(tmp_path)
    before = connect(data).execute("SELECT count(*) FROM articles").fetchone()
    monkeypatch.setattr(extract.article, "EXTRACTOR_VERSION", "9.9.9-test")
    args = ["reextract", "--warc", str(warc), "--out", str(data), "--workers", "0"]
    assert thaipr(args) == 0
    con = connect(data)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == before
    versions = con.execute("SELECT DISTINCT extractor_version FROM articles").fetchall()
    assert versions == [("9.9.9-test",)]
    twice = con.execute(
        "SELECT count(*) FROM (SELECT article_id FROM article_versions GROUP BY 1 "
        "HAVING count(*) = 2 AND count(DISTINCT fetched_at) = 1)"
    ).fetchone()
    assert twice == before  # each article: the crawl's version and the re-extraction


def test_archive_rotates_by_size_and_leaves_no_open_file(tmp_path: Path) -> None:
    _, warc, served = _archived_crawl(tmp_path, "--set", "THAIPR_WARC_MAX_MB=0.02")
    files = warc_files([warc])
    assert len(files) > 4
    assert not list(warc.glob(f".*{OPEN_SUFFIX}"))
    total = [kind for kind, _ in _records(files)].count("response")
    assert total == served


def test_a_killed_writers_file_is_salvaged(tmp_path: Path) -> None:
    """A writer SIGKILLed with a record half-written: its complete records are kept."""
    script = (
        "import io, os, signal, sys\n"
        "from datetime import UTC, datetime\n"
        "from output.warc import Exchange, WarcArchive\n"
        "a = WarcArchive(sys.argv[1], 'killed')\n"
        "html = [('Content-Type', 'text/html')]\n"
        "for n in range(3):\n"
        "    a.write(Exchange(f'http://x/{n}', 'GET', [], 200, 'OK', html, b'<p>' * 1000,"
        " datetime.now(UTC), {'Kind': 'page'}))\n"
        "a._file.write(b'\\x1f\\x8b\\x08\\x00' + b'torn' * 100)\n"
        "a._file.flush()\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert len(list(tmp_path.glob(f".*{OPEN_SUFFIX}"))) == 1
    assert warc_files([tmp_path]) == []  # nothing unfinished passes for finished
    finished = salvage(tmp_path)
    assert len(finished) == 1 and finished[0].name.endswith(SUFFIX)
    kinds = [kind for kind, _ in _records(finished)]
    assert kinds == ["warcinfo"] + ["response", "request"] * 3  # warcio writes a pair so
    assert os.listdir(tmp_path) == [finished[0].name]


def _article(n: int) -> Exchange:
    html = (
        f"<html><head><title>ข่าวที่ {n}</title></head><body><p>วันนี้ (19 ม.ค.66) "
        "นายสมชาย ใจดี เป็นประธานการประชุม ณ ห้องประชุม 1</p></body></html>"
    )
    return Exchange(
        f"http://127.0.0.1:1/nongkhai/th/content/category/detail/id/9/iid/{n}",
        "GET",
        [],
        200,
        "OK",
        [("Content-Type", "text/html; charset=utf-8")],
        html.encode(),
        datetime.now(UTC),
        {"Kind": "article", "Site": "nongkhai", "Province": "TH-43", "Template": "prd"},
    )


def test_reextract_reports_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "data"
    assert thaipr(["reextract", "--warc", str(tmp_path / "missing"), "--out", str(out)]) == 2
    assert "no WARC file or directory" in capsys.readouterr().err
    warc = tmp_path / "warc"
    archive = WarcArchive(warc, "test")
    for n in range(1, 4):
        archive.write(_article(n))
    archive.close()
    (cut,) = archive.finished
    with open(cut, "rb") as f:
        records = ArchiveIterator(f)
        starts = [records.get_record_offset() for r in records if r.rec_type == "response"]
    cut.write_bytes(cut.read_bytes()[: starts[-1] + 40])  # the third article's response torn
    garbage = warc / f"garbage{SUFFIX}"
    garbage.write_bytes(b"\x1f\x8b\x08\x00not a warc at all")
    assert thaipr(["reextract", "--warc", str(warc), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{garbage}: not a WARC file" in err and f"{cut}: cut short" in err
    con = connect(out)
    errors = con.execute("SELECT stage, url FROM errors").fetchall()
    assert sorted(errors) == sorted([("read", str(cut)), ("read", str(garbage))])
    ids = con.execute("SELECT article_id FROM articles ORDER BY 1").fetchall()
    assert ids == [("nongkhai:1",), ("nongkhai:2",)]  # what came before the tear
