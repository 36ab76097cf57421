"""`thaipr crawl`: crawl the PRD platform into the dataset, safe under cron.

Exit status: 0 success; 1 finished, but some pages failed (they are in `errors`) or the
crawl was stopped early; 2 bad usage; 3 could not crawl (another crawl holds the dataset,
nothing was fetched, or every request failed). Scrapy itself exits 0 even when every
request failed: the status comes from the crawl's stats."""

import argparse
import fcntl
import logging
import os
import sys
from pathlib import Path
from typing import Any

from crawler.distributed.addon import ENV as DISTRIBUTED_ENV
from thaipr.args import iso_date

EXIT_OK, EXIT_FAILED_PAGES, EXIT_USAGE, EXIT_NO_CRAWL = 0, 1, 2, 3
SPIDERS = {"prd": "prd", "prd_archive": "ewt"}


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "crawl",
        help="crawl PRD sites into the dataset",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--spider",
        choices=sorted(SPIDERS),
        default="prd",
        help="prd: the current CMS (default); prd_archive: the old EWT CMS",
    )
    p.add_argument(
        "--province",
        action="append",
        metavar="SLUG",
        help="site slug(s), comma-separated or repeated (default: every site)",
    )
    p.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD", help="oldest publication day")
    p.add_argument("--until", type=iso_date, metavar="YYYY-MM-DD", help="newest publication day")
    p.add_argument("--max-articles", type=int, metavar="N", help="stop scheduling after N")
    p.add_argument(
        "--out",
        type=Path,
        default=Path("data"),
        metavar="DIR",
        help="the dataset (and its crawl state in DIR/_crawl)",
    )
    p.add_argument(
        "--site-url-template",
        metavar="URL",
        help="fetch every site from here instead, e.g. 'http://127.0.0.1:8765/{slug}'",
    )
    p.add_argument("--sources", type=Path, metavar="FILE", help="extra sources (TOML)")
    p.add_argument(
        "--warc",
        type=Path,
        metavar="DIR",
        help="archive every request and response here (WARC); `thaipr reextract` reads it",
    )
    p.add_argument(
        "--full",
        action="store_true",
        help="page every listing to the end, even past articles already stored",
    )
    p.add_argument(
        "--delay",
        type=float,
        metavar="SECONDS",
        help="least time between two requests to one backend (default 1.0; "
        "robots.txt Crawl-delay and Retry-After can only lengthen it)",
    )
    p.add_argument(
        "--no-politeness",
        action="store_true",
        help="no delays, high concurrency: for your own replica only",
    )
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Scrapy setting, as `scrapy crawl -s` takes it (repeatable)",
    )
    p.add_argument(
        "--redis",
        metavar="URL",
        default=os.environ.get(DISTRIBUTED_ENV),
        help="a distributed crawl: share its queue, duplicate filter and rate through this "
        f"Redis (redis://HOST:PORT/DB; default ${DISTRIBUTED_ENV}). Start as many workers "
        "as you like, on any machines, with the same URL and --out",
    )
    p.add_argument(
        "--lease",
        type=float,
        metavar="SECONDS",
        help="distributed: a dead worker's requests go to another after this (default 300)",
    )
    p.add_argument("--log-level", default="INFO", choices=("DEBUG", "INFO", "WARNING", "ERROR"))
    p.add_argument("--log-file", type=Path, help="write Scrapy's log here instead of stderr")
    p.set_defaults(run=run)


def _usage(message: str) -> int:
    print(f"thaipr crawl: {message}", file=sys.stderr)
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    from crawler.sources import SourceError, load_sources, select

    if args.site_url_template and "{slug}" not in args.site_url_template:
        return _usage("--site-url-template needs {slug}, e.g. 'http://127.0.0.1:8765/{slug}'")
    if args.since and args.until and args.since > args.until:
        return _usage("--since is after --until")
    try:
        sources = select(load_sources(args.sources), args.province, SPIDERS[args.spider])
    except SourceError as exc:
        return _usage(str(exc))
    if not sources:
        return _usage(f"no {args.spider} source to crawl")
    if any("=" not in pair for pair in args.set):
        return _usage("--set takes NAME=VALUE")
    if args.redis and (problem := _unreachable(args.redis)):
        print(f"thaipr crawl: could not crawl: Redis at {args.redis}: {problem}", file=sys.stderr)
        return EXIT_USAGE if problem.startswith("bad URL") else EXIT_NO_CRAWL
    if _locked(args.out, shared=bool(args.redis)):
        print(f"thaipr crawl: another crawl is writing {args.out}", file=sys.stderr)
        return EXIT_NO_CRAWL
    return crawl(args)


