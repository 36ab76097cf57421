"""Venues: where a venue phrase starts and ends in the ways provincial news writes them."""

import pytest

from extract.article import extract_text
from extract.people import find_officials
from extract.venues import find_venues

LEAD = "วันที่ 3 มีนาคม 2567 เวลา 09.00 น. "


@pytest.mark.parametrize(
    ("text", "first"),
    [
        pytest.param(
            "ณ วัดป่าแสงธรรม ตำบลบางพูด อำเภอปากเกร็ด จังหวัดนนทบุรี กิจกรรมครั้งนี้จัดขึ้นเพื่อ",
            "วัดป่าแสงธรรม ตำบลบางพูด อำเภอปากเกร็ด จังหวัดนนทบุรี",
            id="ends-with-the-address-province",
        ),
        pytest.param(
            "ณ หอประชุมจังหวัดน่าน ศาลากลางจังหวัดน่าน (หลังใหม่) โดยมีหัวหน้าส่วนราชการ",
            "หอประชุมจังหวัดน่าน ศาลากลางจังหวัดน่าน (หลังใหม่)",
            id="a-qualifier-after-the-place",
        ),
        pytest.param(
            "ณ หอประชุมเทศบาล และบริเวณลานหน้าศาลากลางจังหวัดน่าน หลังเดิม นายสมชาย ใจดี กล่าว",
            "หอประชุมเทศบาล และบริเวณลานหน้าศาลากลางจังหวัดน่าน หลังเดิม",
            id="two-places-joined-by-and",
        ),
        pytest.param(
            "ณ ลานกิจกรรม\nสนามกีฬากลางจังหวัดน่าน อำเภอเมืองน่าน ซึ่งเป็นสถานที่จัดงาน",
            "ลานกิจกรรม สนามกีฬากลางจังหวัดน่าน อำเภอเมืองน่าน",
            id="broken-across-a-line",
        ),
        pytest.param(
            "ณ สนามหน้าศาลากลางจังหวัดน่าน อำ\nเภอเมืองน่าน จังหวัดน่าน\nพิธีดังกล่าวจัดขึ้น",
            "สนามหน้าศาลากลางจังหวัดน่าน อำ เภอเมืองน่าน จังหวัดน่าน",
            id="a-word-broken-across-a-line",
        ),
        pytest.param(
            f"{LEAD}ณ จวนผู้ว่าราชการจังหวัดน่าน ข้าราชการและประชาชนร่วมพิธี",
            "จวนผู้ว่าราชการจังหวัดน่าน",
            id="the-subject-after-an-opening-venue",
        ),
        pytest.param(
            "ณ ห้องประชุมเทศบาลตำบลบ่อ มีการประชุมคณะกรรมการ",
            "ห้องประชุมเทศบาลตำบลบ่อ",
            id="a-clause-after-the-venue",
        ),
        pytest.param(
            "ณ ถนนสายหลักหน้าตลาด เนื่องในโอกาสวันเฉลิมพระชนมพรรษา",
            "ถนนสายหลักหน้าตลาด",
            id="an-occasion-after-the-venue",
        ),
        pytest.param(
            f"{LEAD}ที่เทศบาลตำบลบ่อ อำเภอเมืองน่าน นายสมชาย ใจดี มอบสิ่งของ",
            "เทศบาลตำบลบ่อ อำเภอเมืองน่าน",
            id="thi-and-a-municipality",
        ),
        pytest.param(
            "มอบสิ่งของแก่ผู้ประสบภัยที่เทศบาลตำบลบ่อ อำเภอเมืองน่าน",
            "เทศบาลตำบลบ่อ อำเภอเมืองน่าน",
            id="thi-written-against-the-word-before",
        ),
        pytest.param(
            "ที่ท่าเทียบเรือปากน้ำ นายสมชาย ใจดี รองผู้ว่าราชการจังหวัดสตูล เดินทาง",
            "ท่าเทียบเรือปากน้ำ",
            id="a-pier",
        ),
        pytest.param(
            "ณ มหาวิทยาลัยราชภัฏน่าน อ\u0e4d\u0e32เภอเมือง จังหวัดน่าน โดยมีนักศึกษา",
            "มหาวิทยาลัยราชภัฏน่าน อ\u0e4d\u0e32เภอเมือง จังหวัดน่าน",
            id="sara-am-written-as-two-marks",
        ),
        pytest.param(
            "ณ ห้องประชุม โรงแรมสยาม กรุงเทพ สุขุมวิท 15 นายสมชาย ใจดี กล่าว",
            "ห้องประชุม โรงแรมสยาม กรุงเทพ สุขุมวิท 15",
            id="a-place-named-for-the-capital-goes-on",
        ),
        pytest.param(
            "ณ ลานกิจกรรม ชั้น 1 ศูนย์การค้าน่าน ในงานมหกรรมเงินออม ครั้งที่ 7",
            "ลานกิจกรรม ชั้น 1 ศูนย์การค้าน่าน",
            id="an-event-named-after-the-venue",
        ),
        pytest.param(
            "วันนี้ (1 มี.ค. 67) ที่ รพ.น่าน จ.น่าน นายสมชาย ใจดี เยี่ยมผู้ป่วย",
            "รพ.น่าน จ.น่าน",
            id="thi-and-an-abbreviated-hospital",
        ),
    ],
)
def test_first_venue(text: str, first: str) -> None:
    venues = find_venues(text, [o.span for o in find_officials(text)])
    assert venues[0].text == first


