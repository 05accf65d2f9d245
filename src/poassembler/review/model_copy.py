"""The user's Word copy of a court's model order, read and split into the model sections its profile lists.

The project ships no court's text: the user saves the court's model as Word and passes it
(`render --from-model MODEL.docx`). Each section's paragraphs are found under the heading the profile
records (`model_order.sections[].heading`), compared without numbering, quotes, punctuation or case,
searched in the model's order. A paragraph's text is the text of all its runs; its level comes from its
typed number ("6.1 …" → a numbered paragraph, "(a) …" → a lettered one, the number dropped because the
order's template numbers it) or from Word's own list level.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from poassembler.errors import BadInput
from poassembler.library.profiles import ModelOrder, ModelSection

SAVE_AS_WORD = ("Open the court's model (its PDF or .doc) in Word, save it as Word Document (.docx), and pass that file "
                "to --from-model.")

# A body section of the model ends where the model's own closing begins (its signature and order blocks,
# the exhibit's label): those come from the order's template, never from the copy.
_CLOSING = re.compile(r"^\s*(IT IS SO (STIPULATED|ORDERED)|PURSUANT TO STIPULATION|DATED\b|Dated:|/s/|_{5,}|(EXHIBIT|ATTACHMENT)\s+[A-Z0-9]+\s*$)")
_NUMBERED = re.compile(r"^\s*(\d+)\.(\d+)\.?\s+")  # "6.1 Timing" → numbered paragraph
_LETTERED = re.compile(r"^\s*\(([a-z]|[ivx]+)\)\s+")  # "(a) …" → lettered paragraph
_HEADING_NUMBER = re.compile(r"^\s*((section|§)\s*)?(\d+|[ivxlc]+|exhibit\s+[a-z0-9]+)[.:)]?\s+", re.IGNORECASE)
_NOISE = re.compile(r"[^a-z0-9]+")
_PAGE_NUMBER = re.compile(r"^\s*(page\s+)?\d{1,3}(\s+of\s+\d{1,3})?\s*$", re.IGNORECASE)
_RUN_IN_END = re.compile(r"[.:]\s+")
# A note in brackets after a heading ("SOURCE CODE [Optional]") and a footnote mark a PDF saved as Word types
# after it ("PROSECUTION BAR3") are not part of the heading.
_HEADING_NOTE = re.compile(r"\s*\[[^\]]*\]\s*|(?<=[A-Za-z])\d{1,2}\s*$")
# What the model leaves for the drafters to write in brackets: "[insert …]", "[date]", "[Name of Judge]",
# "[Optional: …]". A bracket after a blank line ("_____ [print or type full name]") is the signer's, not theirs.
_BRACKET = re.compile(r"(_\s*)?\[([^\]]{2,200})\]")
_SENTENCE_END = re.compile(r"[.:;!?][\"”’)\]]*\s*$")  # "(3)" or “Eyes Only,” mid-sentence is not an end


@dataclass(frozen=True)
class CopyParagraph:
    level: int  # 0 body text, 2 numbered (N.1), 3 lettered (a) — the levels of context.ParagraphView
    text: str


@dataclass(frozen=True)
class CopySection:
    """One model section as the user's copy has it: its heading as written (numbering dropped) and paragraphs."""

    section: ModelSection
    heading: str
    paragraphs: tuple[CopyParagraph, ...]
    instructions: tuple[str, ...] = ()  # bracketed blanks the model leaves for the drafters ("[insert …]")


@dataclass(frozen=True)
class ModelCopy:
    path: Path
    sections: tuple[CopySection, ...]  # in the profile's order, one for each model section

    def of(self, section: ModelSection) -> CopySection:
        return next(s for s in self.sections if s.section is section)


def heading_key(text: str) -> str:
    """A heading compared without its number, quotes, punctuation, case or spacing."""
    text = _HEADING_NOTE.sub(" ", _HEADING_NUMBER.sub("", text.strip(), count=1))
    return " ".join(_NOISE.sub(" ", text.casefold()).split())


