"""`render --package DIR`: everything the court expects filed or sent together, written all or nothing.

What goes in is decided by the profile: its `submission:` (the paper that asks for entry, a Word copy
for chambers, the mailbox and subject line, the steps) and its `model_order:` (a redline against the
model where the court requires one, the explanation of departures where it asks for one). The folder is
built beside DIR and renamed into place only when every piece is written.
"""

from __future__ import annotations

import dataclasses

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from poassembler.errors import BadInput, OutputProblem
from poassembler.library.load import Library
from poassembler.pipeline.draft import Draft

PROPOSED_ORDER = "proposed-order.docx"
REDLINE = "proposed-order-redline-against-model.docx"
MOTION = "motion.docx"
DEVIATIONS = "explanation-of-departures.docx"
CHECKLIST = "checklist.md"


@dataclass(frozen=True)
class PackagePiece:
    name: str
    what: str


def refuse_without_model(draft: Draft) -> None:
    """A court whose judges want the order built on the model's text gets no package worded by poassembler (exit 2)."""
    from poassembler.review.model_order import build_on_model_notice

    notice = build_on_model_notice(draft.profile, draft.scope.names(), draft.model_build)
    if notice:
        raise BadInput(f"--package: {notice}")


def plan_package(draft: Draft, model_copy: Path | None) -> list[PackagePiece]:
    """The files this court's package holds, in filing order; refuses when a required piece cannot be made."""
    from poassembler.review.model_order import model_for

    profile = draft.profile
    submission = profile.submission
    model = model_for(profile, draft.scope.names())
    refuse_without_model(draft)
    pieces = []
    if submission and submission.vehicle_title:
        pieces.append(PackagePiece(MOTION, submission.vehicle_title))
    pieces.append(PackagePiece(PROPOSED_ORDER, f"clean proposed order ({profile.format.caption_title}), Word"))
    rule = submission.supporting_certification if submission else None
    if rule is not None:
        from poassembler.review.word_certification import certifications

        flag = "" if rule.verified else " **[VERIFY BEFORE FILING]**"
        for cert in certifications(draft):
            whose = f"{cert.party.name}'s own material" if cert.own_only else "the material produced in discovery"
            pieces.append(PackagePiece(cert.file_name, f"certification in support about {whose}, by {cert.signer} "
                                                       f"({cert.signer_line}), to read and sign ({rule.cite}: {rule.source}){flag}"))
    if model is not None and model.redline_required:
        if model_copy is None:
            raise BadInput(
                f"--package: the {profile.name} expects a redline of the proposed order against its {model.title}, "
                "and no copy of the model was given.",
                hint=f"Download the model ({model.url}; `poassembler models fetch {profile.id}`), save it as .docx, and add "
                "--redline-against MODEL.docx.",
            )
    if model_copy is not None:
        pieces.append(PackagePiece(REDLINE, f"redline of the proposed order against the {model.title if model else 'model'} ({model_copy.name})"))
    if model is not None and model.explanation_required:
        pieces.append(PackagePiece(DEVIATIONS, f"explanation of each departure from the {model.title}"))
    pieces.append(PackagePiece(CHECKLIST, "submission checklist with sources"))
    return pieces


