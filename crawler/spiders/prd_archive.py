"""`prd_archive`: the old provincial CMS (`pr.prd.go.th/{province}/ewt_news.php?nid=N`).
It has no listing we know of, and its ids are sequential with gaps (deleted pages): ids are
probed in a sliding window, and a site is done after `MISSES` ids in a row are missing."""

from collections.abc import Iterator
from typing import Any

from scrapy import Request
from scrapy.http import Response

from crawler.sources import Source
from crawler.spiders.base import ARTICLE, SourceSpider

WINDOW = 8  # ids requested ahead of the last one answered
MISSES = 20  # missing ids in a row that end a site


class PrdArchiveSpider(SourceSpider):
    name = "prd_archive"
    template = "ewt"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.last_found: dict[str, int] = {}
        self.highest: dict[str, int] = {}

    async def start(self) -> Any:
        for source in self.sources:
            self.last_found[source.slug] = 0
            self.highest[source.slug] = 0
            for request in self.probe(source, WINDOW):
                yield request

    def nid_url(self, source: Source, nid: int) -> str:
        return f"{self.site_url(source)}/ewt_news.php?nid={nid}&filename=index"

    def probe(self, source: Source, upto: int) -> Iterator[Request]:
        """Request every id up to `upto` not requested yet."""
        while self.highest[source.slug] < upto and not self.full_enough:
            self.highest[source.slug] += 1
            for request in self.article_request(
                self.nid_url(source, self.highest[source.slug]), source, {}
            ):
                request.meta["handle_httpstatus_list"] = [404]
                request.meta["thaipr_nid"] = self.highest[source.slug]
                yield request

    def parse_article(self, response: Response) -> Iterator[Any]:
        source = next(s for s in self.sources if s.slug == response.meta[ARTICLE]["site"])
        nid = response.meta["thaipr_nid"]
        if response.status == 404:
            self.count("thaipr/archive_missing")
        else:
            self.last_found[source.slug] = max(self.last_found[source.slug], nid)
            yield from super().parse_article(response)
        if self.highest[source.slug] - self.last_found[source.slug] < MISSES:
            yield from self.probe(source, max(nid, self.last_found[source.slug]) + WINDOW)
