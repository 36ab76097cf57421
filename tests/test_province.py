"""The event's province: each stage of the cascade, its evidence, and the order between them."""

import pytest

from extract.article import extract_text
from extract.pages.hosts import site_province

CHAIR = "นายสมชาย ใจดี ผู้ว่าราชการจังหวัดแพร่ เป็นประธานการประชุม"


@pytest.mark.parametrize(
    ("text", "province", "source", "evidence"),
    [
        pytest.param(
            f"วันนี้ (3 มี.ค. 67) {CHAIR} ณ ห้องประชุมพระยาพลเทพ ศาลากลางจังหวัดน่าน",
            "น่าน",
            "venue",
            "ห้องประชุมพระยาพลเทพ ศาลากลางจังหวัดน่าน",
            id="venue-names-its-province",
        ),
        pytest.param(
            f"วันนี้ (3 มี.ค. 67) {CHAIR} ณ วัดป่าแสงธรรม อำเภอปากเกร็ด",
            "นนทบุรี",
            "venue",
            "วัดป่าแสงธรรม อำเภอปากเกร็ด",
            id="venue-names-a-district",
        ),
        pytest.param(
            f"วันนี้ (3 มี.ค. 67) {CHAIR}คณะกรมการจังหวัด",
            "แพร่",
            "official",
            "ผู้ว่าราชการจังหวัดแพร่",
            id="governor",
        ),
        pytest.param(
            "วันนี้ นายสมศักดิ์ รักดี นายอำเภอปากเกร็ด เป็นประธานเปิดงานวันเด็ก",
            "นนทบุรี",
            "official",
            "นายอำเภอปากเกร็ด",
            id="district-chief-by-gazetteer",
        ),
        pytest.param(
            "วันนี้ นายสมศักดิ์ รักดี ผวจ.ลำพูน ร่วมงาน โดยมีนางสาวนภา ศรีสุข "
            "รองผู้ว่าราชการจังหวัดลำปาง เป็นประธานในพิธี",
            "ลำปาง",
            "official",
            "รองผู้ว่าราชการจังหวัดลำปาง",
            id="the-chairs-position-first",
        ),
        pytest.param(
            "อบจ.ตรัง ร่วมกับสำนักงานสาธารณสุขจังหวัดตรัง และจังหวัดพัทลุง จัดกิจกรรมรณรงค์",
            "ตรัง",
            "body",
            "อบจ.ตรัง",
            id="provincial-bodies-most-named",
        ),
        pytest.param(
            "ชาวบ้านตำบลแพรกหนามแดง อำเภออัมพวา ร่วมกันขุดลอกคลอง",
            "สมุทรสงคราม",
            "district",
            "อำเภออัมพวา",
            id="district-named-in-the-text",
        ),
        pytest.param(
            "จ.ลำปาง จัดกิจกรรมปลูกป่า\nชาวบ้านและเจ้าหน้าที่ร่วมกันปลูกต้นไม้ 500 ต้น",
            "ลำปาง",
            "title",
            "จ.ลำปาง จัดกิจกรรมปลูกป่า",
            id="headline",
        ),
    ],
)
def test_province_stage(text: str, province: str, source: str, evidence: str) -> None:
    r = extract_text(text)
    assert (r.province.name_th, r.province.source, r.province.evidence) == (
        province,
        source,
        evidence,
    )
    if r.province.span is not None:
        start, end = r.province.span
        assert r.body[start:end] == evidence
    else:
        assert source == "title"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("รัฐบาลเร่งช่วยเหลือผู้ประสบภัยในจังหวัดน่าน และที่จังหวัดแพร่", id="named-in-passing"),
        pytest.param("ธนาคารกรุงเทพ และมหาวิทยาลัยกรุงเทพ ร่วมมือกัน", id="bangkok-in-a-companys-name"),
        pytest.param("ชาวบ้านตำบลและ ร่วมกันปลูกต้นไม้", id="a-place-name-that-is-a-word"),
    ],
)
def test_no_province_from_words_that_only_name_one(text: str) -> None:
    assert extract_text(text).province.code is None


def test_the_site_is_the_last_resort() -> None:
    text = "ชาวบ้านร่วมกันปลูกต้นไม้ 500 ต้น\nเจ้าหน้าที่และจิตอาสาร่วมกิจกรรม"
    assert extract_text(text).province.code is None
    r = extract_text(text, url="https://www.nonthaburi.go.th/news/1")
    assert (r.province.name_th, r.province.source, r.province.evidence) == (
        "นนทบุรี",
        "site",
        "www.nonthaburi.go.th",
    )
    assert r.province.span is None


def test_the_text_outranks_the_site() -> None:
    r = extract_text(CHAIR, url="https://nongkhai.prd.go.th/th/content/category/detail/id/9/iid/1")
    assert (r.province.name_th, r.province.source) == ("แพร่", "official")


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("https://nongkhai.prd.go.th/th/content/category/detail/id/9/iid/1", "TH-43"),
        ("https://ayutthaya.prd.go.th/th/content/category/detail/id/9/iid/1", "TH-14"),
        ("https://www.prd.go.th/th/content/category/detail/id/9/iid/1", None),
        ("https://region3.prd.go.th/region3_ci/news/1", None),
        ("http://nonthaburi.go.th/49536.html", "TH-12"),
        ("https://www.koratpao.go.th/2021/06/17/x/", "TH-30"),
        ("http://buriram.mol.go.th/node/609", "TH-31"),
        ("https://roiet.go.th/news/1", "TH-45"),
        ("https://www.obec.go.th/archives/1", None),
        ("https://www.nan.example.com/", None),
    ],
)
def test_site_province_from_host(url: str, code: str | None) -> None:
    assert site_province(url) == code
