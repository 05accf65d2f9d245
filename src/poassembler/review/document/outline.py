"""The outline of a protective order: its headings, section numbers and where each paragraph sits.

Numbers come from Word's automatic numbering (`Block.label`) or are typed in the text: "1.",
"4.2", "Section 4.2", "ARTICLE IV", "IV.", "A.", "(a)". A heading is a short numbered or styled line,
a short line in capitals or bold, or a run-in heading in capitals ("GOOD CAUSE STATEMENT. This …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from poassembler.review.document.numbering import roman_value
from poassembler.review.document.reader import Block

_TYPED = re.compile(
    r"^(?:(?P<word>section|article|paragraph|part)\s+(?P<wnum>\d+(?:\.\d+)*|[ivxlc]+)\b[.:]?"
    r"|(?P<dotted>\d+(?:\.\d+)+)\.?(?=\s)"
    r"|(?P<num>\d+|[ivxlc]+|[a-z])[.)]"
    r"|\((?P<paren>\d{1,2}|[ivx]{1,4}|[a-z])\))\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_RUN_IN = re.compile(r"^(?P<head>[A-Z][A-Z0-9’'“”\"&,/\- ]{3,90}?[A-Z”\"])[.:]\s+(?P<rest>\S.*)$")
_HEADING_STYLE = re.compile(r"^(heading|po heading|title$)", re.IGNORECASE)
_MAX_HEADING_WORDS = 14
_SMALL_WORDS = frozenset("a an and as at by for in of on or the to with under".split())
_CLOSING = re.compile(r"^(?P<order>IT IS SO ORDERED|PURSUANT TO (THE )?STIPULATION|GOOD CAUSE APPEARING|FOR GOOD CAUSE SHOWN)"
                      r"|^(?P<sign>IT IS SO STIPULATED|Dated:|DATED:|Respectfully submitted|/s/)", re.IGNORECASE)
CLOSING_PARTS = ("signatures", "the court's order")  # the sections the outline gives the parts after the last numbered one
_APPENDIX = re.compile(r"^(exhibit|attachment|appendix|schedule)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Heading:
    number: str  # full number as cited ("4", "4.2", "IV", "IV.A"), "" when unnumbered
    shown: str  # as displayed ("4.", "Section 4.2", "IV.")
    title: str  # heading words without the number
    block: int
    level: int


@dataclass(frozen=True)
class Place:
    heading: Heading | None  # the nearest heading above (any level)
    top: Heading | None  # the top-level heading above
    number: str  # this paragraph's full number, "" if unnumbered
    ordinal: int  # paragraph count within the top-level section (1-based)


@dataclass(frozen=True)
class Outline:
    headings: tuple[Heading, ...]
    places: tuple[Place, ...]  # one per block
    numbers: frozenset[str]  # every number a cross-reference may point to (lower-cased)
    body: tuple[str, ...]  # each block's text without its typed number or run-in heading

    def section_blocks(self, heading: Heading, blocks: tuple[Block, ...]) -> list[Block]:
        """The blocks under `heading`, up to the next heading of the same or a higher level."""
        out = []
        for block in blocks[heading.block + 1:]:
            place = self.places[block.index]
            if place.heading is not None and place.heading.block == block.index and place.heading.level <= heading.level:
                break
            out.append(block)
        return out

    def describe(self, block: Block) -> str:
        """"Section 7 (CHALLENGING …), ¶ 7.2" — where a paragraph is, as a reader finds it."""
        place = self.places[block.index]
        parts = []
        if place.top is not None:
            if place.top.number:
                parts.append(f"Section {place.top.number} “{place.top.title}”")
            else:
                parts.append(place.top.title if place.top.title in CLOSING_PARTS else f"“{place.top.title}”")
        if place.number and (place.top is None or place.number != place.top.number):
            parts.append(f"¶ {place.number}")
        elif place.heading is None or place.heading.block != block.index:
            parts.append(f"paragraph {place.ordinal}" if place.top else f"paragraph {block.index + 1}")
        if block.kind in ("header", "footer"):
            return f"the page {block.kind}"
        if block.kind in ("footnote", "endnote", "textbox", "table"):
            parts.append({"footnote": "footnote", "endnote": "endnote", "textbox": "text box", "table": "table"}[block.kind])
        return ", ".join(parts) or f"paragraph {block.index + 1}"


def build_outline(blocks: tuple[Block, ...]) -> Outline:
    headings: list[Heading] = []
    places: list[Place] = []
    bodies: list[str] = []
    numbers: set[str] = set()
    stack: list[str] = []  # full numbers by level
    heading = top = None
    ordinal = 0
    host_place: dict[int, Place] = {}
    for block in blocks:
        if block.kind in ("header", "footer"):
            places.append(Place(None, None, "", 0))
            bodies.append(block.text)
            continue
        if block.kind in ("footnote", "endnote", "textbox"):
            places.append(host_place.get(block.anchor, Place(heading, top, "", ordinal)))
            bodies.append(block.text)
            continue
        shown, raw, level, rest = _number_of(block)
        number = ""
        if raw:
            number = _full_number(raw, level, stack)
            stack[level:] = [number]
            for alias in _aliases(number):
                numbers.add(alias.lower())
        title, body = _heading_of(block, rest, bool(raw))
        closing = _CLOSING.match(block.text) if block.kind == "body" and not raw else None
        if closing:
            title = None  # "IT IS SO ORDERED." closes the order; it heads no section of its own
            part = "the court's order" if closing.group("order") else "signatures"
            current = top.title if top is not None else None
            if current not in CLOSING_PARTS or (part == "the court's order" and current == "signatures"):
                heading = top = Heading("", "", part, block.index, 0)
                headings.append(heading)
                ordinal = 0
        if title is not None:
            head_level = level if raw else (block.level if block.level is not None else 0)
            if _APPENDIX.match(title):
                head_level = 0
            elif not raw and top is not None and (top.number or _APPENDIX.match(top.title)):
                head_level = max(head_level, 1)  # an unnumbered heading inside a numbered section or an exhibit
            heading = Heading(number, shown, title, block.index, head_level)
            headings.append(heading)
            if head_level == 0:
                top, ordinal = heading, 0
        if block.text:
            ordinal += 1
        place = Place(heading, top, number, ordinal)
        places.append(place)
        host_place[block.anchor] = place
        bodies.append(body)
    return Outline(tuple(headings), tuple(places), frozenset(numbers), tuple(bodies))


def _number_of(block: Block) -> tuple[str, str, int, str]:
    """(as shown, the number, its level, the text after a typed number)."""
    if block.label:
        raw = block.label.strip().rstrip(".").strip()
        raw = raw.strip("()") if raw.startswith("(") else raw
        level = block.level if block.level is not None else raw.count(".")
        return block.label, _clean(raw, block.label), level, block.text
    match = _TYPED.match(block.text)
    if not match:
        return "", "", 0, block.text
    rest = match.group("rest")
    if match.group("word"):
        raw = match.group("wnum")
        level = raw.count(".")
    elif match.group("dotted"):
        raw = match.group("dotted")
        level = raw.count(".")
    elif match.group("num"):
        raw = match.group("num")
        if raw.isalpha() and len(raw) == 1 and raw.upper() not in "IVX":
            level = 1
        elif raw.isalpha() and roman_value(raw) is not None and raw.islower():
            level = 2
        else:
            level = 0
        if raw.isalpha() and len(raw) == 1 and not rest[:1].isupper():
            return "", "", 0, block.text  # "a plain sentence." is not a number
    else:
        raw = match.group("paren")
        level = 2
        return block.text[: match.start("rest")].strip(), f"({raw.lower()})", level, rest
    return block.text[: match.start("rest")].strip(), raw, level, rest


def _clean(raw: str, label: str) -> str:
    return f"({raw.lower()})" if label.strip().startswith("(") else raw


def _full_number(raw: str, level: int, stack: list[str]) -> str:
    """"(a)" under "4.2" → "4.2(a)"; "A" under "IV" → "IV.A"; "4.2" stays "4.2"."""
    parent = next((stack[i] for i in range(min(level, len(stack)) - 1, -1, -1) if stack[i]), "") if level else ""
    if not parent or raw.startswith(parent + ".") or "." in raw:
        return raw
    if raw.startswith("("):
        return parent + raw
    return f"{parent}.{raw}"


def _aliases(number: str) -> list[str]:
    """The number, and for roman numerals their arabic value, for matching cross-references."""
    out = [number]
    head, _, tail = number.partition(".")
    value = roman_value(head) if head.isalpha() and len(head) > 0 else None
    if value is not None:
        out.append(str(value) + (f".{tail}" if tail else ""))
    base = number.split("(")[0]
    if base != number:
        out.append(base)
    return out


def _heading_of(block: Block, rest: str, numbered: bool) -> tuple[str | None, str]:
    """(heading title or None, the text that is not the heading)."""
    text = rest.strip()
    if not text or block.kind not in ("body", "table") or block.style.lower().startswith("toc"):
        return None, text  # a table-of-contents line names a heading; it is not one
    words = text.split()
    styled = _HEADING_STYLE.match(block.style) is not None or (block.level is not None and not block.label and block.level <= 2)
    short = len(words) <= _MAX_HEADING_WORDS and not text.endswith((";", ",")) and not text.rstrip(".").endswith(":")
    letters = [c for c in text if c.isalpha()] if short else []
    capitals = bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
    titled = numbered and len(words) <= 8 and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)
    if short and (styled or (capitals and len(letters) > 3) or (block.bold and numbered) or titled):
        if not (text.endswith(".") and len(words) > 6 and not capitals):
            return text.rstrip(".:").strip(), ""
    run_in = _RUN_IN.match(text)
    if run_in and len(run_in.group("head").split()) >= 2:
        return run_in.group("head").strip(), run_in.group("rest")
    return None, text
