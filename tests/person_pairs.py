"""People resolution scored on labelled pairs of official mentions from the real corpora.

    python -m tests.person_pairs            # precision and recall of "same person", per kind;
                                            # exit 1 below MIN_PRECISION or MIN_RECALL
    python -m tests.person_pairs --misses   # also every pair the resolution gets wrong

`tests/data/person_pairs.jsonl` holds one pair a line, labelled by reading: two mentions,
each named by its corpus, article id and the name (and position) as the extractor gives it,
and whether they are the same person (`same`), with the kind of case (`kind`) and a note.
No article text is stored: the articles are read from ../shared/corpus and extracted again.

Resolution is a dataset-level step, so it runs as it would over a dataset: over every
official mention of the pairs' articles and of the few other articles where the extractor
gives either name as written (`also_in`, up to three a side, chosen at random when the
pairs were labelled), as a dataset holds a person's other mentions.

Scored: a pair is predicted "same" when both mentions get one `person_id`
(`output.people.resolve`); precision and recall are of the "same" label. A mention the
extractor no longer gives is counted missing and its pair left out.
"""

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from bench.corpus import as_text
from extract.article import extract_text
from extract.names import honorific_gender
from output.people import Mention, MentionKey, resolve
from tests.shared import CORPORA

PAIRS = Path(__file__).parent / "data" / "person_pairs.jsonl"
# The floors of issue 22: below either, the scorer exits 1 (as the extraction gate does).
MIN_PRECISION = 0.98
MIN_RECALL = 0.95
# Kinds of pair that are not hard: one name, one office; two people in one article.
EASY_KINDS = frozenset({"easy_same", "same_article"})


@dataclass(frozen=True)
class Scored:
    pair: dict[str, Any]
    predicted_same: bool

    @property
    def right(self) -> bool:
        return self.predicted_same == self.pair["same"]


@dataclass(frozen=True)
class Figures:
    pairs: int
    hard: int
    missing: int
    precision: float
    recall: float
    by_kind: dict[str, tuple[int, int]]  # kind -> (right, scored)
    wrong: list[Scored]


def load_pairs(path: Path = PAIRS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _ref(side: dict[str, Any]) -> str:
    return f"{side['corpus']}:{side['id']}"


def articles_read(pairs: list[dict[str, Any]]) -> dict[str, set[str]]:
    """corpus -> the ids of every article the scoring extracts."""
    wanted: dict[str, set[str]] = {}
    for pair in pairs:
        for side in (pair["a"], pair["b"]):
            for ref in (_ref(side), *side["also_in"]):
                corpus, ident = ref.split(":", 1)
                wanted.setdefault(corpus, set()).add(ident)
    return wanted


Written = tuple[str, Mention]  # the name as the extractor gives it, and the mention


def mentions_of(pairs: list[dict[str, Any]]) -> dict[str, list[Written]]:
    """Every official mention of the articles the pairs name, by `corpus:id`."""
    out: dict[str, list[Written]] = {}
    for corpus, ids in sorted(articles_read(pairs).items()):
        table = pq.read_table(CORPORA[corpus], columns=["id", "title", "text"])
        table = table.filter(pc.is_in(table["id"], value_set=_array(sorted(ids))))
        for article in table.to_pylist():
            ref = f"{corpus}:{article['id']}"
            record = extract_text(as_text(article))
            seen = record.event.date or record.published.date
            out[ref] = [
                (
                    o.name,
                    Mention(
                        (ref, i),
                        o.name_norm or "",
                        o.position_norm,
                        o.position_org,
                        o.position_province,
                        seen,
                        honorific_gender(o.honorific),
                    ),
                )
                for i, o in enumerate(record.officials)
            ]
    return out


def _array(values: list[str]) -> pa.Array:
    return pa.array(values, pa.string())


def score(pairs: list[dict[str, Any]]) -> Figures:
    by_article = mentions_of(pairs)
    ids = resolve(m for ms in by_article.values() for _, m in ms)
    scored, missing = [], 0
    for pair in pairs:
        keys = [_find(by_article, side) for side in (pair["a"], pair["b"])]
        if keys[0] is None or keys[1] is None:
            missing += 1
            continue
        scored.append(Scored(pair, ids[keys[0]] == ids[keys[1]]))
    tp = sum(s.pair["same"] and s.predicted_same for s in scored)
    fp = sum(not s.pair["same"] and s.predicted_same for s in scored)
    fn = sum(s.pair["same"] and not s.predicted_same for s in scored)
    by_kind: Counter[tuple[str, bool]] = Counter((s.pair["kind"], s.right) for s in scored)
    kinds = sorted({s.pair["kind"] for s in scored})
    return Figures(
        pairs=len(pairs),
        hard=sum(p["kind"] not in EASY_KINDS for p in pairs),
        missing=missing,
        precision=round(tp / (tp + fp), 4) if tp + fp else 1.0,
        recall=round(tp / (tp + fn), 4) if tp + fn else 1.0,
        by_kind={k: (by_kind[k, True], by_kind[k, True] + by_kind[k, False]) for k in kinds},
        wrong=[s for s in scored if not s.right],
    )


def _find(by_article: dict[str, list[Written]], side: dict[str, Any]) -> MentionKey | None:
    """The mention of `side` in its article: the official whose name is written so."""
    for written, m in by_article.get(_ref(side), []):
        if written == side["name"]:
            return m.key
    return None


def report(figures: Figures, misses: bool) -> str:
    lines = [
        f"== people: {figures.pairs} labelled pairs ({figures.hard} hard), "
        f"{figures.missing} missing",
        f"{'kind':<16}{'right':>8}{'pairs':>8}",
    ]
    for kind, (right, total) in figures.by_kind.items():
        lines.append(f"{kind:<16}{right:>8}{total:>8}")
    lines.append(f"same person: precision {figures.precision}, recall {figures.recall}")
    if misses:
        for s in figures.wrong:
            a, b = s.pair["a"], s.pair["b"]
            said = "same" if s.predicted_same else "different"
            lines.append(
                f"MISS {s.pair['kind']}: {a['name']} ({_ref(a)}) / {b['name']} ({_ref(b)}) "
                f"resolved {said}; {s.pair['note']}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--misses", action="store_true", help="list every pair resolved wrong")
    args = ap.parse_args(argv)
    absent = [str(p) for p in CORPORA.values() if not p.exists()]
    if absent:
        print(f"people: {', '.join(absent)} absent (../shared is only beside checkouts and CI)")
        return 0
    figures = score(load_pairs())
    print(report(figures, args.misses))
    below = [
        f"{what} {value} < {floor}"
        for what, value, floor in (
            ("precision", figures.precision, MIN_PRECISION),
            ("recall", figures.recall, MIN_RECALL),
        )
        if value < floor
    ]
    for line in below:
        print(f"BELOW FLOOR people {line}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
