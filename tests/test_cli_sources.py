"""`thaipr sources` and the sources behind it: every source with its region, found by name,
region, template or kind; a mistyped `--province` answered with the closest slugs, by the
real `thaipr crawl`."""

import csv
import io
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from crawler.sources import (
    BUILT_IN,
    HEADQUARTERS,
    NATIONAL,
    PROVINCES,
    REGION_OF,
    REGIONAL,
    REGIONS,
    SourceError,
    closest,
    load_sources,
    select,
)
from thaipr.cli import main
from thaipr.commands.sources import display_width, table

THAIPR = [sys.executable, "-m", "thaipr"]
# Thai vowels and tone marks written above or below a consonant: no width of their own.
THAI_COMBINING = {0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)}
EXTRA = """
[[source]]
slug = "onab"
host = "www.onab.go.th"
name_th = "สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด"
name_en = "Office of the Narcotics Control Board"

[[source]]
slug = "onab6"
host = "region6.oncb.go.th"
name_th = "สำนักงาน ป.ป.ส. ภาค 6"
name_en = "ONCB Region 6"
seat = "TH-65"
"""


def sources_command(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["sources", *args])
    out, err = capsys.readouterr()
    return status, out, err


# --- regions -------------------------------------------------------------------------------


def test_every_province_has_one_of_the_six_regions() -> None:
    codes = [code for codes in REGIONS.values() for code in codes]
    assert len(codes) == len(set(codes)), "a code in two regions"
    counts = {region: sum(p.region == region for p in PROVINCES) for region in REGIONS}
    # Bangkok (central) has no PRD provincial office: 22 central provinces, 21 offices.
    assert counts == {
        "north": 9,
        "northeast": 20,
        "central": 21,
        "east": 7,
        "west": 5,
        "south": 14,
    }
    assert REGION_OF["TH-10"] == "central"


@pytest.mark.parametrize(
    ("slug", "region"),
    [
        ("nongkhai", "northeast"),
        ("chiangmai", "north"),
        ("phitsanulok", "central"),
        ("chonburi", "east"),
        ("tak", "west"),
        ("kanchanaburi", "west"),
        ("yala", "south"),
        ("ewt.nongkhai", "northeast"),  # an archive: its province's
        ("region1", "northeast"),  # a regional bureau: its seat's (Khon Kaen)
        ("region5", "central"),  # Phitsanulok
        ("region8", "west"),  # Kanchanaburi
        ("www", NATIONAL),
    ],
)
def test_region_of_a_source(slug: str, region: str) -> None:
    assert load_sources()[slug].region == region


def test_regional_bureaus_keep_their_names() -> None:
    assert REGIONAL[0].name_th == "สำนักประชาสัมพันธ์เขต 1 (ขอนแก่น)"
    assert REGIONAL[0].seat == "TH-40"
    assert HEADQUARTERS.seat is None


def test_a_sources_file_gives_a_seat(tmp_path: Path) -> None:
    toml = tmp_path / "sources.toml"
    toml.write_text(EXTRA, encoding="utf-8")
    sources = load_sources(toml)
    assert sources["onab"].region == NATIONAL
    assert sources["onab6"].region == "central"
    toml.write_text(EXTRA.replace('"TH-65"', '"Phitsanulok"'), encoding="utf-8")
    with pytest.raises(SourceError, match="seat must be an ISO 3166-2:TH code"):
        load_sources(toml)


# --- the closest slugs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("nongkai", ["nongkhai"]),
        ("หนองคาย", ["nongkhai"]),
        ("Nong Khai", ["nongkhai"]),
        ("NONGKHAI", ["nongkhai"]),
        ("chiangmia", ["chiangmai"]),
        ("เชียงไม่", ["chiangmai"]),
        ("ayutaya", ["ayutthaya"]),
        ("ubon", ["ubonratchathani"]),
        ("prachuab", ["prachuapkhirikhan"]),
        ("atlantis", []),
        ("bangkok", []),
    ],
)
def test_closest_slugs(name: str, expected: list[str]) -> None:
    prd = [s for s in BUILT_IN if s.template == "prd"]
    assert closest(prd, name) == expected


def test_unknown_province_names_the_closest() -> None:
    with pytest.raises(SourceError) as raised:
        select(load_sources(), ["nongkai"], "prd")
    assert str(raised.value) == (
        "unknown prd source 'nongkai': did you mean nongkhai? (see `thaipr sources`)"
    )
    with pytest.raises(SourceError, match=r"^unknown prd source 'atlantis' \(see"):
        select(load_sources(), ["atlantis"], "prd")


