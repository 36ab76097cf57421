"""The top of a page's text: which line is the headline, which the page's date line, and
where the body begins.

Plain text as scraped opens in one of three ways: with a headline, with the lead itself
(`วันที่ … เวลา … น. นาย… เป็นประธาน…`), or with a date line. Each of the first lines is
read as one of these kinds, from the line alone:

1. **page date**: a date (and perhaps a posting time) with only page furniture beside it, a
   read counter (`(จำนวนคนอ่าน 120)`, `81 views`), a category, a posting stamp
   (`2021-06-21 11:16:26`, `09 ต.ค. 2562, 21:14 น.`): the page's own date, not the event's;
2. **bare date**: a cue and a date and nothing else (`วันที่ 27 ตุลาคม 2568`): a page date
   line under a headline (thaigov.go.th writes one there), the event's own date line when
   the text opens with it;
3. **event date**: a date with a clock time or an event cue (`เมื่อวันที่ 2 มี.ค. 2565 เวลา
   10.30 น.`), and maybe the place: the lead's date standing on its own line, kept as body;
4. **lead**: an event date opening a sentence that goes on, or a line longer than any
   headline: the text has no headline;
5. **furniture**: a bare counter or stamp line; passed over when looking for the headline;
6. **headline**: anything else, when it comes first and a body follows it (a text of one
   line is all body).
"""

import re
from dataclasses import dataclass
from datetime import date

from extract.lexicon import META_LINE_MARKERS, PAGE_DATE_MARKERS, RELATIVE_DAYS, WEEKDAYS
from extract.pages.published import parse_published
from extract.text import alternation, scan_view
from extract.thaidate import DateMention, find_dates, find_times

# A headline is never longer than this; a longer first line is the lead.
HEADLINE_MAX_CHARS = 300
# A page date line is this short at most; it stands among the first few lines.
DATE_LINE_MAX_CHARS = 90
DATE_LINE_WINDOW = 4
# How many leading lines are read for the headline (counters and stamps come first on some
# sites).
HEADLINE_WINDOW = 3
# How far into a line the date that opens it may end (an image label, a cue and a date).
OPENING_CHARS = 90
# What may stand after a page date besides furniture: this many letters at most.
BARE_DATE_TAIL_CHARS = 2

# What may open a line before its date: anything but Thai letters (`**`, `#`, an image
# label) or a regional bureau's `• ข่าวจาก : สวท.แพร่ •`, then a cue: `เมื่อ`/`ใน`,
# `วันนี้`, `วัน<weekday>ที่`, a bracket.
_DATE_OPENING = re.compile(
    r"^(?:[^ก-๛(]*ข่าวจาก\s*:\s*\S+)?[^ก-๛(]*(?P<cue>(?:เมื่อ|ใน)?\s*(?:(?:เช้า|บ่าย|เย็น)?วันนี้|(?:เมื่อ)?วานนี้)?\s*\(?\s*"
    rf"(?:วัน(?:{alternation(WEEKDAYS)})?\s*(?:ที่)?)?)\s*[(:]?\s*$"
)
# A posting stamp the Thai date grammar does not read: ISO or English.
_STAMP = re.compile(
    r"^[•|\s]*(?:\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}(?:,?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?)[•|\s]*$",
    re.I,
)
# A line of furniture only: a counter, bullets, share buttons' words.
_COUNTER = re.compile(r"^[•|\s]*(?:[^\s\d]{0,12}\s*)?[\d,]+\s*(?:views?|ครั้ง|คน|อ่าน)?[•|\s]*$", re.I)
_TRAILING_PUNCT = " ,.:;|•-–)("
_DIGIT = re.compile(r"\d")
_OPENING_KINDS = ("date", "date_range", "relative")


@dataclass(frozen=True)
class Top:
    title: str | None
    date_line: str | None
    date_line_date: date | None
    lines: list[str]  # what is left: the body's lines


def read_top(lines: list[str], title: str | None, find_title: bool) -> Top:
    """The headline (unless `title` is known already or not wanted), the page date line, and
    the remaining lines."""
    if find_title and title is None:
        title, lines = _take_headline(lines)
        under_headline = title is not None
    else:
        if title:
            lines = _drop_repeated_title(lines, title)
        under_headline = bool(title)
    raw, day, lines = _take_date_line(lines, under_headline)
    return Top(title, raw, day, lines)


