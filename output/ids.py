"""Stable ids. An article keeps its id across crawls, hosts (the live site or its loopback
replica) and URL variants; each write of it gets a new, sortable revision."""

import hashlib
import os
import re
import threading
import time
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# The current CMS: /th/content/category/detail/id/{cat}/iid/{item}
_PRD_ITEM = re.compile(r"/content/category/detail/id/\d+/iid/(?P<item>\d+)")
# The old EWT CMS: pr.prd.go.th/{province}/ewt_news.php?nid={n}
_EWT_ITEM = re.compile(r"/(?P<site>[a-z]+)/ewt_news\.php\b.*?[?&]nid=(?P<item>\d+)")
# Regional bureaus: region3.prd.go.th/region3_ci/{station}/news/{id}
_REGIONAL_ITEM = re.compile(r"/region\d+_ci/(?P<station>[a-z0-9]+)/news/(?P<item>\d+)")
_PRD_HOST = re.compile(r"^(?P<label>[a-z0-9-]+)\.prd\.go\.th$")
# Query parameters that never change what a page shows.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|search|ref)$")


def site_of(url: str) -> str:
    """`nongkhai.prd.go.th` -> `nongkhai`; any other host stays whole."""
    host = (urlsplit(url).hostname or "").lower()
    m = _PRD_HOST.match(host)
    return m.group("label") if m else host


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters,
    the remaining query sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    default = {"http": 80, "https": 443}.get(scheme)
    netloc = host if parts.port in (None, default) else f"{host}:{parts.port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k))
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def article_id(url: str | None, site: str | None = None, content: str | None = None) -> str:
    """`site:item` when the URL carries an item id (PRD CMS `nongkhai:100001`, old CMS
    `ewt.phayao:5`, regional `region3.phrae:77`); else `url:` + a hash of the canonical URL;
    with no URL, `text:` + a hash of the content."""
    if url:
        if m := _PRD_ITEM.search(url):
            return f"{site or site_of(url)}:{m.group('item')}"
        if m := _EWT_ITEM.search(url):
            return f"ewt.{m.group('site')}:{m.group('item')}"
        if m := _REGIONAL_ITEM.search(url):
            region = re.search(r"/(region\d+)_ci/", url)
            return (
                f"{region.group(1) if region else 'region'}.{m.group('station')}:{m.group('item')}"
            )
        return "url:" + _digest(canonical_url(url))
    return "text:" + _digest(content or "")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


_last_ns = 0
_lock = threading.Lock()


def revision() -> str:
    """Unique and increasing within a process, sortable across processes by time: 16 hex
    digits of nanoseconds, then 8 random ones."""
    global _last_ns
    with _lock:
        now = max(time.time_ns(), _last_ns + 1)
        _last_ns = now
    return f"{now:016x}{os.urandom(4).hex()}"


def crawl_id(prefix: str = "run") -> str:
    """A run's id: prefix, UTC time to the second, and a random suffix."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{prefix}-{stamp}-{os.urandom(3).hex()}"
