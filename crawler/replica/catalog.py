"""What the replica serves: for each of K provincial sites, N articles in two news
categories (ids differ per site, as on the real platform) plus a non-news category, and an
old-CMS archive; either generated stories with their truth, or real corpus articles."""

import zlib
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from crawler.replica.pages import ArticlePage, ewt_article_html, prd_article_html
from crawler.replica.stories import BANGKOK_TIME, MONTHS_ABBR, Story, story
from crawler.sources import PROVINCES, Source

# The newest article's day; older ones go back a day at a time. Fixed, so runs agree.
NEWEST = date(2025, 12, 31)
FIRST_ITEM = 100_001
# News category ids differ between hosts (notes/prd-platform.md): 9 on many, 3394, 15.
NEWS_CATEGORY_IDS = (9, 3394, 15)
OTHER_CATEGORY = ("จัดซื้อจัดจ้าง", 700)  # listed in the feed directory, not news
# Archive (old CMS) pages per site, and the nids that are missing (deleted pages).
ARCHIVE_SHARE = 2  # one archive page per this many current articles
ARCHIVE_GAP_EVERY = 7
# The most sites a catalog serves: one per province.
MAX_SITES = len(PROVINCES)


@dataclass(frozen=True)
class Site:
    source: Source
    province_th: str
    categories: dict[int, str]  # id -> name, news first
    count: int  # articles

    @property
    def slug(self) -> str:
        return self.source.slug


class Catalog:
    def __init__(
        self,
        provinces: int = 3,
        per_province: int = 20,
        corpus: Path | None = None,
        first: str = "nongkhai",
    ) -> None:
        ordered = sorted(PROVINCES, key=lambda s: (s.slug != first, s.slug))[:provinces]
        self._corpus = _load_corpus(corpus) if corpus else None
        if self._corpus is not None:
            per_province = -(-len(self._corpus) // len(ordered))
        self.sites: dict[str, Site] = {}
        for n, source in enumerate(ordered):
            count = per_province
            if (
                self._corpus is not None
            ):  # the corpus dealt out in turn; the last sites get one less
                count = len(range(n, len(self._corpus), len(ordered)))
            self.sites[source.slug] = Site(
                source, _province_th(source), _categories(source.slug), count
            )
        self._edits: set[tuple[str, int]] = set()

    @property
    def total(self) -> int:
        return sum(s.count for s in self.sites.values())

    def site_of(self, slug: str) -> Site | None:
        return self.sites.get(slug)

    def published(self, site: Site, item: int) -> date:
        return NEWEST - timedelta(days=item - FIRST_ITEM)

    def items(self, site: Site, category: int) -> list[int]:
        """Item ids of a category, newest first."""
        news = list(site.categories)[:2]
        if category not in news:
            return []
        k = news.index(category)
        return [FIRST_ITEM + i for i in range(site.count) if i % 2 == k]

    def category_of(self, site: Site, item: int) -> int:
        return list(site.categories)[(item - FIRST_ITEM) % 2]

    def has(self, site: Site, item: int) -> bool:
        return FIRST_ITEM <= item < FIRST_ITEM + site.count

    def story(self, site: Site, item: int) -> Story:
        """The article's story; with --corpus, a corpus article (its truth unknown)."""
        day = self.published(site, item)
        if self._corpus is not None:
            index = (item - FIRST_ITEM) * len(self.sites) + list(self.sites).index(site.slug)
            title, text = self._corpus[index]
            lines = [ln for ln in text.split("\n") if ln.strip()]
            stamp = datetime.combine(day, time(15, 0), BANGKOK_TIME)
            s = Story(site.slug, item, "ข่าวทั่วไป", title, tuple(lines), stamp, None)
        else:
            s = story(site.slug, item, site.province_th, site.source.iso_code or "", day)
        if (site.slug, item) in self._edits:
            s = replace(
                s,
                title=s.title + " (แก้ไข)",
                truth=s.truth and replace(s.truth, title=s.truth.title + " (แก้ไข)"),
            )
        return s

    def edit(self, slug: str, item: int) -> None:
        """Change an article, as an editor fixing a typo does: new content, new ETag."""
        self._edits.add((slug, item))

    def article_html(self, site: Site, item: int, prefix: str) -> str:
        s = self.story(site, item)
        return prd_article_html(
            ArticlePage(
                title=s.title,
                paragraphs=s.paragraphs,
                published_iso=s.published.isoformat(),
                credit_line=s.credit_line,
                images=tuple(prefix + path for path in s.images),
            )
        )

    # --- the old CMS archive -----------------------------------------------------------------

    def archive_count(self, site: Site) -> int:
        return site.count // ARCHIVE_SHARE

    def archive_has(self, site: Site, nid: int) -> bool:
        return 1 <= nid <= self.archive_count(site) and nid % ARCHIVE_GAP_EVERY != 0

    def archive_story(self, site: Site, nid: int) -> Story:
        # Archive stories are older: the day five years before the matching current item.
        day = self.published(site, FIRST_ITEM + nid) - timedelta(days=5 * 365)
        return story(f"ewt.{site.slug}", nid, site.province_th, site.source.iso_code or "", day)

    def archive_tis620(self, nid: int) -> bool:
        """Every other archive page is served in TIS-620, as old provincial servers did."""
        return nid % 2 == 1

    def archive_html(self, site: Site, nid: int) -> str:
        s = self.archive_story(site, nid)
        day = s.published.date()
        date_line = f"วันที่ {day.day} {MONTHS_ABBR[day.month - 1]} {day.year + 543}"
        reporter = s.truth.credits[0][1] if s.truth else ""
        charset = "tis-620" if self.archive_tis620(nid) else "utf-8"
        return ewt_article_html(
            site.province_th, s.title, date_line, reporter, s.paragraphs, charset
        )


def _categories(slug: str) -> dict[int, str]:
    news = NEWS_CATEGORY_IDS[zlib.crc32(slug.encode()) % len(NEWS_CATEGORY_IDS)]
    return {news: "ข่าวทั่วไป", news + 1: "ข่าวกิจกรรม", OTHER_CATEGORY[1]: OTHER_CATEGORY[0]}


def _province_th(source: Source) -> str:
    return source.name_th.removeprefix("สำนักงานประชาสัมพันธ์จังหวัด")


def _load_corpus(path: Path) -> list[tuple[str, str]]:
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=["title", "text"])
    return [
        (t or "", x or "")
        for t, x in zip(table["title"].to_pylist(), table["text"].to_pylist(), strict=True)
    ]
