"""The reliability report, `make reliability`: real crawls of a replica that fails as
government servers do (crawler/replica/faults.py), and real crawls killed at every kill
point and run again. Each case is judged from the dataset, its `errors` table and the
replica's request log, and printed as a row: what happened, recovered or recorded, and
articles lost.

    python -m tests.reliability [--only faults|kills]

tests/test_faults.py and tests/test_crawl_kills.py assert every row it prints."""

import argparse
import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pyarrow.parquet as pq

from crawler.replica.catalog import FIRST_ITEM, Catalog
from crawler.replica.faults import (
    FAULTS,
    OFFSITE_PREFIX,
    RECORDED,
    RECOVERED,
    RETRY_AFTER_S,
    Fault,
)
from crawler.replica.server import ReplicaHTTPServer
from output.failpoints import ENV as KILL_AT
from output.files import data_files
from output.schema import TABLES
from output.views import connect
from tests.replica import THAIPR, crawl, crawl_command, serving

FAULT_TIMEOUT_S = 4  # DOWNLOAD_TIMEOUT of the fault crawl: the hang costs 4 tries of this
FAULT_CRAWL = ("--no-politeness", "--set", f"DOWNLOAD_TIMEOUT={FAULT_TIMEOUT_S}")
# Kill crawls: slow enough to be caught mid-way, flushing often enough to be caught mid-write.
KILL_CATALOG = {"provinces": 3, "per_province": 12}
KILL_LATENCY_MS = 40
KILL_CRAWL = (
    "--no-politeness",
    "--set",
    "CONCURRENT_REQUESTS=2",
    "--set",
    "THAIPR_FLUSH_ARTICLES=6",
)


@dataclass(frozen=True)
class Row:
    case: str
    happened: str
    outcome: str  # recovered | recorded | one article | resumed | …
    lost: int  # articles missing from the dataset and from `errors`
    ok: bool


# --- the fault matrix ------------------------------------------------------------------------


@dataclass
class Seen:
    """What a crawl left: stored articles, versions written, errors, requests served."""

    articles: dict[str, tuple[str, str, bool]]  # id -> title, encoding, repaired
    versions: dict[str, int]
    errors: dict[str, tuple[str, str, str]]  # url -> stage, class, message
    asked: dict[str, list[tuple[float, int, str]]]  # path -> (time, status, path?query)

    @classmethod
    def of(cls, out: Path, log: list[dict[str, object]]) -> "Seen":
        con = connect(out)
        articles = {
            r[0]: (r[1], r[2], r[3])
            for r in con.execute(
                "SELECT article_id, title, encoding, encoding_repaired FROM articles"
            ).fetchall()
        }
        versions = dict(
            con.execute("SELECT article_id, count(*) FROM article_versions GROUP BY 1").fetchall()
        )
        errors = {
            r[0]: (r[1], r[2], r[3])
            for r in con.execute("SELECT url, stage, error_class, message FROM errors").fetchall()
        }
        asked: dict[str, list[tuple[float, int, str]]] = defaultdict(list)
        for entry in log:
            path = str(entry["path"])
            asked[urlsplit(path).path].append((float(entry["time"]), int(entry["status"]), path))  # type: ignore[arg-type]
        return cls(articles, versions, errors, dict(asked))


def judge(fault: Fault, url: str, seen: Seen, catalog: Catalog) -> Row:
    path = urlsplit(url).path
    site, item = path.split("/")[1], int(path.rsplit("/", 1)[1])
    aid = f"{site}:{item}"
    stored = seen.articles.get(aid)
    error = seen.errors.get(url)
    asked = seen.asked.get(path, [])
    statuses = " ".join(str(s) if s else "no answer" for _, s, _ in asked) or "never asked"
    if fault.expect == RECORDED:
        ok = stored is None and error is not None
        reason = f"{error[0]}: {error[2].replace(url, 'it')}" if error else "no error row"
        happened = f"{statuses}; {reason}"
        if fault.name == "redirect off-site":
            leaked = [p for p in seen.asked if p.startswith(OFFSITE_PREFIX)]
            ok = ok and not leaked
            happened += "; the other host was never asked" if not leaked else "; LEAKED"
        if fault.name == "robots.txt disallow":
            ok = ok and not asked
        return Row(fault.name, _short(happened), fault.expect, 0 if ok else 1, ok)
    title = catalog.story(catalog.sites[site], item).title
    ok = stored is not None and stored[0] == title
    happened = f"{statuses} -> stored" if ok else f"{statuses} -> not stored"
    if fault.expect == RECOVERED:
        ok = ok and error is None
        if fault.name.startswith(("429", "503")) and len(asked) >= 2:
            waited = asked[1][0] - asked[0][0]
            ok = ok and waited >= RETRY_AFTER_S - 0.1
            happened += f", retried after {waited:.1f} s"
        if stored and fault.name in ("utf-8 header, TIS-620 body", "no charset", "x-windows-874"):
            ok = ok and stored[1] == "cp874"
            happened += f", decoded as {stored[1]}" + (" (repair recorded)" if stored[2] else "")
            if fault.name.startswith("utf-8"):
                ok = ok and stored[2]
    else:  # one article, whichever URLs it came under
        urls = {p for p in seen.asked if p.startswith(f"/{site}/") and p.endswith(f"/iid/{item}")}
        ok = ok and len(urls) == 2 and seen.versions.get(aid) == 1
        happened = f"fetched under {len(urls)} URLs, {seen.versions.get(aid, 0)} version stored"
    return Row(fault.name, _short(happened), fault.expect, 0 if stored else 1, ok)


