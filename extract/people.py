"""Officials: honorific or rank + name + position (+ organisation) + role, with spans.

A person is found by an honorific (`นาย`, `พลเอก`, `ผศ.ดร.`, `พระ…`); the name runs over
the words that follow up to the position, which must open with a known position word and
ends before the next verb, connective or person. Chair roles come from the cue after the
position (`เป็นประธาน…`), from a delegation (`ได้รับมอบหมาย… เป็นประธาน`), or from a
short title form (`พล.อ.ประวิตรฯ เป็นประธาน…`).
"""

import re
from dataclasses import dataclass, replace
from functools import cache

from extract.geo import find_places, find_provinces
from extract.lexicon import (
    ACADEMIC_TITLES,
    ADDRESS_HEADS,
    AND_WORD,
    APPOSITION_CUES,
    CHAIR_CUE_LEADINS,
    CHAIR_CUES,
    CIVIL_TITLES,
    COMPANION_LINKS,
    DELEGATION_CUES,
    GLUED_HONORIFIC_EXCLUDED,
    HONORIFIC_FALSE_STARTS,
    MEDICAL_TITLES,
    MONASTIC_TITLES,
    NAME_GLUE_BEFORE,
    NAMED_PLACE_HEADS,
    NOT_MONASTIC,
    OFFICE_UNIT_HEADS,
    ORGANIZATION_HEADS,
    PLACE_OFFICE_MARKERS,
    POSITION_CONTINUATIONS,
    POSITION_HEADS,
    POSITION_PREFIXES,
    POSITION_STOP_EXCEPTIONS,
    POSITION_STOPS_GLUED,
    RANK_PREFIX_ACTING,
    RANK_SUFFIX_FEMALE,
    RANKS,
    VENUE_HEADS_AFTER_THI,
    WORD_STOPS,
)
from extract.text import (
    alternation,
    anchors,
    find_first,
    matches_at,
    openings,
    scan_view,
    squash,
    starts_with_any,
    word_start,
)

# Longest a name may run, in words, and a position, in words and characters.
MAX_NAME_WORDS = 5
# Longer than any Thai name (given name and surname, a royal-granted ณ suffix included), in
# characters, or any one word of it: a boundary was missed, and the record warns instead.
MAX_NAME_CHARS = 45
MAX_NAME_WORD_CHARS = 25
MAX_POSITION_WORDS = 10
MAX_POSITION_CHARS = 160
# How far a delegated chair cue may stand after the delegation, in characters.
DELEGATION_REACH = 250
# A stop word shorter than this ends a name only when it is the whole word.
NAME_STOP_PREFIX_MIN = 4
# Words that end a clause before a delegated chair cue could belong to the subject.
_CLAUSE_BREAKS = ("โดยมี", "ซึ่งมี", "โดย ")
_PURPOSE_CHAIR = (
    "เพื่อเป็นประธาน",
    "เพื่อเป็นองค์ประธาน",
    "มาเป็นประธาน",
    "ไปเป็นประธาน",
    "มาเป็นองค์ประธาน",
)
# How far along the line a coordinated chair verb ("… และเป็นประธาน…") is looked for.
COORDINATED_CHAIR_REACH = 400
_COORDINATED_CHAIR = re.compile(  # not a relative clause: "ผู้ที่เป็นประธาน", "ซึ่งเป็นประธาน"
    r"(?<!ที่)(?<!ซึ่ง)(?<!ผู้)(?:(?:และ|พร้อมทั้ง|พร้อมกับ)\s?)?(?:ได้\s?)?(?:ให้เกียรติ\s?)?"
    r"(?:มา\s?)?เป็น(?:องค์)?ประธาน"
)
# Every coordinated chair verb holds this word. The pattern opens with look-behinds, so the
# regex engine tries it at every character of a line; four lines in five lack the word.
_COORDINATED_CHAIR_ANCHOR = "ประธาน"
# What hands the verbs that follow to someone else: a new subject (โดย…, สมเด็จพระ…),
# reported speech, an order.
_SUBJECT_BREAKS = ("ที่มี", "ว่า", "ให้", "มอบ", "โดย", "สมเด็จ")

