"""A real Redis for the distributed tests: the one `.ci/run` starts (THAIPR_TEST_REDIS), or
else a `redis-server` started here on a free loopback port, without persistence. With
neither, the tests skip and say how to get one."""

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import redis

ENV = "THAIPR_TEST_REDIS"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def redis_server() -> Iterator[str]:
    """A Redis URL, its database emptied."""
    url = os.environ.get(ENV)
    proc = None
    if not url:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip(
                f"no Redis: set {ENV}=redis://HOST:PORT/DB or install redis-server "
                "(apt-get install redis-server; .ci/run does)"
            )
        port = _free_port()
        proc = subprocess.Popen(
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    client.flushdb()
    try:
        yield url
    finally:
        client.flushdb()
        client.close()
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
