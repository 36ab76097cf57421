"""thaipr against what a user would build instead, and against bare Scrapy: three crawls of
the same replica serving the same articles, one run each, in this order:

1. bare Scrapy: thaipr's spider with no item pipelines (fetches, extracts and writes nothing);
2. the peer: a plain Scrapy spider running trafilatura's `bare_extraction` (metadata and
   date extraction on) on every article and writing JSON Lines (bench/peer_spider.py);
3. thaipr: `thaipr crawl`, extraction in its worker processes, Parquet out.

Each crawl is a subprocess measured from outside (bench/procs.py): articles/s on the wall
clock (start to exit), CPU ms per article of the crawl's whole process tree (user + system,
worker processes included; the replica's own CPU is not counted for any of them), the peak
resident memory of the crawl's main process and of its whole tree, and the bytes it wrote
(the dataset without its crawl state, the JSON Lines file). Politeness is off in all three:
no delay, 32 requests at once.

    python -m bench.compare [--articles 20000] [--provinces 20] [--write-results]
    python -m bench.compare --generated 30 --provinces 1     # generated stories, no corpus

The corpus's first N articles (../shared/corpus/thaigov.parquet) are dealt out to the
provinces' sites; --generated serves N generated stories a province instead.
"""

import argparse
import contextlib
import datetime
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.procs import Measured, dir_bytes, load_average, machine, process_cpu_seconds, run
from bench.results import write_section
from tests.shared import CORPUS

REPO = Path(__file__).resolve().parent.parent
THAIPR = [sys.executable, "-m", "thaipr"]
PEER = [sys.executable, "-m", "bench.peer_spider"]
BARE = ("--set", "ITEM_PIPELINES={}")
STATE_DIR = "_crawl"  # thaipr's crawl state and log under --out: not the dataset
SUMMARY = re.compile(r"thaipr crawl: (\d+) pages, (\d+) new.*?peak memory (\d+) MB")
# The floors, printed beside the figures (a benchmark prints, it does not fail).
FLOOR_PEER = 2.0  # thaipr's articles/s over the peer's, at least
CEILING_MAIN_MB = 400.0  # thaipr's main process at the full size, at most
CEILING_TREE_MB = 650.0  # thaipr's whole tree (workers included), at most
FULL_SIZE = 10_000  # articles: the bounds are judged at this size or more
SECTION = "bench.compare"
TIMEOUT_S = 1800.0  # a crawl that takes longer is killed: a benchmark never hangs


@dataclass(frozen=True)
class Row:
    name: str
    articles: int  # articles fetched (bare) or written (peer, thaipr)
    measured: Measured
    output_bytes: int
    replica_cpu_seconds: float  # the replica's CPU during the crawl: counted apart
    reported_peak_mb: float | None = None  # what the crawl's own closing line says

    @property
    def rate(self) -> float:
        return self.articles / self.measured.seconds

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.measured.cpu_seconds / self.articles

    @property
    def others_cores(self) -> float:
        """The CPU that neither this crawl nor the replica used meanwhile, in cores: other
        engineers' work, the benchmark's own sampling."""
        m = self.measured
        return max(0.0, m.machine_cpu_seconds - m.cpu_seconds - self.replica_cpu_seconds) / (
            m.seconds
        )


def subset_corpus(articles: int, folder: Path) -> Path:
    """The corpus's first `articles` articles (title, text) as a Parquet file of their own."""
    import pyarrow.parquet as pq

    table = pq.read_table(CORPUS, columns=["title", "text"]).slice(0, articles)
    path = folder / "corpus.parquet"
    pq.write_table(table, path)
    return path


@dataclass(frozen=True)
class Replica:
    url: str
    slugs: list[str]  # the sites it serves
    total: int  # the articles it serves
    pid: int

    def cpu_seconds(self) -> float:
        """The replica's CPU so far (user + system): shown apart, counted in no crawl."""
        return process_cpu_seconds(self.pid)


@contextlib.contextmanager
def serving(args: list[str]) -> Iterator[Replica]:
    """The replica on a free port while in the block."""
    with subprocess.Popen(
        [*THAIPR, "replica", "--port", "0", *args], stdout=subprocess.PIPE, text=True
    ) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()  # "thaipr replica: N articles on K sites at URL/…"
            m = re.search(r": (\d+) articles on \d+ sites? at (\S+)/\{slug\}", line)
            if not m:
                raise RuntimeError(f"the replica did not start: {line!r}")
            url = m.group(2)
            with urllib.request.urlopen(url + "/manifest.json") as answer:
                slugs = [s["slug"] for s in json.load(answer)["sites"]]
            yield Replica(url, slugs, int(m.group(1)), proc.pid)
        finally:
            proc.terminate()


