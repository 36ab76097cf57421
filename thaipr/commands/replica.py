"""`thaipr replica`: serve a replica of the PRD platform on 127.0.0.1 until interrupted."""

import argparse
import sys
from pathlib import Path
from typing import Any

from crawler.replica.catalog import Catalog
from crawler.replica.server import Replica, ReplicaHTTPServer


def add_parser(sub: Any) -> None:
    p = sub.add_parser("replica", help="serve a replica of the PRD platform on loopback")
    p.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    p.add_argument("--provinces", type=int, default=3, metavar="K", help="sites served")
    p.add_argument("--articles-per-province", type=int, default=20, metavar="N")
    p.add_argument("--latency-ms", type=int, default=0, metavar="L", help="added to every response")
    p.add_argument("--crawl-delay", type=float, help="Crawl-delay in robots.txt (seconds)")
    p.add_argument("--corpus", type=Path, help="serve these real articles (Parquet: title, text)")
    p.add_argument(
        "--faults",
        action="store_true",
        help="the first site's newest articles answer as broken servers do (see "
        "crawler/replica/faults.py); the URLs are printed",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.corpus and not args.corpus.is_file():
        print(f"thaipr replica: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    catalog = Catalog(args.provinces, args.articles_per_province, args.corpus)
    try:
        replica = Replica(catalog, args.latency_ms, args.crawl_delay, faults=args.faults)
    except ValueError as exc:
        print(f"thaipr replica: {exc}", file=sys.stderr)
        return 2
    try:
        server = ReplicaHTTPServer(replica, args.port)
    except OSError as exc:
        print(f"thaipr replica: cannot listen on port {args.port}: {exc.strerror}", file=sys.stderr)
        return 2
    print(
        f"thaipr replica: {catalog.total} articles on {len(catalog.sites)} sites at "
        f"{server.url}/{{slug}}",
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
