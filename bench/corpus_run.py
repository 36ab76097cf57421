"""Extract every article of both corpora (thaigov 2016-2020, thaigov-v2 2020-2025) as text and
as an HTML page: exceptions (must be 0, each printed with its id and traceback), fill rates
per field per year and per corpus side by side (a field whose rate drops sharply from one
corpus to the other is a rule that does not generalise), and how often the event date falls
in the 30 days before the page's date.

    python -m bench.corpus_run [--limit N] [--workers 2]     # --limit: first N of each corpus

An article's year is its record's published date (the text form's, else the HTML form's),
else the corpus's own date info (bench.corpus.corpus_year).
"""

import argparse
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.corpus import as_html, as_text, corpus_year, load_articles
from extract.article import extract_html, extract_text
from extract.record import Record
from tests.shared import CORPORA

# field -> its column head in the per-year tables (the legend is printed under them)
FIELDS = {
    "title": "title",
    "published": "publ",
    "event_date": "date",
    "event_time": "time",
    "event_type": "type",
    "province": "prov",
    "officials": "offic",
    "chair": "chair",
    "venues": "venue",
    "networks": "netw",
    "organizations": "orgs",
    "programs": "progs",
    "credits": "cred",
}
KINDS = ("text", "html")  # the two forms each article is extracted in
RECENT_DAYS = 30  # an event this many days or fewer before the page's date is "recent"
SHARP_DROP = 0.10  # a fall of this much between the corpora is flagged
CHUNKSIZE = 64  # articles per task sent to a worker


@dataclass(frozen=True)
class Outcome:
    """One article, both forms: what each filled, or the traceback it raised."""

    corpus: str
    ident: str
    year: int | None
    year_source: str  # "published", or corpus_year's source
    filled: dict[str, dict[str, bool]]  # kind -> field (and recent/dated_pair) -> filled
    errors: dict[str, str]  # kind -> traceback


