"""Plain-text description of a resolved profile, for `poassembler jurisdictions show`."""

from __future__ import annotations

from poassembler.library.clauses import ClauseLibrary
from poassembler.library.profiles import Citation, ClauseStatus, Period, ResolvedProfile

VERIFY = "VERIFY BEFORE FILING"


def _flag(entry: Citation | Period) -> str:
    if entry.verified:
        return "verified"
    return VERIFY + (f": {entry.note}" if entry.note else "")


def verify_notice(profile_id: str, unverified: int) -> str | None:
    """The one-line reminder after a draft whose profile has `unverified` citations or periods (render, interview)."""
    if not unverified:
        return None
    return (
        f"Verify before filing: {unverified} citation(s) or period(s) in the {profile_id} profile are not verified "
        f"(`poassembler jurisdictions show {profile_id}` lists them)."
    )


def describe_profile(profile: ResolvedProfile, clauses: ClauseLibrary) -> str:
    lines = [f"{profile.id} — {profile.name}" + (f" — {profile.judge.title} {profile.judge.name}" if profile.judge else "")]
    lines.append(f"extends: {' → '.join(profile.chain)}")
    lines.append(f"caption: {' / '.join(profile.caption_lines)}")
    if profile.circuit:
        lines.append(f"circuit: {profile.circuit}")
    lines.append("")
    lines.append("Rules cited:")
    for name, entry in sorted(profile.citations.items()):
        c: Citation = entry.value
        title = f" — {c.title}" if c.title else ""
        lines.append(f"  {name}: {c.cite}{title}")
        lines.append(f"      source: {c.source} · {_flag(c)} · set in {entry.origin}")
    lines.append("")
    lines.append("Periods:")
    for name, entry in sorted(profile.periods.items()):
        p: Period = entry.value
        lines.append(f"  {name}: {p.value} {p.unit}")
        lines.append(f"      source: {p.source} · {_flag(p)} · set in {entry.origin}")
    lines.append("")
    lines.append("Clauses:")
    for status in ClauseStatus:
        ids = [cid for cid, entry in profile.clauses.items() if entry.value == status]
        ordered = sorted(ids, key=lambda cid: (clauses.get(cid).spec.order if cid in clauses else 10**6, cid))
        lines.append(f"  {status.value} ({len(ordered)}):")
        for cid in ordered:
            heading = clauses.get(cid).spec.heading if cid in clauses else "(no such clause in the library)"
            lines.append(f"    {cid:<34} {heading}  [{profile.clauses[cid].origin}]")
    lines.append("")
    fmt = profile.format
    lines.append("Format:")
    lines.append(f"  template: {fmt.template}")
    size = f"  type: {fmt.font_size_pt:g}-point {fmt.font_name}"
    if fmt.font_size_source:
        size += f" ({fmt.font_size_source.cite}; source: {fmt.font_size_source.source} · {_flag(fmt.font_size_source)})"
    lines.append(size)
    lines.append(f"  title in caption: {fmt.caption_title}")
    if not fmt.judge_signature_block:
        source = fmt.judge_signature_source
        lines.append("  order ends without the judge's date and signature lines"
                     + (f" ({source.cite}; source: {source.source} · {_flag(source)})" if source else ""))
    if fmt.caption_notes:
        lines.append(f"  caption notes: {', '.join(fmt.caption_notes)}")
    if profile.tier_labels:
        lines.append("  tiers: " + "; ".join(f"{k} = “{v}”" for k, v in profile.tier_labels.items()))
    if profile.model_order is not None:
        model = profile.model_order
        lines.append("")
        lines.append(f"Model order: {model.title} — {model.url}" + (f" ({model.version})" if model.version else ""))
        lines.append(f"  {len(model.sections)} section(s) mapped{'' if model.complete else ' (not the whole model)'}; "
                     + ", ".join(w for w, on in (("follows its order", model.follow_order), ("redline required", model.redline_required),
                                                  ("explain departures", model.explanation_required)) if on)
                     + " — `poassembler models show " + profile.id + "`")
    if profile.submission is not None and (profile.submission.steps or profile.submission.vehicle_title):
        sub = profile.submission
        lines.append("")
        lines.append(f"Submission: {sub.vehicle}" + (f" — {sub.vehicle_title}" if sub.vehicle_title else "")
                     + (f"; mailbox {sub.mailbox}" if sub.mailbox else "") + f"; {len(sub.steps)} step(s) in `render --package`")
    if profile.notes:
        lines.append("")
        lines.append("Notes:")
        lines += [f"  - {n}" for n in profile.notes]
    unverified = profile.unverified()
    lines.append("")
    lines.append(f"{len(unverified)} item(s) to verify before filing." if unverified else "Every citation and period is marked verified.")
    return "\n".join(lines)
