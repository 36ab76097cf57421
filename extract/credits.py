"""Credits: who wrote, photographed, edited or sent a story.

A credit line is read in one of three forms:

1. **labelled**: a label, then names: `ข่าว : … ภาพ : … บรรณาธิการข่าว : …`, `ภาพ/ข่าว : …`,
   `ข่าว-ภาพ : …`, `ภาพ/ข่าว …` (a compound label needs no colon), `เรียบเรียงโดย …`,
   `ภาพข่าวและเนื้อหาข่าว โดย …`, `ข่าวจาก : สวท.น่าน`, `ที่มา : …`, `หน่วยงาน : …`,
   `ผู้โพส : …`; several names to a label are split at commas and slashes;
2. **name first**: each name followed by its role: `… - ข่าว/… - ภาพ/`,
   `… ถ่ายภาพ/… รายงาน`, `…, …: สรุป/รายงาน`;
3. **agency byline**: a press office alone on a line, maybe in brackets: `(ส.ปชส.ตราด)`,
   `สวท.น่าน`, `สำนักงานประชาสัมพันธ์จังหวัดตราด`.

A labelled line is a credit wherever it stands; the other two forms only where a page puts
its credits: in the run of credit lines that ends the body, and (a byline) on the body's
first line, under the page's date line. A credit line is taken out of the body, so its
names never read as officials or venues: a false credit costs a body line.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from extract.lexicon import (
    CREDIT_AGENCY_ABBREVIATIONS,
    CREDIT_AGENCY_HEADS,
    CREDIT_LABEL_WORDS,
    CREDIT_NAME_FALSE_STARTS,
    CREDIT_OTHER_LABELS,
    CREDIT_ROLE_WORDS,
    CREDIT_TEXT_ROLES,
)
from extract.text import alternation, squash
from extract.thaidate import find_dates

# A credit line is this long at most (white space folded); a longer line is body text.
LINE_MAX_CHARS = 200
# A name after a label (a person, an office) is at most this long, and this many words.
NAME_MAX_CHARS = 100
NAME_MAX_WORDS = 8
# A name before its role (name-first form) is shorter: at most this many words.
NAME_FIRST_MAX_WORDS = 5
# How many lines (blank ones aside) the run of credits that ends a body may hold.
TAIL_MAX_LINES = 8
# A closing date line after the credits (`12 มีนาคม 2567`, `3/4/2567`) is this short at most.
CLOSING_DATE_MAX_CHARS = 40

_OTHER_ROLE = dict(CREDIT_OTHER_LABELS)
_ROLE_WORD = alternation(CREDIT_ROLE_WORDS)
_ROLE_WORDS = re.compile(_ROLE_WORD)
# Role words joined into a compound: `ภาพ/ข่าว`, `ข่าว - ภาพ`, `ภาพและข่าว`.
_COMPOUND = rf"{_ROLE_WORD}(?:(?:\s*[/\-–]\s*|และ){_ROLE_WORD})*"
# A role ends where a word does; a label may have โดย written against it.
_WORD_END = r"[\s/,:：)•|]"
_ROLE_END = rf"(?={_WORD_END}|$)"
_LABEL = rf"(?P<label>{alternation(_OTHER_ROLE)}|{_COMPOUND})(?={_WORD_END}|โดย|$)"
# After a label: a colon, or โดย (and maybe a colon); `sep` is None for white space alone.
_AFTER_LABEL = r"(?:\s*(?P<sep>โดย\s*[:：]?|[:：])\s*|\s+)"
# What may open a line before its first label: bullets, a bracket, a dash.
_OPENING = re.compile(rf"^[\s•|(*\-–]*{_LABEL}{_AFTER_LABEL}")
# A further label on the line, after white space or a separator: always with a colon or โดย.
_NEXT_LABEL = re.compile(rf"(?<=[\s•|/,(]){_LABEL}\s*(?P<sep>โดย\s*[:：]?|[:：])\s*")
# Where a label's value ends short of the next label: a bullet or a bar.
_VALUE_END = re.compile(r"\s*[•|]")
_URL_STARTS = ("http://", "https://")  # a source's address: a name however long
_NAME_SPLIT = re.compile(r"\s*[,/]\s*")
# A colon inside a name, not a URL's: a label the reading did not know.
_INNER_LABEL = re.compile(r"[:：](?!//)")
_TRIM = " ,;:/\\-–|•*»«"

# Name first: names, a separator, a role, then the next pair or the line's end.
_NAME_WORD = r"[^\s:：/,\-–()\d๐-๙]+"
_NAME = rf"{_NAME_WORD}(?:\s{_NAME_WORD}){{0,{NAME_FIRST_MAX_WORDS - 1}}}?"
_ROLES_ONLY = re.compile(_COMPOUND)  # `สรุป/รายงาน` alone names no one
_PAIR = re.compile(
    rf"\s*(?P<names>{_NAME}(?:\s*[,/]\s*{_NAME})*?)(?P<sep>\s*[:：\-–/]\s*|\s+)"
    rf"(?P<role>{_COMPOUND}){_ROLE_END}\s*[/,]?\s*"
)

# An agency byline: the office, maybe in brackets, and nothing else.
_AGENCY = re.compile(
    r"^\(?\s*(?P<name>"
    rf"{alternation(CREDIT_AGENCY_ABBREVIATIONS)}\s?[ก-๛.]{{2,30}}"
    rf"|{alternation(CREDIT_AGENCY_HEADS)}[ก-๛]{{2,30}}"
    r")\s*\)?$"
)
# What may close a page after its credits: hashtags, a posting date.
_HASHTAGS = re.compile(r"^(?:#\S+\s*)+$")
_PUNCTUATION_ONLY = re.compile(r"^[\s/,.|•()\-–]*$")


@dataclass(frozen=True)
class Credit:
    role: str  # reporter | photographer | reporter_photographer | editor | source | author
    name: str


def split_credits(body: str) -> tuple[str, list[Credit]]:
    """Body without its credit lines, and the credits they give, in order."""
    lines = body.split("\n")
    read: dict[int, list[Credit]] = {}
    for i, line in enumerate(lines):
        credits = _labelled(line)
        if credits is not None:
            read[i] = credits
    read.update(_tail(lines, read))
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is not None and first not in read and (byline := _agency(lines[first])):
        read[first] = byline
    kept = [ln for i, ln in enumerate(lines) if i not in read]
    found: list[Credit] = []
    for i in sorted(read):
        found.extend(c for c in read[i] if c not in found)
    return "\n".join(kept).strip(), found


def parse_credit_line(line: str) -> list[Credit]:
    """The credits of a line in any of the three forms, read from the line alone."""
    return _credit_line(line) or []


def _agency(line: str) -> list[Credit]:
    """A press office's byline alone on a line: `(ส.ปชส.ตราด)` -> source `ส.ปชส.ตราด`."""
    m = _AGENCY.match(line.strip())
    return [Credit("source", m.group("name"))] if m else []


