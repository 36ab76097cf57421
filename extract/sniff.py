"""Is an input a page or a text at all? Servers answer 200 with an empty body, or with a PDF
or an image where the article should be, and label any of them `text/html`; a user hands
`thaipr extract` an executable, an empty file, or a text in no encoding we read.

`not_a_page` judges a response's bytes (a crawl skips what is no page); `input_warnings`
judges the text an extractor is given, and its warnings go into the record;
`unusable_input` is the part of both that leaves nothing to extract."""

import re

# Leading bytes of what servers send in place of a page.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (docx, xlsx, …)"),
    (b"\xd0\xcf\x11\xe0", "an old MS Office document"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "an ELF executable"),
)
# Leading bytes that name binary input once it is known to be binary (alone, text may
# start with them too).
BINARY_NAMES: tuple[tuple[bytes, str], ...] = (
    *MAGIC,
    (b"MZ", "a Windows executable"),
    (b"PAR1", "a Parquet file"),
    (b"SQLite format 3\0", "an SQLite database"),
)
TEXT_TYPES = ("text/", "application/xhtml", "application/xml")
SNIFF_BYTES = 1024

# Warnings about the input itself, each opening with "input" (the record's `warnings`).
INPUT_EMPTY = "input is empty"
INPUT_BINARY = "input is binary, not a page or text"
INPUT_UNDECODABLE = "input has characters that could not be decoded (U+FFFD): not UTF-8 or TIS-620"
INPUT_NOT_THAI = "input has no Thai text"
INPUT_WARNINGS = (INPUT_EMPTY, INPUT_BINARY, INPUT_UNDECODABLE, INPUT_NOT_THAI)
# Text is binary with a NUL in its first this many characters (git's rule, and grep's) ...
NUL_WINDOW = 8000
# ... or when more than this share of its first NUL_WINDOW characters are control characters
# other than tab, line feed, vertical tab, form feed and carriage return.
MAX_CONTROL_SHARE = 0.1
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_THAI = re.compile("[\u0e01-\u0e5b]")


def not_a_page(body: bytes, content_type: str | None = None) -> str | None:
    """Why `body` is not an HTML page, in a few words; None when it may be one."""
    if not body.strip():
        return "empty body"
    label = (content_type or "").split(";")[0].strip().lower()
    for magic, what in MAGIC:
        if body.startswith(magic):
            return f"{what} (Content-Type {label or 'absent'}), not an HTML page"
    if label and not label.startswith(TEXT_TYPES):
        return f"Content-Type {label}, not an HTML page"
    if b"\0" in body[:SNIFF_BYTES]:
        return "binary data, not an HTML page"
    return None


def is_binary(text: str) -> bool:
    """True for text decoded from bytes that are no text: a NUL near the start, or many
    control characters."""
    head = text[:NUL_WINDOW]
    if "\0" in head:
        return True
    return len(_CONTROL.findall(head)) > MAX_CONTROL_SHARE * len(head)


def input_warnings(text: str) -> list[str]:
    """What is wrong with `text`, given as a page or a text, one warning each: empty or
    binary (then nothing else is said), characters that could not be decoded, no Thai
    letter. [] for a Thai page or text."""
    if not text or text.isspace():
        return [INPUT_EMPTY]
    if is_binary(text):
        return [INPUT_BINARY]
    warnings = []
    if "\ufffd" in text:
        warnings.append(INPUT_UNDECODABLE)
    if not _THAI.search(text):
        warnings.append(INPUT_NOT_THAI)
    return warnings


def unusable_input(data: bytes, text: str) -> str | None:
    """Why input of bytes `data`, decoded as `text`, leaves nothing to extract: empty, or
    binary (named by its leading bytes when known, or by them alone when they can start no
    page); None when it is a page or a text."""
    warnings = input_warnings(text)
    named = next((what for magic, what in MAGIC if data.startswith(magic)), None)
    if INPUT_EMPTY in warnings:
        return INPUT_EMPTY
    if INPUT_BINARY not in warnings and named is None:
        return None
    named = named or next((what for magic, what in BINARY_NAMES if data.startswith(magic)), None)
    return f"input is binary ({named}?), not a page or text" if named else INPUT_BINARY