def read_model_copy(path: Path, model: ModelOrder, court: str) -> ModelCopy:
    """The user's copy split into `model`'s sections; BadInput (exit 2) for a PDF, a non-Word file or a heading not found."""
    paragraphs = _without_page_furniture(_read_paragraphs(path))
    keys = [heading_key(text) for text, _ in paragraphs]
    starts: list[int] = []
    run_in: dict[int, tuple[str, str]] = {}  # paragraph index → (heading, the rest of its text)
    missing: list[str] = []
    headless: set[int] = set()  # parts with no heading of their own: their first paragraph is text
    at = 0
    for section in model.sections:
        wanted = heading_key(section.heading)
        if section.opens_with:  # no heading in the model: the part starts at the paragraph that opens with these words
            opening = heading_key(section.opens_with)
            found = next((i for i in range(at, len(keys)) if heading_key(paragraphs[i][0]).startswith(opening)), None)
            if found is not None:
                headless.add(found)
        else:
            found = next((i for i in range(at, len(keys)) if keys[i] == wanted), None)
        if found is None and not section.opens_with:  # a run-in heading: "1. Scope. All materials produced …"
            found = next((i for i in range(at, len(keys)) if _split_run_in(paragraphs[i][0], wanted)), None)
            if found is not None:
                run_in[found] = _split_run_in(paragraphs[found][0], wanted)
        if found is None:
            missing.append(f"{section.number} {section.heading}".strip() if not section.opens_with
                           else f"{section.heading}, opening “{section.opens_with}…”")
            starts.append(-1)
            continue
        starts.append(found)
        at = found + 1
    if missing:
        raise BadInput(
            f"--from-model {path}: {len(missing)} heading{'s' if len(missing) > 1 else ''} of the {model.title} ({court}) not found "
            f"in this file (in the model's order): " + "; ".join(f"“{m}”" for m in missing) + ".",
            hint="Check that the file is the court's current model order, saved as Word with its headings as their own "
            "paragraphs; if the court has changed its model, the court profile's model_order.sections need updating.",
        )
    sections = []
    for n, section in enumerate(model.sections):
        start = starts[n]
        end = starts[n + 1] if n + 1 < len(starts) else len(paragraphs)
        body = paragraphs[start + (0 if start in headless else 1):end]
        if not _is_exhibit(section):
            cut = next((i for i, (text, _) in enumerate(body) if _CLOSING.match(text)), None)
            body = body[:cut] if cut is not None else body
        heading = "" if start in headless else _HEADING_NUMBER.sub("", paragraphs[start][0].strip(), count=1).strip().lstrip(".:) ")
        if start in run_in:
            heading, rest = run_in[start]
            body = [(rest, None), *body]
        kept = tuple(_paragraph(text, level) for text, level in body if text.strip())
        sections.append(CopySection(section, heading, kept, drafting_instructions(p.text for p in kept)))
    return ModelCopy(path, tuple(sections))


def drafting_instructions(texts) -> tuple[str, ...]:
    """The bracketed blanks in `texts` the model leaves for the drafters to fill ("[insert subject matter …]",
    "[date]"); a bracket that follows a blank line is a hint for whoever signs the form, and stays."""
    found = []
    for text in texts:
        for match in _BRACKET.finditer(text):
            note = match.group(2).strip()
            if match.group(1) and not note.lower().startswith("insert"):
                continue
            found.append(f"[{note}]")
    return tuple(dict.fromkeys(found))


