"""Credit lines: each form read with its role, body sentences left alone, and where on a page
each form counts. Names and offices here are made up."""

import pytest

from extract.credits import parse_credit_line, split_credits

# (id, line, credits read from the line alone)
LINES = [
    # labelled: label, colon, names
    (
        "three labels on one line",
        "ข่าว : มะลิ ทองดี ภาพ : สมปอง รักไทย บรรณาธิการข่าว : วันดี ศรีสุข",
        [("reporter", "มะลิ ทองดี"), ("photographer", "สมปอง รักไทย"), ("editor", "วันดี ศรีสุข")],
    ),
    ("news/photo", "ข่าว/ภาพ : นางสาวมะลิ ทองดี", [("reporter_photographer", "นางสาวมะลิ ทองดี")]),
    ("photo/news", "ภาพ/ข่าว : สวท.ลำปาง", [("reporter_photographer", "สวท.ลำปาง")]),
    ("photo/news without colon", "ภาพ/ข่าว สวท.ลำปาง", [("reporter_photographer", "สวท.ลำปาง")]),
    ("news-photo with a dash", "ข่าว-ภาพ : สมปอง รักไทย", [("reporter_photographer", "สมปอง รักไทย")]),
    ("spaced slash", "ภาพ / ข่าว : กลุ่มงานสื่อสาร", [("reporter_photographer", "กลุ่มงานสื่อสาร")]),
    (
        "photos and text, by",
        "ภาพข่าวและเนื้อหาข่าว โดย นายชาติ ใจงาม",
        [("reporter_photographer", "นายชาติ ใจงาม")],
    ),
    (
        "compiled by, no colon (once raised)",
        "เรียบเรียงโดย กองแผนงาน และกองคลัง สำนักงานปลัดกระทรวงแรงงาน",
        [("author", "กองแผนงาน และกองคลัง สำนักงานปลัดกระทรวงแรงงาน")],
    ),
    ("compiled", "เรียบเรียง : วันดี ศรีสุข", [("author", "วันดี ศรีสุข")]),
    ("report/compile is the author", "รายงาน/เรียบเรียง : วันดี ศรีสุข", [("author", "วันดี ศรีสุข")]),
    (
        "reporters split at a comma",
        "ข่าว : มะลิ ทองดี, สมปอง รักไทย",
        [("reporter", "มะลิ ทองดี"), ("reporter", "สมปอง รักไทย")],
    ),
    (
        "photographers split at a slash",
        "ภาพ : มะลิ ทองดี / สมปอง รักไทย",
        [("photographer", "มะลิ ทองดี"), ("photographer", "สมปอง รักไทย")],
    ),
    ("news from", "ข่าวจาก : สปชส.ลำพูน", [("source", "สปชส.ลำพูน")]),
    (
        "source, brackets kept",
        "ที่มา : สำนักงานสถิติจังหวัด (สสจ.)",
        [("source", "สำนักงานสถิติจังหวัด (สสจ.)")],
    ),
    (
        "source URL not split at its slashes",
        "ที่มา : https://example.go.th/a/b",
        [("source", "https://example.go.th/a/b")],
    ),
    (
        "a long source URL",
        "ที่มา : https://example.go.th/" + "a" * 120,
        [("source", "https://example.go.th/" + "a" * 120)],
    ),
    ("page field: office", "หน่วยงาน : สำนักงานจังหวัดตัวอย่าง", [("source", "สำนักงานจังหวัดตัวอย่าง")]),
    ("page field: poster", "ผู้โพส : webmaster", [("author", "webmaster")]),
    ("news editor, abbreviated", "บก.ข่าว : วันดี ศรีสุข", [("editor", "วันดี ศรีสุข")]),
    ("bulleted, trailing punctuation", "• ข่าวจาก : สวท.ลำปาง •", [("source", "สวท.ลำปาง")]),
    ("bracketed line", "(ภาพ/ข่าว : สวท.ลำปาง)", [("reporter_photographer", "สวท.ลำปาง")]),
    # name first: the role after each name
    (
        "name - role / name - role",
        "มะลิ ทองดี - ข่าว / สมปอง รักไทย - ภาพ",
        [("reporter", "มะลิ ทองดี"), ("photographer", "สมปอง รักไทย")],
    ),
    (
        "role words after given names",
        "สมปอง ถ่ายภาพ/มะลิ รายงาน",
        [("photographer", "สมปอง"), ("reporter", "มะลิ")],
    ),
    (
        "names, colon, compound role",
        "มะลิ ทองดี, สมปอง รักไทย: สรุป/รายงาน",
        [("reporter", "มะลิ ทองดี"), ("reporter", "สมปอง รักไทย")],
    ),
    ("name with a trailing slash", "วันดี ศรีสุข – ภาพ/", [("photographer", "วันดี ศรีสุข")]),
    ("name, space, compound role", "วันดี ศรีสุข ภาพ/ข่าว", [("reporter_photographer", "วันดี ศรีสุข")]),
    ("office, dash, data", "สำนักงานเกษตรจังหวัด - ข้อมูล/", [("source", "สำนักงานเกษตรจังหวัด")]),
    # agency bylines
    ("agency in brackets", "(ส.ปชส.ตราด)", [("source", "ส.ปชส.ตราด")]),
    ("agency unbracketed", "สวท.ลำปาง", [("source", "สวท.ลำปาง")]),
    ("agency in full", "สำนักงานประชาสัมพันธ์จังหวัดตราด", [("source", "สำนักงานประชาสัมพันธ์จังหวัดตราด")]),
    # body lines that hold credit words: no credit
    ("interview sentence", "นายก ได้ให้สัมภาษณ์ข่าวกับสื่อมวลชนในพื้นที่", []),
    ("overview", "ภาพรวมของจังหวัดในปีนี้ดีขึ้น", []),
    ("photo together", "ถ่ายภาพร่วมกันเป็นที่ระลึก", []),
    ("a phrase ending in a role word", "จากนั้นร่วมกัน ถ่ายภาพ", []),
    ("two words opening a phrase, then a role word", "จากนั้นคณะทำงาน ร่วมกัน ถ่ายภาพ", []),
    ("one word before a role word", "บรรยากาศ ภาพ", []),
    ("summary heading", "สรุป : ที่ประชุมมีมติเห็นชอบ", []),
    ("caption label", "ภาพข่าว : ผู้ว่าราชการจังหวัดเปิดงานกาชาด", []),
    ("list item reported by", "• รายงานโดย หน่วยงาน ก มีจำนวน 1,250 เรื่อง", []),
    ("a label with no name", "ข่าว :", []),
    ("a headline after a label", "ข่าว : ผู้ว่าฯ ประชุมคณะทำงาน ครั้งที่ 1/2567", []),
    (
        "a label not known inside a value",
        "ภาพ : มะลิ ทองดี, เผยแพร่: สมปอง รักไทย",
        [("photographer", "มะลิ ทองดี")],
    ),
    ("a line too long for credits", "ข่าว : " + ", ".join(["มะลิ ทองดี"] * 30), []),
    ("roles with no name", "สรุป/รายงาน", []),
    ("background heading", "ที่มา และความสำคัญของโครงการ", []),
    ("agency word inside a sentence", "ผอ.สวท.ลำปาง ร่วมกิจกรรม", []),
    ("label value too long", "ข่าว : " + " ".join(["คำ"] * 12), []),
    ("a flood of labels", "ข่าว/ภาพ: " * 5_000, []),
]


