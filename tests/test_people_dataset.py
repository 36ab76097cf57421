"""People and positions over a dataset the real command wrote: one governor under three
spellings (and promoted from deputy elsewhere), two namesakes in two provinces, and two
governors of one province in succession, read through `thaipr.connect` and `thaipr query`."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import thaipr
from crawler.replica.pages import ArticlePage, prd_article_html
from output import people

# (file, headline, lead): pages written for this test; each lead names its event's date.
PAGES = [
    (
        "loei-deputy",
        "ประชุมคณะกรรมการจังหวัดเลย",
        "วันนี้ (1 เม.ย.65) เวลา 09.30 น. นายสมศักดิ์ คำดี รองผู้ว่าราชการจังหวัดเลย "
        "เป็นประธานการประชุมคณะกรรมการพัฒนาจังหวัด ณ ห้องประชุม ศาลากลางจังหวัดเลย",
    ),
    (
        "nongkhai-governor-1",
        "ประชุมกรมการจังหวัดหนองคาย",
        "วันนี้ (19 ม.ค.66) เวลา 09.30 น. นายสมศักดิ์ คำดี ผู้ว่าราชการจังหวัดหนองคาย "
        "เป็นประธานการประชุมกรมการจังหวัด ณ ห้องประชุม ศาลากลางจังหวัดหนองคาย",
    ),
    (
        "nongkhai-governor-2",
        "เปิดงานกาชาดจังหวัดหนองคาย",
        "วันนี้ (15 ก.พ.66) เวลา 10.00 น. ดร.สมศักดิ ค\u0e4d\u0e32ดี ผวจ.หนองคาย "
        "เป็นประธานการประชุมคณะกรรมการจัดงาน ณ ห้องประชุม ศาลากลางจังหวัดหนองคาย",
    ),
    (
        "nongkhai-governor-3",
        "ประชุมหัวหน้าส่วนราชการจังหวัดหนองคาย",
        "วันนี้ (10 มี.ค.66) เวลา 13.30 น. นายสมศักดิ์คำ ดี ผู้ว่าฯ "
        "เป็นประธานการประชุมหัวหน้าส่วนราชการ ณ หอประชุมศาลากลางจังหวัดหนองคาย",
    ),
    (
        "nongkhai-namesake",
        "ประชุมสภาองค์การบริหารส่วนตำบลโพนสว่าง",
        "วันนี้ (1 พ.ค.66) เวลา 09.00 น. นายประสิทธิ์ มีสุข นายกองค์การบริหารส่วนตำบลโพนสว่าง "
        "อำเภอเมืองหนองคาย เป็นประธานการประชุมสภา ณ ห้องประชุม ที่ทำการองค์การบริหารส่วนตำบลโพนสว่าง",
    ),
    (
        "songkhla-namesake",
        "ประชุมคณะกรรมการบริหารโรงพยาบาลสงขลา",
        "วันนี้ (1 มิ.ย.66) เวลา 09.00 น. นายประสิทธิ์ มีสุข ผู้อำนวยการโรงพยาบาลสงขลา "
        "เป็นประธานการประชุมคณะกรรมการบริหาร ณ ห้องประชุม โรงพยาบาลสงขลา จังหวัดสงขลา",
    ),
    (
        "songkhla-governor-a1",
        "ประชุมกรมการจังหวัดสงขลา",
        "วันนี้ (3 เม.ย.66) เวลา 09.30 น. นายวิชัย ทองคำ ผู้ว่าราชการจังหวัดสงขลา "
        "เป็นประธานการประชุมกรมการจังหวัด ณ ห้องประชุม ศาลากลางจังหวัดสงขลา",
    ),
    (
        "songkhla-governor-a2",
        "ประชุมคณะกรรมการจังหวัดสงขลา",
        "วันนี้ (7 ส.ค.66) เวลา 09.30 น. นายวิชัย ทองคำ ผู้ว่าราชการจังหวัดสงขลา "
        "เป็นประธานการประชุมคณะกรรมการ ณ ห้องประชุม ศาลากลางจังหวัดสงขลา",
    ),
    (
        "songkhla-governor-b1",
        "ประชุมกรมการจังหวัดสงขลา",
        "วันนี้ (5 ก.พ.67) เวลา 09.30 น. นางสาวมาลี ศรีสุข ผู้ว่าราชการจังหวัดสงขลา "
        "เป็นประธานการประชุมกรมการจังหวัด ณ ห้องประชุม ศาลากลางจังหวัดสงขลา",
    ),
    (
        "songkhla-governor-b2",
        "ประชุมคณะกรรมการจังหวัดสงขลา",
        "วันนี้ (6 พ.ค.67) เวลา 09.30 น. นางสาวมาลี ศรีสุข ผวจ.สงขลา "
        "เป็นประธานการประชุมคณะกรรมการ ณ ห้องประชุม ศาลากลางจังหวัดสงขลา",
    ),
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "thaipr", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pages = tmp_path_factory.mktemp("pages")
    out = tmp_path_factory.mktemp("data") / "d"
    paths = []
    for name, title, lead in PAGES:
        path = pages / f"{name}.html"
        path.write_text(prd_article_html(ArticlePage(title=title, paragraphs=[lead])), "utf-8")
        paths.append(str(path))
    result = run("extract", "--out", str(out), *paths)
    assert result.returncode == 0, result.stderr
    return out


def rows(data: Path, sql: str) -> list[dict[str, object]]:
    result = thaipr.connect(data).sql(sql)
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def test_one_governor_under_three_spellings_is_one_person(data: Path) -> None:
    [person] = rows(data, "SELECT * FROM people WHERE name LIKE 'สมศักดิ%'")
    assert person["names"] == ["สมศักดิ คําดี", "สมศักดิ์ คำดี", "สมศักดิ์คำ ดี"]
    assert person["honorifics"] == ["ดร.", "นาย"]
    assert person["name"] == "สมศักดิ์ คำดี"  # the spelling seen most
    assert (person["articles"], person["meetings"], person["chaired"]) == (4, 4, 4)
    assert person["provinces"] == ["TH-42", "TH-43"]


def test_a_promotion_reads_as_positions_in_order(data: Path) -> None:
    held = rows(
        data,
        "SELECT p.position_norm, p.province_code, p.first_seen::VARCHAR AS first, "
        "p.last_seen::VARCHAR AS last FROM positions p JOIN people USING (person_id) "
        "WHERE people.name = 'สมศักดิ์ คำดี' ORDER BY p.first_seen",
    )
    assert held == [
        {
            "position_norm": "รองผู้ว่าราชการจังหวัด",
            "province_code": "TH-42",
            "first": "2022-04-01",
            "last": "2022-04-01",
        },
        {
            "position_norm": "ผู้ว่าราชการจังหวัด",
            "province_code": "TH-43",
            "first": "2023-01-19",
            "last": "2023-03-10",
        },
    ]


def test_the_governor_named_by_title_alone_takes_the_articles_province(data: Path) -> None:
    [mention] = rows(
        data,
        "SELECT position, position_norm, position_province, position_province_source "
        "FROM person_mentions WHERE position = 'ผู้ว่าฯ'",
    )
    assert mention == {
        "position": "ผู้ว่าฯ",
        "position_norm": "ผู้ว่าราชการจังหวัด",
        "position_province": "TH-43",
        "position_province_source": "article",
    }


def test_namesakes_in_two_provinces_are_two_people(data: Path) -> None:
    people = rows(
        data,
        "SELECT person_id, provinces, positions[1].position_org AS org FROM people "
        "WHERE name = 'ประสิทธิ์ มีสุข' ORDER BY person_id",
    )
    assert [(p["provinces"], p["org"]) for p in people] == [
        (["TH-43"], "องค์การบริหารส่วนตำบลโพนสว่าง"),
        (["TH-90"], "โรงพยาบาลสงขลา"),
    ]
    first, second = (str(p["person_id"]) for p in people)
    assert first.rsplit("-", 2)[0] == second.rsplit("-", 2)[0]  # one name's hash
    assert (first[-8:], second[-8:]) == ("-43-2023", "-90-2023")  # where and when first seen


def test_the_succession_of_governors_reads_in_order(data: Path) -> None:
    succession = rows(
        data,
        "SELECT name, first_seen::VARCHAR AS first, last_seen::VARCHAR AS last, chaired "
        "FROM positions WHERE province_code = 'TH-90' AND position_norm = 'ผู้ว่าราชการจังหวัด'",
    )
    assert succession == [
        {"name": "วิชัย ทองคำ", "first": "2023-04-03", "last": "2023-08-07", "chaired": 2},
        {"name": "มาลี ศรีสุข", "first": "2024-02-05", "last": "2024-05-06", "chaired": 2},
    ]


def test_every_official_has_a_person(data: Path) -> None:
    counts = rows(
        data,
        "SELECT (SELECT count(*) FROM officials) AS officials, "
        "(SELECT count(*) FROM person_mentions) AS mentions, "
        "(SELECT count(DISTINCT person_id) FROM person_mentions) AS people, "
        "(SELECT count(*) FROM people) AS rows",
    )
    assert counts == [{"officials": 10, "mentions": 10, "people": 5, "rows": 5}]


def test_the_command_line_reads_the_same_views(data: Path) -> None:
    result = run(
        "query",
        "--data",
        str(data),
        "--format",
        "json",
        "SELECT name, province_code FROM positions WHERE position_norm = 'ผู้ว่าราชการจังหวัด'",
    )
    assert result.returncode == 0, result.stderr
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"name": "สมศักดิ์ คำดี", "province_code": "TH-43"},
        {"name": "วิชัย ทองคำ", "province_code": "TH-90"},
        {"name": "มาลี ศรีสุข", "province_code": "TH-90"},
    ]


@pytest.mark.parametrize("table", ["people", "positions"])
def test_read_table_takes_the_new_views(data: Path, table: str) -> None:
    assert thaipr.read_table(data, table).num_rows > 0


def readme_people_questions() -> list[tuple[str, str]]:
    """The README's research questions that read the person views."""
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = text.split("## Research questions")[1].split("\n## ")[0]
    found = re.findall(r"\*\*(.+?)\*\*[^\n]*\n\n```sql\n(.+?)```", section, re.S)
    return [
        (h, sql) for h, sql in found if re.search(r"\b(positions|person_mentions|people)\b", sql)
    ]


