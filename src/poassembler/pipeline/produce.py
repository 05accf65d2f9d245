"""The one production path: a planned draft → Word draft, check, memo, redline, PDF — all written or none.

`render` (one file or a batch), `interview` and `preview` all call `produce`; it prints nothing and
returns a `Result` the CLI shows. Steps:

1. every output path is checked before any work (exists without --force, folder, permission);
2. the check runs on the planned draft (its findings are returned, never printed here);
3. each output is made in memory (the PDF in a temp folder) and staged as a temp file beside its target;
4. all are moved into place together (`atomic.Staging`): on any failure none of the new files remains
   and the old ones are untouched.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from poassembler.errors import BadInput, PoError
from poassembler.library.load import Library
from poassembler.pipeline.draft import Draft, render_bytes
from poassembler.review.findings import Finding

REDLINE_BASELINES = ("court-default",)


def sibling(output: Path, suffix: str) -> Path:
    """DRAFT.docx → DRAFT.memo.md, DRAFT.redline.docx, …"""
    return output.with_name(output.stem + suffix)


@dataclass(frozen=True)
class Outputs:
    """What to write for one draft, and how."""

    docx: Path
    force: bool = False
    template: Path | None = None  # a Word template instead of the court's (also used for the redline's baseline)
    memo: bool = False  # DRAFT.memo.md and DRAFT.memo.docx
    redline_against: str | None = None  # "court-default", or a Word copy of the court's model: DRAFT.redline.docx
    pdf: bool = False  # DRAFT.pdf (LibreOffice; without it a warning, not an error)
    check: bool = True  # run the pre-flight check (a preview's placeholder facts skip it)
    deviations: bool = False  # DRAFT.deviations.docx (and a memo table): departures from the court's model order
    from_model: Path | None = None  # the body built on the user's Word copy of the court's model (from_model.py)

    @property
    def model_copy(self) -> Path | None:
        """The user's Word copy of the court's model (`--redline-against MODEL.docx`), else None."""
        if self.redline_against is None or self.redline_against in REDLINE_BASELINES:
            return None
        return Path(self.redline_against)

    @property
    def deviations_path(self) -> Path | None:
        return sibling(self.docx, ".deviations.docx") if self.deviations else None

    @property
    def redline(self) -> Path | None:
        return sibling(self.docx, ".redline.docx") if self.redline_against else None

    @property
    def memo_md(self) -> Path | None:
        return sibling(self.docx, ".memo.md") if self.memo else None

    @property
    def memo_docx(self) -> Path | None:
        return sibling(self.docx, ".memo.docx") if self.memo else None

    @property
    def pdf_path(self) -> Path | None:
        return self.docx.with_suffix(".pdf") if self.pdf else None

    def targets(self) -> list[Path]:
        """Every file this draft writes, in the order they are reported."""
        return [p for p in (self.docx, self.redline, self.deviations_path, self.memo_md, self.memo_docx, self.pdf_path) if p is not None]

    def check_targets(self, answers_file: Path | None = None) -> None:
        """Before any work: a .docx name, not the answers file, and every output writable (exit 2 / 4)."""
        from poassembler.pipeline.atomic import check_targets

        if self.docx.suffix.lower() != ".docx":
            raise BadInput(f"-o {self.docx}: the draft is a Word file; give a name ending in .docx.")
        self.check_model_copy()
        if answers_file is not None and self.docx.exists() and answers_file.exists() and self.docx.resolve() == answers_file.resolve():
            raise BadInput(f"-o {self.docx}: that is the answers file; render never writes over it.")
        check_targets(self.targets(), self.force)

    def check_model_copy(self) -> None:
        """`--redline-against MODEL.docx` and `--from-model MODEL.docx`: the file exists and is a Word file (exit 2 before any work)."""
        if self.from_model is not None:
            from poassembler.review.model_copy import SAVE_AS_WORD

            if not self.from_model.is_file():
                raise BadInput(f"--from-model {self.from_model}: no such file.", hint=SAVE_AS_WORD)
            if self.from_model.suffix.lower() != ".docx":
                raise BadInput(f"--from-model {self.from_model}: the court's model must be a Word .docx copy to build the order from.",
                               hint=SAVE_AS_WORD)
        model = self.model_copy
        if model is not None and not model.is_file():
            raise BadInput(f"--redline-against {model}: no such file.",
                           hint=f"Give {' or '.join(REDLINE_BASELINES)}, or the path of a Word (.docx) copy of the court's model order.")
        if model is not None and model.suffix.lower() != ".docx":
            raise BadInput(f"--redline-against {model}: the court's model must be a Word .docx file to compare against.",
                           hint="Open the court's PDF or .doc in Word and save it as .docx, then pass that file.")


@dataclass(frozen=True)
class Result:
    """What `produce` did: the files written (draft first), the check's findings, warnings; no Draft (it
    crosses process boundaries in a batch, so it holds only plain values)."""

    written: tuple[Path, ...]
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...]  # the profile's warnings; "no LibreOffice, no PDF"
    profile_id: str
    profile_name: str
    sections: int
    unverified: int  # citations and periods of the profile not verified

    @property
    def docx(self) -> Path:
        return self.written[0]


def produce(draft: Draft, library: Library, outputs: Outputs) -> Result:
    """Write every output of one planned draft, or none; raises PoError (nothing written) on failure."""
    from poassembler.pipeline.atomic import check_targets

    check_targets(outputs.targets(), outputs.force)
    findings = run_check(draft) if outputs.check else []
    warnings = list(draft.warnings)
    return _commit(draft, outputs, findings, warnings, make_files(draft, library, outputs, findings, warnings))


def produce_many(planned: list[tuple[Draft, Outputs]], library: Library) -> list[Result | PoError]:
    """Several drafts, each written as `produce` writes it (all its outputs or none), their PDFs made in ONE
    LibreOffice run (`pdf.convert_many`) instead of one run each; for each draft its Result or its error."""
    from poassembler.pipeline.atomic import check_targets
    from poassembler.pipeline.pdf import NoLibreOffice, convert_many

    made: list[PoError | tuple] = []
    for draft, outputs in planned:
        try:
            check_targets(outputs.targets(), outputs.force)
            findings = run_check(draft) if outputs.check else []
            warnings = list(draft.warnings)
            files = list(make_files(draft, library, dataclasses.replace(outputs, pdf=False), findings, warnings))
            made.append((draft, outputs, findings, warnings, files))
        except PoError as exc:
            made.append(exc)
    wanted = [m for m in made if isinstance(m, tuple) and m[1].pdf_path]
    no_pdf = ""
    try:
        pdfs: list = convert_many([(outputs.docx.name, files[0][1]) for _, outputs, _, _, files in wanted]) if wanted else []
    except NoLibreOffice as exc:
        pdfs, no_pdf = [None] * len(wanted), f"{exc.message} {exc.hint}"
    pdf_of = {id(m): pdf for m, pdf in zip(wanted, pdfs)}
    results: list[Result | PoError] = []
    for m in made:
        if isinstance(m, PoError):
            results.append(m)
            continue
        draft, outputs, findings, warnings, files = m
        pdf = pdf_of.get(id(m))
        if isinstance(pdf, PoError):
            results.append(pdf)
            continue
        if pdf is not None:
            files.append((outputs.pdf_path, pdf))
        elif outputs.pdf_path:
            warnings.append(f"{no_pdf} {outputs.docx} was written.")
        try:
            results.append(_commit(draft, outputs, findings, warnings, files))
        except PoError as exc:
            results.append(exc)
    return results


def _commit(draft: Draft, outputs: Outputs, findings: list[Finding], warnings: list[str], files: Iterable[tuple[Path, bytes]]) -> Result:
    """Stage every file of the draft, then move them all into place (or none)."""
    from poassembler.pipeline.atomic import Staging

    with Staging(outputs.force) as staging:
        for path, data in files:
            staging.add(path, data)
        written = staging.commit()
    return Result(
        written=tuple(written),
        findings=tuple(findings),
        warnings=tuple(warnings),
        profile_id=draft.profile.id,
        profile_name=draft.profile.name,
        sections=len(draft.context.sections),
        unverified=len(draft.profile.unverified()),
    )


def run_check(draft: Draft) -> list[Finding]:
    """The pre-flight check's findings for the planned draft, errors first."""
    from poassembler.review.check import check

    return check(draft.answers, draft.profile, draft.selection, draft.scope)  # the draft's clause text, not rendered again


