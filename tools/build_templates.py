#!/usr/bin/env python3
"""Build the docxtpl Word templates in ``templates/``.

    python tools/build_templates.py            # writes templates/standard.docx and templates/pleading.docx
    python tools/build_templates.py --out DIR  # somewhere else

Two templates are generated from scratch with python-docx + lxml so that they are reproducible and
reviewable as code:

* ``standard.docx`` -- 8.5x11, 1-inch margins, Times New Roman 12 pt, bordered caption box.
* ``pleading.docx`` -- California 28-line pleading paper (C.D. Cal. L.R. 11-3.8, N.D. Cal. Civil L.R.
  3-4): line numbers 1-28 in a text box anchored in the page header at an exact 24 pt pitch, body
  paragraphs at exact 24 pt line spacing so text sits on the numbers, a double rule left of the text and
  a single rule right of it (line shapes in the header), counsel block from line 1 (in a 7-line
  fixed-height cell, so the court title always starts on line 8), caption, footer with page number,
  rule and short title.

Both use the variable names of the render-context contract in docs/architecture.md ("Render context").
Numbering is real Word multilevel list numbering (one w:abstractNum, linked to the styles
"PO Heading 1" / "PO Level 2" / "PO Level 3"); no number is ever typed.

Template rules kept here (see docs/ and shared research on docxtpl pitfalls):
* every Jinja tag sits in exactly one run (each paragraph below is written as a single run);
* every ``{%p ... %}`` tag is alone in its own paragraph;
* straight quotes only;
* formatting lives in named styles, never in direct run formatting.
"""

from __future__ import annotations

import argparse
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL_W = f'xmlns:w="{W_NS}"'
NSDECL_ALL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)

REPO = Path(__file__).resolve().parent.parent
TITLE = "Stipulated Protective Order"

# units
TW_PER_IN = 1440            # twips
TW_PER_PT = 20
EMU_PER_PT = 12700
EMU_PER_IN = 914400

PAGE_W_TW, PAGE_H_TW = 12240, 15840          # 8.5 x 11 in

# ---------------------------------------------------------------------------------------------------
# pleading-paper geometry (twips unless stated)
PL_PITCH = 480                                 # 24 pt: one numbered line
PL_LINES = 28
PL_TOP = 1440                                  # line 1 starts 1 in from the top edge
PL_BODY = PL_PITCH * PL_LINES                  # 13440 = 672 pt
PL_BOTTOM = PAGE_H_TW - PL_TOP - PL_BODY - 20  # 940: 1 pt of slack so line 28 always fits
PL_LEFT = 2160                                 # 1.5 in
PL_RIGHT = 1080                                # 0.75 in
PL_HEADER = 720
PL_FOOTER = 288
PL_TEXT_W = PAGE_W_TW - PL_LEFT - PL_RIGHT     # 9000 = 6.25 in
PL_COUNSEL_LINES = 7                           # counsel block occupies lines 1-7; court title on line 8

ST_MARGIN = 1440
ST_TEXT_W = PAGE_W_TW - 2 * ST_MARGIN          # 9360 = 6.5 in


# ---------------------------------------------------------------------------------------------------
# small XML builders (children always emitted in schema order: Word is strict about it)

_PPR_ORDER = [
    "keepNext", "keepLines", "pageBreakBefore", "widowControl", "numPr", "pBdr", "tabs",
    "spacing", "ind", "contextualSpacing", "jc", "outlineLvl",
]
_RPR_ORDER = ["rFonts", "b", "bCs", "i", "iCs", "caps", "color", "sz", "szCs", "u", "lang"]


def ppr_xml(**props: str) -> str:
    """Paragraph properties as XML children in schema order. Values are complete XML snippets."""
    unknown = set(props) - set(_PPR_ORDER)
    if unknown:
        raise ValueError(f"unknown pPr keys {unknown}")
    return "".join(props[k] for k in _PPR_ORDER if k in props)


def rpr_xml(**props: str) -> str:
    unknown = set(props) - set(_RPR_ORDER)
    if unknown:
        raise ValueError(f"unknown rPr keys {unknown}")
    return "".join(props[k] for k in _RPR_ORDER if k in props)


def spacing(before: int = 0, after: int = 0, line: int = 240, rule: str = "auto") -> str:
    return (f'<w:spacing w:before="{before}" w:beforeAutospacing="0" w:after="{after}" '
            f'w:afterAutospacing="0" w:line="{line}" w:lineRule="{rule}"/>')


