"""Positions as data: the abbreviations written in positions, the canonical roles, and the
career track each role belongs to (`extract.positions` reads a position with them).

Roles and organisation words are written as a position reads once its abbreviations are
expanded and the spaces between Thai words dropped (`นายก อบต.บ้านนา` ->
`นายกองค์การบริหารส่วนตำบลบ้านนา`).
"""

from extract.lexicon import ORGANIZATION_HEADS

# Abbreviations and short forms, each with its full form. Longest first where one holds
# another is the builder's business (`extract.positions`), not this table's order.
POSITION_ABBREVIATIONS: dict[str, str] = {
    # provincial and district administration
    "ผวจ.": "ผู้ว่าราชการจังหวัด",
    "ผู้ว่าฯ": "ผู้ว่าราชการจังหวัด",
    "ผู้ว่า ฯ": "ผู้ว่าราชการจังหวัด",
    "ผู้ว่าราชการฯ": "ผู้ว่าราชการจังหวัด",
    "ผู้ว่าราชการจังหวัดฯ": "ผู้ว่าราชการจังหวัด",  # ฯ: the province just named
    "รกท.": "รักษาการในตำแหน่ง",
    "ปจ.": "ปลัดจังหวัด",
    "หน.สนจ.": "หัวหน้าสำนักงานจังหวัด",
    "สนจ.": "สำนักงานจังหวัด",
    "นอภ.": "นายอำเภอ",
    "จว.": "จังหวัด",
    "จ.": "จังหวัด",
    "อ.": "อำเภอ",
    "ต.": "ตำบล",
    "กทม.": "กรุงเทพมหานคร",
    # local government
    "อบจ.": "องค์การบริหารส่วนจังหวัด",
    "อบต.": "องค์การบริหารส่วนตำบล",
    "ทต.": "เทศบาลตำบล",
    "ทม.": "เทศบาลเมือง",
    "ทน.": "เทศบาลนคร",
    "นายกฯ อบจ.": "นายกองค์การบริหารส่วนจังหวัด",
    # heads and deputies
    "ผอ.": "ผู้อำนวยการ",
    "รอง ผอ.": "รองผู้อำนวยการ",
    "หน.": "หัวหน้า",
    "ผช.": "ผู้ช่วย",
    "ผจก.": "ผู้จัดการ",
    "เลขาฯ": "เลขาธิการ",
    # government
    "นรม.": "นายกรัฐมนตรี",
    "รมว.": "รัฐมนตรีว่าการ",
    "รมช.": "รัฐมนตรีช่วยว่าการ",
    "รมต.": "รัฐมนตรี",
    "ส.ส.": "สมาชิกสภาผู้แทนราษฎร",
    "ส.ว.": "สมาชิกวุฒิสภา",
    "สนช.": "สมาชิกสภานิติบัญญัติแห่งชาติ",
    "ปลัด มท.": "ปลัดกระทรวงมหาดไทย",
    # ministries (ส่วนราชการ abbreviations)
    "มท.": "กระทรวงมหาดไทย",
    "สธ.": "กระทรวงสาธารณสุข",
    "ศธ.": "กระทรวงศึกษาธิการ",
    "กษ.": "กระทรวงเกษตรและสหกรณ์",
    "พณ.": "กระทรวงพาณิชย์",
    "อก.": "กระทรวงอุตสาหกรรม",
    "รง.": "กระทรวงแรงงาน",
    "ทส.": "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    "คค.": "กระทรวงคมนาคม",
    "กค.": "กระทรวงการคลัง",
    "กต.": "กระทรวงการต่างประเทศ",
    "กห.": "กระทรวงกลาโหม",
    "ยธ.": "กระทรวงยุติธรรม",
    "วธ.": "กระทรวงวัฒนธรรม",
    "พม.": "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์",
    "ดศ.": "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
    "พน.": "กระทรวงพลังงาน",
    "กก.": "กระทรวงการท่องเที่ยวและกีฬา",
    "อว.": "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม",  # spaced, as it is named
    "นร.": "สำนักนายกรัฐมนตรี",
    # provincial offices
    "สสจ.": "สำนักงานสาธารณสุขจังหวัด",
    "นพ.สสจ.": "นายแพทย์สาธารณสุขจังหวัด",
    "สสอ.": "สำนักงานสาธารณสุขอำเภอ",
    "ปชส.": "ประชาสัมพันธ์จังหวัด",
    "สปชส.": "สำนักงานประชาสัมพันธ์จังหวัด",
    "ส.ปชส.": "สำนักงานประชาสัมพันธ์จังหวัด",
    "สวท.": "สถานีวิทยุกระจายเสียงแห่งประเทศไทย",
    "ศธจ.": "ศึกษาธิการจังหวัด",
    "พมจ.": "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด",
    "ทสจ.": "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด",
    "สพป.": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา",
    "สพม.": "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา",
    "กศน.": "สำนักงานส่งเสริมการศึกษานอกระบบและการศึกษาตามอัธยาศัย",
    "ปภ.": "ป้องกันและบรรเทาสาธารณภัย",
    "สนง.": "สำนักงาน",
    "สำนักงานฯ": "สำนักงาน",
    # hospitals, schools, universities
    "รพ.สต.": "โรงพยาบาลส่งเสริมสุขภาพตำบล",
    "รพ.": "โรงพยาบาล",
    "รร.": "โรงเรียน",
    "มรภ.": "มหาวิทยาลัยราชภัฏ",
    "มทร.": "มหาวิทยาลัยเทคโนโลยีราชมงคล",
    # police and armed forces
    "ผบ.ตร.": "ผู้บัญชาการตำรวจแห่งชาติ",
    "ผบ.ทบ.": "ผู้บัญชาการทหารบก",
    "ผบ.ทร.": "ผู้บัญชาการทหารเรือ",
    "ผบ.ทอ.": "ผู้บัญชาการทหารอากาศ",
    "ผบ.สส.": "ผู้บัญชาการทหารสูงสุด",
    "ผบ.": "ผู้บัญชาการ",
    "ผบก.": "ผู้บังคับการ",
    "ผกก.": "ผู้กำกับการ",
    "สภ.": "สถานีตำรวจภูธร",
    "สน.": "สถานีตำรวจนครบาล",
    "ภ.จว.": "ตำรวจภูธรจังหวัด",
}
# Abbreviations are read where a word begins (after a space, a dot, a bracket or the
# start) or written against one of these words (`รองผวจ.`, `นายกอบต.`, `ปลัดอบจ.`,
# `ประธานสภาอบต.`, `ผู้ว่าราชการจ.…`).
ABBREVIATION_GLUE_BEFORE = (
    "รอง",
    "อดีต",
    "นายก",
    "ปลัด",
    "สภา",
    "ประธาน",
    "สมาชิก",
    "หัวหน้า",
    "ผู้ช่วย",
    "ผู้อำนวยการ",
    "ผู้ตรวจราชการ",
    "ผู้ว่าราชการ",
    "รัฐมนตรีว่าการ",
    "รัฐมนตรีช่วยว่าการ",
    "เลขานุการ",
)

