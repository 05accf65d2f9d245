"""Orders converted from PDF: one Word paragraph per printed line, with line numbers and page headers.

When most body paragraphs look like printed lines, the lines are joined back into paragraphs (a new
one starts at a numbered or capitalised heading, or after a short line that ends a sentence), the
pleading-paper line numbers are dropped, and so are the ECF page headers and bare page numbers.
"""

from __future__ import annotations

import re
from dataclasses import replace

from poassembler.review.document.reader import Block

_LINE_NUMBER = re.compile(r"^\d{1,2}\s+(?=\S)")
_PAGE_LINE = re.compile(r"^(Case\s+\S+.*\bDocument\s+\d+.*\bPage\s+\d+\s+of\s+\d+.*|Page\s+\d+\s+of\s+\d+|\d{1,3}|-\s*\d+\s*-)$", re.IGNORECASE)
_STARTS_PARAGRAPH = re.compile(r"^((Section|Article)\s+\d|\d+(\.\d+)*\.?\s|[IVX]+\.\s|[A-Z]\.\s|\(\w{1,4}\)\s|Dated:|/s/|EXHIBIT\b|[A-Z][A-Z ,.'’&-]{6,}$)")


def looks_like_pdf_lines(blocks: tuple[Block, ...]) -> bool:
    lines = [b for b in blocks if b.kind == "body" and b.text]
    if len(lines) < 30:
        return False
    numbered = sum(1 for b in lines if _LINE_NUMBER.match(b.text)) / len(lines)
    unfinished = sum(1 for b in lines if not b.text.rstrip().endswith((".", ":", ";", "?", "!", "”", '"'))) / len(lines)
    short = sum(1 for b in lines if len(b.text) <= 100) / len(lines)
    return short > 0.9 and (numbered > 0.5 or unfinished > 0.6)


def reflow(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    strip_numbers = sum(1 for b in blocks if _LINE_NUMBER.match(b.text)) > len(blocks) / 2
    lines: list[tuple[Block, str]] = []
    for block in blocks:
        text = _LINE_NUMBER.sub("", block.text, count=1) if strip_numbers else block.text
        if not text.strip() or _PAGE_LINE.match(text.strip()):
            continue
        lines.append((block, text.strip()))
    width = max((len(t) for _, t in lines), default=80)
    out: list[Block] = []
    current: list[tuple[Block, str]] = []

    def flush() -> None:
        if current:
            first = current[0][0]
            out.append(replace(first, index=len(out), text=_join(t for _, t in current), label=""))
            current.clear()

    for block, text in lines:
        if current:
            previous = current[-1][1]
            ends = previous.endswith((".", ":", ";", "?", "!", "”", '"'))
            if (_STARTS_PARAGRAPH.match(text) or (ends and len(previous) < 0.85 * width) or len(previous) < 0.6 * width
                    or block.kind != current[-1][0].kind):
                flush()
        current.append((block, text))
    flush()
    return tuple(out)


def _join(parts) -> str:
    text = ""
    for part in parts:
        if text.endswith("-") and not text.endswith(" -") and part[:1].islower():
            text = text[:-1] + part  # a word hyphenated at the line end
        else:
            text = f"{text} {part}" if text else part
    return text