_THAI_LETTER = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e"  # letters, marks; no ฯ ๆ
_NAME_WORD = re.compile(rf"[{_THAI_LETTER}A-Za-z][{_THAI_LETTER}A-Za-z\-'’.]*")
_TITLE_WORDS = RANKS + ACADEMIC_TITLES + MEDICAL_TITLES + CIVIL_TITLES
_CHAINABLE = ACADEMIC_TITLES + MEDICAL_TITLES + ("Mr.", "Mrs.", "Ms.", "Dr.", "H.E.")
HONORIFIC = re.compile(
    alternation(_TITLE_WORDS, lead=rf"{re.escape(RANK_PREFIX_ACTING)}\s?")
    + rf"(?:{RANK_SUFFIX_FEMALE})?(?:\s?(?:{alternation(_CHAINABLE)}))*"
)
MONASTIC = re.compile(rf"{alternation(MONASTIC_TITLES)}(?=[{_THAI_LETTER}])")
_MONASTIC_ANCHORS = anchors(MONASTIC_TITLES)  # 3 corpus bodies in 5 hold none: no pass then
_MONASTIC_OPENINGS = openings(MONASTIC_TITLES)
_MONASTIC_POSITIONS = ("เจ้าอาวาส", "เจ้าคณะ", "รองเจ้าคณะ", "ผู้ช่วยเจ้าอาวาส", "ประธานสงฆ์")
_TRAILING_PUNCT = ")]},;:\"”’'"
_LATIN_GLOSS = re.compile(r"\(\s*[A-Za-z][^()\n]{0,80}\)")
_PARENTHETICAL = re.compile(r"\([^()\n]{1,60}\)")
_SPACE_RUN = re.compile(r"\s*")  # \s is str.isspace
_WORD = re.compile(r"\S*")
_SHORT_FORM_NAME = re.compile(rf"[{_THAI_LETTER}.]{{2,30}}\s?$")
# A vowel or mark that follows a consonant: no word opens with one.
_DEPENDENT = re.compile(r"[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]")
_AREA_NUMBER = re.compile(r"\s?เขต\s?\d+")
# What makes what follows a plan, not an event that happened: จะ…, มีกำหนด…, เตรียม…
_PLANNED = re.compile(r"(?:^|\s)(?:จะ|มีกำหนด|เตรียม)")
# A position that opens a clause of its own ("… ซึ่งรองผู้ว่าราชการจังหวัดเป็นประธาน").
_SUBJECT_POSITION = re.compile(rf"(?:^|\s)(?:{alternation(POSITION_HEADS)})")
# What the organisation or province inside a position phrase opens with.
_ORGANIZATION_OPENINGS = (*ORGANIZATION_HEADS, "จังหวัด")


@dataclass(frozen=True)
class Official:
    honorific: str
    name: str
    position: str | None
    organization: str | None
    role: str | None
    span: tuple[int, int]
    # Filled once the article's province is known (`extract.positions.normalize_officials`):
    name_norm: str | None = None  # the name people are told apart by (`extract.names`)
    position_norm: str | None = None  # the canonical role (`extract.positions`)
    position_org: str | None = None  # the organisation it serves, abbreviations expanded
    position_province: str | None = None  # ISO 3166-2:TH code of the province it serves
    position_province_source: str | None = None  # position | article


@cache
def _dictionary_words() -> frozenset[str]:
    """PyThaiNLP's bundled word list: a word found there is rarely part of a name."""
    from pythainlp.corpus.common import thai_words

    return frozenset(thai_words())


def _is_stop(word: str) -> bool:
    """A verb or connective opens this word: it ends a position."""
    if starts_with_any(word, POSITION_CONTINUATIONS):
        return False
    return bool(starts_with_any(word, POSITION_STOPS_GLUED) or starts_with_any(word, WORD_STOPS))


