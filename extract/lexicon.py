"""Every word list thaipr's extractors use, as data.

Regexes are built from these tuples in the modules that use them, compiled once at
import. Order matters where noted: alternations are sorted longest-first by the builders,
so a tuple's order is only for reading.
"""

# Thai digits ๐-๙ map one-to-one onto ASCII digits (same length, so spans survive).
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

# Misspellings folded where text is compared, not kept: two sara e typed for sara ae.
SPELLING_FOLDS: tuple[tuple[str, str], ...] = (("\u0e40\u0e40", "\u0e41"),)

# Characters removed outright from page text: zero-width space/joiners, BOM, soft hyphen.
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

# Months: (number, full name, abbreviations with dots, dotless abbreviations, English).
MONTHS: tuple[tuple[int, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (1, "มกราคม", ("ม.ค.",), ("มค",), ("january", "jan")),
    (2, "กุมภาพันธ์", ("ก.พ.",), ("กพ",), ("february", "feb")),
    (3, "มีนาคม", ("มี.ค.",), ("มีค",), ("march", "mar")),
    (4, "เมษายน", ("เม.ย.",), ("เมย",), ("april", "apr")),
    (5, "พฤษภาคม", ("พ.ค.",), ("พค",), ("may",)),
    (6, "มิถุนายน", ("มิ.ย.",), ("มิย",), ("june", "jun")),
    (7, "กรกฎาคม", ("ก.ค.",), ("กค",), ("july", "jul")),
    (8, "สิงหาคม", ("ส.ค.",), ("สค",), ("august", "aug")),
    (9, "กันยายน", ("ก.ย.",), ("กย",), ("september", "sep", "sept")),
    (10, "ตุลาคม", ("ต.ค.",), ("ตค",), ("october", "oct")),
    (11, "พฤศจิกายน", ("พ.ย.",), ("พย",), ("november", "nov")),
    (12, "ธันวาคม", ("ธ.ค.",), ("ธค",), ("december", "dec")),
)

# Month names as often misspelt on real pages, too close to another month for the fuzzy
# reading (กรกฏาคม, with ฏ for ฎ, is as near to มกราคม as to กรกฎาคม for it).
MONTH_MISSPELLINGS: dict[str, int] = {"กรกฏาคม": 7}

WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "พฤหัส", "ศุกร์", "เสาร์", "อาทิตย์")

# Words before a date that make it the principal event's date, with a weight: the lead's
# "วันนี้ (…)" outranks a bare "วันที่ …" that may be a planned or reported event.
EVENT_DATE_CUES: tuple[tuple[str, int], ...] = (
    ("เมื่อเช้าวันนี้", 4),
    ("เมื่อบ่ายวันนี้", 4),
    ("เมื่อเย็นวันนี้", 4),
    ("เช้าวันนี้", 4),
    ("บ่ายวันนี้", 4),
    ("เย็นวันนี้", 4),
    ("วันนี้", 4),
    ("เมื่อวานนี้", 4),
    ("วานนี้", 4),
    ("เมื่อวันที่", 3),
    ("เมื่อวัน", 3),
    ("ในวันที่", 2),
    ("วันที่", 2),
    ("ในวัน", 1),
    ("เมื่อ", 1),
)
# Relative day words and their offset from the page's own date.
RELATIVE_DAYS: dict[str, int] = {
    "วันนี้": 0,
    "เช้าวันนี้": 0,
    "บ่ายวันนี้": 0,
    "เย็นวันนี้": 0,
    "เมื่อเช้าวันนี้": 0,
    "เมื่อบ่ายวันนี้": 0,
    "เมื่อเย็นวันนี้": 0,
    "วานนี้": -1,
    "เมื่อวานนี้": -1,
    "เมื่อวาน": -1,
}
# Words just before a date that mark it as not the principal event (a plan, a deadline).
NON_EVENT_DATE_PREFIXES = ("ระหว่าง", "ภายใน", "ตั้งแต่", "จนถึง", "ถึง", "กำหนด", "ภายหลัง")

# Event types, first matching keyword in the lead wins (longest keywords tried first).
EVENT_TYPES: tuple[tuple[str, str], ...] = (
    ("ประชุม", "meeting"),
    ("หารือ", "meeting"),
    ("สัมมนา", "seminar"),
    ("อบรม", "training"),
    ("ฝึกอบรม", "training"),
    ("ตรวจเยี่ยม", "visit"),
    ("ลงพื้นที่", "visit"),
    ("ตรวจราชการ", "visit"),
    ("ตรวจติดตาม", "visit"),
    ("เยี่ยมชม", "visit"),
    ("เข้าเยี่ยมคารวะ", "courtesy_call"),
    ("เยี่ยมคารวะ", "courtesy_call"),
    ("พิธี", "ceremony"),
    ("ลงนาม", "signing"),
    ("แถลงข่าว", "press_conference"),
    ("แถลง", "press_conference"),
    ("ให้สัมภาษณ์", "interview"),
    ("มอบ", "handover"),
    ("เปิดงาน", "ceremony"),
    ("ปาฐกถา", "speech"),
    ("บรรยาย", "speech"),
    ("กิจกรรม", "activity"),
    ("รณรงค์", "campaign"),
)

# --- People -------------------------------------------------------------------------