def ind(left: int = 0, right: int = 0, first: int | None = None, hanging: int | None = None) -> str:
    extra = ""
    if first is not None:
        extra = f' w:firstLine="{first}"'
    if hanging is not None:
        extra = f' w:hanging="{hanging}"'
    return f'<w:ind w:left="{left}" w:right="{right}"{extra}/>'


def jc(val: str) -> str:
    return f'<w:jc w:val="{val}"/>'


def on(tag: str) -> str:
    return f"<w:{tag}/>"


def off(tag: str) -> str:
    return f'<w:{tag} w:val="0"/>'


def sz(half_points: int) -> dict[str, str]:
    return {"sz": f'<w:sz w:val="{half_points}"/>', "szCs": f'<w:szCs w:val="{half_points}"/>'}


def fonts(face: str = "Times New Roman") -> str:
    return f'<w:rFonts w:ascii="{face}" w:hAnsi="{face}" w:eastAsia="{face}" w:cs="{face}"/>'


def border(side: str, val: str = "single", size: int = 6, space: int = 1) -> str:
    return f'<w:{side} w:val="{val}" w:sz="{size}" w:space="{space}" w:color="000000"/>'


def P(text: str = "", style: str | None = None) -> str:
    """One paragraph, with its text (tag or literal) in exactly one run."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


def T(tag: str) -> str:
    """A ``{%p ... %}`` tag paragraph: the tag alone, in one run, in the (hidden after render) tag style."""
    assert tag.startswith("{%p ") and tag.endswith(" %}"), tag
    return P(tag, "POTemplateTag")


# ---------------------------------------------------------------------------------------------------
# styles

class StyleSet:
    """Collects paragraph styles (name -> XML) and writes them into styles.xml."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self.ids: dict[str, str] = {}

    def add(self, name: str, *, based: str = "Normal", next_: str | None = None, ppr: dict | None = None,
            rpr: dict | None = None, num: tuple[int, int] | None = None) -> str:
        sid = name.replace(" ", "")
        self.ids[name] = sid
        ppr = dict(ppr or {})
        if num is not None:
            num_id, ilvl = num
            ppr["numPr"] = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        nxt = f'<w:next w:val="{self.ids.get(next_, next_)}"/>' if next_ else ""
        xml = (f'<w:style {NSDECL_W} w:type="paragraph" w:customStyle="1" w:styleId="{sid}">'
               f'<w:name w:val="{name}"/><w:basedOn w:val="{based}"/>{nxt}<w:qFormat/>'
               f"<w:pPr>{ppr_xml(**ppr)}</w:pPr><w:rPr>{rpr_xml(**(rpr or {}))}</w:rPr></w:style>")
        self.items.append((sid, xml))
        return sid

    def install(self, doc) -> None:
        styles = doc.styles.element
        for sid, xml in self.items:
            for old in styles.xpath(f'w:style[@w:styleId="{sid}"]'):
                styles.remove(old)
            styles.append(parse_xml(xml))


