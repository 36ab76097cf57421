"""Is a response an HTML page at all? Servers answer 200 with an empty body, or with a PDF
or an image where the article should be, and label any of them `text/html`."""

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
)
TEXT_TYPES = ("text/", "application/xhtml", "application/xml")
SNIFF_BYTES = 1024


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
