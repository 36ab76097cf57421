"""Text normalization and the small helpers every extractor shares."""

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

from extract.lexicon import INVISIBLE_CHARS, THAI_DIGITS

_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
_HSPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# Upper bound on text handed to the extractors: longer pages are cut, with a warning.
MAX_TEXT_CHARS = 200_000


# White space to `str.split()` that `_HSPACE` leaves as written (form feeds, line separators).
_SPLIT_ONLY_SPACE = "\x0b\x0c\x1c\x1d\x1e\x1f\x85\u1680\u2028\u2029"


def normalize(text: str) -> str:
    """Clean page text: drop invisible characters, fold spaces, keep line structure.

    Thai digits are kept as written (the body stays faithful); `scan_view` gives a copy
    with ASCII digits and identical offsets for matching.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(c in text for c in INVISIBLE_CHARS):
        text = _INVISIBLE.sub("", text)
    if any(c in text for c in _SPLIT_ONLY_SPACE):
        lines = [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]
    else:  # the same, in a fifth of the time: Python's regex engine is slow over Thai text
        lines = [" ".join(line.split()) for line in text.split("\n")]
    return _fold_blank(lines)


def fold_blank_lines(text: str) -> str:
    """Normalized lines (some cut since) with at most one empty line in a row, none at
    either end: what `normalize` would give, without folding spaces again."""
    return _fold_blank(text.split("\n"))


def _fold_blank(lines: list[str]) -> str:
    kept = [ln for i, ln in enumerate(lines) if ln or (i and lines[i - 1])]
    return "\n".join(kept).strip("\n")


# (Thai digit, ASCII digit). Each is tested with `in` and replaced: ten scans in C take a
# tenth of one regex pass over a Thai body, and `str.translate` looks each character of a
# Thai text up in its table, which costs ten times the scans and replaces.
_THAI_DIGIT_PAIRS = tuple((chr(thai), chr(ascii_)) for thai, ascii_ in THAI_DIGITS.items())


@lru_cache(maxsize=16)
def scan_view(text: str) -> str:
    """The same text with Thai digits as ASCII: same length, so offsets carry over.

    Cached: every extractor asks for the view of the same body."""
    for thai, ascii_ in _THAI_DIGIT_PAIRS:
        if thai in text:
            text = text.replace(thai, ascii_)
    return text


class DigitStretches:
    """The stretches of a text within `reach` characters of a digit, joined by a NUL that no
    date or time pattern matches. A pattern that needs a digit and reaches no further than
    `reach` from one, white space counted as in normalized text (runs of at most two), finds
    the same matches here as in the whole text, in a quarter of the time (a quarter of a PRD
    body lies near digits); spans come back in the text's offsets. Where a longer run of
    white space lies near a digit the stretches are the whole text."""

    # Written out, not \s{3}: the regex engine tries a pattern that opens with a repeat at
    # every character, and skips in C to where one that opens with a class can match.
    _LONG_SPACE = re.compile(r"\s\s\s")
    GAP = "\x00"

    def __init__(self, text: str, reach: int) -> None:
        # Digits at most 2 * reach apart share a stretch: one match per stretch.
        clusters = _digit_clusters(2 * reach).finditer(text)
        stretches = [[max(0, m.start() - reach), m.end() + reach] for m in clusters]
        self.text = self.GAP.join(text[start:end] for start, end in stretches)
        if self._LONG_SPACE.search(self.text):
            self.text, stretches = text, [[0, len(text)]]
        self._starts: list[int] = []  # where each stretch starts in `self.text`
        self._shifts: list[int] = []  # what to add to reach the same place in `text`
        joined = 0
        for start, end in stretches:
            self._starts.append(joined)
            self._shifts.append(start - joined)
            joined += min(end, len(text)) - start + len(self.GAP)

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[tuple[re.Match[str], tuple[int, int]]]:
        """Each match of `pattern`, with its span in the whole text."""
        for m in pattern.finditer(self.text):
            shift = self._shifts[bisect_right(self._starts, m.start()) - 1]
            yield m, (m.start() + shift, m.end() + shift)


@lru_cache(maxsize=4)
def _digit_clusters(gap: int) -> re.Pattern[str]:
    # Possessive: the non-digits before a digit are all there are, so giving some back
    # cannot let a digit match; without it a cluster's end costs `gap` steps back.
    return re.compile(rf"\d(?:\D{{0,{gap}}}+\d)*")


@lru_cache(maxsize=4)
def digit_stretches(text: str, reach: int) -> DigitStretches:
    """`DigitStretches` of a text, cached: the date and the time finders read the same body."""
    return DigitStretches(text, reach)


def anchors(words: Iterable[str]) -> tuple[str, ...]:
    """The words of a lexicon that contain no other: a text holds a word of the lexicon only
    if it holds one of these. Testing them with `in` (a scan in C) before a lexicon regex's
    pass over a whole body skips the pass where none occurs, and Python's regex engine is
    slow there: it tries a Thai lexicon at most positions of a Thai text."""
    unique = set(words)
    return tuple(sorted(w for w in unique if not any(o != w and o in w for o in unique)))


def openings(words: Iterable[str]) -> tuple[str, ...]:
    """What the words of a lexicon open with: for the words that share their first two
    characters, the longest prefix they share (`แผน` for `แผนงาน`, `แผนชาติ`…). A text
    opens with a word of the lexicon only if it opens with one of these."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:2], []).append(word)
    return tuple(sorted(_shared_prefix(group) for group in groups.values()))