# Honorifics and ranks, each a prefix that may stand before a name. Several may be
# chained ("ว่าที่ ร.ต.", "ผศ.ดร.", "ศาสตราจารย์ ดร."); the builder allows that.
CIVIL_TITLES = (
    "นาย",
    "นาง",
    "นางสาว",
    "น.ส.",
    "คุณหญิง",
    "คุณ",
    "ท่านผู้หญิง",
    "หม่อมราชวงศ์",
    "ม.ร.ว.",
    "หม่อมหลวง",
    "ม.ล.",
    "หม่อมเจ้า",
    "ม.จ.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Miss",
    "H.E.",
    "Dr.",
    "ฯพณฯ",
)
ACADEMIC_TITLES = (
    "ศาสตราจารย์",
    "รองศาสตราจารย์",
    "ผู้ช่วยศาสตราจารย์",
    "ศ.",
    "รศ.",
    "ผศ.",
    "ดร.",
)
MEDICAL_TITLES = (
    "นายแพทย์",
    "แพทย์หญิง",
    "ทันตแพทย์",
    "ทันตแพทย์หญิง",
    "เภสัชกร",
    "เภสัชกรหญิง",
    "สัตวแพทย์",
    "นพ.",
    "พญ.",
    "ทพ.",
    "ทพญ.",
    "ภก.",
    "ภญ.",
    "สพ.",
)
# Military and police ranks, full and abbreviated; each may take the suffix หญิง and
# the prefix ว่าที่ (acting).
RANKS = (
    "พลเอก",
    "พลโท",
    "พลตรี",
    "พันเอก",
    "พันโท",
    "พันตรี",
    "ร้อยเอก",
    "ร้อยโท",
    "ร้อยตรี",
    "จ่าสิบเอก",
    "จ่าสิบโท",
    "จ่าสิบตรี",
    "สิบเอก",
    "สิบโท",
    "สิบตรี",
    "พลทหาร",
    "พลเรือเอก",
    "พลเรือโท",
    "พลเรือตรี",
    "นาวาเอก",
    "นาวาโท",
    "นาวาตรี",
    "เรือเอก",
    "เรือโท",
    "เรือตรี",
    "พันจ่าเอก",
    "พันจ่าโท",
    "พันจ่าตรี",
    "พลอากาศเอก",
    "พลอากาศโท",
    "พลอากาศตรี",
    "นาวาอากาศเอก",
    "นาวาอากาศโท",
    "นาวาอากาศตรี",
    "เรืออากาศเอก",
    "เรืออากาศโท",
    "เรืออากาศตรี",
    "พันจ่าอากาศเอก",
    "พลตำรวจเอก",
    "พลตำรวจโท",
    "พลตำรวจตรี",
    "พันตำรวจเอก",
    "พันตำรวจโท",
    "พันตำรวจตรี",
    "ร้อยตำรวจเอก",
    "ร้อยตำรวจโท",
    "ร้อยตำรวจตรี",
    "ดาบตำรวจ",
    "นายกองใหญ่",
    "นายกองเอก",
    "นายกองโท",
    "นายกองตรี",
    "นายหมวดเอก",
    "นายหมวดโท",
    "นายหมวดตรี",
    "นายหมู่เอก",
    "นายหมู่โท",
    "นายหมู่ตรี",
    "จ่าสิบตำรวจ",
    "สิบตำรวจเอก",
    "สิบตำรวจโท",
    "สิบตำรวจตรี",
    "พล.อ.",
    "พล.ท.",
    "พล.ต.",
    "พ.อ.",
    "พ.ท.",
    "พ.ต.",
    "ร.อ.",
    "ร.ท.",
    "ร.ต.",
    "จ.ส.อ.",
    "จ.ส.ท.",
    "จ.ส.ต.",
    "ส.อ.",
    "ส.ท.",
    "ส.ต.",
    "พล.ร.อ.",
    "พล.ร.ท.",
    "พล.ร.ต.",
    "น.อ.",
    "น.ท.",
    "น.ต.",
    "ร.อ.",
    "ร.ท.",
    "ร.ต.",
    "พล.อ.อ.",
    "พล.อ.ท.",
    "พล.อ.ต.",
    "น.อ.",
    "ร.อ.",
    "พล.ต.อ.",
    "พล.ต.ท.",
    "พล.ต.ต.",
    "พ.ต.อ.",
    "พ.ต.ท.",
    "พ.ต.ต.",
    "ร.ต.อ.",
    "ร.ต.ท.",
    "ร.ต.ต.",
    "ด.ต.",
    "จ.ส.ต.",
    "ส.ต.อ.",
    "ส.ต.ท.",
    "ส.ต.ต.",
    "Adm.",
    "Gen.",
    "Lt.",
    "Col.",
    "Maj.",
    "Capt.",
)
RANK_SUFFIX_FEMALE = "หญิง"
RANK_PREFIX_ACTING = "ว่าที่"
# Monastic titles: a monk is named by title, often a single word (พระธรรมราชานุวัตร).
MONASTIC_TITLES = ("พระครู", "พระมหา", "พระอธิการ", "พระ", "สมเด็จพระ", "เจ้าคุณ")
# Words that look like a monastic title but name royalty, relics or things.
NOT_MONASTIC = (
    "พระบาท",
    "พระบรม",
    "พระเจ้า",
    "พระนาง",
    "พระองค์",
    "พระราช",
    "พระแก้ว",
    "พระพุทธ",
    "พระที่นั่ง",
    "พระตำหนัก",
    "พระธาตุ",
    "พระปรมา",
    "พระมหากษัตริย์",
    "พระศรี",
    "พระเทพรัตน",
    "พระกรุณา",
    "พระชนม",
    "พระบรมรูป",
    "พระพร",
    "พระฉายา",
    "พระประธาน",
)

# Characters dropped from a name (a name never holds them; a vowel or mark typed twice is
# folded by the normaliser).
NAME_DROPPED_CHARS = "ฯ\"“”'‘’()[]{}<>,;:"
# Words that qualify an academic title and may be left at the start of the name after it
# (ศาสตราจารย์พิเศษ, ศาสตราจารย์คลินิกเกียรติคุณ): taken off the name when the honorific
# is an academic title, as `พิเศษ` is also a given name.
ACADEMIC_TITLE_QUALIFIERS = ("พิเศษ", "คลินิกเกียรติคุณ", "คลินิก", "เกียรติคุณ", "กิตติคุณ")
# Left out of the key two mentions of a person are compared by: the thanthakhat, a silent
# mark that writers drop or add (ประยุทธ / ประยุทธ์ sound and mean one name), and the
# punctuation inside foreign names (`เก-ออร์ก`, `John C. Aquilino`).
NAME_KEY_DROPPED = "\u0e4c-."
# Honorifics that say a person is a woman or a man (ranks say neither, unless + หญิง).
FEMALE_HONORIFICS = (
    "นาง",
    "นางสาว",
    "น.ส.",
    "คุณหญิง",
    "ท่านผู้หญิง",
    "แพทย์หญิง",
    "พญ.",
    "ทันตแพทย์หญิง",
    "ทพญ.",
    "เภสัชกรหญิง",
    "ภญ.",
    "Mrs.",
    "Ms.",
    "Miss",
)
MALE_HONORIFICS = ("นาย", "นายแพทย์", "นพ.", "Mr.")
# Titles a writer may type twice, the second against the name (`นาย` + `นายพีรพันธ์`): taken
# off the name when the honorific is the same title. (`นาง` is not one: given names open
# with it, นางนวล.)
NAME_REPEATED_TITLES = ("นาย",)

