"""What the review page shows: every answer by section, the pre-flight check's findings beside the
answers they concern, the problems left, and the draft's text as it stands."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from poassembler.interview.questions import Question, answered
from poassembler.library.answers import field_path
from poassembler.library.load import Library
from poassembler.web.session import CaseSession


@dataclass
class Row:
    question: Question
    shown: str
    findings: list[Any] = field(default_factory=list)  # review.findings.Finding
    problem: str | None = None


@dataclass
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class ReviewView:
    sections: list[Section]
    problems: list[str]  # what stops the draft (missing or invalid answers)
    findings: list[Any]  # check findings not tied to one answer
    answers: Any | None  # the completed Answers, or None
    draft: Any | None  # the planned Draft (its RenderContext is the preview), or None
    warnings: list[str]


def build_review(session: CaseSession, library: Library) -> ReviewView:
    plan, profile = session.interview.plan()
    answers, problems = session.interview.completed()
    draft, findings = None, []
    if answers is not None:
        from poassembler.pipeline.draft import plan_draft
        from poassembler.pipeline.produce import run_check

        draft = plan_draft(answers, library)
        findings = run_check(draft)
    sections: list[Section] = []
    rows: dict[str, Row] = {}
    for item in answered(plan, session.data, profile):
        question = item.question
        if not sections or sections[-1].title != question.section:
            sections.append(Section(question.section))
        row = Row(question, question.shown(item.value), problem=session.problem_of(question))
        sections[-1].rows.append(row)
        rows[field_path(question.key)] = row
    general = []
    for finding in findings:
        row = _row_for(finding.field, rows) if finding.field else None
        (row.findings if row else general).append(finding)
    return ReviewView(sections, problems, general, answers, draft, draft.warnings if draft else [])


def _row_for(path: str, rows: dict[str, Row]) -> Row | None:
    """The row of the answer at `path`, or of the nearest answer under it ("categories[1]" → its name)."""
    if path in rows:
        return rows[path]
    return next((row for where, row in rows.items() if where.startswith((path + ".", path + "["))), None)
