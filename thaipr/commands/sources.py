"""`thaipr sources`: the sites thaipr crawls (crawler/sources.py), found by name, region,
template or kind, as an aligned table, JSON Lines or CSV.

    thaipr sources                          every source
    thaipr sources นครพนม                   a name: slug, Thai or English name, host, ISO code
    thaipr sources nakhon --region northeast --format json

Regions are the six of the National Geographical Committee (north, northeast, central,
east, west, south), and `national` for an office over the whole country. The table gives a
provincial office by its province's name; JSON and CSV give the whole names.

Exit status, as grep's: 0 sources listed; 1 none matched (a line on stderr says so, with the
closest slugs when the query looks mistyped); 2 bad usage or an unreadable --sources file."""

import argparse
import csv
import json
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from crawler.sources import (
    KINDS,
    REGION_NAMES,
    TEMPLATES,
    Source,
    SourceError,
    closest,
    load_sources,
)

EXIT_OK, EXIT_NO_MATCH, EXIT_USAGE = 0, 1, 2
# Fields of a JSON or CSV row, in order.
FIELDS = (
    "slug",
    "name_th",
    "name_en",
    "region",
    "iso_code",
    "host",
    "base_url",
    "template",
    "kind",
)
# Columns of the table: heading, and the field or short name it shows.
COLUMNS = (
    ("SLUG", "slug"),
    ("THAI", "short_th"),
    ("ENGLISH", "short_en"),
    ("REGION", "region"),
    ("HOST", "host"),
    ("TEMPLATE", "template"),
    ("KIND", "kind"),
)
GAP = "  "  # between table columns
# Unicode categories a terminal draws on the letter before: Thai vowels and tone marks above
# or below a consonant (U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E are Mn), enclosing marks, format
# characters such as the zero-width space.
ZERO_WIDTH_CATEGORIES = ("Mn", "Me", "Cf")


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "sources",
        help="list the sites thaipr crawls, or find one by name",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "query", nargs="?", help="part of a slug, Thai or English name, host or ISO code"
    )
    p.add_argument("--region", choices=REGION_NAMES, help="the region of the province served")
    p.add_argument("--template", choices=TEMPLATES, help="prd: the current CMS; ewt: the old")
    p.add_argument("--kind", choices=KINDS, help="a provincial office, headquarters, …")
    p.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="table (default), json (one object per line) or csv",
    )
    p.add_argument("--sources", type=Path, metavar="FILE", help="extra sources (TOML)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        every = list(load_sources(args.sources).values())
    except SourceError as exc:
        print(f"thaipr sources: {exc}", file=sys.stderr)
        return EXIT_USAGE
    found = [s for s in every if _wanted(s, args)]
    if not found:
        print(f"thaipr sources: {_nothing_matched(every, args)}", file=sys.stderr)
        return EXIT_NO_MATCH
    if args.format == "json":
        for s in found:
            print(json.dumps(_row(s), ensure_ascii=False))
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_row(s) for s in found)
    else:
        rows = [[str(getattr(s, name)) for _, name in COLUMNS] for s in found]
        for line in table([heading for heading, _ in COLUMNS], rows):
            print(line)
        many = "source" if len(found) == 1 else "sources"
        print(f"{len(found)} {many}; crawl one with: thaipr crawl --province SLUG")
    return EXIT_OK


def _wanted(source: Source, args: argparse.Namespace) -> bool:
    if args.region and source.region != args.region:
        return False
    if args.template and source.template != args.template:
        return False
    if args.kind and source.kind != args.kind:
        return False
    if not args.query:
        return True
    searched = (source.slug, source.name_th, source.name_en, source.host, source.iso_code or "")
    return any(args.query.casefold() in text.casefold() for text in searched)


def _nothing_matched(every: Iterable[Source], args: argparse.Namespace) -> str:
    """`no source matches 'nongkai' (did you mean nongkhai?)`."""
    asked = [repr(args.query)] if args.query else []
    asked += [
        f"--{name} {value}"
        for name in ("region", "template", "kind")
        if (value := getattr(args, name))
    ]
    near = closest(every, args.query) if args.query else []
    guess = f" (did you mean {', '.join(near)}?)" if near else ""
    return f"no source matches {' '.join(asked)}{guess}"


def _row(source: Source) -> dict[str, str | None]:
    return {name: getattr(source, name) for name in FIELDS}


def display_width(text: str) -> int:
    """The columns a terminal gives the text: none for a combining mark (Thai vowels and
    tone marks above or below a letter), two for a wide East Asian character, else one."""
    return sum(
        0
        if unicodedata.category(ch) in ZERO_WIDTH_CATEGORIES
        else 2
        if unicodedata.east_asian_width(ch) in ("W", "F")
        else 1
        for ch in text
    )


def table(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Lines of left-aligned columns, padded by display width; no trailing spaces."""
    widths = [max(map(display_width, column)) for column in zip(headings, *rows, strict=True)]
    return [
        GAP.join(
            cell + " " * (width - display_width(cell))
            for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in (headings, *rows)
    ]