# Words that begin with นาย/พระ/คุณ but are positions or common nouns, never a name.
HONORIFIC_FALSE_STARTS = (
    "นายกรัฐมนตรี",
    "นายกฯ",
    "นายกเทศมนตรี",
    "นายกสมาคม",
    "นายกองค์การ",
    "นายกสภา",
    "นายกเหล่ากาชาด",
    "นายกอบจ",
    "นายกอบต",
    "นายก อบ",
    "นายอำเภอ",
    "นายทหาร",
    "นายตำรวจ",
    "นายช่าง",
    "นายด่าน",
    "นายจ้าง",
    "นายทะเบียน",
    "นายหน้า",
    "นายท้าย",
    "นายสถานี",
    "นายทุน",
    "นายกเมือง",
    "นายกรัฐ",
    "นางพยาบาล",
    "คุณภาพ",
    "คุณธรรม",
    "คุณค่า",
    "คุณสมบัติ",
    "คุณประโยชน์",
    "คุณูปการ",
    "คุณวุฒิ",
    "คุณลักษณะ",
    "คุณครู",
)

# Words directly before an honorific glued to it ("ซึ่งมีพลเอก", "คารวะพลเอก").
NAME_GLUE_BEFORE = (
    "ซึ่งมี",
    "โดยมี",
    "มี",
    "โดย",
    "จาก",
    "ให้",
    "กับ",
    "คารวะ",
    "มอบหมาย",
    "ต้อนรับ",
    "พบ",
    "และ",
    "แก่",
    "ถึง",
    "ด้วย",
    "นำ",
    "ว่า",
    "เชิญ",
    "ของ",
    "นมัสการ",
    "สักการะ",
    "ร่วมกับ",
    "หารือกับ",
    "ประกอบด้วย",
    "ได้แก่",
    "คือ",
    "ทั้ง",
    "เยี่ยม",
    "เข้าพบ",
    "ฯ",
    "ระหว่าง",
    "รวมทั้ง",
    "รวมถึง",
    "หรือ",
)
# Honorifics that end common words (พระคุณ, บุญคุณ, พระพุทธ): never read as a person's when
# written against the word before.
GLUED_HONORIFIC_EXCLUDED = ("คุณ", "พระ")

# Words that begin a position; a person's position phrase must start with one.
POSITION_HEADS = (
    "รองนายกรัฐมนตรี",
    "นายกรัฐมนตรี",
    "รัฐมนตรี",
    "รมว.",
    "รมช.",
    "รมต.",
    "รองนรม.",
    "นรม.",
    "ผู้ว่าราชการ",
    "รองผู้ว่าราชการ",
    "ผวจ.",
    "รองผวจ.",
    "ปลัด",
    "รองปลัด",
    "อธิบดี",
    "รองอธิบดี",
    "เลขาธิการ",
    "รองเลขาธิการ",
    "ผู้ช่วยเลขาธิการ",
    "ผู้อำนวยการ",
    "รองผู้อำนวยการ",
    "ผอ.",
    "ผู้ช่วยผู้อำนวยการ",
    "ผู้ตรวจราชการ",
    "ผู้ตรวจ",
    "หัวหน้า",
    "รองหัวหน้า",
    "ประธาน",
    "รองประธาน",
    "โฆษก",
    "รองโฆษก",
    "ผู้ช่วยโฆษก",
    "ผู้ช่วยรัฐมนตรี",
    "ที่ปรึกษา",
    "เอกอัครราชทูต",
    "อัครราชทูต",
    "กงสุล",
    "สมาชิก",
    "ส.ส.",
    "ส.ว.",
    "สนช.",
    "นายอำเภอ",
    "ปลัดอำเภอ",
    "นายกเทศมนตรี",
    "รองนายกเทศมนตรี",
    "นายกองค์การ",
    "นายกอบ",
    "นายกสมาคม",
    "นายกสภา",
    "อุปนายก",
    "กำนัน",
    "ผู้ใหญ่บ้าน",
    "ผู้บัญชาการ",
    "รองผู้บัญชาการ",
    "ผบ.",
    "ผู้บังคับการ",
    "ผู้บังคับบัญชา",
    "ผู้กำกับการ",
    "ผกก.",
    "สารวัตร",
    "แม่ทัพ",
    "รองแม่ทัพ",
    "เสนาธิการ",
    "ผู้บริหาร",
    "ผู้จัดการ",
    "รองผู้จัดการ",
    "กรรมการ",
    "คณบดี",
    "อธิการบดี",
    "รองอธิการบดี",
    "ผู้อำนวยการใหญ่",
    "ประธานกรรมการ",
    "เจ้าอาวาส",
    "เจ้าคณะ",
    "รองเจ้าคณะ",
    "ผู้พิพากษา",
    "อัยการ",
    "อธิบดีอัยการ",
    "พาณิชย์จังหวัด",
    "วัฒนธรรมจังหวัด",
    "สาธารณสุขจังหวัด",
    "เกษตรจังหวัด",
    "ประชาสัมพันธ์จังหวัด",
    "พัฒนาการจังหวัด",
    "ท้องถิ่นจังหวัด",
    "คลังจังหวัด",
    "แรงงานจังหวัด",
    "ศึกษาธิการ",
    "ปศุสัตว์จังหวัด",
    "ประมงจังหวัด",
    "สหกรณ์จังหวัด",
    "อุตสาหกรรมจังหวัด",
    "พลังงานจังหวัด",
    "ป้องกันจังหวัด",
    "จ่าจังหวัด",
    "อัยการจังหวัด",
    "ผู้แทน",
    "ผู้ประสานงาน",
    "นักวิชาการ",
    "นักประชาสัมพันธ์",
    "นักจัดรายการ",
    "เจ้าหน้าที่",
    "เจ้าพนักงาน",
    "ข้าราชการ",
    "ครู",
    "อาจารย์",
    "แพทย์",
    "พยาบาล",
    "ผู้ช่วย",
    "รองผู้ช่วย",
    "หน.",
    "ผช.",
    "รอง ",
    "นายทะเบียน",
    "ประชาสัมพันธ์",
    "ศึกษาธิการจังหวัด",
    "ศึกษาธิการภาค",
    "ผู้อำนวยการสำนักงาน",
    "นายแพทย์สาธารณสุข",
    "ทูต",
    "ราชเลขาธิการ",
    "องคมนตรี",
    "ประธานองคมนตรี",
    "ตุลาการ",
    "ผู้ตรวจการ",
    "นายก ",
    "นายกเหล่ากาชาด",
    "นายกกิ่งกาชาด",
    "เลขานุการ",
    "ศึกษานิเทศก์",
    "สถิติจังหวัด",
    "แม่บ้านมหาดไทย",
)
# What a position may open with beyond the heads above, where it follows a name: a
# deputy's or former holder's title, an occupation (นักวิชาการ…, นักเขียน…), ผู้…
POSITION_PREFIXES = ("รอง", "อดีต", "นัก", "ผู้", "แม่บ้าน")
# An office named after the province or district it serves holds one of these inside a
# word (สถิติจังหวัดตรัง, เกษตรอำเภอธัญบุรี); no name does.
PLACE_OFFICE_MARKERS = ("จังหวัด", "อำเภอ")

