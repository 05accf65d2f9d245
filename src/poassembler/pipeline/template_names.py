"""The names a Word template may use: the RenderContext fields, plus the clause names.

Besides `court`, `case`, `caption`, `sections`, … (RenderContext), every template also receives the
names clause text uses — `answers`, `facts`, `profile`, `periods`, `citations`, `tiers` — and
`clauses_included`, the ids of the clauses this draft includes. That is what lets a template exported
by `poassembler template export` hold the clause text itself, with `{{ answers.… }}` fields, and
still render exactly like the court's own template.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Any

EXTRA_NAMES = ("answers", "facts", "profile", "periods", "citations", "tiers", "clauses_included", "section_refs")


class SectionRefs(dict):
    """Clause id → "Section N" for this draft; an id the draft lacks reads "this Order"."""

    def __missing__(self, key: str) -> str:
        return "this Order"


def template_extras(draft) -> dict[str, Any]:
    """The extra names for one planned draft (`draft.Draft`): the same names its clause text saw."""
    from poassembler.library.clauses import Placement
    from poassembler.pipeline.section_numbers import one_clause_a_section, reference_roles

    # An exported template lays the body out one clause a section, in the library's order.
    numbering = one_clause_a_section([c.id for c in draft.selection.included(Placement.body)], reference_roles(draft.profile))
    refs = SectionRefs({cid: numbering.reference(cid) for cid in numbering.sections})
    return {**draft.scope.names(), "clauses_included": draft.selection.included_ids(), "section_refs": refs}


def template_roots(known) -> dict[str, Any]:
    """Shapes of every name a template may use, for `placeholders.check_source` (`known`: KnownNames)."""
    from poassembler.pipeline.context import RenderContext
    from poassembler.authoring.placeholders import ANY, ListOf, clause_roots, shape_of_type

    hints = typing.get_type_hints(RenderContext)
    roots = {f.name: shape_of_type(hints[f.name]) for f in dataclasses.fields(RenderContext)}
    roots.update(clause_roots(known))
    roots["clauses_included"] = ListOf(str)
    roots["section_refs"] = ANY
    return roots
