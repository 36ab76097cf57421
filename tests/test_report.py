"""`thaipr report` as a user runs it, on a dataset made for real: a crawl of the replica (the
demo's three provinces) plus stored pages and texts extracted into it (other provinces and
years, organisations, warnings, an unreadable file). The page must open offline, hold every
section, carry its Thai as text and its plots in a Thai font with no missing glyph; and
headless Chromium must draw every plot."""

import base64
import html.parser
import io
import json
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import duckdb
import pytest
from PIL import Image, ImageChops

from crawler.replica.catalog import Catalog
from tests.records import PROVINCES, page
from tests.replica import crawl, serving
from thaipr.report.build import OPTIONAL_VIEWS
from thaipr.report.plots import NO_THAI_FONT, FontChoice, Plotter, choose_font
from thaipr.report.queries import has_view, province_months, view_sample, warning_kinds

THAIPR = [sys.executable, "-m", "thaipr"]
SECTIONS = ("provinces", "fill", "warnings", "chairs", "venues", "networks", "errors")
# Figures each section draws on this dataset.
FIGURES = {
    "provinces": 1,
    "fill": 2,
    "warnings": 1,
    "chairs": 1,
    "venues": 1,
    "networks": 1,
    "errors": 1,
}
# Texts that name organisations beside networks, and say more networks than they list.
TEXTS = (
    "ประชุมคณะทำงานขับเคลื่อนยุทธศาสตร์จังหวัดหนองคาย\n"
    "วันที่ 15 มีนาคม 2567 เวลา 13.30 น. นายสมชาย ใจดี ผู้ว่าราชการจังหวัดหนองคาย "
    "เป็นประธานการประชุมคณะทำงานขับเคลื่อนยุทธศาสตร์ ณ ห้องประชุมพระเจ้าองค์ตื้อ ชั้น 3 "
    "ศาลากลางจังหวัดหนองคาย โดยมีผู้แทนจากสำนักงานพัฒนาชุมชนจังหวัดหนองคาย "
    "สำนักงานสาธารณสุขจังหวัดหนองคาย และศูนย์คุณธรรม (องค์การมหาชน) เข้าร่วม "
    "พร้อมด้วยภาคีเครือข่าย 3 เครือข่าย (เครือข่ายภาครัฐ และเครือข่ายภาคประชาชน)\n",
    "จังหวัดพะเยาประชุมเครือข่ายป้องกันยาเสพติด\n"
    "วันที่ 2 กุมภาพันธ์ 2567 เวลา 09.00 น. นางสาวมาลี รักไทย รองผู้ว่าราชการจังหวัดพะเยา "
    "เป็นประธานการประชุม ณ หอประชุมอำเภอเมืองพะเยา โดยมีสำนักงานพัฒนาชุมชนจังหวัดพะเยา "
    "และสำนักงานศึกษาธิการจังหวัดพะเยา ร่วมกับเครือข่ายภาครัฐ และเครือข่ายสื่อมวลชน "
    "รวม 4 เครือข่าย เข้าร่วม\n",
)
NO_GLYPH = "\U0010fffd"  # a private-use character no font has


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*THAIPR, *args], capture_output=True, text=True, timeout=300, cwd=cwd)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("data")
    with serving(Catalog(3, 20)) as server:
        crawled = crawl(server, out, "--delay", "0")
    assert crawled.returncode == 0, crawled.stdout + crawled.stderr
    files = tmp_path_factory.mktemp("files")
    names = []
    for i in range(12):
        _, markup = page(i)
        path = files / f"{PROVINCES[i % 4][0]}-{i}.html"
        path.write_text(markup, encoding="utf-8")
        names.append(str(path))
    pages = run("extract", "--out", str(out), *names, str(files / "gone.html"))
    assert pages.returncode == 2 and "gone.html" in pages.stderr  # an errors row, stage read
    texts = []
    for i, text in enumerate(TEXTS):
        path = files / f"story-{i}.txt"
        path.write_text(text, encoding="utf-8")
        texts.append(str(path))
    stories = run("extract", "--out", str(out), "--published", "2024-01-20", *texts)
    assert stories.returncode == 0, stories.stderr
    return out