def set_defaults(doc, *, normal_ppr: dict, size_half_pts: int = 24) -> None:
    """docDefaults and Normal carry the face and size (the renderer edits Normal to change size)."""
    styles = doc.styles.element
    dd = styles.find(f"{{{W_NS}}}docDefaults")
    dd.getparent().remove(dd)
    styles.insert(0, parse_xml(
        f'<w:docDefaults {NSDECL_W}><w:rPrDefault><w:rPr>{fonts()}'
        f'<w:sz w:val="{size_half_pts}"/><w:szCs w:val="{size_half_pts}"/>'
        '<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        f'<w:pPrDefault><w:pPr>{spacing()}</w:pPr></w:pPrDefault></w:docDefaults>'))
    normal = styles.xpath('w:style[@w:styleId="Normal"]')[0]
    for child in list(normal):
        if child.tag.split("}")[1] in ("pPr", "rPr"):
            normal.remove(child)
    normal.append(parse_xml(f"<w:pPr {NSDECL_W}>{ppr_xml(**normal_ppr)}</w:pPr>"))
    normal.append(parse_xml(f"<w:rPr {NSDECL_W}>{fonts()}{''.join(sz(size_half_pts).values())}</w:rPr>"))


# ---------------------------------------------------------------------------------------------------
# numbering: one multilevel list, linked to the three PO styles

def add_numbering(doc, *, lvl_ppr: list[str]) -> int:
    """Add the PO multilevel abstractNum + num to numbering.xml; return the numId."""
    numbering = doc.part.numbering_part.element
    abs_ids = [int(x) for x in numbering.xpath("w:abstractNum/@w:abstractNumId")]
    num_ids = [int(x) for x in numbering.xpath("w:num/@w:numId")]
    abs_id = max(abs_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    levels = [
        # ilvl, format, text, style
        (0, "decimal", "%1.", "POHeading1"),
        (1, "decimal", "%1.%2", "POLevel2"),
        (2, "lowerLetter", "(%3)", "POLevel3"),
    ]
    lvls = ""
    for (ilvl, fmt, text, style), ppr in zip(levels, lvl_ppr):
        # no w:lvlRestart: by default a level restarts after any higher level, so 1.1 restarts at
        # every new heading and (a) at every new 1.x (or heading).
        lvls += (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                 f'<w:pStyle w:val="{style}"/><w:suff w:val="tab"/><w:lvlText w:val="{text}"/>'
                 f'<w:lvlJc w:val="left"/><w:pPr>{ppr}</w:pPr></w:lvl>')
    abstract = parse_xml(
        f'<w:abstractNum {NSDECL_W} w:abstractNumId="{abs_id}"><w:nsid w:val="50A0C0D{abs_id % 10}"/>'
        f'<w:multiLevelType w:val="multilevel"/><w:tmpl w:val="7A1B2C3{abs_id % 10}"/>'
        f'<w:name w:val="PO Outline"/>{lvls}</w:abstractNum>')
    last_abs = numbering.xpath("w:abstractNum")
    if last_abs:
        last_abs[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    num = parse_xml(f'<w:num {NSDECL_W} w:numId="{num_id}"><w:abstractNumId w:val="{abs_id}"/></w:num>')
    nums = numbering.xpath("w:num")
    if nums:
        nums[-1].addnext(num)
    else:
        abstract.addnext(num)
    return num_id


# ---------------------------------------------------------------------------------------------------
# shared body (the contract's paragraph-tag structure)

def body_blocks(*, pleading: bool) -> list[str]:
    """Preamble, sections, signatures, attestation, order, exhibit -- identical tag structure in both."""
    x: list[str] = []
    # preamble
    x += [T("{%p for p in preamble %}"), P("{{ p.text }}", "POBody"), T("{%p endfor %}")]
    # sections with Word-numbered headings and sub-paragraphs
    x += [
        T("{%p for s in sections %}"),
        P("{{ s.heading }}", "POHeading1"),
        T("{%p for p in s.paragraphs %}"),
        T("{%p if p.level == 2 %}"),
        P("{{ p.text }}", "POLevel2"),
        T("{%p elif p.level == 3 %}"),
        P("{{ p.text }}", "POLevel3"),
        T("{%p else %}"),
        P("{{ p.text }}", "POBody"),
        T("{%p endif %}"),
        T("{%p endfor %}"),
        T("{%p endfor %}"),
    ]
    # signature blocks (each kept together by keep-with-next; the spacer ends the chain)
    x += [P("", "POSignatureEnd"), T("{%p for sig in signatures %}")]
    x += [T("{%p if sig.date_line %}"), P("{{ sig.date_line }}", "POSignatureDate"), T("{%p endif %}")]
    x += [T("{%p if sig.firm %}"), P("{{ sig.firm }}", "POSignature"), T("{%p endif %}")]
    x += [T("{%p if sig.signature %}"), P("{{ sig.signature }}", "POSignature"), T("{%p endif %}")]
    x += [P("{{ sig.name }}", "POSignature")]
    x += [T("{%p if sig.bar_line %}"), P("{{ sig.bar_line }}", "POSignature"), T("{%p endif %}")]
    x += [T("{%p for line in sig.address_lines %}"), P("{{ line }}", "POSignature"), T("{%p endfor %}")]
    x += [T("{%p if sig.phone %}"), P("{{ sig.phone }}", "POSignature"), T("{%p endif %}")]
    x += [T("{%p if sig.email %}"), P("{{ sig.email }}", "POSignature"), T("{%p endif %}")]
    x += [T("{%p if sig.role_line %}"), P("{{ sig.role_line }}", "POSignature"), T("{%p endif %}")]
    x += [P("", "POSignatureEnd"), T("{%p endfor %}")]
    # filer's attestation (may be empty)
    x += [T("{%p for p in attestation %}"), P("{{ p.text }}", "POBody"), T("{%p endfor %}")]
    # the order
    x += [P("", "POBody"), T("{%p for p in order.paragraphs %}"), P("{{ p.text }}", "POOrderText"), T("{%p endfor %}")]
    x += [P("{{ order.date_line }}", "POOrderDate")]
    if pleading:
        x += [P("", "POJudge")]          # one blank grid line to sign on
    x += [P("{{ order.signature_line }}", "POJudgeLine")]   # sized to fit right of the indent at 14 pt
    x += [T("{%p if order.judge_name %}"), P("{{ order.judge_name }}", "POJudge"), T("{%p endif %}")]
    x += [P("{{ order.judge_title }}", "POJudgeEnd")]
    # Exhibit A: new page through the label style's pageBreakBefore, then the exhibit's own title
    x += [P("EXHIBIT A", "POExhibitTitle"), P("{{ exhibit.title }}", "POExhibitHeading")]
    x += [T("{%p for p in exhibit.paragraphs %}"), P("{{ p.text }}", "POExhibitBody"), T("{%p endfor %}")]
    x += [T("{%p for label in exhibit.blanks %}"),
          P("{{ label }}: ______________________________________", "POExhibitBlank"),
          T("{%p endfor %}")]
    return x


def caption_left_cell() -> list[str]:
    return [
        T("{%p for name in caption.plaintiffs %}"),
        P("{{ name }}", "POCaptionParty"),
        T("{%p endfor %}"),
        P("{{ caption.plaintiff_label }}", "POCaptionLabel"),
        P("v.", "POCaptionVersus"),
        T("{%p for name in caption.defendants %}"),
        P("{{ name }}", "POCaptionParty"),
        T("{%p endfor %}"),
        P("{{ caption.defendant_label }}", "POCaptionLabel"),
    ]


def caption_right_cell(*, pleading: bool) -> list[str]:
    x = [P("{{ case.number_line }}", "POCaptionRight")]
    if not pleading:
        x += [P("", "POCaptionRight")]
    x += [
        P("{{ document.title }}", "POTitle"),
        T("{%p for note in document.caption_notes %}"),
        P("{{ note }}", "POCaptionNote"),
        T("{%p endfor %}"),
    ]
    return x


def cell(width: int, paras: list[str], tcpr_extra: str = "") -> str:
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{tcpr_extra}</w:tcPr>'
            f'{"".join(paras)}</w:tc>')


def table(widths: list[int], cells: list[str], *, borders: str = "", cell_mar: str = "",
          tr_pr: str = "") -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar>{cell_mar}</w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" '
            f'w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid><w:tr>{"<w:trPr>" + tr_pr + "</w:trPr>" if tr_pr else ""}'
            f'{"".join(cells)}</w:tr></w:tbl>')


NO_BORDERS = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))


