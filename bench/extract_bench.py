"""Extraction speed: thaipr's full extraction against trafilatura's `bare_extraction` on the
same corpus articles rendered as HTML pages, in one run, one process. The pages are the
first articles of each corpus present (thaigov and thaigov-v2), in equal shares.

    python -m bench.extract_bench [--pages 2000]

Issue 20: thaipr stays at least twice as fast as trafilatura (time ratio <= 0.50).
"""

import argparse
import sys
import time
import tracemalloc

from bench.corpus import as_html, load_articles
from extract.article import extract_html
from tests.shared import CORPORA, CORPUS

RATIO_FLOOR = 0.50  # thaipr's time / trafilatura's time on the same pages, at most


def timed(fn, pages: list[str]) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for page in pages:
        fn(page)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--pages", type=int, default=2000)
    args = ap.parse_args(argv)
    present = {name: path for name, path in CORPORA.items() if path.exists()}
    if not present:
        print(f"bench: {CORPUS} is absent (../shared is only beside checkouts and CI runs)")
        return 0
    from trafilatura import bare_extraction

    share = -(-args.pages // len(present))  # ceiling: every corpus gives as many pages
    pages: list[str] = []
    sources: list[str] = []
    for name, path in present.items():
        taken = [as_html(a) for a in load_articles(path, share)][: args.pages - len(pages)]
        pages += taken
        sources.append(f"{len(taken)} {name}")
    extract_html(pages[0])  # warm caches (lexicons, gazetteer) outside the clock
    bare_extraction(pages[0])
    ours = timed(extract_html, pages)
    theirs = timed(lambda p: bare_extraction(p, with_metadata=True), pages)
    tracemalloc.start()
    for page in pages[:200]:
        extract_html(page)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    n = len(pages)
    print(
        f"pages {n} ({', '.join(sources)}; corpus articles as PRD-CMS HTML, "
        f"mean {sum(map(len, pages)) // n} chars)"
    )
    print(f"thaipr extract_html        {1000 * ours / n:7.2f} ms/page  {n / ours:7.1f} pages/s")
    print(
        f"trafilatura bare_extraction {1000 * theirs / n:6.2f} ms/page  {n / theirs:7.1f} pages/s"
    )
    ratio = ours / theirs
    verdict = "" if ratio <= RATIO_FLOOR else "  ABOVE THE FLOOR"
    print(f"ratio thaipr/trafilatura time: {ratio:.2f} (floor: <= {RATIO_FLOOR:.2f}){verdict}")
    print(f"peak traced memory over 200 pages: {peak / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
