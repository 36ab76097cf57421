"""Programmes: `โครงการ…`, `แผน…`, `ยุทธศาสตร์…` with their phase (`ระยะที่ N`) and year range."""

import re
from dataclasses import dataclass

from extract.lexicon import (
    PROGRAM_GLUE_BEFORE,
    PROGRAM_HEADS,
    PROGRAM_NOT_NAMES,
    PROGRAM_SELF_NAMED,
    PROGRAM_STOPS,
    PROGRAM_WEAK_HEADS,
)
from extract.text import (
    alternation,
    matches_at,
    openings,
    scan_view,
    squash,
    starts_with_any,
    word_start,
)
from extract.thaidate import BE_OFFSET

MAX_NAME_CHARS = 160
_KIND = dict(PROGRAM_HEADS)
_HEAD = re.compile(rf"(?P<head>{alternation(_KIND)})(?=[ก-๛“\"]| [“\"])")
_HEAD_OPENINGS = openings(_KIND)  # โครงการ, แผน, ยุทธศาสตร์: found with str.find
_QUOTES = re.compile(r"[“”\"]")
_QUOTED = re.compile(r" ?[“\"](?P<q>[^”\"\n]{2,150})[”\"]")
_STOP = re.compile(rf"\s|(?:{alternation(PROGRAM_STOPS)})")
_PHASE = re.compile(r"\s*(?:\(\s*)?ระยะที่\s?(?P<n>\d+)")
_BE = r"พ\.?\s?ศ\.?"
_YEARS = re.compile(  # พ.ศ.2566-2570, ปี 2566, ประจำปีงบประมาณ พ.ศ. 2566
    rf"\s*\(?\s*(?:(?:ประจำ)?ปี(?:งบประมาณ)?\s*(?:{_BE})?|{_BE})\s*(?P<y1>\d{{4}})"
    rf"\s*(?:[-–]\s*(?:{_BE}\s*)?(?P<y2>\d{{4}}))?"
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
    for m in matches_at(_HEAD, scan, _HEAD_OPENINGS):
        start = m.start("head")
        if not word_start(scan, start, PROGRAM_GLUE_BEFORE):
            continue
        name_end = _name_end(scan, m.end("head"))
        if _not_a_name(scan, m.end("head")):
            if m.group("head") not in PROGRAM_SELF_NAMED:
                continue
            name_end = m.end("head")  # "ยุทธศาสตร์ชาติและ…": the head is the whole name
        elif name_end - start <= len(m.group("head")):
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
        quoted = _QUOTED.match(scan, m.end("head")) is not None
        if m.group("head") in PROGRAM_WEAK_HEADS and not (quoted or phase or yr):
            continue  # "แผนการดำเนินงาน…": a plan of something, not one named
        entry = Program(
            name=squash(_QUOTES.sub("", body[start:name_end])),
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


def _not_a_name(scan: str, i: int) -> bool:
    """'โครงการนี้', 'โครงการฯ ดังกล่าว', 'โครงการในครั้งนี้', 'โครงการที่…': a programme
    referred to or described, not named."""
    if scan.startswith("ฯ", i):
        i += 1
        if i >= len(scan) or scan[i].isspace():
            return True  # "โครงการฯ": the one just named
    while scan.startswith(" ", i):
        i += 1
    return starts_with_any(scan, PROGRAM_NOT_NAMES, i) is not None


def _ce(year: int) -> int:
    return year - BE_OFFSET if year > 2400 else year


def phase_conflicts(programs: list[Program]) -> dict[str, list[int]]:
    """Plans cited with different phases in one story: name -> the phases, in order."""
    phases: dict[str, list[int]] = {}
    for p in programs:
        if p.phase is not None and p.phase not in phases.setdefault(p.name, []):
            phases[p.name].append(p.phase)
    return {name: ph for name, ph in phases.items() if len(ph) > 1}