def filled_fields(r: Record) -> dict[str, bool]:
    return {
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


def summarize(job: tuple[str, dict[str, Any]]) -> Outcome:
    corpus, article = job
    ident = article["id"]
    forms: dict[str, Callable[[], Record]] = {
        "text": lambda: extract_text(as_text(article), source=ident),
        "html": lambda: extract_html(as_html(article)),
    }
    records: dict[str, Record] = {}
    errors: dict[str, str] = {}
    for kind, extract in forms.items():
        try:
            records[kind] = extract()
        except Exception:  # the robustness run counts every escape
            errors[kind] = traceback.format_exc()
    published = [r.published.date for r in records.values() if r.published.date is not None]
    year, source = (published[0].year, "published") if published else corpus_year(article)
    filled = {kind: filled_fields(r) for kind, r in records.items()}
    return Outcome(corpus, ident, year, source, filled, errors)


@dataclass
class Tally:
    """Counts over every article; keys start with the corpus name."""

    articles: Counter[tuple[str, int | None]] = field(default_factory=Counter)
    filled: Counter[tuple[str, int | None, str, str]] = field(default_factory=Counter)
    year_sources: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[Outcome] = field(default_factory=list)
    elapsed: dict[str, float] = field(default_factory=dict)

    def add(self, o: Outcome) -> None:
        self.articles[o.corpus, o.year] += 1
        self.year_sources[o.corpus, o.year_source] += 1
        for kind, flags in o.filled.items():
            self.filled[o.corpus, o.year, kind, "n"] += 1
            for name, on in flags.items():
                self.filled[o.corpus, o.year, kind, name] += on
        if o.errors:
            self.errors.append(o)

    def rate(self, corpus: str, years: list[int | None], kind: str, name: str) -> float | None:
        n = sum(self.filled[corpus, y, kind, "n"] for y in years)
        return sum(self.filled[corpus, y, kind, name] for y in years) / n if n else None

    def years(self, corpus: str) -> list[int | None]:
        return [y for (c, y) in self.articles if c == corpus]


def run(corpora: dict[str, Path], limit: int | None, workers: int) -> Tally:
    tally = Tally()
    with ProcessPoolExecutor(workers) as pool:
        for name, path in corpora.items():
            started = time.perf_counter()
            jobs = ((name, a) for a in load_articles(path, limit))
            for outcome in pool.map(summarize, jobs, chunksize=CHUNKSIZE):
                tally.add(outcome)
            tally.elapsed[name] = time.perf_counter() - started
    return tally


def pct(rate: float | None, width: int) -> str:
    return f"{'-':>{width}}" if rate is None else f"{100 * rate:>{width}.1f}"


def report(tally: Tally, corpora: list[str], workers: int) -> None:
    for name in corpora:
        n = sum(tally.articles[name, y] for y in tally.years(name))
        took = tally.elapsed[name]
        errors = sum(len(o.errors) for o in tally.errors if o.corpus == name)
        sources = ", ".join(
            f"{source} {count:,}" for (c, source), count in tally.year_sources.items() if c == name
        )
        print(
            f"{name}: {n:,} articles, {2 * n:,} inputs, exceptions {errors}, "
            f"{took:.1f} s ({n / took:.0f} articles/s); year from: {sources}"
        )
    total = sum(tally.articles.values())
    took = sum(tally.elapsed.values())
    print(
        f"all: {total:,} articles, {2 * total:,} inputs in {took:.1f} s on {workers} workers "
        f"({total / took:.0f} articles/s, {2 * total / took:.0f} inputs/s)"
    )
    for kind in KINDS:
        print_per_year(tally, corpora, kind)
    print_side_by_side(tally, corpora)
    for name in corpora:
        for kind in KINDS:
            years = tally.years(name)
            pairs = sum(tally.filled[name, y, kind, "dated_pair"] for y in years)
            recent = sum(tally.filled[name, y, kind, "recent"] for y in years)
            print(
                f"{name} {kind}: event date within {RECENT_DAYS} days before the page's date: "
                f"{recent / pairs if pairs else 0.0:.1%} of {pairs:,} articles with both dates"
            )
    for o in tally.errors:
        for kind, error in o.errors.items():
            print(f"EXCEPTION {o.corpus} {o.ident} ({kind}):\n{error}", file=sys.stderr)


def print_per_year(tally: Tally, corpora: list[str], kind: str) -> None:
    print(f"\nfill rate per year, {kind} form (% of the year's articles)")
    print(f"{'year':<6}{'corpus':<12}{'articles':>9}" + "".join(f"{h:>7}" for h in FIELDS.values()))
    rows = sorted(
        ((y, c) for c in corpora for y in tally.years(c)), key=lambda yc: (yc[0] or 9999, yc[1])
    )
    for year, name in rows:
        cells = "".join(pct(tally.rate(name, [year], kind, f), 7) for f in FIELDS)
        print(f"{year or '?'!s:<6}{name:<12}{tally.articles[name, year]:>9,}{cells}")
    for name in corpora:
        cells = "".join(pct(tally.rate(name, tally.years(name), kind, f), 7) for f in FIELDS)
        n = sum(tally.articles[name, y] for y in tally.years(name))
        print(f"{'all':<6}{name:<12}{n:>9,}{cells}")
    print(
        "publ = published date, date/time/type = the event's, prov = province, "
        "offic = any official, chair = an official chairing, netw = networks, "
        "orgs = organizations, progs = programs, cred = credits"
    )


def print_side_by_side(tally: Tally, corpora: list[str]) -> None:
    first, last = corpora[0], corpora[-1]
    compare = len(corpora) > 1
    print(f"\noverall fill rate per corpus (%){', and the change' if compare else ''}")
    heads = "".join(f"{c[:11]:>12}" for c in corpora) + (f"{'change':>8}" if compare else "")
    print((f"{'':<15}" + "".join(f"{k + ' form':^{len(heads)}}" for k in KINDS)).rstrip())
    print(f"{'field':<15}" + heads * len(KINDS))
    for name in FIELDS:
        cells = ""
        dropped = False
        for kind in KINDS:
            rates = [tally.rate(c, tally.years(c), kind, name) for c in corpora]
            cells += "".join(pct(r, 12) for r in rates)
            if compare:
                a, b = rates[0], rates[-1]
                change = None if a is None or b is None else b - a
                # round first, and add 0.0, so that no "-0.0" is printed
                cells += f"{'-':>8}" if change is None else f"{round(100 * change, 1) + 0.0:>+8.1f}"
                dropped |= change is not None and change <= -SHARP_DROP
        print(f"{name:<15}{cells}{'  DROP' if dropped else ''}")
    if compare:
        print(
            f"change = {last} - {first}; DROP: down {100 * SHARP_DROP:.0f} points or more in a form"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="the first N articles of each corpus")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    present = {name: path for name, path in CORPORA.items() if path.exists()}
    for name, path in CORPORA.items():
        if name not in present:
            print(f"corpus: {path} is absent (../shared is only beside checkouts and CI runs)")
    if not present:
        return 0
    tally = run(present, args.limit, args.workers)
    report(tally, list(present), args.workers)
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())
