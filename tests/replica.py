"""Test helpers: a replica of the platform served in this process, and `thaipr crawl` run
as a user runs it (a subprocess) against it."""

import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from crawler.replica.catalog import Catalog
from crawler.replica.server import Replica, ReplicaHTTPServer

THAIPR = [sys.executable, "-m", "thaipr"]


@contextmanager
def serving(catalog: Catalog, **kwargs: Any) -> Iterator[ReplicaHTTPServer]:
    server = ReplicaHTTPServer(Replica(catalog, **kwargs))
    server.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def crawl(
    server: ReplicaHTTPServer, out: Path, *args: str, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """`thaipr crawl` of the sites the replica serves (unless `args` name others)."""
    cmd = crawl_command(server, out, *args)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def crawl_command(server: ReplicaHTTPServer, out: Path, *args: str) -> list[str]:
    sites = [] if "--province" in args else ["--province", ",".join(server.replica.catalog.sites)]
    return [
        *THAIPR,
        "crawl",
        "--out",
        str(out),
        "--site-url-template",
        server.url + "/{slug}",
        "--log-level",
        "WARNING",
        *sites,
        *args,
    ]


def requests_of(server: ReplicaHTTPServer) -> list[dict[str, Any]]:
    with urllib.request.urlopen(server.url + "/_replica/requests") as answer:
        log: list[dict[str, Any]] = json.load(answer)
    return [r for r in log if not r["path"].startswith("/_replica/")]


def article_requests(server: ReplicaHTTPServer) -> list[dict[str, Any]]:
    return [r for r in requests_of(server) if "/detail/" in r["path"] or "ewt_news" in r["path"]]
