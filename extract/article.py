"""A page in, a record out: the extractors run over the page's clean body."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from extract import EXTRACTOR_VERSION, sniff
from extract.event import Event, find_event, time_near
from extract.networks import find_networks
from extract.organizations import find_organizations
from extract.pages import Page, parse_page, parse_text
from extract.people import Official, find_officials, plausible_name
from extract.positions import normalize_officials
from extract.programs import find_programs, phase_conflicts
from extract.province import Found, find_province
from extract.record import (
    DateRecord,
    EventRecord,
    ProvinceRecord,
    Published,
    Record,
)
from extract.thaidate import DateMention, TimeMention, find_dates, find_times
from extract.venues import Venue, find_venues, with_times


def extract_text(
    text: str,
    source: str | None = None,
    url: str | None = None,
    published: date | None = None,
) -> Record:
    """Plain text as scraped (title line first) -> record."""
    return extract_page(parse_text(text, url), source, published, sniff.input_warnings(text))


def extract_html(
    html: str,
    url: str | None = None,
    source: str | None = None,
    published: date | None = None,
) -> Record:
    """An HTML page of any template -> record."""
    return extract_page(parse_page(html, url), source, published, sniff.input_warnings(html))


def extract_page(
    page: Page,
    source: str | None = None,
    published: date | None = None,
    input_warnings: Sequence[str] = (),
) -> Record:
    """The extractors over one parsed page. `published` overrides the page's own date;
    `input_warnings` (`extract.sniff`) open the record's warnings."""
    pub = _published(page, published)
    body, title = page.body, page.title or ""
    warnings = [*input_warnings, *page.warnings]
    dates, implausible = find_dates(body, pub.date)
    times = find_times(body)
    event = find_event(body, dates, times, pub.date, title)
    officials, unbounded = _bounded(find_officials(body, title))
    venues = with_times(find_venues(body, [o.span for o in officials]), times, body)
    venues = _principal_first(venues, event)
    if not venues and title:  # the headline's place, when the body names none
        venues = [replace(v, in_title=True) for v in find_venues(title)]
    networks, stated = find_networks(body)
    programs = find_programs(body)
    organizations = find_organizations(body, [o.span for o in officials])
    province = _province_record(
        find_province(body, title, venues, officials, page.province_hint, page.url)
    )
    officials = normalize_officials(officials, province.code)

    for o in unbounded:
        warnings.append(f"name boundary not found, official left out: '{o.name[:60]}'")
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


def _bounded(officials: list[Official]) -> tuple[list[Official], list[Official]]:
    """Officials whose name is as long as a name can be, and those whose is not."""
    kept = [o for o in officials if plausible_name(o.name)]
    return kept, [o for o in officials if not plausible_name(o.name)]


def _principal_first(venues: list[Venue], event: Event) -> list[Venue]:
    """The venue of the lead's event first: the first after the event date on its line."""
    if not event.span or not venues:
        return venues
    for i, v in enumerate(venues):
        if v.span[0] >= event.span[0]:
            return [v, *venues[:i], *venues[i + 1 :]]
    return venues


def _province_record(found: Found | None) -> ProvinceRecord:
    if found is None:
        return ProvinceRecord(None, None, None, None)
    p = found.province
    return ProvinceRecord(p.code, p.name_th, p.name_en, found.source, found.evidence, found.span)


def _date_record(m: DateMention, times: list[TimeMention], body: str) -> DateRecord:
    t = time_near(m, times, body) if m.kind in ("date", "date_range", "relative") else None
    return DateRecord(m.raw, m.kind, m.start, m.end, t.time if t else None, m.calendar, m.span)


__all__ = ["Record", "extract_html", "extract_page", "extract_text"]
