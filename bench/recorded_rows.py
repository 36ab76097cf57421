"""Extraction recorded once, then replayed: the crawl bench's stages.

A crawl with `--set THAIPR_PAGE_JOB=bench.recorded_rows.record` extracts every page as usual
and appends its rows to the file that the environment variable THAIPR_BENCH_ROWS names. A
crawl with `bench.recorded_rows.replay` returns those rows by URL and extracts nothing: it
costs what thaipr would cost if extraction cost nothing. Replayed rows keep the recording
crawl's provenance (crawl id, extraction time)."""

import os
import pickle
from functools import cache

from crawler.extraction import PageRows, page_rows
from output.rows import Provenance

ROWS_FILE = "THAIPR_BENCH_ROWS"


def record(
    body: bytes, charset: str | None, canonical_url: str, url: str, prov: Provenance
) -> PageRows:
    rows = page_rows(body, charset, canonical_url, url, prov)
    with open(os.environ[ROWS_FILE], "ab") as recording:  # each page in one write, whole
        recording.write(pickle.dumps((url, rows), protocol=5))
    return rows


def replay(
    body: bytes, charset: str | None, canonical_url: str, url: str, prov: Provenance
) -> PageRows:
    return recorded()[url]


@cache
def recorded() -> dict[str, PageRows]:
    """URL -> the rows recorded for it (the last, where a URL was recorded twice)."""
    rows = {}
    with open(os.environ[ROWS_FILE], "rb") as recording:
        while True:
            try:
                url, page = pickle.load(recording)
            except EOFError:
                return rows
            rows[url] = page
