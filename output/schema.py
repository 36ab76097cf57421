"""The dataset's schema, declared once. Everything else is derived from this module: the
pyarrow schemas (`arrow_schema`), validation before writing (`output.validate`), the row
builders (`output.rows`), the DuckDB views (`output.query`) and the field guide
(`docs/fields.md`, `python -m output.docs`).

A field names where its value comes from in the extractor's record (`source`, a dotted path
into `Record.to_dict()`); entity fields are declared once and shared by the list columns of
`articles` and the flat per-mention tables."""

from dataclasses import dataclass
from functools import cache, cached_property

import pyarrow as pa

# Bumped when a column is added, removed or changes type; stored in every file's metadata
# and in its name. Schema 4 moved `province` from the path into the files.
SCHEMA_VERSION = "4"
# Hive partition keys, in path order: DATA/<table>/year=2023/part-….parquet. A write makes a
# file per table and partition, and a small file costs several times its rows in CPU and
# bytes (an `articles` file of 18 rows: 0.25 ms and 5.8 KB a row; of 1,000: 0.03 ms and
# 2.0 KB a row): by year alone, a crawl of 20,000 corpus articles wrote 400 files, not 6,700,
# at the same flush size (output/writer.py FLUSH_ARTICLES).
PARTITION_KEYS = ("year",)
# The partition value for rows with no province: the ISO 3166-1 code of the whole country.
NO_PROVINCE = "TH"
# An ISO 3166-2:TH code (TH-43, TH-S) or TH.
PROVINCE_PATTERN = r"TH(?:-[0-9A-Z]{1,3})?"
# The time zone every timestamp is stored in.
UTC = "UTC"


@dataclass(frozen=True)
class Field:
    name: str
    type: pa.DataType
    description: str
    required: bool = False  # a null is a validation error
    dictionary: bool = False  # low-cardinality string: Parquet dictionary encoding
    source: str | None = None  # dotted path in the record dict; None: the field's name
    items: tuple["Field", ...] = ()  # the struct fields of a list-of-struct column
    pattern: str | None = None  # a string value must match it whole

    @cached_property
    def path(self) -> tuple[str, ...]:
        return tuple((self.source or self.name).split("."))

    @cached_property
    def temporal(self) -> bool:
        """A date or an instant: an ISO string in the record's JSON form."""
        return bool(pa.types.is_date32(self.type) or pa.types.is_timestamp(self.type))


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]  # unique within one write; `article_id` alone is unique per view
    entity: str | None = None  # the record list a flat table is made from

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def _timestamp() -> pa.DataType:
    return pa.timestamp("us", tz=UTC)


def _span(what: str) -> tuple[Field, Field]:
    return (
        Field(
            "span_start",
            pa.int32(),
            f"offset in `body` where the {what} starts",
            True,
            source="span.0",
        ),
        Field(
            "span_end", pa.int32(), f"offset in `body` just after the {what}", True, source="span.1"
        ),
    )


def _list_of(items: tuple[Field, ...]) -> pa.DataType:
    return pa.list_(pa.struct([pa.field(f.name, f.type, not f.required) for f in items]))


# --- Entities: one row of a flat table, one element of an `articles` list column ----------

