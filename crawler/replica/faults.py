"""The failures real government servers produce, served by `thaipr replica --faults`: each
fault takes over one article of the first site (the newest ones, so every crawl meets
them) and says what a crawl that survives it ends with:

- `recovered`: the article is in the dataset all the same;
- `recorded`: the article cannot be had; its URL is in `errors` with the reason;
- `one article`: the article is in the dataset once, whatever the URLs it was met under.
"""

import gzip
import io
import select
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import cache
from typing import Protocol

RECOVERED, RECORDED, ONE_ARTICLE = "recovered", "recorded", "one article"
HTML = "text/html; charset=utf-8"
SLOW_S = 2.0  # the slow page's delay: under a test crawl's timeout, over its patience
RETRY_AFTER_S = 2  # seconds, as a 429 says it
HANG_LIMIT_S = 300.0  # a hanging answer gives up after this, if the client has not
BOMB_BYTES = 256 * 1024 * 1024  # what the gzip bomb inflates to (about 250 KB gzipped)
HUGE_BYTES = 50 * 1024 * 1024
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")
OFFSITE_HOST = "localhost"  # another host name for the same loopback server
OFFSITE_PREFIX = "/_offsite"  # where an off-site redirect points; a request there is a leak


class Responder(Protocol):
    """What a fault needs of the HTTP handler serving it."""

    connection: socket.socket
    close_connection: bool

    @property
    def port(self) -> int: ...

    def send(
        self,
        status: int,
        body: bytes,
        content_type: str = HTML,
        headers: dict[str, str] | None = None,
    ) -> int: ...

    def send_head(self, status: int, headers: dict[str, str]) -> None: ...

    def write(self, data: bytes) -> bool: ...


@dataclass(frozen=True)
class Page:
    """The article the fault stands in front of, and how many times it was asked for."""

    path: str  # as requested, without the query
    query: str
    html: str
    hit: int  # 1 on the first request for this path

    def utf8(self) -> bytes:
        return self.html.encode("utf-8")

    def thai_bytes(self) -> bytes:
        """The page in TIS-620 (cp874), with no charset declared in it."""
        html = self.html.replace('<meta charset="utf-8">', "")
        return html.encode("cp874", "xmlcharrefreplace")


Serve = Callable[[Responder, Page], int]


@dataclass(frozen=True)
class Fault:
    name: str
    does: str  # what the server does
    expect: str  # RECOVERED | RECORDED | ONE_ARTICLE
    serve: Serve


def _ok(r: Responder, page: Page) -> int:
    return r.send(200, page.utf8())


def _error_page(status: int) -> bytes:
    return f"<html><body><h1>{status}</h1></body></html>".encode()


def _fails_first(times: int, status: int, headers: Callable[[], dict[str, str]]) -> Serve:
    def serve(r: Responder, page: Page) -> int:
        if page.hit <= times:
            return r.send(status, _error_page(status), headers=headers())
        return _ok(r, page)

    return serve


def _always(status: int) -> Serve:
    return lambda r, page: r.send(status, _error_page(status))


def _retry_at_date() -> dict[str, str]:
    # An HTTP date has whole seconds: one more than the wait meant, so it is never past.
    when = datetime.now(UTC) + timedelta(seconds=RETRY_AFTER_S + 1)
    return {"Retry-After": format_datetime(when, usegmt=True)}


def _slow(r: Responder, page: Page) -> int:
    time.sleep(SLOW_S)
    return _ok(r, page)


def _hang(r: Responder, page: Page) -> int:
    """Read the request, never answer; return once the client gives up."""
    deadline = time.monotonic() + HANG_LIMIT_S
    try:
        while time.monotonic() < deadline:
            readable, _, _ = select.select([r.connection], [], [], 0.5)
            if readable and not r.connection.recv(1, socket.MSG_PEEK):
                break  # the client closed the connection
    except OSError:
        pass  # the client reset it
    r.close_connection = True
    return 0  # no status was sent


def _short_body(r: Responder, page: Page) -> int:
    body = page.utf8()
    r.send_head(200, {"Content-Type": HTML, "Content-Length": str(len(body) + 4096)})
    r.write(body)
    r.close_connection = True
    return 200