def _credit_line(line: str) -> list[Credit] | None:
    """A credit line's credits (perhaps none it names a role for: `…: กราฟิก`); None for a
    line that is no credit line."""
    for read in (_labelled, _name_first):
        credits = read(line)
        if credits is not None:
            return credits
    return _agency(line) or None


def _tail(lines: list[str], labelled: dict[int, list[Credit]]) -> dict[int, list[Credit]]:
    """The run of credit lines (of any form) that ends the body, the hashtags and the
    posting date that may close a page passed over: line index -> its credits."""
    found: dict[int, list[Credit]] = {}
    seen = 0
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i].strip()
        if not line or _HASHTAGS.match(line) or _bare_date(line):
            continue
        seen += 1
        if seen > TAIL_MAX_LINES:
            break
        credits = labelled[i] if i in labelled else _credit_line(line)
        if credits is None:
            break
        found[i] = credits
    return found


def _bare_date(line: str) -> bool:
    """A line that is one date and nothing else: a page's posting date."""
    if len(line) > CLOSING_DATE_MAX_CHARS:
        return False
    dates, _ = find_dates(line)
    return len(dates) == 1 and bool(
        _PUNCTUATION_ONLY.match(line[: dates[0].span[0]] + line[dates[0].span[1] :])
    )


def _labelled(line: str) -> list[Credit] | None:
    """Every label and its names on a line that opens with a label; None for any other
    line, and for one whose values are no names (too long) or that names no one."""
    if not _OPENING.match(line):  # the cheap test first: most lines open no label
        return None
    line = squash(line)
    first = _OPENING.match(line)
    if len(line) > LINE_MAX_CHARS or not first:
        return None
    role = _label_role(first.group("label"), first.group("sep"), opening=True)
    if role is None:
        return None
    labels = [(first.start("label"), first.end(), role)]
    for m in _NEXT_LABEL.finditer(line, first.end()):
        role = _label_role(m.group("label"), m.group("sep"), opening=False)
        if role is not None:
            labels.append((m.start(), m.end(), role))
    credits: list[Credit] = []
    for (_, end, role), nxt in zip(labels, [*labels[1:], None], strict=True):
        value = _VALUE_END.split(line[end : nxt[0] if nxt else len(line)])[0]
        names = _names(value, split_slashes="://" not in value)
        if names is None:
            return None
        credits.extend(Credit(role, n) for n in names)
    return credits or None


