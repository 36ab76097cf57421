"""The report's page: one HTML file that opens anywhere with no network. UTF-8, its style
inline, figures as base64 PNGs in `data:` URIs, no script; tables in a font stack that
starts with Thai fonts, their Thai cells marked `lang="th"`."""

import base64
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from html import escape

from thaipr.report.plots import Image
from thaipr.report.queries import Summary

THAI = re.compile("[\u0e00-\u0e7f]")
FONTS = (
    '"Noto Sans Thai", "Noto Sans", "Sarabun", "Leelawadee UI", Tahoma, "Thonburi", '
    "Loma, Garuda, system-ui, sans-serif"
)
STYLE = f"""
:root {{ color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb;
  --accent: #2f6fd0; --soft: #f5f7fa; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; font-family: {FONTS}; color: var(--ink); background: #fff;
  line-height: 1.6; font-size: 15px; }}
main {{ max-width: 1120px; margin: 0 auto; padding: 32px 28px 64px; }}
h1 {{ font-size: 28px; margin: 0 0 4px; }}
h2 {{ font-size: 20px; margin: 0 0 2px; padding-top: 8px; }}
.sub, .lead, footer {{ color: var(--muted); }}
.sub {{ margin: 0 0 24px; }} .lead {{ margin: 0 0 16px; }}
section {{ border-top: 1px solid var(--line); padding: 20px 0 12px; }}
.cards {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
  gap: 12px; margin: 12px 0 8px; }}
.card {{ background: var(--soft); border-radius: 8px; padding: 12px 16px; }}
.card b {{ display: block; font-size: 20px; }}
.card span {{ color: var(--muted); font-size: 13px; }}
nav ol {{ columns: 2; padding-left: 20px; margin: 8px 0 0; }}
nav a {{ color: var(--accent); text-decoration: none; }}
.notes {{ background: #fff4e5; border-left: 4px solid #e8a33d; padding: 10px 16px;
  margin: 16px 0; }}
.empty {{ background: var(--soft); border-left: 4px solid var(--muted); padding: 10px 16px; }}
figure {{ margin: 8px 0 20px; }}
img {{ max-width: 100%; height: auto; display: block; }}
table {{ border-collapse: collapse; margin: 8px 0 20px; font-size: 14px; width: 100%; }}
th, td {{ text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line);
  vertical-align: top; overflow-wrap: break-word; }}
td.long {{ overflow-wrap: anywhere; }}
th {{ background: var(--soft); font-weight: 600; }}
td.n, th.n {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
tbody tr:nth-child(even) {{ background: #fbfcfd; }}
footer {{ border-top: 1px solid var(--line); padding-top: 12px; font-size: 13px; }}
"""


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    numeric: tuple[int, ...] = ()  # columns aligned right
    long: tuple[int, ...] = ()  # columns of long unbroken text (URLs): wrapped anywhere


Part = Image | Table | str  # a figure, a table, or a paragraph


@dataclass(frozen=True)
class Section:
    key: str  # its id in the page
    heading: str
    lead: str  # one line: what it shows
    parts: tuple[Part, ...] = field(default=())
    note: str | None = None  # why there is nothing to show

    def with_parts(self, *parts: Part) -> "Section":
        return replace(self, parts=parts)

    def with_note(self, note: str) -> "Section":
        return replace(self, note=note)


def render(
    *,
    title: str,
    data: str,
    summary: Summary,
    sections: Sequence[Section],
    notes: Sequence[str],
    font: str,
    footer: str,
) -> str:
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">The dataset at <code>{escape(data)}</code></p>',
        _summary(summary),
    ]
    if notes:
        items = "".join(f"<li>{escape(n)}</li>" for n in notes)
        body.append(f'<div class="notes" id="notes"><b>Notes</b><ul>{items}</ul></div>')
    links = "".join(f'<li><a href="#{s.key}">{escape(s.heading)}</a></li>' for s in sections)
    body.append(f"<nav><b>Sections</b><ol>{links}</ol></nav>")
    body += [_section(s) for s in sections]
    body.append(f"<footer>{escape(footer)} Plots drawn in {escape(font)}.</footer>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="thaipr-plot-font" content="{escape(font)}">\n'
        f"<title>{escape(title)}: {escape(data)}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def _summary(s: Summary) -> str:
    versions = (
        f"{s.versions:,} versions written" if s.versions != s.articles else "one version each"
    )
    extractors = ", ".join(f"{v} ({n:,})" for v, n in s.extractor_versions) or "none"
    cards = [
        (f"{s.articles:,}", f"articles ({versions})"),
        (f"{s.provinces:,}", "provinces"),
        (f"{s.sites:,}", "sites"),
        (_range(s.published), "published"),
        (_range(s.events), "event dates"),
        (extractors, "extractor versions (articles)"),
        (f"{s.crawls:,}", "crawls or runs that wrote them"),
        (f"{s.errors:,}", "errors recorded"),
    ]
    html = "".join(
        f'<div class="card"><b>{escape(v)}</b><span>{escape(k)}</span></div>' for v, k in cards
    )
    empty = (
        '<p class="empty">This dataset is empty: no article yet. Crawl into it with '
        "<code>thaipr crawl --out</code>.</p>"
        if not s.articles
        else ""
    )
    return f'<section id="summary"><h2>Summary</h2>{empty}<div class="cards">{html}</div></section>'


def _range(days: tuple[date | None, date | None]) -> str:
    first, last = days
    if first is None or last is None:
        return "–"
    return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"


def _section(s: Section) -> str:
    out = [
        f'<section id="{escape(s.key)}">',
        f"<h2>{escape(s.heading)}</h2>",
        f'<p class="lead">{escape(s.lead)}</p>',
    ]
    if s.note:
        out.append(f'<p class="empty">{escape(s.note)}</p>')
    for part in s.parts:
        if isinstance(part, Image):
            out.append(_image(part))
        elif isinstance(part, Table):
            out.append(_table(part))
        else:
            out.append(f"<p>{escape(part)}</p>")
    out.append("</section>")
    return "\n".join(out)


def _image(image: Image) -> str:
    data = base64.b64encode(image.png).decode("ascii")
    return (
        f'<figure><img src="data:image/png;base64,{data}" width="{image.width}" '
        f'height="{image.height}" alt="{escape(image.alt)}"></figure>'
    )


def _table(table: Table) -> str:
    def cell(tag: str, i: int, text: str) -> str:
        attrs = ' class="n"' if i in table.numeric else ' class="long"' if i in table.long else ""
        if THAI.search(text):
            attrs += ' lang="th"'
        return f"<{tag}{attrs}>{escape(text)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(table.header))
    rows = "".join(
        "<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>"
        for row in table.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
