"""The pipeline, top to bottom: answers → profile → clauses → context → Word."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from poassembler.library.answers import Answers
from poassembler.pipeline.context import RenderContext, build_context
from poassembler.errors import BadInput, Problem
from poassembler.library.load import Library
from poassembler.library.patterns import pattern_search
from poassembler.library.profiles import ResolvedProfile
from poassembler.pipeline.scope import ClauseScope
from poassembler.pipeline.selection import Selection, select_clauses


@dataclass(frozen=True)
class Draft:
    """A planned draft: what will be rendered and why (no Word file yet)."""

    answers: Answers
    profile: ResolvedProfile
    selection: Selection
    context: RenderContext
    scope: ClauseScope  # the names clause text saw; Word templates get them too (template_names.py)
    model_build: Any = None  # from_model.ModelBuild when the body was built on the user's copy of the model

    @property
    def warnings(self) -> list[str]:
        from poassembler.review.model_order import build_on_model_notice

        notice = build_on_model_notice(self.profile, self.scope.names(), self.model_build)
        return (list(self.profile.warnings) + list(self.model_build.warnings if self.model_build is not None else ())
                + ([notice[0].upper() + notice[1:]] if notice else []))


def plan_draft(answers: Answers, library: Library, from_model: Path | None = None) -> Draft:
    """Resolve the court's profile, check the answers fit it, select the clauses and build the render context
    (`from_model`: the body built on the user's Word copy of the court's model, from_model.py)."""
    profile = library.profiles.resolve_for(answers.court, answers.judge)
    check_against_profile(answers, profile)
    return plan_with_profile(answers, profile, library, from_model)


def plan_with_profile(answers: Answers, profile: ResolvedProfile, library: Library, from_model: Path | None = None) -> Draft:
    """Select the clauses and build the render context for answers already matched to `profile`."""
    from poassembler.library.clauses import Placement
    from poassembler.pipeline.section_numbers import reference_roles, resolve_references
    from poassembler.review.model_order import apply_model_order

    scope = ClauseScope.build(profile, answers)
    selection = select_clauses(profile, library.clauses, scope)
    body_ids = {c.id for c in library.clauses.ordered() if c.spec.placement == Placement.body}
    build = None
    if from_model is not None:
        from poassembler.pipeline.from_model import build_from_model

        context, build = build_from_model(build_context(profile, selection, scope), profile, selection, scope, from_model)
    else:
        context = apply_model_order(build_context(profile, selection, scope), profile, scope.names(), body_ids)
    context = resolve_references(context, reference_roles(profile))  # after the body's final order: section_numbers.py owns the numbers
    return Draft(answers, profile, selection, context, scope, build)


def check_against_profile(answers: Answers, profile: ResolvedProfile) -> None:
    """Answers that are well-formed but wrong for this court (case number format, tier labels)."""
    problems = []
    number_problem = case_number_problem(answers.case.number, profile)
    if number_problem:
        problems.append(Problem(number_problem, field="case.number"))
    missing = [t.value for t in answers.tiers if t.value not in profile.tier_labels]
    if missing:
        problems.append(Problem(f"the {profile.id} profile has no label for {', '.join(missing)}", field="tiers"))
    if problems:
        raise BadInput(f"{len(problems)} answer{'s do' if len(problems) > 1 else ' does'} not fit the {profile.id} profile.", problems)


def case_number_problem(number: str, profile: ResolvedProfile) -> str | None:
    """What is wrong with `number` for this court's case-number format, or None (also used at the prompt)."""
    if profile.case_number_pattern and not pattern_search(profile.case_number_pattern, number):
        example = f" (e.g. {profile.case_number_example})" if profile.case_number_example else ""
        return f"'{number}' does not look like a case number of the {profile.name}{example}"
    return None


def render_bytes(draft: Draft, library: Library, template: Path | None = None) -> bytes:
    """The Word draft in memory: the court's template (or `template`) with this draft's context and names."""
    from poassembler.pipeline.render import render_docx
    from poassembler.pipeline.template_names import template_extras

    template_path = template or library.template(draft.profile.format.template)
    return render_docx(template_path, draft.context, draft.profile.format, template_extras(draft))


def render_draft(draft: Draft, library: Library, output: Path, force: bool, template: Path | None = None) -> Path:
    """Only the Word draft, written atomically (tests, benchmarks). Commands use `produce.produce`,
    which also checks, writes memo / redline / PDF, and writes all of them or none."""
    from poassembler.pipeline.atomic import write_atomically

    write_atomically(output, render_bytes(draft, library, template), force)
    return output
