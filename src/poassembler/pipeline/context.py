"""Build the `RenderContext` the Word template sees: caption, sections, signatures, order, Exhibit A.

Clause text is rendered here to plain strings (escaping for Word happens in `render.py`); its
`[[section:…]]` references stay as tokens until the body's final order is known (`section_numbers.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any

from poassembler.library.answers import Answers, Party, Role
from poassembler.library.clauses import Clause, Placement
from poassembler.pipeline.expressions import run
from poassembler.library.profiles import ResolvedProfile
from poassembler.pipeline.scope import ClauseScope
from poassembler.pipeline.selection import Selection
from poassembler.pipeline.signatures import BLANK_DATE, BLANK_LINE, SignatureBlock, long_date, signature_blocks

# Under the order's signature line when nobody can tell who signs: one placeholder the answers check and
# the document check both report as `judge_named` (never a guessed "District Judge / Magistrate Judge").
JUDGE_PLACEHOLDER = "[DRAFTER: NAME THE JUDGE WHO SIGNS THIS ORDER]"


@dataclass(frozen=True)
class ParagraphView:
    level: int  # 0 unnumbered body, 2 numbered (1.1), 3 lettered (a)
    text: str
    clause_id: str = ""  # the clause it comes from, and its place there as written (1-based):
    written: int = 0  # what `[[section:clause_id.K]]` points at (section_numbers.py)


@dataclass(frozen=True)
class SectionView:
    clause_id: str
    heading: str
    paragraphs: list[ParagraphView]
    clause_ids: tuple[str, ...] = ()  # every clause the section carries, where several share it (model order)


@dataclass(frozen=True)
class CourtView:
    caption_lines: list[str]
    name: str
    judge_line: str = ""  # "The Honorable …" at the top right of page 1, where the court's orders carry it


@dataclass(frozen=True)
class CaseView:
    number: str
    number_line: str
    title: str


@dataclass(frozen=True)
class CaptionView:
    plaintiffs: list[str]
    plaintiff_label: str
    defendants: list[str]
    defendant_label: str
    versus: str = "v."


@dataclass(frozen=True)
class DocumentView:
    title: str
    caption_notes: list[str]
    short_title: str


@dataclass(frozen=True)
class OrderBlock:
    paragraphs: list[ParagraphView]
    date_line: str
    signature_line: str
    judge_name: str
    judge_title: str


@dataclass(frozen=True)
class AttachmentView:
    """A cover page for a paper the filer attaches after Exhibit A ("EXHIBIT B", what it is)."""

    label: str
    description: str


@dataclass(frozen=True)
class ExhibitView:
    title: str
    paragraphs: list[ParagraphView]
    blanks: list[str]
    attachments: list[AttachmentView] = field(default_factory=list)


@dataclass(frozen=True)
class PartiesPaper:
    """What the parties sign, wherever it is printed: on the order (a stipulation) or only on the motion that
    asks for entry (profile `submission.parties_sign: motion`); `motion` holds that motion's own paragraphs."""

    filer: SignatureBlock | None
    signatures: list[SignatureBlock]
    attestation: list[ParagraphView]
    motion: list[ParagraphView]