def _is_name_stop(word: str) -> bool:
    """Stricter for names: short stop words only when they are the whole word (ณรงค์, วันชัย)."""
    if starts_with_any(word, POSITION_STOPS_GLUED) or word in WORD_STOPS:
        return True
    prefix = starts_with_any(word, WORD_STOPS)
    return prefix is not None and len(prefix) >= NAME_STOP_PREFIX_MIN


def _position_like(word: str) -> bool:
    """A word that opens a position after a name: a position's head or prefix (รอง…, นัก…,
    อดีต…), or an office of a province or district (สถิติจังหวัด…, เกษตรอำเภอ…)."""
    return bool(
        starts_with_any(word, POSITION_HEADS)
        or word.startswith(POSITION_PREFIXES)
        or (any(marker in word for marker in PLACE_OFFICE_MARKERS) and not _is_stop(word))
    )


def _not_a_name_word(word: str) -> bool:
    """A word no name holds: position-like, an abbreviation (มทร., บ.), an address's part."""
    return (
        _position_like(word)
        or "." in word.rstrip(_TRAILING_PUNCT + ".")
        or starts_with_any(word, ADDRESS_HEADS) is not None
    )


def plausible_name(name: str) -> bool:
    """Whether `name` is as long as a Thai name can be (see MAX_NAME_CHARS)."""
    return len(name) <= MAX_NAME_CHARS and all(
        len(word) <= MAX_NAME_WORD_CHARS for word in name.split(" ")
    )


def _glued_honorific(word: str) -> bool:
    """'และนายอดิศักดิ์': a connective written against the next person's honorific."""
    glue = starts_with_any(word, NAME_GLUE_BEFORE)
    return glue is not None and HONORIFIC.match(word, len(glue)) is not None


def _glued_stop(word: str, start: int = 1) -> int | None:
    """Where a verb or connective begins inside a word ("นายกรัฐมนตรีกล่าว" -> 12)."""
    pos = start
    while True:
        hit = find_first(word, POSITION_STOPS_GLUED, pos)
        if hit is None:
            return None
        i = hit[0]
        shielded = word[:i].endswith(OFFICE_UNIT_HEADS) or any(
            0 <= j <= i < j + len(exc)
            for exc in POSITION_STOP_EXCEPTIONS
            for j in _all_indexes(word, exc)
        )
        if not shielded:
            return i
        pos = i + 1


def _all_indexes(text: str, sub: str) -> list[int]:
    out, i = [], text.find(sub)
    while i >= 0:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


def _glued_and(word: str) -> int | None:
    """'นายกรัฐมนตรีและรัฐมนตรีว่าการ…' -> the index of และ before a second position."""
    for i in _all_indexes(word, AND_WORD):
        if i > 0 and starts_with_any(word[i + len(AND_WORD) :], POSITION_HEADS):
            return i
    return None


class _Words:
    """White-space separated words of a text, with offsets."""

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.pos = start

    def peek(self) -> tuple[int, int, bool] | None:
        """(start, end, crossed_newline) of the next word, not consuming it."""
        text = self.text
        i = _SPACE_RUN.match(text, self.pos).end()  # type: ignore[union-attr]
        if i >= len(text):
            return None
        crossed = text.find("\n", self.pos, i) >= 0
        if text[i] == "(":
            m = _PARENTHETICAL.match(text, i)
            if m:
                return i, m.end(), crossed
        return i, _WORD.match(text, i).end(), crossed  # type: ignore[union-attr]


def names_a_place(scan: str, start: int) -> bool:
    """Whether the honorific at `start` may open the name of the room or building written
    just before it ("ห้องประชุม ศ.ดร.สมชาย …"); it does unless a position follows the name."""
    before = scan[max(0, start - 16) : start].rstrip(" ")
    return before.endswith(NAMED_PLACE_HEADS)


def _honorific_allowed(scan: str, start: int) -> bool:
    return word_start(scan, start, NAME_GLUE_BEFORE)


