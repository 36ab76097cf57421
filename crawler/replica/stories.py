"""A deterministic generator of Thai PR meeting stories, written for this project, each with
its true record: what a perfect extractor reads from it. The same (site, item) always gives
the same story. Stories cover the date forms, honorifics, venue patterns and credit variants
of notes/prd-platform.md; the names are invented."""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from crawler.replica.pages import MONTHS_TH, WEEKDAYS_TH

BANGKOK_TIME = timezone(timedelta(hours=7))
MONTHS_ABBR = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
# Invented given names and surnames.
GIVEN = (
    "สมชาย",
    "ประเสริฐ",
    "วิไลวรรณ",
    "ธนพล",
    "กิตติศักดิ์",
    "มาลัย",
    "อรุณี",
    "ชยพล",
    "สุรเชษฐ์",
    "พิมพ์ชนก",
    "ณัฐวุฒิ",
    "จิราพร",
)
SURNAMES = (
    "ศรีสวัสดิ์",
    "ทองมา",
    "วงศ์ใหญ่",
    "แก้วประเสริฐ",
    "บุญเรือง",
    "สายทอง",
    "พรหมมา",
    "จันทร์เพ็ญ",
    "ศักดิ์ดี",
    "มีสุข",
)
# (honorific, whether it is written glued to the name)
HONORIFICS = (
    ("นาย", True),
    ("นาง", True),
    ("นางสาว", True),
    ("ดร.", True),
    ("ผศ.ดร.", True),
    ("พล.ต.อ.", True),
    ("พ.ต.อ.", True),
    ("ว่าที่ ร.ต.", True),
    ("นายแพทย์", True),
)
POSITIONS = (
    "ผู้ว่าราชการจังหวัด{p}",
    "รองผู้ว่าราชการจังหวัด{p}",
    "ปลัดจังหวัด{p}",
    "ประชาสัมพันธ์จังหวัด{p}",
    "นายอำเภอเมือง{p}",
)
MEETINGS = (
    "การประชุมคณะกรรมการพัฒนาจังหวัด",
    "การประชุมขับเคลื่อนแผนพัฒนาจังหวัด",
    "การประชุมคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ",
    "การประชุมหัวหน้าส่วนราชการ",
)
NETWORKS = ("เครือข่ายภาครัฐ", "เครือข่ายธุรกิจเอกชน", "เครือข่ายสื่อมวลชน", "เครือข่ายภาคประชาชน")
CATEGORIES = ("ข่าวทั่วไป", "ข่าวกิจกรรม")


@dataclass(frozen=True)
class Truth:
    """What the extractor must read from the story (None: the story does not say)."""

    title: str
    event_date: date
    event_time: str
    event_type: str
    province_code: str
    chair_honorific: str
    chair_name: str
    chair_position: str
    venue: str
    venue_room: str | None
    venue_floor: str | None
    networks: tuple[str, ...]
    networks_stated_count: int | None
    credits: tuple[tuple[str, str], ...]  # (role, name)


@dataclass(frozen=True)
class Story:
    site: str
    item: int
    category: str
    title: str
    paragraphs: tuple[str, ...]
    published: datetime
    credit_line: str | None
    images: tuple[str, ...] = field(default=())
    truth: Truth | None = None


def story(site: str, item: int, province_th: str, province_code: str, published: date) -> Story:
    """Story number `item` of a site; `published` is its day on the site."""
    rng = random.Random(f"{site}:{item}")
    event_day = published - timedelta(days=rng.choice((0, 0, 0, 1, 2)))
    hour, minute = rng.choice(((9, 0), (9, 30), (10, 0), (13, 30), (14, 0)))
    when, clock = _date_phrase(rng, event_day, published), _time_phrase(rng, hour, minute)
    honorific, glued = rng.choice(HONORIFICS)
    name = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
    position = rng.choice(POSITIONS).format(p=province_th)
    meeting = rng.choice(MEETINGS)
    venue, room, floor = _venue(rng, province_th)
    networks = tuple(rng.sample(NETWORKS, rng.choice((2, 3))))
    listed = " ".join(networks[:-1]) + " และ" + networks[-1]
    n = len(networks)
    lead = (
        f"{when} {clock} {honorific}{'' if glued else ' '}{name} {position} "
        f"เป็นประธาน{meeting} ครั้งที่ {1 + item % 12}/{published.year + 543} "
        f"ณ {venue} โดยมีหน่วยงานแกนนำ {n} เครือข่าย ({listed}) เข้าร่วม"
    )
    follow = (
        f"ที่ประชุมได้ติดตามความก้าวหน้าของการดำเนินงานตามแผนพัฒนาจังหวัด{province_th} "
        f"ระยะที่ 2 พ.ศ.2566-2570 และโครงการประจำปีงบประมาณ {published.year + 543} "
        "และมอบหมายให้ทุกหน่วยงานรายงานผลในการประชุมครั้งต่อไป"
    )
    credit_line, credits = _credits(rng, province_th)
    title = f"จังหวัด{province_th}จัด{meeting.removeprefix('การ')} ครั้งที่ {1 + item % 12}"
    stamp = datetime.combine(published, time(15, rng.randrange(60)), BANGKOK_TIME)
    truth = Truth(
        title=title,
        event_date=event_day,
        event_time=f"{hour:02d}:{minute:02d}",
        event_type="meeting",
        province_code=province_code,
        chair_honorific=honorific,
        chair_name=name,
        chair_position=position,
        venue=venue,
        venue_room=room,
        venue_floor=floor,
        networks=networks,
        networks_stated_count=n,
        credits=credits,
    )
    images = tuple(
        f"/th/file/get/file/{published:%Y%m%d}{item:032x}{150000 + k}.jpg"
        for k in range(rng.choice((1, 2, 3)))
    )
    return Story(
        site,
        item,
        CATEGORIES[item % len(CATEGORIES)],
        title,
        (lead, follow),
        stamp,
        credit_line,
        images,
        truth,
    )


