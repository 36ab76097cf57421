"""thaipr: turn Thai government PR news into research data.

The application layer: the `thaipr` command line (`thaipr.cli`, one module per command
group in `thaipr.commands`) and the public Python API below (`thaipr.api`). It sits above
crawler/, extract/ and output/; nothing of those imports it."""

from crawler import __version__
from extract import EXTRACTOR_VERSION
from thaipr.api import (
    TABLES,
    NotADataset,
    connect,
    extract_html,
    extract_text,
    read_articles,
    read_table,
)

__all__ = [
    "EXTRACTOR_VERSION",
    "TABLES",
    "NotADataset",
    "__version__",
    "connect",
    "extract_html",
    "extract_text",
    "read_articles",
    "read_table",
]