DATE = (
    Field("raw", pa.string(), "the date as written, e.g. `19 ม.ค.66`", True),
    Field(
        "kind", pa.string(), "date | date_range | fiscal_year | year_range | relative", True, True
    ),
    Field("start", pa.date32(), "first day (Gregorian)", True),
    Field("end", pa.date32(), "last day of a range, else null"),
    Field("time", pa.string(), "time attached to the date, HH:MM"),
    Field("calendar", pa.string(), "BE (Buddhist era) or CE year as written", True, True),
    *_span("date"),
)
OFFICIAL = (
    Field("honorific", pa.string(), "title or rank, e.g. `นาย`, `พล.ต.อ.`, `ผศ.ดร.`", True, True),
    Field("name", pa.string(), "given name and surname, without the honorific", True),
    Field("position", pa.string(), "position as written, e.g. `รองผู้ว่าราชการจังหวัดหนองคาย`"),
    Field("organization", pa.string(), "organisation named in the position"),
    Field(
        "role",
        pa.string(),
        "`chair` when the text says this person chaired, else null",
        dictionary=True,
    ),
    *_span("official's mention (name and position)"),
    Field(
        "name_norm",
        pa.string(),
        "the name people are told apart by: titles, ranks, brackets, ฯ, invisible characters "
        "and doubled marks out, spaces single (`extract/names.py`); `person_mentions` gives "
        "each mention's person",
    ),
    Field(
        "position_norm",
        pa.string(),
        "the canonical role, abbreviations expanded, e.g. `ผู้ว่าราชการจังหวัด` for "
        "`ผวจ.หนองคาย`, `ผู้ว่าฯ` or `ผู้ว่าราชการจังหวัดหนองคาย`; a qualifier kept in front "
        "(`อดีต…`, `รักษาราชการแทน…`) (`extract/positions.py`)",
        dictionary=True,
    ),
    Field(
        "position_org",
        pa.string(),
        "the organisation the role serves, abbreviations expanded, e.g. "
        "`องค์การบริหารส่วนตำบลบ้านนา`; null when it is the province itself (a governor)",
    ),
    Field(
        "position_province",
        pa.string(),
        "ISO 3166-2:TH code of the province the position serves",
        dictionary=True,
        pattern=PROVINCE_PATTERN,
    ),
    Field(
        "position_province_source",
        pa.string(),
        "`position`: named in it (a province, a district of one); `article`: a provincial or "
        "district role that names none (`ผู้ว่าฯ` alone) takes the article's province",
        dictionary=True,
    ),
)
VENUE = (
    Field("text", pa.string(), "the venue as written after ณ / ที่", True),
    Field("room", pa.string(), "room name or number, e.g. `NK1407`"),
    Field("floor", pa.string(), "floor, e.g. `4`"),
    Field("building", pa.string(), "building, e.g. `อาคารบริหาร`"),
    Field("place", pa.string(), "site or place when no building is named"),
    Field("street", pa.string(), "road"),
    Field("subdistrict", pa.string(), "ตำบล / แขวง"),
    Field("district", pa.string(), "อำเภอ / เขต"),
    Field(
        "venue_province",
        pa.string(),
        "province named in the venue (Thai)",
        dictionary=True,
        source="province",
    ),
    Field(
        "venue_province_code",
        pa.string(),
        "ISO 3166-2:TH code of `venue_province`",
        dictionary=True,
        source="province_code",
    ),
    *_span("venue"),
    Field(
        "in_title",
        pa.bool_(),
        "true when read from the headline (the body names no venue): the span indexes `title`",
        True,
    ),
    Field("time", pa.string(), "the clock time the text gives for this place, HH:MM"),
)
NETWORK = (
    Field("name", pa.string(), "network name, e.g. `เครือข่ายภาครัฐ`", True),
    *_span("network"),
)
ORGANIZATION = (
    Field("name", pa.string(), "organisation taking part, e.g. `สำนักงานพัฒนาชุมชน`", True),
    *_span("organisation"),
)
PROGRAM = (
    Field("name", pa.string(), "project, plan or strategy as named", True),
    Field("kind", pa.string(), "project | plan | strategy", True, True),
    Field("phase", pa.int32(), "phase number (ระยะที่ N)"),
    Field("start_year", pa.int32(), "first year covered (CE)"),
    Field("end_year", pa.int32(), "last year covered (CE)"),
    *_span("programme"),
)
CREDIT = (
    Field(
        "role",
        pa.string(),
        "reporter | photographer | reporter_photographer | editor | source | author",
        True,
        True,
    ),
    Field("name", pa.string(), "person or office credited, as written", True),
)
IMAGE = (
    Field("url", pa.string(), "absolute image URL", True),
    Field("alt", pa.string(), "alt text or caption"),
)

