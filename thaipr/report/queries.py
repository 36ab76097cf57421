"""The numbers behind each section of the report, asked of the dataset's views
(`output/views.py`): plain Python values, so the plots and the page need no SQL."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb

from crawler.sources import NATIONAL, PROVINCES, REGION_OF, REGIONS

# The day an article is counted under: its event's, else its publication's, else its
# fetch's (the rule that picks a file's `year` partition).
ARTICLE_DAY = "coalesce(event_date, published_date, CAST(fetched_at AS DATE))"
# The share of articles, at each end of the time range, the province grid may leave out.
TRIM_SHARE = 0.005
# Group by month while the dataset spans at most this many months, else by year.
MAX_MONTHS = 36
# The sites shown in the fill-rate grid: this many, the ones with the most articles.
MAX_SITES = 40
# Chairs and venues listed per province; the bar charts show the dataset's TOP_OVERALL.
TOP_PER_PROVINCE = 3
TOP_OVERALL = 15
# Networks and organisations in the co-occurrence grid: the most frequent of each.
TOP_COOCCURRING = 15
TOP_PAIRS = 20  # and the pairs listed under it
# Errors listed: the most frequent (stage, class) pairs.
TOP_ERRORS = 20
UNKNOWN_REGION = "unknown"  # an article whose province was not found (partition `TH`)
REGION_ORDER = (*REGIONS, NATIONAL, UNKNOWN_REGION)
MAX_CELL = 160  # characters of an optional view's cell
INTEGER_TYPES = ("BIGINT", "INTEGER", "HUGEINT", "UBIGINT", "UINTEGER")
NO_SITE = "(no site)"  # records made from files (`thaipr extract --out`) have no site
NO_PROVINCE = "(no province)"  # the partition `TH`: no province was found

# Fields whose fill rate the report shows: label -> when an article has it (SQL). The
# labels are the dataset's column names (docs/fields.md); `chair` is an official whose
# role is chair.
FILL_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "title <> ''"),
    ("published_date", "published_date IS NOT NULL"),
    ("event_date", "event_date IS NOT NULL"),
    ("event_time", "event_time IS NOT NULL"),
    ("event_type", "event_type IS NOT NULL"),
    ("province_code", "province_code IS NOT NULL"),
    ("officials", "len(officials) > 0"),
    ("chair", "len(list_filter(officials, lambda o: o.role = 'chair')) > 0"),
    ("venues", "len(venues) > 0"),
    ("networks", "len(networks) > 0"),
    ("organizations", "len(organizations) > 0"),
    ("programs", "len(programs) > 0"),
    ("credits", "len(credits) > 0"),
    ("images", "len(images) > 0"),
)

# A warning's kind: its text with the parts that vary per article taken out. First the
# warnings that open with a name (`<programme> is cited as phase 1 and phase 2`): a LIKE
# pattern and the kind; then, for the others, a quoted value at the end becomes `…` and
# every number or date `N` ("stated network count N differs from the N listed").
NAMED_WARNINGS: tuple[tuple[str, str], ...] = (
    ("% is cited as phase %", "<programme> is cited as phase N and phase N"),
)
QUOTED_TAIL = r" '.*'$"
NUMBER = r"(^|\s)[0-9][0-9.,:-]*"  # a word that is a number (not the 8 of UTF-8)


@dataclass(frozen=True)
class Summary:
    articles: int
    versions: int  # every version written (before compaction)
    sites: int
    provinces: int  # distinct provinces found
    published: tuple[date | None, date | None]  # first and last publication day
    events: tuple[date | None, date | None]  # first and last event day
    extractor_versions: list[tuple[str, int]]  # version, articles
    crawls: int  # distinct crawl or command runs
    errors: int


@dataclass(frozen=True)
class Grid:
    """A matrix to draw as a heatmap: `values[r][c]` for row label r, column label c."""

    rows: list[str]
    columns: list[str]
    values: list[list[float]]
    bands: list[tuple[str, int, int]]  # (label, first row, row after last): row groups

    @property
    def empty(self) -> bool:
        return not self.rows or not self.columns


@dataclass(frozen=True)
class Counted:
    """A table's row with its count: `cells` as shown, `n` for the bar chart."""

    cells: tuple[str, ...]
    n: int


