"""The report, section by section: each asks `queries` for its numbers, has `plots` draw
them, and says so in a line when there is nothing to draw."""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from crawler import __version__
from output.views import connect
from thaipr.report import queries
from thaipr.report.html import Part, Section, Table, render
from thaipr.report.plots import Plotter, choose_font

TITLE = "thaipr dataset report"
# Views other engineers may add; shown when the dataset's views have them.
OPTIONAL_VIEWS = (("people", "People"), ("positions", "Positions"))
OPTIONAL_ROWS = 20


@dataclass(frozen=True)
class Page:
    html: str
    warnings: list[str]  # what went wrong drawing it (no Thai font, missing glyphs)
    sections: list[str]  # the sections' ids, in order
    articles: int


def build_report(data: Path, title: str = TITLE) -> Page:
    """The report of the dataset at `data` (a dataset, empty or not: the caller checks)."""
    con = connect(data)
    plotter = Plotter(choose_font())
    summary = queries.summary(con)
    sections = [
        _provinces(con, plotter),
        _fill(con, plotter, summary.sites),
        _warnings(con, plotter, summary.articles),
        _chairs(con, plotter),
        _venues(con, plotter),
        _networks(con, plotter),
        _errors(con, plotter),
        *_optional(con, plotter),
    ]
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    html = render(
        title=title,
        data=str(data),
        summary=summary,
        sections=sections,
        notes=plotter.warnings,
        font=" + ".join(plotter.font.families) or "matplotlib's default font",
        footer=f"Made by thaipr {__version__} on {generated}.",
    )
    return Page(html, plotter.warnings, [s.key for s in sections], summary.articles)


def _provinces(con: duckdb.DuckDBPyConnection, plotter: Plotter) -> Section:
    section = Section(
        "provinces",
        "Articles per province and month",
        "Each cell counts a province's articles in a month (the day of the event, else of "
        "publication, else of the fetch); provinces are grouped by region.",
    )
    grid, left_out = queries.province_months(con)
    if grid.empty:
        return section.with_note("No articles.")
    parts: list[Part] = []
    if left_out:
        parts.append(
            f"{left_out:,} articles dated before {grid.columns[0]} or after "
            f"{grid.columns[-1]} are left out (the earliest and latest "
            f"{queries.TRIM_SHARE:.1%}: dates that are likely misread)."
        )
    return section.with_parts(
        *parts,
        plotter.heatmap(
            grid,
            title="Articles per province and month",
            legend="articles",
            mask_zero=True,
        ),
    )


def _fill(con: duckdb.DuckDBPyConnection, plotter: Plotter, sites: int) -> Section:
    section = Section(
        "fill",
        "Fields filled, per site and over time",
        "The share of articles in which the extractor found each field (in %): a low share "
        "points at a site, or a period, that it reads badly or that rarely has the field.",
    )
    by_site = queries.fill_by_site(con)
    if by_site.empty:
        return section.with_note("No articles.")
    unit, by_period = queries.fill_by_period(con)
    parts: list[Part] = []
    if sites > queries.MAX_SITES:
        parts.append(f"The {queries.MAX_SITES} sites with the most articles, of {sites}.")
    parts.append(
        plotter.heatmap(
            by_site,
            title="Fill rate per site (articles)",
            legend="filled",
            cmap="RdYlGn",
            percent=True,
        )
    )
    parts.append(
        plotter.heatmap(
            by_period,
            title=f"Fill rate per {unit} (articles)",
            legend="filled",
            cmap="RdYlGn",
            percent=True,
        )
    )
    return section.with_parts(*parts)


def _warnings(con: duckdb.DuckDBPyConnection, plotter: Plotter, articles: int) -> Section:
    section = Section(
        "warnings",
        "Extraction warnings by kind",
        "What the extractor doubted (articles.warnings), grouped by kind: the warning with "
        "its numbers (N) and quoted text (…) taken out.",
    )
    kinds = queries.warning_kinds(con)
    if not kinds:
        return section.with_note("No article has a warning.")
    warned = queries.warned_articles(con)
    return section.with_parts(
        f"{warned:,} of {articles:,} articles have at least one warning.",
        plotter.bars(
            [k.cells[0] for k in kinds],
            [k.n for k in kinds],
            title="Articles with a warning, by kind",
            xlabel="articles",
        ),
        Table(("kind", "articles", "warnings", "an example"), [k.cells for k in kinds], (1, 2)),
    )


