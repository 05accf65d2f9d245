"""The drafting memo: what a supervising partner reads before the order is filed.

`build_memo` turns a planned draft and the check's findings into a `Memo` (plain dataclasses);
`memo_markdown` writes it as Markdown and `word_memo.memo_docx` as Word, from the same structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from poassembler.library.profiles import Citation, Period
from poassembler.pipeline.draft import Draft
from poassembler.review.check import Finding, Severity
from poassembler.review.deviation_causes import answer_at, item_names
from poassembler.review.deviation_causes import sentence as _sentence

BASELINE_EXPLAINED = (
    "The court-default baseline is this court's profile rendered with only its defaults: the same court, "
    "judge, division, case number, parties and dates as this case, but no categories of information (so its "
    "GOOD CAUSE STATEMENT carries the drafter's placeholder), the CONFIDENTIAL tier only, every option off "
    "(no FRE 502(d) order, prosecution bar, source-code tier or Privacy Act order), and every period at the "
    "profile's value (a government party's sharing clause with the default burden on the requesting party). "
    "Each tracked change in the redline is therefore a choice made for this case."
)


@dataclass(frozen=True)
class MemoEntry:
    """One clause, finding or citation: a title line and the lines under it."""

    title: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class MemoSection:
    heading: str
    paragraphs: tuple[str, ...] = ()
    entries: tuple[MemoEntry, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()  # first row is the header


@dataclass(frozen=True)
class Memo:
    title: str
    facts: tuple[tuple[str, str], ...]  # (label, value) lines under the title
    sections: tuple[MemoSection, ...] = field(default_factory=tuple)


def build_memo(draft: Draft, findings: list[Finding], redline_name: str | None = None, deviations=None, model_copy=None) -> Memo:
    """`deviations`: a `deviations.DeviationReport` to show as a table (render --deviations); `model_copy`:
    the user's copy of the court's model the redline compares with (instead of the court-default baseline)."""
    from poassembler.review.model_order import model_for

    answers, profile, selection = draft.answers, draft.profile, draft.selection
    model = model_for(profile, draft.scope.names())
    included = [d for d in selection.decisions if d.included]
    left_out = [d for d in selection.decisions if not d.included]
    counts = {s: sum(f.severity == s for f in findings) for s in Severity}
    judge = f"{profile.judge.title} {profile.judge.name}" if profile.judge else "none assigned in the answers"
    facts = (
        ("Case", f"{draft.context.case.title}, {draft.context.case.number_line}"),
        ("Court", profile.name),
        ("Judge", judge),
        ("Profile", " → ".join(profile.chain)),
        ("Draft", f"{draft.context.document.title}: {len(included)} clauses in, {len(left_out)} left out"),
        ("Check", f"{counts[Severity.error]} error(s), {counts[Severity.warning]} warning(s), {counts[Severity.note]} note(s)"),
    )
    sections = [_summary(draft, findings, counts), _findings_section(findings)]
    sections.append(MemoSection(
        "Clauses in the draft",
        ("Each clause in document order: why it is there, the choices made in the answers, and its authority.",),
        tuple(_clause_entry(n, d, answers, model, _model_words(draft)) for n, d in enumerate(included, start=1)),
    ))
    sections.append(MemoSection(
        "Clauses left out",
        ("Clauses of the library that are not in this draft, and why. A clause the court's profile does not list "
         "at all is grouped at the end.",),
        tuple(_left_out_entry(d) for d in sorted(left_out, key=lambda d: d.status is None)),
    ))
    sections.append(_verify_section(draft))
    if deviations is not None:
        sections.append(MemoSection(
            f"Departures from the {deviations.model.title}",
            (f"Each departure of this draft from the court's model ({deviations.model.url}), the answer or court rule "
             "that caused it, and why. The same table is in the explanation to file with the order.",) + deviations.notes,
            table=deviations.rows(),
        ))
    from poassembler.review.model_order import build_on_model_notice

    notice = build_on_model_notice(profile, draft.scope.names(), draft.model_build)
    if notice:
        sections.append(MemoSection("Not built on the court's model", (notice[0].upper() + notice[1:],)))
    if draft.model_build is not None:
        from poassembler.pipeline.from_model import model_words_lines

        numbers = {s.heading: f"§ {n}" for n, s in enumerate(draft.context.sections, start=1)}
        sections.append(MemoSection("Built on the court's model", tuple(model_words_lines(draft.model_build, numbers))))
    if redline_name and model_copy is not None:
        built = ("The draft was built on that copy, so the redline compares it with the model's own text set in this "
                 "order's caption, signature blocks and format: its tracked changes are the departures, nothing else.",)
        sections.append(MemoSection("Redline against the court's model", (
            f"{redline_name} shows this draft as tracked changes against {model_copy.name}, the copy of the court's "
            "model order supplied for this draft. Every tracked change is a difference the court expects to see "
            "explained (see the departures table above where the profile maps the model's sections).",
        ) + (built if draft.model_build is not None else ())))
    elif redline_name:
        sections.append(MemoSection("Departures from the court's baseline", (
            f"{redline_name} shows this draft as tracked changes against the court-default baseline.",
            BASELINE_EXPLAINED,
        )))
    return Memo(f"Drafting memo — {profile.format.title}, {draft.context.case.title}", facts, tuple(sections))


def _summary(draft: Draft, findings: list[Finding], counts: dict) -> MemoSection:
    profile = draft.profile
    lines = [
        f"This draft follows the {profile.name} profile ({' → '.join(profile.chain)}): the profile decides which "
        "clauses the court requires, which rule citations and periods they carry, and the format; the answers "
        "decide the case-specific content and the optional clauses.",
    ]
    if counts[Severity.error]:
        lines.append(
            f"The pre-flight check found {counts[Severity.error]} error(s): each is a point on which a court has "
            "refused a stipulated protective order. The draft should not be filed until they are fixed."
        )
    elif counts[Severity.warning]:
        lines.append(
            f"The pre-flight check found no errors and {counts[Severity.warning]} warning(s): each is a decision to "
            "confirm, or a point to be ready to defend."
        )
    else:
        lines.append("The pre-flight check found no errors or warnings.")
    unverified = len(profile.unverified(set(draft.selection.included_ids())))
    if unverified:
        lines.append(f"{unverified} citation(s) or period(s) in the profile are not verified: they are listed at the end and must be checked before filing.")
    lines += [f"Profile warning: {w}" for w in draft.warnings]
    return MemoSection("Summary", tuple(lines))


def _findings_section(findings: list[Finding]) -> MemoSection:
    serious = [f for f in findings if f.severity != Severity.note]
    notes = [f for f in findings if f.severity == Severity.note and f.rule != "unverified"]
    entries = tuple(
        MemoEntry(
            f"{f.severity.value.upper()} — {f.concerns}",
            (f.problem, f"What to do: {f.action}") + tuple(f"Authority: {_cite(a)}" for a in f.authorities),
        )
        for f in serious + notes
    )
    intro = "Errors and warnings first; unverified citations are listed in the last section." if entries else "Nothing to report."
    return MemoSection("Findings of the pre-flight check", (intro,), entries)


def _clause_entry(number: int, decision, answers, model=None, model_words: frozenset = frozenset()) -> MemoEntry:
    """`model_words`: clauses whose model section the order prints in the model's own words (`--from-model`)."""
    spec = decision.clause.spec
    title = f"{number}. {spec.heading or _placement_label(spec.placement.value)} ({spec.id})"
    reason = decision.reason.split(" (", 1)[0] if decision.reason.startswith("required by") else decision.reason
    lines = [f"Why it is here: {reason} (the authorities are listed below)." if reason != decision.reason else f"Why it is here: {reason}."]
    if model is not None:
        lines.append(f"Model order: {_model_place(model, spec.id)}.")
    if spec.id in model_words:
        lines.append("In this order: the model's own words, from the copy it was built on, stand in place of this clause's text.")
    if spec.why_applies:
        lines.append(f"What it does: {_sentence(spec.why_applies)}")
    for option in spec.options:
        lines.append(f"Choice — {option.description}: {_option_value(answers, option.field)}.")
    lines += [f"Authority: {_cite(a)}" for a in spec.authority]
    return MemoEntry(title, tuple(lines))