def page_field_runs() -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


# ---------------------------------------------------------------------------------------------------
# common document plumbing

def new_document():
    doc = Document()
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    # python-docx's default template ships a thumbnail of an unrelated page: drop it
    pkg_rels = doc.part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg_rels[rid]
    # Word 2013+ layout mode
    for cs in doc.settings.element.xpath('.//w:compatSetting[@w:name="compatibilityMode"]'):
        cs.set(f"{{{W_NS}}}val", "15")
    cp = doc.core_properties
    cp.title = TITLE
    cp.subject = "Template for poassembler"
    cp.author = "poassembler"
    cp.last_modified_by = "poassembler"
    cp.comments = ""
    cp.keywords = "protective order; docxtpl template"
    cp.revision = 1
    cp.created = cp.modified = datetime.now(timezone.utc).replace(microsecond=0)
    # Word 2010's stylesWithEffects copy of the default styles would be stale next to ours: drop it
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del doc.part.rels[rid]
    return doc


def append_body(doc, blocks: list[str]) -> None:
    body = doc.element.body
    sect = body.find(f"{{{W_NS}}}sectPr")
    for xml in blocks:
        sect.addprevious(parse_xml(xml.replace("<w:p>", f"<w:p {NSDECL_ALL}>", 1)
                                   if xml.startswith("<w:p>") else
                                   xml.replace("<w:tbl>", f"<w:tbl {NSDECL_ALL}>", 1)))


def set_page(doc, *, top, bottom, left, right, header, footer) -> None:
    sect = doc.sections[0]._sectPr
    pgmar = sect.find(f"{{{W_NS}}}pgMar")
    for k, v in dict(top=top, bottom=bottom, left=left, right=right, header=header, footer=footer,
                     gutter=0).items():
        pgmar.set(f"{{{W_NS}}}{k}", str(v))
    pgsz = sect.find(f"{{{W_NS}}}pgSz")
    pgsz.set(f"{{{W_NS}}}w", str(PAGE_W_TW))
    pgsz.set(f"{{{W_NS}}}h", str(PAGE_H_TW))


def replace_story(story, paras_xml: list[str]) -> None:
    """Replace the paragraphs of a header/footer with the given paragraph XML."""
    el = story._element
    for child in list(el):
        el.remove(child)
    for xml in paras_xml:
        el.append(parse_xml(xml.replace("<w:p>", f"<w:p {NSDECL_ALL}>", 1)))


