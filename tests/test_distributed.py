"""Distributed crawls on scrapy-redis against a real Redis: workers share one queue and
one polite rate (seen in the replica's request times), a worker SIGKILLed mid-crawl loses
nothing (its leases run out and another worker fetches its requests), many writers make
one dataset, and without Redis nothing changes."""

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
import redis

from crawler.replica.catalog import FIRST_ITEM, Catalog
from crawler.replica.server import ReplicaHTTPServer
from output.files import data_files
from output.views import connect
from tests.redis_server import redis_server
from tests.replica import crawl_command, requests_of, serving

DELAY = 0.3  # the shared rate in the politeness test, seconds
TOLERANCE = 0.1  # times are taken on arrival: a loaded machine wakes a worker late


@pytest.fixture
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


def _worker(
    server: ReplicaHTTPServer, out: Path, url: str, *args: str, by_env: bool = False
) -> subprocess.Popen[str]:
    """A worker given the Redis URL by --redis, or by the THAIPR_REDIS environment variable."""
    env = {**os.environ, "THAIPR_REDIS": url} if by_env else None
    return subprocess.Popen(
        crawl_command(server, out, *([] if by_env else ["--redis", url]), *args),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _ids(out: Path) -> list[str]:
    return [r[0] for r in connect(out).execute("SELECT article_id FROM articles").fetchall()]


def _expected(catalog: Catalog) -> set[str]:
    return {f"{s}:{FIRST_ITEM + n}" for s, site in catalog.sites.items() for n in range(site.count)}


def test_three_workers_share_one_polite_rate(redis_url: str, tmp_path: Path) -> None:
    catalog = Catalog(provinces=2, per_province=6)
    out = tmp_path / "data"
    with serving(catalog) as server:
        workers = [_worker(server, out, redis_url, "--delay", str(DELAY)) for _ in range(3)]
        results = [w.communicate(timeout=300) for w in workers]
        log = requests_of(server)
    for worker, (_, stderr) in zip(workers, results, strict=True):
        assert worker.returncode == 0, stderr[-2000:]
    log.sort(key=lambda r: r["time"])
    close = [
        (a["path"], b["path"])
        for a, b in pairwise(log)
        if b["time"] - a["time"] < DELAY - TOLERANCE
    ]
    assert not close, f"requests closer than {DELAY} s: {close}"
    by_worker = [int(out.split(" pages")[0].rsplit(" ", 1)[-1]) for out, _ in results]
    assert sum(n > 0 for n in by_worker) >= 2, f"pages per worker: {by_worker}"
    ids = _ids(out)
    assert sorted(ids) == sorted(_expected(catalog))  # each article once
    assert len({r["path"] for r in log if "/iid/" in r["path"]}) == len(ids)  # fetched once


def test_a_killed_workers_requests_are_fetched_by_another(redis_url: str, tmp_path: Path) -> None:
    catalog = Catalog(provinces=2, per_province=15)
    out = tmp_path / "data"
    lease = ("--lease", "3", "--set", "THAIPR_FLUSH_ARTICLES=4", "--set", "CONCURRENT_REQUESTS=4")
    with serving(catalog, latency_ms=60) as server:
        doomed = _worker(server, out, redis_url, "--no-politeness", *lease)
        deadline = time.monotonic() + 120
        while sum("/iid/" in r["path"] for r in list(server.replica.log)) < 6:
            assert doomed.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        os.killpg(doomed.pid, signal.SIGKILL)  # holding leases, records unpublished
        doomed.communicate()
        held = redis.Redis.from_url(redis_url).zcard("thaipr:prd:deadlines")
        survivor = _worker(server, out, redis_url, "--no-politeness", *lease, "-v")  # log: stderr
        _, stderr = survivor.communicate(timeout=300)
    assert survivor.returncode == 0, stderr[-3000:]
    assert held > 0
    assert "whose lease ran out are queued again" in stderr
    ids = _ids(out)
    assert sorted(ids) == sorted(_expected(catalog))  # before compaction: each once
    done = subprocess.run(
        [*crawl_command(server, out)[:3], "compact", "--data", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    con = connect(out)
    assert con.execute(
        "SELECT count(*), count(DISTINCT article_id) FROM article_versions"
    ).fetchone() == (
        len(ids),
        len(ids),
    )
    assert sorted(_ids(out)) == sorted(_expected(catalog))
    assert redis.Redis.from_url(redis_url).keys("thaipr:prd:*") == []  # the crawl cleaned up


def test_many_writers_write_their_own_files(redis_url: str, tmp_path: Path) -> None:
    catalog = Catalog(provinces=3, per_province=20)
    out = tmp_path / "data"
    slow = ("--no-politeness", "--set", "CONCURRENT_REQUESTS=2", "--set", "THAIPR_FLUSH_ARTICLES=3")
    with serving(catalog, latency_ms=100) as server:
        workers = [_worker(server, out, redis_url, *slow)]
        deadline = time.monotonic() + 120
        while sum("/iid/" in r["path"] for r in list(server.replica.log)) < 5:
            assert workers[0].poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        workers.append(_worker(server, out, redis_url, *slow))  # joins a crawl under way
        for w in workers:
            _, err = w.communicate(timeout=300)
            assert w.returncode == 0, err[-2000:]
    writers = {p.name.rsplit("-", 1)[0] for p in data_files(out, "articles")}
    assert len(writers) == 2  # each worker its own files
    assert sorted(_ids(out)) == sorted(_expected(catalog))


def test_the_crawl_state_is_shared_through_redis(redis_url: str, tmp_path: Path) -> None:
    """A single-machine crawl, then a distributed one, then another: what the first stored
    is known to the workers (taken over from SQLite), and nothing unchanged is downloaded."""
    catalog = Catalog(provinces=2, per_province=5)
    out = tmp_path / "data"
    with serving(catalog) as server:
        first = subprocess.run(crawl_command(server, out, "--no-politeness"), capture_output=True)
        assert first.returncode == 0, first.stderr
        for by_env in (False, True):
            mark = len(server.replica.log)
            worker = _worker(server, out, redis_url, "--no-politeness", by_env=by_env)
            _, err = worker.communicate(timeout=300)
            assert worker.returncode == 0, err[-2000:]
            articles = [r for r in server.replica.log[mark:] if "/iid/" in r["path"]]
            assert articles and {r["status"] for r in articles} == {304}
    client = redis.Redis.from_url(redis_url)
    (key,) = [k for k in client.keys("thaipr:pages:*") if client.type(k) == b"hash"]
    assert client.hlen(key) == catalog.total


def test_a_dead_redis_is_one_clear_line(tmp_path: Path) -> None:
    with serving(Catalog(provinces=1, per_province=2)) as server:
        done = subprocess.run(
            crawl_command(server, tmp_path / "data", "--redis", "redis://127.0.0.1:1/0"),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 3
    assert "could not crawl" in done.stderr and "127.0.0.1:1" in done.stderr
