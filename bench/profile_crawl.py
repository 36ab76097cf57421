"""Where thaipr's CPU per article goes in one crawl of the replica, by stage: fetch (Scrapy's
engine, downloader and Twisted), parse (the spider's callbacks), extraction, row building,
Parquet writing (Arrow buffering included) and the state store; and startup (imports).

One crawl runs with extraction inline (`--set THAIPR_EXTRACT_WORKERS=0`), so that one
process does everything (in a real crawl extraction and row building run in worker
processes, the same work plus the pickles between them), under bench/sampler.py: every
2 ms of the process's CPU each thread's CPU clock is read and the CPU it used since is
charged to the thread's stack, to the stage of the innermost function a stage claims. Every
thread is seen (the dataset writer's and its file threads too, which `python -m cProfile`
would miss), and only CPU is counted. The CPU no Python thread was seen to use (threads of
C libraries, threads that ended between two samples) and the sampler's own are shown
beside.

    python -m bench.profile_crawl [--articles 20000] [--provinces 20] [--write-results]
    python -m bench.profile_crawl --generated 30 --provinces 1
"""

import argparse
import datetime
import json
import os
import shlex
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.compare import REPO, SUMMARY, replica_arguments, served_by, serving, thaipr_crawl
from bench.procs import load_average, machine, run
from bench.results import write_section
from bench.sampler import OTHER, Key, Sampler
from tests.shared import CORPUS

INLINE = ("--set", "THAIPR_EXTRACT_WORKERS=0")
SECTION = "bench.profile_crawl"
OURS = ("crawler", "extract", "output")  # not thaipr/: its command is under every stack


def _in(*folders: str) -> Callable[[Key], bool]:
    roots = tuple(str(REPO / f) for f in folders)
    return lambda key: key[0].startswith(roots)


def _named(path: str, *names: str) -> Callable[[Key], bool]:
    file = str(REPO / path)
    return lambda key: key[0] == file and (not names or key[2] in names)


def _any(*tests: Callable[[Key], bool]) -> Callable[[Key], bool]:
    return lambda key: any(t(key) for t in tests)


# Stage -> its functions: a sample is charged to the stage of the innermost function on the
# stack that a stage claims (the first stage listed that claims it).
STAGES: dict[str, Callable[[Key], bool]] = {
    "startup (imports)": lambda key: key[0].startswith("<frozen importlib"),
    "extraction (decode, extract_html: page -> record)": _named(
        "crawler/extraction.py", "extract_page"
    ),
    "row building (record -> validated rows, pickled; pipelines)": _any(
        _named("crawler/extraction.py", "page_rows"),
        _named("crawler/pipelines.py"),
        _in("output/rows.py", "output/validate.py"),
    ),
    "Parquet writing (rows -> Arrow -> files)": _in(
        "output/writer.py", "output/batch.py", "output/files.py"
    ),
    "state store (SQLite: known, fetched, stored)": _in("crawler/state/"),
    "parse (spider callbacks: listings, feeds, page -> PageItem)": _in("crawler/spiders/"),
}
REST_OURS = "thaipr, the rest (politeness, reporting, items)"
FETCH = "fetch (Scrapy engine, downloader, middlewares; Twisted, HTTP)"
UNSEEN = "not seen by the sampler (C threads, ended threads)"


def fallback(key: Key) -> str | None:
    """A stack no stage claims: ours when any of its functions is, else Scrapy's fetch."""
    return REST_OURS if _in(*OURS)(key) else None


def child(out: Path, argv: list[str]) -> int:
    """Run `thaipr` with `argv` under the sampler; what it found to `out` (JSON)."""
    sampler = Sampler(STAGES, fallback)
    sampler.start()
    try:
        from thaipr.cli import main as thaipr_main

        return thaipr_main(argv)
    finally:
        sampler.stop()
        sampler.dump(out)


