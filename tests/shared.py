"""Where ../shared is (beside every checkout and CI run, not on a user's machine)."""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("THAIPR_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seed" / "nongkhai-moral-province-2566.txt"
CORPUS = SHARED / "corpus" / "thaigov.parquet"  # thaigov.go.th news, 2016-2020
CORPUS_V2 = SHARED / "corpus" / "thaigov-v2.parquet"  # the same site, 2020-2025
CORPORA = {"thaigov": CORPUS, "thaigov-v2": CORPUS_V2}  # by the name reports give them
EVAL = SHARED / "eval"


def require(path: Path) -> Path:
    """Skip the calling test, saying why, when the shared data is not here."""
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared is only beside checkouts and CI runs")
    return path
