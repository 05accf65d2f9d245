"""The commented starter profile `poassembler jurisdictions new` writes: valid as written, every field explained."""

from __future__ import annotations

import json
from pathlib import Path

from poassembler.library.profiles import ProfileKind, ResolvedProfile


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def starter_profile(
    profile_id: str,
    parent: ResolvedProfile,
    judge_name: str | None,
    judge_title: str,
    district_name: str | None,
    schema_path: Path | None,
) -> str:
    """YAML text for a new profile extending `parent`; a judge profile when `judge_name` is given."""
    kind = ProfileKind.judge if judge_name else ProfileKind.district
    name = parent.name if kind == ProfileKind.judge or not district_name else district_name
    out: list[str] = []
    add = out.append
    if schema_path is not None:
        add(f"# yaml-language-server: $schema={schema_path.as_uri()}")
    add(f"# Starter profile for '{profile_id}', written by `poassembler jurisdictions new`.")
    add(f"# It inherits everything from '{parent.id}' ({' → '.join(parent.chain)}): write here only what this")
    add("# " + ("judge" if kind == ProfileKind.judge else "court") + " does differently. Lines starting with # are comments; uncomment and edit.")
    add("# Check it:  poassembler --library YOUR-LIBRARY validate      See the result:  poassembler --library YOUR-LIBRARY jurisdictions show " + (f"{parent.id} --judge {profile_id.removeprefix(parent.id + '-')}" if kind == ProfileKind.judge else profile_id))
    add("")
    add(f"id: {profile_id}" + " " * max(1, 24 - len(profile_id)) + f"# must equal the file name ({profile_id}.yaml): lower-case letters, digits, hyphens")
    add(f"extends: {parent.id}" + " " * max(1, 19 - len(parent.id)) + "# the profile this one builds on: federal → district → judge")
    add(f"kind: {kind.value}" + " " * max(1, 22 - len(kind.value)) + "# federal | district | judge")
    add(f"name: {_q(name)}" + "   # the court's name" + ("; a judge profile repeats its district's" if kind == ProfileKind.judge else ""))
    if kind == ProfileKind.judge:
        add("judge:")
        add(f"  name: {_q(judge_name or '')}")
        add(f"  title: {_q(judge_title)}   # e.g. \"United States District Judge\"")
        add("  initials: \"\"        # as they appear in case numbers (e.g. \"SSx\"); shown when format.judge_initials_in_caption is true")
        add(f"# Drafts use this profile when the answers file says  court: {parent.id}  and  judge: {profile_id.removeprefix(parent.id + '-')}")
    add("")
    caption = list(parent.caption_lines)
    if kind == ProfileKind.district and district_name:
        caption = ["UNITED STATES DISTRICT COURT", district_name.upper()]
        add(f"caption_lines: [{', '.join(_q(c) for c in caption)}]   # the court's name as the caption shows it")
    else:
        add(f"# caption_lines: [{', '.join(_q(c) for c in caption)}]   # inherited; the court's name as the caption shows it")
    add(f"# circuit: {parent.circuit if parent.circuit is not None else 'null'}              # the court of appeals (decides e.g. the Ninth Circuit sealing standard)")
    add(f"# case_number_pattern: {_q(parent.case_number_pattern or '')}   # a regular expression every case number must match (inherited)")
    add(f"# case_number_example: {_q(parent.case_number_example or '')}")
    add("")
    add("# Rules cited, by name; clause text shows them as {{ citations.NAME.cite }}. Every citation needs")
    add("# `cite`, `source` (a URL or \"seed NNN\") and `verified` (false = \"verify before filing\" in every draft).")
    add("# Override an inherited one by giving the same name; remove it with  NAME: null.  Inherited now:")
    for cname, entry in sorted(parent.citations.items()):
        add(f"#   {cname}: {entry.value.cite}  [{entry.origin}]")
    add("citations: {}")
    add("#  sealing:")
    add("#    cite: \"L.R. 79-5\"")
    add("#    title: \"Filing under seal\"")
    add("#    source: \"https://www.example.uscourts.gov/local-rules\"")
    add("#    verified: false")
    add("#    note: \"what to check before filing\"")
    add("")
    add("# Time periods; clause text shows them as {{ periods.NAME.value }}. Same rules as citations")
    add("# (value, unit, source, verified, note). Inherited now:")
    for pname, entry in sorted(parent.periods.items()):
        add(f"#   {pname}: {entry.value.value} {entry.value.unit}  [{entry.origin}]")
    add("periods: {}")
    add("#  final_disposition_days: {value: 60, unit: days, source: \"https://…\", verified: false}")
    add("")
    add("# The legend of each confidentiality tier (confidential, highly_confidential_aeo, source_code). Inherited now:")
    for tier, label in parent.tier_labels.items():
        add(f"#   {tier}: {_q(label)}")
    add("tier_labels: {}")
    add("")
    add("# Clauses: clause id → required | optional | excluded (overrides the parent's entry for that id).")
    add("# `optional` clauses go in when the answers choose them. To replace a clause, exclude the")
    add("# inherited one and require your own (a clauses/NEW_ID.yaml in your library folder).")
    add("# `poassembler clauses list` shows every clause id. Inherited now:")
    for cid, entry in sorted(parent.clauses.items()):
        add(f"#   {cid}: {entry.value.value}  [{entry.origin}]")
    add("clauses: {}")
    add("")
    fmt = parent.format
    add("# Format; anything left out is inherited. Inherited now:")
    add(f"#   template: {fmt.template}          # a Word template in templates/ (name without .docx); a library folder's wins")
    add(f"#   font_name: {_q(fmt.font_name)}")
    add(f"#   font_size_pt: {fmt.font_size_pt:g}            # 8 to 16")
    add(f"#   title: {_q(fmt.title)}")
    add(f"#   short_title: {_q(fmt.short_title)}   # footer")
    add(f"#   proposed_order: {str(fmt.proposed_order).lower()}       # \"[PROPOSED]\" before ORDER in the caption")
    add(f"#   caption_notes: [{', '.join(_q(n) for n in fmt.caption_notes)}]     # e.g. \"DISCOVERY MATTER\"")
    add(f"#   judge_initials_in_caption: {str(fmt.judge_initials_in_caption).lower()}")
    add("format: {}")
    add("")
    add("# Notes shown by `jurisdictions show` (standing orders to read, practices to follow).")
    add("notes: []")
    return "\n".join(out) + "\n"