# ---------------------------------------------------------------------------------------------------
# standard.docx

def build_standard(out: Path) -> Path:
    doc = new_document()
    set_page(doc, top=ST_MARGIN, bottom=ST_MARGIN, left=ST_MARGIN, right=ST_MARGIN, header=720, footer=720)
    set_defaults(doc, normal_ppr={"spacing": spacing()})

    num_id = add_numbering(doc, lvl_ppr=[
        ind(left=720, hanging=720),
        '<w:tabs><w:tab w:val="left" w:pos="1440"/></w:tabs>' + ind(left=0, first=720),
        ind(left=2160, hanging=720),
    ])
    dbl = spacing(line=480)
    s = StyleSet()
    s.add("PO Template Tag", rpr={"color": '<w:color w:val="808080"/>'})
    s.add("PO Body", ppr={"spacing": dbl, "ind": ind(first=720)})
    s.add("PO Heading 1", next_="PO Level 2", num=(num_id, 0),
          ppr={"keepNext": on("keepNext"), "keepLines": on("keepLines"),
               "spacing": spacing(before=240, after=240), "ind": ind(left=720, hanging=720),
               "outlineLvl": '<w:outlineLvl w:val="0"/>'},
          rpr={"b": on("b"), "bCs": on("bCs")})
    s.add("PO Level 2", based="POBody", num=(num_id, 1),
          ppr={"tabs": '<w:tabs><w:tab w:val="left" w:pos="1440"/></w:tabs>', "spacing": dbl,
               "ind": ind(left=0, first=720)})
    s.add("PO Level 3", based="POBody", num=(num_id, 2),
          ppr={"spacing": dbl, "ind": ind(left=2160, hanging=720)})
    s.add("PO Caption Court", ppr={"keepNext": on("keepNext"), "jc": jc("center")},
          rpr={"b": on("b"), "bCs": on("bCs")})
    s.add("PO Caption Party", ppr={"ind": ind(left=0)})
    s.add("PO Caption Label", ppr={"spacing": spacing(after=240), "ind": ind(left=2160)})
    s.add("PO Caption Versus", ppr={"spacing": spacing(after=240), "ind": ind(left=1080)})
    s.add("PO Caption Right", ppr={"ind": ind(left=0)})
    s.add("PO Title", ppr={"spacing": spacing(after=240)}, rpr={"b": on("b"), "bCs": on("bCs")})
    s.add("PO Caption Note", rpr={"b": on("b"), "bCs": on("bCs")})
    s.add("PO Signature Date", ppr={"keepNext": on("keepNext"), "keepLines": on("keepLines"),
                                    "spacing": spacing(before=240)})
    s.add("PO Signature", ppr={"keepNext": on("keepNext"), "keepLines": on("keepLines"),
                               "ind": ind(left=4320)})
    s.add("PO Signature End", ppr={"spacing": spacing(after=240)})
    s.add("PO Order Text", based="POBody", ppr={"keepNext": on("keepNext"), "spacing": dbl})
    s.add("PO Order Date", ppr={"keepNext": on("keepNext"), "spacing": spacing(before=240, after=480)})
    s.add("PO Judge Line", ppr={"keepNext": on("keepNext"), "spacing": spacing(before=240),
                                "ind": ind(left=4320)})
    s.add("PO Judge", ppr={"keepNext": on("keepNext"), "ind": ind(left=4320)})
    s.add("PO Judge End", ppr={"ind": ind(left=4320)})
    s.add("PO Exhibit Title", ppr={"keepNext": on("keepNext"), "pageBreakBefore": on("pageBreakBefore"),
                                   "spacing": spacing(after=240), "jc": jc("center")},
          rpr={"b": on("b"), "bCs": on("bCs")})
    s.add("PO Exhibit Heading", ppr={"keepNext": on("keepNext"), "spacing": spacing(after=480), "jc": jc("center")},
          rpr={"b": on("b"), "bCs": on("bCs")})
    s.add("PO Exhibit Body", based="POBody")
    s.add("PO Exhibit Blank", ppr={"keepLines": on("keepLines"), "spacing": spacing(before=360)})
    s.add("PO Footer", ppr={"jc": jc("center")}, rpr=sz(20))
    s.add("PO Footer Title", ppr={"jc": jc("center")}, rpr={"caps": on("caps"), **sz(20)})
    s.install(doc)

    bordered = "".join(border(side, size=6, space=0) for side in ("top", "left", "bottom", "right", "insideV"))
    cell_mar = ('<w:top w:w="115" w:type="dxa"/><w:left w:w="115" w:type="dxa"/>'
                '<w:bottom w:w="115" w:type="dxa"/><w:right w:w="115" w:type="dxa"/>')
    half = ST_TEXT_W // 2
    blocks = [
        T("{%p for line in court.caption_lines %}"),
        P("{{ line }}", "POCaptionCourt"),
        T("{%p endfor %}"),
        P("", "POCaptionCourt"),
        table([half, ST_TEXT_W - half], [
            cell(half, caption_left_cell()),
            cell(ST_TEXT_W - half, caption_right_cell(pleading=False), '<w:vAlign w:val="center"/>'),
        ], borders=bordered, cell_mar=cell_mar),
        P(""),
    ]
    blocks += body_blocks(pleading=False)
    append_body(doc, blocks)

    footer = doc.sections[0].footer
    footer.is_linked_to_previous = False
    replace_story(footer, [f'<w:p><w:pPr><w:pStyle w:val="POFooter"/></w:pPr>{page_field_runs()}</w:p>',
                           P("{{ document.short_title }}", "POFooterTitle")])

    path = out / "standard.docx"
    doc.save(path)
    return path


