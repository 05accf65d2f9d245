"""Export a court's Word template with its clauses written out, for a paralegal to restyle in Word.

The court's own template loops over `sections` (text rendered in Python). The exported copy replaces
that loop with one block per clause the court's profile lists (required or optional):

    {%p if "good_cause_statement" in clauses_included %}
    GOOD CAUSE STATEMENT                                  (style PO Heading 1)
    {%p for item in answers.categories %}
    {{ item.name }}. {{ item.description }} …              (style PO Level 3)
    {%p endfor %}
    {%p endif %}

Clause text stays Jinja exactly as in clauses/*.yaml, so it renders with the same names: answers,
facts, profile, periods, citations, tiers (template_names.py), plus `clauses_included`, the clauses
this draft includes. Every tag sits in one run and each {%p %} tag alone in its paragraph.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from poassembler.errors import BadLibrary

TAG_STYLE = "PO Template Tag"
HEADING_STYLE = "PO Heading 1"
LEVEL_STYLES = {0: "PO Body", 2: "PO Level 2", 3: "PO Level 3"}
LOOP_START = "{%p for s in sections %}"


def _style(document, name: str):
    try:
        return document.styles[name]
    except KeyError:
        return document.styles["Normal"]


def _sections_block(paragraphs) -> tuple[int, int]:
    """Indexes of the `{%p for s in sections %}` paragraph and its matching `{%p endfor %}`."""
    start = next((i for i, p in enumerate(paragraphs) if " ".join(p.text.split()) == LOOP_START), None)
    if start is None:
        raise BadLibrary(f"the court's template has no `{LOOP_START}` paragraph to replace with the clauses.")
    depth = 0
    for index in range(start, len(paragraphs)):
        text = paragraphs[index].text.strip()
        if text.startswith("{%p for"):
            depth += 1
        elif text.startswith("{%p endfor"):
            depth -= 1
            if depth == 0:
                return start, index
    raise BadLibrary(f"the court's template never closes `{LOOP_START}`.")


def _lines_for(clause) -> list[tuple[str, str]]:
    """(style kind, text) for one clause: "tag", "heading" or the paragraph level."""
    spec = clause.spec
    lines = [("tag", f'{{%p if "{clause.id}" in clauses_included %}}')]
    if spec.heading:
        lines.append(("heading", spec.heading))
    for para in spec.paragraphs:
        if para.when:
            lines.append(("tag", f"{{%p if {' '.join(para.when.split())} %}}"))
        if para.repeat:
            lines.append(("tag", f"{{%p for item in {' '.join(para.repeat.split())} %}}"))
        text = re.sub(r"\[\[section:([a-z0-9_]+)(\.\d+)?\]\]", r"{{ section_refs['\1'] }}\2", " ".join(para.text.split()))
        lines.append((str(para.level), text))
        if para.repeat:
            lines.append(("tag", "{%p endfor %}"))
        if para.when:
            lines.append(("tag", "{%p endif %}"))
    lines.append(("tag", "{%p endif %}"))
    return lines


def export_template(base_template: Path, clauses: list) -> bytes:
    """The court's template with its body clauses laid out (`clauses`: clauses.Clause, in order)."""
    import docx

    document = docx.Document(str(base_template))
    paragraphs = document.paragraphs
    start, end = _sections_block(paragraphs)
    anchor = paragraphs[start]
    styles = {"tag": _style(document, TAG_STYLE), "heading": _style(document, HEADING_STYLE)}
    styles.update({str(level): _style(document, name) for level, name in LEVEL_STYLES.items()})
    for clause in clauses:
        for kind, text in _lines_for(clause):
            anchor.insert_paragraph_before(text, style=styles.get(kind, styles["2"]))
    for paragraph in paragraphs[start : end + 1]:
        paragraph._element.getparent().remove(paragraph._element)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