def write_package(draft: Draft, library: Library, target: Path, force: bool, template: Path | None = None,
                  model_copy: Path | None = None) -> list[Path]:
    """Write the package into `target` (a folder); all of it or none of it."""
    from poassembler.pipeline.render import render_docx
    from poassembler.pipeline.template_names import template_extras

    if target.exists() and not target.is_dir():
        raise OutputProblem(f"--package {target}: a file of that name exists.", hint="Give the name of a folder to create.")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise OutputProblem(f"--package {target}: the folder is not empty.", hint="Choose a new folder, or add --force to replace it.")
    pieces = plan_package(draft, model_copy)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        order = render_docx(template or library.template(draft.profile.format.template), draft.context,
                            draft.profile.format, template_extras(draft))
        contents = {PROPOSED_ORDER: order}
        names = {p.name for p in pieces}
        if REDLINE in names:
            from poassembler.pipeline.produce import redline_bytes

            contents[REDLINE] = redline_bytes(draft, library, order, template, model_copy)
        if DEVIATIONS in names:
            from poassembler.review.deviations import build_deviations
            from poassembler.review.word_filing import deviations_docx

            contents[DEVIATIONS] = deviations_docx(build_deviations(draft), draft)
        if MOTION in names:
            from poassembler.review.word_filing import motion_docx

            attached = (PROPOSED_ORDER, REDLINE, DEVIATIONS) if draft.profile.submission.order_attached else (REDLINE, DEVIATIONS)
            exhibits = _exhibit_names([p.name for p in pieces if p.name in attached], draft)
            title = draft.profile.submission.vehicle_title
            paper = render_docx(template or library.template(draft.profile.format.template), motion_context(draft, title),
                                draft.profile.format, template_extras(draft))
            contents[MOTION] = motion_docx(draft, title, exhibits, order_paper=paper)
        if draft.profile.submission is not None and draft.profile.submission.supporting_certification is not None:
            from poassembler.review.word_certification import certification_docx, certifications

            for cert in certifications(draft):
                contents[cert.file_name] = certification_docx(draft, cert)
        contents[CHECKLIST] = checklist_markdown(draft, pieces).encode("utf-8")
        for name, data in contents.items():
            (staging / name).write_bytes(data)
        _swap_into_place(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputProblem(f"--package {target}: could not be written ({exc.strerror or exc}).",
                            hint="Choose a folder you can write to, with free space.") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [target / p.name for p in pieces]


def _swap_into_place(staging: Path, target: Path) -> None:
    """Rename the finished package to `target`; an old package there (only with --force) is kept aside
    until the new one is in place, and put back if the rename fails."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old")
        if old.exists():
            shutil.rmtree(old)
        target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _exhibit_names(names: list[str], draft: Draft) -> list[str]:
    """How the motion lists what it attaches: the order under the name the court dockets it by (profile
    `submission.order_attachment`, e.g. "Text of Proposed Order"), so it never shares a letter with the order's
    own Exhibit A; the other papers lettered "Exhibit A", "Exhibit B", … in order."""
    own_name = draft.profile.submission.order_attachment
    out, letter = [], 0
    for name in names:
        if name == PROPOSED_ORDER and own_name:
            out.append(f"{own_name}, {_exhibit_label(name, draft)}")
        else:
            out.append(f"Exhibit {chr(65 + letter)}, {_exhibit_label(name, draft)}")
            letter += 1
    return out


def _exhibit_label(name: str, draft: Draft) -> str:
    """How the motion names a piece of the package (words for the court, no file names)."""
    model = draft.profile.model_order
    model_name = f"the Court's {model.title}" if model else "the Court's model order"
    return {
        PROPOSED_ORDER: f"the proposed {draft.profile.format.order_name} (clean)",
        REDLINE: f"the proposed order, showing each difference from {model_name}",
        DEVIATIONS: f"the explanation of each departure from {model_name}",
    }[name]


def motion_context(draft: Draft, title: str):
    """The order's context as the motion's first page shows it: the filer's counsel block at the top (the parties
    sign the motion), the motion's title in the caption and footer; the body is replaced by the motion's."""
    context = draft.context
    filer = context.parties.filer or context.filer
    short = title.title().replace(" For ", " for ").replace(" Of ", " of ")
    return dataclasses.replace(context, filer=filer,
                               document=dataclasses.replace(context.document, title=title, short_title=short))


def checklist_markdown(draft: Draft, pieces: list[PackagePiece]) -> str:
    """What to file or send, how, and on whose authority — from the profile's `submission:`."""
    from poassembler.review.model_order import model_for

    profile, context = draft.profile, draft.context
    submission = profile.submission
    model = model_for(profile, draft.scope.names())
    out = [f"# Submission checklist — {context.case.title}, {context.case.number_line}", "",
           f"Court: {profile.name}" + (f" ({profile.judge.title} {profile.judge.name})" if profile.judge else ""),
           *[line for line in (_addressed_to(draft),) if line], ""]
    out += ["## In this package", ""] + [f"- `{p.name}` — {p.what}" for p in pieces] + [""]
    if submission and submission.supporting_certification is not None:
        from poassembler.review.word_certification import certification_notes, certifications

        notes = certification_notes(draft, certifications(draft))
        if notes:
            out += ["## Before the certifications are filed", ""] + [f"- [ ] {n}" for n in notes] + [""]
    out += ["## How the order reaches the court", ""]
    if submission:
        vehicle = submission.vehicle_source
        flag = "" if vehicle is None or vehicle.verified else " **[VERIFY BEFORE FILING]**"
        out.append(f"- Vehicle: {submission.vehicle}" + (f" — {submission.vehicle_title}" if submission.vehicle_title else "")
                   + (f" (source: {vehicle.cite}, {vehicle.source}){flag}" if vehicle else ""))
        if submission.proposed_order_word:
            out.append("- A Word copy of the proposed order goes to chambers (no PDF).")
        if submission.mailbox:
            out.append(f"- Mailbox: {_mailbox(submission.mailbox, context.order.judge_name)}")
        if submission.subject_line:
            out.append(f"- Subject line: {submission.subject_line}")
    if model is not None:
        out.append(f"- Model order: {model.title} — {model.url}" + (f" ({model.version})" if model.version else ""))
        out += ["", "## The court's model order", ""]
        if draft.model_build is not None:
            from poassembler.pipeline.from_model import KIND_MODEL

            kept = [o.heading for o in draft.model_build.sections(KIND_MODEL)]
            out += [f"- **The proposed order is built on your copy of the {model.title}** ({draft.model_build.path.name}; "
                    f"source: {model.source}): these sections are the model's own words: {'; '.join(kept) or 'none'}. "
                    "Every other change is listed, with its reason, in the explanation of departures, and the redline "
                    "shows exactly those changes.",
                    f"- [ ] Check that {draft.model_build.path.name} is the court's current model ({model.url}) before filing."]
            return _steps(out + _verify_rows(draft, pieces), submission, draft)
        out += [f"- **The court expects a proposed order built on its {model.title} and compares the two** "
                f"(source: {model.source}). The proposed order in this package is worded by poassembler and does "
                "**not** reproduce the model's text, so every section departs from the model's wording.",
                f"- Get the model: `poassembler models fetch {profile.id}` (or download {model.url}), "
                "save a Word copy, and compare: `poassembler render ANSWERS --redline-against MODEL.docx`. "
                "Or build the order on the model itself: `poassembler render ANSWERS --package DIR --from-model MODEL.docx` "
                "keeps the model's own words wherever this case does not depart from them."]
        if not model.complete:
            from poassembler.review.deviations import INCOMPLETE_MAP_NOTE

            out.append("- [ ] " + INCOMPLETE_MAP_NOTE.replace("COURT", profile.id))
        out += _verify_rows(draft, pieces)
    return _steps(out, submission, draft)


