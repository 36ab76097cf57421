"""The passes that try a pattern only where `str.find` finds what its matches open with
(`extract.text.matches_at`, `openings`), and the province-name pass that tries its pattern
only where a head or a name starts, find what a plain `finditer` finds."""

import re

from hypothesis import example, given
from hypothesis import strategies as st

from extract import geo, people, programs, province
from extract.text import alternation, matches_at, openings

WORDS = st.lists(st.text("abXนา", min_size=1, max_size=4), min_size=1, max_size=6)
TEXT = st.text("abcนา X\n", max_size=40)
PLACE_TOKENS = ["อำเภอ", "อ.", "เขต", "ตำบล", "แขวง", "อัมพวา", "บางแค", "เมือง", " ", "x",
                "ก", "\n", "จังหวัด", "ตรวจเยี่ยม", "ลงพื้นที่", "เดินทางไป", "โครงการ", "แผน",
                "แผนงาน", "ยุทธศาสตร์", "พระ", "สมเด็จพระ", "ครู", "“", "น่าน", "ตาก", "จ.",
                "กรุงเทพฯ", "ตากอากาศ", "ราชภัฏ"]  # fmt: skip
PLACE_TEXT = st.lists(st.sampled_from(PLACE_TOKENS), max_size=14).map("".join)


def _matches(found: object) -> list[tuple[tuple[int, int], dict]]:  # type: ignore[type-arg]
    return [(m.span(), m.groupdict()) for m in found]  # type: ignore[attr-defined]


@given(WORDS)
def test_every_word_opens_with_an_opening(words: list[str]) -> None:
    assert all(w.startswith(openings(words)) for w in words)


@given(WORDS, TEXT)
@example(["ab", "abX"], "abXab ab")
def test_matches_at_finds_what_finditer_finds(words: list[str], text: str) -> None:
    pattern = re.compile(rf"(?:{alternation(words)})(?P<rest>[a ]?)")
    assert _matches(matches_at(pattern, text, openings(words))) == _matches(pattern.finditer(text))


@given(PLACE_TEXT)
@example("จ. น่าน ตาก")
def test_lexicon_passes_find_what_finditer_finds(text: str) -> None:
    for pattern, opening in (
        (programs._HEAD, programs._HEAD_OPENINGS),
        (province._TRAVEL, province._TRAVEL_OPENINGS),
        (people.MONASTIC, people._MONASTIC_OPENINGS),
        *((geo._place_pattern(k), geo._place_openings(k)) for k in ("district", "subdistrict")),
    ):
        assert _matches(matches_at(pattern, text, opening)) == _matches(pattern.finditer(text))


@given(PLACE_TEXT)
@example(" น่าน")
def test_province_names_found_as_finditer_finds_them(text: str) -> None:
    """The same names, heads and ends; a bare name's match opens at the name, not at the
    white space before it."""
    plain = [(m.group("head"), m.group("name"), m.start("name"), m.end())
             for m in geo._name_pattern().finditer(text)]  # fmt: skip
    fast = [(m.group("head"), m.group("name"), m.start("name"), m.end())
            for m in geo._name_matches(text)]  # fmt: skip
    assert fast == plain
