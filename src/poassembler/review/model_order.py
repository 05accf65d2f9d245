"""A court's model order as data: which model governs a draft, which model section each clause carries,
which sections a draft lacks, and the model's order and numbering where the court expects them.

Only facts about the model live in the profile (section numbers, headings, the clause ids that carry
each section); the model's own sentences are never stored or copied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

from poassembler.library.profiles import ModelOrder, ModelPeriod, ModelSection, ResolvedProfile

OMITTED_TEXT = "[Intentionally omitted.]"


@dataclass(frozen=True)
class ModelPlace:
    """Where one clause sits in the model: the section, and its position among the model's sections."""

    section: ModelSection
    index: int

    @property
    def label(self) -> str:
        return section_label(self.section)


def section_label(section: ModelSection) -> str:
    """"§ 6 CHALLENGING CONFIDENTIALITY DESIGNATIONS", or the heading alone where the number is unknown."""
    number = section.number.strip()
    if section.opens_with:  # the model gives this part no heading: ours only describes it
        return f"{section.heading} (no heading in the model)"
    if not number:
        return section.heading
    return f"{number} {section.heading}" if not number[0].isdigit() else f"§ {number} {section.heading}"


def model_for(profile: ResolvedProfile, names: dict) -> ModelOrder | None:
    """The profile's model order if it governs this case (its `applies_when` holds), else None."""
    model = profile.model_order
    if model is None:
        return None
    if model.applies_when.strip() in ("", "true"):
        return model
    from poassembler.pipeline.expressions import compile_condition, run

    where = f"profile {profile.id}: model_order.applies_when"
    return model if run(where, compile_condition(model.applies_when, where), names) else None


def build_on_model_notice(profile: ResolvedProfile, names: dict, model_build) -> str | None:
    """The one message for a court whose judges want the order built on the model's text, when this draft is not
    (`model_build` is None: no `--from-model`); None otherwise. `render --package` refuses with it, `render` warns."""
    model = model_for(profile, names)
    if model is None or not model.build_on_model or model_build is not None:
        return None
    flag = "" if model.build_on_model_verified else " [VERIFY BEFORE FILING]"
    return (f"the {profile.name} expects the proposed order built on its {model.title}: the model's own text, with only "
            f"this case's departures changed and explained (source: {model.build_on_model_source}){flag}. This draft is "
            f"worded by poassembler, not built on the model. Download the model (`poassembler models fetch {profile.id}`, "
            f"or {model.url}), save it as Word (.docx), and re-run with --from-model MODEL.docx.")


def place_of(model: ModelOrder, clause_id: str) -> ModelPlace | None:
    """The model section that `clause_id` carries (or is placed in as an addition), or None."""
    for index, section in enumerate(model.sections):
        if clause_id in section.clauses or clause_id in section.added:
            return ModelPlace(section, index)
    return None


def is_addition(model: ModelOrder, clause_id: str) -> bool:
    """True when the model has no counterpart for the clause (placed in a section as an addition, or unmapped)."""
    return not any(clause_id in s.clauses for s in model.sections)


def missing_sections(model: ModelOrder, included_ids: Iterable[str]) -> list[ModelSection]:
    """Model sections that no included clause carries (in the model's order)."""
    included = set(included_ids)
    return [s for s in model.sections if not included.intersection(s.clauses)]


def unmapped_clauses(model: ModelOrder, clause_ids: Iterable[str]) -> list[str]:
    """Clause ids (in the order given) that the map neither carries nor places in a section."""
    mapped = {c for s in model.sections for c in (*s.clauses, *s.added)}
    return [c for c in clause_ids if c not in mapped]


_NOISE = re.compile(r"[^a-z0-9]+")


def _key(heading: str) -> str:
    """Headings compared without numbers, quotes, punctuation or case: “CONFIDENTIAL” MATERIAL → confidential material."""
    words = _NOISE.sub(" ", heading.casefold()).split()
    while words and (words[0].isdigit() or re.fullmatch(r"\d+(\s?\d+)*|[ivx]+", words[0])):
        words.pop(0)
    return " ".join(words)


def missing_sections_in_headings(model: ModelOrder, headings: Iterable[str], clause_headings: dict[str, str] | None = None) -> list[ModelSection]:
    """For a .docx that is not our own draft: the model sections none of its headings matches.

    A section is present when a heading of the document equals the model's heading or the heading of
    one of the clauses that carry it (`clause_headings`: clause id → heading), ignoring numbering,
    quotes, punctuation and case. Sections whose heading the profile does not know exactly (no number
    and a descriptive label) still count: a match on any carrying clause's heading is enough.
    """
    found = {_key(h) for h in headings if h and h.strip()}
    clause_headings = clause_headings or {}
    out = []
    for section in model.sections:
        names = {_key(section.heading)} | {_key(clause_headings[c]) for c in section.clauses if clause_headings.get(c)}
        if not names & found:
            out.append(section)
    return out


def same_heading(a: str, b: str) -> bool:
    """Two headings that say the same thing ("… IN THIS LITIGATION" and "… IN THIS ACTION")."""
    return _key(a).replace("litigation", "action") == _key(b).replace("litigation", "action")


_OWN_CAPTION = re.compile(r"^[A-Z][A-Za-z'’\- ]{0,40}[a-z]\.\s")  # "Basic principles. …"


