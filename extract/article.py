"""A page in, a record out: the extractors run over the page's clean body."""

import re
from dataclasses import replace
from datetime import date

from extract import EXTRACTOR_VERSION
from extract.event import Event, find_event
from extract.geo import Province, find_provinces, province_by_code
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
from extract.text import scan_view
from extract.thaidate import DateMention, find_dates, find_times
from extract.venues import Venue, find_venues

_DATELINE = re.compile(r"^(?P<place>\S+)\s*[-–]\s+(?:วันนี้|เมื่อ|วันที่)", re.M)
_FIELD_VISIT = re.compile(r"ลงพื้นที่(?:ใน)?(?:เขต)?\s?(?P<place>(?:จังหวัด|จ\.)\s?\S+)")


def extract_text(
    text: str, source: str | None = None, url: str | None = None,
    published: date | None = None,
) -> Record:
    """Plain text as scraped (title line first) -> record."""
    return extract_page(parse_text(text, url), source, published)


def extract_html(
    html: str, url: str | None = None, source: str | None = None,
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
    province = _province(body, venues, event, page.province_hint)

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
        event=EventRecord(event.date, event.time, event.end_date, event.end_time,
                          event.date_raw, event.type),
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
    return Published(page.published_raw, page.published_date, page.published_datetime,
                     page.published_source)


def _principal_first(venues: list[Venue], event: Event) -> list[Venue]:
    """The venue of the lead's event first: the first after the event date on its line."""
    if not event.span or not venues:
        return venues
    for i, v in enumerate(venues):
        if v.span[0] >= event.span[0]:
            return [v, *venues[:i], *venues[i + 1 :]]
    return venues


def _province(body: str, venues: list[Venue], event: Event, hint: str | None) -> ProvinceRecord:
    """The event's province: (1) its venue's, (2) a dateline `สมุทรปราการ - วันนี้…`,
    (3) a field visit `ลงพื้นที่จังหวัด…` in the lead, (4) the site's own province."""
    found: tuple[Province | None, str] = (None, "")
    if venues and venues[0].province_code:
        found = (province_by_code(venues[0].province_code), "venue")
    if found[0] is None:
        lead = body[event.span[0] :] if event.span else body
        for rx, source in ((_DATELINE, "dateline"), (_FIELD_VISIT, "lead")):
            m = rx.search(scan_view(lead if source == "lead" else body))
            if m:
                mentions = find_provinces(m.group("place"))
                if mentions:
                    found = (mentions[0].province, source)
                    break
    if found[0] is None and hint:
        found = (province_by_code(hint), "site")
    p, source = found
    if p is None:
        return ProvinceRecord(None, None, None, None)
    return ProvinceRecord(p.code, p.name_th, p.name_en, source)


def _date_record(m: DateMention, times: list, body: str) -> DateRecord:  # type: ignore[type-arg]
    from extract.event import _time_near

    t = _time_near(m, times, body) if m.kind in ("date", "date_range", "relative") else None
    return DateRecord(m.raw, m.kind, m.start, m.end, t.time if t else None, m.calendar, m.span)


__all__ = ["Record", "extract_html", "extract_page", "extract_text", "replace"]
