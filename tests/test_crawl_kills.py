"""Real crawls stopped at every kill point: SIGKILL while fetching, inside the dataset
writer's commit and inside compaction; SIGTERM and a terminal's Ctrl-C for clean stops.
After a re-run (and `thaipr compact`) every article is in the dataset exactly once, every
file reads, and a clean stop's re-run fetches nothing it had stored."""

from pathlib import Path

import pytest

from tests.reliability import KILLS, Kill, run_kill


@pytest.mark.parametrize("kill", KILLS, ids=[k.name for k in KILLS])
def test_crawl_survives(kill: Kill, tmp_path: Path) -> None:
    row = run_kill(kill, tmp_path)
    assert row.lost == 0, row.happened
    assert row.ok, row.happened