def summary(con: duckdb.DuckDBPyConnection) -> Summary:
    row = con.execute(
        "SELECT count(*), count(DISTINCT site), count(DISTINCT province_code), "
        "min(published_date), max(published_date), min(event_date), max(event_date), "
        "count(DISTINCT crawl_id) FROM articles"
    ).fetchone()
    assert row is not None
    versions = _scalar(con, "SELECT count(*) FROM article_versions")
    errors = _scalar(con, "SELECT count(*) FROM errors")
    extractors = con.execute(
        "SELECT extractor_version, count(*) AS n FROM articles GROUP BY 1 ORDER BY n DESC, 1"
    ).fetchall()
    return Summary(
        articles=row[0],
        versions=versions,
        sites=row[1],
        provinces=row[2],
        published=(row[3], row[4]),
        events=(row[5], row[6]),
        extractor_versions=[(str(v), int(n)) for v, n in extractors],
        crawls=row[7],
        errors=errors,
    )


def province_months(con: duckdb.DuckDBPyConnection) -> tuple[Grid, int]:
    """Articles per province (rows, by region) and month (columns, every month between the
    first and the last, empty ones too), and how many articles were left out: the
    earliest and the latest (at most TRIM_SHARE of them at each end, so that a few
    misread dates do not stretch the grid over decades)."""
    rows = con.execute(
        f"SELECT province, any_value(province_th), strftime({ARTICLE_DAY}, '%Y-%m') AS month, "
        "count(*) FROM articles GROUP BY province, month"
    ).fetchall()
    if not rows:
        return Grid([], [], [], []), 0
    per_month: dict[str, int] = {}
    for _, _, month, n in rows:
        per_month[month] = per_month.get(month, 0) + n
    first, last = _trimmed(per_month)
    rows = [r for r in rows if first <= r[2] <= last]
    left_out = sum(per_month.values()) - sum(r[3] for r in rows)
    months = _months_between(first, last)
    names = {p.iso_code: p.short_th for p in PROVINCES}
    for code, name, _, _ in rows:
        if name:
            names[code] = name
    codes = sorted({r[0] for r in rows}, key=_region_order)
    counts = {(code, month): n for code, _, month, n in rows}
    values = [[float(counts.get((code, m), 0)) for m in months] for code in codes]
    labels = [_province_label(code, names.get(code)) for code in codes]
    return Grid(labels, months, values, _bands([_region(c) for c in codes])), left_out


def _trimmed(per_month: dict[str, int]) -> tuple[str, str]:
    """The first and last month once at most TRIM_SHARE of the articles are dropped from
    each end."""
    allowed = int(sum(per_month.values()) * TRIM_SHARE)
    ends = []
    for order in (sorted(per_month), sorted(per_month, reverse=True)):
        dropped = 0
        for month in order:
            if dropped + per_month[month] > allowed:
                ends.append(month)
                break
            dropped += per_month[month]
    return ends[0], ends[1]


def fill_by_site(con: duckdb.DuckDBPyConnection) -> Grid:
    """Share of articles with each field, per site (the MAX_SITES with most articles)."""
    key = f"coalesce(site, '{NO_SITE}')"
    return _fill(con, key, f"count(*) DESC, {key}", MAX_SITES)


def fill_by_period(con: duckdb.DuckDBPyConnection) -> tuple[str, Grid]:
    """Share of articles with each field, per month or per year: ("month" | "year", grid)."""
    span = con.execute(
        f"SELECT datediff('month', min({ARTICLE_DAY}), max({ARTICLE_DAY})) FROM articles"
    ).fetchone()
    unit = "month" if span is None or span[0] is None or span[0] < MAX_MONTHS else "year"
    key = f"strftime({ARTICLE_DAY}, '{'%Y-%m' if unit == 'month' else '%Y'}')"
    return unit, _fill(con, key, key, None)


