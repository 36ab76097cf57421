"""Programmes: named projects and plans with their phase and years, not any phrase."""

import pytest

from extract.programs import find_programs

Expected = list[tuple[str, str, int | None, int | None, int | None]]  # name, kind, phase, years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "ประธานเปิดโครงการปลูกป่าชายเลนเฉลิมพระเกียรติ ณ ชายหาด",
            [("โครงการปลูกป่าชายเลนเฉลิมพระเกียรติ", "project", None, None, None)],
            id="named-project",
        ),
        pytest.param(
            "เปิดโครงการ “พายเรือเก็บขยะ : คืนชีวิตให้แม่น้ำ” ณ ท่าน้ำ",
            [("โครงการ พายเรือเก็บขยะ : คืนชีวิตให้แม่น้ำ", "project", None, None, None)],
            id="quoted-name-after-a-space",
        ),
        pytest.param(
            "ตามแผนพัฒนาจังหวัดน่าน ระยะที่ 2 พ.ศ.2566-2570 และโครงการกีฬาชุมชน ประจำปี 2567",
            [
                ("แผนพัฒนาจังหวัดน่าน", "plan", 2, 2023, 2027),
                ("โครงการกีฬาชุมชน", "project", None, 2024, 2024),
            ],
            id="phase-and-years",
        ),
        pytest.param(
            "โครงการอบรมอาสาสมัคร ประจำปีงบประมาณ พ.ศ. 2567",
            [("โครงการอบรมอาสาสมัคร", "project", None, 2024, 2024)],
            id="fiscal-year-qualifier",
        ),
        pytest.param(
            "ร่วมโครงการในครั้งนี้ด้วย และสนับสนุนโครงการดังกล่าว รวมทั้งโครงการที่เกินศักยภาพ และโครงการฯ ต่อไป",
            [],
            id="referred-to-not-named",
        ),
        pytest.param(
            "เพื่อวางแผนการดำเนินงานจัดเตรียมสถานที่ และแผนงานประจำวัน",
            [],
            id="a-plan-of-something",
        ),
        pytest.param(
            "ตามยุทธศาสตร์ชาติและแผนแม่บท",
            [("ยุทธศาสตร์ชาติ", "strategy", None, None, None)],
            id="a-head-that-is-a-name",
        ),
        pytest.param(
            "ภายใต้แผนงาน “ชุมชนเข้มแข็ง” ปี 2567",
            [("แผนงาน ชุมชนเข้มแข็ง", "plan", None, 2024, 2024)],
            id="a-weak-head-named-by-its-quote",
        ),
    ],
)
def test_programs(text: str, expected: Expected) -> None:
    got = [(p.name, p.kind, p.phase, p.start_year, p.end_year) for p in find_programs(text)]
    assert got == expected
