"""What spiders yield. A fetched page travels raw (bytes and headers) so that any pipeline
stage (extraction today, a WARC archive later) can read the response as it came."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from output.ids import article_id


@dataclass
class PageItem:
    url: str  # as fetched
    canonical_url: str  # on the real platform (differs from `url` on a replica)
    site: str
    province_code: str | None
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime
    template: str  # prd | ewt
    listed: dict[str, Any] = field(default_factory=dict)  # what the listing said (date, title)
    change: str = "new"  # new | changed (the state store knew an older version)
    known_hash: str | None = None  # the stored version's content hash, when there is one
    lease: Any = None  # distributed crawls: the queue lease this page was fetched under

    def __str__(self) -> str:  # what Scrapy's log lines print: not the body
        return f"PageItem {self.url}"

    @property
    def article_id(self) -> str:
        """Current-CMS pages are numbered per site; other templates carry their own ids."""
        return article_id(self.canonical_url, self.site if self.template == "prd" else None)

    @property
    def charset(self) -> str | None:
        """The charset the Content-Type header declares, if any."""
        content_type = next((v for k, v in self.headers.items() if k.lower() == "content-type"), "")
        for part in content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip().strip('"')
        return None


@dataclass
class ErrorItem:
    url: str
    site: str | None
    province_code: str | None
    stage: str  # fetch | decode | extract | validate | write
    error_class: str
    message: str
    http_status: int | None = None
    lease: Any = None

    def __str__(self) -> str:
        return f"ErrorItem {self.url}"