def _fill(con: duckdb.DuckDBPyConnection, key: str, order: str, limit: int | None) -> Grid:
    rates = ", ".join(f"avg(coalesce(({cond})::INTEGER, 0))" for _, cond in FILL_FIELDS)
    rows = con.execute(
        f"SELECT {key} AS k, count(*), {rates} FROM articles GROUP BY k ORDER BY {order}"
        + (f" LIMIT {limit}" if limit else "")
    ).fetchall()
    return Grid(
        [f"{r[0]} ({r[1]:,})" for r in rows],
        [label for label, _ in FILL_FIELDS],
        [[float(v) for v in r[2:]] for r in rows],
        [],
    )


def warning_kinds(con: duckdb.DuckDBPyConnection) -> list[Counted]:
    """Extraction warnings by kind: (kind, articles, warnings, an example) by articles."""
    kind = "CASE " + " ".join(
        f"WHEN warning LIKE {_quote(pattern)} THEN {_quote(label)}"
        for pattern, label in NAMED_WARNINGS
    )
    kind += (
        f" ELSE regexp_replace(regexp_replace(warning, {_quote(QUOTED_TAIL)}, ' …'), "
        f"{_quote(NUMBER)}, '\\1N', 'g') END"
    )
    rows = con.execute(
        f"SELECT {kind} AS kind, count(DISTINCT article_id) AS n, count(*), min(warning) "
        "FROM (SELECT article_id, unnest(warnings) AS warning FROM articles) "
        "GROUP BY kind ORDER BY n DESC, kind"
    ).fetchall()
    return [Counted((k, f"{n:,}", f"{w:,}", example), n) for k, n, w, example in rows]


def warned_articles(con: duckdb.DuckDBPyConnection) -> int:
    return _scalar(con, "SELECT count(*) FROM articles WHERE len(warnings) > 0")


def top_per_province(con: duckdb.DuckDBPyConnection, column: str) -> list[Counted]:
    """The TOP_PER_PROVINCE most frequent values of a `meetings` column (chair or venue) in
    each province, provinces by region: (province, value, [chair's position,] meetings)."""
    position = ", mode(chair_position)" if column == "chair" else ""
    rows = con.execute(
        f"SELECT province, any_value(province_th), {column}{position}, count(*) AS n "
        f"FROM meetings WHERE {column} IS NOT NULL GROUP BY province, {column} "
        f"QUALIFY row_number() OVER (PARTITION BY province ORDER BY n DESC, {column}) "
        f"<= {TOP_PER_PROVINCE}"
    ).fetchall()
    rows.sort(key=lambda r: (_region_order(r[0]), -r[-1], r[2]))
    return [
        Counted(
            (
                _province_label(r[0], r[1]),
                _region(r[0]),
                *(str(c or "") for c in r[2:-1]),
                f"{r[-1]:,}",
            ),
            r[-1],
        )
        for r in rows
    ]


def top_overall(con: duckdb.DuckDBPyConnection, column: str) -> list[Counted]:
    """The TOP_OVERALL most frequent (value, province) pairs of a `meetings` column."""
    rows = con.execute(
        f"SELECT {column}, province_th, count(*) AS n FROM meetings "
        f"WHERE {column} IS NOT NULL GROUP BY ALL ORDER BY n DESC, {column} "
        f"LIMIT {TOP_OVERALL}"
    ).fetchall()
    return [Counted((value, province or ""), n) for value, province, n in rows]


def meetings_count(con: duckdb.DuckDBPyConnection) -> int:
    return _scalar(con, "SELECT count(*) FROM meetings")


def cooccurrence(con: duckdb.DuckDBPyConnection) -> Grid:
    """Articles naming both a network (row) and an organisation (column): the
    TOP_COOCCURRING networks and organisations most often named with the other kind."""
    pairs = con.execute(
        "WITH n AS (SELECT DISTINCT article_id, name FROM networks), "
        "o AS (SELECT DISTINCT article_id, name FROM organizations) "
        "SELECT n.name, o.name, count(*) FROM n JOIN o USING (article_id) GROUP BY ALL"
    ).fetchall()
    if not pairs:
        return Grid([], [], [], [])
    networks = _most(pairs, 0)
    organizations = _most(pairs, 1)
    counts = {(n, o): c for n, o, c in pairs}
    values = [[float(counts.get((n, o), 0)) for o in organizations] for n in networks]
    return Grid(networks, organizations, values, [])


