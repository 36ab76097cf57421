"""Credits: who wrote, photographed and edited a story (`ข่าว : … ภาพ : … บรรณาธิการข่าว : …`)."""

import re
from dataclasses import dataclass

from extract.lexicon import CREDIT_LABELS
from extract.text import alternation, squash

_ROLE = dict(CREDIT_LABELS)
_NO_COLON_LABELS = ("เขียนโดย", "เรียบเรียงโดย")
_LABEL = re.compile(
    rf"(?:(?<=\s)|^|(?<=[•|]))(?P<label>{alternation(_ROLE)})\s*(?:[:：]|(?<=โดย)\s)\s*"
)
_LINE_START = re.compile(
    rf"^\s*[•|]?\s*(?:{alternation(_ROLE)})\s*[:：]|^\s*(?:{alternation(_NO_COLON_LABELS)})\s"
)
_VALUE_END = re.compile(r"\s*[•|]\s*|\s{2,}$")


@dataclass(frozen=True)
class Credit:
    role: str  # reporter | photographer | reporter_photographer | editor | source | author
    name: str


def parse_credit_line(line: str) -> list[Credit]:
    """Every label: value pair on one credit line."""
    labels = list(_LABEL.finditer(line))
    credits = []
    for m, nxt in zip(labels, [*labels[1:], None], strict=True):
        value = line[m.end() : nxt.start() if nxt else len(line)]
        value = squash(_VALUE_END.split(value)[0]).strip(" ,;")
        if value:
            credits.append(Credit(_ROLE[m.group("label")], value))
    return credits


def is_credit_line(line: str) -> bool:
    return bool(_LINE_START.match(line))


def split_credits(body: str) -> tuple[str, list[Credit]]:
    """Body without its credit lines, and the credits they give, in order."""
    kept, credits = [], []
    for line in body.split("\n"):
        if is_credit_line(line):
            for c in parse_credit_line(line):
                if c not in credits:
                    credits.append(c)
        else:
            kept.append(line)
    return "\n".join(kept).strip(), credits
