"""The province a site stands for, from its host: a PRD provincial office
(`nongkhai.prd.go.th`), or a provincial hall, PAO or agency host named after its province
(`nonthaburi.go.th`, `koratpao.go.th`, `buriram.mol.go.th`)."""

from functools import lru_cache
from urllib.parse import urlsplit

from extract.geo import province_by_english
from extract.lexicon import HOST_PROVINCE_SUFFIXES, SITE_SLUG_PROVINCES

# PRD hosts that stand for no province: headquarters and the regional bureaus.
_PRD_DOMAIN = ".prd.go.th"


def site_province(url: str | None) -> str | None:
    """The ISO 3166-2:TH code of the province a page's host is named after, or None."""
    if not url:
        return None
    return _host_province((urlsplit(url).hostname or "").lower())


@lru_cache(maxsize=1024)  # a crawl reads thousands of pages from each of a few hundred hosts
def _host_province(host: str) -> str | None:
    labels = host.split(".")
    if host.endswith(_PRD_DOMAIN):
        return _slug_province(labels[0])
    if not host.endswith(".go.th"):
        return None
    for label in labels[:-2]:  # not "go", "th"
        code = _slug_province(label) or _slug_province(_without_suffix(label))
        if code:
            return code
    return None


def _slug_province(slug: str) -> str | None:
    if slug in SITE_SLUG_PROVINCES:
        return f"TH-{SITE_SLUG_PROVINCES[slug]}"
    p = province_by_english(slug) if slug.isalpha() else None
    return p.code if p else None


def _without_suffix(label: str) -> str:
    for suffix in HOST_PROVINCE_SUFFIXES:
        if label.endswith(suffix) and len(label) > len(suffix) + 2:
            return label[: -len(suffix)]
    return label
