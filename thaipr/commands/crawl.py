"""`thaipr crawl`: crawl the PRD platform into the dataset, safe under cron.

A terminal shows a live progress line while it runs, then one closing line (on stdout):

    thaipr crawl: 60 pages, 60 new, 0 changed, 0 unchanged, 0 errors in 0:00:14, peak …

Scrapy's own log goes to DIR/_crawl/crawl.log (--log-file elsewhere); the closing line
names it when pages failed or something was logged as a warning or error. -v shows the log
on stderr instead (in --log-file too when that is given).

Ctrl-C (SIGINT) or SIGTERM stops gracefully: the pages in flight are fetched, and
everything fetched is written; exit 1. A second one stops at once, within seconds: the
extraction workers are ended, and what was fetched since the last write is not kept (the
next run fetches it again); exit 130, the line says "interrupted".

A replica (`thaipr replica`) is crawled with --replica URL: the sites it serves, no others.

Exit status: 0 success; 1 finished, but some pages failed (they are in `errors`) or the
crawl was stopped early; 2 bad usage or input (one line on stderr: the problem and what to
do); 3 could not crawl (another crawl holds the dataset, no replica or Redis at the URL
given, nothing was fetched, or every request failed); 130 stopped at once by a second
Ctrl-C. Scrapy itself exits 0 even when every request failed: the status comes from the
crawl's stats."""

import argparse
import fcntl
import json
import logging
import os
import signal
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.distributed.addon import ENV as DISTRIBUTED_ENV
from thaipr.args import iso_date, non_negative_float, positive_float, positive_int
from thaipr.exits import EXIT_INTERRUPTED, EXIT_NO_CRAWL, EXIT_OK, EXIT_USAGE
from thaipr.exits import EXIT_PARTIAL as EXIT_FAILED_PAGES

SPIDERS = {"prd": "prd", "prd_archive": "ewt"}
LOG_FILE = "_crawl/crawl.log"  # under --out, unless --log-file or -v
REPLICA_SITES = "/_replica/sites"  # what a replica answers with the slugs it serves
REPLICA_TIMEOUT_S = 5.0


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
    p.add_argument("--max-articles", type=positive_int, metavar="N", help="stop scheduling after N")
    p.add_argument(
        "--out",
        type=Path,
        default=Path("data"),
        metavar="DIR",
        help="the dataset (and its crawl state in DIR/_crawl)",
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--site-url-template",
        metavar="URL",
        help="fetch every site from here instead, e.g. 'http://127.0.0.1:8765/{slug}'",
    )
    where.add_argument(
        "--replica",
        metavar="URL",
        help="crawl the sites a replica (`thaipr replica`) serves, from it: "
        "e.g. http://127.0.0.1:8765 (with --province: those of its sites)",
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
        type=non_negative_float,
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
        type=positive_float,
        metavar="SECONDS",
        help="distributed: a dead worker's requests go to another after this (default 300)",
    )
    p.add_argument(
        "--log-level",
        default="INFO",
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        help="the least level Scrapy's log keeps (default INFO)",
    )
    p.add_argument(
        "--log-file",
        type=Path,
        metavar="PATH",
        help=f"write Scrapy's log here (default: DIR/{LOG_FILE}; appended to)",
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="show Scrapy's log on stderr (and write it to --log-file only when given)",
    )
    p.set_defaults(run=run)


def _usage(message: str) -> int:
    print(f"thaipr crawl: {message}", file=sys.stderr)
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    from crawler.sources import SourceError, load_sources, select

    if args.site_url_template and "{slug}" not in args.site_url_template:
        return _usage("--site-url-template needs {slug}, e.g. 'http://127.0.0.1:8765/{slug}'")
    if args.replica and (problem := _bad_replica_url(args.replica)):
        return _usage(problem)
    if args.since and args.until and args.since > args.until:
        return _usage("--since is after --until; give the older day to --since")
    if any("=" not in pair for pair in args.set):
        return _usage("--set takes NAME=VALUE, e.g. --set DOWNLOAD_TIMEOUT=20")
    try:
        configured = load_sources(args.sources)
        sources = select(configured, args.province, SPIDERS[args.spider])
    except SourceError as exc:
        return _usage(str(exc))
    if not sources:
        return _usage(f"no {args.spider} source to crawl; add one with --sources FILE")
    if problem := _unwritable(args.out / "_crawl"):
        return _usage(f"cannot write the dataset at {args.out} ({problem}); choose another --out")
    args.log_to = _log_file(args)
    if args.log_to and (problem := _unwritable_file(args.log_to)):
        return _usage(
            f"cannot write the log at {args.log_to} ({problem}); choose another --log-file"
        )
    if args.replica:
        try:
            served = replica_sites(args.replica)
        except ReplicaError as exc:
            print(
                f"thaipr crawl: could not crawl: {exc}; start one with `thaipr replica`",
                file=sys.stderr,
            )
            return EXIT_NO_CRAWL
        if args.province:
            missing = [s.slug for s in sources if s.slug.removeprefix("ewt.") not in served]
            if missing:
                return _usage(
                    f"the replica at {args.replica} does not serve {', '.join(missing)}; "
                    f"it serves {', '.join(served)}"
                )
        else:
            try:
                sources = select(configured, served, SPIDERS[args.spider])
            except SourceError as exc:
                return _usage(f"the replica at {args.replica} serves a site not configured: {exc}")
        args.province = [s.slug for s in sources]
        args.site_url_template = args.replica.rstrip("/") + "/{slug}"
    if args.redis and (problem := _unreachable(args.redis)):
        print(f"thaipr crawl: could not crawl: Redis at {args.redis}: {problem}", file=sys.stderr)
        return EXIT_USAGE if problem.startswith("bad URL") else EXIT_NO_CRAWL
    if _locked(args.out, shared=bool(args.redis)):
        print(f"thaipr crawl: another crawl is writing {args.out}", file=sys.stderr)
        return EXIT_NO_CRAWL
    return crawl(args)


