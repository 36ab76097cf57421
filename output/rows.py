"""An extractor record (its `to_dict()` form) -> validated rows for every table, walking the
declaration in `output.schema`: one `articles` row and one row per mention in each flat
table, all sharing the article's id, revision and partition."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from output import ids
from output.schema import ARTICLES, ENTITIES, ERRORS, FLAT_TABLES, NO_PROVINCE, PROVINCE, Field
from output.validate import SchemaError, check_rows, coerce

Row = dict[str, Any]
ArticleRows = dict[str, list[Row]]  # table -> one article's rows
Partition = int  # the year: see output.schema.PARTITION_KEYS


@dataclass(frozen=True)
class Provenance:
    """What the dataset adds to a record: which article, which write of it, from where."""

    article_id: str
    revision: str
    crawl_id: str
    fetched_at: datetime
    extracted_at: datetime
    site: str | None = None

    @classmethod
    def new(
        cls,
        article_id: str,
        crawl_id: str,
        site: str | None = None,
        fetched_at: datetime | None = None,
    ) -> "Provenance":
        """A new revision of `article_id`, extracted now."""
        now = datetime.now(UTC)
        return cls(article_id, ids.revision(), crawl_id, fetched_at or now, now, site)


_PROVENANCE = frozenset(Provenance.__dataclass_fields__)


def _known_paths(fields: tuple[Field, ...]) -> dict[str, set[str]]:
    """Record keys the schema reads: top-level key -> the sub-keys read below it."""
    known: dict[str, set[str]] = {}
    for f in fields:
        if f.name in _PROVENANCE:
            continue
        head, *rest = f.path
        known.setdefault(head, set()).update(rest[:1])
    return known


_RECORD_KEYS = _known_paths(ARTICLES.fields)
_ITEM_KEYS = {name: set(_known_paths(items)) for name, items in ENTITIES.items()}


def record_rows(record: Mapping[str, Any], prov: Provenance) -> ArticleRows:
    """Rows for every table from one record. Raises SchemaError, before anything is
    written, on a record key the schema does not know, a missing required value or a value
    of the wrong type."""
    where = f"article {prov.article_id}"
    _check_known(record, where)
    article: Row = {}
    for f in ARTICLES.fields:
        if f.name in _PROVENANCE:
            article[f.name] = getattr(prov, f.name)
        elif f is PROVINCE:
            continue  # made from province_code, below
        elif f.items:
            items = _lookup(record, f.path) or []
            if not isinstance(items, list | tuple):
                raise SchemaError(f"{where}: {f.name} must be a list, got {type(items).__name__}")
            article[f.name] = [
                _item(f, item, f"{where}: {f.name}[{i}]") for i, item in enumerate(items)
            ]
        else:
            article[f.name] = coerce(f, _lookup(record, f.path), where)
    article[PROVINCE.name] = article["province_code"] or NO_PROVINCE
    rows = {"articles": [article]}
    shared = {k: article[k] for k in ("article_id", "revision", "province_code", "event_date")}
    for table in FLAT_TABLES:
        assert table.entity
        rows[table.name] = [
            {**shared, "ordinal": i, **item, PROVINCE.name: article[PROVINCE.name]}
            for i, item in enumerate(article[table.entity])
        ]
    # The flat rows are built from the article row's checked items and keys.
    check_rows(ARTICLES.name, rows[ARTICLES.name], f"{where}: ")
    return rows


def error_row(
    url: str,
    stage: str,
    error_class: str,
    message: str,
    crawl_id: str,
    *,
    site: str | None = None,
    province_code: str | None = None,
    http_status: int | None = None,
    time: datetime | None = None,
) -> Row:
    row = {
        "url": url,
        "site": site,
        "province_code": province_code,
        "stage": stage,
        "error_class": error_class,
        "message": " ".join(message.split())[:2000],
        "http_status": http_status,
        "time": (time or datetime.now(UTC)).astimezone(UTC),
        "crawl_id": crawl_id,
        PROVINCE.name: province_code or NO_PROVINCE,
    }
    check_rows(ERRORS.name, [row])
    return row


def partition_of(row: Row) -> Partition:
    """Where an article's rows live: the year of its event, else of its publication, else
    of its fetch. An error row: the year of its `time`."""
    day = row.get("event_date") or row.get("published_date") or row.get("fetched_at") or row["time"]
    return int(day.year)


def _item(field: Field, item: Any, where: str) -> Row:
    if not isinstance(item, Mapping):
        raise SchemaError(f"{where}: expected an object, got {type(item).__name__}")
    unknown = set(item) - _ITEM_KEYS[field.name]
    if unknown:
        raise SchemaError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    return {sub.name: coerce(sub, _lookup(item, sub.path), where) for sub in field.items}


def _lookup(value: Any, path: tuple[str, ...]) -> Any:
    if len(path) == 1 and type(value) is dict:  # most fields: one key of a record's dict
        return value.get(path[0])
    for step in path:
        if type(value) is dict:  # what records hold, without an ABC isinstance check per step
            value = value.get(step)
        elif value is None:
            return None
        elif isinstance(value, Mapping):
            value = value.get(step)
        elif isinstance(value, list | tuple) and step.isdigit():
            value = value[int(step)] if int(step) < len(value) else None
        else:
            raise SchemaError(f"cannot read {'.'.join(path)}: {type(value).__name__} at {step}")
    return value


def _check_known(record: Mapping[str, Any], where: str) -> None:
    for key, value in record.items():
        if key not in _RECORD_KEYS:
            raise SchemaError(
                f"{where}: record field {key!r} is not in the schema "
                "(declare it in output/schema.py)"
            )
        subkeys = _RECORD_KEYS[key]
        if subkeys and isinstance(value, Mapping):
            unknown = set(value) - subkeys
            if unknown:
                raise SchemaError(
                    f"{where}: record field {key}.{sorted(unknown)[0]} is not in "
                    "the schema (declare it in output/schema.py)"
                )