# Where a position phrase (or a name) ends: verbs and connectives, matched wherever they
# begin inside the phrase ("นายกรัฐมนตรีกล่าว…" ends before กล่าว).
POSITION_STOPS_GLUED = (
    "เป็นประธาน",
    "เป็นผู้",
    "เป็น",
    "ได้รับ",
    "ได้",
    "กล่าว",
    "เดินทาง",
    "ลงพื้นที่",
    "รับฟัง",
    "พร้อมด้วย",
    "พร้อมคณะ",
    "พร้อม",
    "โดยมี",
    "เพื่อ",
    "เปิดเผย",
    "เผยว่า",
    "แถลง",
    "ประชุม",
    "ตรวจเยี่ยม",
    "ตรวจติดตาม",
    "ตรวจราชการ",
    "มอบหมาย",
    "มอบนโยบาย",
    "นำคณะ",
    "ได้นำ",
    "ให้การต้อนรับ",
    "ให้สัมภาษณ์",
    "ให้ศึกษา",
    "ให้",
    "ต้อนรับ",
    "เข้าร่วม",
    "เข้าพบ",
    "เข้าเยี่ยม",
    "ร่วมการ",
    "ร่วมประชุม",
    "ร่วมกับ",
    "ร่วมพิธี",
    "ร่วมหารือ",
    "ปาฐกถา",
    "บรรยาย",
    "ในฐานะ",
    "รักษาการ",
    "รักษาราชการแทน",
    "ปฏิบัติหน้าที่",
    "ปฎิบัติหน้าที่",
    "ปฏิบัติราชการแทน",
    "ชี้แจง",
    "เยี่ยมชม",
    "สักการะ",
    "กราบ",
    "ลงนาม",
    "มีกำหนด",
    "ย้ำ",
    "สั่งการ",
    "หารือ",
    "เรียกประชุม",
    "พบปะ",
    "เปิดงาน",
    "เปิดการ",
    "เปิดโครงการ",
    "เปิดกิจกรรม",
    "เชิญชวน",
    "อนุญาต",
    "พบหารือ",
    "ทำหน้าที่",
    "เข้ารับ",
    "รับมอบ",
    "และคณะ",
    "และภริยา",
    "ที่ได้",
    "ที่จะ",
    "ตอบคำถาม",
    "ตอบข้อซักถาม",
    "เรียก",
)
# Words that end a position or a name when they begin a word (too short or too common to
# be cut out of the middle of one).
WORD_STOPS = (
    "ชม",
    "ขอ",
    "นำ",
    "ติดตาม",
    "ตอบ",
    "ประกาศ",
    "ยืนยัน",
    "รายงาน",
    "มอบ",
    "เผย",
    "จะ",
    "เมื่อ",
    "วันนี้",
    "เวลา",
    "ซึ่ง",
    "ณ",
    "โดย",
    "และ",
    "กับ",
    "ใน",
    "ว่า",
    "สรุป",
    "ลง",
    "ตรวจ",
    "เยี่ยม",
    "ร่วม",
    "เข้า",
    "ไป",
    "มา",
    "ที่",
    "ผ่าน",
    "ภายหลัง",
    "หลังจาก",
    "ก่อน",
    "พบ",
    "ทั้งนี้",
    "สำหรับ",
    "อีก",
    "ต่อ",
    "จึง",
    "ยัง",
    "คือ",
    "ด้วย",
    "แก่",
    "ถึง",
    "รับ",
    "ประธาน",
    "จัด",
    "เปิด",
    "ปิด",
    "แจ้ง",
    "เน้น",
    "สั่ง",
    "มี",
    "ลุก",
    "ทำ",
    "ใช้",
    "ฯลฯ",
    "วัน",
    "คณะ",
    "ทีม",
    "กลุ่ม",
)
# Words that may appear glued inside a real position; they override the stops above
# when a stop is only part of one of them (ผู้ตรวจราชการ contains ตรวจราชการ).
POSITION_STOP_EXCEPTIONS = (
    "ผู้ตรวจราชการ",
    "ผู้นำ",
    "ผู้ให้",
    "ศูนย์อำนวยการร่วม",
    "ร่วมค้นหา",
    "ผู้ได้รับ",
    "ผู้ประสานงาน",
    "ผู้แทนพิเศษ",
    "ที่ประชุม",
    "ห้องประชุม",
    "ผู้ติดตาม",
    "คณะกรรมการติดตาม",
    "ประชาสัมพันธ์",
    "นำร่อง",
    "ประชุมใหญ่",
    "ผู้เป็น",
    "ศูนย์ประสานงาน",
    "ชมรม",
    "ประชาชน",
    "คณะกรรมการประชุม",
    "ตอบโต้",
    "ขอนแก่น",
    "จะนะ",
    "ผู้ประกาศ",
    "นำเข้า",
    "นำส่ง",
    "ให้บริการ",
    "ผู้ช่วยเลขา",
    "ได้แก่",
    "เปิดเผยข้อมูล",
    "มอบหมายงาน",
    "เพื่อการ",
    "เพื่อความ",
    "เพื่อเศรษฐกิจ",
    "เพื่อสังคม",
    "เพื่อการพัฒนา",
)
# Units an office's name opens with: a verb written against one is part of the name
# (กองตรวจราชการ, สำนักตรวจสอบ, กลุ่มงานส่งเสริม…), not the end of the position.
OFFICE_UNIT_HEADS = ("กอง", "สำนัก", "กลุ่ม", "ฝ่าย", "ศูนย์", "งาน", "กรม")
# Words that continue a position though they open with a stop word (ใน…).
POSITION_CONTINUATIONS = ("ในพระราชูปถัมภ์", "ในพระบรมราชูปถัมภ์", "ในพระอุปถัมภ์", "ในสมเด็จ")
# Connective that ends a position when another position or a separate word follows.
AND_WORD = "และ"

