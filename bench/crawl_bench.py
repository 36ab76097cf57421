"""The crawler end to end on the replica serving the whole corpus (20 provinces), politeness
off: articles/s with extraction and writing, against the same crawl with them switched off
(bare Scrapy) in the same run, just before and just after, and the crawl's peak memory at
5,000 and at every article. Between them, two stage crawls: extraction alone (its rows
recorded, nothing written), and thaipr whole with those rows replayed instead of extracted,
which is the rate thaipr would reach if extraction cost nothing.

    python -m bench.crawl_bench [--provinces 20] [--small 5000] [--no-stages]
"""

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.recorded_rows import ROWS_FILE
from tests.shared import CORPUS

THAIPR = [sys.executable, "-m", "thaipr"]
BARE = ("--set", "ITEM_PIPELINES={}")
# Two more crawls between bare Scrapy's show where the rest of thaipr's rate goes.
STAGES = (
    (
        "extraction alone (rows recorded, not written)",
        *("--set", 'ITEM_PIPELINES={"crawler.pipelines.ExtractPipeline": 100}'),
        *("--set", "THAIPR_PAGE_JOB=bench.recorded_rows.record"),
    ),
    (
        "thaipr with extraction replayed from the recording (its rate if extraction were free)",
        *("--set", "THAIPR_PAGE_JOB=bench.recorded_rows.replay"),
    ),
)
SUMMARY = re.compile(r"thaipr crawl: (\d+) pages, (\d+) new.*peak memory (\d+) MB")


def start_replica(provinces: int) -> tuple[subprocess.Popen[str], str, int]:
    proc = subprocess.Popen(
        [*THAIPR, "replica", "--port", "0", "--provinces", str(provinces), "--corpus", str(CORPUS)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()  # "thaipr replica: N articles on K sites at URL/{slug}"
    m = re.search(r": (\d+) articles on \d+ sites at (\S+)/\{slug\}", line)
    if not m:
        proc.kill()
        raise RuntimeError(f"replica did not start: {line!r}")
    return proc, m.group(2), int(m.group(1))


def sites(url: str) -> str:
    import json
    import urllib.request

    with urllib.request.urlopen(url + "/manifest.json") as r:
        return ",".join(s["slug"] for s in json.load(r)["sites"])


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time (user + system) of a live process, or of the waited-for children."""
    if pid is None:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def crawl(
    url: str, slugs: str, out: Path, replica: int, *extra: str, rows: Path | None = None
) -> tuple[float, int, int, float, float, float]:
    """(seconds, pages, articles, peak MB, crawl CPU s, replica CPU s) of one crawl; the
    crawl's CPU counts its extraction workers. `rows`: the file that bench.recorded_rows
    records to or replays from."""
    env = {**os.environ, **({ROWS_FILE: str(rows)} if rows else {})}
    cpu_before, replica_before = cpu_seconds(), cpu_seconds(replica)
    started = time.perf_counter()
    done = subprocess.run(
        [
            *THAIPR,
            "crawl",
            "--out",
            str(out),
            "--site-url-template",
            url + "/{slug}",
            "--province",
            slugs,
            "--no-politeness",
            "--full",
            "--log-level",
            "ERROR",
            *extra,
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    seconds = time.perf_counter() - started
    cpu, replica_cpu = cpu_seconds() - cpu_before, cpu_seconds(replica) - replica_before
    m = SUMMARY.search(done.stdout)
    if not m:
        raise RuntimeError(f"crawl failed ({done.returncode}): {done.stdout} {done.stderr[-2000:]}")
    return seconds, int(m.group(1)), int(m.group(2)), float(m.group(3)), cpu, replica_cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--provinces", type=int, default=20)
    ap.add_argument("--small", type=int, default=5000, help="articles in the smaller crawl")
    ap.add_argument("--no-stages", action="store_true", help="skip the two stage crawls")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"bench: {CORPUS} is absent (../shared is only beside checkouts and CI runs)")
        return 0
    replica, url, total = start_replica(args.provinces)
    stages = []
    try:
        slugs = sites(url)
        with tempfile.TemporaryDirectory(prefix="thaipr-crawl-bench-") as tmp:
            tmpdir = Path(tmp)
            pid = replica.pid
            before = crawl(url, slugs, tmpdir / "bare-before", pid, *BARE)
            full = crawl(url, slugs, tmpdir / "full", pid)
            if not args.no_stages:
                rows = tmpdir / "rows.pickle"
                for i, (_, *extra) in enumerate(STAGES):
                    stages.append(crawl(url, slugs, tmpdir / f"stage-{i}", pid, *extra, rows=rows))
            after = crawl(url, slugs, tmpdir / "bare-after", pid, *BARE)
            small = crawl(url, slugs, tmpdir / "small", pid, "--max-articles", str(args.small))
    finally:
        replica.terminate()
        replica.wait()
    # Bare Scrapy before and after thaipr's crawls: this machine's speed drifts by a fifth
    # within minutes, and the mean of the two brackets thaipr's runs.
    bare = tuple((b + a) / 2 for b, a in zip(before, after, strict=True))
    bare_rate, full_rate = total / bare[0], full[2] / full[0]
    print(f"replica: {total} corpus articles on {args.provinces} sites")
    for when, run in (("before", before), ("after", after)):
        print(
            f"bare Scrapy (no extraction, no writing), {when}: {run[1]} pages in "
            f"{run[0]:.1f} s, {total / run[0]:.0f} articles/s, peak {run[3]:.0f} MB"
        )
    print(
        f"thaipr end to end: {full[2]} articles in {full[0]:.1f} s, {full_rate:.0f} articles/s, "
        f"peak {full[3]:.0f} MB"
    )
    print(
        f"ratio to bare Scrapy (the mean of its two runs): {full_rate / bare_rate:.2f} (floor 0.70)"
    )
    cores = os.cpu_count() or 1
    for name, run in (("bare Scrapy", bare), ("thaipr", full)):
        crawl_ms, replica_ms = 1000 * run[4] / total, 1000 * run[5] / total
        print(
            f"CPU per article, {name}: {crawl_ms:.2f} ms in the crawl (workers included), "
            f"{replica_ms:.2f} ms in the replica; {cores} cores bound the rate at "
            f"{1000 * cores / (crawl_ms + replica_ms):.0f} articles/s"
        )
    print(
        f"peak memory: {small[3]:.0f} MB at {small[2]} articles, {full[3]:.0f} MB at "
        f"{full[2]} articles (floor: <= 400 MB at both)"
    )
    for (name, *_), run in zip(STAGES, stages, strict=False):
        rate, written = total / run[0], f" ({run[2]} written)" if run[2] else ""
        print(
            f"stage, {name}{written}: {rate:.0f} articles/s, ratio {rate / bare_rate:.2f}; CPU per "
            f"article {1000 * run[4] / total:.2f} ms in the crawl, "
            f"{1000 * run[5] / total:.2f} ms in the replica"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
