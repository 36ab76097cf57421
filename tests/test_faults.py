"""Every fault of `thaipr replica --faults`, met by a real crawl: it finishes, recovers what
can be recovered, records in `errors` what cannot, never leaves the configured hosts, and
exits 1 (pages failed). One crawl serves every fault; each fault is judged on its own."""

import subprocess

import pytest

from crawler.replica.faults import FAULTS
from tests.reliability import Row, fault_matrix
from tests.replica import THAIPR


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Row]:
    return {row.case: row for row in fault_matrix(tmp_path_factory.mktemp("faults"))}


@pytest.mark.parametrize("fault", [f.name for f in FAULTS])
def test_fault_is_survived(outcomes: dict[str, Row], fault: str) -> None:
    row = outcomes[fault]
    assert row.ok, f"{fault}: {row.happened}"
    assert row.lost == 0


def test_every_other_article_is_stored(outcomes: dict[str, Row]) -> None:
    row = outcomes["every other article"]
    assert row.ok and row.lost == 0, row.happened


def test_the_crawl_finishes_with_exit_1_and_no_traceback(outcomes: dict[str, Row]) -> None:
    row = outcomes["the crawl"]
    assert row.ok, row.happened


def test_replica_refuses_faults_without_room() -> None:
    few = str(len(FAULTS) - 1)
    done = subprocess.run(
        [*THAIPR, "replica", "--port", "0", "--faults", "--articles-per-province", few],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"thaipr replica: --faults needs at least {len(FAULTS)} articles per province"
    )