# Words before a role that qualify it: a former holder, an acting one, one designated. Kept
# in the canonical role (`อดีตผู้ว่าราชการจังหวัด` is no governor now).
POSITION_QUALIFIERS = (
    "อดีต",
    "รักษาราชการแทน",
    "รักษาการแทน",
    "รักษาการในตำแหน่ง",
    "รักษาการ",
    "ปฏิบัติราชการแทน",
    "ปฏิบัติหน้าที่",
    "ว่าที่",
    "พ้นจากตำแหน่ง",  # a cabinet resolution's list of those moved out
)

# Scopes: `province`, the province itself or its provincial office; `district`, a district
# of it; `local`, a municipality, subdistrict or village; `national`; `organization`, any
# organisation the rest of the position names.
# The scopes whose holder, when the position names no province, serves the article's: a
# governor or a district chief in a Nong Khai story is Nong Khai's. A local office is not
# (a mayor is news wherever he goes: national news reports him at the ministry in Bangkok).
PROVINCIAL_SCOPES = ("province", "district")

# Canonical roles. Columns: how the role opens (expanded, no spaces); the canonical role;
# its scope (above); its career track (two namesakes on two tracks at once are two people:
# `output.people`), None when the role says nothing of one; what the rest of the position
# is the name of: None, the province itself (no organisation); "", the rest is the
# organisation's whole name; else the organisation's kind, written before the rest
# (นายกองค์การบริหารส่วนตำบล + บ้านนา -> องค์การบริหารส่วนตำบลบ้านนา).
ROLES: tuple[tuple[str, str, str, str | None, str | None], ...] = (
    # the province's administration (Ministry of Interior)
    ("ผู้ว่าราชการจังหวัด", "ผู้ว่าราชการจังหวัด", "province", "interior", None),
    ("ผู้ว่าราชการ", "ผู้ว่าราชการจังหวัด", "province", "interior", None),  # + the province
    # Bangkok's governor is elected, and is written with or without ราชการ, with or without
    # จังหวัด (`ผู้ว่าฯ กทม.`)
    ("ผู้ว่าราชการกรุงเทพมหานคร", "ผู้ว่าราชการกรุงเทพมหานคร", "province", "local", None),
    ("ผู้ว่าราชการจังหวัดกรุงเทพมหานคร", "ผู้ว่าราชการกรุงเทพมหานคร", "province", "local", None),
    ("ผู้ว่ากรุงเทพมหานคร", "ผู้ว่าราชการกรุงเทพมหานคร", "province", "local", None),
    ("รองผู้ว่าราชการกรุงเทพมหานคร", "รองผู้ว่าราชการกรุงเทพมหานคร", "province", "local", None),
    (
        "รองผู้ว่าราชการจังหวัดกรุงเทพมหานคร",
        "รองผู้ว่าราชการกรุงเทพมหานคร",
        "province",
        "local",
        None,
    ),
    ("รองผู้ว่าราชการจังหวัด", "รองผู้ว่าราชการจังหวัด", "province", "interior", None),
    ("ผู้ช่วยผู้ว่าราชการจังหวัด", "ผู้ช่วยผู้ว่าราชการจังหวัด", "province", "interior", None),
    ("ปลัดจังหวัด", "ปลัดจังหวัด", "province", "interior", None),
    ("หัวหน้าสำนักงานจังหวัด", "หัวหน้าสำนักงานจังหวัด", "province", "interior", None),
    ("จ่าจังหวัด", "จ่าจังหวัด", "province", "interior", None),
    ("ป้องกันจังหวัด", "ป้องกันจังหวัด", "province", "interior", None),
    ("ท้องถิ่นจังหวัด", "ท้องถิ่นจังหวัด", "province", "interior", None),
    ("พัฒนาการจังหวัด", "พัฒนาการจังหวัด", "province", "interior", None),
    ("นายอำเภอ", "นายอำเภอ", "district", "interior", "อำเภอ"),
    ("ปลัดอำเภอ", "ปลัดอำเภอ", "district", "interior", "อำเภอ"),
    ("ท้องถิ่นอำเภอ", "ท้องถิ่นอำเภอ", "district", "interior", "อำเภอ"),
    ("พัฒนาการอำเภอ", "พัฒนาการอำเภอ", "district", "interior", "อำเภอ"),
    # provincial offices of the ministries, each head titled after the province
    ("ประชาสัมพันธ์จังหวัด", "ประชาสัมพันธ์จังหวัด", "province", "pr", None),
    (
        "ผู้อำนวยการสำนักงานประชาสัมพันธ์จังหวัด",
        "ประชาสัมพันธ์จังหวัด",
        "province",
        "pr",
        None,
    ),
    ("สาธารณสุขจังหวัด", "สาธารณสุขจังหวัด", "province", "health", None),
    ("นายแพทย์สาธารณสุขจังหวัด", "สาธารณสุขจังหวัด", "province", "health", None),
    ("สาธารณสุขอำเภอ", "สาธารณสุขอำเภอ", "district", "health", "อำเภอ"),
    ("เกษตรจังหวัด", "เกษตรจังหวัด", "province", "agriculture", None),
    ("เกษตรอำเภอ", "เกษตรอำเภอ", "district", "agriculture", "อำเภอ"),
    ("เกษตรและสหกรณ์จังหวัด", "เกษตรและสหกรณ์จังหวัด", "province", "agriculture", None),
    ("ปศุสัตว์จังหวัด", "ปศุสัตว์จังหวัด", "province", "agriculture", None),
    ("ประมงจังหวัด", "ประมงจังหวัด", "province", "agriculture", None),
    ("สหกรณ์จังหวัด", "สหกรณ์จังหวัด", "province", "agriculture", None),
    ("พาณิชย์จังหวัด", "พาณิชย์จังหวัด", "province", "commerce", None),
    ("วัฒนธรรมจังหวัด", "วัฒนธรรมจังหวัด", "province", "culture", None),
    ("แรงงานจังหวัด", "แรงงานจังหวัด", "province", "labour", None),
    ("จัดหางานจังหวัด", "จัดหางานจังหวัด", "province", "labour", None),
    ("สวัสดิการและคุ้มครองแรงงานจังหวัด", "สวัสดิการและคุ้มครองแรงงานจังหวัด", "province", "labour", None),
    ("ประกันสังคมจังหวัด", "ประกันสังคมจังหวัด", "province", "labour", None),
    ("คลังจังหวัด", "คลังจังหวัด", "province", "finance", None),
    ("ศึกษาธิการจังหวัด", "ศึกษาธิการจังหวัด", "province", "education", None),
    ("อุตสาหกรรมจังหวัด", "อุตสาหกรรมจังหวัด", "province", "industry", None),
    ("พลังงานจังหวัด", "พลังงานจังหวัด", "province", "energy", None),
    ("สถิติจังหวัด", "สถิติจังหวัด", "province", "statistics", None),
    ("อัยการจังหวัด", "อัยการจังหวัด", "province", "justice", None),
    ("ยุติธรรมจังหวัด", "ยุติธรรมจังหวัด", "province", "justice", None),
    ("โยธาธิการและผังเมืองจังหวัด", "โยธาธิการและผังเมืองจังหวัด", "province", "public_works", None),
    (
        "ทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด",
        "ทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด",
        "province",
        "environment",
        None,
    ),
    (
        "พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด",
        "พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด",
        "province",
        "social",
        None,
    ),
    ("ท่องเที่ยวและกีฬาจังหวัด", "ท่องเที่ยวและกีฬาจังหวัด", "province", "tourism", None),
    ("การท่องเที่ยวและกีฬาจังหวัด", "ท่องเที่ยวและกีฬาจังหวัด", "province", "tourism", None),
    ("ขนส่งจังหวัด", "ขนส่งจังหวัด", "province", "transport", None),
    ("ผู้บังคับการตำรวจภูธรจังหวัด", "ผู้บังคับการตำรวจภูธรจังหวัด", "province", "police", None),
    # local government: elected heads (see NON_MOBILE_ROLES) and their civil servants
    (
        "นายกองค์การบริหารส่วนจังหวัด",
        "นายกองค์การบริหารส่วนจังหวัด",
        "province",
        "local",
        "องค์การบริหารส่วนจังหวัด",
    ),
    (
        "รองนายกองค์การบริหารส่วนจังหวัด",
        "รองนายกองค์การบริหารส่วนจังหวัด",
        "province",
        "local",
        "องค์การบริหารส่วนจังหวัด",
    ),
    (
        "ประธานสภาองค์การบริหารส่วนจังหวัด",
        "ประธานสภาองค์การบริหารส่วนจังหวัด",
        "province",
        "local",
        "องค์การบริหารส่วนจังหวัด",
    ),
    (
        "สมาชิกสภาองค์การบริหารส่วนจังหวัด",
        "สมาชิกสภาองค์การบริหารส่วนจังหวัด",
        "province",
        "local",
        "องค์การบริหารส่วนจังหวัด",
    ),
    (
        "ปลัดองค์การบริหารส่วนจังหวัด",
        "ปลัดองค์การบริหารส่วนจังหวัด",
        "province",
        "local",
        "องค์การบริหารส่วนจังหวัด",
    ),
    (
        "นายกองค์การบริหารส่วนตำบล",
        "นายกองค์การบริหารส่วนตำบล",
        "local",
        "local",
        "องค์การบริหารส่วนตำบล",
    ),
    (
        "รองนายกองค์การบริหารส่วนตำบล",
        "รองนายกองค์การบริหารส่วนตำบล",
        "local",
        "local",
        "องค์การบริหารส่วนตำบล",
    ),
    (
        "ปลัดองค์การบริหารส่วนตำบล",
        "ปลัดองค์การบริหารส่วนตำบล",
        "local",
        "local",
        "องค์การบริหารส่วนตำบล",
    ),
    ("นายกเทศมนตรีนคร", "นายกเทศมนตรี", "local", "local", "เทศบาลนคร"),
    ("นายกเทศมนตรีเมือง", "นายกเทศมนตรี", "local", "local", "เทศบาลเมือง"),
    ("นายกเทศมนตรีตำบล", "นายกเทศมนตรี", "local", "local", "เทศบาลตำบล"),
    ("นายกเทศมนตรี", "นายกเทศมนตรี", "local", "local", "เทศบาล"),
    ("รองนายกเทศมนตรีนคร", "รองนายกเทศมนตรี", "local", "local", "เทศบาลนคร"),
    ("รองนายกเทศมนตรีเมือง", "รองนายกเทศมนตรี", "local", "local", "เทศบาลเมือง"),
    ("รองนายกเทศมนตรีตำบล", "รองนายกเทศมนตรี", "local", "local", "เทศบาลตำบล"),
    ("รองนายกเทศมนตรี", "รองนายกเทศมนตรี", "local", "local", "เทศบาล"),
    ("ปลัดเทศบาลนคร", "ปลัดเทศบาล", "local", "local", "เทศบาลนคร"),
    ("ปลัดเทศบาลเมือง", "ปลัดเทศบาล", "local", "local", "เทศบาลเมือง"),
    ("ปลัดเทศบาลตำบล", "ปลัดเทศบาล", "local", "local", "เทศบาลตำบล"),
    ("ปลัดเทศบาล", "ปลัดเทศบาล", "local", "local", "เทศบาล"),
    ("กำนันตำบล", "กำนัน", "local", "local", "ตำบล"),
    ("กำนัน", "กำนัน", "local", "local", "ตำบล"),
    ("ผู้ใหญ่บ้าน", "ผู้ใหญ่บ้าน", "local", "local", ""),
    # government and parliament
    ("นายกรัฐมนตรี", "นายกรัฐมนตรี", "national", "cabinet", None),
    ("รองนายกรัฐมนตรี", "รองนายกรัฐมนตรี", "national", "cabinet", None),
    ("รัฐมนตรีว่าการ", "รัฐมนตรีว่าการ", "national", "cabinet", "กระทรวง"),
    ("รัฐมนตรีช่วยว่าการ", "รัฐมนตรีช่วยว่าการ", "national", "cabinet", "กระทรวง"),
    (
        "รัฐมนตรีประจำสำนักนายกรัฐมนตรี",
        "รัฐมนตรีประจำสำนักนายกรัฐมนตรี",
        "national",
        "cabinet",
        None,
    ),
    ("สมาชิกสภาผู้แทนราษฎร", "สมาชิกสภาผู้แทนราษฎร", "national", "parliament", None),
    ("สมาชิกวุฒิสภา", "สมาชิกวุฒิสภา", "national", "parliament", None),
    ("ปลัดกระทรวง", "ปลัดกระทรวง", "national", None, "กระทรวง"),
    ("รองปลัดกระทรวง", "รองปลัดกระทรวง", "national", None, "กระทรวง"),
    ("ผู้ช่วยปลัดกระทรวง", "ผู้ช่วยปลัดกระทรวง", "national", None, "กระทรวง"),
    ("ผู้ตรวจราชการกระทรวง", "ผู้ตรวจราชการกระทรวง", "national", None, "กระทรวง"),
    ("อธิบดี", "อธิบดี", "national", None, ""),
    ("รองอธิบดี", "รองอธิบดี", "national", None, ""),
    ("เลขาธิการ", "เลขาธิการ", "national", None, ""),
    ("รองเลขาธิการ", "รองเลขาธิการ", "national", None, ""),
    ("เอกอัครราชทูต", "เอกอัครราชทูต", "national", "foreign", ""),
    # heads of any organisation: the rest of the position names it
    ("ผู้อำนวยการ", "ผู้อำนวยการ", "organization", None, ""),
    ("รองผู้อำนวยการ", "รองผู้อำนวยการ", "organization", None, ""),
    ("ผู้ช่วยผู้อำนวยการ", "ผู้ช่วยผู้อำนวยการ", "organization", None, ""),
    ("หัวหน้า", "หัวหน้า", "organization", None, ""),
    ("รองหัวหน้า", "รองหัวหน้า", "organization", None, ""),
    ("ประธานกรรมการ", "ประธานกรรมการ", "organization", None, ""),
    ("ประธาน", "ประธาน", "organization", None, ""),
    ("รองประธาน", "รองประธาน", "organization", None, ""),
    ("ผู้จัดการ", "ผู้จัดการ", "organization", None, ""),
    ("อธิการบดี", "อธิการบดี", "organization", "university", ""),
    ("รองอธิการบดี", "รองอธิการบดี", "organization", "university", ""),
    ("คณบดี", "คณบดี", "organization", "university", ""),
    ("ผู้บัญชาการ", "ผู้บัญชาการ", "organization", None, ""),
    ("ผู้บังคับการ", "ผู้บังคับการ", "organization", None, ""),  # police, or the อส. (interior)
    ("ผู้กำกับการ", "ผู้กำกับการ", "organization", "police", ""),
    ("สารวัตร", "สารวัตร", "organization", "police", ""),
    ("แม่ทัพ", "แม่ทัพ", "organization", "military", ""),
    ("รองแม่ทัพ", "รองแม่ทัพ", "organization", "military", ""),
)