@dataclass(frozen=True)
class RenderContext:
    """Everything the Word template can show; nothing else reaches it."""

    court: CourtView
    case: CaseView
    caption: CaptionView
    document: DocumentView
    filer: SignatureBlock | None
    preamble: list[ParagraphView]
    sections: list[SectionView]
    signatures: list[SignatureBlock]
    attestation: list[ParagraphView]
    order: OrderBlock
    exhibit: ExhibitView
    parties: PartiesPaper  # the parties' signatures and attestation, for the motion (`render --package`)

    def as_template_data(self) -> dict[str, Any]:
        """docxtpl wants a mapping at the top level; the values stay typed objects."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def build_context(profile: ResolvedProfile, selection: Selection, scope: ClauseScope) -> RenderContext:
    answers = scope.answers
    signatures = signature_blocks(answers, profile.format.cosigner_signature, profile.format.self_represented_signature,
                                  profile.format.signature_requires)
    filer = next((s for s in signatures if not s.self_represented), None)
    exhibit_clauses = selection.included(Placement.exhibit)
    judge = signing_judge(profile, answers)
    body = selection.included(Placement.body)
    parties = PartiesPaper(
        filer=filer,
        signatures=signatures,
        attestation=_paragraphs_of(selection.included(Placement.attestation), scope),
        motion=_paragraphs_of(selection.included(Placement.motion), scope),
    )
    on_order = profile.submission is None or profile.submission.parties_sign != "motion"
    return RenderContext(
        court=CourtView(caption_lines=_caption_lines(profile, answers), name=profile.name, judge_line=_judge_line(profile, judge)),
        case=CaseView(number=answers.case.number, number_line=_number_line(profile, answers), title=scope.facts.case_title),
        caption=_caption(answers),
        document=DocumentView(
            title=profile.format.caption_title,
            caption_notes=list(profile.format.caption_notes),
            short_title=profile.format.short_title,
        ),
        filer=filer if on_order else None,
        preamble=_paragraphs_of(selection.included(Placement.preamble), scope),
        sections=[
            SectionView(clause_id=c.id, heading=c.spec.heading, paragraphs=render_paragraphs(c, scope))
            for c in body
        ],
        signatures=signatures if on_order else [],
        attestation=parties.attestation if on_order else [],
        order=_order_block(profile, answers, judge, _paragraphs_of(selection.included(Placement.order), scope)),
        exhibit=ExhibitView(
            title=exhibit_clauses[0].spec.heading if exhibit_clauses else "",
            paragraphs=_paragraphs_of(exhibit_clauses, scope),
            blanks=[b for c in exhibit_clauses for b in c.spec.blanks],
            attachments=_attachments(answers, scope),
        ),
        parties=parties,
    )


def _order_block(profile: ResolvedProfile, answers: Answers, judge, paragraphs: list[ParagraphView]) -> OrderBlock:
    """The order's closing: the judge's date and signature lines, or (profile `format.judge_signature_block:
    false`, a court whose judges sign and date electronically) only blank space after the last paragraph."""
    if not profile.format.judge_signature_block:
        return OrderBlock(paragraphs=paragraphs, date_line="", signature_line="", judge_name="", judge_title="")
    place = answers.order_place or (judge.place if judge else "")
    return OrderBlock(
        paragraphs=paragraphs,
        date_line=f"Dated: {place}, ____________________" if place else BLANK_DATE,
        signature_line=BLANK_LINE,
        judge_name=judge.name if judge else "",
        judge_title=judge.title if judge else JUDGE_PLACEHOLDER,
    )


# The tool cannot attach the served subpoena: the exhibit's page says so in a placeholder `check` reports as
# an error until the drafter puts the copy in its place (the package checklist has the step).
SUBPOENA_COPY_PLACEHOLDER = ("[DRAFTER: REPLACE THIS PAGE WITH A COMPLETE COPY OF THE SUBPOENA AS SERVED, "
                             "WITH ITS ATTACHMENTS, BEFORE FILING]")


def _attachments(answers: Answers, scope: ClauseScope) -> list[AttachmentView]:
    """Each subpoena the order says is attached gets its exhibit's page, so the Court finds it where the
    order says it is (Bosley v. Valasco, No. 1:14-cv-00049-MJS (PC) (E.D. Cal. 2016): no finding on a subpoena the Court has not seen). The page
    holds a placeholder until the drafter replaces it with the served copy."""
    names = scope.facts.party_labels
    out = []
    for s in answers.subpoenas:
        if not s.exhibit:
            continue
        served = f" on {long_date(s.served_on)}" if s.served_on else ""
        out.append(AttachmentView(
            label=s.exhibit.upper(),
            description=f"Subpoena issued by {names.get(s.served_by, s.served_by)} and served on "
                        f"{scope.facts.text_names.get(s.recipient, s.recipient)}{served}. {SUBPOENA_COPY_PLACEHOLDER}",
        ))
    return out


@dataclass(frozen=True)
class JudgeView:
    name: str
    title: str
    place: str = ""


_INITIALS = re.compile(r"[A-Za-z]{2,4}x?")


DISTRICT_JUDGE_TITLE = "United States District Judge"


def signing_judge(profile: ResolvedProfile, answers: Answers) -> JudgeView | None:
    """Who signs the order: the judge the answers name, the judge profile's judge, or the judge whose
    initials the case number carries (a magistrate judge before a district judge: discovery orders are
    theirs once the case is referred; answers `magistrate_judge_referral: false` say it is not, and the
    district judge signs), looked up in the profile's `judges:` list. Answers that give only `judge_title` say which kind
    of judge signs: the order leaves the name to the judge (a blank line over the title)."""
    if answers.judge_name:
        return JudgeView(answers.judge_name, answers.judge_title)
    if profile.judge:
        return JudgeView(profile.judge.name, profile.judge.title, profile.judge.place)
    number = answers.case.number.split("cv", 1)[-1].split("CV", 1)[-1]
    tokens = {t.casefold() for t in _INITIALS.findall(number)}
    found = [j for j in profile.judges if j.initials.casefold() in tokens]
    found.sort(key=lambda j: "magistrate" not in j.title.casefold())
    if answers.magistrate_judge_referral is False:  # no referral: the district judge signs, never the magistrate judge
        found = [j for j in found if "magistrate" not in j.title.casefold()]
        if not found:
            return JudgeView("", answers.judge_title or DISTRICT_JUDGE_TITLE)
    if found:
        return JudgeView(found[0].name, found[0].title, found[0].place)
    return JudgeView("", answers.judge_title) if answers.judge_title else None


def render_paragraphs(clause: Clause, scope: ClauseScope) -> list[ParagraphView]:
    """A clause's paragraphs as text: conditional ones dropped, repeated ones expanded per item (once per scope)."""
    done = scope.rendered.get(clause.id)
    if done is not None and done[0] is clause:
        return done[1]
    out = _render_paragraphs(clause, scope)
    scope.rendered[clause.id] = (clause, out)
    return out


