"""The public Python API, for a notebook or a script:

    import thaipr
    con = thaipr.connect("data")                 # DuckDB, with the dataset's views
    con.sql("SELECT * FROM meetings LIMIT 5").df()
    articles = thaipr.read_articles("data")      # Arrow; .to_pandas() for pandas
    record = thaipr.extract_text("ผู้ว่าราชการจังหวัด...")   # one text, no dataset needed

Everything here reads; only `thaipr crawl` and `thaipr compact` write a dataset."""

from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa

from extract.article import extract_html as _extract_html
from extract.article import extract_text as _extract_text
from extract.record import Record
from output.files import dataset_state
from output.views import connect as _connect

# The views `connect` registers, and so the names `read_table` takes.
TABLES = (
    "articles",
    "meetings",
    "officials",
    "venues",
    "dates",
    "networks",
    "organizations",
    "programs",
    "credits",
    "images",
    "errors",
    "article_versions",
    "people",
    "positions",
    "person_mentions",
)


# Why a path is no dataset, by output.files.dataset_state.
WHY_NOT = {"missing": "no such folder", "not_dir": "a file", "not_dataset": "no table in it"}


class NotADataset(ValueError):
    """The folder given is missing or is not a thaipr dataset."""


def connect(data: Path | str) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with a view per table of the dataset at `data`, each
    showing every article once (its latest version), and `meetings`."""
    path = Path(data)
    state = dataset_state(path)
    if state not in ("ok", "empty"):
        raise NotADataset(f"no thaipr dataset at {path} ({WHY_NOT[state]})")
    return _connect(path)


def read_table(data: Path | str, table: str) -> pa.Table:
    """One view of the dataset as an Arrow table (`.to_pandas()`, `polars.from_arrow`)."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; one of: {', '.join(TABLES)}")
    result = connect(data).sql(f"SELECT * FROM {table}").arrow()
    # DuckDB 1.4 and later hand a stream of batches, earlier versions a table.
    return result.read_all() if isinstance(result, pa.RecordBatchReader) else result


def read_articles(data: Path | str) -> pa.Table:
    """Every article of the dataset, its latest version, as an Arrow table."""
    return read_table(data, "articles")


def extract_text(text: str, url: str | None = None, published: date | None = None) -> Record:
    """The record of one text as scraped (title line first); `record.to_dict()` for JSON."""
    return _extract_text(text, url=url, published=published)


def extract_html(html: str, url: str | None = None, published: date | None = None) -> Record:
    """The record of one HTML page of any PRD template."""
    return _extract_html(html, url=url, published=published)
