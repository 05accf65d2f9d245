"""Shared fixtures: the built-in library, the samples, and a renderer that returns the draft's path."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from poassembler.answers import parse_answers
from poassembler.draft import plan_draft, render_draft
from poassembler.library import load_library

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def library():
    return load_library()


def sample_data(name: str) -> dict:
    """A sample answers file as plain data (a fresh copy each call, safe to edit)."""
    return copy.deepcopy(yaml.safe_load((SAMPLES / name).read_text(encoding="utf-8")))


@pytest.fixture
def render(library, tmp_path):
    """render(data_or_sample_name) → path of the rendered .docx."""
    counter = iter(range(10_000))

    def _render(data, name: str | None = None) -> Path:
        if isinstance(data, str):
            data = sample_data(data)
        draft = plan_draft(parse_answers(data), library)
        out = tmp_path / f"{name or 'draft'}-{next(counter)}.docx"
        return render_draft(draft, library, out, force=False)

    return _render


@pytest.fixture
def plan(library):
    def _plan(data):
        if isinstance(data, str):
            data = sample_data(data)
        return plan_draft(parse_answers(data), library)

    return _plan


# Clause roles the fill-in clauses below need to behave like the real ones (conditions only).
_FILL_IN_CONDITIONS = {
    "hipaa_qpo": {"applies_when": "facts.has_health_records"},
    "nonparty_material": {"applies_when": "true"},
    "privacy_act": {"applies_when": "facts.has_federal_party", "chosen_when": "answers.options.privacy_act_order"},
    "gov_sharing": {"applies_when": "facts.has_government_party and answers.government_sharing is not none "
                                    "and answers.government_sharing.burden.value != 'omit'"},
    "order_entry": {"placement": "order"},
    "order_entry_mad": {"placement": "order"},
    "exhibit_a": {"placement": "exhibit", "heading": "ACKNOWLEDGMENT AND AGREEMENT TO BE BOUND"},
}


@pytest.fixture(scope="session")
def fill_in_dirs(tmp_path_factory) -> list[Path]:
    """`--library` folders with a minimal stand-in for each clause a profile names but the built-in
    library does not have yet (the clause library is being written on main). Empty once every clause
    exists: nothing built in is ever overridden."""
    builtin = load_library()
    names = {c for pid in builtin.profiles.ids() for c in builtin.profiles.profiles[pid].clauses}
    missing = sorted(names - set(builtin.clauses.clauses))
    if not missing:
        return []
    root = tmp_path_factory.mktemp("fill-in-library")
    (root / "clauses").mkdir()
    for order, clause_id in enumerate(missing, start=500):
        spec = {"id": clause_id, "heading": clause_id.upper().replace("_", " "), "order": order, "placement": "body"}
        spec.update(_FILL_IN_CONDITIONS.get(clause_id, {}))
        text = f"Stand-in text for the {clause_id} clause."
        if clause_id == "gov_sharing":
            text += " The producing party may apply to the Court within {{ periods.gov_sharing_application_business_days.value }} business days."
        spec["paragraphs"] = [{"text": text}]
        (root / "clauses" / f"{clause_id}.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return [root]


@pytest.fixture(scope="session")
def complete_library(fill_in_dirs):
    """The built-in library with the fill-ins above (the built-in library itself once it is complete)."""
    return load_library(fill_in_dirs)