# Roles whose holders are elected by the people of one place: two holders in different
# provinces at the same time are two people, even on the same track.
NON_MOBILE_ROLES = (
    "ผู้ว่าราชการกรุงเทพมหานคร",
    "รองผู้ว่าราชการกรุงเทพมหานคร",
    "นายกองค์การบริหารส่วนจังหวัด",
    "รองนายกองค์การบริหารส่วนจังหวัด",
    "ประธานสภาองค์การบริหารส่วนจังหวัด",
    "สมาชิกสภาองค์การบริหารส่วนจังหวัด",
    "นายกองค์การบริหารส่วนตำบล",
    "รองนายกองค์การบริหารส่วนตำบล",
    "นายกเทศมนตรี",
    "รองนายกเทศมนตรี",
    "กำนัน",
    "ผู้ใหญ่บ้าน",
    "สมาชิกสภาผู้แทนราษฎร",
)

# The career track of an organisation, by the words its name opens with: what a generic
# role (ผู้อำนวยการ, หัวหน้า…) takes from the organisation it heads.
ORGANIZATION_TRACKS: tuple[tuple[str, str], ...] = (
    ("โรงพยาบาล", "health"),
    ("สำนักงานสาธารณสุข", "health"),
    ("สถานีอนามัย", "health"),
    ("ศูนย์อนามัย", "health"),
    ("สำนักงานป้องกันควบคุมโรค", "health"),
    ("โรงเรียน", "education"),
    ("วิทยาลัย", "education"),
    ("สำนักงานเขตพื้นที่การศึกษา", "education"),
    ("สำนักงานศึกษาธิการ", "education"),
    ("สำนักงานส่งเสริมการศึกษานอกระบบ", "education"),
    ("มหาวิทยาลัย", "university"),
    ("สำนักงานประชาสัมพันธ์", "pr"),
    ("สถานีวิทยุกระจายเสียงแห่งประเทศไทย", "pr"),
    ("กรมประชาสัมพันธ์", "pr"),
    ("สถานีตำรวจ", "police"),
    ("ตำรวจ", "police"),
    ("กองบังคับการ", "police"),
    ("กองกำกับการ", "police"),
    ("กองอาสารักษาดินแดน", "interior"),  # commanded by the governor, ex officio
    ("กองทัพ", "military"),
    ("กองพล", "military"),
    ("มณฑลทหารบก", "military"),
    ("จังหวัดทหารบก", "military"),
    ("กองกำลัง", "military"),
    ("สำนักงานเกษตร", "agriculture"),
    ("สำนักงานปศุสัตว์", "agriculture"),
    ("สำนักงานประมง", "agriculture"),
    ("สำนักงานสหกรณ์", "agriculture"),
    ("สำนักงานชลประทาน", "agriculture"),
    ("โครงการชลประทาน", "agriculture"),
    ("สำนักงานพาณิชย์", "commerce"),
    ("สำนักงานวัฒนธรรม", "culture"),
    ("สำนักงานแรงงาน", "labour"),
    ("สำนักงานจัดหางาน", "labour"),
    ("สำนักงานประกันสังคม", "labour"),
    ("สำนักงานพัฒนาชุมชน", "interior"),
    ("สำนักงานส่งเสริมการปกครองท้องถิ่น", "interior"),
    ("ที่ทำการปกครอง", "interior"),
    ("สำนักงานป้องกันและบรรเทาสาธารณภัย", "interior"),
    ("สำนักงานทรัพยากรธรรมชาติ", "environment"),
    ("สำนักงานพัฒนาสังคม", "social"),
    ("สำนักงานการท่องเที่ยว", "tourism"),
    ("สำนักงานท่องเที่ยว", "tourism"),
    ("สำนักงานคลัง", "finance"),
    ("สำนักงานสถิติ", "statistics"),
    ("สำนักงานพลังงาน", "energy"),
    ("สำนักงานอุตสาหกรรม", "industry"),
    ("สำนักงานยุติธรรม", "justice"),
    ("สำนักงานอัยการ", "justice"),
    ("สำนักงานคุมประพฤติ", "justice"),
    ("เรือนจำ", "justice"),
    ("ศาล", "justice"),
    ("องค์การบริหารส่วน", "local"),
    ("เทศบาล", "local"),
)