def where(key: list[Any]) -> str:
    file, line, name = key
    if file.startswith("<"):
        return f"{file}:{name}"
    path = Path(file)
    try:
        shown = str(path.relative_to(REPO))
    except ValueError:
        parts = path.parts
        cut = parts.index("site-packages") + 1 if "site-packages" in parts else len(parts) - 2
        shown = "/".join(parts[cut:])
    return f"{shown}:{line} {name}"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child(Path(argv[1]), argv[3:] if argv[2:3] == ["--"] else argv[2:])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    replica_arguments(ap)
    ap.add_argument("--keep", type=Path, metavar="FILE", help="keep the samples (JSON) here")
    args = ap.parse_args(argv)
    if args.generated is None and not CORPUS.exists():
        print(f"bench: {CORPUS} is absent (../shared is only beside checkouts and CI runs)")
        return 0
    load_before = load_average()
    env = {**os.environ, "PYTHAINLP_OFFLINE": "1", "HF_HUB_OFFLINE": "1"}
    with tempfile.TemporaryDirectory(prefix="thaipr-profile-") as tmp_name:
        tmp = Path(tmp_name)
        samples = args.keep or tmp / "samples.json"
        with serving(served_by(args, tmp)) as replica:
            slugs = replica.slugs
            crawl = thaipr_crawl(replica.url, slugs, tmp / "out", *INLINE)[3:]  # "-m thaipr" cut
            measured = run(
                [
                    sys.executable,
                    "-m",
                    "bench.profile_crawl",
                    "--child",
                    str(samples),
                    "--",
                    *crawl,
                ],
                env=env,
                cwd=REPO,
                timeout=args.timeout,
            )
        summary = SUMMARY.search(measured.stdout)
        if not summary or not samples.exists():
            raise RuntimeError(f"the crawl failed: {measured.stdout} {measured.stderr[-2000:]}")
        found = json.loads(samples.read_text(encoding="utf-8"))
    articles = int(summary.group(2))
    lines = [
        f"One crawl, extraction inline, {articles:,} articles on {len(slugs)} "
        f"site{'s' * (len(slugs) != 1)}: "
        f"{measured.seconds:.1f} s, {1000 * measured.cpu_seconds / articles:.2f} ms CPU/article "
        f"(the process, from outside; {found['samples']:,} samples"
        + (f", {found['failures']} not charged" if found.get("failures") else "")
        + "); load average before: "
        + ", ".join(f"{x:.2f}" for x in load_before),
        "",
        *report(found, measured.cpu_seconds, articles),
    ]
    print("\n".join(lines))
    if args.write_results:
        command = "python -m bench.profile_crawl " + shlex.join(argv)
        write_section(
            SECTION,
            "\n".join(
                [
                    "## Where thaipr's CPU per article goes",
                    "",
                    f"{datetime.date.today().isoformat()}, {machine()}; `{command.strip()}`",
                    "",
                    *lines,
                ]
            ),
        )
    return 0


def report(found: dict[str, Any], cpu_seconds: float, articles: int, top: int = 6) -> list[str]:
    """The stages as a table, then the functions within the largest stages."""
    stages = {name: 0.0 for name in [*STAGES, REST_OURS, OTHER]} | found["by_stage"]
    stages["(the sampler itself)"] = found["sampler_cpu"]
    stages[UNSEEN] = max(0.0, cpu_seconds - sum(stages.values()))
    ordered = sorted(stages.items(), key=lambda kv: -kv[1])
    lines = [
        "| stage | ms/article | % of the crawl's CPU | cumulative % |",
        "|---|---:|---:|---:|",
    ]
    running = 0.0
    for name, seconds in ordered:
        running += seconds
        lines.append(
            f"| {FETCH if name == OTHER else name} | {1000 * seconds / articles:.2f} "
            f"| {100 * seconds / cpu_seconds:.1f} | {100 * running / cpu_seconds:.1f} |"
        )
    threads = ", ".join(
        f"{name} {1000 * s / articles:.2f}"
        for name, s in sorted(found["by_thread"].items(), key=lambda kv: -kv[1])
    )
    lines += ["", f"By thread, ms/article: {threads}."]
    for name, _seconds in ordered[:5]:
        within = found["within"].get(name)
        if not within:
            continue
        what = "own" if name == OTHER else "cumulative"
        lines += ["", f"Within {FETCH if name == OTHER else name} ({what} ms/article):", ""]
        for key, s in within[:top]:
            lines.append(f"- {1000 * s / articles:.3f}  `{where(key)}`")
    lines += [
        "",
        "Most own time (ms/article, the innermost Python function; a Python function that C "
        "code calls back, such as lxml's element class `lookup`, is charged the C work just "
        "before it too: lxml's parsing shows partly as `lookup`):",
        "",
    ]
    for key, s in found["own"][:12]:
        lines.append(f"- {1000 * s / articles:.3f}  `{where(key)}`")
    return lines


if __name__ == "__main__":
    sys.exit(main())
