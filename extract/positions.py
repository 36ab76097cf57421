"""A position as written -> its canonical role, organisation and province.

    normalize_position("ผวจ.หนองคาย")        role ผู้ว่าราชการจังหวัด, TH-43 (position)
    normalize_position("ผู้ว่าฯ", "TH-43")    role ผู้ว่าราชการจังหวัด, TH-43 (article)
    normalize_position("นายก อบต.บ้านนา")    role นายกองค์การบริหารส่วนตำบล,
                                           org องค์การบริหารส่วนตำบลบ้านนา

Steps, each reading the lexicon in `extract.position_lexicon`:

1. clean: brackets' glosses out (`… (รมว.พม.)`), invisible characters out, Thai digits as
   ASCII, sara am folded, the lexicon's misspellings folded, spaces squashed;
2. expand abbreviations (`ผวจ.`, `นอภ.`, `อบต.`, `รพ.สต.`, `ผู้ว่าฯ`…) where a word begins
   or written against a role word (`รองผวจ.`, `นายกอบต.`);
3. keep the position's own words: the first, then those that continue it (an
   organisation's or a place's word, a number, a province), so a clause the extractor let
   run on (`นายกรัฐมนตรี เยือนจังหวัด…`) is not read; drop the spaces between Thai words,
   so spacing variants read the same; cut before a second position (`…และโฆษก…`);
4. a qualifier (`อดีต`, `รักษาราชการแทน`…) stays in front of the role;
5. the role: the longest canonical role the position opens with (`ROLES`), what follows it
   naming its organisation up to the first address word (`… ตำบล…`); else what comes before
   the first organisation word (`ประธานกรรมการ` + `บริษัท…`), else the whole phrase;
6. the province: named in the own words (a province, a district of one, or a province's
   name ending them: `ผู้อำนวยการโรงพยาบาลขอนแก่น`), source `position`; else, for a role
   that serves a province or a district of it (`ผู้ว่าฯ`, `สาธารณสุขจังหวัด`, an office
   `…จังหวัด` unnamed), the article's province, source `article`; else none.
"""

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from extract.geo import find_places, find_provinces, province_by_code, province_by_name
from extract.lexicon import INVISIBLE_CHARS, SPELLING_FOLDS, THAI_DIGITS
from extract.names import normalize_name
from extract.people import Official
from extract.position_lexicon import (
    ABBREVIATION_GLUE_BEFORE,
    ADDRESS_WORDS,
    NON_MOBILE_ROLES,
    ORGANIZATION_TRACKS,
    POSITION_ABBREVIATIONS,
    POSITION_CONTINUATIONS,
    POSITION_QUALIFIERS,
    PROVINCIAL_SCOPES,
    ROLE_ORGANIZATION_SPLITS,
    ROLES,
    SECOND_POSITION_MARKS,
)
from extract.text import alternation, fold_sara_am, squash, starts_with_any

_THAI = "\u0e01-\u0e4e"
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
# Any abbreviation; where it may stand is `_expansion`'s business.
_ABBREVIATION = re.compile(alternation(POSITION_ABBREVIATIONS))
# A space between two Thai characters (a dot or ฯ ending the first): spacing, not meaning.
_THAI_SPACE = re.compile(rf"(?<=[{_THAI}.ฯ]) (?=[{_THAI}])")
_BRACKETED = re.compile(r"\([^()]*\)")
_AREA_NUMBER = re.compile(r"\s?เขต\s?\d+$|\s?\d+$")
# What ends an office of the province or district it serves, unnamed (`สำนักงาน…จังหวัด`),
# and the scope that gives it.
_OWN_OFFICES = {"จังหวัด": "province", "อำเภอ": "district"}
# The most characters a dictionary word may hold before a province's name it ends with.
_LONGEST_PREFIX = 8
# An organisation's kind, which its name follows after a space (`บริษัท ปตท.`).
_NAMED_AFTER = tuple(w for w in ROLE_ORGANIZATION_SPLITS if w not in _OWN_OFFICES)
_DOUBLED_KIND = re.compile(f"({alternation(ROLE_ORGANIZATION_SPLITS)})\\1")
_ROLE_HEADS = {head: (role, scope, track, org) for head, role, scope, track, org in ROLES}
_ROLE_OF = {role: (scope, track) for _head, role, scope, track, _org in ROLES}


@dataclass(frozen=True)
class Position:
    role: str | None  # canonical role, its qualifier in front (`อดีตผู้ว่าราชการจังหวัด`)
    org: str | None  # the organisation it serves, abbreviations expanded; None: the province
    province_code: str | None  # ISO 3166-2:TH
    province_source: str | None  # position | article
    read: str  # the words it was read from: abbreviations expanded, Thai spaces dropped


NO_POSITION = Position(None, None, None, None, "")


