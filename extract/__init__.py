"""Pure extraction: a Thai PR page or text in, a typed record out. No Scrapy, no I/O."""

EXTRACTOR_VERSION = "0.3.0"
