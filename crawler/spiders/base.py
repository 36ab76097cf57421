"""What both spiders share: their arguments (as `thaipr crawl` options or `scrapy crawl -a`),
the sources they crawl, article requests and the PageItem/ErrorItem they yield."""

from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import FormRequest, Request, Spider
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.items import ErrorItem, PageItem
from crawler.politeness.delays import SOURCE_HOST
from crawler.sources import Source, load_sources, select
from crawler.spiders.failures import describe
from extract.sniff import not_a_page

ARTICLE = "thaipr_article"  # request meta: the article's site, canonical URL, listing data
FETCHED_AT = "thaipr_fetched_at"  # request meta: when the response arrived (crawler.archive)
LEASE = (
    "thaipr_lease"  # request meta: its lease in a distributed crawl (crawler.distributed.leases)
)


def parse_day(value: str | date | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{name} must be YYYY-MM-DD, got {value!r}") from exc


def asked_url(request: Request | Response) -> str:
    """The URL first asked for, before any redirect: the one `errors` records."""
    return str((request.meta.get("redirect_urls") or [request.url])[0])


class SourceSpider(Spider):
    template = "prd"

    def __init__(
        self,
        province: str | list[str] | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        max_articles: str | int | None = None,
        site_url_template: str | None = None,
        sources: str | None = None,
        out: str | None = None,
        full: str | bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        wanted = [province] if isinstance(province, str) else province
        self.configured = load_sources(Path(sources) if sources else None)
        self.sources: list[Source] = select(self.configured, wanted, self.template)
        self.since = parse_day(since, "since")
        self.until = parse_day(until, "until")
        self.max_articles = int(max_articles) if max_articles not in (None, "") else None
        self.site_url_template = site_url_template
        self.out = out
        self.full = full in (True, "1", "true", "yes")
        self.scheduled: set[str] = set()  # article URLs requested (listing and feed repeat them)

    def count(self, stat: str) -> None:
        if self.crawler.stats:
            self.crawler.stats.inc_value(stat)

    def site_url(self, source: Source) -> str:
        """Where a source is fetched from: its real base URL, or the replica's."""
        if self.site_url_template:
            return self.site_url_template.format(slug=source.slug).rstrip("/")
        return source.base_url

    @cached_property
    def _real_hosts(self) -> dict[str, str]:
        """Where each configured source is fetched from (netloc) -> its real host."""
        return {urlsplit(self.site_url(s)).netloc.lower(): s.host for s in self.configured.values()}

    def allowed_netlocs(self) -> set[str]:
        """The hosts this crawl may fetch from: every configured source's
        (crawler.politeness.fence)."""
        return set(self._real_hosts)

    def source_host(self, netloc: str) -> str | None:
        """The real host that a netloc this crawl fetches from stands for
        (crawler.politeness.delays): on a replica, every source is fetched from one netloc."""
        return self._real_hosts.get(netloc)

    def canonical(self, url: str, source: Source) -> str:
        """The URL on the real platform of a URL fetched from the replica."""
        base = self.site_url(source)
        return source.base_url + url[len(base) :] if url.startswith(base) else url

    def in_window(self, day: date | None) -> bool:
        return day is None or (
            (self.since is None or day >= self.since) and (self.until is None or day <= self.until)
        )

    @property
    def full_enough(self) -> bool:
        return self.max_articles is not None and len(self.scheduled) >= self.max_articles

    def article_request(
        self, url: str, source: Source, listed: dict[str, Any]
    ) -> Iterator[Request]:
        if self.full_enough or url in self.scheduled:
            return
        self.scheduled.add(url)
        yield Request(
            url,
            callback=self.parse_article,
            errback=self.failed,
            meta={
                SOURCE_HOST: source.host,
                ARTICLE: {
                    "site": source.slug,
                    "canonical": self.canonical(url, source),
                    "province": source.iso_code,
                    "listed": listed,
                },
            },
        )

    def request(
        self,
        url: str,
        source: Source,
        callback: Any,
        form: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> Request:
        """A navigation request (directory, listing, feed); with `form`, a POST of it."""
        meta = {SOURCE_HOST: source.host, "thaipr_source": source.slug, **kwargs.pop("meta", {})}
        if form is not None:
            return FormRequest(
                url, formdata=form, callback=callback, errback=self.failed, meta=meta, **kwargs
            )
        return Request(url, callback=callback, errback=self.failed, meta=meta, **kwargs)

    def parse_article(self, response: Response) -> Iterator[PageItem | ErrorItem]:
        info = response.meta[ARTICLE]
        known = response.meta.get("thaipr_known")  # set by ConditionalGet for stored pages
        self.count("thaipr/ok_responses")
        if response.status == 304:
            self.count("thaipr/unchanged")
            return
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        if problem := not_a_page(response.body, content_type):
            yield ErrorItem(
                url=asked_url(response),
                site=info["site"],
                province_code=info["province"],
                stage="content",
                error_class="NotAPage",
                message=problem,
                http_status=response.status,
                lease=response.meta.get(LEASE),
            )
            return
        yield PageItem(
            url=response.url,
            canonical_url=info["canonical"],
            site=info["site"],
            province_code=info["province"],
            status=response.status,
            headers={
                k.decode("latin-1"): b", ".join(v).decode("latin-1")
                for k, v in response.headers.items()
            },
            body=response.body,
            fetched_at=response.meta.get(FETCHED_AT) or datetime.now(UTC),
            template=self.template,
            listed=info["listed"],
            change="changed" if known else "new",
            known_hash=known.content_hash if known else None,
            lease=response.meta.get(LEASE),
        )

    def failed(self, failure: Failure) -> Iterator[ErrorItem]:
        request = failure.request  # type: ignore[attr-defined]
        info = request.meta.get(ARTICLE) or {}
        what = describe(failure)
        yield ErrorItem(
            url=asked_url(request),
            site=info.get("site") or request.meta.get("thaipr_source"),
            province_code=info.get("province"),
            stage=what.stage,
            error_class=what.error_class,
            message=what.message,
            http_status=what.http_status,
            lease=request.meta.get(LEASE),
        )
