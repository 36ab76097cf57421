"""What a user would build instead of thaipr: a plain Scrapy spider that crawls the sites'
listings, runs a general article extractor (trafilatura's `bare_extraction`, metadata and
its date extraction on) on every article page and writes one JSON object per article
(Scrapy's JSON Lines feed export). The crawl bench (bench/compare.py) runs it against the
same replica and the same articles as thaipr.

It is written as a Scrapy user would write it, so nothing of thaipr is imported here: the
sites come from the replica's `/manifest.json`; each site's home page menu names its
categories; a category's listing page and its `getarticles` POST pages (`pageIndex`) list
the articles, ten at a time, until a page lists none.

    python -m bench.peer_spider http://127.0.0.1:8765 peer.jsonl
"""

import argparse
import json
import sys
import urllib.request
from collections.abc import Iterator
from typing import Any

from scrapy import FormRequest, Request, Selector, Spider
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response, TextResponse
from trafilatura import bare_extraction

# The same freedom as `thaipr crawl --no-politeness` on the replica: no delay, 32 requests at
# once, robots.txt obeyed. Scrapy's telnet console and remote control are off (no ports).
SETTINGS: dict[str, Any] = {
    "USER_AGENT": "peer-bench (+https://github.com/thaipr/thaipr; trafilatura baseline)",
    "ROBOTSTXT_OBEY": True,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "REMOTE_CONTROL_ENABLED": False,
    "LOG_LEVEL": "ERROR",
    "FEED_EXPORT_ENCODING": "utf-8",
}
# Fields of trafilatura's Document left out: lxml trees (not JSON), and `raw_text`, which is
# `text` again without its line structure.
LEFT_OUT = ("body", "commentsbody", "raw_text")


class PeerSpider(Spider):
    """Listings to articles; each article through trafilatura."""

    name = "peer"

    def __init__(self, base: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base = base.rstrip("/")

    async def start(self) -> Any:
        with urllib.request.urlopen(self.base + "/manifest.json") as answer:
            manifest = json.load(answer)
        for site in manifest["sites"]:
            yield Request(f"{self.base}/{site['slug']}/", callback=self.parse_home)

    def parse_home(self, response: Response) -> Iterator[Request]:
        assert isinstance(response, TextResponse)
        for href in response.css(".menu a::attr(href)").getall():
            if "/content/category/index/id/" in href:
                yield response.follow(href, callback=self.parse_listing, cb_kwargs={"page": 1})

    def parse_listing(self, response: Response, page: int) -> Iterator[Request]:
        """A listing page (HTML), or a `getarticles` answer ({"html": the next ten rows})."""
        assert isinstance(response, TextResponse)
        if page == 1:
            rows, listing = response.selector, response.url
        else:
            rows, listing = Selector(text=response.json()["html"]), response.meta["listing"]
        links = rows.css(".detail-title a::attr(href)").getall()
        for href in links:
            yield response.follow(href, callback=self.parse_article)
        if links:
            yield FormRequest(
                listing.replace("/category/index/", "/category/getarticles/"),
                formdata={"pageIndex": str(page + 1)},
                callback=self.parse_listing,
                cb_kwargs={"page": page + 1},
                meta={"listing": listing},
            )

    def parse_article(self, response: Response) -> Iterator[dict[str, Any]]:
        assert isinstance(response, TextResponse)
        # with_metadata: title, author, date (htmldate's find_date, extensive search on by
        # trafilatura's default config), site name, categories, tags.
        document = bare_extraction(response.text, url=response.url, with_metadata=True)
        if document is None:
            return
        fields = document.as_dict()  # type: ignore[union-attr]
        yield {k: v for k, v in fields.items() if k not in LEFT_OUT}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("base", help="the replica's URL, e.g. http://127.0.0.1:8765")
    ap.add_argument("out", help="the JSON Lines file written")
    args = ap.parse_args(argv)
    process = CrawlerProcess(
        {**SETTINGS, "FEEDS": {args.out: {"format": "jsonlines", "overwrite": True}}}
    )
    crawler = process.create_crawler(PeerSpider)
    process.crawl(crawler, base=args.base)
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    print(
        f"peer: {stats.get('item_scraped_count', 0)} articles, "
        f"{stats.get('downloader/response_count', 0)} responses, "
        f"{stats.get('finish_reason', 'unfinished')}",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