# After a position: the person presided over the event.
CHAIR_CUES = (
    "เป็นประธานในพิธี",
    "เป็นประธานการประชุม",
    "เป็นประธานเปิด",
    "เป็นประธานฯ",
    "เป็นประธาน",
    "ประธานในพิธี",
    "ประธานการประชุม",
    "ทำหน้าที่ประธาน",
    "เป็นองค์ประธาน",
    "เป็นประธานพิธี",
    "ประธานพิธี",
)
# Between a person and the next: the next comes along with the first, who is the subject.
COMPANION_LINKS = ("พร้อมด้วย", "พร้อม", "พร้อมคณะ")
# Written between a position and its verb, naming a capacity: skipped when looking for the
# chair cue ("…ผู้ว่าราชการจังหวัด ในฐานะนายกเหล่ากาชาด… เป็นประธาน").
APPOSITION_CUES = ("ในฐานะ", "รักษาราชการแทน", "ปฏิบัติหน้าที่", "ปฎิบัติหน้าที่", "รักษาการ")
# Small words that may stand between a position and a chair cue ("ได้เป็นประธาน").
CHAIR_CUE_LEADINS = ("ได้รับเกียรติ", "ได้", "เพื่อ", "มา", "ให้เกียรติ", "ร่วม")
# A delegated chair: "X ได้รับมอบหมายจาก Y … เป็นประธาน" — X presides.
DELEGATION_CUES = ("ได้รับมอบหมายจาก", "ได้รับมอบหมาย", "รับมอบหมายจาก", "แทน")

# --- Places ---------------------------------------------------------------------------