def test_the_readme_people_questions_answer(data: Path) -> None:
    questions = readme_people_questions()
    assert len(questions) >= 2
    for heading, sql in questions:
        result = run("query", "--data", str(data), "--format", "json", sql)
        assert result.returncode == 0, f"{heading}: {result.stderr}"
        answers = [json.loads(line) for line in result.stdout.splitlines()]
        assert answers[0]["name"] == "สมศักดิ์ คำดี", heading


# --- the stored resolution ---------------------------------------------------------------


def test_the_resolution_is_stored_once_per_state_of_the_dataset(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(people.CACHE_ENV, str(tmp_path / "cache"))
    first = rows(data, "SELECT person_id FROM person_mentions ORDER BY article_id, ordinal")
    [stored] = (tmp_path / "cache" / "people").iterdir()
    written = stored.stat().st_mtime_ns
    again = rows(data, "SELECT person_id FROM person_mentions ORDER BY article_id, ordinal")
    assert again == first and stored.stat().st_mtime_ns == written  # read, not resolved again
    assert not list(data.rglob("*people*"))  # readers never write into the dataset


def test_a_cache_that_cannot_be_written_resolves_in_memory(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(people.CACHE_ENV, str(blocker))
    assert rows(data, "SELECT count(*) AS n FROM people") == [{"n": 5}]


def test_a_new_article_is_resolved_in_a_new_state(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(data, copy)
    monkeypatch.setenv(people.CACHE_ENV, str(tmp_path / "cache"))
    assert rows(copy, "SELECT count(*) AS n FROM people WHERE name = 'วิชัย ทองคำ'") == [{"n": 1}]
    page = tmp_path / "later.html"
    lead = (
        "วันนี้ (9 ก.ย.67) เวลา 09.30 น. นายวิชัย ทองคำ ผู้ว่าราชการจังหวัดพังงา "
        "เป็นประธานการประชุมกรมการจังหวัด ณ ห้องประชุม ศาลากลางจังหวัดพังงา"
    )
    page.write_text(prd_article_html(ArticlePage(title="ประชุม", paragraphs=[lead])), "utf-8")
    assert run("extract", "--out", str(copy), str(page)).returncode == 0
    [moved] = rows(copy, "SELECT provinces FROM people WHERE name = 'วิชัย ทองคำ'")
    assert moved["provinces"] == ["TH-82", "TH-90"]  # the governor moved: one person
    assert len(list((tmp_path / "cache" / "people").iterdir())) == 2


def test_officials_of_an_older_schema_read_and_wait_for_re_extraction(tmp_path: Path) -> None:
    """Files written before schema 3 have no normalized fields: the views read them (as
    null), the person views leave their officials out until they are extracted again."""
    import pyarrow.parquet as pq

    from output.files import data_files
    from output.schema import SCHEMA_VERSION
    from output.writer import DatasetWriter
    from tests.records import records

    with DatasetWriter(tmp_path) as writer:
        for rec in records(4):
            writer.add(rec)
    added = ["name_norm", "position_norm", "position_org", "position_province"]
    for path in data_files(tmp_path, "officials"):
        old = pq.read_table(path).drop_columns([*added, "position_province_source"])
        pq.write_table(
            old, path.with_name(path.name.replace(f"part-v{SCHEMA_VERSION}-", "part-v2-"))
        )
        path.unlink()
    counts = rows(
        tmp_path,
        "SELECT (SELECT count(*) FROM officials) AS officials, "
        "(SELECT count(name_norm) FROM officials) AS normalized, "
        "(SELECT count(*) FROM person_mentions) AS mentions",
    )
    assert counts == [{"officials": 4, "normalized": 0, "mentions": 0}]
