"""The crawl never leaves the configured hosts. Two downloader middlewares: `HostFence`,
first of all, refuses a request to any other host (before even its robots.txt is asked
for); `RedirectFence`, before RedirectMiddleware, refuses a redirect to another host and
stops redirect loops (Scrapy's duplicate filter would drop the looping request silently).
Each refusal reaches the request's errback, so the URL lands in `errors` with the reason."""

from typing import Self
from urllib.parse import urljoin, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response


class Refused(IgnoreRequest):
    stage = "fetch"


class OffsiteRequest(Refused):
    stage = "offsite"


class OffsiteRedirect(Refused):
    stage = "offsite"


class RedirectLoop(Refused):
    stage = "redirect"


def netloc(url: str) -> str:
    return urlsplit(url).netloc.lower()


class HostFence:
    """Requests to hosts other than the configured ones are refused."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self._allowed: frozenset[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    @property
    def allowed(self) -> frozenset[str]:
        if self._allowed is None:
            configured = getattr(self.crawler.spider, "allowed_netlocs", None)
            hosts = configured() if configured else set()
            extra = self.crawler.settings.getlist("THAIPR_ALLOWED_HOSTS")
            self._allowed = frozenset({*hosts, *(h.lower() for h in extra)})
        return self._allowed

    def process_request(self, request: Request) -> None:
        if self.allowed and netloc(request.url) not in self.allowed:
            raise OffsiteRequest(f"{request.url} is not on a configured host")


class RedirectFence(HostFence):
    """Redirects to other hosts, and redirect loops, are refused before they are followed."""

    def process_request(self, request: Request) -> None:
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get(b"Location")
        if not (300 <= response.status < 400 and location):
            return response
        target = urljoin(request.url, location.decode("latin-1").strip())
        if self.allowed and netloc(target) not in self.allowed:
            raise OffsiteRedirect(
                f"{response.status} redirect off the configured hosts, to {target}: not followed"
            )
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            raise RedirectLoop(f"redirect loop: {' -> '.join([*chain, target])}")
        return response
