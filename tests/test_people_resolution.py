"""People across articles (output/people.py): who is one person, who two. Each case is a few
mentions, written for the test, and the people they should make."""

from datetime import date

import pytest

from extract.names import name_key
from output.people import Mention, key_id, one_letter_apart, resolve

GOVERNOR = "ผู้ว่าราชการจังหวัด"
DEPUTY = "รองผู้ว่าราชการจังหวัด"
SAO_HEAD = "นายกองค์การบริหารส่วนตำบล"
DIRECTOR = "ผู้อำนวยการ"


def m(
    n: int,
    name: str,
    role: str | None = None,
    org: str | None = None,
    province: str | None = None,
    seen: str | None = "2023-06-01",
    gender: str | None = None,
) -> Mention:
    """Mention number `n` (its own article)."""
    day = date.fromisoformat(seen) if seen else None
    return Mention((f"a{n}", 0), name, role, org, province, day, gender)


# (id, mentions, the people: groups of mention numbers)
CASES = [
    (
        "one-name-one-person",
        [m(1, "สมชาย ใจดี", GOVERNOR, None, "TH-43"), m(2, "สมชาย ใจดี", GOVERNOR, None, "TH-43")],
        [{1, 2}],
    ),
    (
        "spelling-variants-share-a-key",
        [m(1, "สมศักดิ์ ใจดี"), m(2, "สมศักดิ ใจ ดี")],
        [{1, 2}],
    ),
    (
        "deputy-promoted-to-governor-elsewhere",
        [
            m(1, "สมชาย ใจดี", DEPUTY, None, "TH-42", "2022-03-01"),
            m(2, "สมชาย ใจดี", GOVERNOR, None, "TH-43", "2022-11-01"),
        ],
        [{1, 2}],
    ),
    (
        "governor-moved-between-provinces-in-a-year",
        [
            m(1, "สมชาย ใจดี", GOVERNOR, None, "TH-43", "2023-01-10"),
            m(2, "สมชาย ใจดี", GOVERNOR, None, "TH-90", "2023-11-20"),
        ],
        [{1, 2}],
    ),
    (
        "namesakes-two-provinces-two-careers",
        [
            m(1, "สมชาย ใจดี", SAO_HEAD, "องค์การบริหารส่วนตำบลบ้านนา", "TH-43", "2023-03-01"),
            m(2, "สมชาย ใจดี", DIRECTOR, "โรงพยาบาลสงขลา", "TH-90", "2023-05-01"),
            m(3, "สมชาย ใจดี", SAO_HEAD, "องค์การบริหารส่วนตำบลบ้านนา", "TH-43", "2023-09-01"),
        ],
        [{1, 3}, {2}],
    ),
    (
        "two-elected-heads-in-two-provinces",
        [
            m(1, "สมชาย ใจดี", SAO_HEAD, "องค์การบริหารส่วนตำบลบ้านนา", "TH-43"),
            m(2, "สมชาย ใจดี", SAO_HEAD, "องค์การบริหารส่วนตำบลท่าดี", "TH-90"),
        ],
        [{1}, {2}],
    ),
    (
        "one-elected-head-reported-far-from-home",
        [
            m(1, "สมชาย ใจดี", SAO_HEAD, "องค์การบริหารส่วนตำบลบ้านนา", "TH-43"),
            m(2, "สมชาย ใจดี", SAO_HEAD, "องค์การบริหารส่วนตำบลบ้านนา", "TH-10"),
        ],
        [{1, 2}],
    ),
    (
        "two-careers-years-apart-stay-one",
        [
            m(1, "สมชาย ใจดี", SAO_HEAD, "องค์การบริหารส่วนตำบลบ้านนา", "TH-43", "2017-01-01"),
            m(2, "สมชาย ใจดี", DIRECTOR, "โรงพยาบาลสงขลา", "TH-90", "2023-01-01"),
        ],
        [{1, 2}],
    ),
    (
        "village-head-and-army-commander",
        [
            m(1, "สมชาย ใจดี", "ผู้ใหญ่บ้าน", "บ้านนา", None, "2018-09-01"),
            m(2, "สมชาย ใจดี", "แม่ทัพ", "ภาค 4", None, "2018-10-01"),
        ],
        [{1}, {2}],
    ),
    (
        "undated-mention-joins-its-office",
        [
            m(1, "สมชาย ใจดี", SAO_HEAD, "องค์การบริหารส่วนตำบลบ้านนา", "TH-43", "2023-03-01"),
            m(2, "สมชาย ใจดี", DIRECTOR, "โรงพยาบาลสงขลา", "TH-90", "2023-05-01"),
            m(3, "สมชาย ใจดี", DIRECTOR, "โรงพยาบาลสงขลา", None, None),
        ],
        [{1}, {2, 3}],
    ),
    (
        "typo-in-one-office",
        [
            m(1, "วิทยา ศรีสุขใจ", GOVERNOR, None, "TH-43"),
            m(2, "วิทยา ศรีสุขใจย", GOVERNOR, None, "TH-43"),
        ],
        [{1, 2}],
    ),
    (
        "typo-in-given-name-under-one-surname",
        [m(1, "ภาณุมาศ ศรีสุขใจ", "กรรมการ"), m(2, "ภานุมาศ ศรีสุขใจ", DIRECTOR, "กองคลัง")],
        [{1, 2}],
    ),
    (
        "a-man-and-a-woman-one-letter-apart",
        [m(1, "ณัฐพล ศรีสุขใจ", gender="m"), m(2, "ณัฐพร ศรีสุขใจ", gender="f")],
        [{1}, {2}],
    ),
    (
        "short-surname-is-many-families",
        [m(1, "ซูยอน คิม"), m(2, "ซูย็อน คิม")],
        [{1}, {2}],
    ),
    (
        "one-letter-apart-in-surname-needs-an-office",
        [m(1, "สมชาย ศรีสุข"), m(2, "สมชาย ศรีสุด")],
        [{1}, {2}],
    ),
    (
        "different-given-names-of-one-family",
        [
            m(1, "สมชาย ศรีสุขใจ", GOVERNOR, None, "TH-43"),
            m(2, "สมหญิง ศรีสุขใจ", GOVERNOR, None, "TH-43"),
        ],
        [{1}, {2}],
    ),
]