def thaipr_crawl(url: str, slugs: list[str], out: Path, *extra: str) -> list[str]:
    return [
        *THAIPR,
        "crawl",
        *("--out", str(out)),
        *("--site-url-template", url + "/{slug}"),
        *("--province", ",".join(slugs)),
        "--no-politeness",
        "--full",
        *("--log-level", "ERROR"),
        *extra,
    ]


def _failed(name: str, m: Measured) -> RuntimeError:
    return RuntimeError(f"{name} failed ({m.returncode}): {m.stdout[-1000:]} {m.stderr[-2000:]}")


def compare(replica: Replica, tmp: Path, timeout: float) -> list[Row]:
    env = {**os.environ, "PYTHAINLP_OFFLINE": "1", "HF_HUB_OFFLINE": "1"}
    url, slugs, total = replica.url, replica.slugs, replica.total

    def measured(cmd: list[str]) -> tuple[Measured, float]:
        """The crawl measured, and the replica's CPU meanwhile."""
        before = replica.cpu_seconds()
        crawl = run(cmd, env=env, cwd=REPO, timeout=timeout)
        return crawl, replica.cpu_seconds() - before

    rows = []
    bare, served = measured(thaipr_crawl(url, slugs, tmp / "bare", *BARE))
    m = SUMMARY.search(bare.stdout)
    if not m:
        raise _failed("bare Scrapy", bare)
    if int(m.group(1)) < total:
        raise RuntimeError(f"bare Scrapy fetched {m.group(1)} pages of {total} articles")
    output = dir_bytes(tmp / "bare", (STATE_DIR,))
    rows.append(Row("bare Scrapy", total, bare, output, served, float(m.group(3))))
    peer_out = tmp / "peer.jsonl"
    peer, served = measured([*PEER, url, str(peer_out)])
    if peer.returncode != 0 or not peer_out.exists():
        raise _failed("the peer", peer)
    with peer_out.open("rb") as f:
        written = sum(1 for _ in f)
    if not written:
        raise _failed("the peer (no article written)", peer)
    output = peer_out.stat().st_size
    rows.append(Row("Scrapy + trafilatura -> JSONL", written, peer, output, served))
    ours, served = measured(thaipr_crawl(url, slugs, tmp / "thaipr"))
    m = SUMMARY.search(ours.stdout)
    if not m:
        raise _failed("thaipr", ours)
    if int(m.group(2)) == 0:
        log = tmp / "thaipr" / STATE_DIR / "crawl.log"
        tail = log.read_text(encoding="utf-8")[-1500:] if log.exists() else ""
        raise RuntimeError(f"thaipr wrote no article: {m.group(0)}\n{tail}")
    output = dir_bytes(tmp / "thaipr", (STATE_DIR,))
    rows.append(Row("thaipr -> Parquet", int(m.group(2)), ours, output, served, float(m.group(3))))
    return rows


