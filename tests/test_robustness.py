"""No input crashes or hangs the extractors. Hypothesis feeds arbitrary text, HTML and bytes
(built from the words the extractors look for, so their patterns are exercised, mixed with
any Unicode) to every entry point: each returns a record, and the record passes the
dataset's schema validation. Huge, deeply nested and pathological pages end too: the input
is capped (the record says so) and the extractors' patterns do not backtrack without end,
which a hang guard (SIGALRM, far above the real time) turns into a failure."""

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.extraction import extract_page
from extract.article import extract_html, extract_text
from extract.encoding import decode
from extract.html import MAX_HTML_CHARS
from extract.sniff import not_a_page
from extract.text import MAX_TEXT_CHARS
from output.rows import Provenance, record_rows
from output.validate import check_rows

NOW = datetime(2026, 1, 1, tzinfo=UTC)
PROVENANCE = Provenance("nongkhai:1", "r1", "c1", NOW, NOW, "nongkhai")
HANG_GUARD_S = 60  # a page takes well under a second; only a runaway pattern gets here

# What the extractors look for: honorifics, ranks, positions, date and time forms, venue
# and credit cues, list cues, Thai digits, and the punctuation between them.
WORDS = (
    "นาย",
    "นาง",
    "นางสาว",
    "ดร.",
    "พล.ต.อ.",
    "ว่าที่ร้อยตรี",
    "พระครู",
    "ผู้ว่าราชการจังหวัด",
    "รองผู้ว่าราชการจังหวัดหนองคาย",
    "นายอำเภอ",
    "ประธาน",
    "เป็นประธาน",
    "ประชุม",
    "การประชุม",
    "ณ",
    "ห้องประชุม",
    "ชั้น",
    "อาคาร",
    "ศาลากลางจังหวัด",
    "NK1407",
    "วันนี้",
    "วันที่",
    "เมื่อ",
    "19",
    "ม.ค.",
    "มกราคม",
    "66",
    "2566",
    "พ.ศ.",
    "ปีงบประมาณ",
    "2566-2570",
    "ถึง",
    "เวลา",
    "09.30",
    "น.",
    "๑๙",
    "๒๕๖๖",
    "เครือข่าย",
    "ได้แก่",
    "และ",
    "ข่าว",
    "ภาพ",
    "ข่าว/ภาพ:",
    "/",
    ":",
    "-",
    "–",
    "(",
    ")",
    "“",
    "”",
    ",",
    ".",
    " ",
    "\n",
    "\t",
    "\u200b",
    "\xa0",
    "โครงการ",
    "แผน",
    "ระยะที่ 2",
    "จังหวัดหนองคาย",
    "สำนักงาน",
    "กรม",
    "กระทรวง",
    "สปข.",
    "ภาพ/ข่าว",
)
thai_text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=120).map(
    "".join
)

TAGS = ("div", "p", "span", "table", "tr", "td", "h1", "a", "b", "br", "li", "ul", "body")
HEAD = (
    "<title>{}</title>",
    "<title>{}",  # never closed
    '<meta charset="{}">',
    '<meta property="article:published_time" content="{}">',
    '<meta name="description" content="{}">',
    "<script>{}</script>",
    "<style>{}</style>",
    "<!-- {} -->",
)


def _element(tag: str, children: list[str], closed: bool, attrs: str) -> str:
    inner = "".join(children)
    return f"<{tag}{attrs}>{inner}</{tag}>" if closed else f"<{tag}{attrs}>{inner}"


def _attrs() -> st.SearchStrategy[str]:
    names = st.sampled_from(("class", "id", "href", "src", "style", "data-x", "alt"))
    pairs = st.tuples(names, thai_text.map(lambda t: t.replace('"', "")))
    return st.lists(pairs, max_size=3).map(lambda ps: "".join(f' {k}="{v}"' for k, v in ps))


html_body = st.recursive(
    thai_text,
    lambda children: st.builds(
        _element, st.sampled_from(TAGS), st.lists(children, max_size=4), st.booleans(), _attrs()
    ),
    max_leaves=40,
)
html_page = st.builds(
    lambda head, body, doctype: f"{doctype}<html><head>{''.join(head)}</head><body>{body}",
    st.lists(st.builds(str.format, st.sampled_from(HEAD), thai_text), max_size=4),
    html_body,
    st.sampled_from(("", "<!DOCTYPE html>", '<?xml version="1.0"?>')),
)