# Where a position's organisation begins when its role is none of the above: the role is
# what comes before the first of these (ประธานกรรมการ + บริษัท…): any organisation's head
# word, and a station, a province or a district.
ROLE_ORGANIZATION_SPLITS = (*ORGANIZATION_HEADS, "สถานี", "จังหวัด", "อำเภอ")
# Words after the first word of a position that still belong to it (its organisation or
# its place: `ผู้ว่าราชการ จังหวัดสมุทรปราการ`, `นายก องค์การบริหารส่วนตำบล…`, `… เขต 1`):
# a province is looked for in the position's words up to the first word that is none of
# these, so a clause the position runs into (`นายกรัฐมนตรี เยือนจังหวัด…`) names none.
POSITION_CONTINUATIONS = (
    "จังหวัด",
    "อำเภอ",
    "ตำบล",
    "เขต",
    "หมู่",
    "บ้าน",
    "เทศบาล",
    "องค์การบริหารส่วน",
    "กระทรวง",
    "กรม",
    "สำนักงาน",
    "สำนัก",
    "โรงพยาบาล",
    "โรงเรียน",
    "สถานี",
    "ศูนย์",
    "มหาวิทยาลัย",
    "กอง",
    "จำกัด",
    "(",
)
# Words of a position that name where its organisation is, not the organisation: the
# organisation ends before the first of them written as a word of its own (`ผู้อำนวยการ
# โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโนน ตำบลหนองกอมเกาะ อำเภอเมือง…`).
ADDRESS_WORDS = ("ตำบล", "อำเภอ", "จังหวัด", "หมู่", "บ้านเลขที่")
# What ends the one position a phrase holds when it names a second (`…และโฆษก…`, `…/…`).
SECOND_POSITION_MARKS = ("และ", "/", ",")
