"""`make demo` until the crawler exists: extract the built-in sample pages (written for this
project, one per template) and print what a researcher gets from each."""

import json
import sys

from crawler.replica.samples import SAMPLES
from extract.article import extract_html


def main() -> int:
    for url, html in SAMPLES:
        r = extract_html(html, url=url)
        chair = next((o for o in r.officials if o.role == "chair"), None)
        print(f"[{r.template}] {r.title}")
        print(f"  event     {r.event.date} {r.event.time or ''} {r.event.type or ''}")
        print(f"  province  {r.province.code} {r.province.name_th} ({r.province.source})")
        if chair:
            print(f"  chair     {chair.honorific}{chair.name}, {chair.position}")
        if r.venues:
            print(f"  venue     {r.venues[0].text}")
        print(f"  credits   {json.dumps([c.__dict__ for c in r.credits], ensure_ascii=False)}")
        for w in r.warnings:
            print(f"  warning   {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
