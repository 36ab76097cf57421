"""`thaipr replica` as a user runs it: it says where it serves, what and how to crawl it,
serves, and stops at Ctrl-C with exit 0; bad options are one line and exit 2."""

import queue
import re
import signal
import subprocess
import sys
import threading
import urllib.request
from typing import IO

import pytest

from crawler.replica.catalog import MAX_SITES

THAIPR = [sys.executable, "-m", "thaipr"]
WAIT_S = 30  # for the replica to start, or to stop


def lines_of(stream: IO[str]) -> "queue.Queue[str]":
    """The stream's lines as they come, read in a thread (a read never blocks the test)."""
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in stream:
            lines.put(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    return lines


def test_prints_its_sites_and_the_crawl_command_serves_and_stops_at_ctrl_c() -> None:
    replica = subprocess.Popen(
        [*THAIPR, "replica", "--port", "0", "--provinces", "2", "--articles-per-province", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert replica.stdout is not None
        out = lines_of(replica.stdout)
        first, second = out.get(timeout=WAIT_S), out.get(timeout=WAIT_S)
        found = re.fullmatch(
            r"thaipr replica: 6 articles on 2 sites at (http://127\.0\.0\.1:\d+)/\{slug\}: (.+)",
            first,
        )
        assert found, first
        url, slugs = found[1], found[2].split(", ")
        assert slugs == ["nongkhai", "amnatcharoen"]
        assert second == f"crawl it with: thaipr crawl --replica {url} --out data --no-politeness"
        with urllib.request.urlopen(f"{url}/{slugs[1]}/", timeout=WAIT_S) as page:
            assert page.status == 200
            assert "อำนาจเจริญ" in page.read().decode()
        replica.send_signal(signal.SIGINT)
        assert replica.wait(timeout=WAIT_S) == 0
        assert replica.stderr is not None
        assert "Traceback" not in replica.stderr.read()
    finally:
        if replica.poll() is None:
            replica.kill()
            replica.wait()
        for stream in (replica.stdout, replica.stderr):
            if stream is not None:
                stream.close()


# Options the replica refuses, and the start of the line that says why.
BAD_OPTIONS = [
    (
        ["--provinces", "0"],
        "argument --provinces: must be a whole number of 1 or more, not '0'",
    ),
    (["--provinces", "-2"], "argument --provinces: must be a whole number of 1 or more"),
    (
        ["--provinces", str(MAX_SITES + 1)],
        f"argument --provinces: the replica serves at most {MAX_SITES} sites",
    ),
    (["--articles-per-province", "0"], "argument --articles-per-province: must be a whole"),
    (["--articles-per-province", "many"], "argument --articles-per-province: must be a whole"),
    (["--latency-ms", "-1"], "argument --latency-ms: must be a whole number of 0 or more"),
    (["--crawl-delay", "-0.5"], "argument --crawl-delay: must be a number of 0 or more"),
    (["--crawl-delay", "inf"], "argument --crawl-delay: must be a number of 0 or more"),
    (["--port", "65536"], "argument --port: must be a whole number from 0 to 65535"),
    (["--port", "-1"], "argument --port: must be a whole number from 0 to 65535"),
]


@pytest.mark.parametrize(
    ("args", "message"), [pytest.param(a, m, id=" ".join(a)) for a, m in BAD_OPTIONS]
)
def test_bad_options_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    done = subprocess.run(
        [*THAIPR, "replica", *args], capture_output=True, text=True, timeout=WAIT_S
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"thaipr replica: {message}"), line