def table(rows: list[Row]) -> list[str]:
    """The comparison as Markdown table lines."""
    lines = [
        "| crawl | articles | seconds | articles/s | CPU ms/article | peak RSS main MB "
        "| peak RSS tree MB | output MB | other load (cores) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        m = r.measured
        lines.append(
            f"| {r.name} | {r.articles:,} | {m.seconds:.1f} | {r.rate:.0f} | {r.cpu_ms:.2f} "
            f"| {m.main_peak_mb:.0f} | {m.tree_peak_mb:.0f} | {r.output_bytes / 1e6:.1f} "
            f"| {r.others_cores:.2f} |"
        )
    return lines


def verdicts(rows: list[Row]) -> list[str]:
    """The ratios and the issue's bounds. The bounds hold at FULL_SIZE articles or more; a
    smaller crawl is mostly its start (imports, worker processes), so they are not judged."""
    bare, peer, ours = rows
    ratio_peer, ratio_bare = ours.rate / peer.rate, ours.rate / bare.rate
    judged = ours.articles >= FULL_SIZE
    main_mb, tree_mb = ours.measured.main_peak_mb, ours.measured.tree_peak_mb
    main_ms = 1000 * ours.measured.main_cpu_seconds / ours.articles

    def bound(ok: bool) -> str:
        return "" if ok or not judged else "  OUT OF BOUNDS"

    return [
        f"thaipr/peer articles/s: {ratio_peer:.2f} (floor {FLOOR_PEER:.1f})"
        + bound(ratio_peer >= FLOOR_PEER),
        f"thaipr/bare articles/s: {ratio_bare:.2f}",
        f"CPU per article: thaipr {ours.cpu_ms:.2f} ms, peer {peer.cpu_ms:.2f} ms "
        f"(thaipr/peer {ours.cpu_ms / peer.cpu_ms:.2f}), bare {bare.cpu_ms:.2f} ms; thaipr's "
        f"main process {main_ms:.2f} ms, its extraction workers {ours.cpu_ms - main_ms:.2f} ms; "
        f"cores busy on average: thaipr {ours.measured.cpu_seconds / ours.measured.seconds:.2f}, "
        f"peer {peer.measured.cpu_seconds / peer.measured.seconds:.2f}",
        f"thaipr peak RSS: main {main_mb:.0f} MB (ceiling {CEILING_MAIN_MB:.0f}; its closing "
        f"line says {ours.reported_peak_mb:.0f}){bound(main_mb <= CEILING_MAIN_MB)}, tree "
        f"{tree_mb:.0f} MB (ceiling {CEILING_TREE_MB:.0f}){bound(tree_mb <= CEILING_TREE_MB)}",
        f"output: thaipr {ours.output_bytes / ours.articles:,.0f} bytes/article (Parquet, every "
        f"table), peer {peer.output_bytes / max(peer.articles, 1):,.0f} (JSON Lines)",
        "the replica's CPU per article served, counted in no row above: "
        + ", ".join(f"{r.name} {1000 * r.replica_cpu_seconds / r.articles:.2f} ms" for r in rows),
    ] + ([] if judged else [f"(bounds judged at {FULL_SIZE:,} articles or more)"])


def replica_arguments(ap: argparse.ArgumentParser) -> None:
    """What the replica serves, how long a crawl may take, and where the figures go: the
    options of every benchmark that crawls the replica (`served_by` reads them)."""
    ap.add_argument("--articles", type=int, default=20_000, help="corpus articles served")
    ap.add_argument("--provinces", type=int, default=20, help="sites the articles are dealt to")
    ap.add_argument(
        "--generated",
        type=int,
        metavar="N",
        help="serve N generated stories a province instead of the corpus",
    )
    ap.add_argument("--write-results", action="store_true", help="into bench/RESULTS.md")
    ap.add_argument(
        "--timeout", type=float, default=TIMEOUT_S, help="seconds a crawl may take (then killed)"
    )


def served_by(args: argparse.Namespace, tmp: Path) -> list[str]:
    """`thaipr replica` arguments for what `replica_arguments` asked: the corpus's first
    articles (subset into `tmp`) or generated stories."""
    served = ["--provinces", str(args.provinces)]
    if args.generated is None:
        return [*served, "--corpus", str(subset_corpus(args.articles, tmp))]
    return [*served, "--articles-per-province", str(args.generated)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    replica_arguments(ap)
    args = ap.parse_args(argv)
    if args.generated is None and not CORPUS.exists():
        print(f"bench: {CORPUS} is absent (../shared is only beside checkouts and CI runs)")
        return 0
    load = load_average()
    with tempfile.TemporaryDirectory(prefix="thaipr-compare-") as tmp_name:
        tmp = Path(tmp_name)
        with serving(served_by(args, tmp)) as replica:
            rows = compare(replica, tmp, args.timeout)
        slugs, total = replica.slugs, replica.total
    what = (
        f"{total:,} corpus articles (thaigov, the first {args.articles:,})"
        if args.generated is None
        else f"{total:,} generated stories"
    )
    sites = f"{len(slugs)} site{'s' * (len(slugs) != 1)}"
    head = f"replica: {what} on {sites}; load average before: " + ", ".join(
        f"{x:.2f}" for x in load
    )
    lines = [head, "", *table(rows), "", *verdicts(rows)]
    print("\n".join(lines))
    if args.write_results:
        command = "python -m bench.compare " + shlex.join(
            argv if argv is not None else sys.argv[1:]
        )
        write_section(
            SECTION,
            "\n".join(
                [
                    "## thaipr against the peer pipeline and bare Scrapy",
                    "",
                    f"{datetime.date.today().isoformat()}, {machine()}; `{command.strip()}`",
                    "",
                    *lines,
                ]
            ),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
