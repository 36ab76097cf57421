"""Validation before any write. `pa.Table.from_pylist` drops unknown keys, fills missing ones
with null and lets a null into a required column; these checks refuse all three, and every
value is checked against its declared type here, so building the Arrow table later cannot
fail half-way through a write."""

import re
from collections.abc import Callable, Iterable, Mapping
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
    problem = _problem(field, value)
    if problem:
        raise SchemaError(f"{where}: {problem}")


def _problem(field: Field, value: Any) -> str | None:
    """What is wrong with `value` as `field`, or None. Context is only formatted on error:
    this runs for every value of every row."""
    if value is None:
        return f"{field.name} is required but missing" if field.required else None
    if field.items:
        if not isinstance(value, list):
            return f"{field.name} must be a list, got {_show(value)}"
        names = _item_names(field)
        for i, item in enumerate(value):
            if (type(item) is not dict and not isinstance(item, Mapping)) or item.keys() != names:
                return f"{field.name}[{i}] has fields {_keys(item)}"
            for sub in field.items:
                problem = _problem(sub, item[sub.name])
                if problem:
                    return f"{field.name}[{i}]: {problem}"
        return None
    check = _CHECKS.get(id(field)) or _CHECKS.setdefault(id(field), _check_for(field.type))
    if not check(value):
        return f"{field.name} must be {field.type}, got {_show(value)}"
    if field.pattern and not re.fullmatch(field.pattern, value):
        return f"{field.name} must match {field.pattern}, got {_show(value)}"
    return None


# Per declared field, filled on first use. Keyed by identity: fields are module constants,
# and hashing a Field (its whole type tree) costs more than the check itself.
_CHECKS: dict[int, Callable[[Any], bool]] = {}
_ITEM_NAMES: dict[int, frozenset[str]] = {}


def _item_names(field: Field) -> frozenset[str]:
    names = _ITEM_NAMES.get(id(field))
    if names is None:
        names = _ITEM_NAMES[id(field)] = frozenset(f.name for f in field.items)
    return names


def _check_for(kind: pa.DataType) -> Callable[[Any], bool]:
    """The value check for one Arrow type, chosen once per type."""
    if pa.types.is_string(kind):
        return lambda v: isinstance(v, str)
    if pa.types.is_boolean(kind):
        return lambda v: isinstance(v, bool)
    if pa.types.is_integer(kind):
        return lambda v: type(v) is int and -(2**31) <= v < 2**31
    if pa.types.is_timestamp(kind):
        return lambda v: isinstance(v, datetime) and v.tzinfo is not None
    if pa.types.is_date32(kind):
        return lambda v: isinstance(v, date) and not isinstance(v, datetime)
    if pa.types.is_list(kind):
        element = _check_for(kind.value_type)
        return lambda v: isinstance(v, list) and all(element(x) for x in v)
    raise TypeError(f"no check declared for {kind}")  # a schema edit needs a check here


def coerce(field: Field, value: Any, where: str) -> Any:
    """The JSON form of a record value -> the Python value the column holds (ISO dates and
    instants parsed; spans split). Anything else is left for `check_value` to judge."""
    if value is None or not field.temporal:
        return value
    try:
        if pa.types.is_date32(field.type):
            return date.fromisoformat(value) if isinstance(value, str) else value
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if isinstance(value, datetime) and value.tzinfo:
            return value.astimezone(UTC)  # a naive instant is left for check_value to refuse
    except ValueError as exc:
        raise SchemaError(f"{where}: {field.name}: {exc}") from exc
    return value


def _show(value: Any) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:60]}"


def _keys(item: Any) -> str:
    return ", ".join(sorted(item)) if isinstance(item, Mapping) else type(item).__name__
