"""`render --from-model MODEL.docx`: the order's body built on the user's copy of the court's model.

For each model section the profile lists (in the model's order, under the heading as the copy writes it):
- `parties_fill`, or the copy's text leaves bracketed blanks for the parties ("[insert …]", "[date]") → our
  clauses fill it (the model leaves it to the parties: not a departure);
- a known departure that applies to this case, or a model period that differs from the draft's → our
  clauses replace the section's text, and the departure is recorded with its reason;
- otherwise the model's own paragraphs, word for word, in the order's styles and numbering.
Our body clauses the model lacks go where the map places them (`added`) or after the model's last
section; a section whose clauses this draft leaves out is left out (or "[Intentionally omitted.]" where
the court expects the model's numbering). Caption, title, recitals, signatures and format are the
court template's. `baseline` is the model's own text in the same frame: the redline compares with it,
so it shows only the departures.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from poassembler.errors import BadInput
from poassembler.library.clauses import Placement
from poassembler.library.profiles import ModelOrder, ModelSection, ResolvedProfile
from poassembler.pipeline.context import (
    ParagraphView,
    RenderContext,
    SectionView,
)
from poassembler.pipeline.scope import ClauseScope
from poassembler.pipeline.selection import Selection


@dataclass(frozen=True)
class SectionOutcome:
    """What the order does with one model section."""

    section: ModelSection
    kind: str  # one of the KIND_* values
    heading: str  # as the user's copy writes it
    clause_ids: tuple[str, ...] = ()  # our clauses whose text the order prints here
    departures: tuple = ()  # KnownDeparture that apply
    periods: tuple = ()  # model_order.PeriodDifference
    added: tuple[str, ...] = ()  # our clauses the model lacks, printed within this section


KIND_MODEL = "model"  # the model's own words
KIND_FILLED = "filled"  # the parties' text where the model asks for it
KIND_CHANGED = "changed"  # our clauses replace the model's text (a departure)
KIND_LEFT_OUT = "left out"  # none of its clauses is in this draft
KIND_FRAME = "frame"  # carried by what the court's template prints around the body (recitals, the order block)


@dataclass(frozen=True)
class ModelBuild:
    """How the order was built on the copy: per model section, the additions after the last, the baseline."""

    path: Path
    model: ModelOrder
    outcomes: tuple[SectionOutcome, ...]
    added_at_end: tuple[str, ...]  # clause ids
    baseline: RenderContext  # the model's text in this order's frame (what the redline compares with)
    warnings: tuple[str, ...] = ()  # for the drafter: a kept section with no text in the copy, tiers no departure covers

    def sections(self, kind: str) -> list[SectionOutcome]:
        return [o for o in self.outcomes if o.kind == kind]


def require_model(profile: ResolvedProfile, names: dict, path: Path) -> ModelOrder:
    """The model that governs this case and can be split by its headings; BadInput (exit 2) otherwise."""
    from poassembler.review.model_order import model_for

    model = model_for(profile, names)
    if profile.model_order is None:
        raise BadInput(f"--from-model {path}: the {profile.name} profile names no model order to build on.",
                       hint="Render without --from-model; --from-model is for courts whose profile lists their model's sections.")
    if model is None:
        raise BadInput(f"--from-model {path}: the {profile.model_order.title} does not govern this case "
                       f"(model_order.applies_when: {profile.model_order.applies_when}).", hint="Render without --from-model.")
    if not model.complete or not model.sections:
        raise BadInput(
            f"--from-model {path}: the {profile.name} profile lists only some of the {model.title}'s sections "
            "(its map of the model is incomplete: model_order.complete is not true), so the copy cannot be split into "
            "sections safely.",
            hint="Render without --from-model and compare with --redline-against MODEL.docx; the profile's maintainer "
            "can list every section of the model (model_order.sections) and set complete: true.",
        )
    return model


def build_from_model(context: RenderContext, profile: ResolvedProfile, selection: Selection, scope: ClauseScope,
                     path: Path) -> tuple[RenderContext, ModelBuild]:
    """The render context with its body built on the copy at `path` (references resolved later), and the record."""
    from poassembler.pipeline.section_numbers import reference_roles, resolve_references
    from poassembler.review.model_copy import read_model_copy
    from poassembler.review.model_order import (
        OMITTED_TEXT,
        applicable_departures,
        merged_paragraphs,
        period_differences,
    )

    names = scope.names()
    model = require_model(profile, names, path)
    copy = read_model_copy(path, model, profile.name)
    by_id = {s.clause_id: s for s in context.sections}
    included = {c.id for c in selection.included()}
    exhibit_clauses = {d.clause.id for d in selection.decisions if d.clause.spec.placement == Placement.exhibit}
    sections: list[SectionView] = []
    baseline_sections: list[SectionView] = []
    outcomes: list[SectionOutcome] = []
    exhibit, baseline_exhibit = context.exhibit, context.exhibit
    placed: set[str] = set()
    for part in copy.sections:
        section = part.section
        model_paragraphs = [ParagraphView(level=p.level, text=p.text) for p in part.paragraphs]
        # a part the model gives no heading (`opens_with`) is printed under our clause's heading, on both sides
        heading = part.heading or next((by_id[c].heading for c in section.clauses if c in by_id), section.heading)
        carried = tuple(c for c in section.clauses if c in included)
        added = tuple(c for c in section.added if c in by_id)
        placed.update(section.clauses, section.added)
        # with the model's own words kept, a departure that only describes our wording is moot
        departures = tuple(d for d in applicable_departures(section, profile, names) if d.scope == "case")
        periods = tuple(period_differences(section, profile))
        if section.clauses and set(section.clauses) <= exhibit_clauses:  # the model's exhibit (the Acknowledgment)
            model_exhibit = replace(context.exhibit, title=part.heading, paragraphs=model_paragraphs, blanks=[])
            baseline_exhibit = model_exhibit
            kind = (KIND_LEFT_OUT if not carried else KIND_CHANGED if departures or periods
                    else KIND_FILLED if part.instructions else KIND_MODEL)
            exhibit = model_exhibit if kind == KIND_MODEL else context.exhibit
            outcomes.append(SectionOutcome(section, kind, part.heading, carried, departures, periods))
            continue
        if carried and not any(c in by_id or c in exhibit_clauses for c in section.clauses):
            # carried by the frame the template prints (recitals, order block): our words there, on both sides
            outcomes.append(SectionOutcome(section, KIND_FRAME, part.heading, carried, departures, periods))
            continue
        key = f"model:{section.number or section.heading}"
        baseline_sections.append(SectionView(clause_id=key, heading=heading, paragraphs=model_paragraphs))
        ours = [by_id[c] for c in carried if c in by_id]
        extra = [by_id[c] for c in added]
        if section.clauses and not carried:
            kind = KIND_LEFT_OUT
            paragraphs = [ParagraphView(level=0, text=OMITTED_TEXT)] if model.follow_order else None
            if extra:  # what the map adds to a section the draft leaves out still goes there
                paragraphs = merged_paragraphs(extra, heading)
        elif ours and (section.parties_fill or (part.instructions and not (departures or periods))):
            # the model leaves blanks in brackets for the parties ("[insert subject matter …]"): our clause fills them
            kind, paragraphs = KIND_FILLED, merged_paragraphs(ours + extra, heading, tuple(section.clauses[:1]))
        elif ours and (_replacing(departures, section) or periods):
            kind, paragraphs = KIND_CHANGED, merged_paragraphs(ours + extra, heading, tuple(section.clauses[:1]))
        else:
            kind, paragraphs = KIND_MODEL, model_paragraphs + merged_paragraphs(extra, heading)
        outcomes.append(SectionOutcome(section, kind, heading, tuple(s.clause_id for s in ours), departures, periods, added))
        if paragraphs is not None:
            ids = tuple(carried) + added
            sections.append(SectionView(clause_id=ids[0] if ids else key, heading=heading, paragraphs=paragraphs,
                                        clause_ids=ids))
    at_end = [s for s in context.sections if s.clause_id not in placed]
    sections += at_end
    baseline = resolve_references(replace(context, sections=baseline_sections, exhibit=baseline_exhibit), reference_roles(profile))
    warnings = _warnings(outcomes, copy, model, scope, path)
    build = ModelBuild(path, model, tuple(outcomes), tuple(s.clause_id for s in at_end), baseline, warnings)
    return replace(context, sections=sections, exhibit=exhibit), build


def _replacing(departures: tuple, section) -> tuple:
    """The departures that change the section's own text (not those made only by the clauses the map adds to it)."""
    return tuple(d for d in departures if not (d.clauses and set(d.clauses) <= set(section.added)))


