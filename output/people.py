"""People across articles: a `person_id` for every official mention, and the `people`,
`positions` and `person_mentions` views.

Each mention carries its normalized name and position (`extract.names`,
`extract.positions`); this step reads them over the whole dataset, by deterministic rules:

1. **One name, one person.** Mentions whose names share a key (`extract.names.name_key`:
   the normalized name without spaces, case or the silent thanthakhat) are one person.
2. **Typos.** Two keys one letter apart (one letter added, dropped or changed: `ประยุทธ`,
   `ประยุทร`; `วงษ์สุวรรณ`, `วงศ์สุวรรณ`), each at least `MIN_TYPO_KEY` letters long, are
   one person when both are seen in one office: the same role of the same organisation in
   the same province, a role that names an office (not a bare `ประธาน` of nothing). So are
   two names of one surname whose given names are one letter apart (`ภาณุมาศ`,
   `ภานุมาศ`), unless their honorifics say a man and a woman: a Thai surname is one
   family's, and a family does not name two of its own one letter apart (surnames shorter
   than `MIN_TYPO_SURNAME`, `คิม`, `หลี่`, are many families', and need the office).
3. **Namesakes.** Two mentions of one name are two people when seen within
   `SAME_TIME_DAYS` of each other in two organisations (neither named in the other) and
   a. each serves a province, the provinces differ, and their roles cannot be one career:
      both career tracks known and different (a subdistrict mayor here, a hospital
      director there), or the same track but one of them an office the people of one place
      elect (a mayor, a village head, an MP), which nobody holds in two provinces at once;
   b. or one of them holds an office the people of one place elect, at the local level,
      and the other a post on another known track, not a political one (a village head and
      an army commander): nobody is both.
   A governor moved from one province to another, or a deputy promoted to governor
   elsewhere, stays one person (one track, appointed offices), as does anyone whose mentions
   are further apart in time or whose roles say nothing of a track.
4. **Splitting.** A name with namesakes is split greedily, mentions in date order: each
   joins the person it conflicts with in no mention, preferring the one seen in the same
   role and province, then on the same track, then the one seen last; mentions with no date
   then join the person with their role and organisation, else their track, else their
   province, else the person seen most.
5. **Ids.** `person_id` is `p-` and ten hex digits of the MD5 of the name's key (of the key
   seen most, for keys joined by rule 2); a name with namesakes adds to each person the
   province and the year it was first seen (`p-…-43-2019`).

Ids are stable while a name's namesakes are: a dataset that grows a namesake for a name, or
a typo that becomes the most seen spelling, re-labels that name's mentions.

`resolve` applies the rules to mentions in hand (the evaluation uses it). Over a dataset,
`register` reads each distinct name and office once, joins typos, and splits (rules 3 and
4) only the names seen in two provinces or holding a local elected office beside another
track; every other mention's id is its name's. The result, `person_mentions`, is stored
once per state of the dataset, outside it (`cache_dir`: ~/.cache/thaipr/people, named by
the dataset's path, the files read and `RULES_VERSION`), so only the first connection after
a write resolves (about 8 s for both corpora, 228,000 mentions); the others read it.
"""

import contextlib
import hashlib
import os
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, partial
from pathlib import Path

import duckdb
import pyarrow as pa

from extract.names import honorific_gender, name_key
from extract.positions import career_track, moves_between_provinces, role_scope

# Two mentions closer in time than this are "at the same time": a civil servant is rarely
# moved twice in a year, and an elected office runs for years.
SAME_TIME_DAYS = 365
_WINDOW = timedelta(days=SAME_TIME_DAYS)
ID_PREFIX = "p-"
ID_HEX_DIGITS = 10
# Keys shorter than this are never joined as typos (short names differ by a letter often).
MIN_TYPO_KEY = 6
# Given names one letter apart under one surname are joined when the given names are at
# least this long and the surname at least that (short surnames, `คิม`, `หลี่`, are many
# families').
MIN_TYPO_GIVEN = 3
MIN_TYPO_SURNAME = 5
# Tracks whose holders are politicians: elected offices lead to them (rule 3b spares them).
POLITICAL_TRACKS = ("local", "parliament", "cabinet")

