"""End-to-end crawls of the replica with the real `thaipr crawl`: every record equals the
generator's truth, re-runs download no unchanged article, and the exit status tells the
truth."""

import pickle
import subprocess
import urllib.parse
import urllib.request
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from bench.recorded_rows import ROWS_FILE, recorded
from crawler.replica.catalog import FIRST_ITEM, Catalog
from output.views import connect
from tests.replica import article_requests, crawl, requests_of, serving

PROVINCES, PER_PROVINCE = 3, 24


@pytest.fixture(scope="module")
def first_crawl(tmp_path_factory: pytest.TempPathFactory):
    catalog = Catalog(PROVINCES, PER_PROVINCE)
    out = tmp_path_factory.mktemp("data")
    with serving(catalog) as server:
        result = crawl(server, out, "--no-politeness")
        yield catalog, server, out, result


def meetings(out: Path) -> dict[str, dict]:
    con = connect(out)
    cursor = con.execute(
        "SELECT a.article_id, a.title, a.event_date, a.event_time, a.event_type, a.province_code, "
        "a.officials, a.venues, a.networks, a.networks_stated_count, a.credits, a.url, a.site "
        "FROM articles a"
    )
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}


def test_first_crawl_succeeds_with_a_summary(first_crawl) -> None:
    catalog, _, _, result = first_crawl
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("thaipr crawl: ")
    assert f"{catalog.total} new, 0 changed, 0 unchanged, 0 errors" in line
    assert line.endswith("(finished; exit 0)")


def test_every_record_equals_the_generators_truth(first_crawl) -> None:
    catalog, _, out, _ = first_crawl
    rows = meetings(out)
    assert len(rows) == catalog.total
    for site in catalog.sites.values():
        for item in range(FIRST_ITEM, FIRST_ITEM + site.count):
            truth = catalog.story(site, item).truth
            assert truth is not None
            row = rows[f"{site.slug}:{item}"]
            chair = next(o for o in row["officials"] if o["role"] == "chair")
            assert row["site"] == site.slug
            assert row["title"] == truth.title
            assert row["event_date"] == truth.event_date
            assert row["event_time"] == truth.event_time
            assert row["event_type"] == truth.event_type
            assert row["province_code"] == truth.province_code
            assert (chair["honorific"], chair["name"], chair["position"]) == (
                truth.chair_honorific,
                truth.chair_name,
                truth.chair_position,
            )
            venue = row["venues"][0]
            assert (venue["text"], venue["room"], venue["floor"]) == (
                truth.venue,
                truth.venue_room,
                truth.venue_floor,
            )
            assert tuple(n["name"] for n in row["networks"]) == truth.networks
            assert row["networks_stated_count"] == truth.networks_stated_count
            assert tuple((c["role"], c["name"]) for c in row["credits"]) == truth.credits


def test_crawl_identifies_itself_and_reads_robots_first(first_crawl) -> None:
    _, server, _, _ = first_crawl
    log = requests_of(server)
    assert log[0]["path"] == "/robots.txt"
    agents = {r["user_agent"] for r in log}
    assert len(agents) == 1 and agents.pop().startswith("thaipr/")


def test_every_error_and_nothing_else_is_in_errors(first_crawl) -> None:
    _, _, out, _ = first_crawl
    assert connect(out).execute("SELECT count(*) FROM errors").fetchone() == (0,)


def test_rerun_downloads_no_unchanged_article(tmp_path: Path) -> None:
    catalog = Catalog(2, 12)
    with serving(catalog) as server:
        assert crawl(server, tmp_path, "--no-politeness").returncode == 0
        first = len(article_requests(server))
        again = crawl(server, tmp_path, "--no-politeness")
        assert again.returncode == 0, again.stderr
        rerun = article_requests(server)[first:]
        assert rerun, "the re-run asked for no article at all"
        assert all(r["status"] == 304 for r in rerun)
        assert all(r["if_none_match"] for r in rerun)
        assert f"0 new, 0 changed, {len(rerun)} unchanged" in again.stdout

        # An editor fixes one article: the next run fetches it, and only it, again.
        site = next(iter(catalog.sites.values()))
        edit = urllib.parse.urlencode({"site": site.slug, "item": FIRST_ITEM}).encode()
        urllib.request.urlopen(server.url + "/_replica/edit", data=edit).read()
        before = len(article_requests(server))
        third = crawl(server, tmp_path, "--no-politeness")
        fetched = [r for r in article_requests(server)[before:] if r["status"] == 200]
        assert [r["path"].rsplit("/", 1)[1] for r in fetched] == [str(FIRST_ITEM)]
        assert "0 new, 1 changed" in third.stdout
    con = connect(tmp_path)
    titles = con.execute(
        "SELECT title FROM articles WHERE article_id = ?", [f"{site.slug}:{FIRST_ITEM}"]
    ).fetchall()
    assert titles == [(catalog.story(site, FIRST_ITEM).title,)]
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (catalog.total,)