def _chairs(con: duckdb.DuckDBPyConnection, plotter: Plotter) -> Section:
    section = Section(
        "chairs",
        "Who chaired, per province",
        "From the meetings view (one row per article with an event date): the people who "
        f"chaired most often, overall and in each province ({queries.TOP_PER_PROVINCE} each).",
    )
    top = queries.top_overall(con, "chair")
    if not top:
        return section.with_note(_no_meetings(con, "chair"))
    rows = queries.top_per_province(con, "chair")
    return section.with_parts(
        plotter.bars(
            [
                f"{name} ({province})" if province else name
                for name, province in (c.cells for c in top)
            ],
            [c.n for c in top],
            title=f"The {len(top)} most frequent chairs",
            xlabel="meetings chaired",
        ),
        Table(
            ("province", "region", "chair", "position (most often)", "meetings"),
            [r.cells for r in rows],
            (4,),
        ),
    )


def _venues(con: duckdb.DuckDBPyConnection, plotter: Plotter) -> Section:
    section = Section(
        "venues",
        "Where meetings were held, per province",
        "From the meetings view: the principal venues named most often, overall and in each "
        f"province ({queries.TOP_PER_PROVINCE} each), as written.",
    )
    top = queries.top_overall(con, "venue")
    if not top:
        return section.with_note(_no_meetings(con, "venue"))
    rows = queries.top_per_province(con, "venue")
    return section.with_parts(
        plotter.bars(
            [c.cells[0] for c in top],
            [c.n for c in top],
            title=f"The {len(top)} most frequent venues",
            xlabel="meetings",
        ),
        Table(("province", "region", "venue", "meetings"), [r.cells for r in rows], (3,)),
    )


def _no_meetings(con: duckdb.DuckDBPyConnection, what: str) -> str:
    meetings = queries.meetings_count(con)
    if not meetings:
        return "No meetings (no article has an event date)."
    return f"None of the {meetings:,} meetings names a {what}."


def _networks(con: duckdb.DuckDBPyConnection, plotter: Plotter) -> Section:
    section = Section(
        "networks",
        "Networks and organisations named together",
        "How many articles name both the network (row) and the organisation (column): the "
        f"{queries.TOP_COOCCURRING} of each named most often with the other.",
    )
    grid = queries.cooccurrence(con)
    if grid.empty:
        return section.with_note("No article names both a network and an organisation.")
    pairs = queries.top_pairs(grid)
    return section.with_parts(
        plotter.heatmap(
            grid, title="Articles naming both", legend="articles", cmap="Purples", mask_zero=True
        ),
        Table(("network", "organisation", "articles"), [p.cells for p in pairs], (2,)),
    )


def _errors(con: duckdb.DuckDBPyConnection, plotter: Plotter) -> Section:
    section = Section(
        "errors",
        "Crawl errors by stage",
        "Failures in the errors table, by stage (read, fetch, robots, offsite, redirect, "
        "content, extract, validate) and error class, with the first one's message.",
    )
    errors = queries.errors_by_stage(con)
    if not errors:
        return section.with_note("No errors recorded.")
    stages = list(dict.fromkeys(e.cells[0] for e in errors))
    series: dict[str, list[int]] = {}
    for e in errors:
        series.setdefault(e.cells[1], [0] * len(stages))[stages.index(e.cells[0])] += e.n
    return section.with_parts(
        plotter.stacked_bars(stages, series, title="Errors by stage and class", xlabel="errors"),
        Table(
            ("stage", "class", "errors", "HTTP status", "first message", "its URL"),
            [e.cells for e in errors],
            numeric=(2,),
            long=(4, 5),
        ),
    )


def _optional(con: duckdb.DuckDBPyConnection, plotter: Plotter) -> list[Section]:
    """A section per optional view the dataset's views have: its rows with the most of its
    first integer column (else its first rows), and a bar chart of them when the view names
    each row once (`name`)."""
    sections = []
    for view, heading in OPTIONAL_VIEWS:
        if not queries.has_view(con, view):
            continue
        sample = queries.view_sample(con, view, OPTIONAL_ROWS)
        which = f"with the most {sample.order}" if sample.order else "first"
        section = Section(view, heading, f"From the {view} view: its {OPTIONAL_ROWS} rows {which}.")
        if not sample.rows:
            sections.append(section.with_note(f"The {view} view is empty."))
            continue
        parts: list[Part] = []
        if sample.order and "name" in sample.columns:
            labels = [row[sample.columns.index("name")] for row in sample.rows]
            if len(set(labels)) == len(labels):
                parts.append(
                    plotter.bars(
                        labels[: queries.TOP_OVERALL],
                        sample.counts[: queries.TOP_OVERALL],
                        title=f"{heading}: the most {sample.order}",
                        xlabel=sample.order,
                    )
                )
        parts.append(Table(tuple(sample.columns), sample.rows, sample.numeric))
        sections.append(section.with_parts(*parts))
    return sections