def _date_phrase(rng: random.Random, day: date, published: date) -> str:
    be = day.year + 543
    forms = [
        f"วันนี้ ({day.day} {MONTHS_ABBR[day.month - 1]}{be % 100})",
        f"เมื่อวันที่ {day.day} {MONTHS_TH[day.month - 1]} {be}",
        f"วัน{WEEKDAYS_TH[day.weekday()]}ที่ {day.day} {MONTHS_TH[day.month - 1]} {be}",
        f"เมื่อวันที่ {day.day} {MONTHS_ABBR[day.month - 1]} {be % 100}",
        f"วัน{WEEKDAYS_TH[day.weekday()]}ที่ {day.day} {MONTHS_TH[day.month - 1]} {be}".translate(
            THAI_DIGITS
        ),
    ]
    forms += [
        f"เมื่อวันที่ {day.day:02d}-{day.month:02d}-{be % 100}",  # numeric, BE year
        f"เมื่อวันที่ {day.day} {MONTHS_TH[day.month - 1]} {day.year}",  # CE year
        f"วันที่{day.day}{MONTHS_ABBR[day.month - 1].replace('.', '')}{be % 100}",  # no dots
    ]
    if day == published:
        forms.append(f"วันนี้ ({day.day} {MONTHS_ABBR[day.month - 1]})")  # no year: the page's
    if (published - day).days == 1:
        forms.append(f"วานนี้ ({day.day} {MONTHS_ABBR[day.month - 1]} {be % 100})")
    return rng.choice(forms)


def _time_phrase(rng: random.Random, hour: int, minute: int) -> str:
    forms = [
        f"เวลา {hour:02d}.{minute:02d} น.",
        f"เวลา {hour:02d}.{minute:02d}น.",
        f"เวลาประมาณ {hour:02d}.{minute:02d} น.",
        f"เวลา {hour:02d}:{minute:02d} น.",
    ]
    return rng.choice(forms)


def _venue(rng: random.Random, province_th: str) -> tuple[str, str | None, str | None]:
    room = rng.choice(("NK1407", "301", "1", "2"))
    floor = rng.choice(("2", "3", "4"))
    hall = f"ห้องประชุมศาลากลางจังหวัด{province_th}"
    district_hall = f"หอประชุมอำเภอเมือง{province_th}"
    forms = [  # (venue as written, its room, its floor): a named hall is the room
        (f"ห้องประชุม {room} ชั้น {floor} อาคารศาลากลางจังหวัด{province_th}", room, floor),
        (hall, hall, None),
        (f"{district_hall} จังหวัด{province_th}", district_hall, None),
    ]
    return rng.choice(forms)


def _credits(rng: random.Random, province_th: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    reporter = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
    photographer = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
    office = f"สปชส.{province_th}"
    forms = [
        (
            f"ข่าว : {reporter} ภาพ : {photographer} บรรณาธิการข่าว : {office}",
            (("reporter", reporter), ("photographer", photographer), ("editor", office)),
        ),
        (f"ภาพ/ข่าว : {reporter}", (("reporter_photographer", reporter),)),
        (f"ข่าวจาก : {office}", (("source", office),)),
        (f"ข่าว/ภาพ : สวท.{province_th}", (("reporter_photographer", f"สวท.{province_th}"),)),
        (
            f"ข่าว : กลุ่มงานสารสนเทศฯ สพจ.{province_th}",
            (("reporter", f"กลุ่มงานสารสนเทศฯ สพจ.{province_th}"),),
        ),
    ]
    return rng.choice(forms)
