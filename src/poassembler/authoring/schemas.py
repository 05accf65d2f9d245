"""JSON Schema for each file kind, from the pydantic models (editors complete and check fields with it)."""

from __future__ import annotations

import json
from typing import Any

KINDS = ("answers", "profile", "clause")


def schema_for(kind: str) -> dict[str, Any]:
    from poassembler.library.answers import Answers
    from poassembler.library.clauses import ClauseSpec
    from poassembler.library.profiles import ProfileFile

    model = {"answers": Answers, "profile": ProfileFile, "clause": ClauseSpec}[kind]
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema.setdefault("title", model.__name__)
    return schema


def schema_text(kind: str) -> str:
    """The schema as the committed `schemas/<kind>.schema.json` holds it."""
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"