# Words introducing a venue after ที่ (ณ introduces one by itself).
VENUE_HEADS_AFTER_THI = (
    "ห้องประชุม",
    "ห้อง",
    "หอประชุม",
    "ศาลากลาง",
    "ศาลาว่าการ",
    "อาคาร",
    "ตึก",
    "กระทรวง",
    "สำนักงาน",
    "ทำเนียบรัฐบาล",
    "บริเวณ",
    "โรงเรียน",
    "วัด",
    "มหาวิทยาลัย",
    "โรงแรม",
    "ศูนย์",
    "สนาม",
    "ลาน",
    "หอ",
    "สถานี",
    "ที่ว่าการ",
    "โรงพยาบาล",
    "สวน",
    "ท่าอากาศยาน",
    "ค่าย",
    "กองบัญชาการ",
    "หน่วย",
    "พิพิธภัณฑ์",
    "เวที",
    "รัฐสภา",
    "จวน",
    "เทศบาล",
    "องค์การบริหารส่วน",
    "อบต.",
    "อบจ.",
    "ท่าเทียบเรือ",
    "ท่าเรือ",
    "ศาลา",
    "รพ.",
    "รร.",
    "สนง.",
)
# Places so surely places that a ที่ written against the word before still introduces them
# ("…ความเดือดร้อนที่เทศบาลตำบล…").
VENUE_HEADS_AFTER_GLUED_THI = (
    "ห้องประชุม",
    "หอประชุม",
    "ศาลากลาง",
    "ศาลาว่าการ",
    "ที่ว่าการ",
    "ทำเนียบรัฐบาล",
    "เทศบาล",
    "องค์การบริหารส่วน",
)
# After ณ these are not places: "ณ วันที่", "ณ ปัจจุบัน".
NOT_VENUE_AFTER_NA = ("วันที่", "ปัจจุบัน", "ขณะนี้", "ขณะ", "เวลา", "สิ้น", "ตอนนี้", "ที่นี้")
# Words that end a venue phrase when they begin a word.
VENUE_STOPS = (
    "โดย",
    "เพื่อ",
    "พร้อม",
    "ภายหลัง",
    "หลังจาก",
    "สรุป",
    "จัดขึ้น",
    "ซึ่ง",
    "เวลา",
    "วันที่",
    "ได้",
    "เป็น",
    "ให้",
    "กล่าว",
    "และได้",
    "ในการ",
    "ในโอกาส",
    "ระหว่าง",
    "ตั้งแต่",
    "จำนวน",
    "ว่า",
    "เมื่อ",
    "วันนี้",
    "ทั้งนี้",
    "อีกทั้ง",
    "นอกจากนี้",
    "สำหรับ",
    "ภายใต้",
    "มี",
    "จาก",
    "ร่วม",
    "เข้า",
    "ที่ผ่านมา",
    "ครั้งที่",
    "พบว่า",
    "รับฟัง",
    "มอบ",
    "นำ",
    "ประชุม",
    "ตรวจ",
    "แถลง",
    "ลงนาม",
    "เปิด",
    "ดังนี้",
    "ผ่าน",
    "(ต่อ",
    "มีการ",
    "เนื่องใน",
    "ในวโรกาส",
    "ในงาน",
    "ต่อจากนั้น",
    "จากนั้น",
    "หลังจากนั้น",
    # the subject of the lead's clause, after a venue that opened it ("ณ … ข้าราชการ…ร่วม")
    "ข้าราชการ",
    "เจ้าหน้าที่",
    "หัวหน้าส่วนราชการ",
    "ประชาชน",
    "พี่น้อง",
)
# Words that may start a new line yet continue the venue of the line before.
VENUE_CONTINUATIONS = (
    "อาคาร",
    "ตึก",
    "ชั้น",
    "ห้อง",
    "ศูนย์",
    "มหาวิทยาลัย",
    "ถนน",
    "ถ.",
    "ตำบล",
    "ต.",
    "อำเภอ",
    "อ.",
    "จังหวัด",
    "จ.",
    "เขต",
    "แขวง",
    "กรุงเทพ",
    "ศาลากลาง",
    "ทำเนียบรัฐบาล",
    "หมู่",
    "สนาม",
    "บริเวณ",
    "ลาน",
    "วัด",
    "โรงเรียน",
    "โรงแรม",
    "โรงพยาบาล",
    "สำนักงาน",
    "ศาลา",
    "หอประชุม",
    "ที่ว่าการ",
    "หลัง",
    "สาขา",
    "บ้าน",
    "ซอย",
)
# Venue parts, by the word each begins with.
ROOM_HEADS = ("ห้องประชุม", "ห้อง", "หอประชุม")
FLOOR_HEADS = ("ชั้น",)
BUILDING_HEADS = ("อาคาร", "ตึก")
# Places named after a person: an honorific right after one of these is the place's name.
NAMED_PLACE_HEADS = (*ROOM_HEADS, *BUILDING_HEADS, "หอ", "ศาลา", "ลาน", "สนาม", "ศูนย์", "ถนน")
SUBDISTRICT_HEADS = ("ตำบล", "ต.", "แขวง")
SUBDISTRICT_HEADS_IN_FULL = ("ตำบล", "แขวง")
# Place names that are function words: "ระดับตำบลและอำเภอ" names no subdistrict และ.
PLACE_NAMES_NOT_READ = ("และ", "หรือ", "ของ", "กับ", "ละ", "ที่")
DISTRICT_HEADS = ("อำเภอ", "อ.", "เขต")
PROVINCE_HEADS = ("จังหวัด", "จ.", "จว.")
# Words that may follow a district's or subdistrict's name glued to it (`บางใหญ่จังหวัด…`).
ADMIN_NAME_FOLLOWERS = ("จังหวัด", "จ.", "อำเภอ", "อ.", "ตำบล", "ต.", "หมู่", "ถนน", "ประจำ")
STREET_HEADS = ("ถนน", "ถ.", "หมู่ที่", "หมู่", "ซอย")
# What an address's parts open with (no name holds one of these words).
ADDRESS_HEADS = (*STREET_HEADS, "บ้านเลขที่", "ตำบล", "อำเภอ", "จังหวัด")
BANGKOK_FORMS = ("กรุงเทพมหานคร", "กรุงเทพฯ", "กรุงเทพ", "กทม.")
# The forms that end an address (กรุงเทพ alone also opens names: โรงแรม… กรุงเทพ สุขุมวิท).
ADDRESS_BANGKOK_FORMS = ("กรุงเทพมหานคร", "กรุงเทพฯ", "กทม.")

# Landmarks whose province is known though the text does not name it.
# (regex, province code); regexes tolerate the typos seen in real pages.
LANDMARK_PROVINCES: tuple[tuple[str, str], ...] = (
    (r"ท[ำา]?เนียบรัฐบาล|ทำนียบรัฐบาล", "10"),
    (r"รัฐสภา\s*\(?เกียกกาย|อาคารรัฐสภา", "10"),
    (r"ศูนย์ราชการเฉลิมพระเกียรติ\S*\s+(?:ถนน)?แจ้งวัฒนะ", "10"),
)

# Verbs after which a province names where the event is: a visit or a trip there.
TRAVEL_CUES = (
    "ลงพื้นที่",
    "เดินทางไปยัง",
    "เดินทางมายัง",
    "เดินทางไป",
    "เดินทางมา",
    "ตรวจราชการ",
    "ตรวจเยี่ยม",
    "ตรวจติดตาม",
)
# How far after a travel cue its province may be named, in characters.
TRAVEL_REACH = 80
# Positions that govern a province or a district: the province they name is where their
# office is, and most often where the event is.
GOVERNING_POSITIONS = (
    "ผู้ว่าราชการจังหวัด",
    "รองผู้ว่าราชการจังหวัด",
    "ผู้ช่วยผู้ว่าราชการจังหวัด",
    "ผวจ.",
    "รองผวจ.",
    "รอง ผวจ.",
    "ปลัดจังหวัด",
    "รองปลัดจังหวัด",
    "หัวหน้าสำนักงานจังหวัด",
    "นายอำเภอ",
    "ปลัดอำเภอ",
    "นอภ.",
)
# Words written against a province's name that make it a provincial body's (อบจ.ตรัง,
# เทศบาลนครตรัง, สสจ.ตรัง) or the province's own district (อำเภอเมืองตรัง).
PROVINCIAL_BODY_ABBREVIATIONS = (
    "อบจ.",
    "สสจ.",
    "สพป.",
    "สพม.",
    "ปชส.",
    "ผวจ.",
    "กศน.",
    "พมจ.",
    "ทสจ.",
    "สนจ.",
    "เทศบาลนคร",
    "เทศบาลเมือง",
    "ทน.",
    "ทม.",
    "อำเภอเมือง",
    "อ.เมือง",
)

