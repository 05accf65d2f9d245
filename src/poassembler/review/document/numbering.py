"""Word automatic numbering, resolved to the numbers a reader sees ("4.2", "(a)", "IV.").

A paragraph is numbered by `w:numPr` on the paragraph or on its style (through `basedOn`); the number
instance (`w:num`) points to an abstract definition whose levels give the start value, the format
(decimal, letters, roman numerals) and the text pattern ("%1.%2."). Counters are kept per abstract
definition (a `w:num` that restarts a level with `startOverride` gets its own), and a level resets the
levels below it, as Word does.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_VAL = w("val")


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str  # decimal, lowerLetter, upperRoman, bullet, none, …
    text: str  # "%1.%2."
    legal: bool  # isLgl: every level shown as decimal


@dataclass
class Numbering:
    """The numbering and style definitions of one document, and the running counters."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId → ilvl → Level
    nums: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → ilvl → start
    style_num: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)  # styleId → (numId, ilvl)
    style_level: dict[tuple[str, str], int] = field(default_factory=dict)  # (abstractNumId, styleId) → ilvl
    style_names: dict[str, str] = field(default_factory=dict)  # styleId → name
    style_outline: dict[str, int] = field(default_factory=dict)  # styleId → outline level (0 = top)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def load(cls, numbering_xml: bytes | None, styles_xml: bytes | None) -> "Numbering":
        """The document's numbering, counters at zero (definitions parsed once per distinct pair of parts)."""
        return replace(_definitions(numbering_xml, styles_xml), counters={})

    @classmethod
    def parse(cls, numbering_xml: bytes | None, styles_xml: bytes | None) -> "Numbering":
        out = cls()
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        if numbering_xml:
            try:
                root = etree.fromstring(numbering_xml, parser)
            except etree.XMLSyntaxError:
                root = None  # damaged numbering: paragraphs are read without their automatic numbers
        else:
            root = None
        if root is not None:
            for abstract in root.iter(w("abstractNum")):
                aid = abstract.get(w("abstractNumId"))
                levels: dict[int, Level] = {}
                for lvl in abstract.iter(w("lvl")):
                    ilvl = to_int(lvl.get(w("ilvl")), 0)
                    levels[ilvl] = Level(
                        start=to_int(_child_val(lvl, "start"), 1),
                        fmt=_child_val(lvl, "numFmt") or "decimal",
                        text=_child_val(lvl, "lvlText") or "",
                        legal=lvl.find(w("isLgl")) is not None,
                    )
                    style = _child_val(lvl, "pStyle")
                    if style:
                        out.style_level[(aid, style)] = ilvl
                out.levels[aid] = levels
            for num in root.iter(w("num")):
                nid = num.get(w("numId"))
                out.nums[nid] = _child_val(num, "abstractNumId") or ""
                for override in num.iter(w("lvlOverride")):
                    start = override.find(w("startOverride"))
                    if start is not None:
                        out.overrides.setdefault(nid, {})[to_int(override.get(w("ilvl")), 0)] = to_int(start.get(_VAL), 1)
        if styles_xml:
            try:
                out._load_styles(etree.fromstring(styles_xml, parser))
            except etree.XMLSyntaxError:
                pass  # damaged styles: no style names or style numbering

        return out

    def _load_styles(self, root) -> None:
        based: dict[str, str] = {}
        own: dict[str, tuple[str | None, int | None]] = {}
        outline: dict[str, int] = {}
        for style in root.iter(w("style")):
            sid = style.get(w("styleId"))
            if sid is None:
                continue
            self.style_names[sid] = _child_val(style, "name") or sid
            parent = _child_val(style, "basedOn")
            if parent:
                based[sid] = parent
            ppr = style.find(w("pPr"))
            if ppr is not None:
                numpr = ppr.find(w("numPr"))
                if numpr is not None:
                    ilvl = _child_val(numpr, "ilvl")
                    own[sid] = (_child_val(numpr, "numId"), to_int(ilvl, None))
                level = _child_val(ppr, "outlineLvl")
                if level is not None and level.isdigit() and int(level) < 9:
                    outline[sid] = int(level)
        for sid in self.style_names:
            seen, current = set(), sid
            while current and current not in seen:
                seen.add(current)
                if current in own and sid not in self.style_num:
                    self.style_num[sid] = own[current]
                if current in outline and sid not in self.style_outline:
                    self.style_outline[sid] = outline[current]
                current = based.get(current)

    def label(self, style_id: str | None, num_id: str | None, ilvl: int | None) -> tuple[str, int | None]:
        """Advance the counters for one paragraph and return its displayed number and level ("", None if none)."""
        if num_id is None and style_id in self.style_num:
            num_id, style_ilvl = self.style_num[style_id]
            ilvl = ilvl if ilvl is not None else style_ilvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return "", None
        aid = self.nums[num_id]
        levels = self.levels.get(aid, {})
        if ilvl is None:
            ilvl = self.style_level.get((aid, style_id or ""), 0)
        level = levels.get(ilvl)
        if level is None:
            return "", None
        key = f"{aid}/{num_id}" if num_id in self.overrides else aid
        counters = self.counters.setdefault(key, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = self.overrides.get(num_id, {}).get(ilvl, level.start)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none"):
            return "", ilvl
        text = level.text
        for n in range(ilvl + 1):
            shown = levels.get(n)
            value = counters.get(n, shown.start if shown else 1)
            fmt = "decimal" if level.legal else (shown.fmt if shown else "decimal")
            text = text.replace(f"%{n + 1}", format_number(value, fmt))
        return text.strip(), ilvl


@lru_cache(maxsize=16)  # drafts rendered from one template share their numbering and styles parts
def _definitions(numbering_xml: bytes | None, styles_xml: bytes | None) -> Numbering:
    return Numbering.parse(numbering_xml, styles_xml)


def to_int(value: str | None, default):
    """A number attribute of the XML, or `default` when it is missing or not a number (a damaged file)."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _child_val(element, tag: str) -> str | None:
    child = element.find(w(tag))
    return child.get(_VAL) if child is not None else None


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman(value: int) -> str:
    out = ""
    for amount, letters in _ROMAN:
        while value >= amount:
            out += letters
            value -= amount
    return out


def roman_value(text: str) -> int | None:
    """"IV" → 4; None when `text` is not a well-formed roman numeral."""
    lower = text.lower()
    if not lower or any(c not in "ivxlcdm" for c in lower):
        return None
    total, previous = 0, 0
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    for char in reversed(lower):
        value = values[char]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total if roman(total) == lower else None


def format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        n = max(value, 1)
        letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # a … z, aa … zz, as Word counts
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt == "lowerRoman":
        return roman(value)
    if fmt == "upperRoman":
        return roman(value).upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
