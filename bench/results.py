"""bench/RESULTS.md: each benchmark that writes there (`--write-results`) owns one section
between two markers and replaces only that; what is written around the sections by hand
stays."""

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# Benchmark results\n\nWritten by the benchmarks run with `--write-results`.\n"


def write_section(name: str, text: str, path: Path = RESULTS) -> None:
    """Put `text` between `<!-- begin NAME -->` and `<!-- end NAME -->`, in place of what was
    there, or at the end of the file."""
    begin, end = f"<!-- begin {name} -->", f"<!-- end {name} -->"
    block = f"{begin}\n{text.rstrip()}\n{end}"
    current = path.read_text(encoding="utf-8") if path.exists() else HEADER
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if pattern.search(current):
        updated = pattern.sub(lambda _: block, current)
    else:
        updated = current.rstrip() + "\n\n" + block + "\n"
    tmp = path.with_suffix(".md.tmp")
    tmp.write_text(updated, encoding="utf-8")
    tmp.replace(path)
