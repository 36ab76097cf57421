"""Where thaipr crawls: every PRD site as typed data (notes/prd-platform.md). One row per
site; the template names the page parser and spider that serve it. Users add sites on the
same CMS, or old-CMS archives, in a TOML file (`thaipr crawl --sources FILE`):

    [[source]]
    slug = "onab"
    host = "www.onab.go.th"
    name_th = "สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด"
    name_en = "Office of the Narcotics Control Board"
    # iso_code = "TH-10", template = "prd" (default) or "ewt", kind = "other",
    # base_url = "https://www.onab.go.th/news" when the CMS is not at the host's root,
    # seat = "TH-40" for an office over several provinces (its region is the seat's)

Each source has a region: that of the province it reports on, else of its seat, else
`national`. A mistyped `--province` is answered with the closest slugs (`closest`).
"""

import difflib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from output.schema import PROVINCE_PATTERN

TEMPLATES = ("prd", "ewt")
KINDS = ("province", "headquarters", "regional", "archive", "other")
# The old provincial CMS ("EWT") serves every province's archive from one host.
ARCHIVE_HOST = "pr.prd.go.th"
# A provincial office's names: these around the province's name.
PROVINCE_OFFICE_TH = "สำนักงานประชาสัมพันธ์จังหวัด"
PROVINCE_OFFICE_EN = " Provincial Public Relations Office"

# The six regions of the National Geographical Committee (1977), the grouping the Royal
# Institute and school geography use: the ISO 3166-2:TH codes of each region's provinces
# (TH-10 Bangkok, TH-S Pattaya). The Meteorological Department groups them otherwise.
REGIONS: dict[str, tuple[str, ...]] = {
    "north": ("TH-50", "TH-51", "TH-52", "TH-53", "TH-54", "TH-55", "TH-56", "TH-57", "TH-58"),
    "northeast": tuple(f"TH-{n}" for n in range(30, 50)),
    "central": (
        *(f"TH-{n}" for n in range(10, 20)),
        *("TH-26", "TH-60", "TH-61", "TH-62", "TH-64", "TH-65", "TH-66", "TH-67"),
        *("TH-72", "TH-73", "TH-74", "TH-75"),
    ),
    "east": ("TH-20", "TH-21", "TH-22", "TH-23", "TH-24", "TH-25", "TH-27", "TH-S"),
    "west": ("TH-63", "TH-70", "TH-71", "TH-76", "TH-77"),
    "south": (*(f"TH-{n}" for n in range(80, 87)), *(f"TH-{n}" for n in range(90, 97))),
}
NATIONAL = "national"  # an office over the whole country, or a source of no province
REGION_NAMES = (*REGIONS, NATIONAL)
REGION_OF: dict[str, str] = {code: region for region, codes in REGIONS.items() for code in codes}
# A mistyped --province: which slugs `closest` suggests.
CLOSE = 0.75  # the least similarity (difflib's ratio) to a slug or name
CLOSE_MARGIN = 0.1  # and no further than this below the closest one's
MIN_PREFIX = 3  # a name this long or longer is also compared with the start of each name


@dataclass(frozen=True)
class Source:
    slug: str  # unique; the site label of `{slug}.prd.go.th` for provincial offices
    host: str
    name_th: str
    name_en: str
    iso_code: str | None  # ISO 3166-2:TH of the province it reports on; None: several
    template: str = "prd"  # prd: the current CMS; ewt: the old provincial CMS
    kind: str = "province"
    scheme: str = "https"
    base_url_override: str | None = None  # a site served under a path, or elsewhere
    seat: str | None = None  # ISO code of the province an office over several sits in

    @property
    def region(self) -> str:
        """The region of the province it reports on, else of its seat, else `national`."""
        code = self.iso_code or self.seat
        return REGION_OF.get(code, NATIONAL) if code else NATIONAL

    @property
    def short_th(self) -> str:
        """A provincial office's (or archive's) province, `หนองคาย`; else the whole name."""
        return self.name_th.removeprefix(PROVINCE_OFFICE_TH)

    @property
    def short_en(self) -> str:
        """A provincial office's (or archive's) province, `Nong Khai`; else the whole name."""
        return self.name_en.removesuffix(PROVINCE_OFFICE_EN)

    @property
    def base_url(self) -> str:
        """The site's root: `https://nongkhai.prd.go.th`; an archive's province directory:
        `https://pr.prd.go.th/phayao`."""
        if self.base_url_override:
            return self.base_url_override.rstrip("/")
        root = f"{self.scheme}://{self.host}"
        return f"{root}/{self.slug.removeprefix('ewt.')}" if self.template == "ewt" else root