# --- Organisations, programmes, networks ------------------------------------------------

ORGANIZATION_HEADS = (
    "กระทรวง",
    "กรม",
    "สำนักงาน",
    "สำนัก",
    "ศูนย์",
    "มหาวิทยาลัย",
    "องค์การ",
    "สถาบัน",
    "สมาคม",
    "มูลนิธิ",
    "บริษัท",
    "การไฟฟ้า",
    "การประปา",
    "การท่องเที่ยว",
    "เทศบาล",
    "โรงเรียน",
    "โรงพยาบาล",
    "สภา",
    "คณะกรรมการ",
    "กองทัพ",
    "กองบัญชาการ",
    "ธนาคาร",
    "สหกรณ์",
    "ชมรม",
    "วิทยาลัย",
    "สถานีวิทยุ",
    "สถานีตำรวจ",
    "กองทุน",
    "ที่ทำการ",
    "หอการค้า",
    "สภาอุตสาหกรรม",
    "เหล่ากาชาด",
    "สำนักงานประชาสัมพันธ์",
)
# What a provincial body's name opens with, written against its จังหวัดX: an office, a hall,
# a council, or the title of the office's head (สำนักงานสาธารณสุขจังหวัดX, ศาลากลางจังหวัดX,
# ผู้ว่าราชการจังหวัดX); `ที่จังหวัดX`, `ในจังหวัดX` only name the province.
PROVINCIAL_BODY_HEADS = (
    *ORGANIZATION_HEADS,
    *GOVERNING_POSITIONS,
    "ศาลากลาง",
    "จวน",
    "กาชาด",
    "เหล่ากาชาด",
    "ประชาสัมพันธ์",
    "สาธารณสุข",
    "แรงงาน",
    "พาณิชย์",
    "วัฒนธรรม",
    "เกษตร",
    "ปศุสัตว์",
    "ประมง",
    "สหกรณ์",
    "อุตสาหกรรม",
    "พลังงาน",
    "ท้องถิ่น",
    "พัฒนาการ",
    "สถิติ",
    "คลัง",
    "ยุติธรรม",
    "ศึกษาธิการ",
    "ท่องเที่ยวและกีฬา",
    "คณะกรมการ",
    "กองอำนวยการ",
)
# An organisation phrase ends where one of these begins (glued or not).
ORGANIZATION_STOPS = (
    "และกรอบ",
    "เข้าร่วม",
    "ร่วม",
    "เพื่อ",
    "โดย",
    "ได้",
    "เป็น",
    "ให้",
    "ที่",
    "ซึ่ง",
    "ใน",
    "จัด",
    "กับ",
    "พร้อม",
    "ต่อ",
    "ตาม",
    "ว่า",
    "ของตน",
    "ทั้ง",
)
# Words that may precede an organisation glued to it.
ORGANIZATION_GLUE_BEFORE = (
    "เจ้าหน้าที่",
    "ผู้บริหาร",
    "ผู้แทน",
    "ของ",
    "จาก",
    "กับ",
    "และ",
    "โดย",
    "ร่วมกับ",
    "ณ",
    "ที่",
    "ภายใต้",
)
PROGRAM_HEADS: tuple[tuple[str, str], ...] = (
    ("โครงการ", "project"),
    ("แผนปฏิบัติการ", "plan"),
    ("แผนพัฒนา", "plan"),
    ("แผนแม่บท", "plan"),
    ("แผนยุทธศาสตร์", "plan"),
    ("แผนปฏิรูป", "plan"),
    ("แผนงาน", "plan"),
    ("แผนบูรณาการ", "plan"),
    ("แผนการ", "plan"),
    ("แผนป้องกัน", "plan"),
    ("แผนเผชิญเหตุ", "plan"),
    ("แผนชาติ", "plan"),
    ("แผนแห่งชาติ", "plan"),
    ("ยุทธศาสตร์ชาติ", "strategy"),
    ("ยุทธศาสตร์", "strategy"),
)
# Heads that are a programme's whole name (the National Strategy, the national plan).
PROGRAM_SELF_NAMED = ("ยุทธศาสตร์ชาติ", "แผนแห่งชาติ", "แผนชาติ")
# Heads that name a programme only with a quote, a year or a phase (else "แผนการดำเนินงาน…",
# a plan of something).
PROGRAM_WEAK_HEADS = ("แผนการ", "แผนงาน")
# Words after a head that refer to a programme or describe one instead of naming it
# (โครงการนี้, โครงการดังกล่าว, โครงการในครั้งนี้, โครงการที่เกิน…, โครงการต่างๆ).
PROGRAM_NOT_NAMES = (
    "นี้",
    "ดังกล่าว",
    "ใน",
    "ที่",
    "ต่าง",
    "ของ",
    "ด้วย",
    "ครั้ง",
    "ทั้ง",
    "และ",
    "หรือ",
    "เหล่านี้",
    "นั้น",
    "ได้",
    "จะ",
    "เพื่อ",
    "ซึ่ง",
)
PROGRAM_GLUE_BEFORE = ("ภายใต้", "ตาม", "ของ", "และ", "ใน", "การ", "เปิด", "ร่วม", "สนอง")
# Where a programme's name ends inside a word (it always ends at white space).
PROGRAM_STOPS = ("เพื่อ", "โดยมี", "โดย", "ซึ่ง", "ประจำปี", "ระยะที่", "ครั้งที่", "ณ ")
NETWORK_WORD = "เครือข่าย"
NETWORK_LIST_INTRODUCERS = ("ประกอบด้วย", "ได้แก่", "คือ", "(")
NETWORK_LIST_STOPS = ("เพื่อ", "โดย", "ซึ่ง", "ผู้บริหาร", "เข้าร่วม", "ร่วม", "ในการ", "ที่")

# --- Credits -------------------------------------------------------------------------

