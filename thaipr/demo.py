"""`make demo`: serve a replica of the platform on loopback, crawl it with `thaipr crawl`
into ./demo-data, and show what a researcher gets: the crawl's summary, a few meetings from
`thaipr query`, and the page `thaipr report` draws of the dataset (./demo-report.html).
Run it again: the second crawl finds every article unchanged."""

import subprocess
import sys
from pathlib import Path

from crawler.replica.catalog import Catalog
from crawler.replica.server import Replica, ReplicaHTTPServer

OUT = Path("demo-data")
REPORT = Path("demo-report.html")  # beside the dataset, never in it
PROVINCES, PER_PROVINCE = 3, 20
THAIPR = [sys.executable, "-m", "thaipr"]
QUESTION = (
    "SELECT event_date, event_time, province_th, chair, chair_position, venue "
    "FROM meetings ORDER BY event_date DESC, province_th LIMIT 8"
)


def main() -> int:
    catalog = Catalog(PROVINCES, PER_PROVINCE)
    server = ReplicaHTTPServer(Replica(catalog))
    server.start()
    print(f"replica: {catalog.total} articles on {', '.join(catalog.sites)} at {server.url}")
    try:
        crawl = subprocess.run(
            [
                *THAIPR,
                "crawl",
                "--out",
                str(OUT),
                "--site-url-template",
                server.url + "/{slug}",
                "--province",
                ",".join(catalog.sites),
                "--delay",
                "0.02",
                "--log-level",
                "WARNING",
            ],
            check=False,
        )
    finally:
        server.shutdown()
        server.server_close()
    if crawl.returncode not in (0, 1):
        return crawl.returncode
    print(f'\nmeetings in {OUT}/ (thaipr query --data {OUT} "{QUESTION}"):\n', flush=True)
    query = subprocess.run([*THAIPR, "query", "--data", str(OUT), QUESTION], check=False)
    print(f"\nthe report of {OUT}/ (thaipr report --data {OUT} --out {REPORT}):\n", flush=True)
    report = subprocess.run(
        [*THAIPR, "report", "--data", str(OUT), "--out", str(REPORT)], check=False
    )
    if report.returncode == 0:
        print(f"open {REPORT.resolve().as_uri()} in a browser")
    return crawl.returncode or query.returncode or report.returncode


if __name__ == "__main__":
    sys.exit(main())
