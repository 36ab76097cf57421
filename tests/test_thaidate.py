from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import thaidate
from extract.lexicon import MONTHS
from extract.text import DigitStretches, scan_view
from extract.thaidate import find_dates, find_times

REF = date(2023, 1, 20)


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "calendar"),
    [
        ("วันนี้ (19 ม.ค.66) เวลา 09.30 น.", "date", "2023-01-19", None, "BE"),
        ("วันที่ 9 พฤศจิกายน 2564", "date", "2021-11-09", None, "BE"),
        ("วันพฤหัสบดีที่ ๓๐ มกราคม ๒๕๖๘", "date", "2025-01-30", None, "BE"),
        ("วันที่18กย.62:09.30น.", "date", "2019-09-18", None, "BE"),
        ("ประชุมวันที่ 04-11-57", "date", "2014-11-04", None, "BE"),
        ("(24 ก.พ. 64)", "date", "2021-02-24", None, "BE"),
        ("02 เมษายน 2015", "date", "2015-04-02", None, "CE"),
        ("(27 พ.ค.)", "date", "2023-05-27", None, "inferred"),
        ("(3 ธ.ค.)", "date", "2022-12-03", None, "inferred"),
        ("ระหว่างวันที่ 2 - 4 ก.พ.", "date_range", "2023-02-02", "2023-02-04", "inferred"),
        ("30 ม.ค. - 2 ก.พ. 2566", "date_range", "2023-01-30", "2023-02-02", "BE"),
        ("ปีงบประมาณ 2566", "fiscal_year", "2022-10-01", "2023-09-30", "BE"),
        ("ปีงบประมาณ ๒๕๖๐ – ๒๕๖๔", "fiscal_year", "2016-10-01", "2021-09-30", "BE"),
        ("พ.ศ.2566-2570", "year_range", "2023-01-01", "2027-12-31", "BE"),
        ("6 มิถุนาบน 2563", "date", "2020-06-06", None, "BE"),
        ("วันนี้ (3 สิงหาคม 2560 2560)", "date", "2017-08-03", None, "BE"),
        ("วานนี้ เวลา 10.00 น.", "relative", "2023-01-19", None, "relative"),
        ("เมื่อวานนี้ (4 พ.ย. 65)", "date", "2022-11-04", None, "BE"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) > 10 else None,
)
def test_date_forms(text: str, kind: str, start: str, end: str | None, calendar: str) -> None:
    mentions, _ = find_dates(text, REF)
    m = mentions[0]
    assert (m.kind, m.start.isoformat(), m.end.isoformat() if m.end else None, m.calendar) == (
        kind,
        start,
        end,
        calendar,
    )
    assert text[m.span[0] : m.span[1]] == m.raw


def test_cue_words_are_recorded() -> None:
    mentions, _ = find_dates("เมื่อวันที่ 9 พฤศจิกายน 2564 และวันนี้ (19 ม.ค.66)", REF)
    assert [(m.cue, m.cue_weight > 0) for m in mentions] == [("เมื่อวันที่", True), ("วันนี้", True)]


def test_implausible_year_is_reported_not_dated() -> None:
    mentions, implausible = find_dates("วันที่ 2 มีนาคม 2663", date(2020, 3, 2))
    assert mentions == []
    assert [(y.year, y.raw) for y in implausible] == [(2663, "2 มีนาคม 2663")]


def test_numbers_that_are_not_dates() -> None:
    mentions, _ = find_dates("ครั้งที่ 2/2561 อายุ 61 ปี 76 จังหวัด เวอร์ชัน 4.0", REF)
    assert mentions == []


def test_yearless_date_needs_a_reference() -> None:
    assert find_dates("(27 พ.ค.)")[0] == []


@pytest.mark.parametrize(
    ("text", "time", "end"),
    [
        ("เวลา 09.30 น.", "09:30", None),
        ("10.00น.", "10:00", None),
        ("12:30 น.", "12:30", None),
        ("เวลาประมาณ 11.00 น.", "11:00", None),
        ("06.00-18.00 น.", "06:00", "18:00"),
        ("เวลา ๐๙.๐๐ น.", "09:00", None),
        ("เวลา14.00 น.", "14:00", None),
        ("เมื่อเวลา 16.00 น (วันที่", "16:00", None),
    ],
)
def test_times(text: str, time: str, end: str | None) -> None:
    assert [(t.time, t.end_time) for t in find_times(text)] == [(time, end)]


