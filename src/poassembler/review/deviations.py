"""The explanation courts with a model order ask for: each departure from the model, the answer (or
court rule) that caused it, and why — one structure for the memo's table and the Word document filed
with the order (`word_deviations.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from poassembler.library.clauses import Placement
from poassembler.library.profiles import ModelOrder
from poassembler.pipeline.draft import Draft
from poassembler.review.deviation_causes import (
    _added_cause,
    _case_driven,
    _cause,
    _sentence_lower,
)
from poassembler.review.deviation_causes import (
    sentence as _sentence,
)
from poassembler.review.model_order import (
    applicable_departures,
    departure_cause,
    is_addition,
    model_for,
    period_differences,
    place_of,
    section_label,
)

HEADER = ("Departure", "Model section", "This draft", "Caused by", "Why")

WORDING_NOTE = (
    "The proposed order is worded by the parties and does not reproduce the model's text, so every section "
    "departs from the model's wording. The table below lists each departure in substance: each change to a model "
    "section and its reason, each period set differently from the model, sections the model does not contain, "
    "sections the model leaves to the parties, and model sections left out."
)

MODEL_WORDING_NOTE = (
    "The proposed order is built on the Court's model: each section keeps the model's own text except where "
    "the table below lists a departure. The table lists every model section the order changes, leaves out or "
    "adds to, and each period it sets differently, with the reason."
)

# Shown to the drafter (memo, checklist), never in a document meant for filing.
INCOMPLETE_MAP_NOTE = (
    "The court profile lists only some of the model's sections (its map of the model is incomplete), so this "
    "explanation cannot list every departure. Compare the whole order with your copy of the model (`poassembler models fetch COURT`, then "
    "`render --redline-against MODEL.docx`) and add each further departure, with its reason, to the "
    "explanation before filing."
)


CARRIED_KINDS = ("Carried", "Reworded")  # memo only: a model section carried with no change in substance


@dataclass(frozen=True)
class Departure:
    kind: str  # "Changed", "Period", "Added", "Left out", "Filled in", "Tiers"; memo only: CARRIED_KINDS
    model_section: str
    draft: str
    cause: str
    why: str
    verified: bool = True  # False when what the row says about the model rests on an unverified fact

    def row(self) -> tuple[str, ...]:
        return (self.kind, self.model_section, self.draft, self.cause, self.why)


@dataclass(frozen=True)
class DeviationReport:
    court: str
    model: ModelOrder
    departures: tuple[Departure, ...]
    notes: tuple[str, ...]  # for the drafter (memo, checklist), not for the filed explanation
    complete: bool = True  # False when the court's model is only partly recorded: departures may be missing
    wording: str = WORDING_NOTE  # how the order relates to the model's text (the filed explanation opens with it)

    def rows(self) -> tuple[tuple[str, ...], ...]:
        """The memo's table: every row, with what each carried section provides."""
        return (HEADER,) + tuple(d.row() for d in self.departures)

    def filed(self) -> tuple[Departure, ...]:
        """The rows of the explanation to file: departures only (carried sections get `carried_sentence`)."""
        return tuple(d for d in self.departures if d.kind not in CARRIED_KINDS)

    def carried_sentence(self) -> str:
        """One sentence naming the sections carried with no change in substance (draft § ↔ model §), or ""."""
        from poassembler.pipeline.expressions import join_and

        changed = {d.model_section for d in self.filed()}
        # a draft section a filed row names is not "unchanged", whichever model section the row is keyed to
        named = {n for d in self.filed() for n in re.findall(r"§ \d+", re.sub(r"\(.*?\)", "", d.draft.split(":")[0]))}
        grouped: dict[str, list[str]] = {}  # draft section → the model sections it carries
        for d in self.departures:
            if d.kind in CARRIED_KINDS and d.model_section not in changed and _short(d.draft) not in named:
                grouped.setdefault(d.draft, []).append(_short(d.model_section))
        if not grouped:
            return ""
        pairs = [f"{draft} (model {join_and(models)})" for draft, models in grouped.items()]

        return ("These sections carry the model's provisions with no change in substance, in the parties' own words: "
                + join_and(pairs) + ".")

    def unverified_rows(self) -> list[str]:
        """The filed table's rows (numbered as filed) whose statement about the model rests on an unverified fact."""
        return [f"{n} ({d.kind}: {d.model_section if d.model_section != '—' else d.draft.split(' (')[0]})"
                for n, d in enumerate(self.filed(), start=1) if not d.verified]

    def verify_note(self) -> str:
        """For the drafter (memo, checklist): the filed rows to confirm against the user's copy of the model."""
        rows = self.unverified_rows()
        if not rows:
            return ""
        return ("VERIFY BEFORE FILING: confirm against your copy of the model: rows " + "; ".join(rows)
                + " of the explanation of departures state facts about the model that the court profile marks as "
                "not verified" + (" (its map lists every section of the model, but these facts were not read in the "
                                  "model itself)." if self.complete else "."))


