"""The Thai gazetteer (from the `geothai` package, which ships its data): provinces and
districts by name, and ISO 3166-2:TH codes (the DOPA code behind `TH-`)."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import geothai

from extract.lexicon import (
    ADMIN_NAME_FOLLOWERS,
    BANGKOK_FORMS,
    DISTRICT_HEADS,
    LANDMARK_PROVINCES,
    PLACE_NAMES_NOT_READ,
    PROVINCE_HEADS,
    SUBDISTRICT_HEADS_IN_FULL,
)
from extract.text import alternation, matches_at, openings

BANGKOK_CODE = "10"
# Shorter place names are common words too (ตำบลและ): never read from text.
MIN_PLACE_NAME_CHARS = 3


@dataclass(frozen=True)
class Province:
    code: str  # ISO 3166-2:TH, e.g. "TH-43"
    name_th: str
    name_en: str


@cache
def _by_code() -> dict[str, Province]:
    return {p.code: Province(f"TH-{p.code}", p.name_th, p.name_en) for p in geothai.provinces()}


@cache
def _by_thai_name() -> dict[str, Province]:
    names = {p.name_th: p for p in _by_code().values()}
    for form in BANGKOK_FORMS:
        names[form] = _by_code()[BANGKOK_CODE]
    return names


@cache
def _name_pattern() -> re.Pattern[str]:
    """Any province name, longest first; with its optional จังหวัด / จ. in front."""
    return re.compile(
        rf"(?P<head>{alternation(PROVINCE_HEADS)})?\s?(?P<name>{alternation(_by_thai_name())})"
    )


@cache
def _name_starts() -> re.Pattern[str]:
    """Any head or province name: where `_name_pattern` can match. Its optional head keeps
    Python's regex engine from skipping in C to where a match can start, so it is tried only
    where this pattern, which opens with a literal, finds one (three times as fast)."""
    return re.compile(alternation([*PROVINCE_HEADS, *_by_thai_name()]))


def _name_matches(text: str) -> Iterator[re.Match[str]]:
    """`_name_pattern().finditer(text)`, but for a match that opens with the white space
    before a bare name, which opens at the name here (no name opens with a head)."""
    pattern, starts = _name_pattern(), _name_starts()
    pos = 0
    while (start := starts.search(text, pos)) is not None:
        m = pattern.match(text, start.start())
        if m is None:
            pos = start.start() + 1
            continue
        yield m
        pos = m.end()


@cache
def _landmarks() -> tuple[tuple[re.Pattern[str], Province], ...]:
    return tuple((re.compile(rx), _by_code()[code]) for rx, code in LANDMARK_PROVINCES)


def province_by_code(code: str) -> Province | None:
    """'TH-43' or '43' -> the province."""
    return _by_code().get(code.removeprefix("TH-"))


def province_by_name(name: str) -> Province | None:
    """A Thai province name, with or without จังหวัด / จ., or a form of Bangkok's."""
    name = name.strip()
    for head in PROVINCE_HEADS:
        if name.startswith(head):
            name = name[len(head) :].strip()
    return _by_thai_name().get(name)


def province_by_english(name: str) -> Province | None:
    """'Nong Khai', 'nongkhai' or 'NONG-KHAI' -> the province."""
    return _by_english_key().get(_english_key(name))


@cache
def _by_english_key() -> dict[str, Province]:
    return {_english_key(p.name_en): p for p in _by_code().values()}


def _english_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


@dataclass(frozen=True)
class ProvinceMention:
    province: Province
    span: tuple[int, int]
    marked: bool  # written with จังหวัด / จ. or as a Bangkok form


def find_provinces(text: str) -> list[ProvinceMention]:
    """Province names in text. A bare name counts only where it is a word of its own or
    follows a place word, so 'ตาก' inside another word is not Tak."""
    out = []
    for m in _name_matches(text):
        name = m.group("name")
        head = m.group("head")
        if head and head.endswith(".") and m.start() and _is_thai_letter(text[m.start() - 1]):
            head = None  # the จ. of อบจ.: an abbreviation's tail, not a province's head
        marked = bool(head) or name in BANGKOK_FORMS
        end = m.end()
        if not marked and not _word_bounded(text, m.start("name"), end):
            continue
        start = m.start() if head else m.start("name")
        out.append(ProvinceMention(_by_thai_name()[name], (start, end), marked))
    return out


def _word_bounded(text: str, start: int, end: int) -> bool:
    """Whether a bare name stands alone: white space or punctuation on both sides, or after
    a place word glued to it (ราชภัฏภูเก็ต, ศาลากลางลำปาง, เทศบาลนครตรัง)."""
    before_ok = (
        start == 0
        or not _is_thai_letter(text[start - 1])
        or text[max(0, start - 8) : start].endswith(("ราชภัฏ", "ศาลากลาง", "ที่", "เมือง", "นคร"))
    )
    after_ok = end >= len(text) or not _is_thai_letter(text[end])
    return before_ok and after_ok


def _is_thai_letter(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e4e" and ch not in "ฯๆ"


def landmark_province(text: str) -> Province | None:
    """A province known from a landmark the text names (ทำเนียบรัฐบาล -> Bangkok)."""
    for rx, province in _landmarks():
        if rx.search(text):
            return province
    return None


@dataclass(frozen=True)
class PlaceMention:
    """A district or subdistrict named with its head (`อำเภออัมพวา`, `ต.บางแค`)."""

    kind: str  # district | subdistrict
    name: str
    province: Province
    span: tuple[int, int]


@cache
def _unique_places() -> dict[str, dict[str, str]]:
    """kind -> Thai name -> province code, for the names only one province has."""
    seen: dict[str, dict[str, set[str]]] = {"district": {}, "subdistrict": {}}
    for p in geothai.provinces():
        for d in geothai.districts(p.code):
            name = d.name_th.removeprefix("เขต") if p.code == BANGKOK_CODE else d.name_th
            seen["district"].setdefault(name, set()).add(p.code)
            for sub in geothai.subdistricts(d.code):
                seen["subdistrict"].setdefault(sub.name_th, set()).add(p.code)
    return {
        kind: {
            name: codes.pop()
            for name, codes in names.items()
            if len(codes) == 1
            and len(name) >= MIN_PLACE_NAME_CHARS
            and name not in PLACE_NAMES_NOT_READ
        }
        for kind, names in seen.items()
    }


def _place_heads(kind: str) -> tuple[str, ...]:
    # A subdistrict's name, shorter and more often a common word, only after its head in full.
    return DISTRICT_HEADS if kind == "district" else SUBDISTRICT_HEADS_IN_FULL


@cache
def _place_pattern(kind: str) -> re.Pattern[str]:
    heads = _place_heads(kind)
    return re.compile(
        rf"(?:{alternation(heads)})\s?(?P<name>{alternation(_unique_places()[kind])})"
        rf"(?=[^\u0e01-\u0e4e]|$|{alternation(ADMIN_NAME_FOLLOWERS)})"
    )


def find_places(text: str, kind: str) -> list[PlaceMention]:
    """Districts (or subdistricts) named in text whose name points at one province only."""
    names = _unique_places()[kind]
    return [
        PlaceMention(kind, m.group("name"), _by_code()[names[m.group("name")]], m.span())
        for m in matches_at(_place_pattern(kind), text, _place_openings(kind))
    ]


@cache
def _place_openings(kind: str) -> tuple[str, ...]:
    return openings(_place_heads(kind))
