"""The quality gate: score extraction on ../shared/eval with its reference scorer.

    python -m tests.eval_gate            # print figures, fail below the floors
    python -m tests.eval_gate --update   # raise the floors to today's figures (never lowers)
    python -m tests.eval_gate --misses   # also list every miss

Floors live in tests/eval_baseline.json and can only go up.
"""

import argparse
import json
import subprocess
import sys
import tempfile
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


def predict(excerpts: list[dict[str, Any]], out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for item in excerpts:
            record = extract_text(item["text"], source=f"{item['id']}.txt", url=item.get("url"))
            f.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")


def score(eval_dir: Path = EVAL, misses: bool = False) -> tuple[dict[str, Any], str]:
    """(figures, the scorer's miss lines) for the excerpts in `eval_dir`."""
    excerpts = json.loads((eval_dir / "dev_excerpts.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "predictions.jsonl"
        predict(excerpts, pred)
        cmd = [
            sys.executable,
            str(eval_dir / "score.py"),
            str(eval_dir / "dev_gold.json"),
            str(pred),
        ]
        figures = json.loads(
            subprocess.run([*cmd, "--json"], check=True, capture_output=True, text=True).stdout
        )
        detail = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    miss_lines = "\n".join(ln for ln in detail.splitlines() if ln.startswith("MISS"))
    return figures, miss_lines if misses else ""


def below_floors(figures: dict[str, Any], floors: dict[str, float]) -> list[str]:
    return [
        f"{field}: {figures.get(field)} < floor {floor}"
        for field, floor in floors.items()
        if figures.get(field) is not None and figures[field] < floor
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--update", action="store_true", help="raise floors to today's figures")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    if not (EVAL / "score.py").exists():
        print(f"eval: {EVAL} is absent (../shared is only beside checkouts and CI runs)")
        return 0
    figures, miss_lines = score(misses=args.misses)
    floors = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    if miss_lines:
        print(miss_lines)
    print(f"{'field':<14}{'score':>8}{'floor':>8}")
    for field in FIELDS:
        print(f"{field:<14}{figures.get(field)!s:>8}{floors.get(field, '-')!s:>8}")
    print(f"items {figures['items']}, missing {figures['missing']}")
    failures = below_floors(figures, floors)
    if args.update:
        raised = {
            f: max(floors.get(f, 0.0), figures[f]) for f in FIELDS if figures.get(f) is not None
        }
        BASELINE.write_text(json.dumps(raised, indent=2, sort_keys=True) + "\n")
        print(f"floors written to {BASELINE}")
    for line in failures:
        print(f"BELOW FLOOR {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