def _province(slug: str, name_th: str, name_en: str, iso_code: str) -> Source:
    return Source(
        slug,
        f"{slug}.prd.go.th",
        f"{PROVINCE_OFFICE_TH}{name_th}",
        f"{name_en}{PROVINCE_OFFICE_EN}",
        iso_code,
    )


def _regional(n: int, seat: str) -> Source:
    """Regional bureau n, seated in the province of that slug."""
    province = next(p for p in PROVINCES if p.slug == seat)
    return Source(
        f"region{n}",
        f"region{n}.prd.go.th",
        f"สำนักประชาสัมพันธ์เขต {n} ({province.short_th})",
        f"Regional Public Relations Bureau {n}",
        None,
        kind="regional",
        seat=province.iso_code,
    )


PROVINCES: tuple[Source, ...] = (
    _province("samutprakan", "สมุทรปราการ", "Samut Prakan", "TH-11"),
    _province("nonthaburi", "นนทบุรี", "Nonthaburi", "TH-12"),
    _province("pathumthani", "ปทุมธานี", "Pathum Thani", "TH-13"),
    _province("ayutthaya", "พระนครศรีอยุธยา", "Phra Nakhon Si Ayutthaya", "TH-14"),
    _province("angthong", "อ่างทอง", "Ang Thong", "TH-15"),
    _province("lopburi", "ลพบุรี", "Lop Buri", "TH-16"),
    _province("singburi", "สิงห์บุรี", "Sing Buri", "TH-17"),
    _province("chainat", "ชัยนาท", "Chai Nat", "TH-18"),
    _province("saraburi", "สระบุรี", "Saraburi", "TH-19"),
    _province("chonburi", "ชลบุรี", "Chon Buri", "TH-20"),
    _province("rayong", "ระยอง", "Rayong", "TH-21"),
    _province("chanthaburi", "จันทบุรี", "Chanthaburi", "TH-22"),
    _province("trat", "ตราด", "Trat", "TH-23"),
    _province("chachoengsao", "ฉะเชิงเทรา", "Chachoengsao", "TH-24"),
    _province("prachinburi", "ปราจีนบุรี", "Prachin Buri", "TH-25"),
    _province("nakhonnayok", "นครนายก", "Nakhon Nayok", "TH-26"),
    _province("sakaeo", "สระแก้ว", "Sa Kaeo", "TH-27"),
    _province("nakhonratchasima", "นครราชสีมา", "Nakhon Ratchasima", "TH-30"),
    _province("buriram", "บุรีรัมย์", "Buri Ram", "TH-31"),
    _province("surin", "สุรินทร์", "Surin", "TH-32"),
    _province("sisaket", "ศรีสะเกษ", "Si Sa Ket", "TH-33"),
    _province("ubonratchathani", "อุบลราชธานี", "Ubon Ratchathani", "TH-34"),
    _province("yasothon", "ยโสธร", "Yasothon", "TH-35"),
    _province("chaiyaphum", "ชัยภูมิ", "Chaiyaphum", "TH-36"),
    _province("amnatcharoen", "อำนาจเจริญ", "Amnat Charoen", "TH-37"),
    _province("buengkan", "บึงกาฬ", "Bueng Kan", "TH-38"),
    _province("nongbualamphu", "หนองบัวลำภู", "Nong Bua Lam Phu", "TH-39"),
    _province("khonkaen", "ขอนแก่น", "Khon Kaen", "TH-40"),
    _province("udonthani", "อุดรธานี", "Udon Thani", "TH-41"),
    _province("loei", "เลย", "Loei", "TH-42"),
    _province("nongkhai", "หนองคาย", "Nong Khai", "TH-43"),
    _province("mahasarakham", "มหาสารคาม", "Maha Sarakham", "TH-44"),
    _province("roiet", "ร้อยเอ็ด", "Roi Et", "TH-45"),
    _province("kalasin", "กาฬสินธุ์", "Kalasin", "TH-46"),
    _province("sakonnakhon", "สกลนคร", "Sakon Nakhon", "TH-47"),
    _province("nakhonphanom", "นครพนม", "Nakhon Phanom", "TH-48"),
    _province("mukdahan", "มุกดาหาร", "Mukdahan", "TH-49"),
    _province("chiangmai", "เชียงใหม่", "Chiang Mai", "TH-50"),
    _province("lamphun", "ลำพูน", "Lamphun", "TH-51"),
    _province("lampang", "ลำปาง", "Lampang", "TH-52"),
    _province("uttaradit", "อุตรดิตถ์", "Uttaradit", "TH-53"),
    _province("phrae", "แพร่", "Phrae", "TH-54"),
    _province("nan", "น่าน", "Nan", "TH-55"),
    _province("phayao", "พะเยา", "Phayao", "TH-56"),
    _province("chiangrai", "เชียงราย", "Chiang Rai", "TH-57"),
    _province("maehongson", "แม่ฮ่องสอน", "Mae Hong Son", "TH-58"),
    _province("nakhonsawan", "นครสวรรค์", "Nakhon Sawan", "TH-60"),
    _province("uthaithani", "อุทัยธานี", "Uthai Thani", "TH-61"),
    _province("kamphaengphet", "กำแพงเพชร", "Kamphaeng Phet", "TH-62"),
    _province("tak", "ตาก", "Tak", "TH-63"),
    _province("sukhothai", "สุโขทัย", "Sukhothai", "TH-64"),
    _province("phitsanulok", "พิษณุโลก", "Phitsanulok", "TH-65"),
    _province("phichit", "พิจิตร", "Phichit", "TH-66"),
    _province("phetchabun", "เพชรบูรณ์", "Phetchabun", "TH-67"),
    _province("ratchaburi", "ราชบุรี", "Ratchaburi", "TH-70"),
    _province("kanchanaburi", "กาญจนบุรี", "Kanchanaburi", "TH-71"),
    _province("suphanburi", "สุพรรณบุรี", "Suphan Buri", "TH-72"),
    _province("nakhonpathom", "นครปฐม", "Nakhon Pathom", "TH-73"),
    _province("samutsakhon", "สมุทรสาคร", "Samut Sakhon", "TH-74"),
    _province("samutsongkhram", "สมุทรสงคราม", "Samut Songkhram", "TH-75"),
    _province("phetchaburi", "เพชรบุรี", "Phetchaburi", "TH-76"),
    _province("prachuapkhirikhan", "ประจวบคีรีขันธ์", "Prachuap Khiri Khan", "TH-77"),
    _province("nakhonsithammarat", "นครศรีธรรมราช", "Nakhon Si Thammarat", "TH-80"),
    _province("krabi", "กระบี่", "Krabi", "TH-81"),
    _province("phangnga", "พังงา", "Phang-nga", "TH-82"),
    _province("phuket", "ภูเก็ต", "Phuket", "TH-83"),
    _province("suratthani", "สุราษฎร์ธานี", "Surat Thani", "TH-84"),
    _province("ranong", "ระนอง", "Ranong", "TH-85"),
    _province("chumphon", "ชุมพร", "Chumphon", "TH-86"),
    _province("songkhla", "สงขลา", "Songkhla", "TH-90"),
    _province("satun", "สตูล", "Satun", "TH-91"),
    _province("trang", "ตรัง", "Trang", "TH-92"),
    _province("phatthalung", "พัทลุง", "Phatthalung", "TH-93"),
    _province("pattani", "ปัตตานี", "Pattani", "TH-94"),
    _province("yala", "ยะลา", "Yala", "TH-95"),
    _province("narathiwat", "นราธิวาส", "Narathiwat", "TH-96"),
)

