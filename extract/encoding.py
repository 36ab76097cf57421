"""Bytes to text: BOM (UTF-8 or UTF-16), the page's own <meta> charset, UTF-8, then cp874
(TIS-620's superset) when it reads as Thai, recording when the declared encoding was wrong.
Bytes that none of these fit are read as UTF-8, each undecodable byte a U+FFFD."""

import codecs
import re
from dataclasses import dataclass

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# Names Thai servers use for the same code page.
_THAI_ALIASES = {
    "tis-620": "cp874",
    "tis620": "cp874",
    "iso-8859-11": "cp874",
    "x-windows-874": "cp874",
    "windows-874": "cp874",
}
SNIFF_BYTES = 4096
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# cp874 decodes most bytes; text in a Latin code page comes out as Thai letters glued to
# Latin ones (café -> caf้). Guessed (not declared), cp874 must give Thai letters of which
# fewer than this share touch a Latin letter.
MAX_GLUED_THAI = 0.5
_THAI = re.compile("[\u0e01-\u0e5b]")
_GLUED_THAI = re.compile("(?<=[A-Za-z])[\u0e01-\u0e5b]|[\u0e01-\u0e5b](?=[A-Za-z])")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    declared: str | None
    repaired: bool  # the declared (or assumed) encoding did not fit the bytes


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = _THAI_ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode page bytes; `declared` is the HTTP header's charset, if any."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(codec, "replace"), codec, declared, False)
    meta = _META_CHARSET.search(data[:SNIFF_BYTES])
    candidates = [
        _codec(declared),
        _codec(meta.group(1).decode("ascii")) if meta else None,
        "utf-8",
        "cp874",
    ]
    first = next((c for c in candidates if c), "utf-8")
    for codec in dict.fromkeys(c for c in candidates if c):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "cp874" and codec != first and not reads_as_thai(text):
            continue
        return Decoded(text, codec, declared, codec != first)
    return Decoded(data.decode("utf-8", "replace"), "utf-8", declared, True)


def reads_as_thai(text: str) -> bool:
    """True when `text`, decoded as cp874, has Thai letters that stand on their own, not
    glued to Latin letters as a Latin code page's accented letters come out."""
    thai = len(_THAI.findall(text))
    return thai > 0 and len(_GLUED_THAI.findall(text)) < MAX_GLUED_THAI * thai