def _read_name(scan: str, start: int) -> tuple[int, int] | None:
    """The span of given name + surname (+ more words of a long name) from `start`."""
    words = _Words(scan, start)
    first = words.peek()
    if first is None or first[0] - start > 1 or first[2]:
        return None
    given = scan[first[0] : first[1]]
    m = _NAME_WORD.fullmatch(given)
    if (
        not m
        or len(given) < 2
        or given.endswith("ฯ")
        or _is_name_stop(given)
        or starts_with_any(given, POSITION_HEADS)
        or _glued_stop(given, 2) is not None  # "ดร.สาธิตให้สัมภาษณ์ว่า": a short mention
    ):
        return None
    words.pos = first[1]
    second = words.peek()
    if second is None or second[0] - first[1] > 2:
        return None
    surname_start, surname_end = second[0], second[1]
    while surname_end > surname_start and scan[surname_end - 1] in _TRAILING_PUNCT:
        surname_end -= 1
    surname = scan[surname_start:surname_end]
    if surname == "ณ":  # a surname that is ณ + a place: "ณ นคร", "ณ บางช้าง"
        words.pos = surname_end
        nxt = words.peek()
        if nxt is None or nxt[2]:
            return None
        surname_end = nxt[1]
        surname = scan[surname_start:surname_end]
    cut = _glued_position(surname)
    if cut is not None:
        surname_end = surname_start + cut
        surname = surname[:cut]
    if (
        not _NAME_WORD.fullmatch(surname.split(" ")[-1])
        or len(surname) < 2
        or _is_name_stop(surname)
        or _glued_honorific(surname)  # "นายสมาน และนางเพียงเพ็ญ …": no surname given
        or starts_with_any(surname, POSITION_HEADS)
        # "นายอนุทิน เรียกประชุม": a verb cut off a word leaves a verb, not a surname
        or (
            cut is not None
            and surname in _dictionary_words()
            and not starts_with_any(scan, POSITION_HEADS, surname_end)
        )
    ):
        return None
    if cut is not None:
        return first[0], surname_end
    return first[0], _extend_long_name(scan, _na_surname_suffix(scan, surname_end))


def _na_surname_suffix(scan: str, end: int) -> int:
    """'กมล พรหมสาขา ณ สกลนคร ผู้อำนวยการ…': a royal-granted surname ending 'ณ <place>'
    (a person, not a venue) when a position, a verb or the line's end follows it."""
    words = _Words(scan, end)
    na = words.peek()
    if na is None or na[2] or scan[na[0] : na[1]] != "ณ":
        return end
    words.pos = na[1]
    place = words.peek()
    if place is None or place[2]:
        return end
    word = scan[place[0] : place[1]].rstrip(_TRAILING_PUNCT)
    if not _NAME_WORD.fullmatch(word) or starts_with_any(word, VENUE_HEADS_AFTER_THI):
        return end
    words.pos = place[1]
    after = words.peek()
    if (
        after is None
        or after[2]
        or starts_with_any(scan, POSITION_HEADS, after[0])
        or _is_stop(scan[after[0] : after[1]])
    ):
        return place[0] + len(word)
    return end


def _glued_position(word: str) -> int | None:
    """A position or verb glued to a surname ("จันทร์โอชานายกรัฐมนตรี") -> where it starts."""
    for i in range(2, len(word) - 3):
        rest = word[i:]
        head = starts_with_any(rest, POSITION_HEADS)
        if head and len(head) >= 6:
            return i
    stop = _glued_stop(word, 2)
    return stop if stop is not None and stop >= 2 and len(word) - stop >= 3 else None


