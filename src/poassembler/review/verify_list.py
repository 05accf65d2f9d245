"""The profile's unverified citations and periods that one draft actually uses, for the filer to check.

Every unverified citation of the profile counts (the profile already leaves out one tied to a clause the
draft lacks): a citation may shape the draft without its words appearing (the paper, a caption line, the
form Exhibit A follows). A period counts only when an included clause's text reads it (`periods.NAME`):
one shown for information is not in the order.
"""

from __future__ import annotations

from poassembler.library.profiles import Citation, Period


def unverified_in_draft(draft) -> list[tuple[str, str, Citation | Period]]:
    """("citation"|"period", name, entry) for each unverified profile entry this draft uses."""
    clause_text = "\n".join(p.spec.text for c in draft.selection.included() for p in c.paragraphs)
    used = []
    for kind, name, entry in draft.profile.unverified(set(draft.selection.included_ids())):
        if not isinstance(entry, Period) or f"periods.{name}" in clause_text:
            used.append((kind, name, entry))
    return used


def verify_lines(draft) -> list[str]:
    """The checklist's VERIFY BEFORE FILING part: one box per entry, with its source and the profile's note."""
    entries = unverified_in_draft(draft)
    if not entries:
        return []
    out = ["", "## VERIFY BEFORE FILING", "",
           f"The draft relies on {len(entries)} citation(s) or period(s) that the {draft.profile.id} profile marks "
           "unverified. Read each source and confirm it before filing:", ""]
    for kind, name, entry in entries:
        if isinstance(entry, Period):
            what = f"Period `{name}`: {entry.value} {entry.unit}"
        else:
            what = entry.cite + (f" — {entry.title}" if entry.title else "")
        note = f" — {entry.note}" if entry.note else ""
        out.append(f"- [ ] {what} (source: {entry.source}){note}")
    return out
