"""What every page parser produces, and the text clean-up they share."""

from dataclasses import dataclass, field
from datetime import date

from extract.credits import Credit, split_credits
from extract.html import Image
from extract.lexicon import CHROME_LINES, CHROME_TAIL_STARTS, META_LINE_MARKERS
from extract.pages.top import read_top
from extract.text import MAX_TEXT_CHARS, fold_blank_lines, normalize

_CHROME = frozenset(CHROME_LINES)


@dataclass(frozen=True)
class Page:
    """A page reduced to what extraction needs; one per template parser."""

    template: str
    url: str | None
    title: str | None
    body: str
    published_raw: str | None = None
    published_date: date | None = None
    published_datetime: str | None = None  # ISO 8601 with offset, when the page gives a time
    published_source: str | None = None  # metadata | date_line | feed | url | argument
    credits: list[Credit] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    province_hint: str | None = None  # ISO 3166-2:TH code the page or its site stands for
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CleanText:
    title: str | None
    body: str
    credits: list[Credit]
    date_line: str | None
    date_line_date: date | None
    truncated: bool


def clean_text(text: str, title: str | None = None, find_title: bool = True) -> CleanText:
    """Chrome, page metadata and credit lines out; headline and the page's date line found
    (see `extract.pages.top`).

    `title` given (from HTML) is dropped from the text where repeated as its first line.
    """
    truncated = len(text) > MAX_TEXT_CHARS
    lines = [ln for ln in normalize(text[:MAX_TEXT_CHARS]).split("\n")]
    lines = _cut_tail(lines)
    lines = [ln for ln in lines if ln not in _CHROME]
    top = read_top(lines, title, find_title)
    lines = top.lines
    text = "\n".join(lines)
    if any(mk in text for mk in META_LINE_MARKERS):
        text = "\n".join(
            ln for ln in lines if not any(mk in ln for mk in META_LINE_MARKERS) or len(ln) > 120
        )
    body, credits = split_credits(text)
    # The lines are normalized already: only blank lines left by the cuts need folding.
    return CleanText(
        top.title, fold_blank_lines(body), credits, top.date_line, top.date_line_date, truncated
    )


def _cut_tail(lines: list[str]) -> list[str]:
    """Everything from the gallery, rating widget or related lists on is not the article."""
    for i, ln in enumerate(lines):
        if i > 0 and ln.startswith(CHROME_TAIL_STARTS):
            return lines[:i]
    return lines