def clean(text: str) -> str:
    """Unicode NFC, invisible characters out, Thai digits as ASCII, sara am as one
    character, the lexicon's misspellings folded, white space squashed."""
    text = unicodedata.normalize("NFC", text)
    text = fold_sara_am(_INVISIBLE.sub("", text).translate(THAI_DIGITS))
    for typo, right in SPELLING_FOLDS:
        text = text.replace(typo, right)
    return squash(text)


def normalize_officials(officials: list[Official], article_province: str | None) -> list[Official]:
    """Each official with its normalized name and position; `article_province` (the
    record's ISO code) serves the provincial roles that name no province."""
    out = []
    for o in officials:
        p = normalize_position(o.position, article_province)
        out.append(
            replace(
                o,
                name_norm=normalize_name(o.honorific, o.name) or None,
                position_norm=p.role,
                position_org=p.org,
                position_province=p.province_code,
                position_province_source=p.province_source,
            )
        )
    return out


def expand(position: str) -> str:
    """The position cleaned and its abbreviations expanded (steps 1 and 2), spaces kept."""
    text = clean(_BRACKETED.sub(" ", position))
    return _ABBREVIATION.sub(lambda m: _expansion(m, text), text)


def compact(text: str) -> str:
    """Spaces between Thai words dropped: `นายก องค์การ…` and `นายกองค์การ…` read the same;
    an organisation's kind written twice once (`สำนักงาน กศน.` -> `สำนักงานสำนักงาน…`)."""
    return _DOUBLED_KIND.sub(r"\1", _THAI_SPACE.sub("", text))


def _expansion(m: re.Match[str], text: str) -> str:
    """The full form of the abbreviation matched, where a word begins or written against a
    role word (`รองผวจ.`, `นายกอบต.`); else the abbreviation as written."""
    abbr, start = m.group(0), m.start()
    glued = start > 0 and _is_thai_letter(text[start - 1])
    if glued and not text[:start].endswith(ABBREVIATION_GLUE_BEFORE):
        return abbr
    return POSITION_ABBREVIATIONS[abbr]


