"""The report's figures, drawn with matplotlib (its object API, no pyplot: no global state)
into PNG bytes, in a Thai font.

The font is looked for among matplotlib's fonts by family name (THAI_FAMILIES, in order of
preference), then among all of them by coverage of the Thai block; matplotlib's font cache
may predate a font installed since, so the system's font folders are read again before
giving up. A Latin family follows the Thai one, for the characters a Thai font lacks
(matplotlib falls back glyph by glyph). Every string drawn is checked against those fonts:
a character none of them has would be drawn as a box ("tofu"), and is recorded in
`Plotter.warnings` instead of passing unnoticed."""

import io
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib import colormaps, font_manager, rc_context
from matplotlib.colors import LogNorm, Normalize
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator, NullFormatter
from matplotlib.typing import RcKeyType

from thaipr.report.queries import Grid

# Thai families, best first: Noto Sans Thai (fonts-noto-core), Sarabun and TH Sarabun (the
# government's own), the TLWG fonts of Debian's fonts-thai-tlwg, then Windows' and macOS's.
THAI_FAMILIES = (
    "Noto Sans Thai",
    "Noto Sans Thai UI",
    "Sarabun",
    "TH Sarabun New",
    "TH SarabunPSK",
    "Loma",
    "Garuda",
    "Waree",
    "Norasi",
    "Tahoma",
    "Leelawadee UI",
    "Thonburi",
)
LATIN_FAMILIES = ("Noto Sans", "DejaVu Sans")  # matplotlib ships DejaVu Sans
# The Thai block's letters, vowels, tone marks and digits: a Thai font has all of them.
THAI_BLOCK = "".join(chr(c) for c in range(0x0E01, 0x0E5C) if unicodedata.category(chr(c)) != "Cn")
NO_THAI_FONT = (
    "no Thai font found: Thai text in the plots is drawn as boxes; install one "
    "(`apt-get install fonts-thai-tlwg`, as `make setup` does) and run the report again"
)
DPI = 150  # PNG pixels per inch; the page shows them at 96 per inch (sharp on HiDPI too)
CSS_DPI = 96
WIDTH = 11.0  # inches: a figure as wide as the page's column
MAX_LABEL = 48  # characters of a tick label before it is cut with "…"
ROTATE_AT = 60  # column labels are turned 45° when they add up to more characters
MAX_ANNOTATED = 700  # cells of a heatmap that get their value written in
LOG_FROM = 50  # a count grid whose largest cell reaches this is coloured on a log scale
STYLE: dict[RcKeyType, Any] = {
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "text.parse_math": False,  # a `$` in a venue's name is text, not TeX
    "figure.facecolor": "white",
}


@dataclass(frozen=True)
class FontChoice:
    families: tuple[str, ...]  # matplotlib's font.family: the Thai family first, then Latin
    files: tuple[str, ...]  # their files, in that order (for the glyph check)
    thai: str | None  # the Thai family; None when there is none


@dataclass(frozen=True)
class Image:
    png: bytes
    width: int  # CSS pixels
    height: int
    alt: str


def choose_font(preferred: Sequence[str] = THAI_FAMILIES) -> FontChoice:
    """A Thai family and a Latin one after it, as installed; `thai` None when none is."""
    thai = _thai_font(preferred)
    if thai is None and _rescan():
        thai = _thai_font(preferred)
    latin = [(f, p) for f in LATIN_FAMILIES if (p := _file_of(f))][:1]
    chosen = ([thai] if thai else []) + latin
    return FontChoice(
        tuple(f for f, _ in chosen), tuple(p for _, p in chosen), thai[0] if thai else None
    )


def _thai_font(preferred: Sequence[str]) -> tuple[str, str] | None:
    """(family, file) of the first preferred family that covers Thai, else of any font."""
    for family in preferred:
        path = _file_of(family)
        if path and _covers(path, THAI_BLOCK):
            return family, path
    fonts = sorted(font_manager.fontManager.ttflist, key=lambda f: (f.name, f.weight, f.fname))
    for font in fonts:
        if font.style == "normal" and _covers(font.fname, THAI_BLOCK):
            return font.name, font.fname
    return None


def _file_of(family: str) -> str | None:
    props = font_manager.FontProperties(family=family)
    try:
        path = font_manager.fontManager.findfont(props, fallback_to_default=False)
    except ValueError:
        return None
    return str(path)