def test_new_articles_are_found_on_the_next_run(tmp_path: Path) -> None:
    with serving(Catalog(1, 10)) as server:
        assert crawl(server, tmp_path, "--no-politeness").returncode == 0
    bigger = Catalog(1, 25)
    with serving(bigger) as server:
        result = crawl(server, tmp_path, "--no-politeness")
        assert result.returncode == 0, result.stderr
        fetched = [r for r in article_requests(server) if r["status"] == 200]
    # Items are numbered newest first: the 15 new ones plus none of the old.
    assert "15 new, 0 changed" in result.stdout
    assert len(fetched) == 15
    assert connect(tmp_path).execute("SELECT count(*) FROM articles").fetchone() == (25,)


def test_since_until_and_max_articles_bound_the_crawl(tmp_path: Path) -> None:
    catalog = Catalog(1, 30)
    site = next(iter(catalog.sites.values()))
    days = sorted(catalog.published(site, FIRST_ITEM + i) for i in range(30))
    since, until = days[10], days[19]
    with serving(catalog) as server:
        result = crawl(
            server,
            tmp_path / "a",
            "--no-politeness",
            "--since",
            since.isoformat(),
            "--until",
            until.isoformat(),
        )
        assert result.returncode == 0, result.stderr
        got = (
            connect(tmp_path / "a")
            .execute("SELECT min(published_date), max(published_date), count(*) FROM articles")
            .fetchone()
        )
        assert got == (since, until, 10)
        limited = crawl(server, tmp_path / "b", "--no-politeness", "--max-articles", "7")
        assert limited.returncode == 0
        assert connect(tmp_path / "b").execute("SELECT count(*) FROM articles").fetchone() == (7,)


