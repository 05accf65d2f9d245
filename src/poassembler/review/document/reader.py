"""Read any .docx as a reader sees it: paragraphs in order with their displayed numbers.

Body paragraphs, table cells (nested too), content controls, text boxes (once, not their VML
fallback copy), footnotes and endnotes (after the paragraph that cites them). Tracked changes are read
as accepted (insertions kept, deletions dropped) or, with `as_is`, as rejected. Word automatic numbering
is resolved by `numbering.py`; typed numbers stay in the text and `outline.py` reads them.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from poassembler.errors import BadInput
from poassembler.review.document.numbering import Numbering, to_int, w

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _SDT, _TXBX = w("p"), w("tbl"), w("sdt"), w("txbxContent")
_INS, _DEL, _MOVE_TO, _MOVE_FROM = w("ins"), w("del"), w("moveTo"), w("moveFrom")
_T, _DEL_T, _TAB, _BR, _CR = w("t"), w("delText"), w("tab"), w("br"), w("cr")
_NB_HYPHEN, _SOFT_HYPHEN, _SYM = w("noBreakHyphen"), w("softHyphen"), w("sym")
_FOOTNOTE_REF, _ENDNOTE_REF = w("footnoteReference"), w("endnoteReference")
_PPR = w("pPr")
_RPR = w("rPr")
_PSTYLE = w("pStyle")
_NUMPR = w("numPr")
_NUMID = w("numId")
_ILVL = w("ilvl")
_VAL = w("val")
_ID = w("id")
_B = w("b")
_R = w("r")
_TC = w("tc")
_SDT_CONTENT = w("sdtContent")
_CUSTOM_XML = w("customXml")
_SMART_TAG = w("smartTag")
_SKIP = {w("instrText"), w("delInstrText"), _PPR, _RPR, MC_FALLBACK, _TXBX}


MAX_PART_BYTES = 100 * 1024 * 1024  # an uncompressed part larger than this is refused (a zip bomb, not an order)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class Block:
    """One paragraph as read."""

    index: int  # position among all blocks
    text: str  # the text with tracked changes applied as asked
    kind: str  # body | table | textbox | footnote | endnote
    style: str  # paragraph style name
    label: str  # the automatic number Word displays ("4.2", "(a)"), "" if none
    level: int | None  # numbering level (0 = top) or the style's outline level
    anchor: int  # ordinal (among every w:p of document.xml) of the body paragraph to comment on
    bold: bool  # every visible run bold
    changed: bool  # the paragraph carries tracked insertions or deletions


@dataclass(frozen=True)
class DocumentText:
    path: Path | None  # None when read from bytes (a draft not yet written)
    blocks: tuple[Block, ...]
    tracked_changes: int  # insertions + deletions (+ moves) in the body
    view: str  # "accepted" | "rejected"
    from_pdf: bool = False  # printed lines joined back into paragraphs (reflow.py)


def read_document(source: Path | bytes, as_is: bool = False, parts: dict[str, bytes] | None = None) -> DocumentText:
    """Every paragraph of the .docx at `source` (a path or its bytes); tracked changes accepted unless `as_is` (then rejected).
    `parts`: the package's parts already uncompressed (a draft just rendered), instead of reading them from `source`."""
    path = source if isinstance(source, Path) else None
    parts = _read_parts(source) if parts is None or "word/document.xml" not in parts else parts
    numbering = Numbering.load(parts.get("word/numbering.xml"), parts.get("word/styles.xml"))
    try:
        root = etree.fromstring(parts["word/document.xml"], _PARSER)
    except etree.XMLSyntaxError as exc:
        raise BadInput(f"{path}: the Word document is damaged ({exc}).", hint="Open it in Word, save it again and re-run.") from None
    notes = {kind: _read_notes(parts.get(f"word/{kind}s.xml"), kind) for kind in ("footnote", "endnote")}
    reader = _Reader(numbering, notes, rejected=as_is)
    every_p = list(root.iter(_P))  # kept alive, so lxml hands back these same element objects
    reader.ordinals = {p: i for i, p in enumerate(every_p)}
    body = root.find(w("body"))
    if body is None:
        raise BadInput(f"{path}: not a Word document body.")
    reader.walk(body, "body")
    _read_margins(reader, parts)
    from poassembler.review.document.reflow import looks_like_pdf_lines, reflow

    changes = sum(1 for _ in root.iter(_INS, _DEL, _MOVE_TO, _MOVE_FROM))
    blocks = tuple(reader.blocks)
    from_pdf = looks_like_pdf_lines(blocks)
    return DocumentText(path, reflow(blocks) if from_pdf else blocks, changes, "rejected" if as_is else "accepted", from_pdf)


