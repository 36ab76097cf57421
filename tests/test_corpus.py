"""Robustness on real text: corpus articles as text and as HTML pages, no exception.

The full run over all 28,555 articles is `make corpus`; the test suite takes a spread
sample so it stays quick."""

import pytest

from bench.corpus import as_html, as_text, load_articles
from extract.article import extract_html, extract_text
from tests.shared import CORPUS, require

SAMPLE_EVERY = 20  # every 20th article: 1,428 articles, 2,856 inputs


@pytest.fixture(scope="module")
def sample() -> list[dict[str, str]]:
    return load_articles(require(CORPUS))[::SAMPLE_EVERY]


def test_no_exception_and_spans_hold(sample: list[dict[str, str]]) -> None:
    dated = 0
    for article in sample:
        for record in (extract_text(as_text(article)), extract_html(as_html(article))):
            body = record.body
            for o in record.officials:
                assert body[o.span[0] : o.span[1]].startswith(o.honorific), article["id"]
            for d in record.dates:
                assert body[d.span[0] : d.span[1]] == d.raw, article["id"]
            for v in record.venues:
                assert " ".join(body[v.span[0] : v.span[1]].split()) == v.text, article["id"]
            dated += record.event.date is not None
    assert dated > len(sample)  # most articles give a principal event date
