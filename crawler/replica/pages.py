"""HTML pages in the shape of the PRD platform's templates, for the loopback replica,
the tests and the benchmarks. Pure string building: no Scrapy here.

The real CMS's CSS classes are not known (notes/prd-platform.md); this markup is the
replica's, written for this project, with the chrome the seed shows around the article.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

WEEKDAYS_TH = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
MONTHS_TH = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)


@dataclass(frozen=True)
class ArticlePage:
    title: str
    paragraphs: Sequence[str]
    published_iso: str | None = None  # "2023-01-19T14:05:00+07:00"
    date_line: str | None = None  # "วันพฤหัสบดีที่ 19 มกราคม 2566"
    credit_line: str | None = None
    images: Sequence[str] = field(default_factory=tuple)
    site_name: str = "สำนักงานประชาสัมพันธ์จังหวัด"


def thai_date_line(year: int, month: int, day: int, weekday: int) -> str:
    """'วันพฤหัสบดีที่ 19 มกราคม 2566' from a CE date (weekday 0 = Monday)."""
    return f"วัน{WEEKDAYS_TH[weekday]}ที่ {day} {MONTHS_TH[month - 1]} {year + 543}"


def paragraphs_html(paragraphs: Sequence[str]) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def prd_article_html(page: ArticlePage) -> str:
    """An article page of the current CMS, with menus, gallery, rating and related lists."""
    meta = (
        f'<meta property="article:published_time" content="{page.published_iso}">'
        if page.published_iso
        else ""
    )
    paragraphs = paragraphs_html(page.paragraphs)
    credit = f"<p>{escape(page.credit_line)}</p>" if page.credit_line else ""
    gallery = "".join(f'<img src="{escape(u)}" alt="">' for u in page.images)
    date_line = (
        f'<div class="content-date">{escape(page.date_line)}</div>' if page.date_line else ""
    )
    return (
        '<!DOCTYPE html><html lang="th"><head><meta charset="utf-8">'
        f"<title>{escape(page.title)} - {escape(page.site_name)}</title>"
        f'<meta property="og:title" content="{escape(page.title)}">{meta}</head><body>'
        '<header class="header"><div class="menu"><a href="/radio">ฟังวิทยุออนไลน์</a>'
        '<a href="/">หน้าแรก</a><a href="/news">ข่าวประชาสัมพันธ์</a></div></header>'
        '<div class="container"><div class="content-detail">'
        f'<h1 class="content-title">{escape(page.title)}</h1>{date_line}'
        f'<div class="content-body">{paragraphs}{credit}</div>'
        f'<div class="gallery"><h3>image รูปภาพ</h3>{gallery}</div>'
        '<div class="rating">คะแนนโหวต :</div></div>'
        '<div class="related"><h3>บทความที่น่าสนใจ</h3><ul><li><a href="/x">ข่าวอื่น</a></li>'
        "</ul><h3>บทความยอดนิยม</h3></div></div>"
        '<footer class="footer">กรมประชาสัมพันธ์</footer></body></html>'
    )


def ewt_article_html(
    province_th: str,
    title: str,
    date_line: str,
    reporter: str,
    paragraphs: Sequence[str],
    charset: str = "tis-620",
) -> str:
    """A page of the old EWT CMS (callers encode it, often as TIS-620)."""
    body = paragraphs_html(paragraphs)
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{escape(title)}</title></head><body><table><tr><td>"
        f"<div>ข่าวเด่นจังหวัด{escape(province_th)}</div><div><b>{escape(title)}</b></div>"
        f"<div>{escape(date_line)} (จำนวนคนอ่าน 0 คน)</div><div>{escape(reporter)}</div>"
        f"<div>{body}</div></td></tr></table></body></html>"
    )


def regional_article_html(
    station: str, title: str, date_text: str, paragraphs: Sequence[str]
) -> str:
    body = paragraphs_html(paragraphs)
    return (
        f'<html><head><meta charset="utf-8"><title>{escape(title)}</title></head><body>'
        f"<h2>{escape(title)}</h2>"
        f"<div>• ข่าวจาก : {escape(station)} • เมื่อวันที่ : {escape(date_text)} • อ่าน : 238 ครั้ง"
        f'</div><div class="news-body">{body}</div></body></html>'
    )