def _covers(path: str, chars: str) -> bool:
    try:
        face = font_manager.get_font(path)
    except (OSError, RuntimeError):
        return False
    return all(face.get_char_index(ord(c)) for c in chars)


def _rescan() -> bool:
    """Add the system's fonts matplotlib's cache does not know; True when there were any."""
    known = {f.fname for f in font_manager.fontManager.ttflist}
    added = False
    for path in font_manager.findSystemFonts():
        if path in known:
            continue
        try:
            font_manager.fontManager.addfont(path)
            added = True
        except (OSError, RuntimeError, ValueError):
            continue  # a font file FreeType cannot read: not ours to fix
    return added


class Plotter:
    """Draws the report's figures in the chosen font and records every character drawn
    that no font of it has."""

    def __init__(self, font: FontChoice) -> None:
        self.font = font
        self._faces = [font_manager.get_font(path) for path in font.files]
        self.missing: dict[str, str] = {}  # character -> a text it was in
        self._style: dict[RcKeyType, Any] = {
            **STYLE,
            "font.family": list(font.families) or ["sans-serif"],
        }

    @property
    def warnings(self) -> list[str]:
        found = [] if self.font.thai else [NO_THAI_FONT]
        if self.missing:
            chars = ", ".join(
                f"{c!r} (U+{ord(c):04X}, in {t!r})" for c, t in sorted(self.missing.items())
            )
            fonts = " + ".join(self.font.families) or "matplotlib's default"
            found.append(f"missing glyphs in {fonts}, drawn as boxes: {chars}")
        return found

    def missing_glyphs(self, text: str) -> list[str]:
        """The characters of `text` that no font of the choice can draw."""
        return [
            c
            for c in dict.fromkeys(text)
            if not c.isspace()
            and unicodedata.category(c) not in ("Cc", "Cf")
            and not any(face.get_char_index(ord(c)) for face in self._faces)
        ]

    @contextmanager
    def _figure(self, width: float, height: float) -> Iterator[Figure]:
        with rc_context(self._style):
            yield Figure(figsize=(width, height), layout="constrained")

    def _png(self, fig: Figure, alt: str) -> Image:
        buffer = io.BytesIO()
        with rc_context(self._style), warnings.catch_warnings():
            # matplotlib warns per missing glyph; they are collected below instead.
            warnings.simplefilter("ignore", UserWarning)
            fig.savefig(buffer, format="png", dpi=DPI)
        for text in fig.findobj(Text):
            if isinstance(text, Text) and text.get_visible():
                content = text.get_text()
                for c in self.missing_glyphs(content):
                    self.missing.setdefault(c, content)
        width, height = fig.get_size_inches()
        return Image(buffer.getvalue(), round(width * CSS_DPI), round(height * CSS_DPI), alt)

    def heatmap(
        self,
        grid: Grid,
        *,
        title: str,
        legend: str,
        cmap: str = "YlGnBu",
        percent: bool = False,
        mask_zero: bool = False,
    ) -> Image:
        """A grid of coloured cells, each with its value written in when they are few;
        `percent`: values are shares in [0, 1]; `mask_zero`: zero cells are left blank."""
        rows, cols = len(grid.rows), len(grid.columns)
        columns = _columns(grid.columns)
        longest = max(len(c) for c in columns)
        rotate_columns = longest * cols > ROTATE_AT
        column_room = min(longest, MAX_LABEL) * 0.06 if rotate_columns else 0.3
        width = min(WIDTH, max(6.0, 2.8 + 0.42 * cols + (1.2 if grid.bands else 0)))
        height = max(2.4, 1.0 + column_room + 0.24 * rows)
        with self._figure(width, height) as fig:
            ax = fig.add_subplot()
            values = np.array(grid.values, dtype=float)
            shown = np.ma.masked_equal(values, 0) if mask_zero else values
            colours = colormaps[cmap].with_extremes(bad="#f2f2f2")
            top = 1.0 if percent else max(float(values.max()), 1.0)
            # Counts spread over orders of magnitude (one busy province) get a log scale.
            norm = LogNorm(1, top) if mask_zero and top >= LOG_FROM else Normalize(0, top)
            image = ax.imshow(
                shown, aspect="auto", cmap=colours, norm=norm, interpolation="nearest"
            )
            ax.set_title(title)
            ax.set_xticks(range(cols), labels=columns)
            if rotate_columns:
                ax.tick_params(axis="x", labelrotation=45)
                for label in ax.get_xticklabels():
                    label.set_horizontalalignment("right")
                    label.set_rotation_mode("anchor")
            ax.set_yticks(range(rows), labels=[_cut(r) for r in grid.rows])
            ax.tick_params(length=0)
            for spine in ax.spines.values():
                spine.set_visible(False)
            if rows * cols <= MAX_ANNOTATED:
                _annotate(ax, values, norm, percent)
            if grid.bands:
                for _, _, end in grid.bands[:-1]:
                    ax.axhline(end - 0.5, color="white", linewidth=3)
                side = ax.secondary_yaxis("right")
                side.set_yticks(
                    [(start + end - 1) / 2 for _, start, end in grid.bands],
                    labels=[label for label, _, _ in grid.bands],
                )
                side.tick_params(length=0)
                side.spines["right"].set_visible(False)
            bar = fig.colorbar(image, ax=ax, shrink=min(1.0, 6 / max(rows, 1)), pad=0.02)
            bar.set_label(legend)
            if percent:
                bar.set_ticks([0, 0.25, 0.5, 0.75, 1], labels=["0%", "25%", "50%", "75%", "100%"])
            elif isinstance(norm, LogNorm):
                bar.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
                bar.ax.yaxis.set_minor_formatter(NullFormatter())
            else:
                bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            bar.outline.set_visible(False)
            return self._png(fig, title)

    def bars(
        self, labels: Sequence[str], values: Sequence[int], *, title: str, xlabel: str
    ) -> Image:
        """Horizontal bars, the first label at the top, each with its count at its end."""
        height = max(1.8, 0.8 + 0.3 * len(labels))
        with self._figure(min(WIDTH, 9.0), height) as fig:
            ax = fig.add_subplot()
            positions = range(len(labels))
            bars = ax.barh(positions, values, color="#3b7dd8")
            ax.set_yticks(positions, labels=[_cut(label) for label in labels])
            ax.invert_yaxis()
            ax.bar_label(bars, labels=[f"{v:,}" for v in values], padding=3, fontsize=8)
            _counts_axis(ax, title, xlabel)
            return self._png(fig, title)

    def stacked_bars(
        self, rows: Sequence[str], series: dict[str, list[int]], *, title: str, xlabel: str
    ) -> Image:
        """Horizontal bars per row, stacked by series (with a legend)."""
        height = max(1.8, 1.0 + 0.4 * len(rows))
        with self._figure(min(WIDTH, 9.0), height) as fig:
            ax = fig.add_subplot()
            left = np.zeros(len(rows))
            palette = colormaps["tab10"]
            for k, (name, counts) in enumerate(series.items()):
                ax.barh(range(len(rows)), counts, left=left, label=name, color=palette(k % 10))
                left += np.array(counts)
            ax.set_yticks(range(len(rows)), labels=list(rows))
            ax.invert_yaxis()
            for y, total in enumerate(left):
                ax.text(total, y, f" {int(total):,}", va="center", fontsize=8)
            _counts_axis(ax, title, xlabel)
            ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
            return self._png(fig, title)