def _is_thai_letter(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e4e" and ch not in "ฯๆ"


def normalize_position(position: str | None, article_province: str | None = None) -> Position:
    """The position's canonical role, organisation and province (see the module's steps).
    `article_province` is the article's ISO code, taken for a provincial role that names no
    province of its own."""
    if not position:
        return NO_POSITION
    return _normalize(position, article_province)


@lru_cache(maxsize=4096)  # the same few thousand positions recur across a dataset
def _normalize(position: str, article_province: str | None) -> Position:
    words = _own_words(expand(position))
    text = _one_position(compact(" ".join(words)))
    office = _one_position(compact(" ".join(_without_address(words))))
    qualifier = starts_with_any(office, POSITION_QUALIFIERS) or ""
    rest = office[len(qualifier) :]
    head = starts_with_any(rest, _ROLE_HEADS)
    if head is not None:
        role, scope, _track, org_kind = _ROLE_HEADS[head]
        org = _organization(org_kind, rest[len(head) :])
    else:
        role, org = _split_generic(rest)
        scope = "organization"
    if not role:
        return Position(None, None, None, None, text)
    own_office = next((w for w in _OWN_OFFICES if (org or role).endswith(w)), None)
    if scope == "organization" and own_office:
        scope = _OWN_OFFICES[own_office]
    code, source = _province(text)
    if code is None and article_province and scope in PROVINCIAL_SCOPES:
        code, source = article_province, "article"
    return Position(qualifier + role, org, code, source, text)


def _own_words(spaced: str) -> list[str]:
    """The position's own words: its first, then each that continues it (an organisation's
    or a place's word, a number, a province's name, any word after an organisation's
    kind, which its name follows: `บริษัท ปตท.`, or any word while the words before are
    only the start of a role: `รอง ผู้ว่าราชการจังหวัด`, `นายก องค์การ…`)."""
    words = spaced.split(" ")
    kept = [words[0]]
    for word in words[1:]:
        so_far = compact(" ".join(kept))
        if not (
            starts_with_any(word, POSITION_CONTINUATIONS)
            or word[:1].isdigit()
            or province_by_name(word) is not None
            or so_far.endswith(_NAMED_AFTER)
            or _role_unfinished(so_far)
        ):
            break
        kept.append(word)
    return kept


def _without_address(words: list[str]) -> list[str]:
    """The words before the first that says where the organisation is (ADDRESS_WORDS)."""
    for i in range(1, len(words)):
        if starts_with_any(words[i], ADDRESS_WORDS) and not _role_unfinished(
            compact(" ".join(words[:i]))
        ):
            return words[:i]
    return words


def _role_unfinished(text: str) -> bool:
    """Whether `text` is a qualifier or the start of a role, and no role yet."""
    rest = text[len(starts_with_any(text, POSITION_QUALIFIERS) or "") :]
    return not rest or (
        rest not in _ROLE_HEADS and any(head.startswith(rest) for head in _ROLE_HEADS)
    )


def _one_position(text: str) -> str:
    """The first position of a phrase that names two (`…และโฆษก…`): cut before the mark
    that opens the second when a role follows it."""
    for mark in SECOND_POSITION_MARKS:
        i = text.find(mark)
        while i > 0:
            after = text[i + len(mark) :].lstrip()
            if mark != "และ" or starts_with_any(after, _ROLE_HEADS) or _opens_role(after):
                return text[:i].strip()
            i = text.find(mark, i + 1)
    return text.strip(" ฯ")


def _opens_role(text: str) -> bool:
    return starts_with_any(text, POSITION_QUALIFIERS) is not None


def _organization(org_kind: str | None, remainder: str) -> str | None:
    """The organisation a role's remainder names (see ROLES' last column)."""
    remainder = _unbracketed(remainder.strip(" ฯ."))
    if org_kind is None or not remainder:
        return None
    if org_kind and remainder.startswith(org_kind):  # "นายอำเภอ" + "อำเภอเมือง…"
        return remainder
    return org_kind + remainder


def _unbracketed(text: str) -> str:
    """Without a closing bracket that opens nowhere (`…ของมนุษย์)`)."""
    return text.rstrip(")") if text.count(")") > text.count("(") else text


def _split_generic(text: str) -> tuple[str, str | None]:
    """(role, organisation) of a role no lexicon entry opens: the organisation from the
    first organisation word after the role's first character."""
    best = None
    for word in ROLE_ORGANIZATION_SPLITS:
        i = text.find(word, 1)
        if i > 0 and (best is None or i < best):
            best = i
    if best is None:
        return text.strip(" ฯ."), None
    role, org = text[:best].strip(" ฯ."), _unbracketed(text[best:].strip(" ฯ."))
    if org in ("จังหวัด", "อำเภอ"):  # "…จังหวัด" alone: the province's own office
        return role + org, None
    return role, org or None


def _province(text: str) -> tuple[str | None, str | None]:
    """The province a position's own words name: by name (`จังหวัดหนองคาย`, `หนองคาย`
    standing alone), by a district (`อำเภอเมืองหนองคาย`), or by a province's name that ends
    them, written against the organisation's (`โรงพยาบาลขอนแก่น`) with no dictionary word
    ending there that holds it (`เผยแพร่` is no Phrae)."""
    named = find_provinces(text)
    if named:
        return named[0].province.code, "position"
    places = find_places(text, "district")
    if places:
        return places[0].province.code, "position"
    tail = _AREA_NUMBER.sub("", text)
    for name in _province_names_longest_first():
        if tail.endswith(name) and len(tail) > len(name) and not _word_ending_in(tail, name):
            p = province_by_name(name)
            return (p.code, "position") if p else (None, None)
    return None, None


def _word_ending_in(text: str, name: str) -> bool:
    """Whether a dictionary word longer than `name` ends `text` and holds it."""
    words = _dictionary_words()
    reach = min(len(text), len(name) + _LONGEST_PREFIX)
    return any(text[-k:] in words for k in range(len(name) + 1, reach + 1))


@cache
def _dictionary_words() -> frozenset[str]:
    """PyThaiNLP's bundled word list (as `extract.people` reads it)."""
    from pythainlp.corpus.common import thai_words

    return frozenset(thai_words())


@cache
def _province_names_longest_first() -> tuple[str, ...]:
    names = []
    for number in range(10, 100):
        p = province_by_code(str(number))
        if p is not None:
            names.append(p.name_th)
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=4096)
def role_scope(role: str | None) -> str | None:
    """The scope of a canonical role (`province`, `district`, `local`, `national`,
    `organization`), its qualifier ignored; None for a role no lexicon entry names."""
    if not role:
        return None
    base = role[len(starts_with_any(role, POSITION_QUALIFIERS) or "") :]
    found = _ROLE_OF.get(base)
    return found[0] if found else None


@lru_cache(maxsize=4096)
def career_track(role: str | None, org: str | None) -> str | None:
    """The career track a role belongs to (`interior`, `health`, `local`…): the role's own,
    else its organisation's (a hospital's director: `health`); None when neither says.
    A former or acting holder is on the track of the role."""
    if role:
        base = role[len(starts_with_any(role, POSITION_QUALIFIERS) or "") :]
        found = _ROLE_OF.get(base)
        if found and found[1]:
            return found[1]
    if org:
        for head, track in ORGANIZATION_TRACKS:
            if org.startswith(head):
                return track
    return None


@lru_cache(maxsize=4096)
def moves_between_provinces(role: str | None) -> bool:
    """False for a role the people of one place elect (a mayor, a village head): its holder
    does not hold it in another province at the same time or soon after."""
    if not role:
        return True
    base = role[len(starts_with_any(role, POSITION_QUALIFIERS) or "") :]
    return base not in NON_MOBILE_ROLES
