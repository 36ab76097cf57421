"""HTML to text with lxml on the hot path; BeautifulSoup for tag soup lxml gets wrong."""

from dataclasses import dataclass

import lxml.html
from bs4 import BeautifulSoup
from lxml import etree

# Elements whose text is never article text.
DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button")
# Elements that end a line of text.
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "blockquote",
        "figure",
        "figcaption",
        "dd",
        "dt",
        "pre",
        "hr",
        "address",
        "main",
    ]
)
# A <title> longer than this means an unclosed tag swallowed the page.
MAX_TITLE_CHARS = 400
MAX_HTML_CHARS = 5_000_000

# lxml.html's own parser finds each element's class through a Python callback, one call per
# element; the default lookup makes every element an HtmlElement (text_content and all) in C.
_PARSER = etree.HTMLParser()
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement))


@dataclass(frozen=True)
class Image:
    url: str
    alt: str | None


def parse_html(html: str) -> lxml.html.HtmlElement:
    """A parsed document; an unclosed <title> (lxml reads the page into it) is re-parsed
    through BeautifulSoup's forgiving html.parser first."""
    html = html[:MAX_HTML_CHARS]
    try:
        root = lxml.html.document_fromstring(html or "<html></html>", parser=_PARSER)
    except (etree.ParserError, ValueError):
        root = lxml.html.document_fromstring("<html><body></body></html>", parser=_PARSER)
    title = root.find(".//title")
    title_text = "".join(str(t) for t in title.itertext()) if title is not None else ""
    swallowed = len(title_text) > MAX_TITLE_CHARS or "<" in title_text
    if swallowed:
        repaired = str(BeautifulSoup(_close_title(html), "html.parser"))
        root = lxml.html.document_fromstring(repaired, parser=_PARSER)
    return root


def _close_title(html: str) -> str:
    lower = html.lower()
    start = lower.find("<title")
    if start < 0 or "</title>" in lower:
        return html
    end = lower.find(">", start) + 1
    # A title holds no tags and rarely a line break: it ends at the first of either.
    stops = [i for i in (html.find("<", end), html.find("\n", end)) if i >= 0]
    cut = min([*stops, end + MAX_TITLE_CHARS])
    return html[:cut] + "</title>" + html[cut:]


def element_text(el: lxml.html.HtmlElement) -> str:
    """The text of an element with block elements on lines of their own."""
    parts: list[str] = []
    _walk(el, parts)
    return "".join(parts)


def _walk(el: etree._Element, parts: list[str]) -> None:
    # Each property read once: lxml builds a new string (decoding UTF-8) at every read.
    tag, tail = el.tag, el.tail
    if not isinstance(tag, str):  # a comment or a processing instruction
        tag = ""
    if tag in DROP_TAGS:
        if tail:
            parts.append(tail)
        return
    block = tag in BLOCK_TAGS
    if block:
        parts.append("\n")
    text = el.text
    if text and tag:
        parts.append(text)
    for child in el:
        _walk(child, parts)
    if block:
        parts.append("\n")
    if tail:
        parts.append(tail)


def meta_content(root: lxml.html.HtmlElement, *names: str) -> str | None:
    """The first non-empty <meta> content among property/name/itemprop = each of names."""
    first: dict[tuple[str, str | None], str] = {}  # (attribute, its value) -> content
    for el in root.iter("meta"):  # one walk of the tree, not one per name and attribute
        content = (el.get("content") or "").strip()
        if content:
            for attr in _META_NAME_ATTRS:
                first.setdefault((attr, el.get(attr)), content)
    for name in names:
        for attr in _META_NAME_ATTRS:
            if (attr, name) in first:
                return first[attr, name]
    return None


_META_NAME_ATTRS = ("property", "name", "itemprop")


def images(el: lxml.html.HtmlElement, base_url: str | None) -> list[Image]:
    out: list[Image] = []
    for img in el.iterfind(".//img"):
        src = (img.get("src") or img.get("data-src") or "").strip()
        if not src or src.startswith("data:"):
            continue
        if base_url:
            from urllib.parse import urljoin

            src = urljoin(base_url, src)
        alt = (img.get("alt") or "").strip() or None
        if all(i.url != src for i in out):
            out.append(Image(src, alt))
    return out


def densest_block(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element holding the most paragraph text: the article body when nothing marks it."""
    body = root.find(".//body")
    base = body if body is not None else root
    best, best_score = base, 0
    for el in base.iter("div", "article", "section", "main", "td"):
        if _is_chrome(el):
            continue
        direct = sum(len((p.text_content() or "").strip()) for p in el.iterfind("p"))
        own = len((el.text or "").strip()) + sum(
            len((c.tail or "").strip()) for c in el if isinstance(c.tag, str)
        )
        score = direct + own
        if score > best_score:
            best, best_score = el, score
    return best


def _is_chrome(el: lxml.html.HtmlElement) -> bool:
    marker = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return any(w in marker for w in ("menu", "nav", "footer", "header", "sidebar", "related"))
