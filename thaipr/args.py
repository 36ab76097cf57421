"""Argument types the commands share. argparse calls one on an option's text; its message
follows the option's name in the one-line usage error (`thaipr.cli.Parser`), e.g.

    thaipr crawl: argument --max-articles: must be a whole number of 1 or more, not '0'; …"""

import argparse
import math
import re
from datetime import date

ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")  # a day written right, perhaps impossible


def iso_date(value: str) -> date:
    """A YYYY-MM-DD day that exists (2024-02-30 does not)."""
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        why = f" ({exc})" if ISO_SHAPE.fullmatch(value) else ""
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}{why}") from exc


def whole_number(value: str, least: int, most: int | None = None) -> int:
    """A whole number from `least` to `most` (no upper bound when None)."""
    try:
        n = int(value)
    except ValueError:
        n = least - 1
    if n < least or (most is not None and n > most):
        span = f"from {least} to {most}" if most is not None else f"of {least} or more"
        raise argparse.ArgumentTypeError(f"must be a whole number {span}, not {value!r}")
    return n


def positive_int(value: str) -> int:
    """A count: 1 or more."""
    return whole_number(value, 1)


def non_negative_int(value: str) -> int:
    """0 or more."""
    return whole_number(value, 0)


def _number(value: str) -> float | None:
    """The finite number `value` writes, or None."""
    try:
        x = float(value)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def non_negative_float(value: str) -> float:
    """A number of 0 or more, e.g. a delay in seconds."""
    x = _number(value)
    if x is None or x < 0:
        raise argparse.ArgumentTypeError(f"must be a number of 0 or more, not {value!r}")
    return x


def positive_float(value: str) -> float:
    """A number above 0, e.g. a time limit in seconds."""
    x = _number(value)
    if x is None or x <= 0:
        raise argparse.ArgumentTypeError(f"must be a number above 0, not {value!r}")
    return x
