"""The WARC archive of a crawl (THAIPR_WARC_DIR, `thaipr crawl --warc DIR`): a Scrapy
extension that hands every response, with its request, to `output.warc`, stamped with the
moment it arrived (the same `fetched_at` the dataset records) and, for article pages, what
re-extraction needs to make the same record again (`thaipr reextract`)."""

from datetime import UTC, datetime
from http import HTTPStatus
from typing import Self

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.spiders.base import ARTICLE, FETCHED_AT
from crawler.state.incremental import crawl_id_of
from output.warc import Exchange, WarcArchive

MEGABYTE = 1024 * 1024


class Archive:
    def __init__(self, crawler: Crawler) -> None:
        self.directory = crawler.settings.get("THAIPR_WARC_DIR")
        if not self.directory:
            raise NotConfigured  # quietly: the usual case
        self.crawler = crawler
        self.max_bytes = int(crawler.settings.getfloat("THAIPR_WARC_MAX_MB") * MEGABYTE)
        self.archive: WarcArchive | None = None
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.received, signal=signals.response_received)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def opened(self, spider: Spider) -> None:
        self.archive = WarcArchive(self.directory, crawl_id_of(self.crawler), self.max_bytes)
        for path in self.archive.salvaged:
            spider.logger.warning("archive: finished %s, left open by a crawl that died", path)

    def received(self, response: Response, request: Request, spider: Spider) -> None:
        if self.archive is None:
            return
        fetched_at = datetime.now(UTC)
        request.meta[FETCHED_AT] = fetched_at
        article = request.meta.get(ARTICLE)
        meta = {"Kind": "page"}
        if article:
            meta = {
                "Kind": "article",
                "Site": article["site"],
                "Canonical-URL": article["canonical"],
                "Province": article["province"] or "",
                "Template": getattr(spider, "template", ""),
            }
        self.archive.write(
            Exchange(
                url=response.url,
                method=request.method,
                request_headers=_pairs(request.headers),
                status=response.status,
                reason=_reason(response.status),
                headers=_pairs(response.headers),
                body=response.body,
                fetched_at=fetched_at,
                meta=meta,
            )
        )
        if self.crawler.stats:
            self.crawler.stats.inc_value("thaipr/archived")

    def closed(self, spider: Spider) -> None:
        if self.archive is not None:
            self.archive.close()
            spider.logger.info(
                "archive: %d records in %d WARC files under %s",
                self.archive.records,
                len(self.archive.finished),
                self.directory,
            )


def _pairs(headers: object) -> list[tuple[str, str]]:
    return [
        (k.decode("latin-1"), v.decode("latin-1"))
        for k, values in headers.items()  # type: ignore[attr-defined]
        for v in values
    ]


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
