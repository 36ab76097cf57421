"""Programmes: `โครงการ…`, `แผน…`, `ยุทธศาสตร์…` with their phase (`ระยะที่ N`) and year range."""

import re
from dataclasses import dataclass

from extract.lexicon import PROGRAM_GLUE_BEFORE, PROGRAM_HEADS, PROGRAM_STOPS
from extract.text import alternation, scan_view, squash, word_start
from extract.thaidate import BE_OFFSET

MAX_NAME_CHARS = 160
_KIND = dict(PROGRAM_HEADS)
_HEAD = re.compile(rf"(?P<head>{alternation(_KIND)})(?=[ก-๛“\"])")
_QUOTED = re.compile(r"[“\"](?P<q>[^”\"\n]{2,150})[”\"]")
_STOP = re.compile(rf"\s|(?:{alternation(PROGRAM_STOPS)})")
_PHASE = re.compile(r"\s*(?:\(\s*)?ระยะที่\s?(?P<n>\d+)")
_YEARS = re.compile(
    r"\s*\(?\s*(?:พ\.?\s?ศ\.?|ปี)\s*(?P<y1>\d{4})\s*(?:[-–]\s*(?:พ\.?\s?ศ\.?\s*)?(?P<y2>\d{4}))?"
)


@dataclass(frozen=True)
class Program:
    name: str
    kind: str  # project | plan | strategy
    phase: int | None
    start_year: int | None  # CE
    end_year: int | None  # CE
    span: tuple[int, int]


def find_programs(body: str) -> list[Program]:
    """Programme mentions in text order; one entry per distinct (name, phase, years)."""
    scan = scan_view(body)
    found: list[Program] = []
    for m in _HEAD.finditer(scan):
        start = m.start("head")
        if not word_start(scan, start, PROGRAM_GLUE_BEFORE):
            continue
        name_end = _name_end(scan, m.end("head"))
        if name_end - start <= len(m.group("head")):
            continue
        end, phase = name_end, None
        years: tuple[int | None, int | None] = (None, None)
        ph = _PHASE.match(scan, end)
        if ph:
            phase, end = int(ph.group("n")), ph.end()
        yr = _YEARS.match(scan, end)
        if yr:
            y1 = int(yr.group("y1"))
            y2 = int(yr.group("y2")) if yr.group("y2") else y1
            years = (_ce(y1), _ce(y2))
            end = yr.end()
        entry = Program(
            name=squash(body[start:name_end]).strip('“”"'),
            kind=_KIND[m.group("head")],
            phase=phase,
            start_year=years[0],
            end_year=years[1],
            span=(start, end),
        )
        if all(
            (p.name, p.phase, p.start_year) != (entry.name, entry.phase, entry.start_year)
            for p in found
        ):
            found.append(entry)
    return found


def _name_end(scan: str, i: int) -> int:
    quoted = _QUOTED.match(scan, i)
    if quoted:
        return quoted.end()
    stop = _STOP.search(scan, i, i + MAX_NAME_CHARS)
    return stop.start() if stop else min(len(scan), i + MAX_NAME_CHARS)


def _ce(year: int) -> int:
    return year - BE_OFFSET if year > 2400 else year


def phase_conflicts(programs: list[Program]) -> dict[str, list[int]]:
    """Plans cited with different phases in one story: name -> the phases, in order."""
    phases: dict[str, list[int]] = {}
    for p in programs:
        if p.phase is not None and p.phase not in phases.setdefault(p.name, []):
            phases[p.name].append(p.phase)
    return {name: ph for name, ph in phases.items() if len(ph) > 1}
