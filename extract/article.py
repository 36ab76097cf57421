"""A page in, a record out: the extractors run over the page's clean body."""

import re
from datetime import date

from extract import EXTRACTOR_VERSION
from extract.event import Event, find_event, time_near
from extract.geo import Province, find_provinces, province_by_code
from extract.lexicon import TRAVEL_CUES, TRAVEL_REACH
from extract.networks import find_networks
from extract.organizations import find_organizations
from extract.pages import Page, parse_page, parse_text
from extract.people import find_officials
from extract.programs import find_programs, phase_conflicts
from extract.record import (
    DateRecord,
    EventRecord,
    ProvinceRecord,
    Published,
    Record,
)
from extract.text import alternation, scan_view
from extract.thaidate import DateMention, TimeMention, find_dates, find_times
from extract.venues import Venue, find_venues

_DATELINE = re.compile(r"^(?P<place>\S+)\s*[-–]\s+(?:วันนี้|เมื่อ|วันที่)", re.M)
_TRAVEL = re.compile(rf"(?:{alternation(TRAVEL_CUES)})(?P<place>[^\n]{{0,{TRAVEL_REACH}}})")


def extract_text(
    text: str,
    source: str | None = None,
    url: str | None = None,
    published: date | None = None,
) -> Record:
    """Plain text as scraped (title line first) -> record."""
    return extract_page(parse_text(text, url), source, published)


def extract_html(
    html: str,
    url: str | None = None,
    source: str | None = None,
    published: date | None = None,
) -> Record:
    """An HTML page of any template -> record."""
    return extract_page(parse_page(html, url), source, published)


def extract_page(page: Page, source: str | None = None, published: date | None = None) -> Record:
    """The extractors over one parsed page. `published` overrides the page's own date."""
    pub = _published(page, published)
    body, title = page.body, page.title or ""
    warnings = list(page.warnings)
    dates, implausible = find_dates(body, pub.date)
    times = find_times(body)
    event = find_event(body, dates, times, pub.date, title)
    officials = find_officials(body, title)
    venues = _principal_first(find_venues(body, [o.span for o in officials]), event)
    networks, stated = find_networks(body)
    programs = find_programs(body)
    organizations = find_organizations(body, [o.span for o in officials])
    province = _province(body, title, venues, page.province_hint)

    for y in implausible:
        warnings.append(f"implausible year {y.year} in '{y.raw}'")
    for name, phases in phase_conflicts(programs).items():
        listed = " and ".join(f"phase {p}" for p in phases)
        warnings.append(f"{name} is cited as {listed}")
    if stated is not None and stated != len(networks):
        warnings.append(f"stated network count {stated} differs from the {len(networks)} listed")
    if event.date and pub.date and event.date > pub.date:
        warnings.append(f"event date {event.date} is after the publication date {pub.date}")
    if event.year_corrected:
        warnings.append(f"event year corrected to the page's year in '{event.date_raw}'")

    return Record(
        source=source,
        url=page.url,
        template=page.template,
        title=page.title,
        body=body,
        published=pub,
        event=EventRecord(
            event.date, event.time, event.end_date, event.end_time, event.date_raw, event.type
        ),
        province=province,
        dates=[_date_record(m, times, body) for m in dates],
        officials=officials,
        venues=venues,
        networks=networks,
        networks_stated_count=stated,
        organizations=organizations,
        programs=programs,
        credits=page.credits,
        images=page.images,
        warnings=warnings,
        extractor_version=EXTRACTOR_VERSION,
    )


def _published(page: Page, override: date | None) -> Published:
    if override:
        return Published(override.isoformat(), override, None, "argument")
    return Published(
        page.published_raw, page.published_date, page.published_datetime, page.published_source
    )


def _principal_first(venues: list[Venue], event: Event) -> list[Venue]:
    """The venue of the lead's event first: the first after the event date on its line."""
    if not event.span or not venues:
        return venues
    for i, v in enumerate(venues):
        if v.span[0] >= event.span[0]:
            return [v, *venues[:i], *venues[i + 1 :]]
    return venues


def _province(body: str, title: str, venues: list[Venue], hint: str | None) -> ProvinceRecord:
    """The event's province, first found of: (1) its venue's; (2) a dateline
    `สมุทรปราการ - วันนี้…`; (3) a trip or visit `ลงพื้นที่จังหวัดน่าน`; (4) the title,
    when it names one province only; (5) the site's own province."""
    scan = scan_view(body)
    p: Province | None = None
    source = None
    if venues and venues[0].province_code:
        p, source = province_by_code(venues[0].province_code), "venue"
    if p is None:
        m = _dateline(scan)
        found = find_provinces(m.group("place")) if m else []
        p, source = (found[0].province, "dateline") if found else (None, None)
    if p is None:
        for m in _TRAVEL.finditer(scan):
            marked = [x for x in find_provinces(m.group("place")) if x.marked]
            if marked:
                p, source = marked[0].province, "lead"
                break
    if p is None:
        in_title = {x.province for x in find_provinces(scan_view(title))}
        if len(in_title) == 1:
            p, source = in_title.pop(), "title"
    if p is None and hint:
        p, source = province_by_code(hint), "site"
    if p is None:
        return ProvinceRecord(None, None, None, None)
    return ProvinceRecord(p.code, p.name_th, p.name_en, source)


def _dateline(scan: str) -> re.Match[str] | None:
    """The first dateline, tried at each line's start: a search would try every character."""
    start = 0
    while start >= 0:
        m = _DATELINE.match(scan, start)
        if m:
            return m
        start = scan.find("\n", start) + 1 or -1
    return None


def _date_record(m: DateMention, times: list[TimeMention], body: str) -> DateRecord:
    t = time_near(m, times, body) if m.kind in ("date", "date_range", "relative") else None
    return DateRecord(m.raw, m.kind, m.start, m.end, t.time if t else None, m.calendar, m.span)


__all__ = ["Record", "extract_html", "extract_page", "extract_text"]