HEADQUARTERS = Source(
    "www",
    "www.prd.go.th",
    "กรมประชาสัมพันธ์",
    "Government Public Relations Department",
    None,
    kind="headquarters",
)

# Seats of the eight regional bureaus (inferred from public material; not seen live).
REGIONAL: tuple[Source, ...] = (
    _regional(1, "khonkaen"),
    _regional(2, "ubonratchathani"),
    _regional(3, "chiangmai"),
    _regional(4, "udonthani"),
    _regional(5, "phitsanulok"),
    _regional(6, "songkhla"),
    _regional(7, "suratthani"),
    _regional(8, "kanchanaburi"),
)


def archive_of(source: Source) -> Source:
    """The old-CMS archive of a provincial office: `pr.prd.go.th/{slug}/ewt_news.php`."""
    return replace(
        source, slug=f"ewt.{source.slug}", host=ARCHIVE_HOST, template="ewt", kind="archive"
    )


ARCHIVES: tuple[Source, ...] = tuple(archive_of(p) for p in PROVINCES)
BUILT_IN: tuple[Source, ...] = (*PROVINCES, HEADQUARTERS, *REGIONAL, *ARCHIVES)


class SourceError(ValueError):
    """A sources file or a --province value that cannot be used."""


def load_sources(path: Path | None = None) -> dict[str, Source]:
    """The built-in sources, plus (or overridden by) those in a TOML file."""
    sources = {s.slug: s for s in BUILT_IN}
    if path is None:
        return sources
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: {exc}") from exc
    for n, entry in enumerate(data.get("source", [])):
        source = _from_toml(entry, f"{path} source {n + 1}")
        sources[source.slug] = source
    return sources


