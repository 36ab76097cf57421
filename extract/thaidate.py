"""A Buddhist-era / Common-era date and time grammar for Thai news text.

`find_dates(text, reference)` returns every date, date range, fiscal year, year range and
relative day in `text`, each with its raw text, span and the cue word before it. Matching
runs on a digit-normalized copy of the text (same offsets), so Thai digits count.

dateparser is not used here: it reads BE years as CE and 2-digit BE years as 20xx.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from difflib import SequenceMatcher
from functools import lru_cache

from extract.lexicon import EVENT_DATE_CUES, MONTH_MISSPELLINGS, MONTHS, RELATIVE_DAYS, WEEKDAYS
from extract.text import alternation, anchors, digit_stretches, scan_view

BE_OFFSET = 543  # BE year - 543 = CE year
# Years a 4-digit number may be read as: BE 2400-2700, CE 1900-2100.
BE_YEARS = range(2400, 2701)
CE_YEARS = range(1900, 2101)
# Plausibility window around the page's date (or today when unknown), in years.
PLAUSIBLE_YEARS_BEFORE = 30
PLAUSIBLE_YEARS_AFTER = 10
# How far a cue word may stand before the date it introduces, in characters.
CUE_LOOKBEHIND = 40
# Every pattern below but the relative days needs a digit, and none reaches further from one
# than this (a fiscal year's cue words before its year, a month's name after its day): they
# are searched in the text near digits only (`DigitStretches`).
DIGIT_REACH = 40
# A weekday prefix ("วันศุกร์ที่ 12 …") introduces a date as firmly as "วันที่".
WEEKDAY_CUE_WEIGHT = 2


@dataclass(frozen=True)
class DateMention:
    """One date expression found in text."""

    raw: str
    kind: str  # date | date_range | fiscal_year | year_range | relative
    start: date
    end: date | None
    calendar: str  # BE | CE | inferred | relative
    span: tuple[int, int]
    cue: str | None = None  # event cue before it (วันนี้, เมื่อวันที่, …)
    cue_weight: int = 0


@dataclass(frozen=True)
class TimeMention:
    raw: str
    time: str  # HH:MM
    end_time: str | None
    span: tuple[int, int]


@dataclass(frozen=True)
class ImplausibleYear:
    raw: str
    year: int
    span: tuple[int, int]


def _abbrev_pattern(abbrev: str) -> str:
    """'ม.ค.' -> a regex accepting 'ม.ค.', 'ม.ค', 'ม. ค.'."""
    letters = [part for part in abbrev.split(".") if part]
    return r"\.\s?".join(re.escape(p) for p in letters) + r"\.?"


def _build_month_table() -> tuple[dict[str, int], str]:
    names: dict[str, int] = {}
    patterns: list[tuple[int, str]] = []
    for number, full, dotted, dotless, english in MONTHS:
        names[full] = number
        patterns.append((len(full), re.escape(full)))
        for abbrev in dotted:
            patterns.append((len(abbrev), _abbrev_pattern(abbrev)))
            names[abbrev.replace(".", "")] = number
        for abbrev in dotless:
            patterns.append((len(abbrev), re.escape(abbrev) + r"\.?(?![ก-๛])"))
            names[abbrev] = number
        for word in english:
            names[word] = number
    for variant, number in MONTH_MISSPELLINGS.items():
        names[variant] = number
        patterns.append((len(variant), re.escape(variant)))
    patterns.sort(key=lambda p: p[0], reverse=True)
    return names, "|".join(p for _, p in patterns)


MONTH_NUMBERS, _MONTH = _build_month_table()
_YEAR = r"(?:(?:พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)\s*)?(?P<{name}>\d{{4}}|\d{{2}})(?![\d])"
_SEP = r"\s*(?:-|–|—|ถึง(?:วันที่)?)\s*"
# A day: `(?<![\d.:/])(?P<name>[0-3]?\d)`, written to open with a digit so that Python's
# regex engine skips in C to digits (a third faster; the same matches): the first digit,
# then, when it is 0-3, a second one if there is one.
_DAY = r"(?P<{name}>\d(?<![\d.:/]\d)(?:(?<=[0-3])\d)?)"

DATE_RANGE_CROSS_MONTH = re.compile(
    _DAY.format(name="d1")
    + rf"\s*(?P<m1>{_MONTH})\s*(?:{_YEAR.format(name='y1')})?"
    + _SEP
    + _DAY.format(name="d2")
    + rf"\s*(?P<m2>{_MONTH})\s*(?:{_YEAR.format(name='y2')})?"
)
DATE_RANGE_DAYS = re.compile(
    _DAY.format(name="d1")
    + _SEP
    + _DAY.format(name="d2")
    + rf"\s*(?P<m>{_MONTH})\s*(?:{_YEAR.format(name='y')})?"
)
DATE_SINGLE = re.compile(
    _DAY.format(name="d") + rf"\s*(?P<m>{_MONTH})\s*(?:{_YEAR.format(name='y')})?"
)
DATE_NUMERIC = re.compile(
    r"(?P<d>\d(?<![\d/.\-]\d)(?:(?<=[0-3])\d)?)(?P<sep>[/-])(?P<m>[01]?\d)(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/\-])"
)
# A Thai word after a day number that may be a misspelt month ("มิถุนาบน"); a year must follow.
DATE_FUZZY_MONTH = re.compile(
    _DAY.format(name="d") + r"\s*(?P<m>[ก-๛]{4,11})\s*" + _YEAR.format(name="y")
)
FISCAL_YEAR = re.compile(
    r"(?:ประจำปีงบ|ปีงบ)(?:ประมาณ|\s?ฯ|\.)?\s*(?:(?:พ\.?\s?ศ\.?)\s*)?(?P<y1>\d{4}|\d{2})(?![\d])"
    r"(?:\s*[-–]\s*(?P<y2>\d{4}|\d{2})(?![\d]))?"
)
YEAR_RANGE = re.compile(
    r"(?:พ\.?\s?ศ\.?|ปี)\s*(?P<y1>\d{4})\s*[-–]\s*(?:(?:พ\.?\s?ศ\.?)\s*)?(?P<y2>\d{4})(?![\d])"
)
TIME = re.compile(
    r"(?=[\dเ])(?:เวลา\s*(?:ประมาณ\s*)?)?(?<![\d.])(?P<h>[0-2]?\d)\s?[.:]\s?(?P<mi>[0-5]\d)"
    r"(?:\s*(?:-|–|ถึง)\s*(?P<h2>[0-2]?\d)[.:](?P<mi2>[0-5]\d))?\s*(?:น\.?|นาฬิกา)"
    r"|เวลา\s*(?:ประมาณ\s*)?(?P<hb>[0-2]?\d)[.:](?P<mib>[0-5]\d)(?![\d])"
)
_RELATIVE = re.compile(alternation(RELATIVE_DAYS))
_RELATIVE_ANCHORS = anchors(RELATIVE_DAYS)  # half the corpus bodies hold none: no pass then
_CUE_BEFORE = re.compile(
    rf"(?P<cue>{alternation(c for c, _ in EVENT_DATE_CUES)})?"
    rf"\s*\(?\s*(?P<weekday>วัน(?:{alternation(WEEKDAYS)})\s*(?:ที่)?\s*)?\(?\s*$"
)
_CUE_WEIGHT = dict(EVENT_DATE_CUES)
_MONTH_KEY_DROP = re.compile(r"[.\s]")  # what a month name may carry: ม.ค. / ม. ค.


def _year_to_ce(text: str) -> tuple[int, str] | None:
    """A written year as (CE year, calendar), or None when it is no year at all."""
    y = int(text)
    if len(text) == 2:
        return 2500 + y - BE_OFFSET, "BE"
    if y in BE_YEARS:
        return y - BE_OFFSET, "BE"
    if y in CE_YEARS:
        return y, "CE"
    return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, reference: date) -> date | None:
    """A yearless day-month placed in the year that puts it nearest the reference."""
    best: date | None = None
    for y in (reference.year - 1, reference.year, reference.year + 1):
        candidate = _safe_date(y, month, day)
        if candidate and (best is None or abs(candidate - reference) < abs(best - reference)):
            best = candidate
    return best


def _month_number(raw: str) -> int | None:
    key = _MONTH_KEY_DROP.sub("", raw).lower()
    return MONTH_NUMBERS.get(key) or MONTH_NUMBERS.get(raw.lower())


@lru_cache(maxsize=4096)  # twelve SequenceMatchers a word; the same words recur page after page
def _fuzzy_month(word: str) -> int | None:
    """An unambiguous misspelling of a full Thai month name, or None."""
    scores = sorted(
        ((SequenceMatcher(None, word, full).ratio(), number) for number, full, *_ in MONTHS),
        reverse=True,
    )
    (best, number), (second, _) = scores[0], scores[1]
    return number if best >= 0.75 and best - second >= 0.15 else None


class _Collector:
    """Accumulates mentions without overlaps, first pattern wins."""

    def __init__(self, text: str, reference: date | None) -> None:
        self.text = text
        self.scan = scan_view(text)
        self.reference = reference
        self.mentions: list[DateMention] = []
        self.implausible: list[ImplausibleYear] = []
        self.taken: list[tuple[int, int]] = []
        ref = reference or date.today()
        self.window = (
            date(max(ref.year - PLAUSIBLE_YEARS_BEFORE, 1), 1, 1),
            date(min(ref.year + PLAUSIBLE_YEARS_AFTER, 9999), 12, 31),
        )

    def free(self, span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in self.taken)

    def plausible(self, d: date, year_text: str | None, span: tuple[int, int]) -> bool:
        if self.window[0] <= d <= self.window[1]:
            return True
        year = int(year_text) if year_text else d.year
        self.implausible.append(ImplausibleYear(self.raw(span), year, span))
        self.taken.append(span)
        return False

    def near_digits(
        self, pattern: re.Pattern[str]
    ) -> Iterator[tuple[re.Match[str], tuple[int, int]]]:
        """Matches of a pattern that needs a digit, with their spans in the text."""
        return digit_stretches(self.scan, DIGIT_REACH).finditer(pattern)

    def raw(self, span: tuple[int, int]) -> str:
        return self.text[span[0] : span[1]]

    def cue(self, start: int) -> tuple[str | None, int]:
        m = _CUE_BEFORE.search(self.scan[max(0, start - CUE_LOOKBEHIND) : start])
        if m and m.group("cue"):
            weight = _CUE_WEIGHT[m.group("cue")]
            if m.group("weekday"):  # "เมื่อวันพุธที่ …" weighs as "เมื่อวันที่ …"
                weight = max(weight, WEEKDAY_CUE_WEIGHT, _CUE_WEIGHT.get(m.group("cue") + "วันที่", 0))
            return m.group("cue"), weight
        if m and m.group("weekday"):
            return m.group("weekday").strip(), WEEKDAY_CUE_WEIGHT
        return None, 0

    def add(
        self,
        kind: str,
        start: date,
        end: date | None,
        calendar: str,
        span: tuple[int, int],
    ) -> None:
        while span[1] > span[0] and self.text[span[1] - 1].isspace():
            span = (span[0], span[1] - 1)
        cue, weight = self.cue(span[0]) if kind in ("date", "date_range") else (None, 0)
        self.mentions.append(
            DateMention(self.raw(span), kind, start, end, calendar, span, cue, weight)
        )
        self.taken.append(span)

    def resolve_year(self, year_text: str | None, month: int, day: int) -> tuple[date, str] | None:
        if year_text:
            ce = _year_to_ce(year_text)
            if ce is None:
                return None
            d = _safe_date(ce[0], month, day)
            return (d, ce[1]) if d else None
        if self.reference is None:
            return None
        d = _nearest_year(month, day, self.reference)
        return (d, "inferred") if d else None


def find_dates(
    text: str, reference: date | None = None
) -> tuple[list[DateMention], list[ImplausibleYear]]:
    """Every date expression in `text`, in text order, and the years judged implausible.

    `reference` is the page's own date: it places yearless dates (`(27 พ.ค.)`) and
    relative days (`วานนี้`), and centres the plausibility window.
    """
    c = _Collector(text, reference)
    _fiscal_years(c)
    _year_ranges(c)
    _cross_month_ranges(c)
    _day_ranges(c)
    _single_dates(c)
    _numeric_dates(c)
    _fuzzy_dates(c)
    _relative_days(c)
    mentions = sorted(c.mentions, key=lambda m: m.span)
    return mentions, c.implausible


def _fiscal_years(c: _Collector) -> None:
    for m, span in c.near_digits(FISCAL_YEAR):
        first = _year_to_ce(m.group("y1"))
        last = _year_to_ce(m.group("y2")) if m.group("y2") else first
        if not first or not last or first[1] != "BE" or last[1] != "BE":
            continue
        # BE fiscal year N runs from 1 October (N-1) to 30 September N.
        start, end = date(first[0] - 1, 10, 1), date(last[0], 9, 30)
        if c.plausible(start, m.group("y1"), span) and c.free(span):
            c.add("fiscal_year", start, end, "BE", span)


def _year_ranges(c: _Collector) -> None:
    for m, span in c.near_digits(YEAR_RANGE):
        if not c.free(span):
            continue
        first, last = _year_to_ce(m.group("y1")), _year_to_ce(m.group("y2"))
        if not first or not last or last[0] < first[0]:
            continue
        start, end = date(first[0], 1, 1), date(last[0], 12, 31)
        if c.plausible(start, m.group("y1"), span):
            c.add("year_range", start, end, first[1], span)


def _cross_month_ranges(c: _Collector) -> None:
    for m, span in c.near_digits(DATE_RANGE_CROSS_MONTH):
        if not c.free(span):
            continue
        m1, m2 = _month_number(m.group("m1")), _month_number(m.group("m2"))
        if not m1 or not m2:
            continue
        y2 = m.group("y2") or m.group("y1")
        end = c.resolve_year(y2, m2, int(m.group("d2")))
        if end is None:
            continue
        start_year = m.group("y1")
        if start_year:
            start = c.resolve_year(start_year, m1, int(m.group("d1")))
        else:  # "30 ธ.ค. - 2 ม.ค. 2567": the start is in the year before when months wrap
            y = end[0].year - (1 if m1 > m2 else 0)
            d = _safe_date(y, m1, int(m.group("d1")))
            start = (d, end[1]) if d else None
        if start and c.plausible(start[0], m.group("y1") or m.group("y2"), span):
            c.add("date_range", start[0], end[0], start[1], span)


def _day_ranges(c: _Collector) -> None:
    for m, span in c.near_digits(DATE_RANGE_DAYS):
        if not c.free(span):
            continue
        month = _month_number(m.group("m"))
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        if not month or d2 < d1:
            continue
        end = c.resolve_year(m.group("y"), month, d2)
        start = _safe_date(end[0].year, month, d1) if end else None
        if end and start and c.plausible(start, m.group("y"), span):
            c.add("date_range", start, end[0], end[1], span)


def _single_dates(c: _Collector) -> None:
    for m, span in c.near_digits(DATE_SINGLE):
        if not c.free(span):
            continue
        month = _month_number(m.group("m"))
        if not month:
            continue
        resolved = c.resolve_year(m.group("y"), month, int(m.group("d")))
        if resolved is None:
            year_text = m.group("y")
            if year_text and len(year_text) == 4:
                c.implausible.append(ImplausibleYear(c.raw(span), int(year_text), span))
            continue
        if c.plausible(resolved[0], m.group("y"), span):
            c.add("date", resolved[0], None, resolved[1], span)


def _numeric_dates(c: _Collector) -> None:
    for m, span in c.near_digits(DATE_NUMERIC):
        if not c.free(span):
            continue
        resolved = c.resolve_year(m.group("y"), int(m.group("m")), int(m.group("d")))
        if resolved and c.plausible(resolved[0], m.group("y"), span):
            c.add("date", resolved[0], None, resolved[1], span)


def _fuzzy_dates(c: _Collector) -> None:
    for m, span in c.near_digits(DATE_FUZZY_MONTH):
        if not c.free(span) or _month_number(m.group("m")):
            continue
        month = _fuzzy_month(m.group("m"))
        if month is None:
            continue
        resolved = c.resolve_year(m.group("y"), month, int(m.group("d")))
        if resolved and c.plausible(resolved[0], m.group("y"), span):
            c.add("date", resolved[0], None, resolved[1], span)


def _relative_days(c: _Collector) -> None:
    """Relative words not followed by an explicit date become dates from the reference."""
    if c.reference is None or not any(a in c.scan for a in _RELATIVE_ANCHORS):
        return
    for m in _RELATIVE.finditer(c.scan):
        if not c.free(m.span()):
            continue
        after = c.scan[m.end() : m.end() + 8]
        if re.match(r"\s*\(?\s*(?:วัน\S*\s*)?\d", after):
            continue  # "วันนี้ (19 ม.ค.66)": the explicit date carries it
        if re.match(r"\s*(?:เวลา|\d|ที่)", after) is None and not re.match(r"\s", after):
            continue  # "วันนี้เป็น…" in running prose is not a date reference
        offset = RELATIVE_DAYS[m.group(0)]
        day = c.reference + timedelta(days=offset)
        c.mentions.append(
            DateMention(
                m.group(0),
                "relative",
                day,
                None,
                "relative",
                m.span(),
                m.group(0),
                _CUE_WEIGHT.get(m.group(0), 4),
            )
        )
        c.taken.append(m.span())


def find_times(text: str) -> list[TimeMention]:
    """Every clock time (`09.30 น.`, `เวลา 14.00`, `06.00-18.00 น.`) in text order."""
    found = []
    for m, span in digit_stretches(scan_view(text), DIGIT_REACH).finditer(TIME):
        h, mi = (m.group("h"), m.group("mi")) if m.group("h") else (m.group("hb"), m.group("mib"))
        if int(h) > 23:
            continue
        end = None
        if m.group("h2") and int(m.group("h2")) <= 23:
            end = f"{int(m.group('h2')):02d}:{m.group('mi2')}"
        found.append(TimeMention(text[span[0] : span[1]], f"{int(h):02d}:{mi}", end, span))
    return found


def parse_date_text(text: str, reference: date | None = None) -> date | None:
    """The first date in a short text such as a page's date line, or None."""
    mentions, _ = find_dates(text, reference)
    for m in mentions:
        if m.kind in ("date", "date_range"):
            return m.start
    return None