def _extend_long_name(scan: str, end: int) -> int:
    """Foreign and three-part names: more name words before a position on the same line."""
    words = _Words(scan, end)
    extra: list[tuple[int, int, bool]] = []
    while len(extra) < MAX_NAME_WORDS - 2:
        nxt = words.peek()
        if nxt is None or nxt[2]:
            break
        word = scan[nxt[0] : nxt[1]]
        if _not_a_name_word(word) or _LATIN_GLOSS.match(word):
            return extra[-1][1] if extra else end
        if (
            not _NAME_WORD.fullmatch(word)
            or _is_name_stop(word)
            or HONORIFIC.match(word)
            or _glued_honorific(word)
        ):
            break
        extra.append(nxt)
        words.pos = nxt[1]
    # No position follows: keep only words that are no dictionary word.
    kept = end
    for s, e, _crossed in extra:
        if scan[s:e] in _dictionary_words():
            break
        kept = e
    return kept


def _read_position(scan: str, start: int) -> tuple[int, int] | None:
    """The span of the position phrase that opens at `start`, if one does."""
    words = _Words(scan, start)
    first = words.peek()
    if first is None or (first[2] and first[0] > start + 1):
        return None
    if not (
        starts_with_any(scan, POSITION_HEADS, first[0]) or _position_like(scan[first[0] : first[1]])
    ):
        return None
    begin, end, count = first[0], first[0], 0
    while count < MAX_POSITION_WORDS:
        nxt = words.peek()
        if nxt is None:
            break
        s, e, crossed = nxt
        word = scan[s:e]
        bare_prefix = count == 1 and scan[begin:end] in POSITION_PREFIXES  # "รอง นรม."
        if count and (
            _is_stop(word)
            or (starts_with_any(word, POSITION_HEADS) and not bare_prefix)  # the next item
            or (count > 1 and _office_of_a_place(word))  # the next item, named by office
            or (HONORIFIC.match(word) and _honorific_allowed(scan, s))
            or _glued_honorific(word)
            or word.startswith((",", "“", '"', "/"))
            or (crossed and not _continues_across_line(word))
        ):
            break
        # "…จังหวัด,นายแพทย์…", "…ตรวจคนเข้าเมือง 2/โฆษก…": the next item, or a second title
        mark = min((i for i in (word.find(",", 1), word.find("/", 1)) if i > 0), default=None)
        glued = (
            _glued_stop(word, 1 if count else _head_length(word)),
            _glued_after_province(word),
            _glued_and(word),
            mark,
        )
        cuts = [c for c in glued if c is not None]
        if cuts:
            end = s + min(cuts)
            break
        if e - begin > MAX_POSITION_CHARS:
            break
        end = e
        words.pos = e
        count += 1
        if _ends_with_place(word):
            end = _area_number(scan, words, end)
            break
    return (begin, end) if end > begin else None


def _glued_after_province(word: str) -> int | None:
    """'…จังหวัดน่านประธานพิธี…': where a chair cue or a verb is written against the province
    that ends a position."""
    for m in find_provinces(word):
        rest = word[m.span[1] :]
        if m.marked and rest and (starts_with_any(rest, CHAIR_CUES) or _is_stop(rest)):
            return m.span[1]
    return None


def _office_of_a_place(word: str) -> bool:
    """'เกษตรอำเภอธัญบุรี', 'สถิติจังหวัดตรัง': an office named after its area, which opens
    a new item of a list (an organisation's own name, สำนักงาน…จังหวัด…, does not)."""
    return any(word.find(marker) > 0 for marker in PLACE_OFFICE_MARKERS) and not (
        starts_with_any(word, ORGANIZATION_HEADS)
    )


def _ends_with_place(word: str) -> bool:
    """A position ends with the province or district it serves ('…จังหวัดหนองคาย',
    'ผวจ.ลพบุรี', 'นายอำเภอปากเกร็ด'), or with `จังหวัดฯ` standing for the one just named."""
    if word.endswith(("จังหวัดฯ", "อำเภอฯ")):
        return True
    if any(m.span[1] == len(word) for m in find_provinces(word)):
        return True
    return any(m.span[1] == len(word) for m in find_places(word, "district"))


