"""Validation before any write. `pa.Table.from_pylist` drops unknown keys, fills missing ones
with null and lets a null into a required column; these checks refuse all three, and every
value is checked against its declared type here, so building the Arrow table later cannot
fail half-way through a write."""

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

import pyarrow as pa

from output.schema import TABLES, Field


class SchemaError(ValueError):
    """A row does not fit the declared schema; nothing was written."""


def check_rows(table: str, rows: Iterable[Mapping[str, Any]], context: str = "") -> None:
    """Every row has exactly the table's fields, required ones set, and no two rows share a
    key. Raises SchemaError naming the table, row and field (after `context`, if given)."""
    spec = TABLES[table]
    names = {f.name for f in spec.fields}
    seen: set[tuple[Any, ...]] = set()
    for n, row in enumerate(rows):
        where = f"{context}{table} row {n}"
        unknown, missing = set(row) - names, names - set(row)
        if unknown:
            raise SchemaError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        if missing:
            raise SchemaError(f"{where}: missing field(s) {', '.join(sorted(missing))}")
        for f in spec.fields:
            check_value(f, row[f.name], where)
        key = tuple(row[k] for k in spec.key)
        if key in seen:
            shown = ", ".join(f"{k}={v!r}" for k, v in zip(spec.key, key, strict=True))
            raise SchemaError(f"{where}: duplicate key ({shown})")
        seen.add(key)


def check_value(field: Field, value: Any, where: str) -> None:
    if value is None:
        if field.required:
            raise SchemaError(f"{where}: {field.name} is required but missing")
        return
    if field.items:
        if not isinstance(value, list):
            raise SchemaError(f"{where}: {field.name} must be a list, got {_show(value)}")
        for i, item in enumerate(value):
            if not isinstance(item, Mapping) or set(item) != {f.name for f in field.items}:
                raise SchemaError(f"{where}: {field.name}[{i}] has fields {_keys(item)}")
            for sub in field.items:
                check_value(sub, item[sub.name], f"{where}: {field.name}[{i}]")
        return
    if not _fits(field.type, value):
        raise SchemaError(f"{where}: {field.name} must be {field.type}, got {_show(value)}")


def _fits(kind: pa.DataType, value: Any) -> bool:
    if pa.types.is_string(kind):
        return isinstance(value, str)
    if pa.types.is_boolean(kind):
        return isinstance(value, bool)
    if pa.types.is_integer(kind):
        return isinstance(value, int) and not isinstance(value, bool) and -(2**31) <= value < 2**31
    if pa.types.is_timestamp(kind):
        return isinstance(value, datetime) and value.tzinfo is not None
    if pa.types.is_date32(kind):
        return isinstance(value, date) and not isinstance(value, datetime)
    if pa.types.is_list(kind):
        return isinstance(value, list) and all(_fits(kind.value_type, v) for v in value)
    raise TypeError(f"no check declared for {kind}")  # a schema edit needs a check here


def coerce(field: Field, value: Any, where: str) -> Any:
    """The JSON form of a record value -> the Python value the column holds (ISO dates and
    instants parsed; spans split). Anything else is left for `check_value` to judge."""
    if value is None:
        return None
    kind = field.type
    try:
        if pa.types.is_date32(kind) and isinstance(value, str):
            return date.fromisoformat(value)
        if pa.types.is_timestamp(kind) and isinstance(value, str):
            value = datetime.fromisoformat(value)
        if pa.types.is_timestamp(kind) and isinstance(value, datetime) and value.tzinfo:
            return value.astimezone(UTC)  # a naive instant is left for check_value to refuse
    except ValueError as exc:
        raise SchemaError(f"{where}: {field.name}: {exc}") from exc
    return value


def _show(value: Any) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:60]}"


def _keys(item: Any) -> str:
    return ", ".join(sorted(item)) if isinstance(item, Mapping) else type(item).__name__