def make_files(draft: Draft, library: Library, outputs: Outputs, findings: list[Finding], warnings: list[str]) -> Iterator[tuple[Path, bytes]]:
    """Each output of the draft in memory, in `outputs.targets()` order: what `produce` writes (a web server
    may send them instead). A PDF that cannot be made for want of LibreOffice is skipped with a line
    appended to `warnings`."""
    docx = render_bytes(draft, library, outputs.template)
    if outputs.check:  # the document check on what was rendered; rules the answers check reported are left out
        from poassembler.pipeline.word_prepared import parts_of
        from poassembler.review.document.checker import check_rendered

        findings += check_rendered(docx, draft.profile, library.profiles, findings, parts_of(docx))  # no unzipping again
    yield outputs.docx, docx
    if outputs.redline:
        yield outputs.redline, redline_bytes(draft, library, docx, outputs.template, outputs.model_copy)
    report = None
    if outputs.deviations:
        from poassembler.review.deviations import build_deviations
        from poassembler.review.word_filing import deviations_docx

        report = build_deviations(draft)
        if report is None:
            warnings.append(f"--deviations: no model order governs this case in the {draft.profile.id} profile; no explanation written.")
        else:
            yield outputs.deviations_path, deviations_docx(report, draft)
    if outputs.memo:
        from poassembler.review.memo import build_memo, memo_markdown
        from poassembler.review.word_memo import memo_docx

        built = build_memo(draft, findings, outputs.redline.name if outputs.redline else None, report, outputs.model_copy)
        yield outputs.memo_md, memo_markdown(built).encode("utf-8")
        yield outputs.memo_docx, memo_docx(built)
    if outputs.pdf_path:
        pdf, warning = pdf_bytes(outputs.docx, docx)
        if pdf is not None:
            yield outputs.pdf_path, pdf
        else:
            warnings.append(warning)


