"""Plain text as scraped (the seed is one): title line, date line, body, credits, chrome."""

from extract.pages.base import Page, clean_text
from extract.pages.hosts import site_province


def parse_text(text: str, url: str | None = None) -> Page:
    cleaned = clean_text(text)
    return Page(
        template="text",
        url=url,
        title=cleaned.title,
        body=cleaned.body,
        published_raw=cleaned.date_line,
        published_date=cleaned.date_line_date,
        published_source="date_line" if cleaned.date_line_date else None,
        credits=cleaned.credits,
        province_hint=site_province(url),
        warnings=["text truncated"] if cleaned.truncated else [],
    )
