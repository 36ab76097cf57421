"""The top of a text: headline, page date line or lead, decided from each line itself."""

import datetime as dt

import pytest

from extract.article import extract_text
from extract.pages.top import line_kind

LEAD = (
    "นายสมปอง ใจงาม ผู้ว่าราชการจังหวัดหนองคาย เป็นประธานการประชุมคณะกรมการจังหวัด "
    "ณ ห้องประชุมศรีเชียงใหม่ ชั้น 2 ศาลากลางจังหวัดหนองคาย"
)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        pytest.param("วันศุกร์ที่ 7 มิถุนายน 2567", "bare_date", id="weekday-date-alone"),
        pytest.param("วันที่ 3 ส.ค. 2566", "bare_date", id="cued-date-alone"),
        pytest.param("7 มิถุนายน 2567", "page_date", id="date-no-cue"),
        pytest.param("• 7 มิ.ย. 2567", "page_date", id="bulleted-date"),
        pytest.param("7 มิ.ย. 2567      120 views", "page_date", id="date-and-views"),
        pytest.param("วันที่ 7 มิ.ย. 2567 (จำนวนคนอ่าน 45 คน)", "page_date", id="read-counter"),
        pytest.param("07 มิ.ย. 2567, 18:05 น.", "page_date", id="posting-time"),
        pytest.param("2024-06-07 18:05:11", "page_date", id="iso-stamp"),
        pytest.param("7 June 2024, 06:05 pm", "page_date", id="english-stamp"),
        pytest.param("เมื่อวันที่ 7 มิ.ย. 2567 เวลา 10.00 น.", "event_date", id="date-and-time"),
        pytest.param("วันที่ 7 มิถุนายน 2567 13.30 น.", "event_date", id="time-without-wela"),
        pytest.param(f"วันที่ 7 มิถุนายน 2567 เวลา 09.30 น. {LEAD}", "lead", id="lead"),
        pytest.param(f"(7 มิ.ย.67) {LEAD}", "lead", id="bracketed-date-lead"),
        pytest.param(f"**7 มิถุนายน 2567 เวลา 09.30 น. {LEAD}", "lead", id="marked-lead"),
        pytest.param(f"IMG_0042เมื่อวันที่ 7 มิ.ย. 2567 {LEAD}", "lead", id="image-label"),
        pytest.param(f"วันนี้ เวลา 09.30 น. {LEAD}", "lead", id="relative-day-lead"),
        pytest.param("7 มิ.ย. 67 พิธีเปิดงานประจำปีของจังหวัด", "headline", id="dated-headline"),
        pytest.param("ผู้ว่าฯ หนองคาย ประชุมคณะกรมการจังหวัด", "headline", id="headline"),
        pytest.param(LEAD * 3, "lead", id="longer-than-any-headline"),
        pytest.param("เปิดอ่าน 51 views", "furniture", id="view-counter"),
        pytest.param("318", "furniture", id="bare-counter"),
    ],
)
def test_line_kind(line: str, kind: str) -> None:
    assert line_kind(line) == kind


def test_text_opening_with_the_lead_keeps_it() -> None:
    r = extract_text(f"วันที่ 7 มิถุนายน 2567 เวลา 09.30 น. {LEAD}\nย่อหน้าที่สอง")
    assert r.title is None
    assert (r.event.date, r.event.time) == (dt.date(2024, 6, 7), "09:30")
    assert [o.name for o in r.officials] == ["สมปอง ใจงาม"]
    assert r.venues[0].text.startswith("ห้องประชุมศรีเชียงใหม่")


def test_event_date_line_under_the_headline_stays_in_the_body() -> None:
    r = extract_text(f"ผู้ว่าฯ ประชุมคณะกรมการ\nเมื่อวันที่ 7 มิ.ย. 2567 เวลา 10.00 น.\n{LEAD}")
    assert r.title == "ผู้ว่าฯ ประชุมคณะกรมการ"
    assert (r.event.date, r.event.time) == (dt.date(2024, 6, 7), "10:00")
    assert r.published.date is None


def test_page_date_line_anchors_a_yearless_event_date() -> None:
    text = f"ผู้ว่าฯ ประชุมคณะกรมการ\nวันที่ 8 มิ.ย. 2567 (จำนวนคนอ่าน 12 คน)\n(7 มิ.ย.) {LEAD}"
    r = extract_text(text)
    assert r.published.date == dt.date(2024, 6, 8)
    assert r.event.date == dt.date(2024, 6, 7)
    assert "จำนวนคนอ่าน" not in r.body


def test_page_date_line_is_not_the_event_date_when_the_lead_states_one() -> None:
    text = f"ผู้ว่าฯ ประชุมคณะกรมการ\n9 มิถุนายน 2567\nเมื่อวันที่ 7 มิ.ย. 2567 {LEAD}"
    r = extract_text(text)
    assert r.published.date == dt.date(2024, 6, 9)
    assert r.event.date == dt.date(2024, 6, 7)


def test_a_bare_date_line_opening_the_text_is_the_events() -> None:
    r = extract_text(f"วันที่ 7 มิถุนายน 2567\n{LEAD}")
    assert r.title is None
    assert r.event.date == dt.date(2024, 6, 7)


def test_headline_repeated_as_the_first_body_line_is_read_once() -> None:
    headline = "ผู้ว่าฯ หนองคาย ประชุมคณะกรมการจังหวัด"
    r = extract_text(f"{headline}\n\n{headline}\nวันนี้ (7 มิ.ย.67) {LEAD}")
    assert r.title == headline
    assert headline not in r.body
