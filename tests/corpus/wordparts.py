"""Helpers for building the corpus: text edits that plant defects, and raw Word XML (numbering, text
boxes, footnotes, tracked changes) that python-docx has no API for."""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn


# --- edits that plant defects (each returns the changed parts) ----------------------------------------------

def _find(secs, heading):
    return next(i for i, (h, _) in enumerate(secs) if h == heading)


def replace_text(secs, heading, old, new):
    i = _find(secs, heading)
    h, paras = secs[i]
    changed = [p.replace(old, new) for p in paras]
    assert changed != paras, (heading, old)
    secs[i] = (h, changed)


def add_para(secs, heading, text, at=None):
    i = _find(secs, heading)
    h, paras = secs[i]
    paras = list(paras)
    paras.insert(len(paras) if at is None else at, text)
    secs[i] = (h, paras)


def rename(secs, heading, new):
    i = _find(secs, heading)
    secs[i] = (new, secs[i][1])


def drop_section(secs, heading):
    del secs[_find(secs, heading)]


def set_paras(secs, heading, paras):
    secs[_find(secs, heading)] = (heading, list(paras))


# --- Word helpers -------------------------------------------------------------------------------------------

def _numbering(document, levels):
    """A multilevel list: levels = [(fmt, text), …]; returns its numId."""
    numbering = document.part.numbering_part.element
    abstract_id = 90 + len(numbering.findall(qn("w:abstractNum")))
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="720"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num_id = 90 + len(numbering.findall(qn("w:num")))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return num_id


def _number(paragraph, num_id, ilvl):
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _bold(paragraph, text):
    paragraph.add_run(text).bold = True
    return paragraph


def _text_box_run(paragraph, texts):
    """A text box (DrawingML with its VML fallback, as Word writes it) holding `texts`."""
    inner = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{_esc(t)}</w:t></w:r></w:p>" for t in texts)
    xml = (
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:v="urn:schemas-microsoft-com:vml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        '<wp:extent cx="5486400" cy="1371600"/><wp:docPr id="501" name="Text Box 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5486400" cy="1371600"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
        '</wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="tb501" style="width:432pt;height:108pt" type="#_x0000_t202">'
        f'<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    )
    paragraph._p.append(parse_xml(xml))


def _esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _footnotes_part(document, notes):
    xml = (f'<w:footnotes {nsdecls("w")}>'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
           + "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                     f'<w:r><w:t xml:space="preserve"> {_esc(t)}</w:t></w:r></w:p></w:footnote>' for i, t in enumerate(notes, 1))
           + "</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def _footnote_ref(paragraph, note_id):
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                  f'<w:footnoteReference w:id="{note_id}"/></w:r>'))


def _tracked(paragraph, kind, text, change_id):
    tag, t = ("w:ins", "w:t") if kind == "ins" else ("w:del", "w:delText")
    paragraph._p.append(parse_xml(
        f'<{tag} {nsdecls("w")} w:id="{change_id}" w:author="Opposing Counsel" w:date="2026-11-01T10:00:00Z">'
        f'<w:r><{t} xml:space="preserve">{_esc(text)}</{t}></w:r></{tag}>'))


