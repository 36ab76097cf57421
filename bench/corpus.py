"""The real corpora as thaipr's inputs: each article as scraped text and as an HTML page
in the current CMS's shape (`title` + `text`, the text's first line being its date line)."""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from crawler.replica.pages import ArticlePage, prd_article_html


def load_articles(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    columns = ["id", "url", "title", "text"]
    if "scraped_date" in pq.read_schema(path).names:  # thaigov-v2 has it, thaigov does not
        columns.append("scraped_date")
    table = pq.read_table(path, columns=columns)
    if limit is not None:
        table = table.slice(0, limit)
    return table.to_pylist()  # type: ignore[no-any-return]


# A thaigov.go.th date line: "วันจันทร์ที่ 24 สิงหาคม 2563" (BE), now and then "… 2016" (CE).
DATE_LINE_YEAR = re.compile(r"วัน\S*ที่\s*\d{1,2}\s+\S+\s+(25\d\d|20\d\d)")
DATE_LINE_REACH = 200  # characters from the start of the text where the date line may be
BE_OFFSET = 543  # Buddhist era minus common era


def corpus_year(article: dict[str, Any]) -> tuple[int | None, str]:
    """The article's year from the corpus's own date info, and where it came from: a date
    line opening its text (or, in a few old speeches, its title), else the day it was
    scraped (thaigov-v2 only; many were scraped in bulk years later: the last resort)."""
    text, title = (article["text"] or "")[:DATE_LINE_REACH], article["title"] or ""
    found = DATE_LINE_YEAR.search(text) or DATE_LINE_YEAR.search(title)
    if found:
        year = int(found.group(1))
        return (year - BE_OFFSET if year >= 2500 else year), "date line"
    scraped = article.get("scraped_date")
    if scraped and scraped[:4].isdigit():
        return int(scraped[:4]), "scraped date"
    return None, "unknown"


def as_text(article: dict[str, Any]) -> str:
    return f"{article['title'] or ''}\n\n{article['text'] or ''}"


def as_html(article: dict[str, Any]) -> str:
    text = article["text"] or ""
    lines = text.split("\n")
    date_line = lines[0] if lines and len(lines[0]) < 60 else None
    body = lines[1:] if date_line else lines
    return prd_article_html(
        ArticlePage(
            title=article["title"] or "",
            paragraphs=[ln for ln in body if ln.strip()],
            date_line=date_line,
        )
    )


def iter_inputs(articles: list[dict[str, Any]]) -> Iterator[tuple[str, str, str]]:
    for a in articles:
        yield a["id"], "text", as_text(a)
        yield a["id"], "html", as_html(a)
