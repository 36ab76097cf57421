"""The old provincial CMS ("EWT", `pr.prd.go.th/{province}/ewt_news.php?nid=…`): section
header `ข่าวเด่นจังหวัด{X}`, title, `วันที่ 27 พ.ค. 2563 (จำนวนคนอ่าน 0 คน)`, a bare reporter
line, body. Often TIS-620 (decoded before it gets here)."""

import re

from extract.credits import Credit
from extract.geo import province_by_name
from extract.html import densest_block, element_text, images, parse_html
from extract.pages.base import Page, clean_text
from extract.pages.generic import _title

SECTION = re.compile(r"^ข่าว(?:เด่น|รอบเมือง|ประชาสัมพันธ์)?จังหวัด(?P<prov>\S+)\s*$", re.M)
READ_COUNT = re.compile(r"\(?\s*จำนวนคนอ่าน[^)\n]*\)?")
# A reporter line is short and has at most this many words.
REPORTER_MAX_WORDS = 4
REPORTER_MAX_CHARS = 50


def matches(url: str | None, html: str) -> bool:
    return bool(url and "ewt_news.php" in url) or "จำนวนคนอ่าน" in html


def parse_ewt(html: str, url: str | None = None) -> Page:
    root = parse_html(html)
    content = densest_block(root)
    body_el = root.find(".//body")
    text = element_text(body_el if body_el is not None else root)
    section = SECTION.search(text)
    hint = None
    if section:
        p = province_by_name(section.group("prov"))
        hint = p.code if p else None
        text = text[section.end() :]
    cleaned = clean_text(READ_COUNT.sub("", text))
    body, credits = _reporter_line(cleaned.body)
    return Page(
        template="ewt",
        url=url,
        title=cleaned.title or _title(root),
        body=body,
        published_raw=cleaned.date_line,
        published_date=cleaned.date_line_date,
        published_source="date_line" if cleaned.date_line_date else None,
        credits=cleaned.credits + credits,
        images=images(content, url),
        province_hint=hint,
    )


def _reporter_line(body: str) -> tuple[str, list[Credit]]:
    lines = body.split("\n")
    first = lines[0].strip() if lines else ""
    words = first.split()
    if (
        len(lines) > 1
        and 2 <= len(words) <= REPORTER_MAX_WORDS
        and len(first) <= REPORTER_MAX_CHARS
        and not re.search(r"\d", first)
    ):
        return "\n".join(lines[1:]).strip(), [Credit("reporter", first)]
    return body, []
