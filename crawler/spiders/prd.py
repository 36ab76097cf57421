"""`prd`: the current CMS. For each site: the feed directory (or the menu) gives the news
categories; each category's JSON feed gives the newest articles and its listing, paged by
POST `getarticles` with `pageIndex`, gives the rest, back to `--since`. A re-run stops paging
at a page whose articles are all stored already (unless `full`)."""

from collections.abc import Iterator
from typing import Any

from scrapy import Request
from scrapy.http import Response

from crawler.sources import Source
from crawler.spiders.base import SourceSpider
from crawler.spiders.navigation import feed_items, fragment_of, listing_items, news_categories
from crawler.state.incremental import state_of

DIRECTORY = "/th/rss/page/index/id/1"


class PrdSpider(SourceSpider):
    name = "prd"
    template = "prd"

    async def start(self) -> Any:
        for source in self.sources:
            base = self.site_url(source)
            yield self.request(
                base + DIRECTORY,
                source,
                self.parse_directory,
                cb_kwargs={"source": source, "base": base},
            )

    def parse_directory(self, response: Response, source: Source, base: str) -> Iterator[Request]:
        self.count("thaipr/ok_responses")
        categories = news_categories(response.text)
        if not categories:  # no feed directory on this site: the menu names the categories
            yield self.request(
                base + "/", source, self.parse_menu, cb_kwargs={"source": source, "base": base}
            )
        yield from self.crawl_categories(categories, source, base)

    def parse_menu(self, response: Response, source: Source, base: str) -> Iterator[Request]:
        self.count("thaipr/ok_responses")
        yield from self.crawl_categories(news_categories(response.text), source, base)

    def crawl_categories(
        self, categories: list[int], source: Source, base: str
    ) -> Iterator[Request]:
        for cat in categories:
            where = {"source": source, "base": base, "cat": cat}
            yield self.request(
                f"{base}/th/rss/page/contentjson/id/1/cid/{cat}",
                source,
                self.parse_feed,
                cb_kwargs={"source": source},
            )
            yield self.request(
                f"{base}/th/content/category/index/id/{cat}",
                source,
                self.parse_listing,
                cb_kwargs={**where, "page": 1},
            )

    def parse_feed(self, response: Response, source: Source) -> Iterator[Request]:
        self.count("thaipr/ok_responses")
        for item in feed_items(response.text):
            if self.in_window(item.day):
                yield from self.article_request(
                    item.url, source, {"day": item.day, "title": item.title}
                )

    def parse_listing(
        self, response: Response, source: Source, base: str, cat: int, page: int
    ) -> Iterator[Request]:
        self.count("thaipr/ok_responses")
        html = response.text if page == 1 else fragment_of(response.text)
        items = listing_items(html, response.url)
        state = state_of(self.crawler)
        passed_since = any(self.since and i.day and i.day < self.since for i in items)
        all_stored = bool(items) and all(
            (known := state.known(self.canonical(i.url, source))) is not None and known.stored
            for i in items
        )
        for item in items:
            if self.in_window(item.day):
                yield from self.article_request(
                    item.url, source, {"day": item.day, "title": item.title}
                )
        if not items or passed_since or self.full_enough or (all_stored and not self.full):
            return
        yield self.request(
            f"{base}/th/content/category/getarticles/id/{cat}",
            source,
            self.parse_listing,
            form={"pageIndex": str(page + 1)},
            cb_kwargs={"source": source, "base": base, "cat": cat, "page": page + 1},
        )
