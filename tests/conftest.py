"""Shared fixtures: the built-in library, the samples, and a renderer that returns the draft's path."""

from __future__ import annotations

import atexit
import copy
import os
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml

from poassembler.library.answers import parse_answers
from poassembler.pipeline.draft import plan_draft, render_draft
from poassembler.library.load import load_library

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# Compiled Jinja (pipeline/jinja_cache.py) and model copies go to a folder of this test run, not the tester's.
if "POASSEMBLER_CACHE" not in os.environ:
    os.environ["POASSEMBLER_CACHE"] = tempfile.mkdtemp(prefix="poassembler-test-cache-")
    atexit.register(shutil.rmtree, os.environ["POASSEMBLER_CACHE"], True)


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


