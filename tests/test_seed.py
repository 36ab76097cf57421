"""The real Nong Khai article this project was created from: every fact right."""

import pytest

from extract.article import extract_text
from extract.record import Record
from tests.shared import SEED, require


@pytest.fixture(scope="module")
def seed() -> Record:
    return extract_text(require(SEED).read_text(encoding="utf-8"), source=str(SEED))


def test_title(seed: Record) -> None:
    assert seed.title == (
        "จังหวัดหนองคาย ประชุมหารือหน่วยงาน องค์กรความร่วมมือการขับเคลื่อนจังหวัดคุณธรรม ปีงบประมาณ 2566"
    )


def test_event(seed: Record) -> None:
    assert seed.event.date.isoformat() == "2023-01-19"
    assert seed.event.time == "09:30"
    assert seed.event.type == "meeting"
    assert seed.event.date_raw == "19 ม.ค.66"


def test_province(seed: Record) -> None:
    assert (seed.province.code, seed.province.name_th) == ("TH-43", "หนองคาย")


def test_chair_and_no_credit_names_as_officials(seed: Record) -> None:
    assert [(o.honorific, o.name, o.position, o.role) for o in seed.officials] == [
        ("นาย", "ชาญชัย คงทัน", "รองผู้ว่าราชการจังหวัดหนองคาย", "chair")
    ]
    o = seed.officials[0]
    assert seed.body[o.span[0] : o.span[1]].startswith("นายชาญชัย คงทัน รองผู้ว่าราชการ")


def test_venue(seed: Record) -> None:
    v = seed.venues[0]
    assert (v.room, v.floor, v.building, v.place, v.province) == (
        "NK1407",
        "4",
        "อาคารบริหาร",
        "มหาวิทยาลัยขอนแก่น วิทยาเขตหนองคาย",
        "หนองคาย",
    )
    assert seed.body[v.span[0] : v.span[1]] == v.text


def test_networks(seed: Record) -> None:
    assert [n.name for n in seed.networks] == [
        "เครือข่ายภาครัฐ",
        "เครือข่ายธุรกิจเอกชน",
        "เครือข่ายภาคการศึกษา เด็กและเยาวชน",
        "เครือข่ายศาสนา",
        "เครือข่ายสื่อมวลชน",
        "เครือข่ายภาคประชาสังคม ชุมชน และครอบครัว",
    ]
    assert seed.networks_stated_count == 6
    for n in seed.networks:
        assert seed.body[n.span[0] : n.span[1]] == n.name


def test_organizations(seed: Record) -> None:
    names = [o.name for o in seed.organizations]
    assert "สำนักงานวัฒนธรรมจังหวัดหนองคาย" in names
    assert "ศูนย์คุณธรรม (องค์การมหาชน)" in names


def test_fiscal_year_and_year_range(seed: Record) -> None:
    spans = {
        (d.kind, d.start.isoformat(), d.end.isoformat() if d.end else None) for d in seed.dates
    }
    assert ("fiscal_year", "2022-10-01", "2023-09-30") in spans
    assert ("year_range", "2023-01-01", "2027-12-31") in spans


def test_programs_with_phases(seed: Record) -> None:
    got = [(p.name, p.kind, p.phase, p.start_year, p.end_year) for p in seed.programs]
    assert ("โครงการสมัชชาคุณธรรม", "project", None, None, None) in got
    plan = "แผนปฏิบัติการด้านการส่งเสริมคุณธรรมแห่งชาติ"
    assert (plan, "plan", 2, 2023, 2027) in got
    assert (plan, "plan", 6, 2023, 2027) in got
    assert any("phase 2" in w and "phase 6" in w for w in seed.warnings)


def test_credits(seed: Record) -> None:
    assert [(c.role, c.name) for c in seed.credits] == [
        ("reporter", "อรอิศรา นาสินสร้อย"),
        ("photographer", "ชยากร สะวิสัย"),
        ("editor", "ประมุข ไทยเสถียร"),
    ]


def test_clean_body(seed: Record) -> None:
    for chrome in (
        "ฟังวิทยุออนไลน์",
        "image",
        "คะแนนโหวต",
        "บทความที่น่าสนใจ",
        "บทความยอดนิยม",
        "ข่าว :",
        "บรรณาธิการข่าว",
    ):
        assert chrome not in seed.body
    assert seed.body.startswith("วันนี้ (19 ม.ค.66) เวลา 09.30 น.")
    assert seed.body.endswith("เพื่อใช้เป็นแนวทางในการขับเคลื่อนจังหวัดคุณธรรมต่อไป")


def test_every_span_points_at_its_text(seed: Record) -> None:
    for d in seed.dates:
        assert seed.body[d.span[0] : d.span[1]] == d.raw
    for p in seed.programs:
        assert seed.body[p.span[0] : p.span[1]].startswith(p.name)
