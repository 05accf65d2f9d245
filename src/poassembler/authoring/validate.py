"""`poassembler validate`: every problem in profiles, clauses and Word templates, each with its place.

Unlike loading a library (which stops at the first broken file), this reads every file on its own and
keeps going, so one run lists everything to fix: file:line for YAML, the paragraph for Word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from poassembler.errors import BadLibrary, PoError, Problem
from poassembler.library.files import check_inside_library
from poassembler.library.yamlfile import key_lines, line_of, read_yaml

KINDS = ("jurisdictions", "clauses", "templates", "questions")


def shown(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@dataclass
class Sources:
    """The files to read, in override order (built-in first, then each library folder)."""

    profiles: list[Path] = field(default_factory=list)
    clauses: list[Path] = field(default_factory=list)
    templates: list[Path] = field(default_factory=list)
    districts: list[Path] = field(default_factory=list)

    def add_root(self, root: Path) -> None:
        for path in sorted((root / "jurisdictions").glob("*.yaml")):
            (self.districts if path.name.startswith("_") else self.profiles).append(path)
        self.clauses += sorted((root / "clauses").glob("*.yaml"))
        self.templates += sorted((root / "templates").glob("*.docx"))

    def add_file(self, path: Path) -> None:
        if path.suffix.lower() == ".docx":
            self.templates.append(path)
        elif path.parent.name == "clauses" or _looks_like_clause(path):
            self.clauses.append(path)
        elif not path.name.startswith("_"):
            self.profiles.append(path)

    def all_files(self) -> list[Path]:
        return self.profiles + self.clauses + self.templates


def _looks_like_clause(path: Path) -> bool:
    try:
        data = read_yaml(path, BadLibrary)
    except BadLibrary:
        return False
    return isinstance(data, dict) and "paragraphs" in data


def library_root_of(path: Path) -> Path | None:
    """The library folder a path belongs to (it holds jurisdictions/, clauses/ or templates/)."""
    if path.is_dir():
        if any((path / kind).is_dir() for kind in KINDS):
            return path
        if path.name in KINDS:
            return path.parent
        return None
    if path.parent.name in KINDS:
        return path.parent.parent
    return None


def _from_error(exc: PoError) -> list[Problem]:
    """A loader's error → its problems (already placed), or the error itself as one problem."""
    return list(exc.problems) or [Problem(exc.message, exit_code=exc.exit_code)]


def validate(library_dirs: list[Path], paths: list[Path] | None = None) -> list[Problem]:
    """Check the built-in library plus `library_dirs`; with `paths`, report only on those files/folders
    (library folders among them are also used to resolve ids)."""
    from poassembler.library.clauses import load_clause
    from poassembler.library.load import data_root
    from poassembler.authoring.placeholders import KnownNames, check_clause
    from poassembler.library.profiles import ProfileLibrary, _read_profile

    roots = [data_root()] + list(library_dirs)
    lone: list[Path] = []
    for path in paths or []:
        root = library_root_of(path)
        if root is not None and all(root.resolve() != r.resolve() for r in roots):
            roots.append(root)
        elif root is None and path.is_file():
            lone.append(path)
    sources = Sources()
    for root in roots:
        sources.add_root(root)
    for path in lone:
        sources.add_file(path)

    if paths:
        wanted = [p.resolve() for p in paths]
        targets = {f.resolve() for f in sources.all_files() if any(f.resolve() == w or f.resolve().is_relative_to(w) for w in wanted)}
        missing = [p for p in paths if not p.exists()]
        findings = [Problem("no such file or folder", str(p), exit_code=3) for p in missing]
    else:
        targets = {f.resolve() for f in sources.all_files()}
        findings = []

    def report(path: Path) -> bool:
        return path.resolve() in targets

    # Read every file on its own; a broken file is reported and left out of the checks that follow.
    profiles = ProfileLibrary()
    for path in sources.districts:
        try:
            from poassembler.library.profiles import _read_districts

            profiles.districts.update(_read_districts(path))
        except PoError as exc:
            findings += _from_error(exc)
    for path in sources.profiles:
        try:
            profile = _read_profile(path)
        except PoError as exc:
            if report(path):
                findings += _from_error(exc)
            continue
        profiles.profiles[profile.id] = profile
        profiles.paths[profile.id] = path
    clauses = {}
    for path in sources.clauses:
        try:
            clause = load_clause(path)
        except PoError as exc:
            if report(path):
                findings += _from_error(exc)
            continue
        clauses[clause.id] = clause
    template_names = {p.stem for p in sources.templates}

    known = KnownNames.of_profiles(profiles.profiles.values())
    used: dict[str, dict[str, set[str]]] = {}
    for clause in clauses.values():
        result = check_clause(clause.spec, known)
        used[clause.id] = result.used
        if report(clause.path):
            lines = key_lines(clause.path)
            for located in result.problems:
                expr = f"`{located.problem.expression}`: " if located.problem.expression else ""
                findings.append(Problem(f"{expr}{located.problem.message}", shown(clause.path), line_of(lines, located.key) or 1, located.field, 3))

    for pid, profile in profiles.profiles.items():
        path = profiles.paths[pid]
        if report(path):
            findings += _profile_findings(profiles, pid, path, clauses, used, template_names)

    for path in sources.templates:
        if report(path):
            try:
                check_inside_library(path)
            except PoError as exc:
                findings += _from_error(exc)
                continue
            findings += _template_findings(path, known)
    findings += _plan_findings(roots, paths)
    return findings


