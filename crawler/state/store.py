"""The crawl state: what was fetched and stored, with its validators (ETag, Last-Modified)
and content hash, in SQLite beside the dataset (DATA/_crawl/state.sqlite). A page counts as
stored only once the dataset has published its record, so a crawl killed before that
fetches it again in full. Rows are written once the dataset has published them, in one
transaction per commit. A distributed crawl keeps the same in Redis (RedisCrawlState),
which every worker, on any machine, sees."""

import json
import sqlite3
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    article_id TEXT,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    fetched_at TEXT,
    stored INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS pages_article ON pages (article_id);
"""


# A page fetched and not yet published: url, article id, etag, last modified, hash, fetched at.
Pending = tuple[str, str, str | None, str | None, str, str]


@dataclass(frozen=True)
class Known:
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    stored: bool


class CrawlState:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self._fetched: dict[str, Pending] = {}  # article id -> its row, until published

    def known(self, url: str) -> Known | None:
        row = self.db.execute(
            "SELECT etag, last_modified, content_hash, stored FROM pages WHERE url = ?", (url,)
        ).fetchone()
        return Known(row[0], row[1], row[2], bool(row[3])) if row else None

    def fetched(
        self,
        url: str,
        article_id: str,
        etag: str | None,
        last_modified: str | None,
        content_hash: str,
    ) -> None:
        """A page was fetched and its record handed to the dataset (not yet published):
        held in memory until `stored`, so a crawl killed before that fetches it again."""
        self._fetched[article_id] = (
            url,
            article_id,
            etag,
            last_modified,
            content_hash,
            datetime.now(UTC).isoformat(),
        )

    def _take(self, article_ids: list[str]) -> list[Pending]:
        """The pending rows of these articles, no longer pending."""
        return [self._fetched.pop(a) for a in article_ids if a in self._fetched]

    def stored(self, article_ids: list[str]) -> None:
        """The dataset published these articles: their pages may be fetched conditionally.
        One transaction for the lot."""
        rows = self._take(article_ids)
        self.db.execute("BEGIN")
        try:
            self.db.executemany(
                "INSERT INTO pages (url, article_id, etag, last_modified, content_hash, "
                "fetched_at, stored) VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT (url) DO UPDATE SET "
                "article_id = excluded.article_id, etag = excluded.etag, "
                "last_modified = excluded.last_modified, content_hash = excluded.content_hash, "
                "fetched_at = excluded.fetched_at, stored = 1",
                rows,
            )
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()


class RedisCrawlState(CrawlState):
    """The crawl state of a distributed crawl, in Redis, so workers on any machine share
    it: one hash per dataset (`<prefix>:pages:<dataset id>`, the id kept in
    DATA/_crawl/dataset-id), url -> [article id, etag, last modified, hash, fetched at]. On
    first use it takes over what the dataset's SQLite state knew."""

    def __init__(self, path: Path, url: str, prefix: str) -> None:
        import redis

        # No SQLite here: only the pending rows (fetched, forget) are the base class's.
        self.redis = redis.Redis.from_url(url)
        self.key = f"{prefix}:pages:{_dataset_id(path.parent)}"
        self._fetched = {}
        if self.redis.set(self.key + ":imported", "1", nx=True) and path.exists():
            self._import(path)

    def _import(self, path: Path) -> None:
        db = sqlite3.connect(path)
        try:
            rows = db.execute(
                "SELECT url, article_id, etag, last_modified, content_hash, fetched_at "
                "FROM pages WHERE stored = 1"
            )
            while batch := rows.fetchmany(10_000):
                self._put(batch)
        finally:
            db.close()

    def known(self, url: str) -> Known | None:
        raw = self.redis.hget(self.key, url)
        if raw is None:
            return None
        _, etag, last_modified, content_hash, _ = json.loads(raw)
        return Known(etag, last_modified, content_hash, True)

    def stored(self, article_ids: list[str]) -> None:
        self._put(self._take(article_ids))

    def _put(self, rows: Sequence[Pending]) -> None:
        """Rows of (url, article id, etag, last modified, hash, fetched at) into the hash."""
        if rows:
            self.redis.hset(self.key, mapping={r[0]: json.dumps(r[1:]) for r in rows})

    def close(self) -> None:
        self.redis.close()


def _dataset_id(crawl_dir: Path) -> str:
    """A dataset's id, made once: the same for every worker that writes it."""
    path = crawl_dir / "dataset-id"
    crawl_dir.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="ascii") as f:
            f.write(uuid.uuid4().hex)
    except FileExistsError:
        pass
    for _ in range(100):  # another worker may be writing it this instant
        if text := path.read_text(encoding="ascii").strip():
            return text
        time.sleep(0.01)
    raise RuntimeError(f"{path} is empty")