def _mailbox(mailbox: str, judge_name: str) -> str:
    """The profile's mailbox with `{judge_last_name}` filled from the judge who signs (the order block)."""
    last = judge_name.split()[-1].lower() if judge_name and not judge_name.startswith("[") else "[judge's last name]"
    return mailbox.replace("{judge_last_name}", last)


def _verify_rows(draft, pieces) -> list[str]:
    """The checklist step for the explanation's rows that rest on facts about the model not yet verified."""
    if DEVIATIONS not in {p.name for p in pieces}:
        return []
    from poassembler.review.deviations import build_deviations

    report = build_deviations(draft)
    rows = report.unverified_rows() if report is not None else []
    if not rows:
        return []
    return [f"- [ ] Confirm against your copy of the model: rows {'; '.join(rows)} of `{DEVIATIONS}` state facts about "
            "the model that the court profile marks as not verified (every section of the model is listed, but these "
            "facts were not read in it). **[VERIFY BEFORE FILING]**" if draft.profile.model_order.complete else
            f"- [ ] Confirm against your copy of the model: rows {'; '.join(rows)} of `{DEVIATIONS}` state facts about "
            "the model that the court profile marks as not verified. **[VERIFY BEFORE FILING]**"]


def _addressed_to(draft: Draft) -> str:
    """Which judge the order is addressed to (its signature block), and on what basis: a referral to the
    magistrate judge, none (the district judge), or not stated in the answers (confirm on the docket)."""
    order = draft.context.order
    who = f"{order.judge_name}, {order.judge_title}" if order.judge_name else order.judge_title
    if not who:  # no signature block (the court's judges sign electronically): nothing to record
        return ""
    referral = draft.answers.magistrate_judge_referral
    basis = ("the answers say the magistrate judge has the case: a referral for general pretrial management, or consent"
             if referral else "the answers say the case is not referred to the magistrate judge: the district judge signs"
             if referral is False else "")
    if not basis and "magistrate" in who.casefold() and not draft.answers.judge_name and not draft.profile.judge:
        basis = ("the case number carries the magistrate judge's initials; **confirm on the docket that the case is "
                 "referred to the magistrate judge, or that the parties consented**, or set magistrate_judge_referral: false")
    return f"Order addressed to: {who}" + (f" ({basis})" if basis else "")


def _steps(out: list[str], submission, draft: Draft) -> str:
    """The checklist's closing part: each submission step that applies to this case (its `when`), with its
    source and verify flag; then the profile's unverified citations and periods this draft uses."""
    from poassembler.pipeline.expressions import compile_condition, run
    from poassembler.review.verify_list import verify_lines

    out += ["", "## Steps", ""]
    names = draft.scope.names()
    steps = []
    for i, step in enumerate(submission.steps if submission else ()):
        where = f"{draft.profile.id}: submission.steps[{i}].when"
        if step.when.strip() in ("", "true") or run(where, compile_condition(step.when, where), names):
            steps.append(step)
    if not steps:
        out.append("- [ ] No submission steps are recorded for this court: check the local rules and the assigned judge's procedures.")
    for step in steps:
        flag = "" if step.verified else " **[VERIFY BEFORE FILING]**"
        out.append(f"- [ ] {step.step} (source: {step.source}){flag}" + (f" — {step.note}" if step.note else ""))
    out += verify_lines(draft)
    return "\n".join(out).rstrip() + "\n"
