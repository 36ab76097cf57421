"""docs/analysis.md is what tests/analysis_doc.py prints today: the page is regenerated (the
demo crawl of the replica, the loading snippets, the shell lines, the five questions' SQL)
and compared with the committed one, so a change to the extractor, the views or the
commands that changes an answer fails here until `make docs` is run."""

import difflib
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_analysis_page_is_what_its_code_prints(tmp_path: Path) -> None:
    out = tmp_path / "analysis.md"
    result = subprocess.run(
        [sys.executable, "-m", "tests.analysis_doc", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    committed = (REPO / "docs" / "analysis.md").read_text(encoding="utf-8")
    fresh = out.read_text(encoding="utf-8")
    diff = difflib.unified_diff(
        committed.splitlines(), fresh.splitlines(), "docs/analysis.md", "regenerated", lineterm=""
    )
    assert fresh == committed, "docs/analysis.md is stale; run `make docs`:\n" + "\n".join(
        list(diff)[:60]
    )