def _without_page_furniture(paragraphs: list[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """The copy without what a PDF saved as Word brings along from each page: line and page numbers (a paragraph
    that is only a number) and running headers or footers (a short line that recurs on three or more pages,
    its page number aside: "STIPULATED PROTECTIVE ORDER - 3")."""
    from collections import Counter

    def shape(text: str) -> str:  # its page number aside
        return re.sub(r"[\s\-–—]*\d+\s*$", "", " ".join(text.split()))

    counts = Counter(shape(text) for text, _ in paragraphs if text.strip())
    out: list[tuple[str, int | None]] = []
    cut = False  # furniture was dropped since the last kept paragraph
    for text, level in paragraphs:
        if _PAGE_NUMBER.match(text) or (len(text.strip()) < 100 and counts[shape(text)] >= 3 and text.strip()):
            cut = True
            continue
        # a sentence the page break cut in two: the next page goes on in lower case, with no number of its own
        if cut and out and level is None and text.strip()[:1].islower() and not _SENTENCE_END.search(out[-1][0]):
            out[-1] = (f"{out[-1][0].rstrip()} {text.strip()}", out[-1][1])
        elif text.strip() or not cut:
            out.append((text, level))
        cut = cut and not text.strip()
    return out


def _split_run_in(text: str, wanted: str) -> tuple[str, str] | None:
    """(heading, rest) where the paragraph opens with the wanted heading ended by "." or ":", else None."""
    body = _HEADING_NUMBER.sub("", text.strip(), count=1)
    for end in _RUN_IN_END.finditer(body[:300]):
        if heading_key(body[:end.start()]) == wanted:
            rest = body[end.end():].strip()
            return (body[:end.start()].strip(), rest) if rest else None
    return None


def _is_exhibit(section: ModelSection) -> bool:
    """The model's exhibit or attachment (the Acknowledgment): it runs to the next heading or the end."""
    return bool(re.match(r"(exhibit|attachment)\b", section.number.strip().lower()))


def _paragraph(text: str, list_level: int | None) -> CopyParagraph:
    text = " ".join(text.split())
    if _NUMBERED.match(text):
        return CopyParagraph(2, _NUMBERED.sub("", text, count=1))
    if _LETTERED.match(text):
        return CopyParagraph(3, _LETTERED.sub("", text, count=1))
    if list_level is not None:
        return CopyParagraph(2 if list_level <= 1 else 3, text)
    return CopyParagraph(0, text)


def _read_paragraphs(path: Path) -> list[tuple[str, int | None]]:
    """(text of all runs, Word list level or None) of each body paragraph, in order; tables' cells row by row."""
    from poassembler.library.yamlfile import read_file_bytes
    from poassembler.pipeline.word_package import MAX_UNPACKED_BYTES

    data = read_file_bytes(path, BadInput, "Word file", MAX_UNPACKED_BYTES)
    if data.lstrip()[:5] == b"%PDF-":
        raise BadInput(f"--from-model {path}: this is a PDF; the model must be a Word (.docx) copy to build the order from.",
                       hint=SAVE_AS_WORD)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise BadInput(f"--from-model {path}: not a Word .docx file.", hint=SAVE_AS_WORD)
    try:
        import docx
        from docx.oxml.ns import qn

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx: not a Word package, a missing part, damaged XML
        raise BadInput(f"--from-model {path}: not a readable Word .docx file ({type(exc).__name__}).", hint=SAVE_AS_WORD) from None
    styles = _style_list_levels(document, qn)
    out: list[tuple[str, int | None]] = []
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            out.append(_text_and_level(block, qn, styles))
        elif block.tag == qn("w:tbl"):
            for paragraph in block.iter(qn("w:p")):
                out.append(_text_and_level(paragraph, qn, styles))
    return out


def _style_list_levels(document, qn) -> dict[str, int]:
    """Style id → list level, for styles that number their paragraphs themselves (a court's Word file often
    numbers "5.1" through a "Heading 2"-like style, with no numbering on the paragraph)."""
    levels: dict[str, int] = {}
    for style in document.styles.element.iter(qn("w:style")):
        numbering = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numbering is not None and numbering.find(qn("w:numId")) is not None:
            level = numbering.find(qn("w:ilvl"))
            levels[style.get(qn("w:styleId"))] = int(level.get(qn("w:val"), "0")) if level is not None else 0
    return levels


def _text_and_level(paragraph, qn, styles: dict[str, int]) -> tuple[str, int | None]:
    text = "".join(node.text or "" if node.tag == qn("w:t") else "\t" if node.tag == qn("w:tab") else ""
                   for node in paragraph.iter(qn("w:t"), qn("w:tab")))
    numbering = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if numbering is None:  # numbered by its style, if at all
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return text, styles.get(style.get(qn("w:val"))) if style is not None else None
    if numbering.find(qn("w:numId")) is not None and numbering.find(qn("w:numId")).get(qn("w:val")) == "0":
        return text, None  # numbering switched off on this paragraph
    level = numbering.find(qn("w:ilvl"))
    return text, int(level.get(qn("w:val"), "0")) if level is not None else 0