def _short(label: str) -> str:
    """"§ 6 CHALLENGING …" → "§ 6"; a label without a section number stays whole."""
    match = re.match(r"§ \S+|(Exhibit|Attachment) \S+", label)
    return match.group(0) if match else label


def build_deviations(draft: Draft) -> DeviationReport | None:
    """Every departure of `draft` from its court's model order, or None when no model governs the case."""
    model = model_for(draft.profile, draft.scope.names())
    if model is None:
        return None
    if draft.model_build is not None:
        return _built_on_model(draft, model)
    selection, answers = draft.selection, draft.answers
    included = selection.included()
    numbers = _draft_numbers(draft, model)
    names = draft.scope.names()
    # In the model's order: each section (carried, filled in, changed, left out), then what the map adds to it.
    rows: list[Departure] = []
    additions: dict[int, list[Departure]] = {}
    after: list[Departure] = []
    included_ids = {c.id for c in included}
    linked = _linked_ids(d for s in model.sections if included_ids.intersection(s.clauses)
                         for d in applicable_departures(s, draft.profile, names))
    for clause in included:
        spec = clause.spec
        if spec.placement != Placement.body or not is_addition(model, clause.id) or clause.id in linked:
            continue
        decision = selection.decision(clause.id)
        place = place_of(model, clause.id)
        draft_at = f"{numbers.get(clause.id, '')} {spec.heading or 'opening recitals'}".strip()
        if place or model.complete or _case_driven(decision):
            arranged = model.follow_order and model.complete  # the draft is in the model's order (model_order.arrange_sections)
            where = (f"within {place.label}" if arranged else f"added; related to {place.label}") if place else \
                "after the model's last section" if arranged else "added"
            row = Departure("Added", "—", f"{draft_at} ({where})", _added_cause(decision, answers),
                            _sentence(spec.why_applies or decision.reason) + _own_periods(draft, model, clause),
                            place.section.verified if place else True)
            (additions.setdefault(place.index, []) if place else after).append(row)
        else:  # an incomplete map cannot tell whether the model has a counterpart: say so, never omit it
            after.append(Departure("Not matched to a model section", "—", draft_at, _added_cause(decision, answers),
                                   _sentence(spec.why_applies or decision.reason) + _own_periods(draft, model, clause), False))
    for index, section in enumerate(model.sections):
        carried = [c for c in included if c.id in section.clauses]
        if not carried:
            rows.append(_left_out(draft, model, section))
        else:
            rows += _carried(draft, section, carried, numbers, names)
        rows += additions.get(index, [])
    departures = rows + after + _periods(draft, model)
    if model.tiers and not any(s.departures for s in model.sections):  # recorded departures explain tiers themselves
        extra = [t.value for t in answers.tiers if t.value not in model.tiers]
        if extra:
            labels = ", ".join(draft.profile.tier_labels.get(t, t) for t in extra)
            departures.append(Departure(
                "Tiers", "designation tiers", f"adds {labels}", f"answers: tiers = {', '.join(t.value for t in answers.tiers)}",
                "The model provides only " + ", ".join(draft.profile.tier_labels.get(t, t) for t in model.tiers)
                + "; the categories described in the order need a higher tier for the reasons stated there.", model.verified))
    notes = [WORDING_NOTE]
    if not model.complete:
        notes.append(INCOMPLETE_MAP_NOTE.replace("COURT", draft.profile.id))
    return _with_verify_note(DeviationReport(draft.profile.name, model, tuple(departures), tuple(notes), model.complete))


def _with_verify_note(report: DeviationReport) -> DeviationReport:
    note = report.verify_note()
    return replace(report, notes=report.notes + (note,)) if note else report


def _carried(draft: Draft, section, carried: list, numbers: dict[str, str], names: dict) -> list[Departure]:
    """A model section the draft carries in its own words: what it provides (where the profile records it), and each
    known departure and differing period."""
    label = section_label(section)
    printed = {f"§ {n}": s.heading for n, s in enumerate(draft.context.sections, start=1)}  # merged: the model's heading
    draft_at = ", ".join(dict.fromkeys(
        f"{numbers[c.id]} {printed.get(numbers[c.id], c.spec.heading)}" if numbers.get(c.id) else c.spec.heading or "Exhibit A"
        for c in carried))
    if section.parties_fill:
        return [_filled_in(label, draft_at, section)] + _section_changes(draft, section, draft_at, names)
    if section.substance:
        row = Departure("Carried", label, draft_at, "the parties' own wording",
                        "The draft carries the model's provisions, in the parties' own words: " + "; ".join(
                            s.rstrip(".") for s in section.substance) + ".", section.verified)
    else:
        row = Departure("Reworded", label, draft_at, "the parties' own wording",
                        "Same subject as the model section, in the parties' own words.", section.verified)
    return [row] + _section_changes(draft, section, draft_at, names)