def _run_in(part, model_heading: str, paragraph_view, carries: bool = False) -> list:
    """A merged clause's paragraphs: its heading dropped where it repeats the model's, or where the clause carries
    the model section (the model's heading stands for it) and its first paragraph opens with a caption of its own
    ("Basic principles. …": never two captions in a row); else a run-in caption.

    A second heading line inside a model section reads as an unnumbered subheading and makes the
    section's paragraph numbers run across it; the caption opens the clause's first paragraph instead.
    """
    paragraphs = list(part.paragraphs)
    if not part.heading or same_heading(part.heading, model_heading):
        return paragraphs
    if carries and paragraphs and _OWN_CAPTION.match(paragraphs[0].text) and len(paragraphs[0].text.split(".")[0].split()) <= 4:
        return paragraphs
    if not paragraphs:
        return [paragraph_view(level=0, text=part.heading)]
    first = paragraphs[0]
    return [replace(first, text=f"{part.heading}. {first.text}"), *paragraphs[1:]]


def merged_paragraphs(parts: list, model_heading: str, carrying: tuple[str, ...] = ()) -> list:
    """The paragraphs of several clause sections (`context.SectionView`) merged under one model heading
    (`carrying`: the id of the clause that carries the model section first)."""
    from poassembler.pipeline.context import ParagraphView

    out: list = []
    for part in parts:
        out += _run_in(part, model_heading, ParagraphView, part.clause_id in carrying)
    return out


def arrange_sections(sections: list, model: ModelOrder, body_ids: set[str]) -> list:
    """The body sections in the model's order and numbering (only for a complete map with `follow_order`).

    Each model section becomes one section: the clauses that carry it (then those the map adds to it),
    merged under the model's heading in the order the map lists them, each clause's own heading dropped
    where it repeats the model's and otherwise a run-in caption of its first paragraph; a section the draft does not carry stays as a heading with
    "[Intentionally omitted.]" so the model's numbering holds; clauses the model lacks follow the model's
    last section in their usual order. `sections` are `context.SectionView`s; model sections carried
    only by non-body clauses (Exhibit A) are left to the template.
    """
    if not (model.follow_order and model.complete):
        return sections
    from poassembler.pipeline.context import ParagraphView, SectionView

    by_id = {s.clause_id: s for s in sections}
    used: set[str] = set()
    out = []
    for section in model.sections:
        if section.clauses and not set(section.clauses) & body_ids:
            continue
        carried = [by_id[c] for c in section.clauses if c in by_id]
        present = carried + [by_id[c] for c in section.added if c in by_id]
        used.update(s.clause_id for s in present)
        if carried:
            paragraphs: list = []
            for part in present:
                paragraphs += _run_in(part, section.heading, ParagraphView, part.clause_id == section.clauses[0])
            heading = present[0].heading if section.opens_with else section.heading  # no heading in the model: ours
            out.append(SectionView(clause_id=present[0].clause_id, heading=heading, paragraphs=paragraphs,
                                   clause_ids=tuple(s.clause_id for s in present)))
        else:
            used.difference_update(s.clause_id for s in present)
            out.append(SectionView(clause_id=f"model:{section.number or section.heading}", heading=section.heading,
                                   paragraphs=[ParagraphView(level=0, text=OMITTED_TEXT)]))
    out += [s for s in sections if s.clause_id not in used]
    return out


def apply_model_order(context, profile: ResolvedProfile, names: dict, body_ids: set[str]):
    """The render context with its body in the model's order, where the court expects it."""
    model = model_for(profile, names)
    if model is None or not (model.follow_order and model.complete):
        return context
    return replace(context, sections=arrange_sections(context.sections, model, body_ids))


@dataclass(frozen=True)
class PeriodDifference:
    """A period the model sets that this draft sets differently."""

    model: ModelPeriod
    value: int
    unit: str
    why: str

    def text(self) -> str:
        return f"model: {self.model.value} {self.model.unit}; this order: {self.value} {self.unit}"


def applicable_departures(section: ModelSection, profile: ResolvedProfile, names: dict) -> list:
    """The section's known departures (`KnownDeparture`) whose `when` holds for this case."""
    from poassembler.pipeline.expressions import compile_condition, run

    out = []
    for n, departure in enumerate(section.departures):
        if departure.when.strip() in ("", "true"):
            out.append(departure)
            continue
        where = f"profile {profile.id}: model_order section '{section.heading}' departures[{n}].when"
        if run(where, compile_condition(departure.when, where), names):
            out.append(departure)
    return out


def period_differences(section: ModelSection, profile: ResolvedProfile) -> list[PeriodDifference]:
    """The section's model periods whose value differs from the draft's period of the same name."""
    out = []
    for model_period in section.periods:
        sourced = profile.periods.get(model_period.period)
        if sourced is None:
            continue
        ours = sourced.value
        if (ours.value, ours.unit) == (model_period.value, model_period.unit):
            continue
        why = ours.note.strip() or f"The period follows {ours.source}."
        out.append(PeriodDifference(model_period, ours.value, ours.unit, why))
    return out


def departure_cause(when: str) -> str:
    """What in the case makes a known departure apply, in words for the drafter."""
    return "always, in this court's clauses" if when.strip() in ("", "true") else f"the case facts: {when.strip()}"
