"""Scrapy settings for thaipr: short and polite. `thaipr crawl` and `scrapy crawl` (through
scrapy.cfg) both use them; `thaipr crawl --no-politeness` relaxes the delays for a local
replica only."""

from crawler import __version__
from output.writer import FLUSH_ARTICLES, FLUSH_SECONDS

BOT_NAME = "thaipr"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Who we are and how to reach us.
USER_AGENT = (
    f"thaipr/{__version__} (+https://github.com/thaipr/thaipr; research crawler of PRD news)"
)
ROBOTSTXT_OBEY = True

# One backend serves every *.prd.go.th host: they share one download slot (see
# crawler.politeness.delays), one request at a time, at least DOWNLOAD_DELAY apart, or the
# robots.txt Crawl-delay, or a Retry-After, whichever is longest.
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.0  # the delay is a minimum gap, as robots.txt Crawl-delay means
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
# Items processed at once per response: a listing yields at most a page of requests, an
# article one item. Scrapy's default (100) starts 100 tasks for every response.
CONCURRENT_ITEMS = 8
THAIPR_SHARED_SLOTS = {"prd.go.th": "prd.go.th"}  # host suffix -> slot shared by all its hosts
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Slow government servers: generous but bounded.
DOWNLOAD_TIMEOUT = 45
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 5
# The crawl fetches only from the configured sources' hosts (crawler.politeness.fence); add
# more here.
THAIPR_ALLOWED_HOSTS: list[str] = []
THAIPR_RETRY_AFTER_MAX = 600  # seconds; a longer Retry-After is capped, and logged

# Scrapy reads the source of a generator callback (inspect.getsource, ast.parse) before each
# call, to warn when it returns a value: its cache is keyed weakly by the bound method, which
# every request makes anew, so it parses again for nearly every response. That was 0.25 ms
# of CPU per article (bare Scrapy on the replica, 20,000 articles: 36.2-38.0 s -> 31.6-31.9
# s). tests/test_crawl.py runs the same check over every spider callback once instead.
WARN_ON_GENERATOR_RETURN_VALUE = False

# No remote control: the telnet console and Scrapy's RemoteControl extension (an HTTP server
# on localhost that runs Python code it is sent, on by default since Scrapy 2.19) are off;
# tests/test_safety.py proves a crawl listens on no port.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    "scrapy.extensions.remote_control.RemoteControl": None,
    "scrapy.extensions.throttle.AutoThrottle": None,
    "crawler.politeness.delays.Politeness": 0,
    "crawler.politeness.delays.PoliteThrottle": 10,
    "crawler.reporting.progress.Progress": 500,
    "crawler.archive.Archive": 600,  # on when THAIPR_WARC_DIR is set
    "crawler.distributed.leases.Leases": 20,  # distributed crawls only
    "crawler.collector.Collector": 30,
}
SPIDER_MIDDLEWARES = {"crawler.distributed.leases.LeaseTracker": 50}  # distributed crawls only

# Distributed crawls (crawler/distributed/addon.py): the Redis URL (or THAIPR_REDIS in the
# environment), the prefix of the crawl's keys, and how long a worker may hold a request
# without renewing its lease before another worker takes it over.
ADDONS = {"crawler.distributed.addon.Distributed": 0}
THAIPR_REDIS_URL = None
THAIPR_REDIS_PREFIX = "thaipr"
THAIPR_LEASE_SECONDS = 300.0
DOWNLOADER_MIDDLEWARES = {
    "crawler.politeness.fence.HostFence": 40,  # before robots.txt is asked for
    "crawler.politeness.fence.RedirectFence": 610,  # sees a redirect before RedirectMiddleware
    "crawler.politeness.delays.SharedSlots": 50,
    "crawler.politeness.delays.RetryAfter": 540,  # in place of Scrapy's RetryMiddleware
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.state.incremental.ConditionalGet": 560,
    # Distributed crawls only: waits for the request's moment last, just before it is sent
    # (after robots.txt has let it through).
    "crawler.politeness.shared_rate.SharedRate": 950,
}
ITEM_PIPELINES = {
    "crawler.pipelines.ExtractPipeline": 100,
    "crawler.pipelines.DatasetPipeline": 200,
}

# The WARC archive of every response (`thaipr crawl --warc DIR`); files finish at this size.
THAIPR_WARC_DIR = None
THAIPR_WARC_MAX_MB = 1024.0

# Extraction worker processes (default: one per core beyond the engine's; 0: inline).
THAIPR_EXTRACT_WORKERS = None
# What a worker runs on each page: an import path to a function with the signature of
# `crawler.extraction.page_rows`. The crawl bench swaps in recorded rows (bench/recorded_rows.py).
THAIPR_PAGE_JOB = "crawler.extraction.page_rows"

# The dataset and the crawl state; spider arguments or `thaipr crawl --out` override.
THAIPR_OUT = "data"
# Records waiting to be written, at most (see output/writer.py): a kill loses at most this
# many fetches (fetched again next run).
THAIPR_FLUSH_ARTICLES = FLUSH_ARTICLES
# Seconds between writes of everything waiting, at most: so also the fetches a kill loses.
THAIPR_FLUSH_SECONDS = FLUSH_SECONDS
# Objects allocated before a young-generation collection; 0 leaves Python's default (700).
THAIPR_GC_THRESHOLD = 50_000
THAIPR_PROGRESS_SECONDS = 30.0

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
LOG_FORMATTER = "crawler.reporting.logformat.ItemLogFormatter"  # an item is logged by its URL
