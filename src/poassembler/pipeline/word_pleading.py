"""Pleading paper after rendering: fit the counsel block at the top of page 1 to what it holds.

The pleading template puts the filer's counsel block in a one-row table whose height is a whole
number of numbered lines, so the court title starts on a numbered line (line 8 or below: C.D. Cal.
L.R. 11-3.8, N.D. Cal. Civil L.R. 3-4(a)). A fixed 7-line row would silently cut off a long block, so the
row grows, one numbered line at a time, to fit the block; and at type sizes above 12 pt the block's
single-spaced lines get a 16 pt pitch (three lines to two numbered lines) so 14-point type does not
crowd. The standard template has no counsel block and is left alone.
"""

from __future__ import annotations

import math

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

COUNSEL_STYLE = "PO Counsel"
GRID_PT = 24.0  # one numbered line
MIN_COUNSEL_LINES = 7  # the court title goes on line 8 or below
BASELINE_FRACTION = 0.8  # an "exactly" line puts its baseline this far down (Word and LibreOffice)
AVERAGE_CHAR_EM = 0.42  # Times / Liberation Serif, mixed case: a cautious average glyph width


def counsel_pitch_pt(font_size_pt: float) -> float:
    """Single spacing for the counsel block: two lines a numbered line up to 12 pt, three to two above."""
    return 12.0 if font_size_pt <= 12.5 else 16.0


def fit_counsel_block(document, font_size_pt: float) -> int | None:
    """Size the counsel-block row of a rendered pleading; return its height in numbered lines (None: no block)."""
    if not has_counsel_style(document.styles):
        return None
    table = counsel_table(document.tables)
    if table is None:
        return None
    set_counsel_spacing(document.styles, font_size_pt)
    return fit_counsel_table(table, font_size_pt)


def has_counsel_style(styles) -> bool:
    """Whether the template defines the counsel-block paragraph style (looked up by name, not by listing every style)."""
    from docx.styles import BabelFish

    return styles.element.get_by_name(BabelFish.ui2internal(COUNSEL_STYLE)) is not None


def counsel_table(tables):
    """The table holding the counsel block (its first cell's paragraphs use the counsel style), or None."""
    return next((t for t in tables if _is_counsel_table(t)), None)


def set_counsel_spacing(styles, font_size_pt: float) -> None:
    """The counsel style's exact line pitch for this type size (a style change: the same for every draft)."""
    style = styles[COUNSEL_STYLE]
    style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    style.paragraph_format.line_spacing = Pt(counsel_pitch_pt(font_size_pt))


def fit_counsel_table(table, font_size_pt: float) -> int:
    """Set the counsel table's top margin and row height to what its text needs; return the height in numbered lines."""
    pitch = counsel_pitch_pt(font_size_pt)
    top_margin = BASELINE_FRACTION * (GRID_PT - pitch)  # first counsel baseline on line 1's baseline
    _set_top_cell_margin(table, top_margin)
    cell = table.rows[0].cells[0]
    width_pt = cell.width.pt if cell.width else 225.0
    per_line = max(10, int(width_pt / (AVERAGE_CHAR_EM * font_size_pt)))
    lines = sum(math.ceil(len(p.text) / per_line) for p in cell.paragraphs if p.text.strip())
    rows = max(MIN_COUNSEL_LINES, math.ceil((top_margin + lines * pitch) / GRID_PT - 1e-6))
    _set_exact_row_height(table.rows[0], rows * GRID_PT)
    return rows


def _is_counsel_table(table) -> bool:
    first = table.rows[0].cells[0] if table.rows else None
    return first is not None and any(p.style is not None and p.style.name == COUNSEL_STYLE for p in first.paragraphs)


def _set_top_cell_margin(table, points: float) -> None:
    """The template gives the counsel table its own cell margins (w:tblCellMar); set the top one."""
    top = table._tbl.tblPr.find(f"{qn('w:tblCellMar')}/{qn('w:top')}")
    if top is not None:
        top.set(qn("w:w"), str(round(points * 20)))
        top.set(qn("w:type"), "dxa")


def _set_exact_row_height(row, points: float) -> None:
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
    row.height = Pt(points)
