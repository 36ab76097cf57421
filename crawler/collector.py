"""Python's cyclic garbage collector tuned for a long crawl.

A crawl's process holds a few hundred thousand objects from its start (Scrapy, Twisted,
the lexicons) and up to a flush's worth of buffered rows; with the default thresholds the
collector walks them all again and again (measured: 0.7 ms of CPU per article, a tenth of
the crawl's process). At engine start the objects alive then are frozen (never walked
again, `gc.freeze`) and the young generation is let grow to THAIPR_GC_THRESHOLD objects
before a collection. Reference counting frees almost everything a crawl makes; the collector
is only for cycles."""

import gc
from typing import Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured


class Collector:
    def __init__(self, threshold: int) -> None:
        self.threshold = threshold

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        threshold = crawler.settings.getint("THAIPR_GC_THRESHOLD")
        if threshold <= 0:
            raise NotConfigured("THAIPR_GC_THRESHOLD is off")
        ext = cls(threshold)
        crawler.signals.connect(ext.engine_started, signal=signals.engine_started)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def engine_started(self) -> None:
        self._before = gc.get_threshold()
        gc.collect()
        gc.freeze()
        gc.set_threshold(self.threshold, *self._before[1:])

    def engine_stopped(self) -> None:
        gc.set_threshold(*self._before)
        gc.unfreeze()