def _model_words(draft: Draft) -> frozenset:
    """The clauses whose model section a draft built on the model keeps in the model's words."""
    if draft.model_build is None:
        return frozenset()
    from poassembler.pipeline.from_model import KIND_MODEL

    return frozenset(c for o in draft.model_build.sections(KIND_MODEL) for c in o.section.clauses)


def _model_place(model, clause_id: str) -> str:
    """Where the clause sits in the court's model order, in words."""
    from poassembler.review.model_order import is_addition, place_of

    place = place_of(model, clause_id)
    if place and not is_addition(model, clause_id):
        return f"corresponds to {place.label} of the {model.title}"
    if place:
        return f"not in the model; placed within {place.label}"
    if model.complete:
        return "not in the model (an addition, placed after the model's last section)"
    return "not among the model sections recorded in the court profile: compare it with the model"


def _left_out_entry(decision) -> MemoEntry:
    spec = decision.clause.spec
    return MemoEntry(f"{spec.heading or _placement_label(spec.placement.value)} ({spec.id})", (f"Left out: {decision.reason}.",))


def _verify_section(draft: Draft) -> MemoSection:
    entries = []
    for kind, name, entry in draft.profile.unverified(set(draft.selection.included_ids())):
        if isinstance(entry, Citation):
            title = f"{entry.cite}" + (f" — {entry.title}" if entry.title else "")
        else:
            assert isinstance(entry, Period)
            title = f"Period {name}: {entry.value} {entry.unit}"
        lines = [f"Profile {kind} {name}; source: {entry.source}."]
        if entry.note:
            lines.append(entry.note)
        entries.append(MemoEntry(title, tuple(lines)))
    intro = ("Each item below is marked unverified in the court's profile: read the current rule or decision and "
             "confirm the citation or period before filing." if entries else "Every citation and period in the profile is verified.")
    return MemoSection("Citations and periods to verify before filing", (intro,), tuple(entries))


