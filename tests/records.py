"""Extractor records for dataset tests: PRD-CMS pages written for this project, spread over
provinces and years, extracted for real."""

from functools import cache
from typing import Any

from crawler.replica.pages import ArticlePage, prd_article_html
from extract.article import extract_html

# (site slug, Thai province name, ISO code)
PROVINCES = (
    ("nongkhai", "หนองคาย", "TH-43"),
    ("chiangmai", "เชียงใหม่", "TH-50"),
    ("phayao", "พะเยา", "TH-56"),
    ("songkhla", "สงขลา", "TH-90"),
)
MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.")
CHAIRS = ("นายสมชาย ใจดี", "นางสาวมาลี รักไทย", "นายประเสริฐ มั่นคง")


def page(i: int, title_suffix: str = "") -> tuple[str, str]:
    """Article number `i`: its URL and HTML. Same `i`, same article."""
    slug, province, _ = PROVINCES[i % len(PROVINCES)]
    year_be = 2565 + (i // len(PROVINCES)) % 3
    day, month = 1 + i % 27, MONTHS[i % len(MONTHS)]
    chair = CHAIRS[i % len(CHAIRS)]
    body = (
        f"วันนี้ ({day} {month}{year_be % 100}) เวลา 09.30 น. {chair} ผู้ว่าราชการจังหวัด{province} "
        f"เป็นประธานการประชุมคณะกรรมการพัฒนาจังหวัด ครั้งที่ {i} ณ ห้องประชุม {100 + i} ชั้น 2 "
        f"ศาลากลางจังหวัด{province} โดยมีหน่วยงานแกนนำ 2 เครือข่าย "
        "(เครือข่ายภาครัฐ และเครือข่ายสื่อมวลชน) เข้าร่วม"
    )
    html = prd_article_html(
        ArticlePage(
            title=f"จังหวัด{province}ประชุมคณะกรรมการพัฒนาจังหวัด ครั้งที่ {i}{title_suffix}",
            paragraphs=[body],
            credit_line="ข่าว : สมหญิง ตัวอย่าง ภาพ : สมศักดิ์ ตัวอย่าง",
            images=[f"https://{slug}.prd.go.th/th/file/get/file/{i}.jpg"],
        )
    )
    return f"https://{slug}.prd.go.th/th/content/category/detail/id/9/iid/{1000 + i}", html


@cache
def _record(i: int, title_suffix: str) -> dict[str, Any]:
    url, html = page(i, title_suffix)
    return extract_html(html, url=url).to_dict()


def record(i: int, title_suffix: str = "") -> dict[str, Any]:
    return dict(_record(i, title_suffix))


def records(n: int, start: int = 0) -> list[dict[str, Any]]:
    return [record(i) for i in range(start, start + n)]