@pytest.mark.parametrize("province", ["nongkai", "หนองคาย"])
def test_crawl_with_a_mistyped_province_exits_2_naming_the_slug(
    tmp_path: Path, province: str
) -> None:
    out = tmp_path / "data"
    done = subprocess.run(
        [*THAIPR, "crawl", "--province", province, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"thaipr crawl: unknown prd source {province!r}")
    assert "did you mean nongkhai?" in lines[0]
    assert not out.exists(), "nothing fetched, nothing written"


# --- the table -----------------------------------------------------------------------------


def test_thai_combining_marks_and_no_other_thai_letter_take_no_width() -> None:
    thai = [chr(c) for c in range(0x0E00, 0x0E80) if unicodedata.category(chr(c)) != "Cn"]
    assert {ord(ch) for ch in thai if display_width(ch) == 0} == THAI_COMBINING
    assert all(display_width(ch) == 1 for ch in thai if ord(ch) not in THAI_COMBINING)


def test_display_width() -> None:
    assert display_width("หนองคาย") == 7
    assert display_width("สุราษฎร์ธานี") == 9  # ุ ์ ี take none
    assert display_width("ชื่อ") == 2
    assert display_width("漢字") == 4


def test_table_columns_line_up_by_display_width() -> None:
    rows = [["nongkhai", "หนองคาย", "x"], ["suratthani", "สุราษฎร์ธานี", "y"], ["nan", "น่าน", "z"]]
    lines = table(["SLUG", "THAI", "LAST"], rows)
    starts = {display_width(line[: line.rindex(line.split()[-1])]) for line in lines}
    assert len(starts) == 1, lines  # the last column starts at one column in every line
    assert all(line == line.rstrip() for line in lines)


# --- the command ---------------------------------------------------------------------------


def test_every_source_in_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = sources_command(capsys=capsys)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["SLUG", "THAI", "ENGLISH", "REGION", "HOST", "TEMPLATE", "KIND"]
    assert len(lines) == 1 + len(BUILT_IN) + 1
    assert lines[-1] == f"{len(BUILT_IN)} sources; crawl one with: thaipr crawl --province SLUG"
    row = next(line for line in lines if line.startswith("nongkhai "))
    assert row.split() == [
        "nongkhai",
        "หนองคาย",
        "Nong",
        "Khai",
        "northeast",
        "nongkhai.prd.go.th",
        "prd",
        "province",
    ]


@pytest.mark.parametrize(
    ("args", "slugs"),
    [
        (["นครพนม"], ["nakhonphanom", "ewt.nakhonphanom"]),
        (["NONG KHAI", "--template", "prd"], ["nongkhai"]),
        (
            ["nakhon", "--region", "northeast", "--template", "prd"],
            ["nakhonratchasima", "sakonnakhon", "nakhonphanom"],
        ),
        (["--kind", "regional", "--region", "south"], ["region6", "region7"]),
        (["--kind", "headquarters"], ["www"]),
        (["TH-43"], ["nongkhai", "ewt.nongkhai"]),
        (
            ["pr.prd.go.th", "--region", "west"],
            [
                f"ewt.{s}"
                for s in ("tak", "ratchaburi", "kanchanaburi", "phetchaburi", "prachuapkhirikhan")
            ],
        ),
    ],
    ids=["thai", "english", "region", "kind-region", "kind", "iso", "host"],
)
def test_found_by_name_region_template_kind(
    capsys: pytest.CaptureFixture[str], args: list[str], slugs: list[str]
) -> None:
    status, out, _ = sources_command(*args, "--format", "json", capsys=capsys)
    assert status == 0
    assert [json.loads(line)["slug"] for line in out.splitlines()] == slugs


def test_json_and_csv_rows(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = sources_command("nongkhai", "--template", "prd", "--format", "json", capsys=capsys)
    assert json.loads(out) == {
        "slug": "nongkhai",
        "name_th": "สำนักงานประชาสัมพันธ์จังหวัดหนองคาย",
        "name_en": "Nong Khai Provincial Public Relations Office",
        "region": "northeast",
        "iso_code": "TH-43",
        "host": "nongkhai.prd.go.th",
        "base_url": "https://nongkhai.prd.go.th",
        "template": "prd",
        "kind": "province",
    }
    _, out, _ = sources_command("--kind", "regional", "--format", "csv", capsys=capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["slug"] for r in rows] == [f"region{n}" for n in range(1, 9)]
    assert rows[0]["iso_code"] == ""  # no province of its own
    assert rows[0]["region"] == "northeast"


def test_extra_sources_from_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    toml = tmp_path / "sources.toml"
    toml.write_text(EXTRA, encoding="utf-8")
    status, out, _ = sources_command("--sources", str(toml), "--kind", "other", capsys=capsys)
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()[1:-1]] == ["onab", "onab6"]
    assert out.splitlines()[-1].startswith("2 sources;")


def test_an_unreadable_sources_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = tmp_path / "sources.toml"
    toml.write_text("[[source]]\nslug = 'x'\n", encoding="utf-8")
    status, out, err = sources_command("--sources", str(toml), capsys=capsys)
    assert (status, out) == (2, "")
    assert err == f"thaipr sources: {toml} source 1: missing key(s) host, name_en, name_th\n"


def test_nothing_matched_exits_1_with_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = sources_command("nongkai", capsys=capsys)
    assert (status, out) == (1, "")
    assert err == (
        "thaipr sources: no source matches 'nongkai' (did you mean nongkhai, ewt.nongkhai?)\n"
    )
    status, out, err = sources_command("--kind", "other", "--region", "east", capsys=capsys)
    assert (status, out) == (1, "")
    assert err == "thaipr sources: no source matches --region east --kind other\n"


def test_an_unknown_region_is_refused_with_the_valid_ones() -> None:
    done = subprocess.run(
        [*THAIPR, "sources", "--region", "mars"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith("thaipr sources: argument --region: invalid choice: 'mars'")
    for region in (*REGIONS, NATIONAL):
        assert repr(region) in line