# ---------------------------------------------------------------------------------------------------
# pleading.docx

def _anchor(doc_pr_id: int, name: str, x_emu: int, y_emu: int, cx: int, cy: int, graphic: str,
            behind: bool = False) -> str:
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="{251658240 + doc_pr_id}" behindDoc="{1 if behind else 0}" locked="1" '
        f'layoutInCell="0" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{x_emu}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{y_emu}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{doc_pr_id}" name="{name}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'{graphic}</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r>'
    )


def _vertical_rule(doc_pr_id: int, name: str, x_emu: int) -> str:
    height = PAGE_H_TW * EMU_PER_PT // TW_PER_PT
    wsp = ('<wps:wsp><wps:cNvCnPr/><wps:spPr>'
           f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="{height}"/></a:xfrm>'
           '<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
           '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
           '</wps:spPr><wps:bodyPr/></wps:wsp>')
    return _anchor(doc_pr_id, name, x_emu, 0, 0, height, wsp, behind=True)


def _line_number_box(doc_pr_id: int) -> str:
    x = int(0.55 * EMU_PER_IN)
    width = int(0.70 * EMU_PER_IN)                     # numbers end at 1.25 in
    y = PL_TOP * EMU_PER_PT // TW_PER_PT
    height = (PL_BODY + PL_PITCH // 2) * EMU_PER_PT // TW_PER_PT   # 28 lines + half a line of slack
    paras = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="POLineNumbers"/></w:pPr><w:r><w:t>{n}</w:t></w:r></w:p>'
        for n in range(1, PL_LINES + 1))
    wsp = ('<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
           f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
           '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
           f'<wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>'
           '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
           'anchor="t" anchorCtr="0" upright="1"><a:noAutofit/></wps:bodyPr></wps:wsp>')
    return _anchor(doc_pr_id, "PO Line Numbers", x, y, width, height, wsp)