def _valid(record: Any) -> None:
    """The record is one the dataset accepts: every field of the right type."""
    rows = record_rows(record.to_dict() if hasattr(record, "to_dict") else record, PROVENANCE)
    for table, table_rows in rows.items():
        check_rows(table, table_rows)


@contextmanager
def hang_guard(seconds: int = HANG_GUARD_S) -> Iterator[None]:
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"extraction ran over {seconds} s: a pattern backtracks without end")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


PROPERTY = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(thai_text, st.sampled_from((None, "https://nongkhai.prd.go.th/th/content/x/iid/1")))
def test_any_text_gives_a_valid_record(text: str, url: str | None) -> None:
    with hang_guard():
        _valid(extract_text(text, url=url))


@PROPERTY
@given(html_page)
def test_any_html_gives_a_valid_record(html: str) -> None:
    with hang_guard():
        _valid(extract_html(html, url="https://nongkhai.prd.go.th/th/content/x/iid/1"))


@PROPERTY
@given(
    st.one_of(st.binary(max_size=4000), html_page.map(lambda h: h.encode("cp874", "replace"))),
    st.sampled_from((None, "utf-8", "tis-620", "x-windows-874", "latin-1", "no-such-codec")),
)
def test_any_bytes_give_a_valid_record_or_a_reason(body: bytes, charset: str | None) -> None:
    """What a crawl does with a response: not a page (a reason), or decoded and extracted."""
    with hang_guard():
        reason = not_a_page(body, "text/html")
        if reason is None:
            _valid(extract_page(body, charset, "https://nongkhai.prd.go.th/"))
        decoded = decode(body, charset)
        assert isinstance(decoded.text, str)


def _pathological() -> dict[str, str]:
    line = (
        "วันนี้ (19 ม.ค.66) เวลา 09.30 น. นายสมชาย ใจดี ผู้ว่าราชการจังหวัดหนองคาย เป็นประธาน"
        "การประชุม ณ ห้องประชุม NK1407 ชั้น 4 อาคารบริหาร เครือข่าย 5 เครือข่าย ได้แก่ ชมรม ก "
        "สมาคม ข (สข.) ข่าว/ภาพ: นายเอ\n"
    )
    return {
        "dense meetings over the text cap": line * (MAX_TEXT_CHARS // len(line) + 100),
        "one unbroken Thai word": "ก" * (MAX_TEXT_CHARS * 2),
        "honorifics without names": "นาย " * 100_000,
        "open parentheses": "(" * 100_000 + "ประชุม",
        "dates without end": "19 ม.ค.66 - " * 40_000,
        "venue cues without venue": "ณ ห้องประชุม ชั้น " * 30_000,
        "credit cues without names": "ข่าว/ภาพ: " * 40_000,
        "list cue without list": "ได้แก่ " + "และ " * 100_000,
    }


def test_pathological_text_ends_capped() -> None:
    for name, text in _pathological().items():
        with hang_guard():
            record = extract_text("หัวข้อ\n" + text)
        _valid(record)
        assert len(record.body) <= MAX_TEXT_CHARS, name
        if len(text) > MAX_TEXT_CHARS:
            assert "text truncated" in record.warnings, name


def test_huge_and_deeply_nested_html_ends() -> None:
    pages = {
        "over the HTML cap": "<html><body>" + "<p>ประชุม ณ ห้องประชุม</p>" * (MAX_HTML_CHARS // 20),
        "nested 100,000 deep": "<div>" * 100_000 + "ประชุม" + "</div>" * 100_000,
        "100,000 unclosed tags": "<html><body>" + "<span><b>ข่าว" * 100_000,
        "one huge attribute": '<html><body><a href="' + "x" * 3_000_000 + '">ข่าว</a>',
        "unclosed title, then a huge page": "<title>ข่าว" + "<p>ข่าว</p>" * 200_000,
    }
    for name, html in pages.items():
        with hang_guard():
            record = extract_html(html)
        _valid(record)
        assert record.title is None or len(record.title) <= 400, name