MentionKey = tuple[str, int]  # (article_id, ordinal)
Office = tuple[str, str | None, str | None]  # (role, organisation, province)


@dataclass(frozen=True)
class Mention:
    """One official's mention, as the rules read it."""

    key: MentionKey
    name_norm: str
    role: str | None = None  # position_norm
    org: str | None = None  # position_org
    province: str | None = None  # position_province
    seen: date | None = None  # the event's date, else the publication's
    gender: str | None = None  # `f` or `m` when the honorific says (extract.names)

    @property
    def track(self) -> str | None:
        return career_track(self.role, self.org)

    @property
    def elected_locally(self) -> bool:
        """An office the people of one place elect, below the national level."""
        return not moves_between_provinces(self.role) and self.track == "local"

    @property
    def office(self) -> Office | None:
        return office_of(self.role, self.org, self.province)


def office_of(role: str | None, org: str | None, province: str | None) -> Office | None:
    """An office one person holds at a time: a role with its organisation and province, when
    the role names one (a lexicon role, or any role of a named organisation)."""
    if not role or (org is None and role_scope(role) in (None, "organization")):
        return None
    return (role, org, province)


def key_id(key: str) -> str:
    """The id of everyone whose name has this key while no namesake is detected."""
    digest = hashlib.md5(key.encode("utf-8"), usedforsecurity=False)
    return ID_PREFIX + digest.hexdigest()[:ID_HEX_DIGITS]


# --- rule 2: typos --------------------------------------------------------------------------


def name_groups(names: Iterable[tuple[str, Office | None, int, str | None]]) -> dict[str, str]:
    """Each name key -> the key of its group (rule 2), from each (name_norm, office,
    mentions, gender) seen."""
    counts: dict[str, int] = defaultdict(int)
    by_office: dict[Office, set[str]] = defaultdict(set)
    genders: dict[str, set[str]] = defaultdict(set)
    by_surname: dict[str, set[tuple[str, str]]] = defaultdict(set)  # surname -> (given, key)
    for name_norm, office, n, gender in names:
        key = name_key(name_norm)
        counts[key] += n
        if office is not None:
            by_office[office].add(key)
        if gender:
            genders[key].add(gender)
        given, _, surname = name_norm.partition(" ")
        if len(name_key(surname)) >= MIN_TYPO_SURNAME:
            by_surname[name_key(surname)].add((name_key(given), key))
    parent = {key: key for key in counts}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for keys in by_office.values():  # one office, names one letter apart
        ordered = sorted(keys)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if one_letter_apart(a, b):
                    parent[root(a)] = root(b)
    for named in by_surname.values():  # one surname, given names one letter apart
        ordered_names = sorted(named)
        for i, (given_a, a) in enumerate(ordered_names):
            for given_b, b in ordered_names[i + 1 :]:
                if (
                    min(len(given_a), len(given_b)) >= MIN_TYPO_GIVEN
                    and one_letter_apart(given_a, given_b, minimum=MIN_TYPO_GIVEN)
                    and len(genders[a] | genders[b]) < 2
                ):
                    parent[root(a)] = root(b)
    members: dict[str, list[str]] = defaultdict(list)
    for key in counts:
        members[root(key)].append(key)
    out = {}
    for group in members.values():
        head = min(group, key=lambda k: (-counts[k], k))  # the spelling seen most
        out.update({key: head for key in group})
    return out


def one_letter_apart(a: str, b: str, minimum: int = MIN_TYPO_KEY) -> bool:
    """One letter added, dropped or changed, both keys long enough to tell (`minimum`)."""
    if a == b or min(len(a), len(b)) < minimum or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


# --- rules 3 to 5: namesakes ----------------------------------------------------------------


