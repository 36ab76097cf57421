"""Politeness shared by every worker of a distributed crawl: before a request goes out, its
worker reserves the backend's next free moment in Redis (Lua, in Redis server time, so the
workers' clocks do not matter) and waits for it. Consecutive requests to one backend, from
whichever worker, start at least its floor apart (DOWNLOAD_DELAY, robots.txt Crawl-delay,
a Retry-After pause: crawler.politeness.delays), and a pause one worker meets holds all of them."""

import asyncio
from typing import Self

import redis
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.politeness.delays import politeness_of, retry_after_seconds

# Reserve the slot's next moment: returns how many ms to wait before starting.
_RESERVE = """
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(now, free)
redis.call('SET', KEYS[1], at + tonumber(ARGV[1]), 'PX', at + tonumber(ARGV[1]) - now + 60000)
return at - now
"""
# Nobody starts before now + ARGV[1] ms.
_PAUSE = """
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local until_ = math.max(free, now + tonumber(ARGV[1]))
redis.call('SET', KEYS[1], until_, 'PX', until_ - now + 60000)
return until_ - now
"""


class SharedRate:
    """Downloader middleware, on in distributed crawls (THAIPR_REDIS_URL)."""

    def __init__(self, crawler: Crawler) -> None:
        url = crawler.settings.get("THAIPR_REDIS_URL")
        if not url:
            raise NotConfigured  # quietly: the usual case
        self.politeness = politeness_of(crawler)
        self.prefix = crawler.settings.get("THAIPR_REDIS_PREFIX")
        server = redis.Redis.from_url(url)
        self._reserve = server.register_script(_RESERVE)
        self._pause = server.register_script(_PAUSE)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _key(self, request: Request) -> str:
        return f"{self.prefix}:rate:{self.politeness.slot_key(request)}"

    async def process_request(self, request: Request) -> None:
        floor = self.politeness.floor(self.politeness.slot_key(request))
        if floor <= 0:
            return
        wait_ms = int(self._reserve(keys=[self._key(request)], args=[int(floor * 1000)]))
        if wait_ms > 0:
            await asyncio.sleep(wait_ms / 1000)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status in (429, 503):
            wait = retry_after_seconds(response.headers.get(b"Retry-After"))
            if wait:
                self._pause(keys=[self._key(request)], args=[int(wait * 1000)])
        return response
