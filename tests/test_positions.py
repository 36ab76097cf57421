"""Positions and names normalized: the canonical role, its organisation and province, and
the name people are told apart by. Cases written for these tests, not copied from pages."""

import pytest

from extract.article import extract_text
from extract.names import honorific_gender, name_key, normalize_name
from extract.positions import career_track, moves_between_provinces, normalize_position

# (id, position as written, article province, role, organisation, province, source)
POSITIONS = [
    ("governor-full", "ผู้ว่าราชการจังหวัดหนองคาย", None, "ผู้ว่าราชการจังหวัด", None, "TH-43", "position"),
    ("governor-abbreviated", "ผวจ.หนองคาย", None, "ผู้ว่าราชการจังหวัด", None, "TH-43", "position"),
    ("governor-short-alone", "ผู้ว่าฯ", "TH-43", "ผู้ว่าราชการจังหวัด", None, "TH-43", "article"),
    ("governor-spaced", "ผู้ว่าราชการ จ.ลำปาง", None, "ผู้ว่าราชการจังหวัด", None, "TH-52", "position"),
    (
        "governor-without-word-province",
        "ผู้ว่าราชการภูเก็ต",
        None,
        "ผู้ว่าราชการจังหวัด",
        None,
        "TH-83",
        "position",
    ),
    (
        "deputy-spaced-abbreviation",
        "รอง ผวจ.น่าน",
        None,
        "รองผู้ว่าราชการจังหวัด",
        None,
        "TH-55",
        "position",
    ),
    (
        "deputy-glued-abbreviation",
        "รองผวจ.น่าน",
        None,
        "รองผู้ว่าราชการจังหวัด",
        None,
        "TH-55",
        "position",
    ),
    (
        "deputy-glued-province-letter",
        "รองผู้ว่าราชการจ.ตาก",
        None,
        "รองผู้ว่าราชการจังหวัด",
        None,
        "TH-63",
        "position",
    ),
    (
        "deputy-unnamed-province",
        "รองผู้ว่าราชการจังหวัด",
        "TH-50",
        "รองผู้ว่าราชการจังหวัด",
        None,
        "TH-50",
        "article",
    ),
    ("permanent-secretary-of-province", "ปจ.ยโสธร", None, "ปลัดจังหวัด", None, "TH-35", "position"),
    (
        "district-chief-abbreviated",
        "นอภ.เมืองหนองคาย",
        None,
        "นายอำเภอ",
        "อำเภอเมืองหนองคาย",
        "TH-43",
        "position",
    ),
    ("district-chief-unnamed", "นายอำเภอ", "TH-43", "นายอำเภอ", None, "TH-43", "article"),
    (
        "pao-president",
        "นายก อบจ.ตรัง",
        None,
        "นายกองค์การบริหารส่วนจังหวัด",
        "องค์การบริหารส่วนจังหวัดตรัง",
        "TH-92",
        "position",
    ),
    (
        "sao-president-glued",
        "นายกอบต.บ้านนา",
        "TH-43",
        "นายกองค์การบริหารส่วนตำบล",
        "องค์การบริหารส่วนตำบลบ้านนา",
        None,
        None,
    ),
    (
        "sao-president-with-address",
        "นายก อบต.บ้านนา อ.เมือง จ.หนองคาย",
        None,
        "นายกองค์การบริหารส่วนตำบล",
        "องค์การบริหารส่วนตำบลบ้านนา",
        "TH-43",
        "position",
    ),
    ("mayor-town", "นายกเทศมนตรีเมืองสะเดา", None, "นายกเทศมนตรี", "เทศบาลเมืองสะเดา", None, None),
    (
        "head-of-provincial-office",
        "หน.สนจ.ชัยภูมิ",
        None,
        "หัวหน้าสำนักงานจังหวัด",
        None,
        "TH-36",
        "position",
    ),
    (
        "provincial-pr-head-long-title",
        "ผู้อำนวยการสำนักงานประชาสัมพันธ์จังหวัดพะเยา",
        None,
        "ประชาสัมพันธ์จังหวัด",
        None,
        "TH-56",
        "position",
    ),
    ("provincial-health-chief", "นพ.สสจ.สกลนคร", None, "สาธารณสุขจังหวัด", None, "TH-47", "position"),
    (
        "provincial-office-unnamed",
        "ผู้อำนวยการสำนักงานพระพุทธศาสนาจังหวัด",
        "TH-43",
        "ผู้อำนวยการ",
        "สำนักงานพระพุทธศาสนาจังหวัด",
        "TH-43",
        "article",
    ),
    (
        "hospital-director",
        "ผอ.รพ.ขอนแก่น",
        None,
        "ผู้อำนวยการ",
        "โรงพยาบาลขอนแก่น",
        "TH-40",
        "position",
    ),
    (
        "health-centre-director-address-cut",
        "ผอ.รพ.สต.บ้านโนน ต.หนองกอมเกาะ อ.เมือง จ.หนองคาย",
        None,
        "ผู้อำนวยการ",
        "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโนน",
        "TH-43",
        "position",
    ),
    (
        "education-area-with-number",
        "ผอ.สพป.อุดรธานี เขต 1",
        None,
        "ผู้อำนวยการ",
        "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอุดรธานีเขต 1",
        "TH-41",
        "position",
    ),
    ("no-province-in-a-word", "ผู้อำนวยการกองเผยแพร่", None, "ผู้อำนวยการ", "กองเผยแพร่", None, None),
    ("minister-abbreviated", "รมว.มท.", None, "รัฐมนตรีว่าการ", "กระทรวงมหาดไทย", None, None),
    (
        "minister-without-ministry-word",
        "รมว.เกษตรและสหกรณ์",
        None,
        "รัฐมนตรีว่าการ",
        "กระทรวงเกษตรและสหกรณ์",
        None,
        None,
    ),
    (
        "minister-gloss-in-brackets",
        "รัฐมนตรีว่าการกระทรวงพาณิชย์ (รมว.พณ.)",
        None,
        "รัฐมนตรีว่าการ",
        "กระทรวงพาณิชย์",
        None,
        None,
    ),
    ("national-role-ignores-article", "นายกรัฐมนตรี", "TH-43", "นายกรัฐมนตรี", None, None, None),
    (
        "clause-run-on-names-no-province",
        "นายกรัฐมนตรี เยือนจังหวัดเชียงใหม่",
        None,
        "นายกรัฐมนตรี",
        None,
        None,
        None,
    ),
    (
        "second-position-cut",
        "รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงกลาโหม",
        None,
        "รองนายกรัฐมนตรี",
        None,
        None,
        None,
    ),
    (
        "former-holder-qualified",
        "อดีตผู้ว่าราชการจังหวัดแพร่",
        None,
        "อดีตผู้ว่าราชการจังหวัด",
        None,
        "TH-54",
        "position",
    ),
    (
        "acting-abbreviated",
        "รกท.ผู้ว่าราชการจังหวัดตรัง",
        None,
        "รักษาการในตำแหน่งผู้ว่าราชการจังหวัด",
        None,
        "TH-92",
        "position",
    ),
    (
        "bangkok-governor-elected",
        "ผู้ว่าฯ กทม.",
        None,
        "ผู้ว่าราชการกรุงเทพมหานคร",
        None,
        "TH-10",
        "position",
    ),
    (
        "police-commander-of-province",
        "ผบก.ภ.จว.ยะลา",
        None,
        "ผู้บังคับการตำรวจภูธรจังหวัด",
        None,
        "TH-95",
        "position",
    ),
    (
        "company-chair-generic",
        "ประธานกรรมการบริษัท ตัวอย่าง จำกัด (มหาชน)",
        None,
        "ประธานกรรมการ",
        "บริษัทตัวอย่างจำกัด",
        None,
        None,
    ),
    (
        "typed-twice-sara-e",
        "นายกเทศมนตรีเมืองเเม่สอด",
        None,
        "นายกเทศมนตรี",
        "เทศบาลเมืองแม่สอด",
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("position", "article", "role", "org", "province", "source"),
    [case[1:] for case in POSITIONS],
    ids=[case[0] for case in POSITIONS],
)
def test_positions_normalized(
    position: str,
    article: str | None,
    role: str,
    org: str | None,
    province: str | None,
    source: str | None,
) -> None:
    p = normalize_position(position, article)
    assert (p.role, p.org, p.province_code, p.province_source) == (role, org, province, source)


def test_no_position_normalizes_to_nothing() -> None:
    p = normalize_position(None, "TH-43")
    assert (p.role, p.org, p.province_code) == (None, None, None)


# (id, role, organisation, career track, the holder may serve another province soon after)
TRACKS = [
    ("governor", "ผู้ว่าราชการจังหวัด", None, "interior", True),
    ("former-governor", "อดีตผู้ว่าราชการจังหวัด", None, "interior", True),
    ("district-chief", "นายอำเภอ", "อำเภอเมืองหนองคาย", "interior", True),
    ("mayor-elected", "นายกเทศมนตรี", "เทศบาลเมืองสะเดา", "local", False),
    ("hospital-director-by-organisation", "ผู้อำนวยการ", "โรงพยาบาลขอนแก่น", "health", True),
    (
        "volunteer-corps-commander-is-interior",
        "ผู้บังคับการ",
        "กองอาสารักษาดินแดนจังหวัดเลย",
        "interior",
        True,
    ),
    ("unknown-organisation", "ผู้อำนวยการ", "มูลนิธิตัวอย่าง", None, True),
]


@pytest.mark.parametrize(
    ("role", "org", "track", "moves"),
    [case[1:] for case in TRACKS],
    ids=[case[0] for case in TRACKS],
)
def test_career_tracks(role: str, org: str | None, track: str | None, moves: bool) -> None:
    assert (career_track(role, org), moves_between_provinces(role)) == (track, moves)


# (id, honorific, name as extracted, normalized name)
NAMES = [
    ("plain", "นาย", "สมชาย ใจดี", "สมชาย ใจดี"),
    ("spaces-squashed", "นาย", "สมชาย   ใจดี", "สมชาย ใจดี"),
    ("zero-width-space", "นาย", "สม\u200bชาย ใจดี", "สมชาย ใจดี"),
    ("title-left-in-name", "", "ดร.สมชาย ใจดี", "สมชาย ใจดี"),
    ("rank-left-in-name-with-space", "", "พลเอก สมชาย ใจดี", "สมชาย ใจดี"),
    ("chained-titles-left", "", "ว่าที่ร.ต.ดร.สมชาย ใจดี", "สมชาย ใจดี"),
    ("royal-title-abbreviated", "", "ม.ล.สมชาย ใจดี", "สมชาย ใจดี"),
    ("royal-title-in-full", "", "หม่อมหลวง สมชาย ใจดี", "สมชาย ใจดี"),
    ("academic-qualifier", "ศาสตราจารย์", "พิเศษ สมชาย ใจดี", "สมชาย ใจดี"),
    ("academic-qualifier-and-medical-title", "ศ.", "คลินิกเกียรติคุณ นพ.สมชาย ใจดี", "สมชาย ใจดี"),
    ("given-name-like-qualifier-kept", "นาย", "พิเศษ ใจดี", "พิเศษ ใจดี"),
    ("civil-title-glued-is-a-name", "นาง", "นางนวล ใจดี", "นางนวล ใจดี"),
    ("male-title-typed-twice", "นาย", "นายสมชาย ใจดี", "สมชาย ใจดี"),
    ("vowel-after-title-is-the-name", "", "นางสาวิตรี ใจดี", "นางสาวิตรี ใจดี"),
    ("sara-am-two-marks", "นาย", "สมชาย ค\u0e4d\u0e32ดี", "สมชาย คำดี"),
    ("tone-mark-doubled", "นาย", "สมชาย ใจดี\u0e48\u0e48", "สมชาย ใจดี\u0e48"),
    ("sara-a-doubled", "นาย", "ประะสิทธิ์ ใจดี", "ประสิทธิ์ ใจดี"),
    ("two-sara-e-for-sara-ae", "นาย", "สมชาย เเก้วดี", "สมชาย แก้วดี"),
    ("abbreviation-mark", "พล.อ.", "สมชายฯ", "สมชาย"),
    ("thai-digits", "นาย", "สมชาย ใจดี ๒", "สมชาย ใจดี 2"),
    ("trailing-dot", "นาย", "สมชาย ใจดี.", "สมชาย ใจดี"),
    ("monk-keeps-his-title", "พระครู", "สุนทรธรรม", "พระครูสุนทรธรรม"),
]


@pytest.mark.parametrize(
    ("honorific", "name", "normalized"),
    [case[1:] for case in NAMES],
    ids=[case[0] for case in NAMES],
)
def test_names_normalized(honorific: str, name: str, normalized: str) -> None:
    assert normalize_name(honorific, name) == normalized


# (id, two normalized names that share a key)
SAME_KEY = [
    ("spacing", "สมชาย ใจดี", "สมชายใจ ดี"),
    ("thanthakhat-dropped", "สมศักดิ์ ใจดี", "สมศักดิ ใจดี"),
    ("latin-case", "Somchai JAIDEE", "Somchai Jaidee"),
    ("hyphen-and-dot", "John C. Doe-Smith", "John C Doe Smith"),
]


@pytest.mark.parametrize(("a", "b"), [case[1:] for case in SAME_KEY], ids=[c[0] for c in SAME_KEY])
def test_name_keys_join_spelling_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_name_keys_keep_different_names_apart() -> None:
    assert name_key("สมชาย ใจดี") != name_key("สมชัย ใจดี")


@pytest.mark.parametrize(
    ("honorific", "gender"),
    [
        ("นาย", "m"),
        ("นาง", "f"),
        ("น.ส.", "f"),
        ("พันเอกหญิง", "f"),
        ("พลเอก", None),
        ("นายกองเอก", None),
    ],
    ids=["mr", "mrs", "miss-abbreviated", "female-rank", "rank", "volunteer-rank-is-no-mr"],
)
def test_honorific_gender(honorific: str, gender: str | None) -> None:
    assert honorific_gender(honorific) == gender


def test_a_record_carries_the_normalized_official() -> None:
    r = extract_text(
        "ประชุมกรมการจังหวัด\n"
        "วันนี้ (19 ม.ค.66) เวลา 09.30 น. ดร.สมชาย ใจดี ผวจ.หนองคาย เป็นประธานการประชุม "
        "ณ ห้องประชุม ศาลากลางจังหวัดหนองคาย"
    )
    [o] = r.officials
    assert (o.name, o.position) == ("สมชาย ใจดี", "ผวจ.หนองคาย")  # raw kept as written
    assert (o.name_norm, o.position_norm, o.position_org) == (
        "สมชาย ใจดี",
        "ผู้ว่าราชการจังหวัด",
        None,
    )
    assert (o.position_province, o.position_province_source) == ("TH-43", "position")