@pytest.mark.parametrize(("line", "expected"), [c[1:] for c in LINES], ids=[c[0] for c in LINES])
def test_credit_line(line: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.role, c.name) for c in parse_credit_line(line)] == expected


LEAD = "วันนี้ (3 มี.ค. 67) เวลา 09.00 น. นายสมชาย ตัวอย่าง ผู้ว่าราชการจังหวัด เป็นประธานประชุม"

# (id, body, body kept, credits)
BODIES = [
    (
        "labelled line anywhere",
        f"{LEAD}\nหน่วยงาน : สำนักงานจังหวัด\nรายละเอียดต่อ",
        f"{LEAD}\nรายละเอียดต่อ",
        [("source", "สำนักงานจังหวัด")],
    ),
    (
        "name-first lines at the end",
        f"{LEAD}\nมะลิ ทองดี - ข่าว/\nสมปอง รักไทย - ภาพ/",
        LEAD,
        [("reporter", "มะลิ ทองดี"), ("photographer", "สมปอง รักไทย")],
    ),
    (
        "name-first line before a closing date and hashtags",
        f"{LEAD}\nมะลิ ทองดี: ถ่ายภาพ\n12 มีนาคม 2567\n#ข่าวจังหวัด",
        f"{LEAD}\n12 มีนาคม 2567\n#ข่าวจังหวัด",
        [("photographer", "มะลิ ทองดี")],
    ),
    (
        "name-first line inside the body is body",
        f"{LEAD}\nมะลิ ทองดี: ถ่ายภาพ\nการประชุมดำเนินไปด้วยความเรียบร้อย",
        f"{LEAD}\nมะลิ ทองดี: ถ่ายภาพ\nการประชุมดำเนินไปด้วยความเรียบร้อย",
        [],
    ),
    (
        "agency byline on the first line",
        f"(สปชส.ลำพูน)\n\n{LEAD}",
        LEAD,
        [("source", "สปชส.ลำพูน")],
    ),
    (
        "agency line closing the page",
        f"{LEAD}\nสำนักงานประชาสัมพันธ์จังหวัดตราด",
        LEAD,
        [("source", "สำนักงานประชาสัมพันธ์จังหวัดตราด")],
    ),
    (
        "agency line mid-body is body",
        f"{LEAD}\n(สวท.ลำปาง)\nการประชุมดำเนินไปด้วยความเรียบร้อย",
        f"{LEAD}\n(สวท.ลำปาง)\nการประชุมดำเนินไปด้วยความเรียบร้อย",
        [],
    ),
    (
        "a closing sentence is kept",
        f"{LEAD}\nผู้เข้าร่วมได้ร่วมกัน ถ่ายภาพ",
        f"{LEAD}\nผู้เข้าร่วมได้ร่วมกัน ถ่ายภาพ",
        [],
    ),
    (
        "a credit repeated is given once",
        f"{LEAD}\nข่าว : มะลิ ทองดี\nข่าว : มะลิ ทองดี",
        LEAD,
        [("reporter", "มะลิ ทองดี")],
    ),
]


@pytest.mark.parametrize(
    ("body", "kept", "expected"), [c[1:] for c in BODIES], ids=[c[0] for c in BODIES]
)
def test_split_credits(body: str, kept: str, expected: list[tuple[str, str]]) -> None:
    rest, credits = split_credits(body)
    assert rest == kept
    assert [(c.role, c.name) for c in credits] == expected
