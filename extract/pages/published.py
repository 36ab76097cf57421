"""A page's published date from structured metadata (ISO 8601, RFC 822, CE text)."""

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from extract.thaidate import parse_date_text

THAI_TZ = timezone(timedelta(hours=7))


def parse_published(raw: str) -> tuple[date | None, str | None]:
    """(date, ISO datetime with offset or None) from a metadata date string.

    ISO 8601 and RFC 822 first (feeds, meta tags), then the Thai grammar (BE dates), then
    dateparser, which is right for CE dates in other languages and formats.
    """
    raw = raw.strip()
    if not raw:
        return None, None
    try:
        dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        return _split(dt, has_time="T" in raw or " " in raw.strip())
    except ValueError:
        pass
    try:
        return _split(parsedate_to_datetime(raw), has_time=True)
    except (TypeError, ValueError, IndexError):
        pass
    thai = parse_date_text(raw)
    if thai:
        return thai, None
    if re.search(r"[A-Za-z]{3}|\d{4}", raw):
        import dateparser  # slow to import; only reached for unusual metadata

        dt = dateparser.parse(
            raw, settings={"RETURN_AS_TIMEZONE_AWARE": True, "TIMEZONE": "Asia/Bangkok"}
        )
        if dt is not None:
            return _split(dt, has_time=True)
    return None, None


def _split(dt: datetime, has_time: bool) -> tuple[date, str | None]:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=THAI_TZ)
    local = dt.astimezone(THAI_TZ)
    return local.date(), local.isoformat() if has_time else None