def _render_paragraphs(clause: Clause, scope: ClauseScope) -> list[ParagraphView]:
    names = scope.names()
    out: list[ParagraphView] = []
    for index, para in enumerate(clause.paragraphs):
        where = clause.where(index)
        if para.when is not None and not run(where, para.when, names):
            continue
        items = run(where, para.repeat, names) if para.repeat is not None else [None]
        for item in items:
            text = run(where, para.text.render, {**names, "item": item}).strip()
            if text:
                out.append(ParagraphView(level=para.spec.level, text=text, clause_id=clause.id, written=index + 1))
    return out


def _paragraphs_of(clauses: list[Clause], scope: ClauseScope) -> list[ParagraphView]:
    return [p for c in clauses for p in render_paragraphs(c, scope)]


def _caption_lines(profile: ResolvedProfile, answers: Answers) -> list[str]:
    lines = list(profile.caption_lines)
    if answers.division:
        lines.append(answers.division.upper())
    return lines


def _judge_line(profile: ResolvedProfile, judge: JudgeView | None) -> str:
    """The profile's judge line with the assigned judge's name; empty when the court sets none or no judge is named."""
    template = profile.format.judge_line
    if not template or judge is None or not judge.name:
        return ""
    return template.replace("{name}", judge.name)


def _number_line(profile: ResolvedProfile, answers: Answers) -> str:
    number = answers.case.number
    initials = profile.judge.initials if profile.judge and profile.format.judge_initials_in_caption else ""
    if initials and f"({initials}" not in number:
        number = f"{number} ({initials})"
    return f"{profile.format.case_number_label} {number}"


def _caption(answers: Answers) -> CaptionView:
    def shown(p: Party) -> str:
        return f"{p.name}, {p.capacity}" if p.capacity else p.name

    plaintiffs = [shown(p) for p in answers.parties_with(Role.plaintiff)]
    defendants = [shown(p) for p in answers.parties_with(Role.defendant)]
    more = answers.case.more_parties  # parties not listed: the first on each side, "et al." (Fed. R. Civ. P. 10(a))
    return CaptionView(
        plaintiffs=[f"{plaintiffs[0]}, et al."] if more and plaintiffs else plaintiffs,
        plaintiff_label="Plaintiffs," if len(plaintiffs) > 1 or more else "Plaintiff,",
        defendants=[f"{defendants[0]}, et al."] if more and defendants else defendants,
        defendant_label="Defendants." if len(defendants) > 1 or more else "Defendant.",
    )
