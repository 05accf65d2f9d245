"""PDF copies of drafts through LibreOffice (`soffice --headless --convert-to pdf`), by subprocess only.

Each conversion runs with its own throw-away LibreOffice profile (`-env:UserInstallation=…`), so
parallel runs never fight over one profile, and with a time limit. Several drafts are converted in
one LibreOffice start (`convert_to_pdf([...])`, `convert_many`), which is what makes converting many files fast.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from poassembler.errors import OutputProblem

SOFFICE_NAMES = ("soffice", "libreoffice")
INSTALL_HINT = (
    "Install LibreOffice to get PDFs (Debian/Ubuntu: `apt-get install -y libreoffice-writer-nogui`; "
    "macOS: `brew install --cask libreoffice`), or open the .docx in Word and save it as PDF."
)
TIMEOUT_SECONDS = 180.0
SECONDS_PER_MORE_FILE = 20.0  # a run converting several drafts may take this much longer per further draft


class NoLibreOffice(OutputProblem):
    """LibreOffice is not installed (or not on PATH): no PDF can be made here."""


def find_soffice() -> str | None:
    """The LibreOffice program on PATH, or None."""
    return next((found for name in SOFFICE_NAMES if (found := shutil.which(name))), None)


def convert_to_pdf(docx_files: list[Path], outdir: Path, timeout: float = TIMEOUT_SECONDS) -> list[Path]:
    """Convert every .docx to outdir/<stem>.pdf in ONE LibreOffice run; return the PDFs' paths.

    Raises NoLibreOffice when soffice is absent, OutputProblem when it fails, times out or leaves a
    file unconverted (LibreOffice exits 0 even then, so every PDF is checked).
    """
    soffice = find_soffice()
    if soffice is None:
        raise NoLibreOffice("LibreOffice (soffice) is not installed, so no PDF was made.", hint=INSTALL_HINT)
    stems = [f.stem for f in docx_files]
    if len(set(stems)) != len(stems):
        raise OutputProblem("convert_to_pdf: two drafts with the same file name would write the same PDF.")
    outdir.mkdir(parents=True, exist_ok=True)
    expected = [outdir / f"{stem}.pdf" for stem in stems]
    for stale in expected:
        stale.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="poassembler-lo-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless", "--norestore", "--nolockcheck",
            "--convert-to", "pdf:writer_pdf_Export",
            # Absolute paths: a draft named "-draft.docx" must never be read by LibreOffice as an option.
            "--outdir", str(outdir.absolute()),
            *[str(f.absolute()) for f in docx_files],
        ]
        completed = _run(command, timeout)
    missing = [str(f) for f, pdf in zip(docx_files, expected) if not pdf.is_file() or pdf.stat().st_size == 0]
    if completed.returncode != 0 or missing:
        detail = (completed.stderr or completed.stdout or "").strip().splitlines()[-3:]
        raise OutputProblem(
            f"LibreOffice could not convert {', '.join(missing) or 'the draft'} to PDF (exit code {completed.returncode}).",
            problems=detail,
            hint="Open the .docx in Word or LibreOffice and save it as PDF by hand; report the problem if the file will not open.",
        )
    return expected


def convert_many(drafts: list[tuple[str, bytes]]) -> list[bytes | OutputProblem]:
    """PDFs of several drafts (.docx file name, bytes) from ONE LibreOffice run, in order; a draft it could
    not convert gets its OutputProblem instead. Starting LibreOffice costs about a second, converting one
    more draft in the same run a fifth of that. Raises NoLibreOffice when LibreOffice is absent."""
    with tempfile.TemporaryDirectory(prefix="poassembler-pdf-") as work:
        sources = []
        for name, data in drafts:
            source = Path(work) / name
            source.write_bytes(data)
            sources.append(source)
        failed: OutputProblem | None = None
        try:
            convert_to_pdf(sources, Path(work) / "out", TIMEOUT_SECONDS + SECONDS_PER_MORE_FILE * (len(sources) - 1))
        except NoLibreOffice:
            raise
        except OutputProblem as exc:  # the drafts it did convert are kept; the others get the problem
            failed = exc
        out: list[bytes | OutputProblem] = []
        for (name, _), source in zip(drafts, sources):
            pdf = Path(work) / "out" / f"{source.stem}.pdf"
            if pdf.is_file() and pdf.stat().st_size:
                out.append(pdf.read_bytes())
            else:
                out.append(OutputProblem(
                    f"LibreOffice could not convert {name} to PDF.",
                    problems=failed.problems if failed else None,
                    hint="Open the .docx in Word or LibreOffice and save it as PDF by hand; report the problem if the file will not open.",
                ))
    return out


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess:
    """Run LibreOffice in its own process group, so a timeout ends it and every child it started."""
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={**os.environ, "SAL_USE_VCLPLUGIN": "svp"},
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise OutputProblem(
            f"LibreOffice did not finish the PDF within {timeout:.0f} seconds; it was stopped.",
            hint="Try again (the first start of LibreOffice is slow), or save the .docx as PDF by hand.",
        ) from None
    except BaseException:  # Ctrl-C, SIGTERM (atomic.Terminated): LibreOffice runs in its own session, so end it here
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
