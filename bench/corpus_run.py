"""Extract every corpus article as text and as an HTML page: exceptions (must be 0), fill
rates per field, and how often the event date falls in the 30 days before the page's date.

    python -m bench.corpus_run [--limit N] [--workers 2]
"""

import argparse
import sys
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from bench.corpus import iter_inputs, load_articles
from extract.article import extract_html, extract_text
from tests.shared import CORPUS

FIELDS = (
    "title",
    "published",
    "event_date",
    "event_time",
    "event_type",
    "province",
    "officials",
    "chair",
    "venues",
    "networks",
    "organizations",
    "programs",
    "credits",
)
RECENT_DAYS = 30


def summarize(item: tuple[str, str, str]) -> tuple[str, str, dict[str, bool] | None, str | None]:
    ident, kind, payload = item
    try:
        r = extract_text(payload, source=ident) if kind == "text" else extract_html(payload)
    except Exception:  # the robustness run counts every escape
        return ident, kind, None, traceback.format_exc(limit=3)
    filled = {
        "title": bool(r.title),
        "published": r.published.date is not None,
        "event_date": r.event.date is not None,
        "event_time": r.event.time is not None,
        "event_type": r.event.type is not None,
        "province": r.province.code is not None,
        "officials": bool(r.officials),
        "chair": any(o.role == "chair" for o in r.officials),
        "venues": bool(r.venues),
        "networks": bool(r.networks),
        "organizations": bool(r.organizations),
        "programs": bool(r.programs),
        "credits": bool(r.credits),
        "recent": bool(
            r.event.date
            and r.published.date
            and 0 <= (r.published.date - r.event.date).days <= RECENT_DAYS
        ),
        "dated_pair": bool(r.event.date and r.published.date),
    }
    return ident, kind, filled, None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"corpus: {CORPUS} is absent (../shared is only beside checkouts and CI runs)")
        return 0
    articles = load_articles(CORPUS, args.limit)
    started = time.perf_counter()
    counts: dict[str, Counter[str]] = {"text": Counter(), "html": Counter()}
    errors: list[tuple[str, str, str]] = []
    with ProcessPoolExecutor(args.workers) as pool:
        for ident, kind, filled, error in pool.map(summarize, iter_inputs(articles), chunksize=64):
            counts[kind]["n"] += 1
            if filled is None:
                errors.append((ident, kind, error or ""))
                continue
            counts[kind].update(k for k, v in filled.items() if v)
    elapsed = time.perf_counter() - started
    report(counts, errors, len(articles), elapsed, args.workers)
    return 1 if errors else 0


def report(
    counts: dict[str, Counter[str]], errors: list[Any], n: int, elapsed: float, workers: int
) -> None:
    print(
        f"articles {n}, inputs {2 * n}, exceptions {len(errors)}, "
        f"{elapsed:.1f} s on {workers} workers ({2 * n / elapsed:.0f} inputs/s)"
    )
    print(f"{'field':<15}{'text':>8}{'html':>8}")
    for f in FIELDS:
        cells = "".join(f"{counts[k][f] / max(counts[k]['n'], 1):>8.1%}" for k in ("text", "html"))
        print(f"{f:<15}{cells}")
    for k in ("text", "html"):
        pairs = counts[k]["dated_pair"]
        share = counts[k]["recent"] / pairs if pairs else 0.0
        print(
            f"{k}: event date within {RECENT_DAYS} days before the page's date line: "
            f"{share:.1%} of {pairs} articles with both dates"
        )
    for ident, kind, error in errors[:20]:
        print(f"EXCEPTION {ident} ({kind}):\n{error}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