def fault_matrix(work: Path) -> list[Row]:
    """One crawl of a replica serving every fault; a row per fault, then the whole crawl."""
    catalog = Catalog(provinces=2, per_province=len(FAULTS) + 4)
    out = work / "faults"
    with serving(catalog, faults=True) as server:
        done = crawl(server, out, *FAULT_CRAWL)
        log = [r for r in server.replica.log if not r["path"].startswith("/_replica/")]
        urls = server.replica.fault_urls(server.url)
    seen = Seen.of(out, log)
    rows = [judge(fault, urls[fault.name], seen, catalog) for fault in FAULTS]
    faulty = {f"{urlsplit(u).path.split('/')[1]}:{u.rsplit('/', 1)[1]}" for u in urls.values()}
    others = set(_all_ids(catalog)) - faulty
    missing = others - set(seen.articles)
    rows.append(
        Row(
            "every other article",
            f"{len(others) - len(missing)} of {len(others)} stored",
            RECOVERED,
            len(missing),
            not missing,
        )
    )
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-200:]
    clean = "Traceback" not in done.stderr
    rows.append(
        Row(
            "the crawl",
            _short(
                re.sub(r", peak memory \d+ MB", "", summary.removeprefix("thaipr crawl: "))
                + ("" if clean else "; TRACEBACK")
            ),
            "exit 1 (pages failed)",
            0,
            done.returncode == 1 and clean,
        )
    )
    return rows


# --- the kill matrix -------------------------------------------------------------------------


@dataclass(frozen=True)
class Kill:
    name: str
    kill_at: str | None = None  # an output.failpoints point[:n]: the crawl kills itself
    signal: int | None = None  # sent from outside, once the crawl is under way
    group: bool = False  # to the whole process group, as a terminal's Ctrl-C is
    in_compaction: bool = False


KILLS: tuple[Kill, ...] = (
    Kill("SIGKILL while fetching", signal=signal.SIGKILL, group=True),
    Kill("SIGKILL with a flush staged", kill_at="writer.staged:2"),
    Kill("SIGKILL between published files", kill_at="writer.published_one:2"),
    Kill("SIGKILL before the commit is stored", kill_at="writer.published_all:2"),
    Kill("SIGKILL in compaction, journalled", kill_at="compact.journalled", in_compaction=True),
    Kill("SIGKILL in compaction, one swapped", kill_at="compact.swapped_one", in_compaction=True),
    Kill("SIGTERM while fetching", signal=signal.SIGTERM),
    Kill("Ctrl-C (SIGINT to the group)", signal=signal.SIGINT, group=True),
)


def run_kill(kill: Kill, work: Path) -> Row:
    catalog = Catalog(**KILL_CATALOG)
    expected = set(_all_ids(catalog))
    out = work / "kill"
    with serving(catalog, latency_ms=KILL_LATENCY_MS) as server:
        if kill.in_compaction:
            first = crawl(server, out, *KILL_CRAWL)
            assert first.returncode == 0, first.stderr[-2000:]
            code = _thaipr("compact", "--data", str(out), kill_at=kill.kill_at).returncode
        else:
            code = _interrupted_crawl(server, out, kill)
        after_kill = set(_ids(out))
        mark = len(server.replica.log)
        again = crawl(server, out, *KILL_CRAWL)
        rerun = server.replica.log[mark:]
    compacted = _thaipr("compact", "--data", str(out))
    readable = _unreadable(out) == []
    ids = _ids(out)
    versions = _count(out, "SELECT count(*) FROM article_versions")
    refetched = [
        r
        for r in rerun
        if r["status"] == 200
        and f"{r['path'].split('/')[1]}:{r['path'].rsplit('/', 1)[1]}" in after_kill
    ]
    lost = len(expected - set(ids))
    once = len(ids) == len(set(ids)) == versions
    ok = (
        code in _expected_codes(kill)
        and again.returncode == 0
        and compacted.returncode == 0
        and readable
        and once
        and lost == 0
        and not (refetched and _clean_stop(kill))  # after SIGKILL, a fetch may repeat
    )
    happened = (
        f"stopped with {_status(code)} holding {len(after_kill)}/{len(expected)}; "
        f"re-run fetched {sum(r['status'] == 200 for r in rerun if '/iid/' in r['path'])}, "
        f"refetched {len(refetched)} stored; {len(set(ids))} once"
        + ("" if readable else "; UNREADABLE FILES")
    )
    return Row(kill.name, happened, "resumed", lost, ok)