ENTITIES: dict[str, tuple[Field, ...]] = {
    "dates": DATE,
    "officials": OFFICIAL,
    "venues": VENUE,
    "networks": NETWORK,
    "organizations": ORGANIZATION,
    "programs": PROGRAM,
    "credits": CREDIT,
    "images": IMAGE,
}

# --- Tables ---------------------------------------------------------------------------------

# Written by the dataset, not the extractor: which article, which version of it.
ARTICLE_ID = Field(
    "article_id",
    pa.string(),
    "stable article id: `site:item` from the site and its item id, else `url:` + a hash of "
    "the canonical URL",
    True,
)
REVISION = Field(
    "revision",
    pa.string(),
    "one write of the article (sortable, unique); views keep each article's latest",
    True,
)
PROVINCE_CODE = Field(
    "province_code",
    pa.string(),
    "ISO 3166-2:TH code of the province the event took place in",
    dictionary=True,
    source="province.code",
    pattern=PROVINCE_PATTERN,
)
# Every table's last column: what to filter by province (never null, unlike `province_code`).
PROVINCE = Field(
    "province",
    pa.string(),
    "`province_code`, or `TH` (the whole country) when none was found: rows are never null here",
    True,
    True,
    pattern=PROVINCE_PATTERN,
)
EVENT_DATE = Field(
    "event_date", pa.date32(), "date of the reported event (Gregorian)", source="event.date"
)

ARTICLES = Table(
    "articles",
    "One row per article version; the `articles` view keeps each article's latest.",
    (
        ARTICLE_ID,
        REVISION,
        Field("site", pa.string(), "source site slug, e.g. `nongkhai`", dictionary=True),
        Field("url", pa.string(), "the article's URL"),
        Field("source", pa.string(), "where the page came from when not fetched (a file name)"),
        Field(
            "template",
            pa.string(),
            "page template the parser recognised: prd | prd_feed | ewt | regional | generic | text",
            True,
            True,
        ),
        Field(
            "crawl_id", pa.string(), "the crawl or command run that wrote this version", True, True
        ),
        Field("fetched_at", _timestamp(), "when the page was fetched (UTC)", True),
        Field("extracted_at", _timestamp(), "when this record was extracted (UTC)", True),
        Field("extractor_version", pa.string(), "thaipr extractor version", True, True),
        Field(
            "encoding", pa.string(), "character encoding the page was decoded with", dictionary=True
        ),
        Field(
            "encoding_repaired",
            pa.bool_(),
            "true when the declared encoding was wrong and thaipr repaired it",
            True,
        ),
        Field("title", pa.string(), "headline"),
        Field(
            "body", pa.string(), "article text, chrome and credits removed; spans index it", True
        ),
        Field("published_raw", pa.string(), "publication date as found", source="published.raw"),
        Field("published_date", pa.date32(), "publication date", source="published.date"),
        Field(
            "published_at",
            _timestamp(),
            "publication instant (UTC) when the page gives one",
            source="published.datetime",
        ),
        Field(
            "published_source",
            pa.string(),
            "metadata | date_line | feed | argument",
            dictionary=True,
            source="published.source",
        ),
        EVENT_DATE,
        Field("event_time", pa.string(), "start time, HH:MM", source="event.time"),
        Field(
            "event_end_date", pa.date32(), "last day of a multi-day event", source="event.end_date"
        ),
        Field("event_end_time", pa.string(), "end time, HH:MM", source="event.end_time"),
        Field(
            "event_date_raw",
            pa.string(),
            "the event date as written, e.g. `19 ม.ค.66`",
            source="event.date_raw",
        ),
        Field(
            "event_type",
            pa.string(),
            "meeting | seminar | training | visit | ceremony | …",
            dictionary=True,
            source="event.type",
        ),
        PROVINCE_CODE,
        Field(
            "province_th",
            pa.string(),
            "province name in Thai",
            dictionary=True,
            source="province.name_th",
        ),
        Field(
            "province_en",
            pa.string(),
            "province name in English",
            dictionary=True,
            source="province.name_en",
        ),
        Field(
            "province_source",
            pa.string(),
            "how the province was found, first of: venue | dateline | lead | official | body | "
            "district | title | site",
            dictionary=True,
            source="province.source",
        ),
        Field(
            "province_evidence",
            pa.string(),
            "the words the province was read from (the host, for `site`)",
            source="province.evidence",
        ),
        Field(
            "province_evidence_start",
            pa.int32(),
            "offset in `body` where the evidence starts; null when it is in the title or host",
            source="province.span.0",
        ),
        Field(
            "province_evidence_end",
            pa.int32(),
            "offset in `body` just after the evidence",
            source="province.span.1",
        ),
        *(
            Field(
                name,
                _list_of(items),
                f"every {name[:-1]} mention (see the `{name}` table)",
                items=items,
            )
            for name, items in ENTITIES.items()
        ),
        Field("networks_stated_count", pa.int32(), "number of networks the text says took part"),
        Field("warnings", pa.list_(pa.string()), "what the extractor doubted, in words"),
        PROVINCE,
    ),
    key=("article_id", "revision"),
)