def _plan_findings(roots: list[Path], paths: list[Path] | None) -> list[Problem]:
    """The interview plan (questions/interview.yaml) of each library folder asked about."""
    from poassembler.interview.plan import PLAN_FILE, read_plan

    wanted = [p.resolve() for p in paths or []]
    out: list[Problem] = []
    for root in roots:
        path = root / PLAN_FILE
        if not path.is_file() or (wanted and not any(path.resolve() == w or path.resolve().is_relative_to(w) for w in wanted)):
            continue
        try:
            read_plan(path)
        except PoError as exc:
            out += _from_error(exc)
    return out


def _profile_findings(profiles, pid: str, path: Path, clauses: dict, used: dict, template_names: set[str]) -> list[Problem]:
    from poassembler.library.profiles import ClauseStatus, ProfileKind

    lines = key_lines(path)
    profile = profiles.profiles[pid]
    out: list[Problem] = []
    for cid in profile.clauses:
        if cid not in clauses:
            from poassembler.library.profiles import _suggest

            out.append(Problem(f"unknown clause id '{cid}' (no clauses/{cid}.yaml in the library){_suggest(cid, sorted(clauses))}", shown(path), line_of(lines, ('clauses', cid)) or 1, "clauses", 3))
    if profile.model_order is not None:
        from poassembler.library.profiles import _suggest

        for section in profile.model_order.sections:
            for cid in [*section.clauses, *section.added]:
                if cid not in clauses:
                    out.append(Problem(f"section '{section.heading}' names unknown clause id '{cid}'{_suggest(cid, sorted(clauses))}",
                                       shown(path), line_of(lines, ('model_order',)) or 1, "model_order", 3))
    if profile.kind == ProfileKind.judge and profile.judge is None:
        out.append(Problem("a judge profile needs `judge:` (name, title)", shown(path), line_of(lines, ('kind',)) or 1, exit_code=3))
    if profile.format.template and profile.format.template not in template_names:
        out.append(Problem(f"no Word template '{profile.format.template}.docx' in any templates/ folder", shown(path), line_of(lines, ('format', 'template')) or 1, "format.template", 3))
    try:
        resolved = profiles.resolve(pid)
    except PoError as exc:
        message = exc.message.removeprefix(f"{path}: ")
        out.append(Problem(message, shown(path), line_of(lines, ('extends',)) or 1, exit_code=3))
        return out
    # Every clause this court may use must find the periods, citations and tier labels it names.
    for cid, entry in resolved.clauses.items():
        if entry.value == ClauseStatus.excluded or cid not in used:
            continue
        for what, have in (("period", resolved.periods), ("citation", resolved.citations), ("tier", resolved.tier_labels)):
            for name in sorted(used[cid].get(what, set()) - set(have)):
                key = ("clauses", cid) if ("clauses", cid) in lines else ()
                plural = {"period": "periods", "citation": "citations", "tier": "tier_labels"}[what]
                out.append(Problem(
                    f"clause '{cid}' ({entry.value.value} via {entry.origin}) uses {plural}.{name}, which the {pid} profile "
                    f"(chain {' → '.join(resolved.chain)}) does not define: add it under `{plural}:` or exclude the clause",
                    shown(path), line_of(lines, key) or 1, exit_code=3,
                ))
    return out


def _template_findings(path: Path, known) -> list[Problem]:
    from poassembler.pipeline.template_names import template_roots
    from poassembler.authoring.word_lint import lint_template

    return [Problem(p.message, shown(path), field=p.where, exit_code=3) for p in lint_template(path, template_roots(known))]