@pytest.mark.parametrize(("mentions", "people"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_people_resolved(mentions: list[Mention], people: list[set[int]]) -> None:
    ids = resolve(mentions)
    by_person: dict[str, set[int]] = {}
    for mention in mentions:
        by_person.setdefault(ids[mention.key], set()).add(int(mention.key[0][1:]))
    assert sorted(by_person.values(), key=min) == people


def test_an_id_is_the_names_hash_until_namesakes_appear() -> None:
    alone = resolve([m(1, "สมชาย ใจดี", GOVERNOR, None, "TH-43")])
    assert alone[("a1", 0)] == key_id(name_key("สมชาย ใจดี"))
    assert alone[("a1", 0)].startswith("p-") and len(alone[("a1", 0)]) == len("p-") + 10
    two = resolve(CASES[4][1])  # namesakes: the same hash, then where and when first seen
    assert two[("a1", 0)] == key_id(name_key("สมชาย ใจดี")) + "-43-2023"
    assert two[("a2", 0)] == key_id(name_key("สมชาย ใจดี")) + "-90-2023"


def test_resolution_does_not_depend_on_the_order_mentions_come_in() -> None:
    mentions = CASES[9][1]
    assert resolve(mentions) == resolve(list(reversed(mentions)))


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        ("ประยุทธ", "ประยุทร", True),
        ("ประยุทธ", "ประยยุทธ", True),
        ("ประยุทธ", "ประยุท", True),
        ("ประยุทธ", "ปรายุทร", False),
        ("สมชาย", "สมชัย", False),  # shorter than a key may be to be read as a typo
    ],
    ids=["changed", "added", "dropped", "two-changed", "too-short"],
)
def test_one_letter_apart(a: str, b: str, apart: bool) -> None:
    assert one_letter_apart(a, b) is apart
