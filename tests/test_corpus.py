"""Robustness on real text: articles of both corpora as text and as HTML pages, no exception.

The full run over every article of both corpora is `make corpus`; the test suite takes a
spread sample of each so it stays quick."""

from pathlib import Path
from typing import Any

import pytest

from bench.corpus import as_html, as_text, corpus_year, load_articles
from bench.corpus_run import run
from extract.article import extract_html, extract_text
from tests.shared import CORPORA, CORPUS, CORPUS_V2, require

# every Nth article: 1,428 of thaigov's 28,555 and 1,053 of thaigov-v2's 63,136
SAMPLE_EVERY = {CORPUS: 20, CORPUS_V2: 60}


@pytest.fixture(scope="module", params=list(SAMPLE_EVERY), ids=lambda p: Path(p).stem)
def sample(request: pytest.FixtureRequest) -> list[dict[str, Any]]:
    path: Path = request.param
    return load_articles(require(path))[:: SAMPLE_EVERY[path]]


def test_no_exception_and_spans_hold(sample: list[dict[str, Any]]) -> None:
    dated = 0
    for article in sample:
        for record in (extract_text(as_text(article)), extract_html(as_html(article))):
            body = record.body
            for o in record.officials:
                assert body[o.span[0] : o.span[1]].startswith(o.honorific), article["id"]
            for d in record.dates:
                assert body[d.span[0] : d.span[1]] == d.raw, article["id"]
            for v in record.venues:
                where = (record.title or "") if v.in_title else body  # the span's own text
                assert " ".join(where[v.span[0] : v.span[1]].split()) == v.text, article["id"]
            dated += record.event.date is not None
    assert dated > len(sample)  # most articles give a principal event date


def test_the_corpus_run_covers_both_corpora() -> None:
    for path in CORPORA.values():
        require(path)
    tally = run(CORPORA, limit=5, workers=1)
    assert tally.errors == []
    assert {corpus for corpus, _ in tally.articles} == set(CORPORA)
    assert {
        corpus: sum(n for (c, _), n in tally.articles.items() if c == corpus) for corpus in CORPORA
    } == {corpus: 5 for corpus in CORPORA}


@pytest.mark.parametrize(
    ("title", "text", "scraped", "year"),
    [
        ("t", "วันจันทร์ที่ 24 สิงหาคม 2563\nเนื้อข่าว", None, (2020, "date line")),
        ("วันศุกร์ที่ 15 เมษายน 2016  พลเอก", "สวัสดีครับ", None, (2016, "date line")),
        ("t", "ไม่มีวันที่", "2022-11-05", (2022, "scraped date")),
        ("t", "ไม่มีวันที่", None, (None, "unknown")),
    ],
    ids=["be-date-line", "ce-date-in-title", "scraped-date", "unknown"],
)
def test_corpus_year(
    title: str, text: str, scraped: str | None, year: tuple[int | None, str]
) -> None:
    assert corpus_year({"title": title, "text": text, "scraped_date": scraped}) == year
