"""Politeness seen from the server side: the replica's request timestamps show one shared
rate for all *.prd.go.th hosts, robots.txt Disallow and Crawl-delay obeyed, Retry-After
honoured; the telnet console is off."""

from itertools import pairwise
from pathlib import Path

from crawler.replica.catalog import FIRST_ITEM, Catalog
from output.views import connect
from tests.replica import THAIPR, crawl, requests_of, serving

TOLERANCE = 0.02  # seconds of timer and logging slack


def gaps(log: list[dict]) -> list[float]:
    times = sorted(r["time"] for r in log if r["path"] != "/robots.txt")
    return [b - a for a, b in pairwise(times)]


def test_all_prd_hosts_share_one_rate(tmp_path: Path) -> None:
    """Two sites on two servers (two netlocs): requests to both together are a delay apart."""
    delay = 0.25
    a, b = Catalog(1, 4, first="nongkhai"), Catalog(1, 4, first="phayao")
    with serving(a) as one, serving(b) as two:
        sources = tmp_path / "sources.toml"
        sources.write_text(
            "".join(
                f'[[source]]\nslug = "{slug}"\nhost = "{slug}.prd.go.th"\n'
                f'name_th = "x"\nname_en = "x"\nbase_url = "{server.url}/{slug}"\n'
                for slug, server in (("nongkhai", one), ("phayao", two))
            ),
            encoding="utf-8",
        )
        import subprocess

        result = subprocess.run(
            [
                *THAIPR,
                "crawl",
                "--out",
                str(tmp_path / "d"),
                "--sources",
                str(sources),
                "--province",
                "nongkhai,phayao",
                "--delay",
                str(delay),
                "--log-level",
                "WARNING",
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        first, second = requests_of(one), requests_of(two)
    log = first + second
    assert {r["path"].split("/")[1] for r in first if r["path"] != "/robots.txt"} == {"nongkhai"}
    assert {r["path"].split("/")[1] for r in second if r["path"] != "/robots.txt"} == {"phayao"}
    assert len(log) > 10
    assert min(gaps(log)) >= delay - TOLERANCE


def test_robots_disallow_is_obeyed(tmp_path: Path) -> None:
    catalog = Catalog(1, 6)
    site = next(iter(catalog.sites.values()))
    cat = catalog.category_of(site, FIRST_ITEM)
    banned = f"/{site.slug}/th/content/category/detail/id/{cat}/iid/{FIRST_ITEM}"
    with serving(catalog, disallow=("/_replica/", banned)) as server:
        result = crawl(server, tmp_path, "--no-politeness")
        paths = [r["path"] for r in requests_of(server)]
    assert result.returncode == 0, result.stderr
    assert banned not in paths
    ids = [r[0] for r in connect(tmp_path).execute("SELECT article_id FROM articles").fetchall()]
    assert f"{site.slug}:{FIRST_ITEM}" not in ids and len(ids) == 5
    gaps_recorded = connect(tmp_path).execute("SELECT url, stage FROM errors").fetchall()
    assert gaps_recorded == [(server.url + banned, "robots")]


def test_crawl_delay_from_robots_is_applied(tmp_path: Path) -> None:
    with serving(Catalog(1, 5), crawl_delay=0.4) as server:
        result = crawl(server, tmp_path, "--delay", "0")
        log = requests_of(server)
    assert result.returncode == 0, result.stderr
    assert min(gaps(log)) >= 0.4 - TOLERANCE


def test_retry_after_is_honoured_and_the_page_recovered(tmp_path: Path) -> None:
    catalog = Catalog(1, 4)
    site = next(iter(catalog.sites.values()))
    cat = catalog.category_of(site, FIRST_ITEM)
    busy = f"/{site.slug}/th/content/category/detail/id/{cat}/iid/{FIRST_ITEM}"
    with serving(catalog) as server:
        server.replica.scripted[busy] = [(429, {"Retry-After": "2"}), (503, {"Retry-After": "1"})]
        result = crawl(server, tmp_path, "--delay", "0.05")
        log = requests_of(server)
    assert result.returncode == 0, result.stdout + result.stderr
    hits = [r for r in log if r["path"] == busy]
    assert [r["status"] for r in hits] == [429, 503, 200]
    # No request at all went out while the server had asked to wait.
    for answer, wait in ((hits[0], 2.0), (hits[1], 1.0)):
        after = [r["time"] for r in log if r["time"] > answer["time"]]
        assert min(after) - answer["time"] >= wait - TOLERANCE
    assert connect(tmp_path).execute("SELECT count(*) FROM articles").fetchone() == (4,)


def test_telnet_console_is_off() -> None:
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings")
    assert settings.getbool("TELNETCONSOLE_ENABLED") is False
    assert settings.getdict("EXTENSIONS")["scrapy.extensions.telnet.TelnetConsole"] is None
    assert settings.getbool("ROBOTSTXT_OBEY") is True
    assert "+http" in settings.get("USER_AGENT")
