"""One parser per template, on pages written for this project in each template's shape."""

from crawler.replica.pages import (
    ArticlePage,
    ewt_article_html,
    prd_article_html,
    regional_article_html,
)
from extract.article import extract_html, extract_page
from extract.encoding import decode
from extract.pages import parse_feed_item, parse_page

LEAD = (
    "วันนี้ (27 พ.ค. 66) เวลา 10.00 น. ณ ห้องประชุมศาลากลางจังหวัดน่าน นางสาวสมศรี ใจงาม "
    "ผู้ว่าราชการจังหวัดน่าน เป็นประธานการประชุมคณะกรมการจังหวัด"
)
URL = "https://nan.prd.go.th/th/content/category/detail/id/9/iid/123456"


def test_prd_article_page() -> None:
    html = prd_article_html(
        ArticlePage(
            title="จังหวัดน่านประชุมคณะกรมการจังหวัด",
            paragraphs=[LEAD, "ที่ประชุมได้พิจารณาวาระต่าง ๆ"],
            published_iso="2023-05-27T14:05:00+07:00",
            date_line="วันเสาร์ที่ 27 พฤษภาคม 2566",
            credit_line="ข่าว : สมชาย ใจดี ภาพ : สมหญิง ใจดี",
            images=["/th/file/get/file/20230527abc.jpg"],
        )
    )
    r = extract_html(html, url=URL)
    assert r.template == "prd"
    assert r.title == "จังหวัดน่านประชุมคณะกรมการจังหวัด"
    assert (r.published.date.isoformat(), r.published.source) == ("2023-05-27", "metadata")
    assert r.published.datetime == "2023-05-27T14:05:00+07:00"
    assert r.body.startswith("วันนี้ (27 พ.ค. 66)")
    for chrome in ("ฟังวิทยุออนไลน์", "รูปภาพ", "คะแนนโหวต", "บทความ", "หน้าแรก", "ข่าว :"):
        assert chrome not in r.body
    assert (r.event.date.isoformat(), r.event.time, r.province.code) == (
        "2023-05-27",
        "10:00",
        "TH-55",
    )
    assert [(o.name, o.role) for o in r.officials] == [("สมศรี ใจงาม", "chair")]
    assert [(c.role, c.name) for c in r.credits] == [
        ("reporter", "สมชาย ใจดี"),
        ("photographer", "สมหญิง ใจดี"),
    ]
    assert [i.url for i in r.images] == ["https://nan.prd.go.th/th/file/get/file/20230527abc.jpg"]


def test_prd_site_province_is_the_fallback() -> None:
    html = prd_article_html(ArticlePage(title="ข่าว", paragraphs=["วันนี้ (1 ม.ค. 66) มีการประชุม"]))
    r = extract_html(html, url=URL)
    assert (r.province.code, r.province.source) == ("TH-55", "site")


def test_date_line_when_no_metadata() -> None:
    html = prd_article_html(
        ArticlePage(
            title="ข่าว",
            paragraphs=["วันนี้ (27 พ.ค.) เวลา 09.00 น. ประชุม"],
            date_line="วันเสาร์ที่ 27 พฤษภาคม 2566",
        )
    )
    r = extract_html(html, url=URL)
    assert (r.published.date.isoformat(), r.published.source) == ("2023-05-27", "date_line")
    assert r.event.date.isoformat() == "2023-05-27"  # yearless date placed by the page date
    assert "27 พฤษภาคม 2566" not in r.body


def test_feed_item() -> None:
    item = {
        "id": "123456",
        "url": URL,
        "title": "ประชุม",
        "date_published": "2023-05-27T14:05:00+07:00",
        "content_html": f"<p>{LEAD}</p><p>ภาพ/ข่าว : สวท.น่าน</p>",
        "image": "https://nan.prd.go.th/th/file/get/file/x.jpg",
    }
    r = extract_page(parse_feed_item(item))
    assert r.template == "prd_feed"
    assert (r.published.date.isoformat(), r.published.source) == ("2023-05-27", "feed")
    assert [(c.role, c.name) for c in r.credits] == [("reporter_photographer", "สวท.น่าน")]
    assert r.images[0].url.endswith("x.jpg")


def test_rss_item_with_rfc822_date() -> None:
    item = {
        "link": URL,
        "title": "ประชุม",
        "pubDate": "Sat, 27 May 2023 14:05:00 +0700",
        "description": f"<p>{LEAD}</p>",
    }
    r = extract_page(parse_feed_item(item))
    assert r.published.datetime == "2023-05-27T14:05:00+07:00"


def test_ewt_page_in_tis620() -> None:
    html = ewt_article_html(
        "พะเยา",
        "พะเยาจัดประชุม",
        "วันที่ 27 พ.ค. 2563",
        "สมชาย ใจดี",
        [
            "เมื่อวันที่ 26 พ.ค. 63 เวลา 09.30 น. ณ ห้องประชุมอำเภอเมือง "
            "นายสมศักดิ์ รักดี นายอำเภอเมืองพะเยา เป็นประธาน"
        ],
    )
    decoded = decode(html.encode("cp874"), declared="utf-8")  # header lies: utf-8 over TIS-620
    assert decoded.encoding == "cp874" and decoded.repaired
    r = extract_html(decoded.text, url="https://pr.prd.go.th/phayao/ewt_news.php?nid=5")
    assert r.template == "ewt"
    assert r.title == "พะเยาจัดประชุม"
    assert r.published.date.isoformat() == "2020-05-27"
    assert [(c.role, c.name) for c in r.credits] == [("reporter", "สมชาย ใจดี")]
    assert (r.event.date.isoformat(), r.province.code) == ("2020-05-26", "TH-56")
    assert "จำนวนคนอ่าน" not in r.body


def test_regional_bureau_page() -> None:
    html = regional_article_html(
        "สวท.แพร่",
        "แพร่ประชุม",
        "24 ก.พ. 2564",
        ["วันนี้ (24 ก.พ. 64) เวลา 13.30 น. ณ ศาลากลางจังหวัดแพร่ ประชุม"],
    )
    r = extract_html(html, url="https://region3.prd.go.th/region3_ci/phrae/news/77")
    assert r.template == "regional"
    assert r.published.date.isoformat() == "2021-02-24"
    assert ("source", "สวท.แพร่") in [(c.role, c.name) for c in r.credits]
    assert r.province.code == "TH-54"


def test_generic_page_and_unclosed_title() -> None:
    html = (
        "<html><head><title>ข่าวประชุม\n<meta name='date' content='2023-05-27'></head>"
        f"<body><div class='nav'>เมนู</div><div><p>{LEAD}</p></div></body></html>"
    )
    page = parse_page(html, "https://example.go.th/news/1")
    assert page.template == "generic"
    assert page.title == "ข่าวประชุม"
    assert LEAD[:40] in page.body


def test_encoding_from_meta_and_bom() -> None:
    text = "<html><head><meta charset='windows-874'></head><body>ข่าว</body></html>"
    assert decode(text.encode("cp874")).text == text
    assert decode("\ufeffข่าว".encode()).text == "ข่าว"
