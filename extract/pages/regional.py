"""Regional bureau sites (`region3.prd.go.th/region3_ci/{station}/news/{id}`):
`• ข่าวจาก : สวท.แพร่ • เมื่อวันที่ : 24 ก.พ. 2564 • อ่าน : 238 ครั้ง`."""

import re

from extract.credits import parse_credit_line
from extract.html import densest_block, element_text, images, parse_html
from extract.pages.base import Page, clean_text
from extract.pages.generic import _title

URL = re.compile(r"region\d+\.prd\.go\.th/")
META_LINE = re.compile(r"^.*ข่าวจาก\s*:.*เมื่อวันที่\s*:.*$", re.M)


def matches(url: str | None, html: str) -> bool:
    # The substring test first: the line regex is slow over a whole page.
    return bool(url and URL.search(url)) or ("ข่าวจาก" in html and bool(META_LINE.search(html)))


def parse_regional(html: str, url: str | None = None) -> Page:
    root = parse_html(html)
    body_el = root.find(".//body")
    text = element_text(body_el if body_el is not None else root)
    title = _title(root)
    meta = META_LINE.search(text)
    credits = parse_credit_line(meta.group(0).split("• เมื่อวันที่")[0]) if meta else []
    cleaned = clean_text(text, title=title)
    if title and cleaned.body.startswith(title):
        body = cleaned.body[len(title) :].strip()
    else:
        body = cleaned.body
    return Page(
        template="regional",
        url=url,
        title=title or cleaned.title,
        body=body,
        published_raw=cleaned.date_line,
        published_date=cleaned.date_line_date,
        published_source="date_line" if cleaned.date_line_date else None,
        credits=credits + [c for c in cleaned.credits if c not in credits],
        images=images(densest_block(root), url),
    )
