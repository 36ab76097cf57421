"""Any HTML page: metadata for title and date, the densest text block for the body."""

from lxml.html import HtmlElement

from extract.html import densest_block, element_text, images, meta_content, parse_html
from extract.pages.base import Page, clean_text
from extract.pages.hosts import site_province
from extract.pages.published import parse_published

PUBLISHED_META = (
    "article:published_time",
    "datePublished",
    "date",
    "DC.date.issued",
    "pubdate",
    "publishdate",
    "og:published_time",
)


def parse_generic(html: str, url: str | None = None, template: str = "generic") -> Page:
    root = parse_html(html)
    title = _title(root)
    content = densest_block(root)
    return page_from_parts(root, content, title, url, template, site_province(url))


def _title(root: HtmlElement) -> str | None:
    title = meta_content(root, "og:title", "twitter:title")
    if not title:
        h1 = root.find(".//h1")
        title = h1.text_content().strip() if h1 is not None else None
    if not title:
        t = root.find(".//title")
        title = t.text_content().strip() if t is not None else None
    return " ".join(title.split()) if title else None


def page_from_parts(
    root: HtmlElement,
    content: HtmlElement,
    title: str | None,
    url: str | None,
    template: str,
    province_hint: str | None = None,
) -> Page:
    """Shared tail of every HTML parser: text clean-up, dates, images."""
    cleaned = clean_text(element_text(content), title=title)
    raw = meta_content(root, *PUBLISHED_META)
    day, stamp, source = None, None, None
    if raw:
        day, stamp = parse_published(raw)
        source = "metadata" if day else None
    if day is None and cleaned.date_line_date:
        raw, day, source = cleaned.date_line, cleaned.date_line_date, "date_line"
    return Page(
        template=template,
        url=url,
        title=title or cleaned.title,
        body=cleaned.body,
        published_raw=raw if day else None,
        published_date=day,
        published_datetime=stamp,
        published_source=source,
        credits=cleaned.credits,
        images=images(content, url),
        province_hint=province_hint,
        warnings=["text truncated"] if cleaned.truncated else [],
    )
