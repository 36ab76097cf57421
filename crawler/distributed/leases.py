"""Distributed crawls lose nothing when a worker dies. scrapy-redis hands a request to the
worker that pops it and forgets it; here a pop is a *lease*: the request stays in Redis,
with a deadline, until the worker acknowledges it, and a lease that runs out (its worker
was killed) puts the request back in the queue for another worker.

A request is acknowledged once what it produced is safe: the requests its callback yielded
are queued (a listing), or its record or error row is published in the dataset (an
article), or it was dropped as unchanged or duplicate, or it was queued again (a retry, a
redirect). A worker renews the leases it holds every third of THAIPR_LEASE_SECONDS, and
closes only when the queue is empty and no lease is held by anyone.

Redis keys, per spider: `<prefix>:requests` (the priority queue), `<prefix>:leased` (lease
id -> request), `<prefix>:lease_scores` (lease id -> queue score), `<prefix>:deadlines`
(sorted by deadline, in Redis server time), `<prefix>:lease_seq`."""

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any, Self

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.http import Response
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

from crawler.items import ErrorItem, PageItem
from crawler.spiders.base import LEASE

log = logging.getLogger(__name__)
POLL_SECONDS = 1.0  # how often an idle worker looks at the queue again

# Take the best request and lease it until now + ARGV[1] ms.
_POP = """
local top = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #top == 0 then return nil end
redis.call('ZREM', KEYS[1], top[1])
local id = redis.call('INCR', KEYS[5])
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('HSET', KEYS[2], id, top[1])
redis.call('HSET', KEYS[3], id, top[2])
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[1]), id)
return {id, top[1]}
"""
# Put every request whose lease ran out back in the queue; returns how many.
_RECLAIM = """
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local ids = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now)
for _, id in ipairs(ids) do
  local data = redis.call('HGET', KEYS[2], id)
  if data then redis.call('ZADD', KEYS[1], redis.call('HGET', KEYS[3], id), data) end
  redis.call('HDEL', KEYS[2], id)
  redis.call('HDEL', KEYS[3], id)
  redis.call('ZREM', KEYS[4], id)
end
return #ids
"""
# Push back the deadline of leases still held (XX: never revive a reclaimed one).
_RENEW = """
local t = redis.call('TIME')
local deadline = t[1] * 1000 + math.floor(t[2] / 1000) + tonumber(ARGV[1])
local renewed = 0
for i = 2, #ARGV do
  renewed = renewed + redis.call('ZADD', KEYS[1], 'XX', 'CH', deadline, ARGV[i])
end
return renewed
"""


class LeasedQueue(PriorityQueue):  # type: ignore[misc]
    """scrapy-redis's priority queue, with leases. One per worker and spider."""

    def __init__(self, server: Any, spider: Spider, key: str, serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer)
        settings = spider.crawler.settings
        self.lease_ms = int(settings.getfloat("THAIPR_LEASE_SECONDS") * 1000)
        base = self.key.removesuffix(":requests")
        self.leased, self.scores = f"{base}:leased", f"{base}:lease_scores"
        self.deadlines, self.seq = f"{base}:deadlines", f"{base}:lease_seq"
        self.held: set[str] = set()  # leases this worker holds
        self._pop = server.register_script(_POP)
        self._reclaim = server.register_script(_RECLAIM)
        self._renew = server.register_script(_RENEW)
        spider.thaipr_queue = self  # type: ignore[attr-defined]  # for Leases and pipelines

    def pop(self, timeout: int = 0) -> Request | None:
        keys = [self.key, self.leased, self.scores, self.deadlines, self.seq]
        taken = self._pop(keys=keys, args=[self.lease_ms])
        if not taken:
            return None
        lease, data = str(taken[0]), taken[1]
        request: Request = self._decode_request(data)
        request.meta[LEASE] = lease
        self.held.add(lease)
        return request

    def ack(self, leases: Iterable[str | None]) -> None:
        done = [lease for lease in leases if lease is not None]
        if not done:
            return
        pipe = self.server.pipeline()
        pipe.hdel(self.leased, *done).hdel(self.scores, *done).zrem(self.deadlines, *done)
        pipe.execute()
        self.held.difference_update(done)

    def renew(self) -> int:
        if not self.held:
            return 0
        return int(self._renew(keys=[self.deadlines], args=[self.lease_ms, *self.held]))

    def reclaim(self) -> int:
        keys = [self.key, self.leased, self.scores, self.deadlines]
        return int(self._reclaim(keys=keys))

    def outstanding(self) -> int:
        """Leases held by any worker."""
        return int(self.server.zcard(self.deadlines))

    def clear(self) -> None:
        super().clear()
        self.server.delete(self.leased, self.scores, self.deadlines, self.seq)