def test_archive_spider_reads_the_old_cms_with_tis620_pages(tmp_path: Path) -> None:
    catalog = Catalog(1, 30)
    site = next(iter(catalog.sites.values()))
    with serving(catalog) as server:
        result = crawl(server, tmp_path, "--no-politeness", "--spider", "prd_archive")
    assert result.returncode == 0, result.stderr
    expected = [
        n for n in range(1, catalog.archive_count(site) + 1) if catalog.archive_has(site, n)
    ]
    con = connect(tmp_path)
    rows = con.execute(
        "SELECT article_id, encoding, title, event_date, province_code FROM articles "
        "ORDER BY article_id"
    ).fetchall()
    assert sorted(r[0] for r in rows) == sorted(f"ewt.{site.slug}:{n}" for n in expected)
    for article_id, encoding, title, event_date, province in rows:
        nid = int(article_id.rsplit(":", 1)[1])
        truth = catalog.archive_story(site, nid).truth
        assert truth is not None
        assert encoding == ("cp874" if catalog.archive_tis620(nid) else "utf-8")
        assert (title, event_date, province) == (truth.title, truth.event_date, truth.province_code)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--province", "atlantis"], "unknown prd source 'atlantis'"),
        (["--since", "2024-02-30"], "not a YYYY-MM-DD date"),
        (["--since", "2024-03-01", "--until", "2024-02-01"], "--since is after --until"),
    ],
)
def test_bad_usage_exits_2_in_one_line(tmp_path: Path, args, message) -> None:
    with serving(Catalog(1, 2)) as server:
        result = crawl(server, tmp_path, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_dead_server_exits_3(tmp_path: Path) -> None:
    from tests.replica import THAIPR

    result = subprocess.run(
        [
            *THAIPR,
            "crawl",
            "--out",
            str(tmp_path),
            "--province",
            "nongkhai",
            "--no-politeness",
            "--site-url-template",
            "http://127.0.0.1:9/{slug}",
            "--log-level",
            "ERROR",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 3, result.stdout + result.stderr
    errors = (
        duckdb.connect()
        .execute(f"SELECT count(*) FROM read_parquet('{tmp_path}/errors/**/*.parquet')")
        .fetchone()
    )
    assert errors and errors[0] >= 1


def test_pages_that_fail_are_recorded_and_exit_1(tmp_path: Path) -> None:
    catalog = Catalog(1, 6)
    site = next(iter(catalog.sites.values()))
    cat = catalog.category_of(site, FIRST_ITEM)
    broken = f"/{site.slug}/th/content/category/detail/id/{cat}/iid/{FIRST_ITEM}"
    with serving(catalog) as server:
        server.replica.scripted[broken] = [(500, {})] * 10  # more than the retries
        result = crawl(server, tmp_path, "--no-politeness")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 errors" in result.stdout
    rows = connect(tmp_path).execute("SELECT url, stage, http_status FROM errors").fetchall()
    assert len(rows) == 1 and rows[0][0].endswith(broken) and rows[0][1:] == ("fetch", 500)
    assert connect(tmp_path).execute("SELECT count(*) FROM articles").fetchone() == (5,)


def crawl_logged(tmp_path: Path, level: str) -> tuple[subprocess.CompletedProcess[str], str]:
    """A crawl of 3 articles with its log in a file: the result and the log."""
    log = tmp_path / "crawl.log"
    with serving(Catalog(1, 3)) as server:
        args = ("--no-politeness", "--log-level", level, "--log-file", str(log))
        result = crawl(server, tmp_path / "data", *args)
    assert result.returncode == 0, result.stderr
    return result, log.read_text(encoding="utf-8")


def test_log_file_takes_the_log_and_stderr_stays_quiet(tmp_path: Path) -> None:
    result, text = crawl_logged(tmp_path, "INFO")
    assert "Spider opened" in text and "Spider closed (finished)" in text
    assert "Spider opened" not in result.stderr
    assert result.stdout.startswith("thaipr crawl: ")


def test_a_debug_log_names_each_item_by_its_url_in_one_short_line(tmp_path: Path) -> None:
    lines = crawl_logged(tmp_path, "DEBUG")[1].splitlines()
    scraped = [line.split("Scraped RecordItem ")[1] for line in lines if "Scraped " in line]
    assert len(scraped) == 3 and all("/content/category/detail/" in url for url in scraped)
    assert max(map(len, lines)) < 1000  # Scrapy's own line holds the item: ~20 KB a page


def test_demo_crawls_the_replica_and_shows_meetings(tmp_path: Path) -> None:
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "thaipr.demo"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "60 new, 0 changed, 0 unchanged, 0 errors" in result.stdout
    assert "(8 rows)" in result.stdout
    again = subprocess.run(
        [sys.executable, "-m", "thaipr.demo"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "0 new, 0 changed, 60 unchanged" in again.stdout


def test_scrapy_crawl_works_the_way_scrapy_users_expect(tmp_path: Path) -> None:
    import sys
    from pathlib import Path as P

    scrapy = P(sys.executable).parent / "scrapy"
    repo = P(__file__).resolve().parent.parent
    catalog = Catalog(1, 5)
    with serving(catalog) as server:
        result = subprocess.run(
            [
                scrapy,
                "crawl",
                "prd",
                "-a",
                f"province={','.join(catalog.sites)}",
                "-a",
                f"out={tmp_path}",
                "-a",
                f"site_url_template={server.url}/{{slug}}",
                "-s",
                "DOWNLOAD_DELAY=0",
                "-s",
                "THAIPR_EXTRACT_WORKERS=0",
            ],
            cwd=repo,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "summary: " in result.stderr and "5 new" in result.stderr
    assert "fill rates over 5 records" in result.stderr
    assert connect(tmp_path).execute("SELECT count(*) FROM articles").fetchone() == (5,)


def test_a_crawl_runs_the_page_job_its_settings_name(tmp_path: Path, monkeypatch) -> None:
    """THAIPR_PAGE_JOB is what the extraction worker runs on each page: here the bench's
    recorder, then its replayer, fed a recording with one title changed."""
    recording = tmp_path / "rows.pickle"
    monkeypatch.setenv(ROWS_FILE, str(recording))
    job = "THAIPR_PAGE_JOB=bench.recorded_rows."
    with serving(Catalog(1, 3)) as server:
        first = crawl(server, tmp_path / "first", "--no-politeness", "--set", job + "record")
        assert first.returncode == 0, first.stderr
        recorded.cache_clear()
        pages = dict(recorded())
        assert sorted(pages) == sorted(r["url"] for r in meetings(tmp_path / "first").values())
        url = min(pages)
        rows = pickle.loads(pages[url].rows)
        rows["articles"][0]["title"] = "replayed, not extracted"
        pages[url] = replace(pages[url], rows=pickle.dumps(rows))
        recording.write_bytes(b"".join(pickle.dumps(page) for page in pages.items()))
        second = crawl(server, tmp_path / "second", "--no-politeness", "--set", job + "replay")
    assert second.returncode == 0, second.stderr
    titles = {r["url"]: r["title"] for r in meetings(tmp_path / "second").values()}
    assert titles[url] == "replayed, not extracted"
    assert titles.keys() == pages.keys()


def test_no_spider_callback_is_a_generator_that_returns_a_value() -> None:
    """Scrapy's own check, run over every spider method once here: crawls turn it off
    (WARN_ON_GENERATOR_RETURN_VALUE), as it parses the callback's source per response."""
    import inspect

    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.misc import is_generator_with_return_value
    from scrapy.utils.project import get_project_settings

    def returns_a_value():  # type: ignore[no-untyped-def]
        yield 1
        return 2

    assert is_generator_with_return_value(returns_a_value)  # the check can fail
    loader = SpiderLoader.from_settings(get_project_settings())
    checked = []
    for name in loader.list():
        for method, fn in inspect.getmembers(loader.load(name), inspect.isgeneratorfunction):
            assert not is_generator_with_return_value(fn), f"{name}.{method}"
            checked.append(method)
    assert {"parse_article", "parse_listing"} <= set(checked)
