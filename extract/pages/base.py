"""What every page parser produces, and the text clean-up they share."""

import re
from dataclasses import dataclass, field
from datetime import date

from extract.credits import Credit, split_credits
from extract.html import Image
from extract.lexicon import CHROME_LINES, CHROME_TAIL_STARTS, META_LINE_MARKERS
from extract.text import MAX_TEXT_CHARS, fold_blank_lines, normalize
from extract.thaidate import find_dates

# A page's date line stands within this many lines of the title and is this short.
DATE_LINE_WINDOW = 4
DATE_LINE_MAX_CHARS = 90
MAX_TITLE_CHARS = 300

_CHROME = frozenset(CHROME_LINES)
_DATE_LINE_NOISE = re.compile(
    r"^(?:[•|]?\s*(?:ข่าวจาก\s*:\s*\S+\s*)?[•|]?\s*(?:เมื่อ)?(?:วันที่|วัน\S+ที่)?\s*:?\s*)"
)


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
    """Chrome, page metadata and credit lines out; title and the page's date line found.

    `title` given (from HTML) is dropped from the text where repeated as its first line.
    """
    truncated = len(text) > MAX_TEXT_CHARS
    lines = [ln for ln in normalize(text[:MAX_TEXT_CHARS]).split("\n")]
    lines = _cut_tail(lines)
    lines = [ln for ln in lines if ln not in _CHROME]
    if find_title and title is None:
        for i, ln in enumerate(lines):
            if ln.strip():
                title = ln.strip()[:MAX_TITLE_CHARS]
                lines = lines[i + 1 :]
                break
    elif title:
        first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
        if first is not None and lines[first].strip() == title.strip():
            lines = lines[first + 1 :]
    date_line, date_line_date, lines = _take_date_line(lines)
    text = "\n".join(lines)
    if any(mk in text for mk in META_LINE_MARKERS):
        text = "\n".join(
            ln for ln in lines if not any(mk in ln for mk in META_LINE_MARKERS) or len(ln) > 120
        )
    body, credits = split_credits(text)
    # The lines are normalized already: only blank lines left by the cuts need folding.
    return CleanText(title, fold_blank_lines(body), credits, date_line, date_line_date, truncated)


def _cut_tail(lines: list[str]) -> list[str]:
    """Everything from the gallery, rating widget or related lists on is not the article."""
    for i, ln in enumerate(lines):
        if i > 0 and ln.startswith(CHROME_TAIL_STARTS):
            return lines[:i]
    return lines


def _take_date_line(lines: list[str]) -> tuple[str | None, date | None, list[str]]:
    seen = 0
    for i, ln in enumerate(lines):
        if not ln.strip():
            continue
        seen += 1
        if seen > DATE_LINE_WINDOW:
            break
        if len(ln) > DATE_LINE_MAX_CHARS:
            continue
        mentions, _ = find_dates(ln)
        full = [m for m in mentions if m.kind == "date" and m.calendar in ("BE", "CE")]
        if not full:
            continue
        m = full[0]
        lead = _DATE_LINE_NOISE.sub("", ln[: m.span[0]]).strip(" (")
        if not lead or lead.startswith(("วัน", "เมื่อ")):
            return ln.strip(), m.start, lines[:i] + lines[i + 1 :]
    return None, None, lines
