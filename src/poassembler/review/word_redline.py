"""Redlines: compare two Word documents into one with native tracked changes (w:ins / w:del).

The comparison is python-redlines' Docxodus engine (a self-contained binary shipped in the
`python-redlines-docxodus` wheel); this module only adapts its API and errors to ours.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from poassembler.errors import BadInput, OutputProblem

AUTHOR = "poassembler"
INSTALL_HINT = 'Install the comparison engine with: pip install "python-redlines[docxodus]"'
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class RevisionCount:
    insertions: int
    deletions: int

    @property
    def total(self) -> int:
        return self.insertions + self.deletions


def _docx_bytes(document: bytes | Path, label: str) -> bytes:
    data = document.read_bytes() if isinstance(document, Path) else document
    if not zipfile.is_zipfile(io.BytesIO(data)) or "word/document.xml" not in zipfile.ZipFile(io.BytesIO(data)).namelist():
        raise BadInput(f"{label}: not a Word .docx file.", hint="Compare two .docx files (save a .doc or PDF as .docx first).")
    return data


def redline(original: bytes | Path, modified: bytes | Path, author: str = AUTHOR,
            original_label: str = "original", modified_label: str = "modified") -> bytes:
    """The modified document with every difference from the original as a tracked change by `author`."""
    old = _docx_bytes(original, str(original) if isinstance(original, Path) else original_label)
    new = _docx_bytes(modified, str(modified) if isinstance(modified, Path) else modified_label)
    try:
        from python_redlines.engines import DocxodusEngine, EngineExecutionError, EngineNotInstalledError
    except ImportError:
        raise OutputProblem("The redline engine (python-redlines) is not installed.", hint=INSTALL_HINT) from None
    try:
        engine = DocxodusEngine()
        output, _stdout, _stderr = engine.run_redline(author, old, new)
    except EngineNotInstalledError as exc:
        raise OutputProblem(f"The redline engine cannot run: {exc}", hint=INSTALL_HINT) from None
    except EngineExecutionError as exc:
        detail = (exc.stderr or exc.stdout or "").strip().splitlines()
        raise OutputProblem(
            "The redline engine could not compare the documents.",
            problems=detail[-3:],
            hint="Open both files in Word to check they are intact; then try again.",
        ) from None
    except (OSError, EnvironmentError) as exc:
        raise OutputProblem(f"The redline engine could not be started ({exc}).", hint=INSTALL_HINT) from None
    return output


def count_revisions(document: bytes) -> RevisionCount:
    """How many insertions (w:ins) and deletions (w:del) the document's body carries."""
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(document)).read("word/document.xml"))
    return RevisionCount(len(root.findall(f".//{_W}ins")), len(root.findall(f".//{_W}del")))


def inserted_and_deleted_text(document: bytes) -> tuple[list[str], list[str]]:
    """The text of each insertion and each deletion, in document order."""
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(document)).read("word/document.xml"))
    inserted = ["".join(e.itertext()) for e in root.iter(f"{_W}ins")]
    deleted = ["".join(t.text or "" for t in e.iter(f"{_W}delText")) for e in root.iter(f"{_W}del")]
    return inserted, deleted
