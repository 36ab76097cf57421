"""The public Python API a notebook uses: `thaipr.connect`, `read_articles`, `read_table`,
`extract_text` and `extract_html`, on a dataset written by the real command."""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import polars as pl
import pytest

import thaipr
from tests.records import PROVINCES, page


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pages = tmp_path_factory.mktemp("pages")
    out = tmp_path_factory.mktemp("data")
    names = []
    for i in range(6):
        path = pages / f"{PROVINCES[i % 4][0]}-{i}.html"
        path.write_text(page(i)[1], encoding="utf-8")
        names.append(str(path))
    made = subprocess.run(
        [sys.executable, "-m", "thaipr", "extract", "--out", str(out), *names],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    return out


def test_connect_gives_the_views(data: Path) -> None:
    con = thaipr.connect(data)
    assert con.sql("SELECT count(*) FROM articles").fetchall() == [(6,)]
    chairs = con.sql("SELECT DISTINCT chair FROM meetings ORDER BY chair").fetchall()
    assert chairs == [("นางสาวมาลี รักไทย",), ("นายประเสริฐ มั่นคง",), ("นายสมชาย ใจดี",)]


def test_read_articles_is_arrow_for_pandas_and_polars(data: Path) -> None:
    articles = thaipr.read_articles(data)
    assert articles.num_rows == 6
    assert {"article_id", "title", "officials", "province_code"} <= set(articles.column_names)
    frame = articles.to_pandas()
    assert isinstance(frame, pd.DataFrame) and len(frame) == 6
    assert pl.from_arrow(articles).height == 6


@pytest.mark.parametrize("table", thaipr.TABLES)
def test_every_table_reads(data: Path, table: str) -> None:
    rows = thaipr.read_table(data, table).num_rows
    counted = thaipr.connect(data).sql(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    assert rows == counted


def test_unknown_table_and_missing_dataset_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown table 'meeting'"):
        thaipr.read_table(tmp_path, "meeting")
    with pytest.raises(thaipr.NotADataset, match=r"no thaipr dataset at .* \(no such folder\)"):
        thaipr.connect(tmp_path / "nowhere")
    with pytest.raises(thaipr.NotADataset, match=r"\(no table in it\)"):
        thaipr.connect(tmp_path)  # an empty folder
    (tmp_path / "d" / "_crawl").mkdir(parents=True)  # a crawl that stored nothing yet
    assert thaipr.read_articles(tmp_path / "d").num_rows == 0


def test_extract_text_and_html_need_no_dataset() -> None:
    record = thaipr.extract_text(
        "ประชุมคณะกรรมการจังหวัด\nวันที่ 19 ม.ค.66 เวลา 09.30 น. นายสมชาย ใจดี "
        "ผู้ว่าราชการจังหวัดหนองคาย เป็นประธานการประชุม ณ ห้องประชุมศาลากลางจังหวัดหนองคาย"
    ).to_dict()
    assert (record["event"]["date"], record["event"]["time"]) == ("2023-01-19", "09:30")
    assert [o["name"] for o in record["officials"] if o["role"] == "chair"] == ["สมชาย ใจดี"]
    url, html = page(0)
    assert thaipr.extract_html(html, url=url).to_dict()["province"]["code"] == "TH-43"


def test_version_names_the_installed_distribution() -> None:
    assert thaipr.__version__ != "0.0.0"
    assert thaipr.EXTRACTOR_VERSION.count(".") == 2
