"""The dataset at corpus scale: records from every corpus article written, compacted and
queried. Prints rows/s, bytes on disk against the same records as JSON Lines, peak memory
of the writer and of compaction (against a process that only reads the records), and the
latency of the `meetings` query by province and month before and after compaction.

    python -m bench.dataset_bench [--limit N] [--workers 2]
"""

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bench.corpus import as_html, load_articles
from crawler.reporting.memory import peak_memory_mb
from tests.shared import CORPUS

QUERIES = {
    "meetings per province and month": (
        "SELECT province_code, strftime(event_date, '%Y-%m') AS month, count(*) FROM meetings "
        "GROUP BY ALL"
    ),
    "one province, one month": (
        "SELECT event_date, chair, venue FROM meetings WHERE province = 'TH-10' "
        "AND year = 2023 AND month(event_date) = 5"
    ),
}


def _extract(article: dict[str, Any]) -> str:
    from extract.article import extract_html

    record = extract_html(as_html(article), url=article["url"]).to_dict()
    return json.dumps(record, ensure_ascii=False)


def make_records(path: Path, limit: int | None, workers: int) -> tuple[int, float]:
    articles = load_articles(CORPUS, limit)
    started = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool, open(path, "w", encoding="utf-8") as out:
        for line in pool.map(_extract, articles, chunksize=64):
            out.write(line + "\n")
    return len(articles), time.perf_counter() - started


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def child(action: str, records: Path, data: Path) -> dict[str, Any]:
    """One measured phase in this process; run as a subprocess so peak memory is its own."""
    started = time.perf_counter()
    out: dict[str, Any] = {}
    from output.compact import compact
    from output.writer import DatasetWriter

    if action == "read":  # the baseline: the same imports, the records read, nothing written
        out["records"] = sum(1 for _ in _records(records))
    elif action in ("write", "rewrite"):
        # rewrite: a re-crawl of every tenth article, so compaction has versions to drop
        with DatasetWriter(data, "bench") as writer:
            for n, rec in enumerate(_records(records)):
                if action == "write" or n % 10 == 0:
                    writer.add(rec)
        out["records"], out["files"] = writer.articles_written, writer.files_written
    elif action == "compact":
        report = compact(data)
        out["files_before"], out["files_after"] = report.files_before, report.files_after
    out["seconds"] = time.perf_counter() - started
    out["peak_mb"] = peak_memory_mb()
    return out


def run_child(action: str, records: Path, data: Path) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.dataset_bench", "--child", action, str(records), str(data)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def latency_ms(data: Path, sql: str, runs: int = 5) -> float:
    from output.views import connect

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        connect(data).execute(sql).fetchall()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def rows_in(data: Path) -> int:
    from output.schema import TABLES
    from output.views import connect

    con = connect(data)
    counts = [con.execute(f"SELECT count(*) FROM _all_{t}").fetchone() for t in TABLES]
    return sum(c[0] for c in counts if c)


def size_of(data: Path) -> int:
    return sum(p.stat().st_size for p in data.rglob("*.parquet") if "_schema" not in p.parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, help="corpus articles (default: all)")
    ap.add_argument("--workers", type=int, default=2, help="processes extracting the records")
    ap.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="keep records.jsonl and the dataset in DIR (default: a temporary one)",
    )
    ap.add_argument(
        "--child", nargs=3, metavar=("ACTION", "RECORDS", "DATA"), help=argparse.SUPPRESS
    )
    args = ap.parse_args(argv)
    if args.child:
        action, records, data = args.child
        print(json.dumps(child(action, Path(records), Path(data))))
        return 0
    if not CORPUS.exists():
        print(f"bench: {CORPUS} is absent (../shared is only beside checkouts and CI runs)")
        return 0
    with tempfile.TemporaryDirectory(prefix="thaipr-bench-") as tmp:
        where = args.keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        records, data = where / "records.jsonl", where / "data"
        if data.exists():
            print(f"bench: {data} exists; give --keep an empty directory")
            return 2
        n, extract_s = make_records(records, args.limit, args.workers)
        print(
            f"records: {n} corpus articles extracted in {extract_s:.1f} s "
            f"({n / extract_s:.0f} articles/s, {args.workers} processes)"
        )
        base = run_child("read", records, data)
        write = run_child("write", records, data)
        rows = rows_in(data)
        jsonl = records.stat().st_size
        jsonl_gz = len(gzip.compress(records.read_bytes(), 6))
        parquet = size_of(data)
        print(
            f"write:   {write['records'] / write['seconds']:.0f} records/s, "
            f"{rows / write['seconds']:.0f} rows/s ({rows} rows in 10 tables, "
            f"{write['files']} files, {write['seconds']:.1f} s)"
        )
        print(
            f"memory:  writer peak {write['peak_mb']:.0f} MB; reading the records alone "
            f"{base['peak_mb']:.0f} MB (+{write['peak_mb'] - base['peak_mb']:.0f} MB)"
        )
        print(
            f"disk:    Parquet {parquet / 1e6:.1f} MB; the same records as JSON Lines "
            f"{jsonl / 1e6:.1f} MB ({parquet / jsonl:.2f}x), gzipped {jsonl_gz / 1e6:.1f} MB "
            f"({parquet / jsonl_gz:.2f}x)"
        )
        rewrite = run_child("rewrite", records, data)
        print(
            f"re-run:  {rewrite['records']} articles fetched again, "
            f"{rewrite['records'] / rewrite['seconds']:.0f} records/s"
        )
        before = {name: latency_ms(data, sql) for name, sql in QUERIES.items()}
        comp = run_child("compact", records, data)
        print(
            f"compact: {comp['files_before']} -> {comp['files_after']} files in "
            f"{comp['seconds']:.1f} s, peak {comp['peak_mb']:.0f} MB; "
            f"Parquet {size_of(data) / 1e6:.1f} MB after"
        )
        for name, sql in QUERIES.items():
            after = latency_ms(data, sql)
            print(
                f"query:   {name}: {before[name]:.0f} ms before compaction, "
                f"{after:.0f} ms after (median of 5, connect included)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
