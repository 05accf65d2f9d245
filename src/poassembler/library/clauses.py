"""The clause library: each clause is reviewable data (YAML with Jinja text), compiled once."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Callable

from pydantic import BaseModel, ConfigDict, Field

from poassembler.errors import BadLibrary
from poassembler.pipeline.expressions import compile_condition, compile_text
from poassembler.library.profiles import Citation
from poassembler.library.files import read_library_file


class Placement(str, Enum):
    """Where a clause goes in the document."""

    preamble = "preamble"
    body = "body"
    attestation = "attestation"
    order = "order"
    exhibit = "exhibit"
    motion = "motion"  # the separate motion that asks for entry (`render --package`), not the order itself


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ParagraphSpec(_Strict):
    text: str = Field(min_length=1)
    level: int = Field(default=2, ge=0, le=3)  # 0 body text, 2 numbered 1.1, 3 lettered (a); 1 is the heading
    when: str | None = None
    repeat: str | None = None  # an expression giving a list; the paragraph is repeated with `item`


class OptionSpec(_Strict):
    field: str
    description: str


class ClauseSpec(_Strict):
    """One clause file as written."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_]*$")
    heading: str = ""
    order: int
    placement: Placement = Placement.body
    applies_when: str = "true"
    chosen_when: str = "true"
    why_applies: str = ""
    why_chosen: str = ""
    authority: list[Citation] = Field(default_factory=list)
    options: list[OptionSpec] = Field(default_factory=list)
    blanks: list[str] = Field(default_factory=list)
    paragraphs: list[ParagraphSpec] = Field(min_length=1)


@dataclass(frozen=True)
class Paragraph:
    spec: ParagraphSpec
    text: Any  # compiled jinja2 Template
    when: Callable[..., Any] | None
    repeat: Callable[..., Any] | None


@dataclass(frozen=True)
class Clause:
    """A clause with its text and conditions compiled, ready to select and render."""

    spec: ClauseSpec
    path: Path
    applies_when: Callable[..., Any]
    chosen_when: Callable[..., Any]
    paragraphs: tuple[Paragraph, ...]

    @property
    def id(self) -> str:
        return self.spec.id

    def where(self, index: int | None = None) -> str:
        return f"{self.path} (paragraph {index + 1})" if index is not None else str(self.path)


@dataclass
class ClauseLibrary:
    """Every clause by id, in document order; a later folder overrides an earlier one by id."""

    clauses: dict[str, Clause] = field(default_factory=dict)

    @classmethod
    def load(cls, folders: list[Path]) -> "ClauseLibrary":
        library = cls()
        for folder in folders:
            if not folder.is_dir():
                raise BadLibrary(f"{folder}: no such clauses folder.")
            for path in sorted(folder.glob("*.yaml")):
                clause = load_clause(path)
                library.clauses[clause.id] = clause
        return library

    def ordered(self) -> list[Clause]:
        return sorted(self.clauses.values(), key=lambda c: (c.spec.order, c.id))

    def __contains__(self, clause_id: str) -> bool:
        return clause_id in self.clauses

    def get(self, clause_id: str) -> Clause:
        return self.clauses[clause_id]


def load_clause(path: Path) -> Clause:
    """Read, validate and compile one clause file."""
    spec = read_library_file(path, ClauseSpec, "a clause", "id:, heading:, paragraphs: …")
    if spec.id != path.stem:
        raise BadLibrary(f"{path}: id '{spec.id}' must match the file name '{path.stem}'.")
    paragraphs = []
    for index, para in enumerate(spec.paragraphs):
        where = f"{path} (paragraph {index + 1})"
        paragraphs.append(
            Paragraph(
                spec=para,
                text=compile_text(" ".join(para.text.split()), where),
                when=compile_condition(para.when, where) if para.when else None,
                repeat=compile_condition(para.repeat, where) if para.repeat else None,
            )
        )
    return Clause(
        spec=spec,
        path=path,
        applies_when=compile_condition(spec.applies_when, f"{path}: applies_when"),
        chosen_when=compile_condition(spec.chosen_when, f"{path}: chosen_when"),
        paragraphs=tuple(paragraphs),
    )
