"""Reading the platform's navigation: which categories carry news (feed directory or menu),
what a listing page lists (link, date, title) and what a JSON feed lists. Category ids differ
between hosts, so they are always discovered, never assumed."""

import json
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

import lxml.html

from extract.thaidate import parse_date_text

_FEED_LINK = re.compile(r"/rss/page/content(?:json)?/id/\d+/cid/(\d+)")
_MENU_LINK = re.compile(r"/content/category/index/id/(\d+)")
NEWS_WORD = "ข่าว"  # a category whose name has it carries news


@dataclass(frozen=True)
class Listed:
    url: str
    day: date | None
    title: str


def news_categories(html: str) -> list[int]:
    """News category ids, in page order, from the feed directory (each feed's list entry
    names its category) or, failing that, from the site menu."""
    root = lxml.html.fromstring(html or "<html/>")
    found: list[int] = []
    for link in root.iter("a"):
        href = link.get("href") or ""
        feed = _FEED_LINK.search(href)
        m = feed or _MENU_LINK.search(href)
        if not m:
            continue
        holder = link.getparent() if feed else link  # a feed's list entry names its category
        label = (
            lxml.html.tostring(holder, method="text", encoding="unicode")
            if holder is not None
            else ""
        )
        if NEWS_WORD in label and int(m.group(1)) not in found:
            found.append(int(m.group(1)))
    return found


def listing_items(html: str, page_url: str) -> list[Listed]:
    """The items of a listing page or a `getarticles` fragment."""
    if not html.strip():
        return []
    root = lxml.html.fromstring(html)
    items = []
    rows: list[lxml.html.HtmlElement] = root.find_class("inforow")  # type: ignore[attr-defined]
    for row in rows:
        links = [a for a in row.iter("a") if a.get("href")]
        title_box = row.find_class("detail-title")
        link = title_box[0].find(".//a") if title_box else (links[0] if links else None)
        if link is None:
            continue
        dated = row.find_class("image-date")
        day = parse_date_text(dated[0].text_content()) if dated else None
        items.append(Listed(urljoin(page_url, link.get("href")), day, link.text_content().strip()))
    return items


def fragment_of(body: str) -> str:
    """The HTML of a `getarticles` answer: JSON `{"html": …}`."""
    try:
        value = json.loads(body)
    except ValueError:
        return ""
    html = value.get("html") if isinstance(value, dict) else None
    return html if isinstance(html, str) else ""


def feed_items(body: str) -> list[Listed]:
    """A JSON Feed's items."""
    try:
        feed = json.loads(body)
    except ValueError:
        return []
    items = feed.get("items") if isinstance(feed, dict) else None
    out = []
    for item in items or []:
        if isinstance(item, dict) and isinstance(item.get("url"), str):
            stamp = str(item.get("date_published") or "")[:10]
            try:
                day = date.fromisoformat(stamp)
            except ValueError:
                day = None
            out.append(Listed(item["url"], day, str(item.get("title") or "")))
    return out