@dataclass(frozen=True)
class Traits:
    """What rule 3 reads of a mention, its date aside."""

    org: str | None
    province: str | None
    track: str | None
    moves: bool  # the role's holder may hold it in another province soon after
    elected_locally: bool

    @classmethod
    def of(cls, m: Mention) -> "Traits":
        return cls(m.org, m.province, m.track, moves_between_provinces(m.role), m.elected_locally)


def namesakes(a: Mention, b: Mention) -> bool:
    """Whether two mentions of one name are two people (rule 3)."""
    if not (a.seen and b.seen) or abs((a.seen - b.seen).days) > SAME_TIME_DAYS:
        return False
    return incompatible(Traits.of(a), Traits.of(b))


@cache
def incompatible(a: Traits, b: Traits) -> bool:
    """Rule 3 for two mentions seen at the same time."""
    if a.org and b.org and (a.org.startswith(b.org) or b.org.startswith(a.org)):
        return False  # one organisation (a local official is news far from home)
    if a.province and b.province and a.province != b.province:
        if a.track and b.track and a.track != b.track:
            return True
        if a.track and a.track == b.track and not (a.moves and b.moves):
            return True
    return any(
        x.elected_locally and y.track and y.track != x.track and y.track not in POLITICAL_TRACKS
        for x, y in ((a, b), (b, a))
    )


def may_have_namesakes(mentions: Iterable[Mention]) -> bool:
    """Whether rule 3 can hold between any two of a name's mentions (a cheap test: two
    provinces, or a local elected office beside another track)."""
    provinces, tracks, elected = set(), set(), False
    for m in mentions:
        if m.province:
            provinces.add(m.province)
        if m.track:
            tracks.add(m.track)
        elected = elected or m.elected_locally
    return len(provinces) > 1 or (elected and len(tracks) > 1)


@dataclass
class _Person:
    """One person a name stands for, with what the splitting asks of it indexed."""

    mentions: list[Mention] = field(default_factory=list)
    seen_as: dict[Traits, list[date]] = field(default_factory=dict)  # dates in order
    role_provinces: set[tuple[str | None, str | None]] = field(default_factory=set)
    role_orgs: set[tuple[str, str | None]] = field(default_factory=set)
    tracks: set[str] = field(default_factory=set)
    provinces: set[str] = field(default_factory=set)
    last_seen: date = date.min

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        if m.seen:
            self.seen_as.setdefault(Traits.of(m), []).append(m.seen)
            self.last_seen = max(self.last_seen, m.seen)
        self.role_provinces.add((m.role, m.province))
        if m.role:
            self.role_orgs.add((m.role, m.org))
        if m.track:
            self.tracks.add(m.track)
        if m.province:
            self.provinces.add(m.province)

    def conflicts(self, m: Mention) -> bool:
        """Whether `m`, dated, is a namesake of any mention of this person."""
        assert m.seen
        traits = Traits.of(m)
        low, high = m.seen - _WINDOW, m.seen + _WINDOW
        for other, dates in self.seen_as.items():
            i = bisect_left(dates, low)
            if i < len(dates) and dates[i] <= high and incompatible(traits, other):
                return True
        return False

    def anchor(self) -> Mention:
        """The first mention seen with a province, else the first."""
        placed = [o for o in self.mentions if o.seen and o.province]
        return min(placed or self.mentions, key=_order)


def split_name(base: str, group: Sequence[Mention]) -> dict[MentionKey, str]:
    """Rules 3 to 5 over the mentions of one name (one key group): each mention's id."""
    people = _split(sorted(group, key=_order))
    if len(people) == 1:
        return {m.key: base for m in group}
    ids: dict[MentionKey, str] = {}
    taken: set[str] = set()
    for person in sorted(people, key=lambda p: _order(p.anchor())):
        anchor = person.anchor()
        place = (anchor.province or "TH").removeprefix("TH-")
        first = f"{base}-{place}-{anchor.seen.year if anchor.seen else 0}"
        pid, n = first, 2
        while pid in taken:  # two people first seen in one province and year
            pid, n = f"{first}-{n}", n + 1
        taken.add(pid)
        ids.update({m.key: pid for m in person.mentions})
    return ids


