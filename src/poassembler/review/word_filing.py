"""Short papers filed or sent with the order, as Word documents (python-docx): the explanation of departures
from the court's model order, and the motion that asks the court to enter the order.

Both share one plain layout: caption, title, body paragraphs, a table where needed, signature blocks.
"""

from __future__ import annotations

import io

from poassembler.pipeline.draft import Draft
from poassembler.review.deviations import DeviationReport

FILED_HEADER = ("No.", "Departure", "Model section", "Proposed order", "Reason")


def _document():
    import docx
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    return document


def _centered(document, text: str, bold: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = 0
    paragraph.add_run(text).bold = bold


def _caption(document, draft: Draft, title: str) -> None:
    context = draft.context
    for line in context.court.caption_lines:
        _centered(document, line, bold=True)
    document.add_paragraph()
    caption = context.caption
    if caption.plaintiffs and caption.defendants:  # the order's party caption, so every paper of the filing matches
        for name in caption.plaintiffs:
            _centered(document, f"{name},")
        _centered(document, caption.plaintiff_label)
        _centered(document, caption.versus)
        for name in caption.defendants:
            _centered(document, f"{name},")
        _centered(document, caption.defendant_label)
        document.add_paragraph()
    else:
        _centered(document, context.case.title)
    _centered(document, context.case.number_line)
    document.add_paragraph()
    _centered(document, title, bold=True)
    document.add_paragraph()


def _signatures(document, draft: Draft) -> None:
    """Every party's block (whether or not the order carries them), then the filer's attestation if the court has one."""
    from docx.shared import Pt

    document.add_paragraph("Respectfully submitted,")
    for block in draft.context.parties.signatures:
        lines = [block.date_line, block.firm, block.signature, block.name, block.bar_line, *block.address_lines,
                 block.phone, block.email, block.role_line]
        for line in [line for line in lines if line]:
            paragraph = document.add_paragraph(line)
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.keep_with_next = True
        document.add_paragraph()
    for paragraph in draft.context.parties.attestation:
        document.add_paragraph(paragraph.text)


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def deviations_docx(report: DeviationReport, draft: Draft) -> bytes:
    """The explanation to file: which parts of the proposed order depart from the model, and why."""
    from poassembler.review.word_memo import add_table

    document = _document()
    model = report.model
    _caption(document, draft, f"EXPLANATION OF DEPARTURES FROM THE COURT'S {model.title.upper()}")
    version = f", {model.version}" if model.version else ""
    document.add_paragraph(
        f"The parties submit this explanation with their proposed {draft.profile.format.order_name}, measured "
        f"against the Court's {model.title}{version} ({model.url}). {report.wording}"
    )
    rows = [FILED_HEADER] + [(str(n), d.kind, d.model_section, d.draft, d.why) for n, d in enumerate(report.filed(), start=1)]
    if len(rows) == 1:
        if draft.model_build is not None:
            document.add_paragraph("The proposed order keeps the model's text in every section.")
        elif report.complete:
            document.add_paragraph("Apart from its wording, the parties have found no departure from the model.")
    else:
        document.add_paragraph("Each departure from the model the parties have identified, and the reason for it:")
        add_table(document, rows)
    if report.carried_sentence():
        document.add_paragraph(report.carried_sentence())
    document.add_paragraph()
    _signatures(document, draft)
    return _save(document)


def motion_docx(draft: Draft, title: str, exhibits: list[str], order_paper: bytes | None = None) -> bytes:
    """The motion (or joint motion) asking the court to enter the proposed order; `exhibits` in order. Where the
    court's clauses supply the motion's words (placement `motion`), they are its body; otherwise a plain request.

    With `order_paper` (the motion's caption rendered on the court's template), the motion is on the court's
    paper: counsel block, caption, line numbers, page numbers and footer as the court's format gives them."""
    from poassembler.review.word_court_paper import court_paper

    document = court_paper(order_paper) if order_paper is not None else None
    if document is None:
        document = _document()
        _caption(document, draft, title)
    own_words = draft.context.parties.motion
    for paragraph in own_words:
        document.add_paragraph(paragraph.text)
    if own_words and exhibits:
        document.add_paragraph(_exhibit_list(exhibits))
    if not own_words:
        _plain_request(document, draft, exhibits)
    document.add_paragraph()
    _signatures(document, draft)
    _conference_certificate(document, draft)
    return _save(document)


def _plain_request(document, draft: Draft, exhibits: list[str]) -> None:
    """A motion's body where no clause supplies it: who moves, the categories, no sealing, the exhibits."""
    from poassembler.pipeline.expressions import join_and

    order_title = draft.profile.format.order_name
    names = join_and(p.name for p in draft.answers.parties if p.role.value in ("plaintiff", "defendant", "intervenor"))
    document.add_paragraph(
        f"{names}, by their counsel, jointly move for entry of the proposed {order_title} submitted with this motion. "
        "In support, they state:"
    )
    points = [
        "Discovery in this action will require the production of confidential information: "
        + ("; ".join(c.name for c in draft.answers.categories) or "[DRAFTER: NAME THE CATEGORIES]")
        + ". The proposed order describes each category and the specific harm its disclosure would cause, "
        "which is the good cause Federal Rule of Civil Procedure 26(c) requires.",
        "The proposed order governs only the exchange of information in discovery. It does not authorize any "
        "filing under seal: a party that wishes to file protected material under seal must move for leave and make "
        "the showing the Court's rules and the governing law require.",
    ]
    model = draft.profile.model_order
    if model is not None:
        shown = ("The redline submitted with this motion shows each difference of text from the model, and the "
                 if any("redline" in e or "each difference" in e for e in exhibits) else "The ")
        if draft.model_build is not None:
            points.append(
                f"The proposed order is built on the Court's {model.title}: it keeps the model's text except where it "
                "departs. " + shown + "explanation of departures lists each departure and the reason for it."
            )
        else:
            points.append(
                f"The proposed order is worded by the parties and does not reproduce the text of the Court's {model.title}. "
                + shown + "explanation of departures lists each departure the parties have identified and the reason for it."
            )
    if draft.profile.submission is not None:
        points += motion_statements(draft)
    if exhibits:
        points.append(_exhibit_list(exhibits))
    for number, text in enumerate(points, start=1):
        document.add_paragraph(f"{number}. {text}")
    document.add_paragraph(f"The parties therefore ask the Court to enter the proposed {order_title}.")


def motion_statements(draft: Draft) -> list[str]:
    """The court's further motion paragraphs (profile `submission.motion_statements`), rendered like clause text
    over the draft's names; refuses when the court wants the conferral stated and the answers do not give it."""
    from poassembler.errors import BadInput, Problem
    from poassembler.pipeline.expressions import compile_text, run

    submission = draft.profile.submission
    if submission.conferral_required and draft.answers.conferral is None:
        raise BadInput(
            f"the {draft.profile.name}'s motion must state when and how counsel conferred, and the answers do not say.",
            [Problem("required by this court, but missing: give date, manner (in_person, telephone or video) "
                     "and participants", field="conferral")],
            hint="Add to the answers file, e.g.  conferral: {date: 2026-11-18, manner: telephone, participants: "
                 "\"Jane Roe (for the plaintiff) and John Doe (for the defendant)\"}  — or answer the conferral "
                 "questions in `poassembler interview`.",
        )
    where = f"profile {draft.profile.id}: submission.motion_statements"
    return [run(where, compile_text(text, where).render, draft.scope.names()) for text in submission.motion_statements]


def _exhibit_list(exhibits: list[str]) -> str:
    """`exhibits` as the package names them ("Exhibit A, the proposed order, …"; "Text of Proposed Order: …")."""
    return "Submitted with this motion: " + "; ".join(exhibits) + "."


def _conference_certificate(document, draft: Draft) -> None:
    """The certificate of conference some courts want at the end of a motion (profile
    `submission.conference_certificate`): counsel conferred and the motion is joint, signed by the filer."""
    submission = draft.profile.submission
    rule = submission.conference_certificate if submission else None
    filer = draft.context.parties.filer
    if rule is None or filer is None:
        return
    conferral = draft.answers.conferral
    when = f" on {conferral.on}, {conferral.how}," if conferral is not None else ""
    document.add_paragraph()
    _centered(document, "CERTIFICATE OF CONFERENCE", bold=True)
    document.add_paragraph(
        f"Counsel for all parties conferred{when} about the relief this motion asks for, in keeping with {rule.cite}. "
        "Every party agrees to it, and the motion is filed jointly: it is unopposed."
    )
    for line in (filer.signature, filer.name):
        if line:
            document.add_paragraph(line).paragraph_format.space_after = 0
