"""`thaipr crawl` as a newcomer meets it, run as a user runs it against a real replica:
Ctrl-C once stops gracefully and writes what was fetched, twice stops at once and leaves no
process behind; the terminal gets the closing line and Scrapy's log goes to a file; bad
usage and input are one line and exit 2; `--replica URL` crawls the sites that replica
serves, and only those."""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from crawler.replica.catalog import FIRST_ITEM, Catalog
from crawler.replica.server import ReplicaHTTPServer
from output.views import connect
from tests.replica import THAIPR, crawl, crawl_command, requests_of, serving

# Slow enough to be caught mid-way, with real extraction worker processes.
SLOW_CRAWL = (
    "--no-politeness",
    "--set",
    "CONCURRENT_REQUESTS=2",
    "--set",
    "THAIPR_EXTRACT_WORKERS=2",
)
LATENCY_MS = 40
EXIT_BOUND_S = 10  # the bound: a second Ctrl-C ends the crawl within this


# --- processes, as /proc shows them ----------------------------------------------------------


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state, ppid, …), or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def _children(pid: int) -> dict[int, str]:
    """The processes whose parent is `pid`: pid -> start time (pids get reused)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) and fields[1] == str(pid):
            found[int(entry.name)] = fields[19]
    return found


def _alive(pid: int, started: str) -> bool:
    """Still running: the same process (same start time), neither exited nor a zombie."""
    fields = _stat(pid)
    return fields is not None and fields[19] == started and fields[0] not in "ZX"


def _workers(children: dict[int, str]) -> list[int]:
    def cmdline(pid: int) -> str:
        try:
            return Path(f"/proc/{pid}/cmdline").read_text()
        except OSError:
            return ""

    return [pid for pid in children if "spawn_main" in cmdline(pid)]


def _article_hits(server: ReplicaHTTPServer) -> int:
    return sum("/iid/" in r["path"] for r in list(server.replica.log))


def _start(server: ReplicaHTTPServer, out: Path) -> subprocess.Popen[str]:
    """`thaipr crawl` in its own process group, as a terminal's foreground job."""
    return subprocess.Popen(
        crawl_command(server, out, *SLOW_CRAWL),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _crawling(proc: subprocess.Popen[str], server: ReplicaHTTPServer) -> dict[int, str]:
    """Wait until the crawl has fetched some articles; its children meanwhile."""
    children: dict[int, str] = {}
    deadline = time.monotonic() + 120
    while _article_hits(server) < 5:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the crawl fetched no article"
        children |= _children(proc.pid)
        time.sleep(0.05)
    return children | _children(proc.pid)


def _ctrl_c(proc: subprocess.Popen[str]) -> None:
    os.killpg(proc.pid, signal.SIGINT)  # a terminal sends it to the whole group


def _stop(proc: subprocess.Popen[str]) -> None:
    """Whatever happened, leave nothing of the crawl running."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()


def _closing_line(stdout: str) -> str:
    line = stdout.strip().splitlines()[-1]
    assert line.startswith("thaipr crawl: "), stdout
    return line


# --- Ctrl-C ----------------------------------------------------------------------------------


def test_a_second_ctrl_c_stops_at_once_and_leaves_no_process(tmp_path: Path) -> None:
    with serving(Catalog(3, 100), latency_ms=LATENCY_MS) as server:
        proc = _start(server, tmp_path / "data")
        try:
            children = _crawling(proc, server)
            assert len(_workers(children)) == 2, children  # real extraction processes
            # From now on every request hangs: a graceful stop cannot finish by itself.
            server.replica.latency = 120
            time.sleep(1)
            _ctrl_c(proc)
            time.sleep(1)
            children |= _children(proc.pid)
            _ctrl_c(proc)
            deadline = time.monotonic() + EXIT_BOUND_S
            stdout, stderr = proc.communicate(timeout=EXIT_BOUND_S)
            while any(_alive(*child) for child in children.items()):
                assert time.monotonic() < deadline, "a child of the crawl outlived it"
                time.sleep(0.05)
        finally:
            _stop(proc)
    assert proc.returncode == 130, stdout + stderr
    line = _closing_line(stdout)
    assert "(interrupted: what was not yet written is fetched again next run; exit 130)" in line
    assert " in 0:00:00," not in line and "unknown" not in line
    assert "Traceback" not in stderr


def test_one_ctrl_c_stops_gracefully_and_writes_what_was_fetched(tmp_path: Path) -> None:
    out = tmp_path / "data"
    with serving(Catalog(3, 100), latency_ms=LATENCY_MS) as server:
        proc = _start(server, out)
        try:
            _crawling(proc, server)
            time.sleep(1.5)  # a crawl that ran for more than a second
            _ctrl_c(proc)
            stdout, stderr = proc.communicate(timeout=120)
        finally:
            _stop(proc)
    assert proc.returncode == 1, stdout + stderr
    line = _closing_line(stdout)
    assert "(shutdown; exit 1)" in line
    assert " in 0:00:00," not in line and "unknown" not in line
    new = int(line.split(" new, ")[0].rsplit(" ", 1)[1])
    stored = connect(out).execute("SELECT count(*) FROM articles").fetchone()
    assert new > 0 and stored == (new,)
    assert "Traceback" not in stderr


# --- a quiet terminal ------------------------------------------------------------------------


def test_scrapys_log_goes_to_a_file_under_out_and_stderr_stays_empty(tmp_path: Path) -> None:
    out = tmp_path / "data"
    with serving(Catalog(1, 3)) as server:
        result = crawl(server, out, "--no-politeness", "--log-level", "INFO")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""  # not a terminal: no live line either
    assert result.stdout.splitlines() == [_closing_line(result.stdout)]
    assert "details in" not in result.stdout  # nothing went wrong
    log = (out / "_crawl" / "crawl.log").read_text(encoding="utf-8")
    assert "Spider opened" in log and "Spider closed (finished)" in log


def test_the_closing_line_names_the_log_when_pages_failed(tmp_path: Path) -> None:
    out = tmp_path / "data"
    catalog = Catalog(1, 3)
    with serving(catalog) as server:
        broken = server.replica.article_path(next(iter(catalog.sites.values())), FIRST_ITEM)
        server.replica.scripted[broken] = [(500, {})] * 10  # more than the retries
        result = crawl(server, out, "--no-politeness")
    assert result.returncode == 1, result.stdout + result.stderr
    line = _closing_line(result.stdout)
    assert line.endswith(f"(finished; exit 1); details in {out / '_crawl' / 'crawl.log'}")
    assert result.stderr == ""


def test_verbose_brings_the_log_back_to_stderr(tmp_path: Path) -> None:
    out = tmp_path / "data"
    with serving(Catalog(1, 3)) as server:
        result = crawl(server, out, "--no-politeness", "--log-level", "INFO", "-v")
    assert result.returncode == 0, result.stderr
    assert "Spider opened" in result.stderr
    assert not (out / "_crawl" / "crawl.log").exists()


def test_verbose_with_a_log_file_writes_both(tmp_path: Path) -> None:
    log = tmp_path / "logs" / "crawl.log"  # its folder is made
    with serving(Catalog(1, 3)) as server:
        args = ("--no-politeness", "--log-level", "INFO", "-v", "--log-file", str(log))
        result = crawl(server, tmp_path / "data", *args)
    assert result.returncode == 0, result.stderr
    assert "Spider closed (finished)" in result.stderr
    assert "Spider closed (finished)" in log.read_text(encoding="utf-8")


# --- usage and input errors ------------------------------------------------------------------


def _run_crawl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*THAIPR, "crawl", *args], capture_output=True, text=True, timeout=120)


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("thaipr crawl: "), result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--max-articles", "0"], "--max-articles: must be a whole number of 1 or more, not '0'"),
        (["--max-articles", "-5"], "--max-articles: must be a whole number of 1 or more"),
        (["--delay", "-1"], "--delay: must be a number of 0 or more, not '-1'"),
        (["--lease", "-3"], "--lease: must be a number above 0, not '-3'"),
        (["--since", "2024-02-30"], "not a YYYY-MM-DD date: '2024-02-30' (day is out of range"),
        (["--until", "yesterday"], "--until: not a YYYY-MM-DD date: 'yesterday'"),
        (["--since", "2024-03-01", "--until", "2024-02-01"], "--since is after --until"),
        (["--province", "atlantis"], "unknown prd source 'atlantis'"),
        (["--set", "DOWNLOAD_DELAY"], "--set takes NAME=VALUE"),
        (["--replica", "127.0.0.1:8765"], "--replica takes the replica's URL"),
        (
            ["--replica", "http://127.0.0.1:8765", "--site-url-template", "http://x/{slug}"],
            "not allowed with argument",
        ),
    ],
    ids=[
        "zero articles",
        "negative articles",
        "negative delay",
        "negative lease",
        "impossible date",
        "not a date",
        "since after until",
        "unknown province",
        "set without value",
        "replica without scheme",
        "replica and template",
    ],
)
def test_bad_usage_is_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    line = _one_line(_run_crawl("--out", str(tmp_path / "data"), *args))
    assert message in line
    assert not (tmp_path / "data").exists()  # refused before anything was made


def test_zero_delay_is_allowed(tmp_path: Path) -> None:
    with serving(Catalog(1, 2)) as server:
        result = crawl(server, tmp_path / "data", "--delay", "0")
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_out_under_a_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    line = _one_line(_run_crawl("--out", str(blocker / "data"), "--province", "nongkhai"))
    assert f"cannot write the dataset at {blocker / 'data'} (Not a directory)" in line
    assert line.endswith("; choose another --out")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_out_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "data"
    out.mkdir()
    out.chmod(0o555)
    try:
        line = _one_line(_run_crawl("--out", str(out), "--province", "nongkhai"))
    finally:
        out.chmod(0o755)
    assert f"cannot write the dataset at {out} (Permission denied)" in line


def test_an_unwritable_log_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    args = ("--out", str(tmp_path / "data"), "--province", "nongkhai")
    line = _one_line(_run_crawl(*args, "--log-file", str(tmp_path)))  # a folder
    assert f"cannot write the log at {tmp_path} (Is a directory)" in line


# --- a crawl pointed at a replica --------------------------------------------------------------


def test_replica_crawls_the_sites_the_replica_serves_and_no_other(tmp_path: Path) -> None:
    catalog = Catalog(2, 4)
    out = tmp_path / "data"
    with serving(catalog) as server:
        result = _run_crawl("--replica", server.url, "--out", str(out), "--no-politeness")
        asked = requests_of(server)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{catalog.total} new, 0 changed, 0 unchanged, 0 errors" in result.stdout
    sites = {r["path"].split("/")[1] for r in asked if r["path"] != "/robots.txt"}
    assert sites == set(catalog.sites)
    assert {r["status"] for r in asked} == {200}
    con = connect(out)
    assert con.execute("SELECT count(*) FROM errors").fetchone() == (0,)
    assert con.execute("SELECT count(DISTINCT site) FROM articles").fetchone() == (2,)


def test_replica_with_province_crawls_those_of_its_sites(tmp_path: Path) -> None:
    catalog = Catalog(2, 4)
    first, second = catalog.sites
    with serving(catalog) as server:
        args = ("--replica", server.url, "--out", str(tmp_path / "data"), "--no-politeness")
        result = _run_crawl(*args, "--province", second)
        asked = requests_of(server)
        refused = _run_crawl(*args, "--province", "phuket")
    assert result.returncode == 0, result.stdout + result.stderr
    assert {r["path"].split("/")[1] for r in asked if r["path"] != "/robots.txt"} == {second}
    line = _one_line(refused)
    assert f"the replica at {server.url} does not serve phuket; it serves {first}, {second}" in line


def test_no_replica_at_the_url_is_one_line_and_exit_3(tmp_path: Path) -> None:
    result = _run_crawl("--replica", "http://127.0.0.1:9", "--out", str(tmp_path / "data"))
    assert result.returncode == 3, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("thaipr crawl: could not crawl: no replica at http://127.0.0.1:9 (")