def _split(group: Sequence[Mention]) -> list[_Person]:
    """Rule 4 over a name's mentions in date order (undated ones last)."""
    people: list[_Person] = []
    undated = []
    for m in group:
        if not m.seen:
            undated.append(m)
            continue
        fits = [p for p in people if not p.conflicts(m)]
        if fits:
            max(fits, key=partial(_fit_dated, m=m)).add(m)
        else:
            person = _Person()
            person.add(m)
            people.append(person)
    if not people:
        person = _Person()
        for m in group:
            person.add(m)
        return [person]
    for m in undated:
        max(people, key=partial(_fit_undated, m=m)).add(m)
    return people


def _fit_dated(p: _Person, m: Mention) -> tuple[bool, bool, date]:
    """How well a dated mention fits a person: same role and province, same track, recent."""
    return ((m.role, m.province) in p.role_provinces, m.track in p.tracks, p.last_seen)


def _fit_undated(p: _Person, m: Mention) -> tuple[bool, bool, bool, int]:
    """How well an undated mention fits: same role and organisation, track, province; size."""
    return (
        m.role is not None and (m.role, m.org) in p.role_orgs,
        m.track in p.tracks,
        m.province in p.provinces,
        len(p.mentions),
    )


def _order(m: Mention) -> tuple[date, str, str, str, int]:
    return (m.seen or date.max, m.province or "", m.role or "", m.key[0], m.key[1])


def resolve(mentions: Iterable[Mention]) -> dict[MentionKey, str]:
    """Every mention's person_id, by the module's rules."""
    mentions = [m for m in mentions if m.name_norm]
    groups = name_groups((m.name_norm, m.office, 1, m.gender) for m in mentions)
    by_group: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_group[groups[name_key(m.name_norm)]].append(m)
    ids: dict[MentionKey, str] = {}
    for head, group in by_group.items():
        base = key_id(head)
        if may_have_namesakes(group):
            ids.update(split_name(base, group))
        else:
            ids.update({m.key: base for m in group})
    return ids


# --- the views --------------------------------------------------------------------------------

# Bumped when the rules change, so that a stored resolution is computed again.
RULES_VERSION = "1"
# Where resolutions are stored (never in the dataset, which only crawls and compactions
# write): $THAIPR_CACHE, else $XDG_CACHE_HOME/thaipr, else ~/.cache/thaipr; in `people/`.
CACHE_ENV = "THAIPR_CACHE"
# Stored resolutions kept per dataset (the newest: a connection opened before a write may
# still read an older one), and in all.
KEEP_PER_DATASET = 3
KEEP_IN_ALL = 64

# Every official mention with a normalized name, its date and its person: `person_mentions`,
# computed once per state of the dataset (`_person_names`, `_person_splits`: see register).
_PERSON_MENTIONS_SQL = """
SELECT o.article_id, o.revision, o.ordinal,
       coalesce(s.person_id, n.person_id) AS person_id,
       o.name_norm, o.honorific, o.name, o.position, o.position_norm, o.position_org,
       o.position_province, o.position_province_source, o.province_code AS article_province,
       o.role, coalesce(o.event_date, a.published_date) AS seen, o.event_date,
       o.province, o.year
FROM officials AS o
JOIN articles AS a USING (article_id, revision)
JOIN _person_names AS n USING (name_norm)
LEFT JOIN _person_splits AS s USING (article_id, ordinal)
WHERE o.name_norm IS NOT NULL
ORDER BY o.article_id, o.ordinal
"""
# The mentions of the names that may have namesakes, as rules 3 and 4 read them.
_SUSPECT_MENTIONS_SQL = """
SELECT o.article_id, o.ordinal, o.name_norm, o.position_norm, o.position_org,
       o.position_province, coalesce(o.event_date, a.published_date) AS seen
FROM officials AS o JOIN articles AS a USING (article_id, revision)
SEMI JOIN _person_suspects AS x USING (name_norm)
"""

