"""Organisations named in a story: a word that opens with an organisation head
(`สำนักงาน…`, `ศูนย์…`, `กระทรวง…`), with a following parenthetical such as `(องค์การมหาชน)`."""

import re
from dataclasses import dataclass

from extract.lexicon import ORGANIZATION_GLUE_BEFORE, ORGANIZATION_HEADS, ORGANIZATION_STOPS
from extract.text import alternation, find_first, scan_view, word_start

MIN_NAME_CHARS = 6
MAX_PAREN_CHARS = 40
_HEAD = re.compile(rf"(?:{alternation(ORGANIZATION_HEADS)})(?=[ก-๛])")
_PAREN = re.compile(rf" ?\([^()\n]{{1,{MAX_PAREN_CHARS}}}\)")
_WORD_REST = re.compile(r'[^\s()“”",]*')  # the rest of the word a head opens


@dataclass(frozen=True)
class Organization:
    name: str
    span: tuple[int, int]


def find_organizations(body: str, skip_spans: list[tuple[int, int]] = ()) -> list[Organization]:  # type: ignore[assignment]
    """Organisation names in text order, once each, outside the given spans (officials'
    positions carry their own organisation)."""
    scan = scan_view(body)
    found: list[Organization] = []
    covered_until = 0  # the end of the furthest name found: heads are met in text order
    for m in _HEAD.finditer(scan):
        if (
            m.start() < covered_until
            or any(a <= m.start() < b for a, b in skip_spans)
            or not word_start(scan, m.start(), ORGANIZATION_GLUE_BEFORE)
        ):
            continue
        end = _WORD_REST.match(scan, m.end()).end()  # type: ignore[union-attr]
        stop = find_first(scan[m.end() : end], ORGANIZATION_STOPS)
        if stop is not None:
            end = m.end() + stop[0]
        paren = _PAREN.match(scan, end)
        if paren and end < len(scan):
            end = paren.end()
        name = body[m.start() : end].strip()
        if len(name) >= MIN_NAME_CHARS and all(o.name != name for o in found):
            found.append(Organization(name, (m.start(), end)))
            covered_until = max(covered_until, end)
    return _drop_extensions(found)


def _drop_extensions(found: list[Organization]) -> list[Organization]:
    """'ศูนย์คุณธรรมและกรอบ…' beside 'ศูนย์คุณธรรม (องค์การมหาชน)': keep the clean one."""
    qualified = {o.name.split(" (")[0] for o in found if " (" in o.name}
    bases = {o.name.split(" (")[0] for o in found}
    return [
        o
        for o in found
        if o.name not in qualified
        and not (
            "และ" in o.name and any(o.name != b and o.name.startswith(b + "และ") for b in bases)
        )
    ]
