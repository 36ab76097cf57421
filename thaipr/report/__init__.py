"""`thaipr report`: one self-contained HTML page that shows what a dataset holds, for a
researcher to look at before querying it.

    from thaipr.report import build_report
    page = build_report(Path("data"))          # the HTML, and what went wrong drawing it
    Path("report.html").write_text(page.html, encoding="utf-8")

Three steps, one module each: `queries` asks the dataset (DuckDB over its views) for each
section's numbers; `plots` draws them with matplotlib in a Thai font and checks that every
character drawn has a glyph; `html` lays out the page (UTF-8, PNGs inline as base64, no
script, nothing loaded from the network). `build` ties them together, section by section."""

from thaipr.report.build import Page, build_report

__all__ = ["Page", "build_report"]