@pytest.fixture(scope="module")
def report(data: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """The report's file, its stdout and its stderr."""
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = run("report", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out, result.stdout, result.stderr


class Page(html.parser.HTMLParser):
    """What a page loads and shows: every tag's attributes, and its sections."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.section: str | None = None
        self.images: dict[str, list[str]] = {}  # section id -> its images' src

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "section":
            self.section = dict(attrs).get("id")
            self.images.setdefault(self.section or "", [])
        if tag == "img" and self.section:
            self.images[self.section].append(dict(attrs).get("src") or "")


def parsed(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_report_prints_its_path_and_warns_of_nothing(report: tuple[Path, str, str]) -> None:
    out, stdout, stderr = report
    assert stdout.startswith(f"{out} (") and "articles" in stdout
    assert stderr == ""  # no missing font, no missing glyph


def test_the_page_is_self_contained(report: tuple[Path, str, str]) -> None:
    text = report[0].read_text(encoding="utf-8")
    page = parsed(report[0])
    assert '<meta charset="utf-8">' in text
    assert all(tag not in ("script", "link", "iframe", "object") for tag, _ in page.tags)
    for tag, attrs in page.tags:
        for name in ("src", "href", "srcset", "data"):
            value = attrs.get(name) or ""
            assert not re.match(r"\s*(https?:)?//", value), f"<{tag} {name}={value}> loads"
        if tag == "img":
            assert (attrs.get("src") or "").startswith("data:image/png;base64,")
        if tag == "a":
            assert (attrs.get("href") or "").startswith("#")
    assert "url(" not in text and "@import" not in text  # the style loads nothing either


def test_every_section_is_there_with_its_plots(report: tuple[Path, str, str]) -> None:
    page = parsed(report[0])
    shown = [s for s in page.images if s]
    # then a section per optional view the dataset's views have (output/people.py's)
    assert shown[: len(SECTIONS) + 1] == ["summary", *SECTIONS]
    assert set(shown[len(SECTIONS) + 1 :]) <= {view for view, _ in OPTIONAL_VIEWS}
    for section, count in FIGURES.items():
        images = page.images[section]
        assert len(images) == count, section
        for src in images:
            png = Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1])))
            assert png.format == "PNG" and png.width > 400
            assert _ink(png) > 0.05, f"{section}: a blank plot"


def test_thai_text_and_the_numbers_are_in_the_page(report: tuple[Path, str, str]) -> None:
    text = report[0].read_text(encoding="utf-8")
    for thai in ("หนองคาย", "อำนาจเจริญ", "พะเยา", "ศาลากลางจังหวัด", "ผู้ว่าราชการจังหวัด"):
        assert thai in text
    assert 'lang="th"' in text
    assert "Noto Sans Thai" in text.split("<style>")[1].split("</style>")[0]  # the font stack
    # 60 crawled, 12 pages and 2 texts extracted
    assert "<b>74</b><span>articles" in text
    assert "stated network count N differs from the N listed" in text
    assert "FileNotFoundError" in text  # the unreadable file, stage read
    assert "สำนักงานพัฒนาชุมชนจังหวัดหนองคาย" in text  # a network's organisation


def test_plots_are_drawn_in_a_thai_font_with_every_glyph(report: tuple[Path, str, str]) -> None:
    text = report[0].read_text(encoding="utf-8")
    font = re.search(r'<meta name="thaipr-plot-font" content="([^"]+)">', text)
    assert font, "the page names the plots' font"
    thai = choose_font().thai
    assert thai and font.group(1).startswith(thai)
    assert 'id="notes"' not in text and "missing glyphs" not in text


def test_the_glyph_check_catches_a_character_no_font_has() -> None:
    plotter = Plotter(choose_font())
    assert plotter.missing_glyphs("หนองคาย ห้องประชุม 1 ชั้น 2 … (TH-43) 100%") == []
    assert plotter.missing_glyphs(f"ห้อง{NO_GLYPH}") == [NO_GLYPH]
    plotter.bars([f"ห้อง{NO_GLYPH}"], [3], title="venues", xlabel="meetings")
    assert len(plotter.warnings) == 1 and "U+10FFFD" in plotter.warnings[0]


def test_with_no_thai_font_the_report_says_so() -> None:
    latin = choose_font(()).files[-1]  # the Latin family's file
    plotter = Plotter(FontChoice(("DejaVu Sans",), (latin,), None))
    plotter.bars(["หนองคาย"], [1], title="chairs", xlabel="meetings")
    assert plotter.warnings[0] == NO_THAI_FONT
    assert "missing glyphs" in plotter.warnings[1] and "'ห'" in plotter.warnings[1]


@pytest.mark.parametrize(
    ("warning", "kind"),
    [
        (
            "stated network count 3 differs from the 2 listed",
            "stated network count N differs from the N listed",
        ),
        ("implausible year 2599 in '1 ม.ค. 99'", "implausible year N in …"),
        (
            "name boundary not found, official left out: 'นายก'",
            "name boundary not found, official left out: …",
        ),
        (
            "event date 2024-03-15 is after the publication date 2024-03-10",
            "event date N is after the publication date N",
        ),
        (
            "event year corrected to the page's year in '15 มี.ค.'",
            "event year corrected to the page's year in …",
        ),
        (
            "โครงการถนนสวย is cited as phase 1 and phase 2",
            "<programme> is cited as phase N and phase N",
        ),
        ("input has no Thai text", "input has no Thai text"),
        (
            "input has characters that could not be decoded (U+FFFD): not UTF-8 or TIS-620",
            "input has characters that could not be decoded (U+FFFD): not UTF-8 or TIS-620",
        ),
        ("text truncated", "text truncated"),
    ],
    ids=lambda v: v[:24],
)
def test_a_warning_kind_drops_what_varies(warning: str, kind: str) -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE articles (article_id VARCHAR, warnings VARCHAR[])")
    con.execute("INSERT INTO articles VALUES ('a', [?]), ('b', [?, ?])", [warning] * 3)
    [row] = warning_kinds(con)
    assert row.cells[:3] == (kind, "2", "3") and row.n == 2


def test_a_few_misread_dates_do_not_stretch_the_province_grid() -> None:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE articles AS SELECT 'TH-43' AS province, 'หนองคาย' AS province_th, "
        "DATE '2024-01-01' + (i % 90)::INTEGER AS event_date, NULL::DATE AS published_date, "
        "TIMESTAMP '2024-04-01' AS fetched_at FROM range(1000) AS t(i) "
        "UNION ALL SELECT 'TH-50', 'เชียงใหม่', DATE '1997-04-22', NULL, TIMESTAMP '2024-04-01'"
    )
    grid, left_out = province_months(con)
    assert left_out == 1  # the one article of 1997
    assert grid.columns == ["2024-01", "2024-02", "2024-03"]
    assert grid.rows == ["หนองคาย"] and sum(grid.values[0]) == 1000
    assert grid.bands == [("northeast", 0, 1)]


def test_an_optional_view_is_shown_by_its_count_with_lists_joined() -> None:
    con = duckdb.connect()
    con.execute(
        "CREATE VIEW people AS SELECT * FROM (VALUES ('p-1', ['นายก', 'นาย ก'], 2::BIGINT), "
        "('p-2', ['นางข'], 5::BIGINT)) AS t(person_id, names, articles)"
    )
    assert has_view(con, "people") and not has_view(con, "positions")
    sample = view_sample(con, "people", 20)
    assert sample.columns == ["person_id", "names", "articles"] and sample.order == "articles"
    assert sample.rows == [("p-2", "นางข", "5"), ("p-1", "นายก; นาย ก", "2")]
    assert sample.counts == [5, 2] and sample.numeric == (2,)


def test_an_empty_dataset_gives_a_report_that_says_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run("extract", "--out", str(data), str(tmp_path / "gone.html")).returncode == 2
    out = tmp_path / "r.html"
    result = run("report", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"thaipr report: the dataset at {data} is empty (no article yet)\n"
    text = out.read_text(encoding="utf-8")
    assert "This dataset is empty" in text and "No articles." in text
    assert "FileNotFoundError" in text  # its errors are still shown
    assert parsed(out).images["errors"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--data", "{tmp}/nowhere"), "no dataset at {tmp}/nowhere (no such folder)"),
        (("--data", "{tmp}"), "{tmp} is not a thaipr dataset (no articles table)"),
        (("--data", "{data}", "--out", "{tmp}/no/r.html"), "no folder {tmp}/no to write"),
        (("--data", "{data}", "--out", "{tmp}"), "{tmp} is a folder"),
        (("--data", "{data}", "--out", "{data}/r.html"), "{data}/r.html is inside the dataset"),
    ],
    ids=["missing", "not-a-dataset", "no-out-folder", "out-is-a-folder", "out-in-the-dataset"],
)
def test_bad_input_is_one_line_and_exit_2(
    data: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    given = [a.format(tmp=tmp_path, data=data) for a in args]
    result = run("report", *given)
    assert result.returncode == 2
    assert result.stderr.startswith("thaipr report: " + message.format(tmp=tmp_path, data=data))
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert list(tmp_path.iterdir()) == []  # no page, no temporary file


# --- in a browser ----------------------------------------------------------------------------

CHROMIUM = next(
    (p for name in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(name))),
    None,
)
# Appended to a copy of the page: where each plot is, and how tall the page is, written into
# the page for --dump-dom to print.
MEASURE = """<script>
const boxes = [...document.querySelectorAll("section[id] img")].map(img => {
  const r = img.getBoundingClientRect();
  return {section: img.closest("section").id, x: r.left + scrollX, y: r.top + scrollY,
          w: r.width, h: r.height};
});
const pre = document.createElement("pre");
pre.id = "measured"; pre.style.display = "none";
pre.textContent = JSON.stringify({height: document.documentElement.scrollHeight, boxes});
document.body.appendChild(pre);
</script>"""
WIDTH, MAX_HEIGHT = 1280, 16000  # pixels of screenshot
MAX_DIFFERENCE = 6  # mean grey-level difference of a plot in the shot from its PNG, scaled


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            f"--user-data-dir={profile}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium: install Debian's chromium (.ci/run does) to run this"
)
def test_chromium_draws_every_plot(report: tuple[Path, str, str], tmp_path: Path) -> None:
    page = tmp_path / "measured.html"
    page.write_text(
        report[0].read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"),
        encoding="utf-8",
    )
    # measured at the screenshot's width: images shrink to a narrower window
    dumped = chromium(
        tmp_path / "profile", f"--window-size={WIDTH},1000", "--dump-dom", page.as_uri()
    )
    found = re.search(r'<pre id="measured"[^>]*>(.*?)</pre>', dumped.stdout, re.S)
    assert found, dumped.stderr[-2000:]
    measured = json.loads(unescape(found.group(1)))
    assert set(FIGURES) <= {b["section"] for b in measured["boxes"]}
    height = min(int(measured["height"]), MAX_HEIGHT)
    shot = report[0].with_suffix(".png")
    chromium(
        tmp_path / "profile",
        f"--screenshot={shot}",
        f"--window-size={WIDTH},{height}",
        report[0].as_uri(),
    )
    screen = Image.open(shot).convert("RGB")
    assert screen.size == (WIDTH, height)
    pngs = [src for images in parsed(report[0]).images.values() for src in images]
    assert len(pngs) == len(measured["boxes"])
    checked = 0
    for box, src in zip(measured["boxes"], pngs, strict=True):
        if box["y"] + box["h"] > height:
            continue
        area = (round(box["x"]), round(box["y"]), round(box["x"] + box["w"]))
        region = screen.crop((*area, area[1] + round(box["h"])))
        assert box["w"] > 300 and box["h"] > 100, box  # laid out at its size, not a broken icon
        assert _ink(region) > 0.05, f"{box['section']}: the plot is blank in Chromium"
        assert _colours(region) > 8, f"{box['section']}: the plot is one flat colour"
        # and it is the plot: Chromium's pixels are the PNG's, scaled to the box
        png = Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))).convert("RGB")
        expected = png.resize(region.size, Image.Resampling.LANCZOS)
        assert _difference(region, expected) < MAX_DIFFERENCE, box["section"]
        checked += 1
    assert checked >= sum(FIGURES.values())  # the page's own sections are all in the shot
    # The page's tables are text: Chromium draws their Thai from a system font.
    fonts = subprocess.run(["fc-list", ":lang=th", "family"], capture_output=True, text=True)
    assert fonts.stdout.strip(), "no Thai font for Chromium: install fonts-thai-tlwg"


def _ink(image: Image.Image) -> float:
    """The share of pixels that are not white (an empty cell's light grey counts)."""
    grey = image.convert("L")
    histogram = grey.histogram()
    return sum(histogram[:250]) / (grey.width * grey.height)


def _difference(a: Image.Image, b: Image.Image) -> float:
    """The mean difference of two images' grey levels (0 to 255)."""
    diff = ImageChops.difference(a.convert("L"), b.convert("L"))
    histogram = diff.histogram()
    return sum(level * n for level, n in enumerate(histogram)) / (a.width * a.height)


def _colours(image: Image.Image) -> int:
    """Distinct colours, coarsely: a drawn plot has many, a blank or a flat box few."""
    small = image.convert("RGB").quantize(colors=64)
    return len(small.getcolors() or [])