class LeasedScheduler(Scheduler):  # type: ignore[misc]
    """scrapy-redis's scheduler on a LeasedQueue. A request queued again (a retry, a
    redirect) or dropped as a duplicate gives up the lease it came under: the new entry,
    when popped, has its own."""

    queue: LeasedQueue

    def enqueue_request(self, request: Request) -> bool:
        lease = request.meta.pop(LEASE, None)
        try:
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                return False
            self.queue.push(request)
            if self.stats:
                self.stats.inc_value("scheduler/enqueued/redis")
            return True
        finally:
            self.queue.ack([lease])

    def next_request(self) -> Request | None:
        request = self.queue.pop()
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request


def queue_of(spider: Spider | None) -> LeasedQueue | None:
    found: LeasedQueue | None = getattr(spider, "thaipr_queue", None)
    return found


class LeaseTracker:
    """Spider middleware: a response whose callback yields no page or error item of its own
    (a listing, a feed, a 304) is acknowledged once the callback is done, its requests
    queued."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.get("THAIPR_REDIS_URL"):
            raise NotConfigured  # quietly: the usual case
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_spider_output(
        self, response: Response, result: Iterable[Any], spider: Spider | None = None
    ) -> Iterator[Any]:
        lease = response.meta.get(LEASE)
        carried = False
        try:
            for element in result:
                carried = carried or _carries(element, lease)
                yield element
        finally:
            self._done(response, lease, carried)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any], spider: Spider | None = None
    ) -> AsyncIterator[Any]:
        lease = response.meta.get(LEASE)
        carried = False
        try:
            async for element in result:
                carried = carried or _carries(element, lease)
                yield element
        finally:
            self._done(response, lease, carried)

    def _done(self, response: Response, lease: str | None, carried: bool) -> None:
        queue = queue_of(self.crawler.spider)
        if lease is not None and not carried and queue is not None:
            queue.ack([lease])


def _carries(element: Any, lease: str | None) -> bool:
    return (
        lease is not None and isinstance(element, PageItem | ErrorItem) and element.lease == lease
    )


class Leases:
    """Extension: renews this worker's leases, puts expired ones back, acknowledges dropped
    items, and keeps the worker open while anyone still holds a lease."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.get("THAIPR_REDIS_URL"):
            raise NotConfigured  # quietly: the usual case
        self.crawler = crawler
        self.every = crawler.settings.getfloat("THAIPR_LEASE_SECONDS") / 3
        self.loop = LoopingCall(self.tick)
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)
        crawler.signals.connect(self.idle, signal=signals.spider_idle)
        crawler.signals.connect(self.dropped, signal=signals.item_dropped)
        crawler.signals.connect(self.dropped, signal=signals.item_error)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    @property
    def queue(self) -> LeasedQueue | None:
        return queue_of(self.crawler.spider)

    def opened(self, spider: Spider) -> None:
        self.loop.start(self.every, now=False)
        # Scrapy asks an empty scheduler again only every 5 s (engine heartbeat); with the
        # queue in Redis, other workers fill it meanwhile: ask every second instead.
        if self.crawler.engine is not None:
            self.crawler.engine._SLOT_HEARTBEAT_INTERVAL = POLL_SECONDS

    def closed(self, spider: Spider) -> None:
        if self.loop.running:
            self.loop.stop()

    def tick(self) -> None:
        queue = self.queue
        if queue is None:
            return
        queue.renew()
        if reclaimed := queue.reclaim():
            log.warning("%d requests whose lease ran out are queued again", reclaimed)
            if self.crawler.stats:
                self.crawler.stats.inc_value("thaipr/leases_reclaimed", reclaimed)

    def dropped(self, item: Any, **kwargs: Any) -> None:
        lease = getattr(getattr(item, "page", item), "lease", None)
        if self.queue is not None:
            self.queue.ack([lease])

    def idle(self, spider: Spider) -> None:
        queue = self.queue
        if queue is None:
            return
        self.tick()
        if len(queue):
            raise DontCloseSpider("requests queued")
        if queue.held:  # records of ours not published yet: publish, then acknowledge
            flush = getattr(self.crawler, "thaipr_flush", None)
            if flush is not None:
                flush()
            raise DontCloseSpider("leases held here")
        if queue.outstanding():
            raise DontCloseSpider("other workers hold leases")