def top_pairs(grid: Grid) -> list[Counted]:
    """The grid's pairs with their articles, most first (TOP_PAIRS of them)."""
    pairs = [
        Counted((network, organization, f"{int(n):,}"), int(n))
        for network, row in zip(grid.rows, grid.values, strict=True)
        for organization, n in zip(grid.columns, row, strict=True)
        if n
    ]
    pairs.sort(key=lambda p: (-p.n, p.cells))
    return pairs[:TOP_PAIRS]


def _most(pairs: Sequence[tuple[str, str, int]], side: int) -> list[str]:
    totals: dict[str, int] = {}
    for network, organization, n in pairs:
        name = organization if side else network
        totals[name] = totals.get(name, 0) + n
    ranked = sorted(totals, key=lambda name: (-totals[name], name))
    return ranked[:TOP_COOCCURRING]


def errors_by_stage(con: duckdb.DuckDBPyConnection) -> list[Counted]:
    """The crawl's failures by (stage, class): count, HTTP statuses, the first one's
    message and URL."""
    rows = con.execute(
        "SELECT stage, error_class, count(*) AS n, "
        "string_agg(DISTINCT CAST(http_status AS VARCHAR), ', ' ORDER BY CAST(http_status AS "
        "VARCHAR)), arg_min(message, time), arg_min(url, time) "
        f"FROM errors GROUP BY stage, error_class ORDER BY n DESC, stage, error_class "
        f"LIMIT {TOP_ERRORS}"
    ).fetchall()
    return [
        Counted((stage, cls, f"{n:,}", status or "", message, url), n)
        for stage, cls, n, status, message, url in rows
    ]


def has_view(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = ?", [name])
    found = row.fetchone()
    return bool(found and found[0])


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _region(code: str | None) -> str:
    if not code or code == "TH":
        return UNKNOWN_REGION
    return REGION_OF.get(code, NATIONAL)


def _province_label(code: str | None, name: str | None) -> str:
    return NO_PROVINCE if _region(code) == UNKNOWN_REGION else name or str(code)


def _region_order(code: str | None) -> tuple[int, str]:
    return REGION_ORDER.index(_region(code)), code or ""


def _bands(regions: list[str]) -> list[tuple[str, int, int]]:
    """Runs of equal region in rows already ordered by region."""
    bands: list[tuple[str, int, int]] = []
    for i, region in enumerate(regions):
        if bands and bands[-1][0] == region:
            bands[-1] = (region, bands[-1][1], i + 1)
        else:
            bands.append((region, i, i + 1))
    return bands


def _months_between(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from first to last."""
    year, month = map(int, first.split("-"))
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass(frozen=True)
class Sample:
    """Some rows of a view, as text."""

    columns: list[str]
    rows: list[tuple[str, ...]]
    order: str | None  # the integer column they are the most by; None: the view's first rows
    counts: list[int]  # that column's values
    numeric: tuple[int, ...]  # the integer columns' positions


def view_sample(con: duckdb.DuckDBPyConnection, view: str, limit: int) -> Sample:
    """A view's rows as text: the `limit` first, or the most by its first integer column
    (a count, in a view that has one)."""
    columns = con.execute(f"DESCRIBE {view}").fetchall()
    names = [str(c[0]) for c in columns]
    numeric = tuple(i for i, c in enumerate(columns) if c[1] in INTEGER_TYPES)
    order = names[numeric[0]] if numeric else None
    by = f' ORDER BY "{order}" DESC' if order else ""
    rows = con.execute(f"SELECT * FROM {view}{by} LIMIT {limit}").fetchall()
    counts = [int(row[numeric[0]] or 0) for row in rows] if numeric else []
    return Sample(names, [tuple(_text(v) for v in row) for row in rows], order, counts, numeric)


def _text(value: object) -> str:
    """A value as a table cell, at most MAX_CELL characters: a list's items joined with
    `; `, a struct's values (those set) with spaces, a date as YYYY-MM-DD."""
    text = _plain(value)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return " ".join(_plain(v) for v in value.values() if v is not None)
    return value.isoformat() if isinstance(value, date) else str(value)