def redline_bytes(draft: Draft, library: Library, docx: bytes, template: Path | None = None, model_copy: Path | None = None) -> bytes:
    """This draft as tracked changes against the court's default draft (both in the same Word template),
    or against the user's Word copy of the court's model order. A draft built on that copy (`--from-model`)
    is compared with the model's own text in the same frame (caption, signatures, format), so the
    redline shows only its departures from the model."""
    from poassembler.review.baseline import court_default_draft
    from poassembler.review.word_redline import redline

    build = draft.model_build
    if build is not None and model_copy is not None and _same_file(model_copy, build.path):
        from poassembler.pipeline.render import render_docx
        from poassembler.pipeline.template_names import template_extras

        model_text = render_docx(template or library.template(draft.profile.format.template), build.baseline,
                                 draft.profile.format, template_extras(draft))
        return redline(model_text, docx, original_label=f"{model_copy} (the model's text in this order's format)")
    if model_copy is not None:
        return redline(model_copy, docx, original_label=str(model_copy))
    baseline = court_default_draft(draft, library)
    return redline(render_bytes(baseline, library, template), docx, original_label="court-default baseline")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def pdf_bytes(docx_path: Path, docx: bytes) -> tuple[bytes | None, str]:
    """(the PDF, "") — or (None, a warning) when LibreOffice is not installed. Other failures raise."""
    import tempfile

    from poassembler.pipeline.pdf import NoLibreOffice, convert_to_pdf

    with tempfile.TemporaryDirectory(prefix="poassembler-pdf-") as work:
        source = Path(work) / docx_path.name
        source.write_bytes(docx)
        try:
            (pdf,) = convert_to_pdf([source], Path(work) / "out")
        except NoLibreOffice as exc:
            return None, f"{exc.message} {exc.hint} {docx_path} was written."
        return pdf.read_bytes(), ""
