"""`thaipr replica`: serve a replica of the PRD platform on 127.0.0.1 until interrupted.

On start it prints where it serves, the slugs of its sites and the command that crawls it:

    thaipr replica: 60 articles on 3 sites at http://127.0.0.1:8765/{slug}: nongkhai, …
    crawl it with: thaipr crawl --replica http://127.0.0.1:8765 --out data --no-politeness

Exit status: 0 stopped with Ctrl-C; 2 bad usage (one line on stderr), an unreadable corpus,
or a port it cannot listen on."""

import argparse
import sys
from pathlib import Path
from typing import Any

from crawler.replica.catalog import MAX_SITES, Catalog
from crawler.replica.server import Replica, ReplicaHTTPServer
from thaipr.args import non_negative_float, non_negative_int, positive_int, whole_number

MAX_PORT = 65535


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "replica",
        help="serve a replica of the PRD platform on loopback",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--port", type=_port, default=8765, help="0 picks a free port")
    p.add_argument(
        "--provinces",
        type=_sites,
        default=3,
        metavar="K",
        help=f"sites served, 1 to {MAX_SITES} (default 3)",
    )
    p.add_argument(
        "--articles-per-province",
        type=positive_int,
        default=20,
        metavar="N",
        help="articles each site serves (default 20)",
    )
    p.add_argument(
        "--latency-ms",
        type=non_negative_int,
        default=0,
        metavar="L",
        help="added to every response",
    )
    p.add_argument(
        "--crawl-delay", type=non_negative_float, help="Crawl-delay in robots.txt (seconds)"
    )
    p.add_argument("--corpus", type=Path, help="serve these real articles (Parquet: title, text)")
    p.add_argument(
        "--faults",
        action="store_true",
        help="the first site's newest articles answer as broken servers do (see "
        "crawler/replica/faults.py); the URLs are printed",
    )
    p.set_defaults(run=run)


def _port(value: str) -> int:
    return whole_number(value, 0, MAX_PORT)


def _sites(value: str) -> int:
    n = positive_int(value)
    if n > MAX_SITES:
        raise argparse.ArgumentTypeError(
            f"the replica serves at most {MAX_SITES} sites (one a province), not {n}"
        )
    return n


def _fail(message: str) -> int:
    print(f"thaipr replica: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    if args.corpus and not args.corpus.is_file():
        return _fail(f"no corpus at {args.corpus}")
    try:
        catalog = Catalog(args.provinces, args.articles_per_province, args.corpus)
    except (OSError, ValueError, KeyError) as exc:  # pyarrow: not Parquet, no such column
        return _fail(f"cannot read the corpus {args.corpus}: {exc}")
    try:
        replica = Replica(catalog, args.latency_ms, args.crawl_delay, faults=args.faults)
    except ValueError as exc:
        return _fail(str(exc))
    try:
        server = ReplicaHTTPServer(replica, args.port)
    except OSError as exc:
        return _fail(f"cannot listen on port {args.port}: {exc.strerror}")
    sites = len(catalog.sites)
    print(
        f"thaipr replica: {catalog.total} articles on {sites} site{'s' * (sites != 1)} at "
        f"{server.url}/{{slug}}: {', '.join(catalog.sites)}",
        flush=True,
    )
    print(
        f"crawl it with: thaipr crawl --replica {server.url} --out data --no-politeness",
        flush=True,
    )
    for name, url in replica.fault_urls(server.url).items():
        print(f"  fault {name + ':':<28} {url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
