"""What a crawl says while it runs and when it ends: a live status line on a terminal (which
says so once the crawl is stopping), plain log lines every THAIPR_PROGRESS_SECONDS
otherwise, and one summary line at the end, true also of a crawl stopped at once, whose
engine never closed (Scrapy's elapsed time and finish reason are then missing)."""

import logging
import sys
import time
from datetime import UTC, datetime
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector
from twisted.internet import task

from crawler.reporting.live_line import CLEAR
from crawler.reporting.memory import peak_memory_mb

log = logging.getLogger(__name__)
TTY_REFRESH_S = 1.0


def counts(stats: StatsCollector) -> dict[str, int]:
    get = stats.get_value
    return {
        "pages": int(get("downloader/response_count", 0)),
        "new": int(get("thaipr/new", 0)),
        "changed": int(get("thaipr/changed", 0)),
        "unchanged": int(get("thaipr/unchanged", 0)),
        "errors": int(get("thaipr/errors", 0)),
        "records": int(get("thaipr/records", 0)),
        "ok": int(get("thaipr/ok_responses", 0)),
    }


def summary_line(stats: StatsCollector, seconds: float) -> str:
    c = counts(stats)
    minutes, secs = divmod(int(seconds), 60)
    duration = f"{minutes // 60}:{minutes % 60:02d}:{secs:02d}"
    return (
        f"{c['pages']} pages, {c['new']} new, {c['changed']} changed, "
        f"{c['unchanged']} unchanged, {c['errors']} errors in {duration}, "
        f"peak memory {peak_memory_mb():.0f} MB"
    )


def elapsed_seconds(stats: StatsCollector, started: float) -> float:
    """How long the crawl ran: Scrapy's figure when its engine closed; else since the spider
    opened, or since `started` (a `time.monotonic()`) when it never did."""
    seconds = stats.get_value("elapsed_time_seconds")
    if seconds is not None:
        return float(seconds)
    opened = stats.get_value("start_time")
    if isinstance(opened, datetime):
        return (datetime.now(UTC) - opened).total_seconds()
    return time.monotonic() - started


def troubles(stats: StatsCollector) -> int:
    """Pages that failed, and warnings and errors logged: what the log file tells more of."""
    logged = sum(
        int(stats.get_value(f"log_count/{level}", 0)) for level in ("WARNING", "ERROR", "CRITICAL")
    )
    return logged + counts(stats)["errors"]


class Progress:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.tty = sys.stderr.isatty()
        self.interval = (
            TTY_REFRESH_S if self.tty else crawler.settings.getfloat("THAIPR_PROGRESS_SECONDS", 30)
        )
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider: Any) -> None:
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.tick)
        self.loop.start(self.interval, now=False)

    def line(self) -> str:
        assert self.crawler.stats is not None
        c = counts(self.crawler.stats)
        elapsed = time.monotonic() - self.started
        rate = c["records"] / elapsed if elapsed else 0.0
        if not self.crawler.crawling:  # a first Ctrl-C or SIGTERM: Scrapy's graceful stop
            return (
                f"stopping, Ctrl-C again to stop at once | pages {c['pages']} | "
                f"articles {c['records']} | {int(elapsed)} s"
            )
        return (
            f"pages {c['pages']} | articles {c['records']} | unchanged {c['unchanged']} | "
            f"errors {c['errors']} | {rate:.1f} articles/s | {int(elapsed)} s"
        )

    def tick(self) -> None:
        if self.tty:
            sys.stderr.write(CLEAR + self.line())
            sys.stderr.flush()
        else:
            log.info("progress: %s", self.line())

    def closed(self, spider: Any, reason: str) -> None:
        if self.loop and self.loop.running:
            self.loop.stop()
        if self.tty:
            sys.stderr.write(CLEAR)
        assert self.crawler.stats is not None
        log.info(
            "summary: %s (%s)",
            summary_line(self.crawler.stats, time.monotonic() - self.started),
            reason,
        )
