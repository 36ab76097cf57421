"""The province the event took place in, with the stage that found it and its evidence.

Cascade, first found wins; the stage's name goes in the record's `province.source`:

1. `venue`: the principal venue names its province, a district of one, or a landmark;
2. `dateline`: the story opens `สมุทรปราการ - วันนี้…`;
3. `lead`: a trip or visit there, `ลงพื้นที่จังหวัดน่าน`;
4. `official`: a governing position, `ผู้ว่าราชการจังหวัดX`, `รองผู้ว่าราชการจังหวัดX`,
   `ผวจ.X`, `ปลัดจังหวัดX`, `นายอำเภอX` (the district's province): the chair's, else the
   first in the text;
5. `body`: a provincial body, `สำนักงาน…จังหวัดX`, `ศาลากลางจังหวัดX`, `อบจ.X`, `สสจ.X`,
   `เทศบาลนครX`: the province named so most often, the first on a tie;
6. `district`: a district or subdistrict the text names (`อำเภออัมพวา`), by the gazetteer;
7. `title`: the headline names one province (itself, an office's or a district's);
8. `site`: the page's host is named after its province (`nongkhai.prd.go.th`).

Evidence is the words the province was read from; its span indexes the body, and is None
when they stand in the headline or the host.
"""

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from extract.geo import Province, find_places, find_provinces, province_by_code
from extract.lexicon import (
    GOVERNING_POSITIONS,
    PROVINCE_HEADS,
    PROVINCIAL_BODY_ABBREVIATIONS,
    PROVINCIAL_BODY_HEADS,
    TRAVEL_CUES,
    TRAVEL_REACH,
)
from extract.people import Official
from extract.text import alternation, matches_at, openings, scan_view, starts_with_any
from extract.venues import Venue

_DATELINE = re.compile(r"^(?P<place>\S+)\s*[-–]\s+(?:วันนี้|เมื่อ|วันที่)", re.M)
_TRAVEL = re.compile(rf"(?:{alternation(TRAVEL_CUES)})(?P<place>[^\n]{{0,{TRAVEL_REACH}}})")
_TRAVEL_OPENINGS = openings(TRAVEL_CUES)
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
# A provincial body's abbreviation written just before the province name it carries.
_BODY_ABBREVIATION = re.compile(rf"(?:{alternation(PROVINCIAL_BODY_ABBREVIATIONS)})\s?$")


@dataclass(frozen=True)
class Found:
    province: Province
    source: str
    evidence: str
    span: tuple[int, int] | None


def find_province(
    body: str,
    title: str,
    venues: list[Venue],
    officials: list[Official],
    site_hint: str | None,
    url: str | None = None,
) -> Found | None:
    """The event's province by the cascade above, or None. `site_hint` is the province code
    the page's site stands for (its host, `url`, is the evidence)."""
    scan = scan_view(body)
    site = _from_site(site_hint, url)
    for found in _stages(scan, body, scan_view(title), venues, officials, site):
        if found is not None:
            return found
    return None


def _stages(
    scan: str,
    body: str,
    title: str,
    venues: list[Venue],
    officials: list[Official],
    site: Found | None,
) -> Iterator[Found | None]:
    """Each stage in order, computed only when the ones before found nothing."""
    yield _from_venue(venues)
    yield _from_dateline(scan, body)
    yield _from_travel(scan, body)
    yield _from_officials(officials)
    yield _from_bodies(scan, body)
    yield _from_places(scan, body)
    yield _from_title(title)
    yield site


def _from_venue(venues: list[Venue]) -> Found | None:
    if not venues:
        return None
    v = venues[0]
    p = province_by_code(v.province_code) if v.province_code else None
    if p is None:
        places = find_places(scan_view(v.text), "district")
        p = places[0].province if places else None
    return Found(p, "venue", v.text, None if v.in_title else v.span) if p else None


def _from_dateline(scan: str, body: str) -> Found | None:
    m = _dateline(scan)
    found = find_provinces(m.group("place")) if m else []
    if m is None or not found:
        return None
    return Found(found[0].province, "dateline", body[m.start() : m.end()], m.span())


def _dateline(scan: str) -> re.Match[str] | None:
    """The first dateline, tried at each line's start: a search would try every character."""
    start = 0
    while start >= 0:
        m = _DATELINE.match(scan, start)
        if m:
            return m
        start = scan.find("\n", start) + 1 or -1
    return None


def _from_travel(scan: str, body: str) -> Found | None:
    for m in matches_at(_TRAVEL, scan, _TRAVEL_OPENINGS):
        marked = [x for x in find_provinces(m.group("place")) if x.marked]
        if marked:
            end = m.start("place") + marked[0].span[1]
            return Found(marked[0].province, "lead", body[m.start() : end], (m.start(), end))
    return None


def _from_officials(officials: list[Official]) -> Found | None:
    ranked = sorted(officials, key=lambda o: o.role != "chair")  # stable: text order kept
    for o in ranked:
        if not o.position or not starts_with_any(o.position, GOVERNING_POSITIONS):
            continue
        p = _position_province(o.position)
        if p:
            return Found(p, "official", o.position, _position_span(o))
    return None


def _position_span(o: Official) -> tuple[int, int]:
    """Where the official's position is written: the mention's tail."""
    return (o.span[1] - len(o.position or ""), o.span[1]) if o.position else o.span


def _position_province(position: str) -> Province | None:
    scan = scan_view(position)
    named = find_provinces(scan)
    if named:
        return named[0].province
    places = find_places(scan, "district")
    return places[0].province if places else None


def _from_bodies(scan: str, body: str) -> Found | None:
    """Provinces the body names as a provincial body's: an office written against
    จังหวัดX (`สำนักงานสาธารณสุขจังหวัดตรัง`, `ศาลากลางจังหวัดตรัง`) or an abbreviation
    (`อบจ.ตรัง`, `เทศบาลนครตรัง`). A bare `จังหวัดX` is only named, as national news names
    provinces in passing."""
    mentions = []
    for m in find_provinces(scan):
        start = m.span[0]
        abbreviation = _BODY_ABBREVIATION.search(scan, max(0, start - 12), start)
        glued = start > 0 and _THAI_LETTER.match(scan, start - 1) is not None
        if abbreviation:
            mentions.append((m.province, abbreviation.start(), m.span[1]))
        elif glued and scan.startswith(PROVINCE_HEADS, start):
            word_start = max(scan.rfind(" ", 0, start), scan.rfind("\n", 0, start)) + 1
            if starts_with_any(scan, PROVINCIAL_BODY_HEADS, word_start):
                mentions.append((m.province, word_start, m.span[1]))
    if not mentions:
        return None
    counts = Counter(p for p, _, _ in mentions)
    best = max(counts.values())
    p, start, end = next(x for x in mentions if counts[x[0]] == best)
    return Found(p, "body", body[start:end], (start, end))


def _from_places(scan: str, body: str) -> Found | None:
    for kind in ("district", "subdistrict"):
        places = find_places(scan, kind)
        if places:
            m = places[0]
            return Found(m.province, "district", body[m.span[0] : m.span[1]], m.span)
    return None


def _from_title(title: str) -> Found | None:
    named = {m.province for m in find_provinces(title)}
    named |= {m.province for m in find_places(title, "district")}
    if len(named) == 1:
        return Found(named.pop(), "title", title, None)
    return None


def _from_site(site_hint: str | None, url: str | None) -> Found | None:
    p = province_by_code(site_hint) if site_hint else None
    host = (urlsplit(url).hostname or url) if url else None
    return Found(p, "site", host or p.code, None) if p else None
