"""Check rule: sections of the court's model order that the draft lacks.

Two entry points share one wording: `model_sections` (a rule of `check.RULES`, for a draft planned from
answers) and `docx_model_findings` (for the .docx check: a document's headings against the model).
"""

from __future__ import annotations

from typing import Iterable

from poassembler.review.model_order import missing_sections, missing_sections_in_headings, model_for, section_label

RULE = "model_sections"


def _findings(model, missing, authorities: tuple = ()) -> list:
    from poassembler.review.findings import Finding, Severity

    out = []
    for section in missing:
        carried = ", ".join(section.clauses) if section.clauses else "no clause in the library"
        flag = "" if section.verified else " (the profile marks this section unverified)"
        out.append(Finding(
            RULE, Severity.warning, f"model order: {section_label(section)}",
            f"The court's {model.title} has the section {section_label(section)}{flag}, and this draft has no counterpart "
            f"(carried by: {carried}). Courts that publish a model compare proposed orders with it and send back "
            "unexplained departures.",
            "Include the section, or explain the departure to the court (`poassembler render --deviations`).",
            authorities,
        ))
    return out


def model_sections(review) -> list:
    """A draft planned from answers: each model section none of its included clauses carries."""
    from poassembler.pipeline.scope import ClauseScope

    model = model_for(review.profile, ClauseScope.build(review.profile, review.answers).names())
    if model is None:
        return []
    return _findings(model, missing_sections(model, review.selection.included_ids()), review.authorities(RULE))


def docx_model_findings(profile, headings: Iterable[str], clause_headings: dict[str, str] | None = None) -> list:
    """Any Word protective order: each section of `profile`'s model that none of `headings` matches.

    `headings`: the document's headings as text (numbering may be left in); `clause_headings`: clause id →
    heading from the clause library (`{c.id: c.spec.heading for c in library.clauses.ordered()}`), so a
    section is also found under the heading of a clause that carries it. The model's `applies_when` is
    not evaluated here (a .docx has no answers): a profile's model is taken to govern.
    """
    from poassembler.library.profiles import Citation

    model = profile.model_order
    if model is None:
        return []
    names = profile.check.authorities.get(RULE, ())
    authorities = tuple(profile.citations[n].value for n in names if n in profile.citations and isinstance(profile.citations[n].value, Citation))
    return _findings(model, missing_sections_in_headings(model, headings, clause_headings), authorities)


def docx_headings(path) -> list[str]:
    """The headings of any Word protective order: paragraphs in a heading style, or short all-capitals lines
    (how most orders set their section headings without styles)."""
    import docx

    out = []
    for paragraph in docx.Document(str(path)).paragraphs:
        text = paragraph.text.strip()
        style = paragraph.style.name if paragraph.style is not None else ""
        if text and ("Heading" in style or (len(text) <= 120 and text.upper() == text and any(c.isalpha() for c in text))):
            out.append(text)
    return out