def _warnings(outcomes: list[SectionOutcome], copy, model: ModelOrder, scope: ClauseScope, path: Path) -> tuple[str, ...]:
    """What the drafter must look at: a section kept from the copy that has no text there (a scanned page saved
    as Word?), and tiers the answers add that no known departure of the profile covers (the model's text is kept)."""
    out = []
    for outcome in outcomes:
        if outcome.kind == KIND_MODEL and not copy.of(outcome.section).paragraphs:
            out.append(f"--from-model {path}: the section “{outcome.heading}” has no text in the copy; the order prints "
                       "its heading alone. Check the copy (a scanned page saved as Word has no text).")
        if outcome.kind == KIND_MODEL and copy.of(outcome.section).instructions:
            out.append(f"--from-model {path}: the section “{outcome.heading}” is kept in the model's words but leaves "
                       f"{', '.join(copy.of(outcome.section).instructions)} for the parties to fill; fill it in the order "
                       "before filing.")
    extra = [t.value for t in scope.answers.tiers if model.tiers and t.value not in model.tiers]
    if extra and not any(o.departures for o in outcomes):
        out.append(f"--from-model {path}: the answers add the tier(s) {', '.join(extra)}, which the {model.title} lacks, "
                   "and the court profile records no departure for them, so the model's text is kept where it defines "
                   "access. Record the departure in the profile (model_order.sections[].departures) or drop the tier.")
    return tuple(out)


def model_words_lines(build: ModelBuild, numbers: dict[str, str]) -> list[str]:
    """For the memo: which sections of the order are the model's own words, which the parties', and why
    (`numbers`: section heading as printed → "§ N")."""
    def names(outcomes) -> str:
        return "; ".join(f"{numbers.get(o.heading, '')} {o.heading}".strip() for o in outcomes) or "none"

    lines = [
        (f"This order was built on the copy of the {build.model.title} in {build.path.name}. Caption, title, recitals, "
         "signature blocks and format come from the court's template; the body follows the model section by section."),
        f"The model's own words (kept as the copy has them): {names(build.sections(KIND_MODEL))}.",
        f"Filled in by the parties where the model asks for it: {names(build.sections(KIND_FILLED))}.",
        f"Replaced by the parties' clauses (each departure is in the table below): {names(build.sections(KIND_CHANGED))}.",
    ]
    frame = build.sections(KIND_FRAME)
    if frame:
        lines.append(f"In the parties' words, where the court's template prints them (recitals, order block): {names(frame)}.")
    left = build.sections(KIND_LEFT_OUT)
    if left:
        lines.append(f"Left out (no clause of this draft carries them): {names(left)}.")
    if build.added_at_end or any(o.added for o in build.outcomes):
        lines.append("Clauses the model lacks are added where the court profile places them, or after the model's last section.")
    return lines