def test_not_times() -> None:
    assert find_times("ราคา 25.50 บาท ไทยแลนด์ 4.0") == []


# --- searching near digits ---------------------------------------------------------------

NEAR_DIGIT_PATTERNS = (
    thaidate.FISCAL_YEAR,
    thaidate.YEAR_RANGE,
    thaidate.DATE_RANGE_CROSS_MONTH,
    thaidate.DATE_RANGE_DAYS,
    thaidate.DATE_SINGLE,
    thaidate.DATE_NUMERIC,
    thaidate.DATE_FUZZY_MONTH,
    thaidate.TIME,
)
DATE_WORDS = (
    *(m[1] for m in MONTHS),
    *(a for m in MONTHS for a in (*m[2], *m[3])),
    *"0123456789๐๑๒๓๔๕๖๗๘๙",
    "19",
    "2566",
    "66",
    "ปีงบประมาณ",
    "ประจำปีงบ",
    "ปีงบฯ",
    "พ.ศ.",
    "พ. ศ.",
    "ค.ศ.",
    "ปี",
    "ถึงวันที่",
    "ถึง",
    "เวลา",
    "ประมาณ",
    "น.",
    "นาฬิกา",
    "มิถุนาบน",
    "วันที่",
    "ประชุม",
    ".",
    ":",
    "/",
    "-",
    "–",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
)
# Phrases as long as the patterns reach, with their spaces as any run of white space.
LONGEST_PHRASES = (
    "ประจำปีงบประมาณ พ.ศ. 2566 - 2567",
    "ปีงบ ฯ 66",
    "พ. ศ. 2566 - พ. ศ. 2570",
    "ปี 2566 – 2570",
    "1 พฤศจิกายน พ. ศ. 2566 ถึงวันที่ 3 ธันวาคม พ. ศ. 2567",
    "30 ม. ค. - 2 ก. พ.",
    "2 ถึง 4 พฤศจิกายน",
    "12 กันยายน",
    "04-11-57",
    "6 มิถุนาบน พ.ศ. 2563",
    "เวลา ประมาณ 09 . 30 - 12.00 นาฬิกา",
    "เวลา ประมาณ 14:00",
)
SPACE_RUNS = (" ", "", "  ", "\n\n", "   ", "\t \u3000", "\n \n \n", " " * 45)
phrase = st.builds(
    str.replace, st.sampled_from(LONGEST_PHRASES), st.just(" "), st.sampled_from(SPACE_RUNS)
)
date_text = st.lists(
    st.one_of(phrase, st.sampled_from(DATE_WORDS), st.text(max_size=3)), max_size=150
).map("".join)


@settings(max_examples=400, deadline=None)
@given(date_text)
def test_searching_near_digits_finds_what_searching_the_whole_text_finds(text: str) -> None:
    scan = scan_view(text)
    stretches = DigitStretches(scan, thaidate.DIGIT_REACH)
    for pattern in NEAR_DIGIT_PATTERNS:
        whole = [(m.span(), m.groupdict()) for m in pattern.finditer(scan)]
        near = [(span, m.groupdict()) for m, span in stretches.finditer(pattern)]
        assert near == whole, pattern.pattern[:60]


def test_text_near_digits_is_a_fraction_of_a_long_body() -> None:
    """What makes it worth it: prose far from any number is left out."""
    prose = "คณะกรรมการได้ร่วมกันพิจารณาแนวทางการพัฒนาพื้นที่อย่างต่อเนื่อง " * 20
    body = f"วันนี้ (19 ม.ค.66) เวลา 09.30 น. {prose} ปีงบประมาณ 2566 {prose}"
    stretches = DigitStretches(body, thaidate.DIGIT_REACH)
    assert len(stretches.text) < len(body) / 5
    spans = [span for _, span in stretches.finditer(thaidate.FISCAL_YEAR)]
    assert [body[a:b] for a, b in spans] == ["ปีงบประมาณ 2566"]
