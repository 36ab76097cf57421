"""Distributed crawling and re-extraction, measured in one run:

- 1, 2 and 3 workers (`thaipr crawl --redis`, politeness off) crawling one replica into one
  dataset: articles/s on the wall clock, start of the first worker to end of the last;
- `thaipr reextract` from the WARC archive of a 1-worker crawl: pages/s, against the
  articles/s of that live crawl.

    python -m bench.distributed_bench [--provinces 6] [--per-province 300]

Needs a Redis: THAIPR_TEST_REDIS, or `redis-server` on the PATH (started here)."""

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from crawler.replica.catalog import Catalog
from output.views import connect
from tests.redis_server import redis_server
from tests.replica import THAIPR, crawl_command, serving


def _articles(out: Path) -> int:
    row = connect(out).execute("SELECT count(*) FROM articles").fetchone()
    return int(row[0]) if row else 0


def _crawl(catalog: Catalog, out: Path, workers: int, redis: str, *args: str) -> float:
    """Seconds for `workers` workers to crawl the whole replica into `out`."""
    with serving(catalog) as server:
        started = time.monotonic()
        procs = [
            subprocess.Popen(
                crawl_command(server, out, "--redis", redis, "--no-politeness", *args),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(workers)
        ]
        for proc in procs:
            _, err = proc.communicate()
            if proc.returncode != 0:
                raise SystemExit(f"bench: a worker failed ({proc.returncode}): {err[-1000:]}")
        return time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--provinces", type=int, default=6)
    ap.add_argument("--per-province", type=int, default=300)
    args = ap.parse_args(argv)
    catalog = Catalog(args.provinces, args.per_province)
    try:
        redis_context = redis_server()
        redis = redis_context.__enter__()
    except pytest.skip.Exception as skip:
        print(f"bench: {skip}")
        return 0
    try:
        with tempfile.TemporaryDirectory(prefix="thaipr-bench-") as tmp:
            print(f"replica: {catalog.total} generated articles on {len(catalog.sites)} sites")
            live = 0.0
            for workers in (1, 2, 3):
                out = Path(tmp) / f"w{workers}"
                extra = ("--warc", str(Path(tmp) / "warc")) if workers == 1 else ()
                seconds = _crawl(catalog, out, workers, redis, *extra)
                n = _articles(out)
                rate = n / seconds
                live = live or rate
                print(
                    f"{workers} worker{'s' if workers > 1 else ' '}: {n} articles in "
                    f"{seconds:5.1f} s = {rate:6.1f} articles/s ({rate / live:.2f}x one worker)"
                )
            done = subprocess.run(
                [
                    *THAIPR,
                    "reextract",
                    "--warc",
                    str(Path(tmp) / "warc"),
                    "--out",
                    str(Path(tmp) / "re"),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            pages_s = float(re.search(r"\((\d+) pages/s\)", done.stdout).group(1))  # type: ignore[union-attr]
            print(done.stdout.strip())
            print(
                f"re-extraction from WARC: {pages_s:.0f} pages/s, {pages_s / live:.1f}x the live "
                f"crawl's {live:.0f} articles/s (no network, no politeness, no Scrapy)"
            )
            warc_bytes = sum(p.stat().st_size for p in (Path(tmp) / "warc").iterdir())
            subprocess.run([*THAIPR, "compact", "--data", str(Path(tmp) / "w1")], check=True)
            data = Path(tmp) / "w1"
            data_bytes = sum(
                p.stat().st_size
                for p in data.rglob("*.parquet")
                if not p.relative_to(data).parts[0].startswith("_")  # tables only
            )
            n = _articles(Path(tmp) / "w1")
            print(
                f"archive: {warc_bytes / n / 1024:.1f} KB per article (every page, listings too), "
                f"the compacted dataset {data_bytes / n / 1024:.1f} KB per article"
            )
    finally:
        redis_context.__exit__(None, None, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
