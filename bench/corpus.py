"""The real corpus as thaipr's inputs: each article as scraped text and as an HTML page
in the current CMS's shape (`title` + `text`, the text's first line being its date line)."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from crawler.replica.pages import ArticlePage, prd_article_html


def load_articles(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=["id", "url", "title", "text"])
    if limit is not None:
        table = table.slice(0, limit)
    return table.to_pylist()  # type: ignore[no-any-return]


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