def _filled_in(label: str, draft_at: str, section) -> Departure:
    return Departure("Filled in", label, draft_at, "the model leaves this section to the parties",
                     "The model asks the parties to write this section; the text is theirs.", section.verified)


def _left_out(draft: Draft, model: ModelOrder, section) -> Departure:
    """A model section no clause of the draft carries: why (the answers or the court profile)."""
    if not section.clauses:
        return Departure("Left out", section_label(section), "not included", "no clause in the library carries this section",
                         "Add the section, or explain why this case does not need it.", section.verified)
    decisions = [d for d in draft.selection.decisions if d.clause.id in section.clauses]
    cause = "; ".join(_cause(d, draft.answers) for d in decisions) or "the clause library has no such clause"
    why = "; ".join(_sentence_lower(d.reason) for d in decisions) or "—"
    kept = "heading kept, marked “[Intentionally omitted.]”" if model.follow_order and model.complete else "not included"
    return Departure("Left out", section_label(section), kept, cause, _sentence(why) if why != "—" else why, section.verified)


def _section_changes(draft: Draft, section, draft_at: str, names: dict, departures=None, periods=None) -> list[Departure]:
    """The known departures that apply to this case, and the periods the draft sets differently from the model."""
    label = section_label(section)
    departures = applicable_departures(section, draft.profile, names) if departures is None else departures
    periods = period_differences(section, draft.profile) if periods is None else periods
    out = [row for d in departures if (row := _departure_row(draft, section, label, draft_at, d)) is not None]
    for period in periods:
        name = period.model.period
        origin = getattr(draft.profile.periods.get(name), "origin", "")
        out.append(Departure("Period", label, f"{draft_at}: {period.text()}",
                             f"court profile {origin}: periods.{name}" if origin else f"periods.{name}", _sentence(period.why),
                             period.model.verified and section.verified))
    return out


def _linked_ids(departures) -> set[str]:
    """The clauses that make a listed departure (`KnownDeparture.clauses`): their change is that departure's row."""
    return {c for d in departures for c in d.clauses}


def _departure_row(draft: Draft, section, label: str, draft_at: str, departure) -> Departure | None:
    """One known departure, keyed to the draft section that prints it: the clauses that make it where the profile
    names them (None when none of them is in this draft), else the section that carries the model section."""
    cause, verified = departure_cause(departure.when), departure.verified and section.verified
    if not departure.clauses:
        return Departure("Changed", label, f"{draft_at}: {departure.change}", cause, _sentence(departure.why), verified)
    model = draft.profile.model_order
    included = {c.id: c for c in draft.selection.included()}
    linked = [included[c] for c in departure.clauses if c in included]
    if not linked:
        return None
    numbers = _draft_numbers(draft, model)
    at = ", ".join(dict.fromkeys(f"{numbers.get(c.id, '')} {c.spec.heading}".strip() for c in linked))
    added = all(is_addition(model, c.id) for c in linked)
    why = _sentence(departure.why) + "".join(_own_periods(draft, model, c) for c in linked if is_addition(model, c.id))
    return Departure("Added" if added else "Changed", label, f"{at}: {departure.change}", cause, why, verified)