def _unwritable(folder: Path) -> str | None:
    """Why files cannot be written in `folder` (made if need be), or None."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _unwritable_file(path: Path) -> str | None:
    """Why `path` cannot be appended to (its folder made if need be), or None."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8"):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _log_file(args: argparse.Namespace) -> Path | None:
    """Where Scrapy's log is written: --log-file, else under --out unless -v shows it."""
    if args.log_file:
        return Path(args.log_file)
    return None if args.verbose else args.out / LOG_FILE


class ReplicaError(RuntimeError):
    """No replica answers at the URL given."""


def _bad_replica_url(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return None
    return f"--replica takes the replica's URL, e.g. http://127.0.0.1:8765, not {url!r}"


def replica_sites(url: str) -> list[str]:
    """The slugs of the sites the replica at `url` serves."""
    where = url.rstrip("/") + REPLICA_SITES
    try:
        with urllib.request.urlopen(where, timeout=REPLICA_TIMEOUT_S) as answer:
            sites = json.load(answer)["sites"]
    except urllib.error.URLError as exc:
        reason = exc.reason
        why = reason.strerror if isinstance(reason, OSError) and reason.strerror else reason
        raise ReplicaError(f"no replica at {url} ({why})") from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ReplicaError(f"no replica at {url} ({exc or type(exc).__name__})") from exc
    if not isinstance(sites, list) or not sites:
        raise ReplicaError(f"no replica at {url} ({where} names no site)")
    return [str(slug) for slug in sites]


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
    log_to = getattr(args, "log_to", None)
    if log_to:
        overrides["LOG_FILE"] = str(log_to)
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


def _log_also_to_stderr(settings: Any) -> None:
    """-v with --log-file: Scrapy writes its log to the file; the same lines to stderr."""
    from scrapy.utils.log import TopLevelFormatter

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        logging.Formatter(settings.get("LOG_FORMAT"), settings.get("LOG_DATEFORMAT"))
    )
    handler.setLevel(settings.get("LOG_LEVEL"))
    if settings.getbool("LOG_SHORT_NAMES"):
        handler.addFilter(TopLevelFormatter(["scrapy"]))
    logging.root.addHandler(handler)


def crawl(args: argparse.Namespace) -> int:
    from scrapy.crawler import CrawlerProcess

    from crawler.reporting.live_line import CLEAR
    from crawler.reporting.progress import counts, elapsed_seconds, summary_line, troubles
    from crawler.spiders.prd import PrdSpider
    from crawler.spiders.prd_archive import PrdArchiveSpider

    spider = {"prd": PrdSpider, "prd_archive": PrdArchiveSpider}[args.spider]
    settings = settings_for(args)
    started = time.monotonic()
    process = CrawlerProcess(settings)
    if args.verbose and settings.get("LOG_FILE"):
        _log_also_to_stderr(settings)
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
    # Over: what is left is the closing line and the last write finishing. A Ctrl-C now
    # (Twisted has put Python's handler back) would end it in a traceback, or kill the
    # process after its line said otherwise.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if failures:
        print(f"thaipr crawl: could not crawl: {failures[0]}", file=sys.stderr)
        return EXIT_NO_CRAWL
    if sys.stderr.isatty():  # a crawl stopped at once leaves its live line
        sys.stderr.write(CLEAR)
    stats = crawler.stats
    if stats is None:  # stopped at once before it began
        print("thaipr crawl: interrupted before the crawl began", file=sys.stderr)
        return EXIT_INTERRUPTED
    c = counts(stats)
    # No finish reason: the engine never closed, the crawl was stopped at once.
    reason = stats.get_value("finish_reason")
    if reason is None:
        status = EXIT_INTERRUPTED
        reason = "interrupted: what was not yet written is fetched again next run"
    elif args.redis and c["pages"] == 0 and not c["errors"] and reason == "finished":
        status = EXIT_OK  # a worker of a distributed crawl the others left nothing to
    elif c["pages"] == 0 or c["ok"] == 0:
        status = EXIT_NO_CRAWL
    elif c["errors"] or reason != "finished":
        status = EXIT_FAILED_PAGES
    else:
        status = EXIT_OK
    logging.shutdown()
    line = f"thaipr crawl: {summary_line(stats, elapsed_seconds(stats, started))}"
    line += f" ({reason}; exit {status})"
    log_to = settings.get("LOG_FILE")
    if log_to and troubles(stats):
        line += f"; details in {log_to}"
    print(line)
    return status
