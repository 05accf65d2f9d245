"""What the document rules look at (`Reading`) and what they report (`DocumentFinding`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from poassembler.library.document_rules import DocumentCheck
from poassembler.library.profiles import Citation, ResolvedProfile
from poassembler.review.check import Severity
from poassembler.review.document.folding import finds, lowered
from poassembler.review.document.outline import Heading, Outline
from poassembler.review.document.reader import Block, DocumentText

QUOTE_CHARS = 90
_SENTENCE = re.compile(r"(?:[^.;:!?]|[.:](?=\d))+(?:[.;:!?](?!\d)|$)")


@dataclass(frozen=True)
class Location:
    where: str  # "Section 7 “CHALLENGING …”, ¶ 7.2", or "the whole order"
    quote: str  # a short quote of the paragraph ("" for the whole order)
    block: int | None  # index of the block, None for the whole order
    anchor: int | None  # ordinal of the Word paragraph a comment goes on
    section: str = ""  # the top-level section's number ("7", "IV"), "" if unnumbered
    heading: str = ""  # its heading ("CHALLENGING CONFIDENTIALITY DESIGNATIONS")
    paragraph: str = ""  # the paragraph's own number ("7.2", "7.2(a)") or its place in the section ("3")

    def __str__(self) -> str:
        return f"{self.where}: “{self.quote}”" if self.quote else self.where


@dataclass(frozen=True)
class DocumentFinding:
    """One problem in a Word order: how serious, where, what is wrong, what to do, on whose authority."""

    rule: str
    severity: Severity
    location: Location
    problem: str
    action: str
    authorities: tuple[Citation, ...] = ()
    field = None  # what an answers-check finding is about (an answer's key path or a clause): never, here
    clause = None

    @property
    def concerns(self) -> str:
        return str(self.location)

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "location": {
                "where": self.location.where,
                "section": self.location.section,
                "heading": self.location.heading,
                "paragraph": self.location.paragraph,
                "quote": self.location.quote,
            },
            "problem": self.problem,
            "action": self.action,
            "authorities": [a.model_dump() for a in self.authorities],
        }


@dataclass
class Reading:
    """One order as read, with the court's profile."""

    document: DocumentText
    outline: Outline
    profile: ResolvedProfile
    other_courts: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # id → (name, rule globs)
    _lowered: dict[str, str | None] = field(default_factory=dict, init=False, repr=False)

    @property
    def data(self) -> DocumentCheck:
        return self.profile.check.document

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.document.blocks

    @cached_property
    def text_blocks(self) -> list[Block]:
        return [b for b in self.document.blocks if b.text]

    @cached_property
    def full_text(self) -> str:
        return "\n".join(b.text for b in self.text_blocks)

    def low(self, text: str) -> str | None:
        """`text` lower-cased for folded patterns (`folding.lowered`), once per text."""
        if text not in self._lowered:
            self._lowered[text] = lowered(text)
        return self._lowered[text]

    def finds(self, pattern: str, text: str) -> bool:
        """Whether `pattern` matches `text`, ignoring case (folded when exact)."""
        return finds(pattern, text, self.low(text))

    def body(self, block: Block) -> str:
        """The block's text without its typed number or run-in heading."""
        return self.outline.body[block.index]

    def headings_matching(self, pattern: str) -> list[Heading]:
        rx = re.compile(pattern, re.IGNORECASE)
        return [h for h in self.outline.headings if rx.search(h.title)]

    def under(self, pattern: str) -> list[Block]:
        """Blocks under headings matching `pattern` (the headings themselves included), each once."""
        seen: dict[int, Block] = {}
        for heading in self.headings_matching(pattern):
            seen.setdefault(heading.block, self.blocks[heading.block])
            for block in self.outline.section_blocks(heading, self.blocks):
                seen.setdefault(block.index, block)
        return [seen[i] for i in sorted(seen) if seen[i].text]

    def authorities(self, names) -> tuple[Citation, ...]:
        out: list[Citation] = []
        for name in names:
            entry = self.profile.citations.get(name)
            if entry is not None and entry.value not in out:
                out.append(entry.value)
        return tuple(out)

    def rule_authorities(self, rule: str) -> tuple[Citation, ...]:
        return self.authorities(self.profile.check.authorities.get(rule, ()))

    def locate(self, block: Block | None, quote: str | None = None) -> Location:
        if block is None:
            return Location("the whole order", "", None, _first_anchor(self))
        text = quote if quote is not None else block.text
        heading = self.outline.places[block.index].heading
        if quote is None and heading is not None and heading.block == block.index and not self.body(block):
            text = ""  # the heading itself: its words are already in `where`
        place = self.outline.places[block.index]
        top = place.top
        anchor = _first_anchor(self) if block.kind in ("header", "footer") else block.anchor  # a comment cannot sit in a footer
        return Location(self.outline.describe(block), clip(text), block.index, anchor,
                        top.number if top else "", top.title if top else "", place.number or str(place.ordinal))

    def finding(self, rule: str, severity: Severity | str, block: Block | None, problem: str, action: str,
                authorities: tuple[Citation, ...] | None = None, quote: str | None = None) -> DocumentFinding:
        return DocumentFinding(
            rule, Severity(severity), self.locate(block, quote), problem, action,
            self.rule_authorities(rule) if authorities is None else authorities,
        )


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def clip(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _first_anchor(reading: Reading) -> int | None:
    """Where a finding about the whole order goes: its title, else its first heading, else its first paragraph."""
    for block in reading.text_blocks:
        if re.search(r"protective\s+order", block.text, re.IGNORECASE) and len(block.text) < 120:
            return block.anchor
    heads = reading.outline.headings
    if heads:
        return reading.blocks[heads[0].block].anchor
    return reading.text_blocks[0].anchor if reading.text_blocks else None
