"""Extraction workers: real processes at the end of a socket pair, driven by an asyncio loop
as a crawl drives them."""

import asyncio
import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

import pytest

from crawler.extraction import Extractor, extract_page, page_rows
from output.rows import Provenance, record_rows
from tests.records import page

T = TypeVar("T")


def _pages(count: int) -> list[tuple[bytes, str, str]]:
    """(body, charset, url) of `count` PRD-CMS article pages."""
    return [(html.encode(), "utf-8", url) for url, html in map(page, range(count))]


def _gone(pid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def _run(extractor: Extractor, calls: Callable[[], Awaitable[T]]) -> T:
    """Run `calls` on an event loop, as a crawl does, and close the workers in it."""

    async def main() -> T:
        try:
            return await calls()
        finally:
            extractor.close()

    return asyncio.run(main())


def test_workers_return_what_inline_extraction_returns() -> None:
    pages = _pages(12)
    extractor = Extractor(2)

    async def all_pages() -> list[dict[str, Any]]:
        return await asyncio.gather(*(extractor(extract_page, *page) for page in pages))

    assert _run(extractor, all_pages) == [extract_page(*page) for page in pages]


def test_a_worker_returns_the_rows_the_dataset_would_make_of_the_record() -> None:
    """What a crawl asks of its workers: the page's record as validated rows, with the
    fetched URL and the time of extraction."""
    body, charset, canonical = _pages(1)[0]
    fetched = "http://127.0.0.1:8000/nongkhai/th/content/category/detail/id/9/iid/1000"
    prov = Provenance.new("nongkhai:1000", "crawl-1", "nongkhai")
    extractor = Extractor(1)
    extracted = _run(
        extractor, lambda: extractor(page_rows, body, charset, canonical, fetched, prov)
    )
    rows = pickle.loads(extracted.rows)
    record = {**extract_page(body, charset, canonical), "url": fetched}
    expected = record_rows(record, prov)
    article, wanted = rows["articles"][0], expected["articles"][0]
    assert article["extracted_at"] >= prov.extracted_at
    assert {**article, "extracted_at": None} == {**wanted, "extracted_at": None}
    assert rows["officials"] == expected["officials"] and rows["officials"]
    assert rows.keys() == expected.keys()
    assert "officials" in extracted.filled and "title" in extracted.filled


def test_an_extractor_error_comes_back_as_itself() -> None:
    url = _pages(1)[0][2]
    with pytest.raises(Exception) as inline:
        extract_page(None, "utf-8", url)  # type: ignore[arg-type]
    extractor = Extractor(1)
    with pytest.raises(Exception) as raised:
        _run(extractor, lambda: extractor(extract_page, None, "utf-8", url))  # type: ignore[arg-type]
    assert type(raised.value) is type(inline.value)
    assert str(raised.value) == str(inline.value)
    assert any("in the extraction worker" in note for note in raised.value.__notes__)


def test_pages_on_a_killed_worker_are_extracted_by_its_replacement() -> None:
    pages = _pages(40)
    extractor = Extractor(1)
    first = extractor.workers[0].process
    replacements: list[BaseProcess] = []

    async def kill_mid_way() -> list[dict[str, Any]]:
        calls = [asyncio.ensure_future(extractor(extract_page, *page)) for page in pages]
        await asyncio.wait(calls, return_when=asyncio.FIRST_COMPLETED)  # it is working
        assert first.pid is not None
        os.kill(first.pid, signal.SIGKILL)
        records = await asyncio.gather(*calls)
        replacements.extend(w.process for w in extractor.workers)
        return records

    records = _run(extractor, kill_mid_way)
    assert first.exitcode == -signal.SIGKILL
    assert len(replacements) == 1 and replacements[0] is not first
    assert records == [extract_page(*page) for page in pages]


def test_close_stops_the_workers() -> None:
    extractor = Extractor(2)
    pids = [w.process.pid for w in extractor.workers]
    _run(extractor, lambda: extractor(extract_page, *_pages(1)[0]))
    assert all(pid is not None and _gone(pid, within=0.1) for pid in pids)


def test_workers_of_a_killed_crawl_exit_by_themselves() -> None:
    """The crawl's end of the socket closes when it dies; its workers read to the end."""
    script = (
        "import os, signal, sys\n"
        "from crawler.extraction import Extractor\n"
        "extractor = Extractor(2)\n"
        "print(*(w.process.pid for w in extractor.workers), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == -signal.SIGKILL
    pids = [int(p) for p in done.stdout.split()]
    assert len(pids) == 2 and all(_gone(pid) for pid in pids)