def _cite(citation: Citation) -> str:
    flag = "" if citation.verified else " [VERIFY BEFORE FILING]"
    note = f" — {citation.note}" if citation.note else ""
    return f"{citation.cite} (source: {citation.source}){flag}{note}"


def _placement_label(placement: str) -> str:
    return {"preamble": "Preamble", "order": "Order", "attestation": "Attestation", "exhibit": "Exhibit", "motion": "Motion for entry"}.get(placement, placement)


def _option_value(answers, path: str) -> str:
    """The answer at a dotted path, in words ("3 categories: …", "yes", "not set: the profile's default")."""
    value = answer_at(answers, path)
    if value is None:
        return "not set (the profile's default applies)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return value.value.replace("_", " ")
    if isinstance(value, (list, tuple)):
        names = item_names(value)
        return f"{len(names)} — " + "; ".join(names) if names else "none"
    return str(value)


def memo_markdown(memo: Memo) -> str:
    """The memo as Markdown."""
    out = [f"# {memo.title}", ""]
    out += [f"- **{label}:** {_md(value)}" for label, value in memo.facts]
    for section in memo.sections:
        out += ["", f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            out += [_md(paragraph), ""]
        if section.table:
            out.append("| " + " | ".join(_md(c) for c in section.table[0]) + " |")
            out.append("|" + "---|" * len(section.table[0]))
            out += ["| " + " | ".join(_md(c).replace("|", "\\|") for c in row) + " |" for row in section.table[1:]]
            if len(section.table) == 1:
                out.append("| (none found) |" + " |" * (len(section.table[0]) - 1))
            out.append("")
        for entry in section.entries:
            out.append(f"### {_md(entry.title)}" if section.heading.startswith("Clauses in") else f"**{_md(entry.title)}**")
            out.append("")
            out += [f"- {_md(line)}" for line in entry.lines]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _md(text: str) -> str:
    """Text from answers and profiles is data: keep Markdown from reading it as markup."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;")