# Words that name a contribution to a story, and what each contributes: `report` (the
# story's text), `compile` (text written up from others' material), `summary`, `photo`,
# `source` (the facts); `other` (graphics) gives no role of its own. Several join into one
# compound (`ภาพ/ข่าว`, `ข่าว-ภาพ`, `ภาพและข่าว`, `สรุป/รายงาน`, `ภาพข่าวและเนื้อหาข่าว`).
CREDIT_ROLE_WORDS: dict[str, str] = {
    "ข่าว": "report",
    "รายงาน": "report",
    "เนื้อหาข่าว": "report",
    "เนื้อหา": "report",
    "ภาพ": "photo",
    "ถ่ายภาพ": "photo",
    "ภาพข่าว": "photo",
    "ภาพถ่าย": "photo",
    "ภาพประกอบ": "photo",
    "เรียบเรียง": "compile",
    "เขียน": "compile",
    "สรุป": "summary",
    "ข้อมูล": "source",
    "กราฟิก": "other",
}
# What a compound with text in it credits, the first kind it holds deciding: one who
# compiles the text is its author even where they report too (`รายงาน/เรียบเรียง`), one who
# reports and sums up is its reporter (`สรุป/รายงาน`). Text and photos give
# reporter_photographer, photos alone photographer, the facts alone source.
CREDIT_TEXT_ROLES: tuple[tuple[str, str], ...] = (
    ("compile", "author"),
    ("report", "reporter"),
    ("summary", "author"),
)
# The role words that open a line as its label alone, before a colon or โดย (`ข่าว : …`,
# `เรียบเรียงโดย …`). Others open ordinary lines as well: `สรุป : ที่ประชุมมีมติ…`,
# `รายงานโดย X มีจำนวน…`, a caption `ภาพข่าว : เปิดกิจกรรม…`. A compound of two role words
# or more is a label wherever it opens a line.
CREDIT_LABEL_WORDS = ("ข่าว", "ภาพ", "ถ่ายภาพ", "ภาพถ่าย", "เรียบเรียง", "เขียน")
# Labels that are no role word: who sent, posted or edited the story, and their roles.
CREDIT_OTHER_LABELS: tuple[tuple[str, str], ...] = (
    ("ข่าวจาก", "source"),
    ("ที่มา", "source"),
    ("แหล่งข่าว", "source"),
    ("หน่วยงาน", "source"),  # a news page's metadata field: the office that posted it
    ("ผู้โพสต์", "author"),  # the same: the account that posted it
    ("ผู้โพส", "author"),
    ("ผู้เขียน", "author"),
    ("บรรณาธิการข่าว", "editor"),
    ("บรรณาธิการ", "editor"),
    ("บก.ข่าว", "editor"),
)
# The press offices that sign a story with their name alone on a line (`(ส.ปชส.ตราด)`,
# `สวท.น่าน`): abbreviations written against the province or station they serve,
CREDIT_AGENCY_ABBREVIATIONS = ("ส.ปชส.", "สปชส.", "ปชส.", "สวท.", "สพจ.")
# and names written in full before the province.
CREDIT_AGENCY_HEADS = (
    "สำนักงานประชาสัมพันธ์จังหวัด",
    "ประชาสัมพันธ์จังหวัด",
    "สถานีวิทยุกระจายเสียงแห่งประเทศไทยจังหวัด",
)
# Words a phrase opens with and a name never does: a short closing line that ends in a
# role word (`จากนั้นร่วมกัน ถ่ายภาพ`) is no name-first credit when it opens with one.
CREDIT_NAME_FALSE_STARTS = (
    "ร่วม",
    "ได้",
    "และ",
    "หรือ",
    "ที่",
    "ซึ่ง",
    "โดย",
    "เพื่อ",
    "จึง",
    "จากนั้น",
    "พร้อม",
    "ให้",
    "ทั้งนี้",
    "ขอบคุณ",
    "อ่าน",
    "ติดตาม",
    "คลิก",
    "เช่น",
)

# --- Page chrome ------------------------------------------------------------------------

# Lines that are site chrome wherever they stand.
CHROME_LINES = (
    "ฟังวิทยุออนไลน์",
    "image รูปภาพ",
    "image",
    "รูปภาพ",
    "คะแนนโหวต :",
    "คะแนนโหวต",
    "บทความที่น่าสนใจ",
    "บทความยอดนิยม",
    "พิมพ์",
    "แชร์",
    "Share",
    "Tweet",
    "หน้าแรก",
    "..",
    "...",
    "ข่าวที่เกี่ยวข้อง",
    "ดาวน์โหลด",
    "Facebook",
    "Twitter",
    "Line",
)
# A line starting with one of these ends the article: what follows is gallery, rating or
# related lists.
CHROME_TAIL_STARTS = (
    "image รูปภาพ",
    "คะแนนโหวต",
    "บทความที่น่าสนใจ",
    "บทความยอดนิยม",
    "ข่าวที่เกี่ยวข้อง",
    "แท็กที่เกี่ยวข้อง",
    "Tags :",
    "แท็ก :",
)
# Page metadata lines (read counts, bylines) that are not body text.
META_LINE_MARKERS = ("จำนวนคนอ่าน", "เข้าชม :", "อ่าน :", "ผู้เข้าชม", "จำนวนผู้เข้าชม")
# Words beside a date that make its line the page's own (a read counter, a posting stamp).
PAGE_DATE_MARKERS = ("views", "Views", "อ่าน", "เข้าชม", "โพสต์", "Posted", "|")

# --- Sites -------------------------------------------------------------------------------

# Site slugs that are not the province's English name run together (the rest are:
# nongkhai.prd.go.th -> Nong Khai). Values are DOPA province codes.
SITE_SLUG_PROVINCES: dict[str, str] = {
    "ayutthaya": "14",
    "bangkok": "10",
    "korat": "30",
    "nakhonratchasima": "30",
}
# What a provincial agency's host may add to its province's name (`koratpao.go.th`).
HOST_PROVINCE_SUFFIXES = ("pao", "ppho", "pho", "city", "province", "hosp")