def build_pleading(out: Path) -> Path:
    doc = new_document()
    set_page(doc, top=PL_TOP, bottom=PL_BOTTOM, left=PL_LEFT, right=PL_RIGHT, header=PL_HEADER,
             footer=PL_FOOTER)
    grid = spacing(line=PL_PITCH, rule="exact")            # every body line: exactly one numbered line
    half = spacing(line=PL_PITCH // 2, rule="exact")       # single-spaced counsel block: two per line
    set_defaults(doc, normal_ppr={"spacing": grid})

    num_id = add_numbering(doc, lvl_ppr=[
        ind(left=720, hanging=720),
        '<w:tabs><w:tab w:val="left" w:pos="1440"/></w:tabs>' + ind(left=0, first=720),
        ind(left=2160, hanging=720),
    ])
    s = StyleSet()
    s.add("PO Template Tag", rpr={"color": '<w:color w:val="808080"/>'})
    s.add("PO Body", ppr={"spacing": grid, "ind": ind(first=720)})
    s.add("PO Heading 1", next_="PO Level 2", num=(num_id, 0),
          ppr={"keepNext": on("keepNext"), "keepLines": on("keepLines"), "spacing": grid,
               "ind": ind(left=720, hanging=720), "outlineLvl": '<w:outlineLvl w:val="0"/>'},
          rpr={"b": on("b"), "bCs": on("bCs")})
    s.add("PO Level 2", based="POBody", num=(num_id, 1),
          ppr={"tabs": '<w:tabs><w:tab w:val="left" w:pos="1440"/></w:tabs>', "spacing": grid,
               "ind": ind(left=0, first=720)})
    s.add("PO Level 3", based="POBody", num=(num_id, 2),
          ppr={"spacing": grid, "ind": ind(left=2160, hanging=720)})
    s.add("PO Counsel", ppr={"spacing": half, "ind": ind(left=0)})
    s.add("PO Caption Court", ppr={"keepNext": on("keepNext"), "spacing": grid, "jc": jc("center")},
          rpr={"b": on("b"), "bCs": on("bCs")})
    s.add("PO Caption Party", ppr={"spacing": grid, "ind": ind(left=0)})
    s.add("PO Caption Label", ppr={"spacing": grid, "ind": ind(left=1440)})
    s.add("PO Caption Versus", ppr={"spacing": grid, "ind": ind(left=720)})
    s.add("PO Caption Right", ppr={"spacing": grid, "ind": ind(left=144)})
    s.add("PO Title", ppr={"spacing": grid, "ind": ind(left=144)}, rpr={"b": on("b"), "bCs": on("bCs")})
    s.add("PO Caption Note", ppr={"spacing": grid, "ind": ind(left=144)}, rpr={"b": on("b"), "bCs": on("bCs")})
    s.add("PO Signature Date", ppr={"keepNext": on("keepNext"), "keepLines": on("keepLines"), "spacing": grid})
    s.add("PO Signature", ppr={"keepNext": on("keepNext"), "keepLines": on("keepLines"), "spacing": grid,
                               "ind": ind(left=4320)})
    s.add("PO Signature End", ppr={"spacing": grid})
    s.add("PO Order Text", based="POBody", ppr={"keepNext": on("keepNext"), "spacing": grid})
    s.add("PO Order Date", ppr={"keepNext": on("keepNext"), "spacing": grid})
    s.add("PO Judge Line", ppr={"keepNext": on("keepNext"), "spacing": grid, "ind": ind(left=4320)})
    s.add("PO Judge", ppr={"keepNext": on("keepNext"), "spacing": grid, "ind": ind(left=4320)})
    s.add("PO Judge End", ppr={"spacing": grid, "ind": ind(left=4320)})
    s.add("PO Exhibit Title", ppr={"keepNext": on("keepNext"), "pageBreakBefore": on("pageBreakBefore"),
                                   "spacing": grid, "jc": jc("center")},
          rpr={"b": on("b"), "bCs": on("bCs")})
    s.add("PO Exhibit Heading", ppr={"keepNext": on("keepNext"), "spacing": grid, "jc": jc("center")},
          rpr={"b": on("b"), "bCs": on("bCs")})
    s.add("PO Exhibit Body", based="POBody")
    s.add("PO Exhibit Blank", ppr={"keepLines": on("keepLines"), "spacing": grid})
    # the numbers keep their own size: they must not follow a Normal size change (e.g. 14 pt in C.D. Cal.)
    s.add("PO Line Numbers", ppr={"widowControl": off("widowControl"), "spacing": grid, "ind": ind(),
                                  "jc": jc("right")}, rpr=sz(24))
    s.add("PO Header", ppr={"spacing": spacing(line=240, rule="exact")}, rpr=sz(2))
    s.add("PO Footer", ppr={"spacing": spacing(line=240, rule="exact"), "jc": jc("center")}, rpr=sz(20))
    s.add("PO Footer Title", ppr={"pBdr": "<w:pBdr>" + border("top", size=6, space=1) + "</w:pBdr>",
                                  "spacing": spacing(line=240, rule="exact"), "jc": jc("center")},
          rpr={"caps": on("caps"), **sz(20)})
    s.install(doc)

    # counsel block: a borderless one-row table, exactly 7 lines high, left half only (right of center
    # stays blank for the Clerk, L.R. 11-3.8); the court title therefore always starts on line 8.
    left_w = PL_TEXT_W // 2
    counsel = [
        T("{%p if filer %}"),
        P("{{ filer.name }}", "POCounsel"),
        T("{%p if filer.bar_line %}"), P("{{ filer.bar_line }}", "POCounsel"), T("{%p endif %}"),
        T("{%p if filer.firm %}"), P("{{ filer.firm }}", "POCounsel"), T("{%p endif %}"),
        T("{%p for line in filer.address_lines %}"), P("{{ line }}", "POCounsel"), T("{%p endfor %}"),
        T("{%p if filer.phone %}"), P("{{ filer.phone }}", "POCounsel"), T("{%p endif %}"),
        T("{%p if filer.email %}"), P("{{ filer.email }}", "POCounsel"), T("{%p endif %}"),
        T("{%p if filer.role_line %}"), P("{{ filer.role_line }}", "POCounsel"), T("{%p endif %}"),
        T("{%p endif %}"),
        P("", "POCounsel"),             # a cell must keep one paragraph even when filer is None
    ]
    # An "exactly" line puts its baseline about 0.8 of its height below its top (Word and LibreOffice
    # alike, whatever the face or size): 19.2 pt into a 24 pt line, 9.6 pt into a 12 pt one. A 9.6 pt
    # top margin therefore puts the first counsel line on the baseline of line 1, and the single-spaced
    # counsel lines fall alternately on a number and exactly half way between two.
    zero_mar = (f'<w:top w:w="{round(0.8 * PL_PITCH - 0.8 * PL_PITCH / 2)}" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
                '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>')
    counsel_tbl = table(
        [left_w, PL_TEXT_W - left_w],
        [cell(left_w, counsel), cell(PL_TEXT_W - left_w, [P("", "POCounsel")])],
        borders=NO_BORDERS, cell_mar=zero_mar,
        tr_pr=f'<w:cantSplit/><w:trHeight w:val="{PL_PITCH * PL_COUNSEL_LINES}" w:hRule="exact"/>')

    # caption: parties left (closed by a rule right and below, the California style), number/title right
    cap_mar = ('<w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
               '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="115" w:type="dxa"/>')
    rule = border("bottom", size=6, space=0) + border("right", size=6, space=0)
    caption_tbl = table(
        [left_w, PL_TEXT_W - left_w],
        [cell(left_w, caption_left_cell(), f"<w:tcBorders>{rule}</w:tcBorders>"),
         cell(PL_TEXT_W - left_w, caption_right_cell(pleading=True))],
        borders=NO_BORDERS, cell_mar=cap_mar)

    blocks = [
        counsel_tbl,
        T("{%p for line in court.caption_lines %}"),
        P("{{ line }}", "POCaptionCourt"),
        T("{%p endfor %}"),
        P("", "POBody"),
        caption_tbl,
        P("", "POBody"),
    ]
    blocks += body_blocks(pleading=True)
    append_body(doc, blocks)

    # header: line numbers and the rules, anchored to the page
    header = doc.sections[0].header
    header.is_linked_to_previous = False
    emu = lambda inches: int(inches * EMU_PER_IN)  # noqa: E731
    right_rule = emu((PAGE_W_TW - PL_RIGHT) / TW_PER_IN + 0.06)
    runs = (_line_number_box(1)
            + _vertical_rule(2, "PO Left Rule 1", emu(1.36))
            + _vertical_rule(3, "PO Left Rule 2", emu(1.40))
            + _vertical_rule(4, "PO Right Rule", right_rule))
    replace_story(header, [f'<w:p><w:pPr><w:pStyle w:val="POHeader"/></w:pPr>{runs}</w:p>'])

    footer = doc.sections[0].footer
    footer.is_linked_to_previous = False
    replace_story(footer, [
        f'<w:p><w:pPr><w:pStyle w:val="POFooter"/></w:pPr>{page_field_runs()}</w:p>',
        P("{{ document.short_title }}", "POFooterTitle"),
    ])

    path = out / "pleading.docx"
    doc.save(path)
    return path


def lint(path: Path) -> list[str]:
    """Check the docxtpl rules on the saved file: every paragraph holding a Jinja tag has exactly one
    run; a {%p %} tag is alone in its paragraph; quotes inside tags are straight."""
    from lxml import etree
    problems = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not re.fullmatch(r"word/(document|header\d+|footer\d+)\.xml", name):
                continue
            root = etree.fromstring(z.read(name))
            for p in root.iter(f"{{{W_NS}}}p"):
                runs = p.findall(f"{{{W_NS}}}r")
                text = "".join(t.text or "" for t in p.iter(f"{{{W_NS}}}t"))
                if "{%" not in text and "{{" not in text:
                    continue
                where = f"{path.name}:{name}: {text!r}"
                if len(runs) != 1:
                    problems.append(f"{where}: {len(runs)} runs")
                if re.search("[\u2018\u2019\u201c\u201d]", text):
                    problems.append(f"{where}: curly quote")
                if "{%p" in text and not re.fullmatch(r"\{%p [^%]+ %\}", text):
                    problems.append(f"{where}: a {{%p %}} tag must be alone in its paragraph")
                if text.count("{{") != text.count("}}") or text.count("{%") != text.count("%}"):
                    problems.append(f"{where}: unbalanced tag")
    return problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=REPO / "templates")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    problems = []
    for build in (build_standard, build_pleading):
        path = build(args.out)
        problems += lint(path)
        print(path)
    if problems:
        raise SystemExit("template lint failed:\n  " + "\n  ".join(problems))


if __name__ == "__main__":
    main()
