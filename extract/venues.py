"""Venues: the place after ณ (or a place-introducing ที่), split into its parts.

`ณ ห้องประชุม NK1407 ชั้น 4 อาคารบริหาร มหาวิทยาลัยขอนแก่น วิทยาเขตหนองคาย จังหวัดหนองคาย`
-> room NK1407, floor 4, building อาคารบริหาร, place มหาวิทยาลัยขอนแก่น วิทยาเขตหนองคาย,
province หนองคาย. A ณ inside a person's name (`ณ สกลนคร`) is skipped by the caller
passing the officials' spans.
"""

import re
from dataclasses import dataclass, replace

from extract.geo import Province, find_provinces, landmark_province, province_by_name
from extract.lexicon import (
    ADDRESS_BANGKOK_FORMS,
    AND_WORD,
    BANGKOK_FORMS,
    BUILDING_HEADS,
    DISTRICT_HEADS,
    FLOOR_HEADS,
    NOT_VENUE_AFTER_NA,
    PROVINCE_HEADS,
    ROOM_HEADS,
    STREET_HEADS,
    SUBDISTRICT_HEADS,
    VENUE_CONTINUATIONS,
    VENUE_HEADS_AFTER_GLUED_THI,
    VENUE_HEADS_AFTER_THI,
    VENUE_STOPS,
)
from extract.people import HONORIFIC, names_a_place
from extract.text import alternation, fold_sara_am, scan_view, squash, starts_with_any
from extract.thaidate import TimeMention

MAX_VENUE_WORDS = 16
# How far before (after) a venue the time the text gives for it may stand, in characters.
VENUE_TIME_BEFORE = 120
VENUE_TIME_AFTER = 30
MAX_VENUE_CHARS = 220
# A stop word shorter than this ends a venue only when it is the whole word (มีนบุรี).
VENUE_STOP_PREFIX_MIN = 3
# Stops cut out of the middle of a word ("ทำเนียบรัฐบาลเพื่อ…").
_GLUED_STOPS = ("เพื่อ", "โดยมี", "โดย", "ภายหลัง", "ซึ่ง", "จำนวน")

# ณ or ที่ at the text's start or after white space or a bracket, written to open with the
# word itself (the regex engine then skips to it in C: four times faster).
_NA = re.compile(r"ณ(?<![^\s(]ณ)(?=\s|[ก-๛A-Za-z])")
_THI_VENUE = re.compile(
    rf"ที่(?<![^\s)]ที่)\s?(?={alternation(VENUE_HEADS_AFTER_THI)})"
    # glued to the word before, a sure place only, and not the ที่ of หน้าที่, พื้นที่
    rf"|ที่(?<!หน้าที่)(?<!พื้นที่)(?<!สถานที่)(?={alternation(VENUE_HEADS_AFTER_GLUED_THI)})"
)
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-/.]*$")
_NUMBER = re.compile(r"\(?\d+[A-Za-z]?\)?$")
_FLOOR_GLUED = re.compile(r"ชั้น\s?(?P<n>\d+)")
_VENUE_WORD = re.compile(r"\S+")
_CLOCK = re.compile(r"\d{1,2}[.:]\d{2}(?:น\.?)?$")


@dataclass(frozen=True)
class Venue:
    text: str
    room: str | None
    floor: str | None
    building: str | None
    place: str | None
    street: str | None
    subdistrict: str | None
    district: str | None
    province: str | None  # Thai name, without จังหวัด
    province_code: str | None  # ISO 3166-2:TH
    span: tuple[int, int]
    in_title: bool = False  # read from the headline (the body names no venue): span indexes it
    time: str | None = None  # the clock time the text gives for this place (HH:MM)


def with_times(venues: list[Venue], times: list[TimeMention], text: str) -> list[Venue]:
    """Each venue with the time the lead pairs it with: `เวลา 09.30 น. ณ A … เวลา 13.30 น.
    ณ B`, the nearest time before it on its line with no other venue between, else one
    right after it (`ณ A เวลา 13.30 น.`)."""
    starts = sorted(v.span[0] for v in venues)
    out = []
    for v in venues:
        a, b = v.span
        line_start = text.rfind("\n", 0, a) + 1
        line_end = text.find("\n", b)
        line_end = len(text) if line_end < 0 else line_end
        earlier = max((s for s in starts if s < a), default=-1)
        later = min((s for s in starts if s > a), default=len(text))
        before = [
            t for t in times if max(line_start, earlier, a - VENUE_TIME_BEFORE) <= t.span[0] < a
        ]
        after = [t for t in times if b <= t.span[0] <= min(b + VENUE_TIME_AFTER, line_end, later)]
        paired = before[-1] if before else (after[0] if after else None)
        out.append(replace(v, time=paired.time) if paired else v)
    return out