def _area_number(scan: str, words: "_Words", end: int) -> int:
    """'ผอ.สพป.นครปฐม เขต 1': an office's area number after its province belongs to it."""
    m = _AREA_NUMBER.match(scan, end)
    if m:
        words.pos = m.end()
        return m.end()
    return end


def _head_length(word: str) -> int:
    head = starts_with_any(word, POSITION_HEADS)
    return len(head) if head else 1


def _continues_across_line(word: str) -> bool:
    """A position broken by a line break mid-word ("…ทรัพยากร\\nธรรมชาติ…")."""
    return bool(_NAME_WORD.match(word)) and not _is_stop(word)


def _preceding_position(scan: str, paren: int) -> tuple[int, int] | None:
    """'รัฐมนตรีว่าการ… (พลเอก สุรศักดิ์ กาญจนรัตน์)': the position before the bracket, from
    the nearest position head that opens a word (after a space or a glue word, โดยมี…)."""
    line_start = scan.rfind("\n", 0, paren) + 1
    segment = scan[line_start:paren].rstrip()
    best = None
    for head in POSITION_HEADS:
        i = segment.rfind(head)
        while i >= 0 and not word_start(segment, i, NAME_GLUE_BEFORE):
            i = segment.rfind(head, 0, i)
        if i >= 0 and (best is None or i > best):
            best = i
    if best is None or len(segment[best:].split()) > MAX_POSITION_WORDS:
        return None
    return line_start + best, line_start + len(segment)


def _organization(position: str) -> str | None:
    """The organisation or province named inside a position phrase."""
    head = find_first(position, _ORGANIZATION_OPENINGS, 1)
    return position[head[0] :].strip() if head is not None else None


def _chair_after(scan: str, end: int, subject: bool = False) -> bool:
    """Does the text right after a person's position say the person presided? A `subject`
    (the first person of a paragraph) also presides through a coordinated verb later on."""
    line = scan[end : end + COORDINATED_CHAIR_REACH].split("\n", 1)[0]
    rest = _past_apposition(line.lstrip())[:DELEGATION_REACH]
    cue_text = rest
    for _ in range(3):  # "ได้ให้เกียรติเป็นประธาน…": small words before the cue
        lead = starts_with_any(cue_text, CHAIR_CUE_LEADINS)
        if lead is None:
            break
        cue_text = cue_text[len(lead) :].lstrip()
    if starts_with_any(cue_text, CHAIR_CUES):
        return True
    clause = rest
    for brk in _CLAUSE_BREAKS:
        i = clause.find(brk)
        if i >= 0:
            clause = clause[:i]
    delegated = starts_with_any(rest, DELEGATION_CUES)
    if delegated and delegated != "แทน" and "เป็นประธาน" in clause:
        return True  # "X ได้รับมอบหมายจาก Y … ให้ทำหน้าที่แทนเพื่อเป็นประธาน…"
    if rest.startswith(("จะ", "ให้")):
        return False
    coordinated = (
        _COORDINATED_CHAIR.search(line) if subject and _COORDINATED_CHAIR_ANCHOR in line else None
    )
    if coordinated and not _another_subject(line[: coordinated.start()]):
        return True  # "X สักการะ… และได้ร่วม… (และ)เป็นประธานในกิจกรรม…": the same subject
    if HONORIFIC.search(clause):
        return False
    return any(p in clause for p in _PURPOSE_CHAIR)  # "X เดินทางไป… เพื่อเป็นประธาน…"


def _past_apposition(rest: str) -> str:
    """The text after a capacity (`ในฐานะ…`, `รักษาราชการแทน…`) or a second position
    (`เจ้าคณะตำบล… เจ้าอาวาสวัด…`) written between a position and its verb."""
    for _ in range(2):
        word = rest.split(" ", 1)[0]
        title = word.lstrip("/")  # "… รองเจ้าคณะภาค 17 /เจ้าอาวาสวัด… เป็นประธาน"
        if starts_with_any(title, CHAIR_CUES):
            break
        if title.startswith(APPOSITION_CUES) or starts_with_any(title, POSITION_HEADS):
            rest = rest[len(word) :].lstrip()
    return rest


