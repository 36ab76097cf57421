"""The quality gate: score extraction on ../shared/eval with its reference scorer.

    python -m tests.eval_gate            # print figures per set, fail below any set's floors
    python -m tests.eval_gate --update   # raise each set's floors to today's figures (never lowers)
    python -m tests.eval_gate --misses   # also list every miss, per set

Three sets: `thaigov` (the thaigov.go.th dev excerpts, with their URLs), `provincial`
(excerpts from provincial government sites, from the text alone) and `provincial_url`
(the same excerpts with each page's URL). Floors live in tests/eval_baseline.json, one
block per set, and can only go up.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.article import extract_text
from tests.shared import EVAL

BASELINE = Path(__file__).with_name("eval_baseline.json")
FIELDS = (
    "event_date",
    "event_time",
    "province",
    "officials_p",
    "officials_r",
    "officials_f1",
    "position",
    "honorific",
    "chair_f1",
    "venue",
    "credits_f1",
)


@dataclass(frozen=True)
class EvalSet:
    """One scored set: its excerpts, its gold, and whether extraction is given the URL."""

    name: str  # its block in eval_baseline.json
    excerpts: str  # file name in the eval directory
    gold: str
    with_url: bool


SETS = (
    EvalSet("thaigov", "dev_excerpts.json", "dev_gold.json", with_url=True),
    EvalSet("provincial", "provincial_excerpts.json", "provincial_gold.json", with_url=False),
    EvalSet("provincial_url", "provincial_excerpts.json", "provincial_gold.json", with_url=True),
)


def predict(excerpts: list[dict[str, Any]], out: Path, with_url: bool) -> None:
    with out.open("w", encoding="utf-8") as f:
        for item in excerpts:
            url = item.get("url") if with_url else None
            record = extract_text(item["text"], source=f"{item['id']}.txt", url=url)
            f.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")


def score(
    eval_set: EvalSet = SETS[0], eval_dir: Path = EVAL, misses: bool = False
) -> tuple[dict[str, Any], str]:
    """(figures, the scorer's miss lines) for one set of excerpts in `eval_dir`."""
    excerpts = json.loads((eval_dir / eval_set.excerpts).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "predictions.jsonl"
        predict(excerpts, pred, eval_set.with_url)
        cmd = [sys.executable, str(eval_dir / "score.py"), str(eval_dir / eval_set.gold), str(pred)]
        # Without --json the scorer prints its MISS lines, then the figures as the last line.
        lines = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()
    figures: dict[str, Any] = json.loads(lines[-1])
    miss_lines = "\n".join(ln for ln in lines if ln.startswith("MISS"))
    return figures, miss_lines if misses else ""


def below_floors(figures: dict[str, Any], floors: dict[str, float]) -> list[str]:
    return [
        f"{field}: {figures.get(field)} < floor {floor}"
        for field, floor in floors.items()
        if figures.get(field) is not None and figures[field] < floor
    ]


def raise_floors(floors: dict[str, float], figures: dict[str, Any]) -> dict[str, float]:
    """Each floor at today's figure when that is higher; a floor never goes down."""
    raised = dict(floors)
    for field in FIELDS:
        if figures.get(field) is not None:
            raised[field] = max(floors.get(field, 0.0), figures[field])
    return raised


def load_floors() -> dict[str, dict[str, float]]:
    floors: dict[str, dict[str, float]] = (
        json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    )
    return floors


def print_table(name: str, figures: dict[str, Any], floors: dict[str, float]) -> None:
    print(f"== {name}: items {figures['items']}, missing {figures['missing']}")
    print(f"{'field':<14}{'score':>8}{'floor':>8}")
    for field in FIELDS:
        print(f"{field:<14}{figures.get(field)!s:>8}{floors.get(field, '-')!s:>8}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--update", action="store_true", help="raise floors to today's figures")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    if not (EVAL / "score.py").exists():
        print(f"eval: {EVAL} is absent (../shared is only beside checkouts and CI runs)")
        return 0
    floors = load_floors()
    failures: list[str] = []
    for eval_set in SETS:
        figures, miss_lines = score(eval_set, misses=args.misses)
        set_floors = floors.get(eval_set.name, {})
        if miss_lines:
            print(f"== {eval_set.name}: misses")
            print(miss_lines)
        print_table(eval_set.name, figures, set_floors)
        failures += [f"{eval_set.name} {line}" for line in below_floors(figures, set_floors)]
        if args.update:
            floors[eval_set.name] = raise_floors(set_floors, figures)
        print()
    if args.update:
        BASELINE.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
        print(f"floors written to {BASELINE}")
    for line in failures:
        print(f"BELOW FLOOR {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
