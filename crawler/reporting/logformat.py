"""Scrapy's log line for a scraped item, built only at DEBUG: Scrapy builds one per item and
leaves its handler to drop it. Items print as their URL (`__str__` in `crawler.items` and
`crawler.pipelines`), not as their body and pickled rows, in this line and in Scrapy's own
lines for dropped items and item errors."""

import logging
from typing import Any, Self

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure


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
        return {"level": logging.DEBUG, "msg": "Scraped %(item)s", "args": {"item": item}}
