"""Politeness Scrapy does not give by itself:

1. one download slot for every host of one backend (`THAIPR_SHARED_SLOTS`: all
   `*.prd.go.th` hosts share one rate, whichever netloc a request goes to);
2. robots.txt `Crawl-delay` applied (Scrapy parses it, but does not use it);
3. `Retry-After` on 429 and 503 honoured (seconds or an HTTP date), with exponential backoff
   when it is missing: the slot waits that long before its next request;
4. AutoThrottle never lowering a slot's delay under those floors.
"""

import logging
import time
from email.utils import parsedate_to_datetime
from typing import Any, Self

from scrapy import Request, signals
from scrapy.core.downloader import Downloader
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.extensions.throttle import AutoThrottle
from scrapy.http import Response
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached

log = logging.getLogger(__name__)
# Backoff when a 429/503 gives no Retry-After: base * 2**(retries so far), capped.
BACKOFF_BASE_S = 2.0
SOURCE_HOST = "thaipr_source_host"  # request meta: the real host a replica URL stands for


class Politeness:
    """Per-slot delay floors: the settings' DOWNLOAD_DELAY, a robots.txt Crawl-delay, and a
    temporary Retry-After pause. Every other component asks it for the floor."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.base_delay = crawler.settings.getfloat("DOWNLOAD_DELAY")
        self.crawl_delays: dict[str, float] = {}
        self.pauses: dict[str, tuple[float, float]] = {}  # slot -> (delay, until)
        self.shared = dict(crawler.settings.getdict("THAIPR_SHARED_SLOTS"))
        self.distributed = bool(crawler.settings.get("THAIPR_REDIS_URL"))
        crawler.signals.connect(self._robots_parsed, signal=signals.robots_parsed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        ext = cls(crawler)
        crawler.thaipr_politeness = ext  # type: ignore[attr-defined]
        return ext

    def slot_key(self, request: Request) -> str:
        """The slot of the backend a request goes to: its source's real host (a replica's
        URL stands for one), else the host of a configured source it is fetched from (a
        robots.txt request carries no source), else its own host."""
        netloc = urlparse_cached(request).netloc.lower()
        stands_for = getattr(self.crawler.spider, "source_host", None)
        host = (
            request.meta.get(SOURCE_HOST)
            or (stands_for(netloc) if stands_for else None)
            or urlparse_cached(request).hostname
            or ""
        )
        for suffix, slot in self.shared.items():
            if host == suffix or host.endswith("." + suffix):
                return str(slot)
        return str(urlparse_cached(request).hostname or "")

    def floor(self, slot: str) -> float:
        delay = max(self.base_delay, self.crawl_delays.get(slot, 0.0))
        pause, until = self.pauses.get(slot, (0.0, 0.0))
        return max(delay, pause) if time.monotonic() < until else delay

    def clamp(self, slot: str) -> None:
        """Raise the slot's delay to its floor (AutoThrottle may have lowered it); a slot not
        created yet starts at its floor."""
        downloader = self._downloader()
        if downloader is None:
            return
        live = downloader.slots.get(slot)
        if (
            self.distributed
        ):  # requests are spaced in Redis (crawler.politeness.shared_rate), not here
            downloader.per_slot_settings.setdefault(slot, {})["delay"] = 0.0
            if live is not None:
                live.delay = 0.0
            return
        floor = self.floor(slot)
        if live is None:
            downloader.per_slot_settings.setdefault(slot, {})["delay"] = floor
        elif live.delay < floor:
            live.delay = floor
        elif slot in self.pauses and time.monotonic() >= self.pauses[slot][1]:
            # A Retry-After pause is over: back to the floor (AutoThrottle adapts from there).
            del self.pauses[slot]
            live.delay = floor

    def pause(self, slot: str, seconds: float) -> None:
        now = time.monotonic()
        self.pauses[slot] = (seconds, now + seconds)
        self.clamp(slot)
        downloader = self._downloader()
        live = downloader.slots.get(slot) if downloader else None
        if live is not None and not self.distributed:
            # Scrapy spaces a slot's requests from when the last one left its queue, before
            # this answer came (and, on a busy machine, before it was even sent): the pause
            # starts now, as Retry-After means.
            live.lastseen = max(live.lastseen, now)

    def _downloader(self) -> Downloader | None:
        return self.crawler.engine.downloader if self.crawler.engine else None

    def _robots_parsed(self, robotparser: RobotParser, request: Request) -> None:
        agent = self.crawler.settings.get("ROBOTSTXT_USER_AGENT") or self.crawler.settings.get(
            "USER_AGENT"
        )
        delay = robotparser.crawl_delay(agent)
        if delay:
            slot = request.meta.get("download_slot") or self.slot_key(request)
            self.crawl_delays[slot] = max(self.crawl_delays.get(slot, 0.0), float(delay))
            log.info("robots.txt asks for Crawl-delay %gs: slot %s obeys it", delay, slot)
            self.clamp(slot)


def politeness_of(crawler: Crawler) -> Politeness:
    found: Politeness | None = getattr(crawler, "thaipr_politeness", None)
    if found is None:
        raise NotConfigured("crawler.politeness.delays.Politeness is not in EXTENSIONS")
    return found


class SharedSlots:
    """Downloader middleware: puts each request in its backend's slot, at its floor."""

    def __init__(self, crawler: Crawler) -> None:
        self.politeness = politeness_of(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        slot = request.meta.setdefault("download_slot", self.politeness.slot_key(request))
        self.politeness.clamp(slot)


class PoliteThrottle(AutoThrottle):
    """AutoThrottle that adapts to latency but never goes under a slot's floor."""

    def _response_downloaded(self, response: Response, request: Request, spider: Any) -> None:
        super()._response_downloaded(response, request, spider)
        slot = request.meta.get("download_slot")
        if slot:
            politeness_of(self.crawler).clamp(slot)


class RetryAfter(RetryMiddleware):
    """Scrapy's retries, plus: a 429 or 503 pauses the whole slot for its Retry-After (or
    an exponential backoff), and the retry waits for it."""

    cap: float  # longest pause honoured, seconds

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = super().from_crawler(crawler)
        middleware.cap = crawler.settings.getfloat("THAIPR_RETRY_AFTER_MAX", 600)
        return middleware

    def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if response.status in (429, 503) and not request.meta.get("dont_retry"):
            retries = request.meta.get("retry_times", 0)
            wait = retry_after_seconds(response.headers.get(b"Retry-After"))
            if wait is None:
                wait = BACKOFF_BASE_S * 2**retries
            if wait > self.cap:
                log.warning("Retry-After %ss from %s capped at %ss", wait, request.url, self.cap)
                wait = self.cap
            slot = request.meta.get("download_slot") or politeness_of(self.crawler).slot_key(
                request
            )
            politeness_of(self.crawler).pause(slot, wait)
            if self.crawler.stats:
                self.crawler.stats.inc_value("thaipr/retry_after")
        return super().process_response(request, response)


def retry_after_seconds(value: bytes | None) -> float | None:
    """`Retry-After: 120` or `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT` -> seconds."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