def line_kind(line: str) -> str:
    """page_date | bare_date | event_date | lead | furniture | headline (see the module)."""
    text = scan_view(line.strip())
    if not text:
        return "furniture"
    if _STAMP.match(text):
        return "page_date"
    opening = _opening_date(text)
    if opening is not None:
        return _dated_kind(text, *opening)
    if _COUNTER.match(text):
        return "furniture"
    if len(text) > HEADLINE_MAX_CHARS:
        return "lead"
    return "headline"


def _opening_date(text: str) -> tuple[DateMention, bool] | None:
    """The date a line opens with, and whether a cue word stands before it."""
    head = text[:OPENING_CHARS]  # the date opens the line: the rest is not read for it
    if not _DIGIT.search(head) and not any(word in head for word in RELATIVE_DAYS):
        return None
    mentions, _ = find_dates(head, date.today())  # a reference, so yearless dates count
    first = next((m for m in mentions if m.kind in _OPENING_KINDS), None)
    if first is None:
        return None
    m = _DATE_OPENING.match(text[: first.span[0]])
    if m is None:
        return None
    return first, first.kind == "relative" or bool(m.group("cue").strip())


def _dated_kind(text: str, mention: DateMention, cued: bool) -> str:
    rest = text[mention.span[1] :]
    stripped = rest.lstrip(_TRAILING_PUNCT)
    times = find_times(stripped)
    timed = bool(times) and times[0].span[0] == 0
    after = stripped[times[0].span[1] :] if timed else stripped
    after = after.strip(_TRAILING_PUNCT)
    furnished = any(mk in text for mk in (*META_LINE_MARKERS, *PAGE_DATE_MARKERS))
    if furnished and len(text) <= DATE_LINE_MAX_CHARS:
        return "page_date"
    clock = timed and ("เวลา" in stripped[: times[0].span[1]] or cued)
    if after and len(after) > BARE_DATE_TAIL_CHARS:
        return "lead" if cued or clock else "headline"
    if clock:
        return "event_date"
    if timed:  # "09 ต.ค. 2562, 21:14 น.": a posting time, no cue
        return "page_date"
    return "bare_date" if cued else "page_date"


def _take_headline(lines: list[str]) -> tuple[str | None, list[str]]:
    seen = 0
    for i, ln in enumerate(lines):
        if not ln.strip():
            continue
        kind = line_kind(ln)
        if kind == "headline" and any(rest.strip() for rest in lines[i + 1 :]):
            title = ln.strip()
            return title, _drop_repeated_title(lines[:i] + lines[i + 1 :], title)
        if kind in ("lead", "event_date", "headline"):
            return None, lines
        if kind == "bare_date" and seen == 0:
            return None, lines  # the text opens with the event's date line
        seen += 1
        if seen >= HEADLINE_WINDOW:
            break
    return None, lines


def _drop_repeated_title(lines: list[str], title: str) -> list[str]:
    """The headline written again as the body's first line (some sites show it twice)."""
    key = _squeeze(title)
    for i, ln in enumerate(lines[: DATE_LINE_WINDOW + 2]):
        if ln.strip() and _squeeze(ln) == key:
            return lines[:i] + lines[i + 1 :]
    return lines


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _take_date_line(
    lines: list[str], under_headline: bool
) -> tuple[str | None, date | None, list[str]]:
    """The page's date line among the first lines: a page date, or a bare date under a
    headline. A line with the event's time or cue stays in the body."""
    seen = 0
    for i, ln in enumerate(lines):
        if not ln.strip():
            continue
        seen += 1
        if seen > DATE_LINE_WINDOW:
            break
        if len(ln) > DATE_LINE_MAX_CHARS:
            continue
        kind = line_kind(ln)
        if kind == "page_date" or (kind == "bare_date" and (under_headline or seen > 1)):
            day = _line_date(ln)
            if day is not None:
                return ln.strip(), day, lines[:i] + lines[i + 1 :]
    return None, None, lines


def _line_date(line: str) -> date | None:
    mentions, _ = find_dates(line)
    full = [m for m in mentions if m.kind in ("date", "date_range") and m.calendar != "inferred"]
    if full:
        return full[0].start
    return parse_published(line.strip(" •|"))[0] if _STAMP.match(line) else None
