"""What a Word template's package (the .docx zip) may hold, checked before python-docx opens it.

- **Size**: at most `MAX_PARTS` parts and `MAX_UNPACKED_BYTES` once unpacked (a 4 MB "zip bomb" can
  unpack to gigabytes; real templates are under 1 MB). The sizes the zip declares are the most Python's
  zipfile will ever unpack from each part, so checking them bounds the work.
- **No outside targets**: a relationship with `TargetMode="External"` makes Word fetch something when
  the draft is opened — an attached template (`.dotm` with macros) from a server, a `file:///` path, a
  linked picture or object. Only web and e-mail hyperlinks (`http:`, `https:`, `mailto:`) may point
  outside the document.
"""

from __future__ import annotations

import io
import zipfile
from typing import Iterable

MAX_PARTS = 2_000
MAX_UNPACKED_BYTES = 100 * 1024 * 1024

_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def package_problems(data: bytes) -> list[str]:
    """What is wrong with a .docx package for use as a template (empty when it is fine or not a zip)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return []  # not a zip: the caller says so in its own words
    with archive:
        items = archive.infolist()
        if len(items) > MAX_PARTS:
            return [f"it holds {len(items):,} parts; a Word template has far fewer (at most {MAX_PARTS:,} are read)"]
        unpacked = sum(item.file_size for item in items)
        if unpacked > MAX_UNPACKED_BYTES:
            return [
                f"it unpacks to {unpacked / 2**20:,.0f} MB from {len(data) / 2**20:,.1f} MB (at most "
                f"{MAX_UNPACKED_BYTES // 2**20} MB): a damaged file or a zip bomb"
            ]
        return list(_external_targets(archive, (i for i in items if i.filename.endswith(".rels"))))


def _external_targets(archive: zipfile.ZipFile, rels: Iterable[zipfile.ZipInfo]) -> Iterable[str]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    for item in rels:
        try:
            root = etree.fromstring(archive.read(item), parser=parser)
        except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError):
            yield f"{item.filename} is damaged (not readable XML)"
            continue
        for rel in root.iter(_RELS):
            if rel.get("TargetMode") != "External":
                continue
            target, kind = rel.get("Target", ""), rel.get("Type", "")
            if kind == _HYPERLINK and target.lower().startswith(_SAFE_SCHEMES):
                continue
            name = kind.rsplit("/", 1)[-1] or "a relationship"
            yield (
                f"{item.filename} points outside the document ({name} → {target[:120]}); Word would fetch it when "
                "the draft is opened. Remove it (for an attached template: Developer › Document Template)"
            )
