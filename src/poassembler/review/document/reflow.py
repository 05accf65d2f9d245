"""Orders converted from PDF: one Word paragraph (or one text frame) per printed line.

Two shapes: text extraction (a paragraph per line, often with pleading line numbers and the ECF page
header), and LibreOffice's PDF import (a text frame per line, the section numbers in frames of their own).
When most of the text looks like printed lines, the lines are joined back into paragraphs: a new one starts
at a numbered or capitalised heading, after a line much shorter than the others, or after a short line that
ends a sentence; a bare number ("2.", "2.1") is joined to the line after it. Line numbers, ECF page headers
and bare page numbers are dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

_LINES = ("body", "textbox")
_LINE_NUMBER = re.compile(r"^\d{1,2}\s+(?=\S)")
_PAGE_LINE = re.compile(r"^(Case\s+\S+.*\bDocument\s+\d+.*\bPage\s+\d+\s+of\s+\d+.*|Page\s+\d+\s+of\s+\d+|\d{1,3}|-\s*\d+\s*-)$", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^(\d+(\.\d+)*\.?|[IVX]+\.|[A-Z]\.|\(\w{1,3}\))$")
_STARTS_PARAGRAPH = re.compile(r"^((Section|Article)\s+\d|\d+(\.\d+)*\.?\s|[IVX]+\.\s|[A-Z]\.\s|\(\w{1,4}\)\s|Dated:|/s/|EXHIBIT\b|[A-Z][A-Z ,.'’&-]{6,}$)")
_ENDS = (".", ":", ";", "?", "!", "”", '"')


def looks_like_pdf_lines(blocks: tuple) -> bool:
    """Whether most of the text (`reader.Block`s) is printed lines rather than paragraphs."""
    lines = [b for b in blocks if b.kind in _LINES and b.text]
    if len(lines) < 30:
        return False
    numbered = sum(1 for b in lines if _LINE_NUMBER.match(b.text)) / len(lines)
    unfinished = sum(1 for b in lines if not b.text.rstrip().endswith(_ENDS)) / len(lines)
    short = sum(1 for b in lines if len(b.text) <= 100) / len(lines)
    framed = sum(1 for b in lines if b.kind == "textbox") / len(lines)
    return short > 0.9 and (numbered > 0.5 or unfinished > 0.6 or framed > 0.8)


def reflow(blocks: tuple) -> tuple:
    """The `reader.Block`s with printed lines joined back into paragraphs."""
    lines_only = [b for b in blocks if b.kind in _LINES and b.text]
    strip_numbers = sum(1 for b in lines_only if _LINE_NUMBER.match(b.text)) > len(lines_only) / 2
    lines: list[tuple] = []
    others: list = []
    for block in blocks:
        if block.kind not in _LINES:
            others.append(block)
            continue
        text = _LINE_NUMBER.sub("", block.text, count=1) if strip_numbers else block.text
        if text.strip() and not _PAGE_LINE.match(text.strip()):
            lines.append((block, text.strip()))
    width = max((len(t) for _, t in lines), default=80)
    out: list = []
    current: list[tuple] = []

    def flush() -> None:
        if current:
            first = current[0][0]
            out.append(replace(first, index=len(out), kind="body", text=_join(t for _, t in current), label=""))
            current.clear()

    for block, text in lines:
        if current:
            previous = current[-1][1]
            glued = len(current) == 1 and _BARE_NUMBER.match(previous)
            if not glued and (_STARTS_PARAGRAPH.match(text) or _BARE_NUMBER.match(text) or len(previous) < 0.6 * width
                              or (previous.endswith(_ENDS) and len(previous) < 0.85 * width)):
                flush()
        current.append((block, text))
    flush()
    for note in others:  # footnotes and endnotes keep their own paragraphs, at the end
        out.append(replace(note, index=len(out)))
    return tuple(out)


def _join(parts) -> str:
    text = ""
    for part in parts:
        if text.endswith("-") and not text.endswith(" -") and part[:1].islower():
            text = text[:-1] + part  # a word hyphenated at the line end
        else:
            text = f"{text} {part}" if text else part
    return text