def _built_on_model(draft: Draft, model: ModelOrder) -> DeviationReport:
    """The departures of an order built on the user's copy of the model (`--from-model`): exactly the sections
    whose model text it replaces, those it leaves out, and the clauses it adds — each with its reason."""
    from poassembler.pipeline.from_model import (
        KIND_CHANGED,
        KIND_FILLED,
        KIND_FRAME,
        KIND_LEFT_OUT,
    )

    build = draft.model_build
    numbers = _draft_numbers(draft, model)
    names = draft.scope.names()
    departures: list[Departure] = []

    def added(clause_id: str, where: str) -> Departure:
        decision = draft.selection.decision(clause_id)
        spec = decision.clause.spec
        draft_at = f"{numbers.get(clause_id, '')} {spec.heading}".strip()
        return Departure("Added", "—", f"{draft_at} ({where})", _added_cause(decision, draft.answers),
                         _sentence(spec.why_applies or decision.reason) + _own_periods(draft, model, decision.clause))

    from poassembler.pipeline.from_model import KIND_MODEL

    listed = (KIND_CHANGED, KIND_FILLED, KIND_MODEL)
    linked = _linked_ids(d for o in build.outcomes if o.kind in listed for d in o.departures
                         if o.kind != KIND_MODEL or d.clauses)
    for outcome in build.outcomes:
        section = outcome.section
        at = next((numbers[c] for c in (*outcome.clause_ids, *outcome.added) if c in numbers), "")
        draft_at = f"{at} {outcome.heading}".strip() if at else outcome.heading
        if outcome.kind == KIND_LEFT_OUT:
            departures.append(_left_out(draft, model, section))
        elif outcome.kind == KIND_CHANGED:  # the whole section is the parties' text: the redline shows each word
            departures += _section_changes(draft, section, f"{draft_at} (the parties' text in place of the model's)", names,
                                           outcome.departures, outcome.periods)
        elif outcome.kind == KIND_FILLED:  # the parties' text where the model asks for it, and any case-driven change
            departures.append(_filled_in(section_label(section), draft_at, section))
            departures += _section_changes(draft, section, draft_at, names, outcome.departures, outcome.periods)
        elif outcome.kind == KIND_MODEL:  # the model's words kept; a change made by the clauses the map adds to it
            departures += _section_changes(draft, section, draft_at, names,
                                           tuple(d for d in outcome.departures if d.clauses), ())
        elif outcome.kind == KIND_FRAME:
            departures.append(Departure("Reworded", section_label(section), outcome.heading, "the court's template",
                                        "The order's recitals and closing are the parties' own words, in the court's format."))
        departures += [added(c, f"within {section_label(section)}") for c in outcome.added if c not in linked]
    departures += [added(c, "after the model's last section") for c in build.added_at_end if c not in linked]
    notes = [MODEL_WORDING_NOTE]
    return _with_verify_note(DeviationReport(draft.profile.name, model, tuple(departures), tuple(notes), True, MODEL_WORDING_NOTE))


_PERIOD_REF = re.compile(r"periods\.([a-z0-9_]+)")


def _periods(draft: Draft, model: ModelOrder) -> list[Departure]:
    """Periods the included clauses set that the map cannot compare: listed only while the map is incomplete
    (a complete map records every period the model sets; the others are compared section by section)."""
    if model.complete:
        return []
    compared = {p.period for s in model.sections for p in s.periods}
    used: dict[str, None] = {}
    for clause in draft.selection.included():
        if is_addition(model, clause.id):  # explained in the added section's own row
            continue
        for paragraph in clause.spec.paragraphs:
            for name in _PERIOD_REF.findall(paragraph.text):
                used.setdefault(name, None)
    out = []
    for name in used:
        period = draft.profile.periods.get(name)
        if period is None or name in compared:
            continue
        value = period.value
        label = name.replace("_", " ").removesuffix(" days").removesuffix(" years")
        out.append(Departure("Period", "not compared", f"{value.value} {value.unit}: {label}",
                             f"court profile {period.origin}: periods.{name}" if getattr(period, "origin", "") else f"periods.{name}",
                             "The period this order sets for this step; the court profile does not record the model's."))
    return out


def _own_periods(draft: Draft, model: ModelOrder, clause) -> str:
    """For a section the model lacks: the periods it sets that the model has no counterpart for, as a sentence."""
    compared = {p.period for s in model.sections for p in s.periods}
    names = dict.fromkeys(n for p in clause.spec.paragraphs for n in _PERIOD_REF.findall(p.text) if n not in compared)
    parts = []
    for name in names:
        period = draft.profile.periods.get(name)
        if period is not None:
            label = name.replace("_", " ").removesuffix(" days").removesuffix(" years").replace("nonparty", "non-party")
            parts.append(f"{period.value.value} {period.value.unit} ({label})")
    if not parts:
        return ""
    from poassembler.pipeline.expressions import join_and

    return f" The section sets its own period{'s' if len(parts) > 1 else ''}, which the model does not have: {join_and(parts)}."


def _draft_numbers(draft: Draft, model: ModelOrder) -> dict[str, str]:
    """Clause id → "§ N" as numbered in the draft (merged clauses share their section's number)."""
    out: dict[str, str] = {}
    by_heading = {s.heading: n for n, s in enumerate(draft.context.sections, start=1)}
    for number, section in enumerate(draft.context.sections, start=1):
        out[section.clause_id] = f"§ {number}"
    for clause in draft.selection.included(Placement.body):
        if clause.id not in out:
            place = place_of(model, clause.id)
            if place and place.section.heading in by_heading:
                out[clause.id] = f"§ {by_heading[place.section.heading]}"
    return out


def deviations_markdown(report: DeviationReport) -> str:
    """The explanation as a Markdown table (for the memo and the package)."""
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    rows = report.rows()
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows[1:]]
    if len(rows) == 1:
        lines.append("| (none found) |" + " |" * (len(rows[0]) - 1))
    return "\n".join(lines) + "\n"
