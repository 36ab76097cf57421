"""The replica: its generated stories are what the extractor must read (over every province
and every date, credit and venue form), it is deterministic, and it serves the platform's
URL scheme on loopback only."""

import json
import urllib.error
import urllib.parse
import urllib.request
from datetime import date, timedelta

import pytest

from crawler.replica.catalog import FIRST_ITEM, Catalog
from crawler.replica.pages import ArticlePage, prd_article_html
from crawler.replica.server import LOOPBACK
from crawler.replica.stories import story
from crawler.sources import PROVINCES
from crawler.spiders.navigation import feed_items, fragment_of, listing_items, news_categories
from extract.article import extract_html
from tests.replica import serving

STORIES_PER_PROVINCE = 12


def extracted(src, item: int, published: date):  # type: ignore[no-untyped-def]
    province_th = src.name_th.removeprefix("สำนักงานประชาสัมพันธ์จังหวัด")
    s = story(src.slug, item, province_th, src.iso_code, published)
    page = ArticlePage(
        s.title, s.paragraphs, s.published.isoformat(), None, s.credit_line, s.images
    )
    url = f"https://{src.host}/th/content/category/detail/id/9/iid/{item}"
    return s.truth, extract_html(prd_article_html(page), url=url)


@pytest.mark.parametrize("src", PROVINCES, ids=lambda s: s.slug)
def test_every_story_reads_back_as_its_truth(src) -> None:  # type: ignore[no-untyped-def]
    for item in range(STORIES_PER_PROVINCE):
        published = date(2019, 1, 1) + timedelta(days=item * 97 + len(src.slug))
        truth, r = extracted(src, item, published)
        chair = next(o for o in r.officials if o.role == "chair")
        assert (r.title, r.event.date, r.event.time, r.event.type, r.province.code) == (
            truth.title,
            truth.event_date,
            truth.event_time,
            truth.event_type,
            truth.province_code,
        )
        assert (chair.honorific, chair.name, chair.position) == (
            truth.chair_honorific,
            truth.chair_name,
            truth.chair_position,
        )
        venue = r.venues[0]
        assert (venue.text, venue.room, venue.floor) == (
            truth.venue,
            truth.venue_room,
            truth.venue_floor,
        )
        assert tuple(n.name for n in r.networks) == truth.networks
        assert r.networks_stated_count == truth.networks_stated_count
        assert tuple((c.role, c.name) for c in r.credits) == truth.credits


def test_stories_are_deterministic() -> None:
    a, b = Catalog(2, 5), Catalog(2, 5)
    for site in a.sites.values():
        for item in range(FIRST_ITEM, FIRST_ITEM + 5):
            assert a.article_html(site, item, "/x") == b.article_html(
                b.sites[site.slug], item, "/x"
            )


def get(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def text(url: str, data: bytes | None = None) -> str:
    return get(url, data)[2].decode("utf-8")


def test_replica_serves_the_platform_url_scheme() -> None:
    catalog = Catalog(2, 25)
    with serving(catalog) as server:
        assert server.server_address[0] == LOOPBACK
        manifest = json.loads(text(server.url + "/manifest.json"))
        assert manifest["articles"] == 50
        assert [s["articles"] for s in manifest["sites"]] == [25, 25]
        slug = manifest["sites"][0]["slug"]
        base = f"{server.url}/{slug}"
        cats = news_categories(text(base + "/th/rss/page/index/id/1"))
        assert len(cats) == 2 and 700 not in cats  # procurement is not news
        first = listing_items(text(f"{base}/th/content/category/index/id/{cats[0]}"), base)
        more = text(
            f"{base}/th/content/category/getarticles/id/{cats[0]}",
            data=urllib.parse.urlencode({"pageIndex": 2}).encode(),
        )
        second = listing_items(fragment_of(more), base)
        assert len(first) == 10 and len(second) == 3  # 13 articles in the first category
        assert first[0].day is not None and first[0].day > second[0].day  # newest first
        feed = feed_items(text(f"{base}/th/rss/page/contentjson/id/1/cid/{cats[0]}"))
        assert [f.url for f in feed] == [i.url for i in first + second]
        status, headers, _ = get(first[0].url)
        assert status == 200 and headers["Last-Modified"]
        assert get(first[0].url, headers={"If-None-Match": headers["ETag"]})[0] == 304
        status, headers, body = get(f"{server.url}/ewt.{slug}/ewt_news.php?nid=1&filename=index")
        assert headers["Content-Type"] == "text/html; charset=tis-620"
        assert "ข่าวเด่นจังหวัด".encode("cp874") in body
        robots = text(server.url + "/robots.txt")
        assert "User-agent: *" in robots