VIEWS_SQL = (
    """
CREATE VIEW _person_canonical AS
SELECT person_id, first(name_norm ORDER BY n DESC, name_norm) AS name
FROM (SELECT person_id, name_norm, count(*) AS n FROM person_mentions GROUP BY ALL)
GROUP BY person_id
""",
    """
CREATE VIEW positions AS
SELECT m.person_id, any_value(p.name) AS name, m.position_norm, m.position_org,
       m.position_province AS province_code, min(m.seen) AS first_seen, max(m.seen) AS last_seen,
       count(DISTINCT m.article_id) AS articles,
       count(DISTINCT m.article_id) FILTER (WHERE m.role = 'chair') AS chaired
FROM person_mentions AS m JOIN _person_canonical AS p USING (person_id)
WHERE m.position_norm IS NOT NULL
GROUP BY m.person_id, m.position_norm, m.position_org, m.position_province
ORDER BY province_code NULLS LAST, position_norm, position_org NULLS FIRST, first_seen,
         m.person_id
""",
    """
CREATE VIEW people AS
SELECT m.person_id, any_value(c.name) AS name,
       list(DISTINCT m.name ORDER BY m.name) AS names,
       list(DISTINCT m.honorific ORDER BY m.honorific) AS honorifics,
       any_value(ps.positions) AS positions,
       list(DISTINCT m.position_province ORDER BY m.position_province)
           FILTER (WHERE m.position_province IS NOT NULL) AS provinces,
       min(m.seen) AS first_seen, max(m.seen) AS last_seen,
       count(DISTINCT m.article_id) AS articles,
       count(DISTINCT m.article_id) FILTER (WHERE m.event_date IS NOT NULL) AS meetings,
       count(DISTINCT m.article_id) FILTER (WHERE m.role = 'chair' AND m.event_date IS NOT NULL)
           AS chaired
FROM person_mentions AS m
JOIN _person_canonical AS c USING (person_id)
LEFT JOIN (
    SELECT person_id, list({'position_norm': position_norm, 'position_org': position_org,
                            'province_code': province_code, 'first_seen': first_seen,
                            'last_seen': last_seen, 'articles': articles}
                           ORDER BY first_seen, position_norm, position_org, province_code)
               AS positions
    FROM positions GROUP BY person_id
) AS ps USING (person_id)
GROUP BY m.person_id
ORDER BY articles DESC, m.person_id
""",
)


def register(con: duckdb.DuckDBPyConnection, data: Path, files: Sequence[Path]) -> None:
    """The person views on a connection to the dataset at `data` whose `officials` and
    `articles` views read `files`. `person_mentions` is read from the resolution stored for
    those files, else resolved now and stored (`cache_dir`; written to a temporary name and
    renamed), or kept in memory when the cache cannot be written."""
    stored = _stored(con, data, files)
    if stored is not None:
        path = str(stored).replace("'", "''")
        con.execute(f"CREATE VIEW person_mentions AS SELECT * FROM read_parquet('{path}')")
    else:
        _resolve_names(con)
        con.register("_person_mentions_table", con.sql(_PERSON_MENTIONS_SQL).to_arrow_table())
        con.execute("CREATE VIEW person_mentions AS SELECT * FROM _person_mentions_table")
    for sql in VIEWS_SQL:
        con.execute(sql)


