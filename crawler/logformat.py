"""Scrapy's log lines about items, one short line each. Scrapy's own print the whole item,
and a page item holds its body and its pickled rows: at DEBUG, a line of about 20 KB per
article. Here an item is named by its URL, and a line below the crawl's log level is not
built at all (Scrapy builds one per item and leaves its handler to drop it)."""

import logging
from typing import Any, Self

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure

from crawler.items import ErrorItem, PageItem


def describe(item: Any) -> str:
    """An item in a few words: a page by its URL, anything else by its type."""
    page = getattr(item, "page", item)  # a record keeps the page it was extracted from
    if isinstance(page, PageItem | ErrorItem):
        return f"{type(item).__name__} {page.url}"
    return type(item).__name__


class ItemLogFormatter(LogFormatter):
    def __init__(self, level: int = logging.DEBUG) -> None:
        self.level = level

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        level = crawler.settings.get("LOG_LEVEL", "DEBUG")
        if isinstance(level, str):  # a name Scrapy does not know: build every line
            level = logging.getLevelNamesMapping().get(level.upper(), logging.DEBUG)
        return cls(int(level))

    # None: no line at all, as Scrapy's docs allow (its type says otherwise).
    def scraped(  # type: ignore[override]
        self, item: Any, response: Response | Failure | None, spider: Spider
    ) -> LogFormatterResult | None:
        if self.level > logging.DEBUG:
            return None
        return {"level": logging.DEBUG, "msg": "Scraped %(item)s", "args": {"item": describe(item)}}

    def dropped(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        result["msg"] = "Dropped %(item)s: %(exception)s"
        result["args"] = {"item": describe(item), "exception": exception}
        return result

    def item_error(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        result = super().item_error(item, exception, response, spider)
        result["args"] = {"item": describe(item)}
        return result