def _read_parts(source: Path | bytes) -> dict[str, bytes]:
    wanted = ("word/document.xml", "word/numbering.xml", "word/styles.xml", "word/footnotes.xml", "word/endnotes.xml")
    path = source if isinstance(source, Path) else "the rendered draft"
    if isinstance(source, Path):  # only a regular file of bounded size (never /dev/zero or a pipe)
        from poassembler.library.yamlfile import read_file_bytes
        from poassembler.pipeline.word_package import MAX_UNPACKED_BYTES

        source = read_file_bytes(source, BadInput, "Word file", MAX_UNPACKED_BYTES)
    try:
        with zipfile.ZipFile(io.BytesIO(source)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise BadInput(f"{path}: not a Word .docx file (no word/document.xml).", hint="Save it from Word as .docx (not .doc or .pdf).")
            too_big = [i.filename for i in archive.infolist() if i.filename.startswith("word/") and i.file_size > MAX_PART_BYTES]
            if too_big:
                raise BadInput(f"{path}: {too_big[0]} is larger than {MAX_PART_BYTES // 2**20} MB uncompressed: not a protective order poassembler will read.")
            margins = sorted(n for n in names if re.fullmatch(r"word/(header|footer)\d*\.xml", n))
            return {name: archive.read(name) for name in (*wanted, *margins) if name in names}
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file.") from None
    except (zipfile.BadZipFile, IsADirectoryError):
        raise BadInput(f"{path}: not a Word .docx file.", hint="Save it from Word as .docx (not .doc or .pdf).") from None


def _read_margins(reader: "_Reader", parts: dict[str, bytes]) -> None:
    """Headers and footers, after the body, each distinct paragraph once (a comment goes on the first paragraph)."""
    seen: set[str] = set()
    for name in sorted(parts):
        kind = "header" if "/header" in name else "footer" if "/footer" in name else None
        if kind is None:
            continue
        try:
            root = etree.fromstring(parts[name], _PARSER)
        except etree.XMLSyntaxError:
            continue
        before = len(reader.blocks)
        reader.walk(root, kind, 0)
        kept = [b for b in reader.blocks[before:] if b.text and b.text not in seen and b.kind == kind]
        seen.update(b.text for b in kept)
        del reader.blocks[before:]
        for block in kept:
            reader.blocks.append(replace(block, index=len(reader.blocks)))


def _read_notes(xml: bytes | None, kind: str) -> dict[str, list[etree._Element]]:
    if not xml:
        return {}
    try:
        root = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError:
        return {}  # damaged notes: read the body without them
    return {note.get(_ID): list(note.iter(_P)) for note in root.iter(w(kind))}


class _Reader:
    def __init__(self, numbering: Numbering, notes: dict[str, dict[str, list]], rejected: bool) -> None:
        self.numbering = numbering
        self.notes = notes
        self.rejected = rejected
        self.blocks: list[Block] = []
        self.ordinals: dict = {}
        self._carry = ""  # text of a paragraph whose mark the view removes, joined to the next

    def walk(self, container, kind: str, anchor: int | None = None) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                self.paragraph(child, kind, anchor)
            elif tag == _TBL:
                for cell in child.iter(_TC):
                    if _nearest_table(cell) is child:
                        self.walk(cell, "table", anchor)
            elif tag == _SDT:
                content = _child(child, _SDT_CONTENT)
                if content is not None:
                    self.walk(content, kind, anchor)
            elif tag in (_CUSTOM_XML, _SMART_TAG):
                self.walk(child, kind, anchor)

    def paragraph(self, p, kind: str, anchor: int | None) -> None:
        own_anchor = self.ordinals.get(p, 0) if anchor is None else anchor
        pieces: list[str] = []
        notes: list[tuple[str, str]] = []
        boxes: list = []
        state = {"bold": True, "visible": False, "changed": False}
        self._collect(p, pieces, notes, boxes, state, dropped=False)
        text = (self._carry + " " if self._carry else "") + "".join(pieces)
        self._carry = ""
        if self._mark_removed(p):
            self._carry = text
            return
        style_id, num_id, ilvl = _numbering_of(p)
        label, level = self.numbering.label(style_id, num_id, ilvl)
        if level is None and style_id in self.numbering.style_outline:
            level = self.numbering.style_outline[style_id]
        style = self.numbering.style_names.get(style_id or "", style_id or "Normal")
        self.blocks.append(Block(
            len(self.blocks), " ".join(text.split()), kind, style, label, level, own_anchor,
            state["bold"] and state["visible"], state["changed"],
        ))
        for box in boxes:
            self.walk(box, "textbox", own_anchor)
        for note_kind, note_id in notes:
            for note_p in self.notes.get(note_kind, {}).get(note_id, []):
                self.paragraph(note_p, note_kind, own_anchor)

    def _collect(self, node, pieces, notes, boxes, state, dropped: bool) -> None:
        for child in node:
            tag = child.tag
            if tag in _SKIP:
                continue
            if not isinstance(tag, str):
                continue
            if tag in (_INS, _MOVE_TO, _DEL, _MOVE_FROM):
                state["changed"] = True
                removed = (tag in (_INS, _MOVE_TO)) == self.rejected
                self._collect(child, pieces, notes, boxes, state, dropped or removed)
                continue
            if tag == _R:
                if not dropped:
                    self._run(child, pieces, notes, boxes, state)
                continue
            self._collect(child, pieces, notes, boxes, state, dropped)

    def _run(self, run, pieces, notes, boxes, state) -> None:
        rpr = _child(run, _RPR)
        b = _child(rpr, _B) if rpr is not None else None
        bold = b is not None and b.get(_VAL, "true") not in ("0", "false")
        for child in run.iter():
            tag = child.tag
            if tag == _T or (tag == _DEL_T and self.rejected):
                if not child.text or _inside(child, (MC_FALLBACK, _TXBX), run):
                    continue
                pieces.append(child.text)
                if child.text.strip():
                    state["visible"] = True
                    state["bold"] = state["bold"] and bold
            elif tag == _TAB:
                pieces.append("\t")
            elif tag in (_BR, _CR):
                pieces.append(" ")
            elif tag == _NB_HYPHEN:
                pieces.append("-")
            elif tag == _FOOTNOTE_REF:
                notes.append(("footnote", child.get(_ID)))
            elif tag == _ENDNOTE_REF:
                notes.append(("endnote", child.get(_ID)))
            elif tag == _TXBX and not _inside(child, (MC_FALLBACK, _TXBX), run):
                boxes.append(child)

    def _mark_removed(self, p) -> bool:
        """Whether the view removes this paragraph's mark (so its text runs on into the next paragraph)."""
        ppr = _child(p, _PPR)
        rpr = _child(ppr, _RPR) if ppr is not None else None
        if rpr is None:
            return False
        return _child(rpr, _INS if self.rejected else _DEL) is not None


def _child(element, tag: str):
    """The first child of `element` with `tag`, or None: `element.find(tag)`, without lxml's path parsing."""
    return next(element.iterchildren(tag), None)


def _inside(element, tags: tuple[str, ...], stop) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _nearest_table(cell):
    parent = cell.getparent()
    while parent is not None and parent.tag != _TBL:
        parent = parent.getparent()
    return parent


def _numbering_of(p) -> tuple[str | None, str | None, int | None]:
    ppr = _child(p, _PPR)
    if ppr is None:
        return None, None, None
    style = _child(ppr, _PSTYLE)
    numpr = _child(ppr, _NUMPR)
    num_id = ilvl = None
    if numpr is not None:
        nid, lvl = _child(numpr, _NUMID), _child(numpr, _ILVL)
        num_id = nid.get(_VAL) if nid is not None else None
        ilvl = to_int(lvl.get(_VAL), None) if lvl is not None else None
    return (style.get(_VAL) if style is not None else None), num_id, ilvl
