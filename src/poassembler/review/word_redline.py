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
    """The bytes of a .docx to compare; not a .docx, too large unpacked, or a damaged document.xml is a BadInput."""
    from lxml import etree

    from poassembler.pipeline.word_package import MAX_UNPACKED_BYTES

    if isinstance(document, Path):
        from poassembler.library.yamlfile import read_file_bytes

        data = read_file_bytes(document, BadInput, "Word file", MAX_UNPACKED_BYTES)
    else:
        data = document
    if not zipfile.is_zipfile(io.BytesIO(data)) or "word/document.xml" not in zipfile.ZipFile(io.BytesIO(data)).namelist():
        raise BadInput(f"{label}: not a Word .docx file.", hint="Compare two .docx files (save a .doc or PDF as .docx first).")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(item.file_size for item in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise BadInput(f"{label}: unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB; not a document to compare.")
        try:
            etree.fromstring(archive.read("word/document.xml"), etree.XMLParser(resolve_entities=False, no_network=True))
        except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError) as exc:
            where = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
            raise BadInput(
                f"{label}: the document text (word/document.xml) is damaged{where}: {getattr(exc, 'msg', exc)}.",
                hint="Open it in Word (it offers to repair it), save it as .docx, and compare again.",
            ) from None
    return data


def redline(original: bytes | Path, modified: bytes | Path, author: str = AUTHOR,
            original_label: str = "original", modified_label: str = "modified") -> bytes:
    """The modified document with every difference from the original as a tracked change by `author`."""
    from poassembler.library.textpolicy import field_problem

    problem = field_problem(author) or (None if author.strip() else "is empty")
    if problem or len(author) > 255:
        raise BadInput(f"--author: {problem or 'is longer than 255 characters'}.", hint="Give the name Word should show on each change.")
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
