"""thaipr's crawler: decides what to fetch (Scrapy), hands pages to `extract` and records to
`output`."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("thaipr")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
