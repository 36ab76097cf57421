"""Bytes to text: BOM, the page's own <meta> charset, UTF-8, then cp874 (TIS-620's
superset), recording when the declared encoding was wrong."""

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
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[3:].decode("utf-8", "replace"), "utf-8", declared, False)
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
        return Decoded(text, codec, declared, codec != first)
    return Decoded(data.decode("utf-8", "replace"), "utf-8", declared, True)
