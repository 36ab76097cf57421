"""Regexes written for speed match what their plain forms match: the trie alternation with
a lead, and the patterns rewritten to open with what they match (so that Python's regex
engine skips to it in C). The passes skipped for speed skip nothing a pass would find: a
lexicon's anchors, and a dateline tried at line starts only."""

import re

from hypothesis import example, given
from hypothesis import strategies as st

from extract import province, thaidate, venues
from extract.text import alternation, anchors

WORDS = st.lists(st.text("abXนา", min_size=1, max_size=4), min_size=1, max_size=6)
TEXT = st.text("abcนา X\n", max_size=40)
DATE_TOKENS = ["1", "2", "3", "4", "0", "31", " ", ".", "/", ":", "-", "ม.ค.", "มกราคม", "ปีงบ",
               "ประจำ", "ประมาณ", "พ.ศ.", "ปี", "2566", "66", "x"]  # fmt: skip
DATE_TEXT = st.lists(st.sampled_from(DATE_TOKENS), max_size=14).map("".join)
VENUE_TOKENS = ["ณ", "ที่", " ", "(", ")", "\n", "x", "ก", "ห้องประชุม", "ศาลากลาง"]
VENUE_TEXT = st.lists(st.sampled_from(VENUE_TOKENS), max_size=12).map("".join)
DATELINE_TOKENS = ["หนองคาย", "x", " ", "  ", "\n", "-", "–", "วันนี้", "เมื่อ", "วันที่", "ก"]
DATELINE_TEXT = st.lists(st.sampled_from(DATELINE_TOKENS), max_size=12).map("".join)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:  # type: ignore[type-arg]
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@given(WORDS, TEXT)
@example(["Xa", "ab"], "Xab")  # the lead's branch first: 'Xab', not the word 'Xa'
def test_a_lead_is_tried_first_as_an_optional_group_would_be(words: list[str], text: str) -> None:
    plain = re.compile(rf"(?:X\s?)?(?:{alternation(words)})")
    assert _matches(re.compile(alternation(words, lead=r"X\s?")), text) == _matches(plain, text)


@given(DATE_TEXT)
def test_day_numbers_open_with_their_digit(text: str) -> None:
    day = r"(?=\d)(?<![\d.:/])(?P<{name}>[0-3]?\d)"
    plain = re.compile(day.format(name="d") + rf"\s*(?P<m>{thaidate._MONTH})")
    fast = re.compile(thaidate._DAY.format(name="d") + rf"\s*(?P<m>{thaidate._MONTH})")
    assert _matches(fast, text) == _matches(plain, text)


@given(DATE_TEXT)
def test_fiscal_and_year_ranges_match_as_with_a_lookahead(text: str) -> None:
    fiscal_pattern = thaidate.FISCAL_YEAR.pattern.replace("(?:ประจำปีงบ|ปีงบ)", "(?:ประจำ)?ปีงบ")
    assert fiscal_pattern != thaidate.FISCAL_YEAR.pattern
    fiscal = re.compile(r"(?=ป)" + fiscal_pattern)
    assert _matches(thaidate.FISCAL_YEAR, text) == _matches(fiscal, text)
    years = re.compile(r"(?=[พป])" + thaidate.YEAR_RANGE.pattern)
    assert _matches(thaidate.YEAR_RANGE, text) == _matches(years, text)


@given(VENUE_TEXT)
def test_na_and_thi_open_with_the_word(text: str) -> None:
    na = re.compile(r"(?=ณ)(?:(?<=[\s(])|^)ณ(?=\s|[ก-๛A-Za-z])")
    assert _matches(venues._NA, text) == _matches(na, text)
    thi_pattern = venues._THI_VENUE.pattern.replace("ที่(?<![^\\s)]ที่)", "(?:(?<=[\\s)])|^)ที่", 1)
    assert thi_pattern != venues._THI_VENUE.pattern
    assert _matches(venues._THI_VENUE, text) == _matches(re.compile(thi_pattern), text)


@given(WORDS, TEXT)
@example(["a", "ab", "Xab"], "Xb")  # 'ab' and 'Xab' hold 'a': only 'a' is tested
def test_a_text_holds_a_word_exactly_when_it_holds_an_anchor(words: list[str], text: str) -> None:
    found = anchors(words)
    assert set(found) <= set(words)
    assert any(w in text for w in words) == any(a in text for a in found)


@given(DATELINE_TEXT)
@example("x\nหนองคาย\n- วันนี้")  # the white space after the place may hold a line break
def test_a_dateline_is_found_at_line_starts_as_a_search_finds_it(text: str) -> None:
    searched, matched = province._DATELINE.search(text), province._dateline(text)
    assert (searched and searched.span()) == (matched and matched.span())