def _counts_axis(ax: Any, title: str, xlabel: str) -> None:
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(x=0.08)
    ax.tick_params(axis="y", length=0)


def _annotate(ax: Any, values: "np.ndarray[Any, Any]", norm: Normalize, percent: bool) -> None:
    for (r, c), v in np.ndenumerate(values):
        if not percent and v == 0:
            continue
        text = f"{round(v * 100)}" if percent else f"{int(v):,}"
        # white on the colour maps' dark ends: YlGnBu's top, RdYlGn's both ends
        dark = (v >= 0.85 or v <= 0.15) if percent else float(norm(v)) > 0.6
        colour = "white" if dark else "black"
        ax.text(c, r, text, ha="center", va="center", fontsize=8, color=colour)


def _columns(columns: Sequence[str]) -> list[str]:
    """Column labels; months past two years are labelled in January only."""
    months = all(len(c) == 7 and c[4] == "-" for c in columns)
    if months and len(columns) > 24:
        return [c[:4] if c.endswith("-01") or i == 0 else "" for i, c in enumerate(columns)]
    return [_cut(c) for c in columns]


def _cut(text: str, limit: int = MAX_LABEL) -> str:
    """At most `limit` characters, cut with "…" (never between a letter and its marks)."""
    if len(text) <= limit:
        return text
    cut = limit - 1
    while cut > 0 and unicodedata.category(text[cut]) in ("Mn", "Mc"):
        cut -= 1
    return text[:cut].rstrip() + "…"