def _unreachable(url: str) -> str | None:
    """Why the Redis of a distributed crawl cannot be used, or None."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5)
    except ValueError as exc:
        return f"bad URL ({exc})"
    try:
        client.ping()
    except redis.RedisError as exc:
        return str(exc) or type(exc).__name__
    finally:
        client.close()
    return None


def _locked(out: Path, shared: bool) -> bool:
    """Another crawl holds the dataset (workers of one distributed crawl share it)."""
    lock = out / "_crawl" / "lock"
    if not lock.exists():
        return False
    with open(lock, "ab") as f:
        try:
            fcntl.flock(f, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
    return False


def settings_for(args: argparse.Namespace) -> Any:
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    overrides: dict[str, Any] = {"THAIPR_OUT": str(args.out), "LOG_LEVEL": args.log_level}
    if args.log_file:
        overrides["LOG_FILE"] = str(args.log_file)
    if args.warc:
        overrides["THAIPR_WARC_DIR"] = str(args.warc)
    if args.redis:
        overrides["THAIPR_REDIS_URL"] = args.redis
    if args.lease is not None:
        overrides["THAIPR_LEASE_SECONDS"] = args.lease
    if args.delay is not None:
        overrides["DOWNLOAD_DELAY"] = args.delay
        overrides["AUTOTHROTTLE_START_DELAY"] = args.delay
    if args.no_politeness:
        overrides.update(
            DOWNLOAD_DELAY=0,
            AUTOTHROTTLE_ENABLED=False,
            CONCURRENT_REQUESTS=32,
            CONCURRENT_REQUESTS_PER_DOMAIN=32,
        )
    for pair in args.set:
        name, _, value = pair.partition("=")
        overrides[name.strip()] = value
    settings.setdict(overrides, priority="cmdline")
    return settings


def crawl(args: argparse.Namespace) -> int:
    from scrapy.crawler import CrawlerProcess

    from crawler.reporting.progress import counts, summary_line
    from crawler.spiders.prd import PrdSpider
    from crawler.spiders.prd_archive import PrdArchiveSpider

    spider = {"prd": PrdSpider, "prd_archive": PrdArchiveSpider}[args.spider]
    process = CrawlerProcess(settings_for(args))
    crawler = process.create_crawler(spider)
    failures: list[str] = []
    deferred = process.crawl(
        crawler,
        province=args.province,
        since=args.since,
        until=args.until,
        max_articles=args.max_articles,
        site_url_template=args.site_url_template,
        sources=str(args.sources) if args.sources else None,
        out=str(args.out),
        full=args.full,
    )
    deferred.addErrback(lambda f: failures.append(f.getErrorMessage()))
    process.start()
    if failures:
        print(f"thaipr crawl: could not crawl: {failures[0]}", file=sys.stderr)
        return EXIT_NO_CRAWL
    assert crawler.stats is not None
    stats = crawler.stats
    c = counts(stats)
    reason = stats.get_value("finish_reason", "unknown")
    elapsed = stats.get_value("elapsed_time_seconds", 0.0)
    if args.redis and c["pages"] == 0 and not c["errors"] and reason == "finished":
        status = EXIT_OK  # a worker of a distributed crawl the others left nothing to
    elif c["pages"] == 0 or c["ok"] == 0:
        status = EXIT_NO_CRAWL
    elif c["errors"] or reason != "finished":
        status = EXIT_FAILED_PAGES
    else:
        status = EXIT_OK
    logging.shutdown()
    print(f"thaipr crawl: {summary_line(stats, elapsed)} ({reason}; exit {status})")
    return status