def _label_role(label: str, sep: str | None, opening: bool) -> str | None:
    """The role a label gives with what follows it (`sep`: a colon or โดย; None for white
    space alone), or None where it is no label there."""
    if label in _OTHER_ROLE:
        return _OTHER_ROLE[label] if sep else None
    words = _ROLE_WORDS.findall(label)
    if len(words) > 1:  # a compound, after white space alone where it opens the line
        return _role(words) if sep or opening else None
    return _role(words) if sep and words[0] in CREDIT_LABEL_WORDS else None


def _role(words: Iterable[str]) -> str | None:
    kinds = {CREDIT_ROLE_WORDS[w] for w in words}
    text = next((role for kind, role in CREDIT_TEXT_ROLES if kind in kinds), None)
    if "photo" in kinds:
        return "reporter_photographer" if text else "photographer"
    return text or ("source" if "source" in kinds else None)


def _names(value: str, split_slashes: bool) -> list[str] | None:
    """The names in a label's value, split at commas (and slashes); None where the value is
    no list of names: one too long, or one that opens with a number (`1,250 เรื่อง`, a date).
    A piece with a colon holds a label not read (`…, เผยแพร่: X`): its name is left out."""
    parts = _NAME_SPLIT.split(value) if split_slashes else value.split(",")
    names = [n for n in (_trim(p) for p in parts) if n]
    if any(_no_name(n) for n in names):
        return None
    return [n for n in names if not _INNER_LABEL.search(n)]


def _no_name(name: str) -> bool:
    too_long = len(name) > NAME_MAX_CHARS and not name.startswith(_URL_STARTS)
    return too_long or len(name.split()) > NAME_MAX_WORDS or name[0].isdigit()


def _trim(name: str) -> str:
    """A name without the punctuation around it; a closing bracket stays where it closes
    one opened in the name (`สำนักงานสถิติจังหวัด (สสจ.)`)."""
    name = name.strip(_TRIM)
    while name.endswith(")") and name.count(")") > name.count("("):
        name = name[:-1].rstrip(_TRIM)
    while name.startswith("(") and name.count("(") > name.count(")"):
        name = name[1:].lstrip(_TRIM)
    return name


def _name_first(line: str) -> list[Credit] | None:
    """The credits of a line that is wholly names each followed by its role; None for any
    other line."""
    line = squash(line)
    if len(line) > LINE_MAX_CHARS or not _ROLE_WORDS.search(line):
        return None
    credits: list[Credit] = []
    pos = 0
    while pos < len(line):
        m = _PAIR.match(line, pos)
        if not m or m.end() == pos:
            return None
        names = [_trim(n) for n in _NAME_SPLIT.split(m.group("names"))]
        if any(
            not n or n.startswith(CREDIT_NAME_FALSE_STARTS) or _ROLES_ONLY.fullmatch(n)
            for n in names
        ):
            return None
        # Written with white space alone, a lone pair needs a name of two words at least
        # (`มะลิ ทองดี ภาพ`): a one-word phrase before a role word ends a sentence.
        lone = pos == 0 and m.end() == len(line)
        if lone and not m.group("sep").strip() and len(names[0].split()) < 2:
            return None
        role = _role(_ROLE_WORDS.findall(m.group("role")))
        if role:
            credits.extend(Credit(role, n) for n in names)
        pos = m.end()
    return credits