def find_venues(body: str, skip_spans: list[tuple[int, int]] = ()) -> list[Venue]:  # type: ignore[assignment]
    """Every venue phrase in `body`, in text order, one per distinct text."""
    scan = scan_view(body)
    starts = [m.end() for m in _NA.finditer(scan) if not _inside(m.start(), skip_spans)]
    starts += [m.end() for m in _THI_VENUE.finditer(scan) if not _inside(m.start(), skip_spans)]
    venues: list[Venue] = []
    covered_until = -1
    person_starts = sorted(a for a, _ in skip_spans)
    for start in sorted(starts):
        if start <= covered_until:
            continue
        stop_at = next((a for a in person_starts if a > start), None)
        span = _read_venue(scan, start, stop_at)
        if span is None:
            continue
        covered_until = span[1]
        text = squash(body[span[0] : span[1]])
        if text and all(v.text != text for v in venues):
            venues.append(_parse_parts(text, span))
    return venues


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= i < b for a, b in spans)


def _is_venue_stop(word: str) -> bool:
    if word.startswith(AND_WORD) and len(word) > len(AND_WORD):  # "และเวลา…", "และได้…"
        word = word[len(AND_WORD) :]
    if _CLOCK.match(word):  # a time: the next event's
        return True
    if word in VENUE_STOPS:
        return True
    prefix = starts_with_any(word, VENUE_STOPS)
    return prefix is not None and len(prefix) >= VENUE_STOP_PREFIX_MIN


def _read_venue(scan: str, start: int, stop_at: int | None = None) -> tuple[int, int] | None:
    """The venue phrase from `start`: up to a stop word, a person (`stop_at`), a new clause
    or the line's end; or, unless a place word goes on, just after the province that closes
    its address (`… จังหวัดตรัง`)."""
    i = start
    while i < len(scan) and scan[i] == " ":
        i += 1
    if starts_with_any(scan, NOT_VENUE_AFTER_NA, i) or i >= len(scan):
        return None
    limit = len(scan) if stop_at is None else stop_at
    begin, end = i, i
    closed = False  # the last word named the province: only a place word may follow it
    for count, m in enumerate(_VENUE_WORD.finditer(scan, i, limit)):
        s, e = m.span()
        word = m.group(0)
        crossed = "\n" in scan[end:s]
        if count and crossed and not _continues_venue(scan, end, word):
            break
        if closed and not _continues_venue(scan, end, word):
            break
        if (
            count
            and word != "ณ"
            and (
                _is_venue_stop(word)
                or (HONORIFIC.match(word) and not names_a_place(scan, s))
                or word.startswith(",")
            )
        ):
            break
        if count >= MAX_VENUE_WORDS or e - begin > MAX_VENUE_CHARS:
            break
        cut = min((j for j in (word.find(g, 2) for g in _GLUED_STOPS) if j > 0), default=None)
        if cut is not None:
            end = s + cut
            break
        end = e
        closed = closed if word.startswith("(") else _names_its_province(word)
    while end > begin and scan[end - 1] in ",;:":
        end -= 1
    return (begin, end) if end > begin else None


def _continues_venue(scan: str, end: int, word: str) -> bool:
    """Whether `word` goes on with the place before it: a place word (อาคาร, ชั้น, อำเภอ…),
    a qualifier (`(หลังใหม่)`, `หลังเดิม`), `และ` + a place word; or, after a line break,
    the rest of a word the line cut (`อำ` / `เภอเมือง…`)."""
    word = fold_sara_am(word)
    if word.startswith("(") or starts_with_any(word, VENUE_CONTINUATIONS):
        return True
    if word.startswith(AND_WORD) and starts_with_any(word[len(AND_WORD) :], VENUE_CONTINUATIONS):
        return True
    last = scan[scan.rfind(" ", 0, end) + 1 : end].split("\n")[-1]
    return (
        bool(last)
        and starts_with_any(last + word, VENUE_CONTINUATIONS) is not None
        and (starts_with_any(last, VENUE_CONTINUATIONS) is None)
    )


def _names_its_province(word: str) -> bool:
    """`จังหวัดตรัง`, `จ.ตรัง`, `กรุงเทพฯ`: the province that ends an address (a place named
    for its province, `ศาลากลางจังหวัดตรัง`, `โรงแรมภูเก็ต…`, may go on)."""
    head = starts_with_any(word, PROVINCE_HEADS)
    if head is None:
        return word.rstrip(")") in ADDRESS_BANGKOK_FORMS
    return any(m.span == (0, len(word.rstrip(")"))) for m in find_provinces(word))