def _another_subject(text: str) -> bool:
    """Whether someone else comes in before a coordinated verb (a person, `โดยมี…`, a
    position written as the next clause's subject), or the verbs are a plan (`จะ…`)."""
    return bool(
        HONORIFIC.search(text)
        or any(brk in text for brk in (*_CLAUSE_BREAKS, *_SUBJECT_BREAKS))
        or any(p in text for p in _MONASTIC_POSITIONS)  # a monk, named by title
        or _SUBJECT_POSITION.search(text)
        or _PLANNED.search(text)
    )


def find_officials(body: str, title: str = "") -> list[Official]:
    """Every named official in `body`, merged by name, in order of first mention."""
    scan = scan_view(body)
    found: list[Official] = []
    pos = 0
    for m in HONORIFIC.finditer(scan):
        if m.start() < pos or starts_with_any(scan, HONORIFIC_FALSE_STARTS, m.start()):
            continue
        person = _person_at(scan, body, m.start(), _honorific_end(scan, m))
        if person and person.position is None and names_a_place(scan, m.start()):
            continue  # "ห้องประชุม ศ.ดร.…", "อาคาร ดร.…": a room or a building, not a person
        # An honorific written against any other word ("…วิทยาเขตจันทบุรีนายสามารถ") is a
        # person's only when a known position follows the name.
        if person and not _honorific_allowed(scan, m.start()) and not _glued_person(person):
            person = None
        if person:
            found.append(person)
            pos = person.span[1]
    found.extend(_monks(scan, body))
    found.sort(key=lambda o: o.span)
    found = _share_chairs(found, scan)
    return _apply_short_form_chairs(_merge(found), scan_view(title) + "\n" + scan)


def _share_chairs(found: list[Official], scan: str) -> list[Official]:
    """A chair cue after the second of two people read as one subject: "A … และ B … เป็น
    ประธาน", both preside; "A … พร้อมด้วย B … เป็นประธาน", A does (B comes along)."""
    out = list(found)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if cur.role != "chair" or prev.span[1] > cur.span[0]:
            continue
        link = scan[prev.span[1] : cur.span[0]].strip()
        if link == AND_WORD:
            out[i - 1] = replace(prev, role="chair")
        elif link in COMPANION_LINKS:
            out[i - 1], out[i] = replace(prev, role="chair"), replace(cur, role=None)
    return out


def _person_at(scan: str, body: str, start: int, honorific_end: int) -> Official | None:
    name_span = _read_name(scan, honorific_end)
    if name_span is None:
        return None
    after = name_span[1]
    gloss = _LATIN_GLOSS.match(scan, _skip_spaces(scan, after))
    if gloss:
        after = gloss.end()
    pos_span = _read_position(scan, after)
    if pos_span is None and start > 0 and scan[start - 1] == "(":
        pos_span = _preceding_position(scan, start - 1)
        after = scan.find(")", name_span[1]) + 1 or name_span[1]
    position = squash(body[pos_span[0] : pos_span[1]]) if pos_span else None
    end = max(pos_span[1], after) if pos_span and pos_span[0] > start else after
    role = "chair" if _chair_after(scan, end, _first_person_of_line(scan, start)) else None
    return Official(
        honorific=squash(body[start:honorific_end]),
        name=squash(body[name_span[0] : name_span[1]]),
        position=position,
        organization=_organization(position) if position else None,
        role=role,
        span=(start, end),
    )


def _glued_person(person: Official) -> bool:
    """A person whose honorific is written against the word before it: only with a plain
    honorific (not คุณ or พระ, which end many words) and a known position after the name."""
    return (
        person.honorific not in GLUED_HONORIFIC_EXCLUDED
        and person.position is not None
        and starts_with_any(person.position, POSITION_HEADS) is not None
    )


def _first_person_of_line(scan: str, start: int) -> bool:
    """No honorific stands between the line's start and `start`."""
    line_start = scan.rfind("\n", 0, start) + 1
    return HONORIFIC.search(scan, line_start, start) is None