def cache_dir() -> Path:
    """Where resolutions are stored (see CACHE_ENV)."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured) / "people"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "thaipr" / "people"


def store_name(data: Path, files: Sequence[Path]) -> str | None:
    """The stored resolution's file name for one state of one dataset: its path, then the
    files read (name, size, modification time) and the rules' version; None without files."""
    if not files:
        return None
    where = hashlib.sha1(str(data.resolve()).encode(), usedforsecurity=False).hexdigest()
    digest = hashlib.sha1(RULES_VERSION.encode(), usedforsecurity=False)
    for f in sorted(files):
        st = f.stat()
        digest.update(f"{f.relative_to(data)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return f"{where[:12]}-{digest.hexdigest()[:16]}.parquet"


def _stored(con: duckdb.DuckDBPyConnection, data: Path, files: Sequence[Path]) -> Path | None:
    """The stored `person_mentions` of the state `files` make, written now if missing; None
    when there is nothing to store or the cache cannot be written."""
    try:
        name = store_name(data, files)
    except OSError:  # a file went away while we looked (a compaction): resolve in memory
        return None
    if name is None:
        return None
    path = cache_dir() / name
    if path.exists():
        return path
    _resolve_names(con)
    tmp = path.with_name(f".{name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        target = str(tmp).replace("'", "''")
        con.execute(f"COPY ({_PERSON_MENTIONS_SQL}) TO '{target}' (FORMAT parquet)")
        os.replace(tmp, path)
    except (OSError, duckdb.Error):  # no cache to write to: resolve in memory
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return None
    _prune(path)
    return path


def _prune(kept: Path) -> None:
    """Remove stored resolutions beyond the newest KEEP_PER_DATASET of this dataset and the
    newest KEEP_IN_ALL."""
    with contextlib.suppress(OSError):
        stored = sorted(kept.parent.glob("*.parquet"), key=lambda p: p.stat().st_mtime)
        this = [p for p in stored if p.name.split("-")[0] == kept.name.split("-")[0]]
        for old in {*this[:-KEEP_PER_DATASET], *stored[:-KEEP_IN_ALL]} - {kept}:
            old.unlink(missing_ok=True)


def _resolve_names(con: duckdb.DuckDBPyConnection) -> None:
    """`_person_names` (name_norm -> person_id) and `_person_splits` ((article_id, ordinal)
    -> person_id, for names with namesakes) on the connection: the names and offices read
    once, typos joined (rule 2), and only the names that may have namesakes split."""
    names = con.execute(
        "SELECT name_norm, position_norm, position_org, position_province, honorific, "
        "count(*) FROM officials WHERE name_norm IS NOT NULL GROUP BY ALL"
    ).fetchall()
    groups = name_groups(
        (name, office_of(role, org, prov), n, honorific_gender(honorific))
        for name, role, org, prov, honorific, n in names
    )
    group_of = {name: groups[name_key(name)] for name, *_ in names}
    suspects: dict[str, list[Mention]] = defaultdict(list)
    for name, role, org, prov, _honorific, _n in names:
        suspects[group_of[name]].append(Mention(("", 0), name, role, org, prov))
    split = {head for head, offices in suspects.items() if may_have_namesakes(offices)}
    splits: dict[MentionKey, str] = {}
    if split:
        wanted = [name for name, head in group_of.items() if head in split]
        con.register("_person_suspects", pa.table({"name_norm": pa.array(wanted, pa.string())}))
        rows = con.execute(_SUSPECT_MENTIONS_SQL).fetchall()
        con.unregister("_person_suspects")
        by_group: dict[str, list[Mention]] = defaultdict(list)
        for article_id, ordinal, name, role, org, prov, seen in rows:
            by_group[group_of[name]].append(
                Mention((article_id, ordinal), name, role, org, prov, seen)
            )
        for head, group in by_group.items():
            splits.update(split_name(key_id(head), group))
    heads = sorted(group_of)
    con.register(
        "_person_names",
        pa.table(
            {
                "name_norm": pa.array(heads, pa.string()),
                "person_id": pa.array([key_id(group_of[n]) for n in heads], pa.string()),
            }
        ),
    )
    con.register(
        "_person_splits",
        pa.table(
            {
                "article_id": pa.array([k[0] for k in splits], pa.string()),
                "ordinal": pa.array([k[1] for k in splits], pa.int32()),
                "person_id": pa.array(list(splits.values()), pa.string()),
            }
        ),
    )
