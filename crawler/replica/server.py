"""The replica of the PRD platform on loopback: each site under `/{slug}/`, with the URL
scheme of the real CMS (notes/prd-platform.md): feed directory, RSS and JSON feeds, listing
pages with POST paging, article pages (ETag, Last-Modified, 304), images, robots.txt with
Crawl-delay; the old CMS archive under `/ewt.{slug}/`. Every request is logged with its
time, for politeness tests: `GET /_replica/requests`. `GET /_replica/sites` names the sites
served (`{"sites": [slug, ...]}`): `thaipr crawl --replica URL` crawls those."""

import hashlib
import json
import re
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from crawler.replica.catalog import FIRST_ITEM, Catalog, Site
from crawler.replica.faults import FAULTS, HTML, Fault, Page
from crawler.replica.pages import paragraphs_html, thai_date_line

LOOPBACK = "127.0.0.1"
PAGE_SIZE = 10  # listing items per page
FEED_SIZE = 20  # items in a feed
TINY_JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")

_ROUTES: list[tuple[str, re.Pattern[str]]] = [
    ("directory", re.compile(r"/th/rss/page/index/id/\d+")),
    (
        "rss",
        re.compile(r"/th/(?:rss/page/content/id/\d+/cid|content/category/xml/id)/(?P<cat>\d+)"),
    ),
    (
        "json",
        re.compile(
            r"/th/(?:rss/page/contentjson/id/\d+/cid|content/category/json/id)/(?P<cat>\d+)"
        ),
    ),
    ("listing", re.compile(r"/th/content/category/index/id/(?P<cat>\d+)")),
    ("more", re.compile(r"/th/content/category/getarticles/id/(?P<cat>\d+)")),
    ("article", re.compile(r"/th/content/category/detail/id/(?P<cat>\d+)/iid/(?P<item>\d+)")),
    ("image", re.compile(r"/th/file/get/file/\w+\.jpg")),
    ("home", re.compile(r"/?")),
]