def _shared_prefix(words: list[str]) -> str:
    first, last = min(words), max(words)  # the prefix they share is the words' in between
    n = 0
    while n < len(first) and first[n] == last[n]:
        n += 1
    return first[:n]


def matches_at(
    pattern: re.Pattern[str], text: str, opening: tuple[str, ...]
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match opens with one of `opening`
    (see `openings`), tried only where `str.find` finds one. Over a Thai text the regex
    engine's own skip to where a pattern opening with one of several characters may match
    costs about six times a `str.find` scan: worth it for a few openings, not for dozens."""
    starts = sorted({i for word in opening for i in _indexes(text, word)})
    end = 0
    for i in starts:
        if i < end:
            continue
        m = pattern.match(text, i)
        if m:
            yield m
            end = m.end()


def _indexes(text: str, sub: str) -> Iterator[int]:
    i = text.find(sub)
    while i >= 0:
        yield i
        i = text.find(sub, i + 1)


def fold_sara_am(text: str) -> str:
    """Sara am written as two marks (ํ + า, as some pages do) folded into one (ำ), for
    matching a lexicon word; not for text kept as written (its length changes)."""
    return text.replace("\u0e4d\u0e32", "\u0e33") if "\u0e4d" in text else text


def squash(text: str) -> str:
    """Collapse every run of white space (newlines too) to one space; `str.split` splits
    where `\\s+` matches, in half the time."""
    return " ".join(text.split())


def alternation(words: Iterable[str], lead: str | None = None) -> str:
    """A regex matching any of the literal words, the longest where several match; with
    `lead` (a regex that opens with a literal character), the words may follow it.

    Built as a trie (shared prefixes factored out), so a lexicon of hundreds of words costs
    one pass of the regex engine instead of one attempt per word. Every branch opens with a
    literal character, and a pattern that opens with the alternation lets Python's regex
    engine skip in C to where a match can start (about twice as fast over an article
    body): `(?:lead)?(?:words)` is written `(?:lead(?:words)|words…)` for that reason."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if lead is None:
        return _trie_pattern(trie) or "(?!)"
    if "" in trie or not trie:  # no branch to write the lead into
        return f"(?:{lead})?{_trie_pattern(trie) or '(?!)'}"
    branches = _trie_branches(trie)  # the lead's branch first, as `(?:lead)?` tries it first
    return _group([f"{lead}{_group(branches)}", *branches])


def _trie_branches(node: dict) -> list[str]:  # type: ignore[type-arg]
    return [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]


def _group(branches: list[str]) -> str:
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _trie_pattern(node: dict) -> str:  # type: ignore[type-arg]
    branches = _trie_branches(node)
    if not branches:
        return ""
    body = _group(branches)
    if "" in node:  # a shorter word ends here: the longer continuation is tried first
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


def first_chars(words: Iterable[str]) -> str:
    """A character class of the first characters of `words`, for a leading lookahead where
    a pattern cannot open with a literal: `(?=[…])pattern` matches exactly what `pattern`
    matches, and fails at most positions at its first test."""
    return "[" + "".join(re.escape(c) for c in sorted({w[0] for w in words if w})) + "]"


def starts_with_any(text: str, words: Iterable[str], at: int = 0) -> str | None:
    """The longest of `words` that `text` starts with (from `at`), or None."""
    m = _prefix_regex(words).match(text, at)
    return m.group(0) if m else None


# Lexicons are module constants: their trie regex is built once, keyed by identity (the
# collection is kept alongside, so its id cannot be reused while cached).
_PREFIX_REGEXES: dict[int, tuple[Iterable[str], re.Pattern[str]]] = {}


def _prefix_regex(words: Iterable[str]) -> re.Pattern[str]:
    cached = _PREFIX_REGEXES.get(id(words))
    if cached is None or cached[0] is not words:
        cached = (words, re.compile(alternation(words)))
        _PREFIX_REGEXES[id(words)] = cached
    return cached[1]


def find_first(text: str, words: Iterable[str], start: int = 0) -> tuple[int, str] | None:
    """The earliest occurrence of any of `words` in `text` from `start`: (index, word), the
    longest word where several start there. `words` is a lexicon constant (see `_prefix_regex`)."""
    m = _prefix_regex(words).search(text, start)
    return (m.start(), m.group(0)) if m else None


# Characters after which a word starts.
WORD_BOUNDARY_BEFORE = frozenset(" \n\t(\"“”'‘’,:;-–/[.")


def word_start(text: str, i: int, glue_words: Iterable[str] = ()) -> bool:
    """Whether a word starts at `i`: after white space or punctuation, or right after one of
    `glue_words` written against it (Thai has no spaces between words)."""
    if i == 0 or text[i - 1] in WORD_BOUNDARY_BEFORE:
        return True
    glue = glue_words if isinstance(glue_words, tuple) else tuple(glue_words)
    return text[max(0, i - 16) : i].endswith(glue)
