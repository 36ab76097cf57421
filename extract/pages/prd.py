"""The current PRD CMS (`{slug}.prd.go.th/th/content/category/detail/id/{cat}/iid/{item}`):
article pages and feed items. Its CSS classes are not known from a real page (see
notes/prd-platform.md); the selectors below match the replica and fall back to metadata and
the densest text block, which is how a real page is read too."""

import re
from collections.abc import Mapping
from typing import Any

from extract.html import densest_block, element_text, images, parse_html
from extract.pages.base import Page, clean_text
from extract.pages.generic import _title, page_from_parts
from extract.pages.hosts import site_province
from extract.pages.published import parse_published

ARTICLE_URL = re.compile(r"/content/category/detail/id/\d+/iid/\d+")
BODY_SELECTORS = (
    ".//div[contains(@class,'content-detail')]",
    ".//div[@class='content-body']",
    ".//div[contains(@class,'detail')]",
    ".//article",
)


def matches(url: str | None, html: str) -> bool:
    return bool(url and ARTICLE_URL.search(url)) or 'class="content-detail' in html


def parse_prd(html: str, url: str | None = None) -> Page:
    root = parse_html(html)
    content = next((el for xp in BODY_SELECTORS for el in root.xpath(xp)), None)
    if content is None:
        content = densest_block(root)
    return page_from_parts(root, content, _title(root), url, "prd", site_province(url))


def parse_feed_item(item: Mapping[str, Any], site_url: str | None = None) -> Page:
    """A JSON Feed item (`content_html`, `date_published`) or an RSS item as a dict
    (`description`, `pubDate`); feeds carry the full body HTML."""
    url = item.get("url") or item.get("link") or site_url
    html = item.get("content_html") or item.get("description") or item.get("summary") or ""
    root = parse_html(f"<html><body><div>{html}</div></body></html>")
    cleaned = clean_text(element_text(root), title=item.get("title"), find_title=False)
    raw = item.get("date_published") or item.get("pubDate") or ""
    day, stamp = parse_published(raw) if raw else (None, None)
    imgs = images(root, url)
    if item.get("image"):
        from extract.html import Image

        imgs.insert(0, Image(str(item["image"]), None))
    return Page(
        template="prd_feed",
        url=url,
        title=item.get("title"),
        body=cleaned.body,
        published_raw=raw or None,
        published_date=day,
        published_datetime=stamp,
        published_source="feed" if day else None,
        credits=cleaned.credits,
        images=imgs,
        province_hint=site_province(url),
    )
