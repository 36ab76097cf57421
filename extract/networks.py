"""Networks: the `เครือข่าย…` items of a list and the count the text states for them.

`6 เครือข่าย (เครือข่ายภาครัฐ เครือข่ายธุรกิจเอกชน … และเครือข่ายภาคประชาสังคม ชุมชน
และครอบครัว)` -> six names and a stated count of 6.
"""

import re
from dataclasses import dataclass

from extract.lexicon import NETWORK_LIST_STOPS, NETWORK_WORD
from extract.text import alternation, first_chars, scan_view, squash

# A list must name at least this many networks to be read as one.
MIN_LIST_ITEMS = 2
MAX_LIST_CHARS = 600

_COUNT = re.compile(rf"(?P<n>\d\d*)\s?{NETWORK_WORD}(?![ก-๛])")  # \d\d*: opens with a digit
_INTRO = re.compile(r"\s*(?:\(|ซึ่งประกอบด้วย|ประกอบด้วย|ได้แก่|คือ|ทั้ง)\s*")
_ITEM_START = re.compile(
    rf"(?={first_chars(('และ', NETWORK_WORD))})(?:(?<=\s)|(?<=\()|^)(?:และ)?{NETWORK_WORD}"
)
_LIST_END = re.compile(rf"\)|\n|(?<=\s)(?:{alternation(NETWORK_LIST_STOPS)})")


@dataclass(frozen=True)
class Network:
    name: str
    span: tuple[int, int]


def find_networks(body: str) -> tuple[list[Network], int | None]:
    """Network names from every list in `body` (deduplicated) and the first stated count."""
    scan = scan_view(body)
    networks: list[Network] = []
    stated: int | None = None
    if NETWORK_WORD not in scan:  # 85% of corpus bodies: no pass of the regex over them
        return networks, stated
    for count in _COUNT.finditer(scan):
        intro = _INTRO.match(scan, count.end())
        if not intro:
            continue
        items = _list_items(scan, body, intro.end())
        if len(items) < MIN_LIST_ITEMS:
            continue
        if stated is None:
            stated = int(count.group("n"))
        for item in items:
            if all(n.name != item.name for n in networks):
                networks.append(item)
    return networks, stated


def _list_items(scan: str, body: str, start: int) -> list[Network]:
    end_match = _LIST_END.search(scan, start, start + MAX_LIST_CHARS)
    end = end_match.start() if end_match else min(len(scan), start + MAX_LIST_CHARS)
    starts = [m.start() for m in _ITEM_START.finditer(scan, start, end)]
    if not starts or scan[start : starts[0]].strip():
        return []
    items = []
    for a, b in zip(starts, [*starts[1:], end], strict=True):
        if scan.startswith("และ", a):
            a += len("และ")
        text = squash(body[a:b])
        text = text.removesuffix(" และ").rstrip(" ,")
        items.append(Network(text, (a, a + len(body[a:b].rstrip().removesuffix("และ").rstrip()))))
    return items
