"""Incremental crawling: the state store opened once per crawl beside the dataset, and
conditional GETs (If-None-Match, If-Modified-Since) for article pages already stored."""

from pathlib import Path
from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler

from crawler.spiders.base import ARTICLE
from crawler.state.store import CrawlState, RedisCrawlState
from output.ids import crawl_id

STATE_FILE = Path("_crawl") / "state.sqlite"


def out_dir(crawler: Crawler) -> Path:
    """The dataset directory: the spider's `out` argument, else the THAIPR_OUT setting."""
    spider_out = getattr(crawler.spider, "out", None)
    return Path(spider_out or crawler.settings.get("THAIPR_OUT") or "data")


def crawl_id_of(crawler: Crawler) -> str:
    """This crawl's id, the same for the dataset and the archive: the THAIPR_CRAWL_ID
    setting, else made once per crawl."""
    run: str | None = getattr(crawler, "thaipr_crawl_id", None)
    if run is None:
        run = crawler.settings.get("THAIPR_CRAWL_ID") or crawl_id("crawl")
        crawler.thaipr_crawl_id = run  # type: ignore[attr-defined]
    return run


def state_of(crawler: Crawler) -> CrawlState:
    state: CrawlState | None = getattr(crawler, "thaipr_state", None)
    if state is None:
        redis_url = crawler.settings.get("THAIPR_REDIS_URL")
        path = out_dir(crawler) / STATE_FILE
        if redis_url:  # workers on other machines must see it too
            prefix = crawler.settings.get("THAIPR_REDIS_PREFIX")
            state = RedisCrawlState(path, redis_url, prefix)
        else:
            state = CrawlState(path)
        crawler.thaipr_state = state  # type: ignore[attr-defined]
    return state


class ConditionalGet:
    """Downloader middleware: a stored article is asked for only if it changed."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        info = request.meta.get(ARTICLE)
        if not info:
            return
        known = state_of(self.crawler).known(info["canonical"])
        if known is None or not known.stored:
            return
        request.meta["thaipr_known"] = known
        if known.etag:
            request.headers[b"If-None-Match"] = known.etag
        if known.last_modified:
            request.headers[b"If-Modified-Since"] = known.last_modified
        codes = request.meta.get("handle_httpstatus_list", [])
        request.meta["handle_httpstatus_list"] = [*codes, 304]