def _from_toml(entry: dict[str, Any], where: str) -> Source:
    known = {f.name for f in fields(Source)} - {"base_url_override"} | {"base_url"}
    unknown = set(entry) - known
    if unknown:
        raise SourceError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    missing = {"slug", "host", "name_th", "name_en"} - set(entry)
    if missing:
        raise SourceError(f"{where}: missing key(s) {', '.join(sorted(missing))}")
    entry = {"iso_code": None, **entry}
    for key in ("iso_code", "seat"):
        code = entry.get(key)
        if code is not None and not (
            isinstance(code, str) and re.fullmatch(PROVINCE_PATTERN, code)
        ):
            raise SourceError(f"{where}: {key} must be an ISO 3166-2:TH code such as TH-43")
    if "base_url" in entry:
        entry["base_url_override"] = entry.pop("base_url")
    if entry.get("template", "prd") not in TEMPLATES:
        raise SourceError(f"{where}: template must be one of {', '.join(TEMPLATES)}")
    if entry.get("kind", "other") not in KINDS:
        raise SourceError(f"{where}: kind must be one of {', '.join(KINDS)}")
    return Source(**{"kind": "other", **entry})


def select(sources: dict[str, Source], wanted: list[str] | None, template: str) -> list[Source]:
    """The sources a spider crawls: the named slugs (comma-separated or repeated values; a
    province slug also picks its archive for the `ewt` template), else every source of the
    template."""
    of_template = {slug: s for slug, s in sources.items() if s.template == template}
    if not wanted:
        return list(of_template.values())
    chosen = []
    for name in (w.strip() for value in wanted for w in value.split(",")):
        if not name:
            continue
        source = of_template.get(name) or of_template.get(f"ewt.{name}")
        if source is None:
            near = closest(of_template.values(), name)
            guess = f": did you mean {', '.join(near)}?" if near else ""
            raise SourceError(f"unknown {template} source {name!r}{guess} (see `thaipr sources`)")
        if source not in chosen:
            chosen.append(source)
    return chosen


def closest(sources: Iterable[Source], name: str, n: int = 3) -> list[str]:
    """The slugs a mistyped name may mean, closest first: by slug, province or whole name,
    in any case and spacing (`nongkai`, `หนองคาย`, `Nong Khai` -> nongkhai), or the start of
    one (`ubon` -> ubonratchathani)."""
    wanted = _fold(name)
    score: dict[str, float] = {}
    for s in sources:
        for label in map(_fold, (s.slug, s.short_th, s.short_en, s.name_th, s.name_en)):
            ratio = difflib.SequenceMatcher(None, wanted, label).ratio()
            if len(wanted) >= MIN_PREFIX:
                start = label[: len(wanted)]
                ratio = max(ratio, difflib.SequenceMatcher(None, wanted, start).ratio())
            score[s.slug] = max(score.get(s.slug, 0.0), ratio)
    best = max(score.values(), default=0.0)
    near = [slug for slug, r in score.items() if r >= max(CLOSE, best - CLOSE_MARGIN)]
    return sorted(near, key=lambda slug: -score[slug])[:n]  # ties in the order given


def _fold(text: str) -> str:
    """Text compared without case, spaces, dots or hyphens."""
    return re.sub(r"[\s.\-]+", "", text.casefold())
