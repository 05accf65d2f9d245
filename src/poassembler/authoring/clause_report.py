"""Plain-text listings of the clause library, for `poassembler clauses list|show`."""

from __future__ import annotations

from poassembler.library.load import Library, origin_of
from poassembler.review.profile_report import VERIFY
from poassembler.library.profiles import ClauseStatus


def courts_by_status(library: Library, clause_id: str) -> dict[ClauseStatus, list[str]]:
    """For each status, the profiles whose resolved chain gives the clause that status."""
    out: dict[ClauseStatus, list[str]] = {s: [] for s in ClauseStatus}
    for pid in library.profiles.ids():
        status = library.profiles.resolve(pid).status(clause_id)
        if status is not None:
            out[status].append(pid)
    return out


def list_clauses(library: Library, extra_dirs: list, court: str | None = None, judge: str | None = None) -> str:
    """One line per clause in document order; with a court, its status there and who set it."""
    profile = library.profiles.resolve_for(court, judge) if court else None
    lines = []
    if profile:
        lines.append(f"Clauses for {profile.id} ({' → '.join(profile.chain)}):")
    for clause in library.clauses.ordered():
        spec = clause.spec
        where = origin_of(clause.path, extra_dirs)
        head = f"{clause.id:<34} {spec.order:>5}  {spec.placement.value:<11} {spec.heading or '(no heading)'}"
        if profile:
            entry = profile.clauses.get(clause.id)
            status = f"{entry.value.value} ({entry.origin})" if entry else "not listed"
            head = f"{head}  — {status}"
        lines.append(head + (f"  [{where}]" if where != "built-in" else ""))
    return "\n".join(lines)


def show_clause(library: Library, clause_id: str, extra_dirs: list) -> str:
    """Everything about one clause: where it applies, authority, options, text, and the courts."""
    clause = library.clauses.get(clause_id)
    spec = clause.spec
    lines = [f"{clause.id} — {spec.heading or '(no heading)'}", f"file: {clause.path} ({origin_of(clause.path, extra_dirs)})"]
    lines.append(f"placement: {spec.placement.value} · order {spec.order}")
    lines.append(f"applies when: {spec.applies_when}" + (f"  ({spec.why_applies})" if spec.why_applies else ""))
    lines.append(f"chosen when: {spec.chosen_when}" + (f"  ({spec.why_chosen})" if spec.why_chosen else ""))
    lines.append("")
    lines.append("Authority:")
    for cite in spec.authority or []:
        flag = "verified" if cite.verified else VERIFY
        lines.append(f"  {cite.cite}")
        lines.append(f"      source: {cite.source} · {flag}" + (f" · {cite.note}" if cite.note else ""))
    if not spec.authority:
        lines.append("  (none listed)")
    lines.append("")
    lines.append("Options (answers that change it):")
    lines += [f"  {o.field}: {o.description}" for o in spec.options] or ["  (none)"]
    lines.append("")
    courts = courts_by_status(library, clause_id)
    lines.append("Courts:")
    for status in ClauseStatus:
        lines.append(f"  {status.value}: {', '.join(courts[status]) or '—'}")
    lines.append("")
    lines.append("Text (Jinja; {{ … }} are filled from the answers and the court's profile):")
    for index, para in enumerate(spec.paragraphs, 1):
        cond = []
        if para.when:
            cond.append(f"only when {para.when}")
        if para.repeat:
            cond.append(f"once for each item of {para.repeat}")
        lines.append(f"  [{index}] level {para.level}" + (f" — {'; '.join(cond)}" if cond else ""))
        lines.append("      " + " ".join(para.text.split()))
    if spec.blanks:
        lines.append("Blanks: " + ", ".join(spec.blanks))
    return "\n".join(lines)
