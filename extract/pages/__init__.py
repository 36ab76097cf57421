"""One parser per site template; `parse_page` picks the first that claims a page.

The order is the cascade: specific templates first, the generic parser last.
"""

from collections.abc import Callable

from extract.pages import ewt, prd, regional
from extract.pages.base import Page
from extract.pages.generic import parse_generic
from extract.pages.plain import parse_text
from extract.pages.prd import parse_feed_item

Parser = Callable[[str, str | None], Page]
Matcher = Callable[[str | None, str], bool]

TEMPLATES: tuple[tuple[str, Matcher, Parser], ...] = (
    ("ewt", ewt.matches, ewt.parse_ewt),
    ("regional", regional.matches, regional.parse_regional),
    ("prd", prd.matches, prd.parse_prd),
)


def parse_page(html: str, url: str | None = None) -> Page:
    """An HTML page of any template."""
    for _name, matches, parse in TEMPLATES:
        if matches(url, html):
            return parse(html, url)
    return parse_generic(html, url)


__all__ = ["TEMPLATES", "Page", "parse_feed_item", "parse_page", "parse_text"]
