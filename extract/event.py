"""The principal event: the date, time and type the lead reports.

Cascade: (1) the first date introduced by a strong cue (`วันนี้ (…)`, `เมื่อวันที่ …`, or
`วันที่ …` followed by a time); (2) else the best-cued date; no cue, no event date. The
time is the clock time next to that date; the type the first event word after it.
"""

import datetime as dt
import re
from dataclasses import dataclass
from datetime import date, timedelta

from extract.lexicon import EVENT_TYPES, NON_EVENT_DATE_PREFIXES, RELATIVE_DAYS
from extract.text import alternation
from extract.thaidate import DateMention, TimeMention

# Scores: cue weight x 10, plus a bonus when a clock time follows the date.
TIME_BONUS = 5
STRONG_SCORE = 25
MIN_SCORE = 5
NON_EVENT_PENALTY = 15
# A date opening a paragraph with no cue word (`(21 ก.พ.67) เวลา…`, `14 ก.ค. 2567 เวลา…`)
# introduces the lead's event as firmly as `เมื่อวันที่`; a date alone on its line
# (`30/05/2567` under a page's date) introduces nothing.
OPENING_WEIGHT = 3
# Letters the paragraph must run on for after an opening date (and its time).
OPENING_MIN_TEXT = 20
# How far from the date its time may stand: after it, and (rarely) before it.
TIME_AFTER_CHARS = 60
TIME_BEFORE_CHARS = 40
# How far after the date the event word is looked for.
TYPE_REACH = 300
# An explicit "วันนี้ (date)" this close to the page date, a year off, is a year typo.
YEAR_TYPO_DAYS = 7

_TYPES = dict(EVENT_TYPES)
# An event word right after one of these names a place, not the event (ห้องประชุม, หอประชุม).
_PLACE_WORDS = ("ห้อง", "หอ", "ที่", "ศูนย์", "สถานที่")
_TYPE_WORD = re.compile(alternation(_TYPES))
# What may stand between a line's start and a date that opens it: marks, a bracket.
OPENING_REACH = 20
_OPENS_LINE = re.compile(r"(?:^|\n)[^\nก-๛]*$")


@dataclass(frozen=True)
class Event:
    date: dt.date | None
    time: str | None
    end_date: dt.date | None
    end_time: str | None
    date_raw: str | None
    type: str | None
    span: tuple[int, int] | None  # the date mention chosen
    year_corrected: bool = False


def time_near(mention: DateMention, times: list[TimeMention], text: str) -> TimeMention | None:
    line_end = text.find("\n", mention.span[1])
    limit = min(mention.span[1] + TIME_AFTER_CHARS, line_end if line_end >= 0 else len(text))
    for t in times:
        if mention.span[1] <= t.span[0] <= limit:
            return t
    for t in reversed(times):
        if mention.span[0] - TIME_BEFORE_CHARS <= t.span[1] <= mention.span[0]:
            return t
    return None


def _opens_a_paragraph(m: DateMention, text: str) -> bool:
    if not _OPENS_LINE.search(text, max(0, m.span[0] - OPENING_REACH), m.span[0]):
        return False
    line_end = text.find("\n", m.span[1])
    rest = text[m.span[1] : line_end if line_end >= 0 else len(text)]
    return sum(ch.isalpha() for ch in rest) >= OPENING_MIN_TEXT


def _score(m: DateMention, time: TimeMention | None, text: str) -> int:
    weight = m.cue_weight
    if not weight and _opens_a_paragraph(m, text):
        weight = OPENING_WEIGHT
    score = weight * 10 + (TIME_BONUS if time else 0)
    before = text[max(0, m.span[0] - 25) : m.span[0]]
    if m.cue and any(before.rstrip(" (").endswith(p + m.cue) for p in NON_EVENT_DATE_PREFIXES):
        score -= NON_EVENT_PENALTY
    return score


def find_event(
    text: str,
    dates: list[DateMention],
    times: list[TimeMention],
    published: date | None,
    title: str = "",
) -> Event:
    candidates = [m for m in dates if m.kind in ("date", "date_range", "relative")]
    scored = [(m, t, _score(m, t, text)) for m in candidates for t in [time_near(m, times, text)]]
    strong = [x for x in scored if x[2] >= STRONG_SCORE]
    if strong:
        chosen = strong[0]
    else:
        viable = [x for x in scored if x[2] >= MIN_SCORE]
        if not viable:
            return Event(None, None, None, None, None, _event_type(text, 0, title), None)
        chosen = max(viable, key=lambda x: x[2])
    m, t, _ = chosen
    start, corrected = _fix_year_typo(m, published)
    end = m.end if m.kind == "date_range" else None
    if end and corrected:
        end = end.replace(year=start.year + (end.year - m.start.year))
    return Event(
        date=start,
        time=t.time if t else None,
        end_date=end,
        end_time=t.end_time if t else None,
        date_raw=m.raw,
        type=_event_type(text, m.span[0], title),
        span=m.span,
        year_corrected=corrected,
    )


def _fix_year_typo(m: DateMention, published: date | None) -> tuple[date, bool]:
    """'วันนี้ (3 มกราคม 2561)' on a page dated 3 Jan 2562: the writer kept last year."""
    if published is None or m.cue not in RELATIVE_DAYS or m.kind == "relative":
        return m.start, False
    expected = published + timedelta(days=RELATIVE_DAYS[m.cue])
    if m.start.year == expected.year or abs(m.start.year - expected.year) != 1:
        return m.start, False
    try:
        moved = m.start.replace(year=expected.year)
    except ValueError:
        return m.start, False
    if abs((moved - expected).days) <= YEAR_TYPO_DAYS:
        return moved, True
    return m.start, False


def _event_type(text: str, start: int, title: str) -> str | None:
    line_end = text.find("\n", start)
    window = text[start : min(start + TYPE_REACH, line_end if line_end >= 0 else len(text))]
    for source in (window, title):
        for m in _TYPE_WORD.finditer(source):
            if not source[: m.start()].endswith(_PLACE_WORDS):  # ห้องประชุม is a room
                return _TYPES[m.group(0)]
    return None