def _flat_table(name: str, description: str) -> Table:
    mention = Field("ordinal", pa.int32(), "position of the mention in the article (from 0)", True)
    prefix = (ARTICLE_ID, REVISION, PROVINCE_CODE, EVENT_DATE, mention)
    return Table(
        name,
        description,
        (*prefix, *ENTITIES[name], PROVINCE),
        key=("article_id", "revision", "ordinal"),
        entity=name,
    )


FLAT_TABLES = (
    _flat_table("officials", "One row per official named: who, what position, chair or not."),
    _flat_table("venues", "One row per venue: room, floor, building, place, address parts."),
    _flat_table("dates", "One row per date mention, normalised to the Gregorian calendar."),
    _flat_table("networks", "One row per network listed as taking part."),
    _flat_table("organizations", "One row per organisation named outside officials' positions."),
    _flat_table("programs", "One row per project, plan or strategy, with phase and years."),
    _flat_table("credits", "One row per credit: reporter, photographer, editor, source."),
    _flat_table("images", "One row per image in the article."),
)

ERRORS = Table(
    "errors",
    "One row per crawl or extraction failure.",
    (
        Field("url", pa.string(), "the URL that failed", True),
        Field("site", pa.string(), "source site slug", dictionary=True),
        Field(
            "province_code",
            pa.string(),
            "ISO 3166-2:TH code of the site's province",
            dictionary=True,
            pattern=PROVINCE_PATTERN,
        ),
        Field(
            "stage",
            pa.string(),
            "read | fetch | robots (forbidden by robots.txt) | offsite (a redirect off the "
            "configured hosts) | redirect (a loop) | content (empty or not HTML) | extract | "
            "validate",
            True,
            True,
        ),
        Field("error_class", pa.string(), "e.g. `TimeoutError`, `HttpError`", True, True),
        Field("message", pa.string(), "what went wrong, in one line", True),
        Field("http_status", pa.int32(), "HTTP status when there was a response"),
        Field("time", _timestamp(), "when it failed (UTC)", True),
        Field("crawl_id", pa.string(), "the crawl or command run", True, True),
        PROVINCE,
    ),
    key=("url", "stage", "time"),
)

TABLES: dict[str, Table] = {t.name: t for t in (ARTICLES, *FLAT_TABLES, ERRORS)}


@cache
def arrow_schema(table: str) -> pa.Schema:
    """The pyarrow schema of one table (without the hive partition columns)."""
    fields = TABLES[table].fields
    return pa.schema([pa.field(f.name, f.type, nullable=not f.required) for f in fields])


def dictionary_columns(table: str) -> list[str]:
    """Columns written with Parquet dictionary encoding (low-cardinality strings)."""
    names = [f.name for f in TABLES[table].fields if f.dictionary]
    for f in TABLES[table].fields:
        names.extend(f"{f.name}.list.element.{i.name}" for i in f.items if i.dictionary)
    return names
