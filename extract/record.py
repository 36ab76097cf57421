"""The record thaipr extracts from one article. Field names are fixed (see README);
`to_dict` gives the JSON form: dates as YYYY-MM-DD, spans as [start, end)."""

import datetime as dt
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import Any

from extract.credits import Credit
from extract.html import Image
from extract.networks import Network
from extract.organizations import Organization
from extract.people import Official
from extract.programs import Program
from extract.venues import Venue


@dataclass(frozen=True)
class Published:
    raw: str | None
    date: dt.date | None
    datetime: str | None  # ISO 8601, +07:00
    source: str | None  # metadata | date_line | feed | url | argument


@dataclass(frozen=True)
class EventRecord:
    date: dt.date | None
    time: str | None
    end_date: dt.date | None
    end_time: str | None
    date_raw: str | None
    type: str | None


@dataclass(frozen=True)
class ProvinceRecord:
    code: str | None  # ISO 3166-2:TH
    name_th: str | None
    name_en: str | None
    source: str | None  # venue | dateline | lead | official | body | district | title | site
    evidence: str | None = None  # the words it was read from (the host, for `site`)
    span: tuple[int, int] | None = None  # the evidence's span in the body, when there


@dataclass(frozen=True)
class DateRecord:
    raw: str
    kind: str
    start: date
    end: date | None
    time: str | None
    calendar: str
    span: tuple[int, int]


@dataclass(frozen=True)
class Record:
    source: str | None
    url: str | None
    template: str
    title: str | None
    body: str
    published: Published
    event: EventRecord
    province: ProvinceRecord
    dates: list[DateRecord]
    officials: list[Official]
    venues: list[Venue]
    networks: list[Network]
    networks_stated_count: int | None
    organizations: list[Organization]
    programs: list[Program]
    credits: list[Credit]
    images: list[Image]
    warnings: list[str]
    extractor_version: str
    encoding: str | None = None
    encoding_repaired: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = _jsonable(self)
        out.pop("extra")
        out.update(_jsonable(self.extra))
        return out


# Field names per dataclass, read once: `dataclasses.asdict` deep-copies every leaf and was
# a fifth of extraction time.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_PLAIN = (str, int, float, bool, type(None))


def _jsonable(value: Any) -> Any:
    """Dataclasses to dicts, tuples to lists, dates to ISO strings; new objects throughout."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and is_dataclass(kind):
        names = _FIELD_NAMES.setdefault(kind, tuple(f.name for f in fields(kind)))
    if names is not None:
        return {name: _jsonable(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