class Replica:
    """The platform's behaviour, independent of the HTTP server."""

    def __init__(
        self,
        catalog: Catalog,
        latency_ms: int = 0,
        crawl_delay: float | None = None,
        disallow: tuple[str, ...] = ("/_replica/",),
        faults: bool = False,
    ) -> None:
        self.catalog = catalog
        self.latency = latency_ms / 1000
        self.crawl_delay = crawl_delay
        self.disallow = disallow
        self.log: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._hits: Counter[str] = Counter()
        # path -> responses to give before the real page, one per request: (status, headers)
        self.scripted: dict[str, list[tuple[int, dict[str, str]]]] = {}
        # `--faults`: the first site's newest articles, one fault each
        self.faults: dict[int, Fault] = {}
        if faults:
            first = next(iter(catalog.sites.values()))
            if first.count < len(FAULTS):
                raise ValueError(f"--faults needs at least {len(FAULTS)} articles per province")
            self.faults = {FIRST_ITEM + n: fault for n, fault in enumerate(FAULTS)}

    def next_scripted(self, path: str) -> tuple[int, dict[str, str]] | None:
        with self._lock:
            queue = self.scripted.get(path)
            return queue.pop(0) if queue else None

    def hit(self, path: str) -> int:
        """How many times `path` has been asked for, this request included."""
        with self._lock:
            self._hits[path] += 1
            return self._hits[path]

    def fault_at(self, site: Site, item: int) -> Fault | None:
        first = next(iter(self.catalog.sites))
        return self.faults.get(item) if site.slug == first else None

    def fault_urls(self, base: str) -> dict[str, str]:
        """Fault name -> the article URL it stands in front of."""
        site = next(iter(self.catalog.sites.values()))
        return {
            fault.name: base + self.article_path(site, item) for item, fault in self.faults.items()
        }

    def article_path(self, site: Site, item: int, category: int | None = None) -> str:
        cat = self.catalog.category_of(site, item) if category is None else category
        return f"/{site.slug}/th/content/category/detail/id/{cat}/iid/{item}"

    def _alias_category(self, site: Site, item: int) -> int | None:
        """The other news category, for the article served under two URLs."""
        fault = self.fault_at(site, item)
        if fault is None or fault.name != "duplicate URLs":
            return None
        news = list(site.categories)[:2]
        return news[1 - news.index(self.catalog.category_of(site, item))]

    def record(self, entry: dict[str, Any]) -> None:
        with self._lock:
            self.log.append(entry)

    def robots(self) -> str:
        forbidden = list(self.disallow)
        if self.faults:
            site = next(iter(self.catalog.sites.values()))
            forbidden += [
                self.article_path(site, item)
                for item, fault in self.faults.items()
                if fault.name == "robots.txt disallow"
            ]
        lines = ["User-agent: *", *(f"Disallow: {d}" for d in forbidden)]
        if self.crawl_delay:
            lines.append(f"Crawl-delay: {self.crawl_delay:g}")
        return "\n".join(lines) + "\n"

    def manifest(self) -> dict[str, Any]:
        sites = [
            {"slug": s.slug, "articles": s.count, "archive": self.catalog.archive_count(s)}
            for s in self.catalog.sites.values()
        ]
        return {"sites": sites, "articles": self.catalog.total}

    # --- pages -------------------------------------------------------------------------------

    def directory(self, site: Site, prefix: str) -> str:
        links = []
        for n, (cat, name) in enumerate(site.categories.items(), start=1):
            links.append(
                f"<li>{escape(name)} "
                f'<a href="{prefix}/th/rss/page/content/id/{n}/cid/{cat}">RSS</a> '
                f'<a href="{prefix}/th/rss/page/contentjson/id/{n}/cid/{cat}">JSON</a></li>'
            )
        return _page(f"RSS - {site.source.name_th}", f"<h1>RSS Feed</h1><ul>{''.join(links)}</ul>")

    def home(self, site: Site, prefix: str) -> str:
        menu = "".join(
            f'<a href="{prefix}/th/content/category/index/id/{cat}">{escape(name)}</a>'
            for cat, name in site.categories.items()
        )
        return _page(
            site.source.name_th,
            f'<div class="menu">{menu}</div><a href="{prefix}/th/rss/page/index/id/1">RSS</a>',
        )

    def listing_items(self, site: Site, cat: int, page: int, prefix: str) -> str:
        items = self.catalog.items(site, cat)[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        rows = []
        for item in items:
            s = self.catalog.story(site, item)
            day = s.published.date()
            url = f"{prefix}/th/content/category/detail/id/{cat}/iid/{item}"
            image = s.images[0] if s.images else ""
            intro = s.paragraphs[0] if s.paragraphs else ""
            dated = thai_date_line(day.year, day.month, day.day, day.weekday())
            rows.append(
                f'<div class="inforow"><div class="image"><img src="{prefix}{image}">'
                f'<div class="image-date">{dated}</div></div>'
                f'<div class="detail-title"><a href="{url}">{escape(s.title)}</a></div>'
                f'<div class="detail-intro">{escape(intro[:120])}</div></div>'
            )
        return "".join(rows)

    def listing(self, site: Site, cat: int, prefix: str) -> str:
        return _page(
            site.categories.get(cat, ""),
            f'<div class="list">{self.listing_items(site, cat, 1, prefix)}</div>',
        )

    def feed_items(self, site: Site, cat: int, prefix: str, base: str) -> list[tuple[str, Any]]:
        out = []
        for item in self.catalog.items(site, cat)[:FEED_SIZE]:
            url = f"{base}{prefix}/th/content/category/detail/id/{cat}/iid/{item}"
            out.append((url, self.catalog.story(site, item)))
        return out

    def rss(self, site: Site, cat: int, prefix: str, base: str) -> str:
        items = "".join(
            f"<item><title>{escape(s.title)}</title><link>{escape(url)}</link>"
            f"<guid>{escape(url)}</guid><pubDate>{format_datetime(s.published)}</pubDate>"
            f"<description>{escape(paragraphs_html(s.paragraphs))}</description></item>"
            for url, s in self.feed_items(site, cat, prefix, base)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>{escape(site.categories.get(cat, ''))}</title>{items}</channel></rss>"
        )

    def json_feed(self, site: Site, cat: int, prefix: str, base: str) -> dict[str, Any]:
        return {
            "version": "https://jsonfeed.org/version/1.1",
            "title": site.categories.get(cat, ""),
            "items": [
                {
                    "id": str(s.item),
                    "url": self._json_url(site, s.item, url, base),
                    "title": s.title,
                    "date_published": s.published.isoformat(),
                    "content_html": paragraphs_html(s.paragraphs),
                }
                for url, s in self.feed_items(site, cat, prefix, base)
            ],
        }

    def _json_url(self, site: Site, item: int, url: str, base: str) -> str:
        alias = self._alias_category(site, item)
        return url if alias is None else base + self.article_path(site, item, alias)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "ReplicaHTTPServer"
    server_version = "thaipr-replica/1"
    # A response's head and body go out in two writes; with Nagle's algorithm on, the body
    # waits for the client to acknowledge the head, and a delayed ACK takes 40 ms.
    disable_nagle_algorithm = True
    query = ""  # the request's query string

    def log_message(self, format: str, *args: Any) -> None:
        pass  # requests go to the replica's log, not stderr

    def do_GET(self) -> None:
        self._serve("GET")

    def do_HEAD(self) -> None:
        self._serve("HEAD")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, method: str) -> None:
        replica = self.server.replica
        started = time.time()
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode("utf-8", "replace")) if length else {}
        parts = urlsplit(self.path)
        self.query = parts.query
        status = self._route(method, parts.path, parse_qs(parts.query), form)
        replica.record(
            {
                "time": started,
                "method": method,
                "path": self.path,
                "status": status,
                "user_agent": self.headers.get("User-Agent"),
                "if_none_match": self.headers.get("If-None-Match"),
                "if_modified_since": self.headers.get("If-Modified-Since"),
            }
        )

    def _route(
        self, method: str, path: str, query: dict[str, list[str]], form: dict[str, list[str]]
    ) -> int:
        replica = self.server.replica
        if replica.latency:
            time.sleep(replica.latency)
        scripted = replica.next_scripted(path)
        if scripted:
            status, headers = scripted
            return self.send(status, _page("error", f"<p>{status}</p>"), headers=headers)
        if path == "/robots.txt":
            return self.send(200, replica.robots(), "text/plain")
        if path == "/manifest.json":
            return self._send_json(replica.manifest())
        if path == "/_replica/requests":
            return self._send_json(replica.log)
        if path == "/_replica/sites":
            return self._send_json({"sites": list(replica.catalog.sites)})
        if path == "/_replica/edit" and method == "POST":
            replica.catalog.edit(form["site"][0], int(form["item"][0]))
            return self._send_json({"edited": True})
        slug, _, rest = path.lstrip("/").partition("/")
        if slug.startswith("ewt."):
            return self._archive(slug.removeprefix("ewt."), rest, query)
        site = replica.catalog.site_of(slug)
        if site is None:
            return self.send(404, _page("ไม่พบหน้า", "<p>404</p>"))
        return self._site(method, site, "/" + rest, form)

    def _site(self, method: str, site: Site, rest: str, form: dict[str, list[str]]) -> int:
        replica, catalog = self.server.replica, self.server.replica.catalog
        prefix = f"/{site.slug}"
        base = self.server.url
        for name, pattern in _ROUTES:
            m = pattern.fullmatch(rest)
            if not m:
                continue
            cat = int(m.group("cat")) if "cat" in pattern.groupindex else 0
            if name == "directory":
                return self.send(200, replica.directory(site, prefix))
            if name == "home":
                return self.send(200, replica.home(site, prefix))
            if name == "listing":
                return self.send(200, replica.listing(site, cat, prefix))
            if name == "more" and method == "POST":
                page = int((form.get("pageIndex") or ["1"])[0])
                return self._send_json({"html": replica.listing_items(site, cat, page, prefix)})
            if name == "rss":
                return self.send(200, replica.rss(site, cat, prefix, base), "application/rss+xml")
            if name == "json":
                return self._send_json(replica.json_feed(site, cat, prefix, base))
            if name == "image":
                return self.send(200, TINY_JPEG, "image/jpeg")
            if name == "article":
                item = int(m.group("item"))
                categories = (catalog.category_of(site, item), replica._alias_category(site, item))
                if not catalog.has(site, item) or cat not in categories:
                    break
                fault = replica.fault_at(site, item)
                if fault is not None:
                    path = prefix + rest
                    html = catalog.article_html(site, item, prefix)
                    return fault.serve(self, Page(path, self.query, html, replica.hit(path)))
                return self._article(
                    catalog.article_html(site, item, prefix), catalog.story(site, item).published
                )
        return self.send(404, _page("ไม่พบหน้า", "<p>404</p>"))

    def _article(self, html: str, published: datetime) -> int:
        body = html.encode("utf-8")
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        modified = format_datetime(published.astimezone(UTC), usegmt=True)
        if self.headers.get("If-None-Match") == etag:
            return self.send(304, b"", headers={"ETag": etag})
        since = self.headers.get("If-Modified-Since")
        if since and not self.headers.get("If-None-Match"):
            try:
                if parsedate_to_datetime(since) >= published:
                    return self.send(304, b"", headers={"ETag": etag})
            except (TypeError, ValueError):
                pass
        return self.send(200, body, headers={"ETag": etag, "Last-Modified": modified})

    def _archive(self, slug: str, rest: str, query: dict[str, list[str]]) -> int:
        catalog = self.server.replica.catalog
        site = catalog.site_of(slug)
        nid_text = (query.get("nid") or [""])[0]
        nid = int(nid_text) if nid_text.isdigit() else 0
        if site is None or rest != "ewt_news.php" or not catalog.archive_has(site, nid):
            return self.send(404, _page("ไม่พบหน้า", "<p>404</p>"))
        html = catalog.archive_html(site, nid)
        if catalog.archive_tis620(nid):
            return self.send(200, html.encode("cp874"), "text/html; charset=tis-620")
        return self.send(200, html)

    # --- what faults need (crawler.replica.faults.Responder) ---------------------------------

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def send_head(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status, HTTPStatus(status).phrase)
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()

    def write(self, data: bytes) -> bool:
        """Write, or False once the client has gone."""
        try:
            self.wfile.write(data)
            return True
        except OSError:
            self.close_connection = True
            return False

    def _send_json(self, value: Any) -> int:
        return self.send(200, json.dumps(value, ensure_ascii=False), "application/json")

    def send(
        self,
        status: int,
        body: str | bytes,
        content_type: str = HTML,
        headers: dict[str, str] | None = None,
    ) -> int:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status, HTTPStatus(status).phrase)
        if status != 304:
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD" and status != 304:
            self.write(data)
        return status


class ReplicaHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, replica: Replica, port: int = 0) -> None:
        self.replica = replica
        super().__init__((LOOPBACK, port), Handler)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.server_address[1]}"

    def start(self) -> threading.Thread:
        """Serve in a background thread (tests); `shutdown()` stops it."""
        thread = threading.Thread(target=self.serve_forever, name="replica", daemon=True)
        thread.start()
        return thread


def _page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"</head><body>{body}</body></html>"
    )