def _honorific_end(scan: str, m: re.Match[str]) -> int:
    """Where the honorific matched by `m` ends: never before a vowel or mark that cannot open
    a word ("นางสาวิตรี" is นาง + สาวิตรี, not นางสาว + ิตรี)."""
    end = m.end()
    while end > m.start() and _DEPENDENT.match(scan, end):
        shorter = starts_with_any(scan[m.start() : end - 1], _TITLE_WORDS)
        if shorter is None:
            break
        end = m.start() + len(shorter)
    return end


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


def _monks(scan: str, body: str) -> list[Official]:
    """Monks named by title alone: 'พระธรรมราชานุวัตร เจ้าอาวาสวัด…'."""
    out: list[Official] = []
    if not any(a in scan for a in _MONASTIC_ANCHORS):
        return out
    for m in matches_at(MONASTIC, scan, _MONASTIC_OPENINGS):
        if not _honorific_allowed(scan, m.start()) or starts_with_any(
            scan, NOT_MONASTIC, m.start()
        ):
            continue
        words = _Words(scan, m.end())
        name = words.peek()
        if name is None or name[0] != m.end():
            continue
        words.pos = name[1]
        nxt = words.peek()
        if (
            nxt
            and not nxt[2]
            and _NAME_WORD.fullmatch(scan[nxt[0] : nxt[1]])
            and (not starts_with_any(scan, _MONASTIC_POSITIONS, nxt[0]))
        ):  # "พระมหาสมพงษ์ กิตฺติคุโณ รองเจ้าคณะ…": a name and its Pali ฉายา
            words.pos = nxt[1]
            after = words.peek()
            if after and not after[2] and starts_with_any(scan, _MONASTIC_POSITIONS, after[0]):
                name, nxt = (name[0], nxt[1], name[2]), after
        if nxt is None or nxt[2] or not starts_with_any(scan, _MONASTIC_POSITIONS, nxt[0]):
            continue
        pos_span = _read_position(scan, name[1]) or (nxt[0], nxt[1])
        position = squash(body[pos_span[0] : pos_span[1]])
        subject = _first_person_of_line(scan, m.start())
        out.append(
            Official(
                honorific=body[m.start() : m.end()],
                name=body[name[0] : name[1]],
                position=position,
                organization=_organization(position),
                role="chair" if _chair_after(scan, pos_span[1], subject) else None,
                span=(m.start(), pos_span[1]),
            )
        )
    return out


def _merge(found: list[Official]) -> list[Official]:
    """One entry per person: first mention's span, the first position and honorific given."""
    by_name: dict[str, Official] = {}
    for o in found:
        key = o.name.replace(" ", "")
        seen = by_name.get(key)
        if seen is None:
            by_name[key] = o
            continue
        by_name[key] = replace(
            seen,
            honorific=seen.honorific or o.honorific,
            position=seen.position or o.position,
            organization=seen.organization or o.organization,
            role=seen.role or o.role,
        )
    return list(by_name.values())


def _apply_short_form_chairs(officials: list[Official], text: str) -> list[Official]:
    """Title forms such as 'รอง นรม.พล.อ.ประวิตรฯ เป็นประธาน…' make that official chair."""
    chairs = set()
    for i in _all_indexes(text, "ฯ"):
        after = text[i + 1 : i + 61].split("\n", 1)[0]
        if not any(cue in after for cue in CHAIR_CUES):
            continue  # tested first: no chair cue follows most ฯ (กรุงเทพฯ, จังหวัดฯ)
        m = _SHORT_FORM_NAME.search(text, max(0, i - 32), i)
        if m:
            given = m.group(0).strip().split(".")[-1]
            honorific = HONORIFIC.match(given)
            chairs.add(given[honorific.end() :] if honorific else given)
    if not chairs:
        return officials
    return [replace(o, role="chair") if o.name.split(" ")[0] in chairs else o for o in officials]