def _parse_parts(text: str, span: tuple[int, int]) -> Venue:
    parts: dict[str, list[str]] = {k: [] for k in ("room", "floor", "building", "place", "street")}
    admin: dict[str, str | None] = {"subdistrict": None, "district": None, "province": None}
    words = text.split(" ")
    current = "place"
    i = 0
    while i < len(words):
        word = words[i].strip("()")
        nxt = words[i + 1] if i + 1 < len(words) else ""
        floor = _FLOOR_GLUED.search(word)
        if words[i].startswith("(") and not floor and current != "place" and parts[current]:
            parts[current].append(words[i])  # "(หลังใน)", "(ตึกแดง)" qualify what precedes
            i += 1
            continue
        if word.endswith("ชั้น") and word != "ชั้น" and _NUMBER.match(nxt):  # "ห้องประชุมชั้น 2"
            parts["floor"].append(nxt.strip("()"))
            word = word[: -len("ชั้น")]
            if word not in ROOM_HEADS:
                parts["room" if word.startswith(ROOM_HEADS) else "place"].append(word)
            i += 2
            continue
        if word in FLOOR_HEADS and _NUMBER.match(nxt):
            parts["floor"].append(nxt.strip("()"))
            i += 2
            current = "place"
            continue
        if floor and not word.startswith(FLOOR_HEADS):  # "ห้องประชุมชั้น 5"
            parts["floor"].append(floor.group("n"))
            word = word[: word.find("ชั้น")]
        elif floor:
            parts["floor"].append(floor.group("n"))
            i += 1
            continue
        head_kind = _head_kind(word)
        if head_kind == "room":
            if word in ROOM_HEADS and nxt and _CODE.match(nxt.strip("()")):
                parts["room"].append(nxt.strip("()"))
                i += 2
                current = "place"
                continue
            if word not in ROOM_HEADS and word:
                parts["room"].append(word)
            current = "room"
        elif head_kind in admin:
            head = starts_with_any(word, _ADMIN_HEADS[head_kind]) or ""
            name = word[len(head) :] or nxt
            if not word[len(head) :]:
                i += 1
            admin[head_kind] = province_name(name) if head_kind == "province" else name
            current = "place"
        elif head_kind in ("building", "street"):
            parts[head_kind].append(word)
            current = head_kind
        elif word in BANGKOK_FORMS or province_by_name(word):
            admin["province"] = province_name(word)
        elif current in ("building", "room", "street") and _NUMBER.match(word):
            parts[current].append(word)
        elif word:
            parts["place"].append(words[i])
            current = "place"
        i += 1
    province = _venue_province(text, admin["province"])
    return Venue(
        text=text,
        room=" ".join(parts["room"]) or None,
        floor=parts["floor"][0] if parts["floor"] else None,
        building=" ".join(parts["building"]) or None,
        place=" ".join(parts["place"]) or None,
        street=" ".join(parts["street"]) or None,
        subdistrict=admin["subdistrict"],
        district=admin["district"],
        province=province.name_th if province else None,
        province_code=province.code if province else None,
        span=span,
    )


_ADMIN_HEADS = {
    "subdistrict": SUBDISTRICT_HEADS,
    "district": DISTRICT_HEADS,
    "province": PROVINCE_HEADS,
}


def _head_kind(word: str) -> str | None:
    if word.startswith(ROOM_HEADS):
        return "room"
    if word.startswith(BUILDING_HEADS):
        return "building"
    if word.startswith(STREET_HEADS):
        return "street"
    for kind, heads in _ADMIN_HEADS.items():
        head = starts_with_any(word, heads)
        if head and (len(word) > len(head) or head not in ("ต.", "อ.", "จ.")):
            if kind == "district" and head == "เขต" and not _looks_like_bangkok_district(word):
                return None
            return kind
    return None


def _looks_like_bangkok_district(word: str) -> bool:
    """เขต + a name is a Bangkok district; เขตตรวจราชการ, เขตพื้นที่ are not."""
    return not word.startswith(("เขตตรวจ", "เขตพื้นที่", "เขตพัฒนา", "เขตเศรษฐกิจ", "เขตการ"))


def province_name(text: str) -> str | None:
    p = province_by_name(text)
    return p.name_th if p else None


def _venue_province(text: str, named: str | None) -> Province | None:
    """The province a venue is in: the one it names (the last, preferring จังหวัด/จ. forms),
    else a landmark's (ทำเนียบรัฐบาล -> Bangkok)."""
    if named:
        return province_by_name(named)
    mentions = find_provinces(text)
    marked = [m for m in mentions if m.marked]
    chosen = (marked or mentions)[-1:] if mentions else []
    if chosen:
        return chosen[0].province
    return landmark_province(text)
