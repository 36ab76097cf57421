"""The quality gate: extraction on the gold excerpts stays at or above its pinned floors."""

import json

import pytest

from tests.eval_gate import BASELINE, FIELDS, below_floors, score
from tests.shared import EVAL, require


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    require(EVAL / "score.py")
    return score()[0]


def test_no_field_below_its_floor(figures: dict[str, float]) -> None:
    floors = json.loads(BASELINE.read_text())
    assert below_floors(figures, floors) == []


def test_targets_of_the_issue(figures: dict[str, float]) -> None:
    for field in ("event_date", "event_time", "province", "officials_f1"):
        assert figures[field] >= 0.95, field
    for field in ("position", "venue"):
        assert figures[field] >= 0.90, field


def test_floors_cover_every_scored_field() -> None:
    floors = json.loads(BASELINE.read_text())
    assert set(floors) >= {f for f in FIELDS if f != "credits_f1"}
