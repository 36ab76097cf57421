"""Built-in sample pages, written for this project (not copied from any site), one per
template: the offline demo's input until the replica serves a whole platform."""

from crawler.replica.pages import (
    ArticlePage,
    ewt_article_html,
    prd_article_html,
    regional_article_html,
)

SAMPLES: tuple[tuple[str, str], ...] = (
    (
        "https://nongkhai.prd.go.th/th/content/category/detail/id/9/iid/100001",
        prd_article_html(
            ArticlePage(
                title="จังหวัดหนองคายประชุมขับเคลื่อนแผนพัฒนาจังหวัด ปีงบประมาณ 2566",
                paragraphs=[
                    "วันนี้ (19 ม.ค.66) เวลา 09.30 น. นายสมชาย ตัวอย่าง รองผู้ว่าราชการจังหวัดหนองคาย "
                    "เป็นประธานการประชุมขับเคลื่อนแผนพัฒนาจังหวัด ระยะที่ 2 พ.ศ.2566-2570 "
                    "ณ ห้องประชุม 301 ชั้น 3 อาคารศาลากลางจังหวัดหนองคาย โดยมีหน่วยงานแกนนำ "
                    "3 เครือข่าย (เครือข่ายภาครัฐ เครือข่ายธุรกิจเอกชน และเครือข่ายสื่อมวลชน) เข้าร่วม",
                ],
                published_iso="2023-01-19T15:00:00+07:00",
                credit_line="ข่าว : สมหญิง ตัวอย่าง ภาพ : สมศักดิ์ ตัวอย่าง บรรณาธิการข่าว : สมใจ ตัวอย่าง",
            )
        ),
    ),
    (
        "https://pr.prd.go.th/phayao/ewt_news.php?nid=5&filename=index",
        ewt_article_html(
            "พะเยา",
            "พะเยาจัดอบรมอาสาสมัคร",
            "วันที่ 27 พ.ค. 2563",
            "สมพร ตัวอย่าง",
            [
                "เมื่อวันที่ 26 พ.ค. 63 เวลา 13.00 น. ณ หอประชุมอำเภอเมืองพะเยา จังหวัดพะเยา "
                "นางสาวสมรัก ตัวอย่าง นายอำเภอเมืองพะเยา เป็นประธานในพิธีเปิดการอบรมอาสาสมัคร",
            ],
        ),
    ),
    (
        "https://region3.prd.go.th/region3_ci/phrae/news/77",
        regional_article_html(
            "สวท.แพร่",
            "แพร่ลงพื้นที่ตรวจเยี่ยมโครงการ",
            "24 ก.พ. 2564",
            [
                "วันนี้ (24 ก.พ. 64) เวลา 10.00 น. พันตำรวจเอกสมบัติ ตัวอย่าง ผู้กำกับการสถานีตำรวจ"
                "ภูธรเมืองแพร่ ลงพื้นที่ตรวจเยี่ยมโครงการ ณ บริเวณลานวัดพระธาตุ ตำบลช่อแฮ อำเภอเมืองแพร่ "
                "จังหวัดแพร่",
            ],
        ),
    ),
)
