"""The field guide, `docs/fields.md`, generated from `output.schema`:
`python -m output.docs > docs/fields.md`. A test fails when the file is stale."""

import sys

from output.schema import (
    NO_PROVINCE,
    PARTITION_KEYS,
    SCHEMA_VERSION,
    TABLES,
    Field,
    Table,
)

INTRO = f"""# thaipr dataset: field guide

Generated from `output/schema.py` by `python -m output.docs`; do not edit by hand.
Schema version {SCHEMA_VERSION}.

The dataset is a directory of Parquet files (zstd), one directory per table, partitioned
hive-style by {" and ".join(f"`{k}`" for k in PARTITION_KEYS)}:
`DATA/<table>/year=2023/part-….parquet`. `year` is the year of the event, else of
publication, else of the fetch. Every table's last column, `province`, is the ISO
3166-2:TH code of the article's province (`{NO_PROVINCE}` when none was found). Every file
carries `thaipr.schema_version`, `thaipr.extractor_version` and `thaipr.crawl_id` in its
key-value metadata.

Datasets written before schema 4 have a second level,
`DATA/<table>/province=TH-43/year=2023/`, with `province` in the path only. `thaipr query`
reads both layouts; `thaipr compact --data DATA` moves old files' rows into the current
one, after which the one-liners below work.

Each write of an article is a new *version* (`revision`); a re-crawl does not rewrite old
files. `thaipr query` shows each article once (its latest version: fetched last, then
written last); `thaipr compact` drops superseded versions from the files. Until then, a
plain read of the files may show an article more than once.

Every entity carries `span_start`/`span_end`: `body[span_start:span_end]` (Python, in code
points) is the text it was read from. In SQL: `substr(body, span_start + 1, span_end -
span_start)`.

Types: `date32` dates are Gregorian; timestamps are UTC; `list<struct>` columns hold one
element per mention, in text order. Strings marked *dict* are dictionary-encoded in Parquet
(low cardinality).

## Reading it

```python
import pandas as pd; df = pd.read_parquet("DATA/articles")
import polars as pl; df = pl.read_parquet("DATA/articles/**/*.parquet", hive_partitioning=True)
import duckdb; duckdb.sql("SELECT * FROM 'DATA/articles/**/*.parquet'")
```

## When the schema grows

A column added in a later thaipr version is missing from files written before it. Readers
that take the schema from the first file they open drop it (pyarrow, pandas) or fail
(Polars). Either run `thaipr compact --data DATA` once after upgrading (it rewrites old
files in the current schema; the one-liners above then work again), or read with the
current schema, which every dataset keeps in `DATA/_schema/<table>.parquet` (no rows):

```python
import pyarrow.parquet as pq, pandas as pd
df = pd.read_parquet("DATA/articles", schema=pq.read_schema("DATA/_schema/articles.parquet"))

import polars as pl
df = pl.scan_parquet("DATA/articles/**/*.parquet", hive_partitioning=True,
                     schema=pl.read_parquet_schema("DATA/_schema/articles.parquet"),
                     missing_columns="insert").collect()

import duckdb
duckdb.sql("SELECT * FROM read_parquet('DATA/articles/**/*.parquet', union_by_name=true)")
```

A column is only ever added as optional (nullable), so old rows read as null.

## Views in `thaipr query`

`articles`, `officials`, `venues`, `dates`, `networks`, `organizations`, `programs`,
`credits`, `images`: each article once, its latest version, with `province` and the
partition column `year` (filter on `year` to read fewer files). `errors`: every failure.
`article_versions`: every version of every article. `meetings`: one row per article with an
event date: `event_date`, `event_time`, `event_end_date`, `province_code`, `province_th`,
`type`, `chair` (honorific and name), `chair_position`, `venue` (the principal venue's
text), `title`, `url`, `article_id`, `province`, `year`.

People across articles (`output/people.py`; each official's `name_norm` and `position_norm`
come from the extractor): `person_mentions`, every official mention with its `person_id`
(one per person: a hash of the normalized name, with the province and year first seen added
when namesakes are told apart), the name and position as written and normalized, the
position's province and the article's, `role` and `seen` (the event's date, else the
publication's); `people`, one row per person: `name` (the spelling seen most), `names` and
`honorifics` as written, `positions` (each with `position_norm`, `position_org`,
`province_code`, `first_seen`, `last_seen`, `articles`), `provinces`, `first_seen`,
`last_seen`, `articles`, `meetings` (articles with an event date) and `chaired`;
`positions`, who held a normalized position of an organisation in a province and when:
`person_id`, `name`, `position_norm`, `position_org`, `province_code`, `first_seen`,
`last_seen`, `articles`, `chaired`, in order of province, position and first seen, so the
governors of a province read as their succession. Officials from files written before
schema 3 have no normalized name and are in none of these until re-extracted (`thaipr
reextract`) or crawled again.
"""


def render() -> str:
    parts = [INTRO]
    for table in TABLES.values():
        parts.append(_table(table))
    return "\n".join(parts)


def _table(table: Table) -> str:
    key = ", ".join(f"`{k}`" for k in table.key)
    head = f"## `{table.name}`\n\n{table.description} Key: {key}.\n\n"
    return head + _fields(table.fields)


def _fields(fields: tuple[Field, ...]) -> str:
    lines = ["| field | type | required | description |", "|---|---|---|---|"]
    for f in fields:
        kind = _type_name(f)
        lines.append(
            f"| `{f.name}` | {kind} | {'yes' if f.required else ''} | {_escape(f.description)} |"
        )
    return "\n".join(lines) + "\n"


def _type_name(f: Field) -> str:
    if f.items:
        return f"list<struct>: the `{f.name}` table's fields from `{f.items[0].name}` on"
    name = str(f.type).replace("timestamp[us, tz=UTC]", "timestamp (UTC)")
    name = name.replace("list<item: string>", "list<string>")
    return f"{name}, dict" if f.dictionary else name


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


if __name__ == "__main__":
    sys.stdout.write(render())
    sys.exit(0)
