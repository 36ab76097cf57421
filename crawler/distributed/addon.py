"""Distributed mode, a Scrapy add-on: with THAIPR_REDIS_URL (`thaipr crawl --redis URL`,
`scrapy crawl -s THAIPR_REDIS_URL=…`, or the THAIPR_REDIS environment variable) the crawl
runs on scrapy-redis: its request queue (with leases, crawler.distributed.leases) and
duplicate filter live in Redis, so any number of workers on any number of machines share one
crawl, and the backend's rate is shared through Redis too (crawler.politeness.shared_rate).
Without it nothing changes: Scrapy's own scheduler, in memory, one machine."""

import os

from scrapy.settings import BaseSettings

ENV = "THAIPR_REDIS"
PRIORITY = "project"  # over crawler/settings.py; a command line setting still wins


class Distributed:
    def update_settings(self, settings: BaseSettings) -> None:
        url = settings.get("THAIPR_REDIS_URL") or os.environ.get(ENV)
        if not url:
            return
        prefix = settings.get("THAIPR_REDIS_PREFIX")
        for name, value in {
            "THAIPR_REDIS_URL": url,
            "REDIS_URL": url,
            "SCHEDULER": "crawler.distributed.leases.LeasedScheduler",
            "SCHEDULER_QUEUE_CLASS": "crawler.distributed.leases.LeasedQueue",
            "SCHEDULER_QUEUE_KEY": f"{prefix}:%(spider)s:requests",
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:%(spider)s:dupefilter",
            # The last worker to finish clears the crawl's queue and filter: the next crawl
            # starts afresh (the crawl state still spares it what is stored).
            "SCHEDULER_PERSIST": False,
            # Redis spaces the requests (crawler.politeness.shared_rate): no local delay, no local
            # throttle, no local queue holding a request past its reserved moment.
            "AUTOTHROTTLE_ENABLED": False,
            "CONCURRENT_REQUESTS_PER_DOMAIN": settings.getint("CONCURRENT_REQUESTS"),
        }.items():
            settings.set(name, value, priority=PRIORITY)
