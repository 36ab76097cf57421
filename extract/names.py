"""A person's name as written -> the normalized name people are told apart by.

    normalize_name("นาย", "สมชาย  ใจดี")            -> "สมชาย ใจดี"
    normalize_name("", "ดร.สมชาย ใจดี")             -> "สมชาย ใจดี"   (a title left in the name)
    normalize_name("พระครู", "สุนทรธรรม")          -> "พระครูสุนทรธรรม"   (a monk's title is his name)

Steps: Unicode NFC; invisible characters (zero-width space, joiners, soft hyphen) out; Thai
digits as ASCII; sara am written as two marks folded into one, and the lexicon's
misspellings (`SPELLING_FOLDS`); a tone or other mark written twice kept once; titles,
ranks, academic and royal titles left at the name's start taken off (the lexicon's,
chained: `ว่าที่ ร.ต.`, `ผศ.ดร.`; a civil title glued to the name, `นางนวล`, is kept, as it
opens given names too; after an academic honorific, the words that qualify it:
`ศาสตราจารย์` + `พิเศษ …`, `คลินิกเกียรติคุณ …`); brackets, quotes and the abbreviation mark
ฯ out (`ประวิตรฯ`); white space squashed to single spaces. A monk's name keeps his monastic
title, which is how he is named.

`name_key` is what two mentions must share to be one person: the normalized name without
its spaces (`สมชาย ใจดี`, `สมชาย ใจ ดี` and `สมชายใจดี` are one key) and without the silent
thanthakhat (`ประยุทธ`, `ประยุทธ์`), which writers drop and add; Latin letters in lower case.
"""

import re
import unicodedata

from extract.lexicon import (
    ACADEMIC_TITLE_QUALIFIERS,
    ACADEMIC_TITLES,
    CIVIL_TITLES,
    FEMALE_HONORIFICS,
    INVISIBLE_CHARS,
    MALE_HONORIFICS,
    MEDICAL_TITLES,
    MONASTIC_TITLES,
    NAME_DROPPED_CHARS,
    NAME_KEY_DROPPED,
    NAME_REPEATED_TITLES,
    RANK_PREFIX_ACTING,
    RANK_SUFFIX_FEMALE,
    RANKS,
    SPELLING_FOLDS,
    THAI_DIGITS,
)
from extract.text import alternation, fold_sara_am, squash, starts_with_any

_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
_KEY_DROPPED = str.maketrans("", "", NAME_KEY_DROPPED)
_DROPPED = re.compile(f"[{re.escape(NAME_DROPPED_CHARS)}]")
# A Thai vowel or mark that follows a consonant (sara a, vowels above and below, tone marks,
# the karan) typed twice: no word holds one twice in a row.
_DOUBLED_MARK = re.compile(r"([\u0e30-\u0e3a\u0e47-\u0e4e])\1+")
# Titles a name may still open with; each must be followed by more of the name.
_TITLE = re.compile(
    rf"(?:{re.escape(RANK_PREFIX_ACTING)}\s?)?"
    rf"(?:{alternation(RANKS + ACADEMIC_TITLES + MEDICAL_TITLES + CIVIL_TITLES)})"
    rf"(?:{RANK_SUFFIX_FEMALE})?\s?"
)
_MONASTIC = re.compile(alternation(MONASTIC_TITLES))
_ACADEMIC = re.compile(alternation(ACADEMIC_TITLES))
# Civil titles that open given names too (นางนวล, คุณากร): taken off only before a space.
_PLAIN_CIVIL_TITLES = frozenset(t for t in CIVIL_TITLES if "." not in t)


def normalize_name(honorific: str, name: str) -> str:
    """The normalized name (see the module's steps); "" when nothing of a name is left."""
    text = unicodedata.normalize("NFC", name)
    text = _INVISIBLE.sub("", text).translate(THAI_DIGITS)
    text = _DOUBLED_MARK.sub(r"\1", fold_sara_am(text))
    for typo, right in SPELLING_FOLDS:
        text = text.replace(typo, right)
    text = squash(_DROPPED.sub(" ", text))
    academic = _ACADEMIC.search(honorific) is not None
    repeated = honorific.strip() if honorific.strip() in NAME_REPEATED_TITLES else None
    while True:  # titles, and an academic title's qualifiers, in any order
        qualifier = starts_with_any(text, ACADEMIC_TITLE_QUALIFIERS) if academic else None
        if qualifier and len(text[len(qualifier) :].split()) >= 2:  # "ศาสตราจารย์" + "พิเศษ …"
            text = text[len(qualifier) :].lstrip()
            continue
        m = _TITLE.match(text)
        if m is None or m.end() >= len(text) or _cuts_a_word(text, m.end()):
            break
        if m.group(0) in _PLAIN_CIVIL_TITLES and m.group(0) != repeated:
            break  # "นางนวล": a civil title glued to a name opens it, unless typed twice
        text = text[m.end() :].lstrip()
    monastic = _MONASTIC.fullmatch(squash(honorific))
    if monastic and not text.startswith(monastic.group(0)):
        text = monastic.group(0) + text
    return text.strip(" .-")


def name_key(name_norm: str) -> str:
    """The key two mentions of one person share: the normalized name without spaces."""
    return name_norm.replace(" ", "").translate(_KEY_DROPPED).lower()


def honorific_gender(honorific: str) -> str | None:
    """`f` or `m` when the honorific says (`นาง`, `นาย`, a rank + หญิง), else None."""
    words = honorific.replace(" ", "")
    if words.startswith(FEMALE_HONORIFICS) or RANK_SUFFIX_FEMALE in words:
        return "f"
    if any(
        words.startswith(t) and words[len(t) :] in ("", *ACADEMIC_TITLES) for t in MALE_HONORIFICS
    ):
        return "m"
    return None


def _cuts_a_word(text: str, end: int) -> bool:
    """Whether a title match ends where no word may begin: before a vowel or mark that
    follows a consonant (`นางสาวิตรี` is no นางสาว + ิตรี)."""
    return "\u0e30" <= text[end] <= "\u0e3a" or "\u0e45" <= text[end] <= "\u0e4e"