def _interrupted_crawl(server: ReplicaHTTPServer, out: Path, kill: Kill) -> int:
    """Start `thaipr crawl`; stop it with the kill's signal once half the articles were
    asked for, or let it kill itself at its kill point. Returns its exit status."""
    cmd = crawl_command(server, out, *KILL_CRAWL)
    proc = subprocess.Popen(
        cmd,
        env=_env(kill.kill_at),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as under cron or a terminal
    )
    if kill.signal is not None:
        wanted = server.replica.catalog.total // 2
        _wait_for(lambda: _article_hits(server) >= wanted or proc.poll() is not None)
        if kill.group:
            os.killpg(proc.pid, kill.signal)
        else:
            proc.send_signal(kill.signal)
    proc.communicate(timeout=300)
    _reap_group(proc.pid)
    return proc.returncode


def _clean_stop(kill: Kill) -> bool:
    return kill.signal in (signal.SIGTERM, signal.SIGINT)


def _expected_codes(kill: Kill) -> set[int]:
    return {1} if _clean_stop(kill) else {-signal.SIGKILL}  # a clean stop exits 1: early


def _status(code: int) -> str:
    return f"signal {signal.Signals(-code).name}" if code < 0 else f"exit {code}"


def _article_hits(server: ReplicaHTTPServer) -> int:
    return sum("/iid/" in r["path"] for r in list(server.replica.log))


def _wait_for(done: Callable[[], bool], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not done() and time.monotonic() < deadline:
        time.sleep(0.02)


def _reap_group(pgid: int) -> None:
    """Extraction workers of a killed crawl exit by themselves; make sure none lingers."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)


def _env(kill_at: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != KILL_AT}
    if kill_at:
        env[KILL_AT] = kill_at
    return env


def _thaipr(*args: str, kill_at: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*THAIPR, *args], env=_env(kill_at), capture_output=True, text=True, timeout=300
    )


# --- the dataset, as a user reads it ---------------------------------------------------------


def _all_ids(catalog: Catalog) -> list[str]:
    return [
        f"{slug}:{FIRST_ITEM + n}"
        for slug, site in catalog.sites.items()
        for n in range(site.count)
    ]


def _ids(out: Path) -> list[str]:
    if not (out / "articles").exists():
        return []
    return [r[0] for r in connect(out).execute("SELECT article_id FROM articles").fetchall()]


def _count(out: Path, sql: str) -> int:
    row = connect(out).execute(sql).fetchone()
    return int(row[0]) if row else 0


def _unreadable(out: Path) -> list[Path]:
    bad = []
    for table in TABLES:
        for path in data_files(out, table):
            try:
                pq.read_table(path)
            except Exception:  # any failure to read is what this looks for
                bad.append(path)
    return bad


def _short(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# --- the report --------------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    """A Markdown table: case, what happened, outcome, articles lost, survived."""
    header = ("case", "what happened", "outcome", "lost", "ok")
    cells = [(r.case, r.happened, r.outcome, str(r.lost), "yes" if r.ok else "NO") for r in rows]
    widths = [max(len(c[i]) for c in [header, *cells]) for i in range(len(header))]

    def line(values: tuple[str, ...]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(c) for c in cells)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--only", choices=("faults", "kills"))
    args = ap.parse_args(argv)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="thaipr-reliability-") as tmp:
        started = time.monotonic()
        if args.only != "kills":
            rows += fault_matrix(Path(tmp))
        if args.only != "faults":
            for n, kill in enumerate(KILLS):
                rows.append(run_kill(kill, Path(tmp) / str(n)))
    print(table(rows))
    faults = [r for r in rows if r.case in {f.name for f in FAULTS}]
    kills = [r for r in rows if r.case in {k.name for k in KILLS}]
    print(
        f"\nfaults tried {len(faults)}, survived {sum(r.ok for r in faults)}; "
        f"kills tried {len(kills)}, survived {sum(r.ok for r in kills)}; "
        f"articles lost {sum(r.lost for r in rows)}; "
        f"{time.monotonic() - started:.0f} s"
    )
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