def test_no_venue_in_the_officers_of_a_municipality() -> None:
    assert find_venues("เจ้าหน้าที่เทศบาลตำบลบ่อ และพื้นที่เทศบาลเมืองน่าน ร่วมกิจกรรม") == []


def test_a_venue_stops_where_a_person_is_written_against_it() -> None:
    text = "ณ ลานหน้าอาคาร วิทยาเขตน่านนายประเสริฐ แก้วดี ผู้ว่าราชการจังหวัดน่าน เป็นประธาน"
    [person] = find_officials(text)
    assert find_venues(text, [person.span])[0].text == "ลานหน้าอาคาร วิทยาเขตน่าน"


def test_the_headlines_venue_when_the_body_names_none() -> None:
    r = extract_text("พิธีเปิดงานกาชาด ณ หอประชุมจังหวัดน่าน\nวันนี้ (3 มี.ค. 67) ผู้ว่าฯ เปิดงาน")
    [venue] = r.venues
    assert venue.in_title
    assert r.title is not None and r.title[venue.span[0] : venue.span[1]] == venue.text
    assert (r.province.name_th, r.province.source, r.province.span) == ("น่าน", "venue", None)


def test_the_bodys_venue_outranks_the_headlines() -> None:
    r = extract_text("พิธีเปิดงาน ณ หอประชุมจังหวัดน่าน\nวันนี้ ผู้ว่าฯ เปิดงาน ณ ลานหน้าศาลากลางจังหวัดน่าน")
    assert [(v.text, v.in_title) for v in r.venues] == [("ลานหน้าศาลากลางจังหวัดน่าน", False)]


def test_each_time_is_paired_with_its_place() -> None:
    r = extract_text(
        "วันที่ 3 มีนาคม 2567 เวลา 09.30 น. นายสมชาย ใจดี ผู้ว่าราชการจังหวัดน่าน เป็นประธาน"
        "การประชุม ณ ห้องประชุมศาลากลางจังหวัดน่าน จากนั้นเวลา 13.30 น. เดินทางไปตรวจเยี่ยม "
        "ณ โรงเรียนบ้านบ่อ อำเภอบ่อเกลือ และเวลา 16.00 น. ณ วัดกลาง\n"
        "ย่อหน้าที่สอง ณ ศาลาประชาคม"
    )
    assert [(v.text, v.time) for v in r.venues] == [
        ("ห้องประชุมศาลากลางจังหวัดน่าน", "09:30"),
        ("โรงเรียนบ้านบ่อ อำเภอบ่อเกลือ", "13:30"),
        ("วัดกลาง", "16:00"),
        ("ศาลาประชาคม", None),
    ]


def test_a_time_right_after_its_place() -> None:
    [venue] = extract_text("ประชุมคณะกรรมการ ณ ห้องประชุมอำเภอ เวลา 13.30 น. โดยมีผู้แทน").venues
    assert (venue.text, venue.time) == ("ห้องประชุมอำเภอ", "13:30")


@pytest.mark.parametrize(
    ("text", "venue", "officials"),
    [
        pytest.param(
            "ประชุม ณ ห้องประชุม ศ.ดร.สมศักดิ์ รักไทย อาคาร 1 มหาวิทยาลัยน่าน",
            "ห้องประชุม ศ.ดร.สมศักดิ์ รักไทย อาคาร 1 มหาวิทยาลัยน่าน",
            [],
            id="a-room-named-after-a-professor",
        ),
        pytest.param(
            "จัดขึ้น ณ อาคาร ดร.ประเสริฐ แก้วดี ชั้น 2 โดยมีผู้แทนร่วม",
            "อาคาร ดร.ประเสริฐ แก้วดี ชั้น 2",
            [],
            id="a-building-named-after-a-doctor",
        ),
        pytest.param(
            "วันที่ 3 มี.ค. 67 ณ ห้องประชุม นายสมชาย ใจดี ผู้ว่าราชการจังหวัดน่าน เป็นประธาน",
            "ห้องประชุม",
            ["สมชาย ใจดี"],
            id="a-person-with-a-position-after-the-room",
        ),
    ],
)
def test_places_named_after_people(text: str, venue: str, officials: list[str]) -> None:
    r = extract_text(text)
    assert (r.venues[0].text, [o.name for o in r.officials]) == (venue, officials)
