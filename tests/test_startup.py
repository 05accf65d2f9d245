"""Start-up: `jurisdictions list` reads the court profiles only — no clause is loaded, Jinja is not imported."""

from __future__ import annotations

from cli_inprocess import in_a_process


def test_jurisdictions_list_loads_no_clause_and_no_jinja():
    result = in_a_process("jurisdictions", "list", python_args=("-X", "importtime"))
    assert result.code == 0, result.err
    imported = {line.rsplit("|", 1)[1].strip() for line in result.err.splitlines() if line.startswith("import time:")}
    assert "poassembler.library.profiles" in imported  # the import log was read
    assert "poassembler.library.clauses" not in imported and "jinja2" not in imported
    assert "cacd-segal" in result.out and "judge" in result.out