def _dropped_once(r: Responder, page: Page) -> int:
    if page.hit > 1:
        return _ok(r, page)
    body = page.utf8()
    r.send_head(200, {"Content-Type": HTML, "Content-Length": str(len(body))})
    r.write(body[: len(body) // 2])
    r.connection.shutdown(socket.SHUT_RDWR)
    r.close_connection = True
    return 200


@cache
def _bomb() -> bytes:
    out = io.BytesIO()
    zeros = b"\0" * (1024 * 1024)
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as z:
        for _ in range(BOMB_BYTES // len(zeros)):
            z.write(zeros)
    return out.getvalue()


def _gzip_bomb(r: Responder, page: Page) -> int:
    return r.send(200, _bomb(), headers={"Content-Encoding": "gzip"})


def _huge(r: Responder, page: Page) -> int:
    """50 MB with no Content-Length: the client can only stop it by closing."""
    r.send_head(200, {"Content-Type": HTML, "Connection": "close"})
    chunk = (b"<p>" + "ข่าว".encode() * 1000 + b"</p>\n") * 64
    sent = 0
    if r.write(page.utf8()[:200]):
        while sent < HUGE_BYTES and r.write(chunk):
            sent += len(chunk)
    r.close_connection = True
    return 200


def _thai(charset: str | None) -> Serve:
    content_type = f"text/html; charset={charset}" if charset else "text/html"
    return lambda r, page: r.send(200, page.thai_bytes(), content_type)


def _redirect(location: Callable[[Responder, Page], str], status: int = 302) -> Serve:
    def serve(r: Responder, page: Page) -> int:
        if "moved=1" in page.query:
            return _ok(r, page)
        return r.send(status, b"", headers={"Location": location(r, page)})

    return serve


def _loop(r: Responder, page: Page) -> int:
    target = page.path if "loop=1" in page.query else page.path + "?loop=1"
    return r.send(302, b"", headers={"Location": target})


def _unclosed_title(r: Responder, page: Page) -> int:
    return r.send(200, page.html.replace("</title>", "", 1).encode("utf-8"))


FAULTS: tuple[Fault, ...] = (
    Fault("500 then ok", "HTTP 500 twice, then the page", RECOVERED, _fails_first(2, 500, dict)),
    Fault("500 always", "HTTP 500 every time", RECORDED, _always(500)),
    Fault(
        "429 Retry-After seconds",
        f"429 with Retry-After: {RETRY_AFTER_S}, then the page",
        RECOVERED,
        _fails_first(1, 429, lambda: {"Retry-After": str(RETRY_AFTER_S)}),
    ),
    Fault(
        "503 Retry-After date",
        f"503 with Retry-After as an HTTP date {RETRY_AFTER_S + 1} s ahead, then the page",
        RECOVERED,
        _fails_first(1, 503, _retry_at_date),
    ),
    Fault("slow", f"answers after {SLOW_S:g} s", RECOVERED, _slow),
    Fault("hang", "reads the request and never answers", RECORDED, _hang),
    Fault(
        "short body", "Content-Length 4 KB longer than the body, then closes", RECORDED, _short_body
    ),
    Fault(
        "dropped mid-body",
        "closes the connection half-way through the body once, then the page",
        RECOVERED,
        _dropped_once,
    ),
    Fault("gzip bomb", f"{BOMB_BYTES >> 20} MB of zeros gzipped", RECORDED, _gzip_bomb),
    Fault(
        "utf-8 header, TIS-620 body",
        "charset=utf-8 in the header, TIS-620 bytes in the body",
        RECOVERED,
        _thai("utf-8"),
    ),
    Fault("no charset", "TIS-620 bytes, no charset in header or page", RECOVERED, _thai(None)),
    Fault("x-windows-874", "charset=x-windows-874, cp874 bytes", RECOVERED, _thai("x-windows-874")),
    Fault(
        "redirect off-site",
        "302 to the same path on another host",
        RECORDED,
        _redirect(lambda r, p: f"http://{OFFSITE_HOST}:{r.port}{OFFSITE_PREFIX}{p.path}"),
    ),
    Fault("redirect loop", "302 to a second URL that 302s back", RECORDED, _loop),
    Fault(
        "redirect on-site",
        "301 to the page under another URL of the same site",
        RECOVERED,
        _redirect(lambda r, p: p.path + "?moved=1", 301),
    ),
    Fault("robots.txt disallow", "robots.txt forbids the page", RECORDED, _ok),
    Fault("50 MB page", "50 MB of HTML, no Content-Length", RECORDED, _huge),
    Fault("unclosed <title>", "the page's <title> is never closed", RECOVERED, _unclosed_title),
    Fault("empty 200", "200 with an empty body", RECORDED, lambda r, p: r.send(200, b"")),
    Fault(
        "PDF body",
        "a PDF where the article should be",
        RECORDED,
        lambda r, p: r.send(200, PDF, "application/pdf"),
    ),
    Fault(
        "image as text/html",
        "a JPEG labelled text/html where the article should be",
        RECORDED,
        lambda r, p: r.send(200, JPEG, "text/html"),
    ),
    Fault(
        "duplicate URLs",
        "the article under two URLs (listing and JSON feed differ)",
        ONE_ARTICLE,
        _ok,
    ),
)
BY_NAME = {f.name: f for f in FAULTS}
