"""No code execution from data: clause text, conditions and Word templates from a user's `--library`
folder are rendered in a Jinja sandbox; profiles and templates are named by id, never by path.

Each hostile file gives one clean BadLibrary message (exit 3) and nothing runs.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml

from conftest import SAMPLES
from cli_inprocess import assert_clean, poassembler

SAMPLE = str(SAMPLES / "segal-cacd.yaml")


def clause_library(root: Path, text: str, **fields) -> Path:
    """A --library folder overriding the built-in `purposes_limitations` clause with `text`."""
    (root / "clauses").mkdir(parents=True)
    clause = {
        "id": "purposes_limitations",
        "heading": "PURPOSES AND LIMITATIONS",
        "order": 100,
        "placement": "body",
        "paragraphs": [{"text": text}],
        **fields,
    }
    (root / "clauses" / "purposes_limitations.yaml").write_text(yaml.safe_dump(clause, allow_unicode=True), encoding="utf-8")
    return root


def word_template(path: Path, *texts: str, title: str = "") -> Path:
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    document.core_properties.title = title
    document.save(str(path))
    return path


def marker_command(marker: Path) -> str:
    return f"touch {marker}"


ESCAPES = [
    "{{ answers.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.system('MARKER') }}",
    "{{ joiner.__init__.__globals__.os.popen('MARKER').read() }}",
    "{{ namespace.__init__.__globals__.os.system('MARKER') }}",
    "{{ lipsum.__globals__['os'].system('MARKER') }}",
    "{{ answers.model_config.__class__.__base__.__subclasses__() }}",
    "{{ self.__init__.__globals__ }}",
    "{{ answers.court.__class__.__mro__ }}",
    "{{ ('a'|attr('__class__')) }}",
    "{{ '{0.__class__}'.format(answers) }}",
    "{% for c in ''.__class__.__mro__[1].__subclasses__() %}{{ c }}{% endfor %}",
]


@pytest.mark.parametrize("payload", ESCAPES, ids=range(len(ESCAPES)))
def test_malicious_clause_text_is_refused_by_the_sandbox(payload, tmp_path, capsys):
    marker = tmp_path / "pwned"
    library = clause_library(tmp_path / "lib", "Hello " + payload.replace("MARKER", marker_command(marker)))
    out = tmp_path / "x.docx"
    result = poassembler("--library", str(library), "render", SAMPLE, "-o", str(out))
    assert_clean(result, 3)
    assert "purposes_limitations.yaml" in result.err
    assert not marker.exists()
    assert not out.exists()


@pytest.mark.parametrize("condition", ["cycler.__init__.__globals__.os.system('MARKER') == 0", "answers.__class__"])
def test_malicious_clause_condition_is_refused(condition, tmp_path, capsys):
    marker = tmp_path / "pwned"
    library = clause_library(tmp_path / "lib", "Hello.", applies_when=condition.replace("MARKER", marker_command(marker)))
    result = poassembler("--library", str(library), "render", SAMPLE, "-o", str(tmp_path / "x.docx"))
    assert_clean(result, 3)
    assert "applies_when" in result.err
    assert not marker.exists()


def test_clause_cannot_change_the_answers(tmp_path, capsys):
    library = clause_library(tmp_path / "lib", "{{ answers.parties.clear() }}Hello.")
    result = poassembler("--library", str(library), "render", SAMPLE, "-o", str(tmp_path / "x.docx"))
    assert_clean(result, 3)
    assert "sandbox" in result.err


@pytest.mark.parametrize("tag", ["{% include '/etc/passwd' %}", "{% extends '../../etc/passwd' %}", "{% import 'os' as os %}"])
def test_clause_cannot_include_files(tag, tmp_path, capsys):
    library = clause_library(tmp_path / "lib", f"Hello {tag}")
    result = poassembler("--library", str(library), "render", SAMPLE, "-o", str(tmp_path / "x.docx"))
    assert_clean(result, 3)
    assert "root:" not in result.err + result.out


@pytest.mark.parametrize(
    "payload",
    [
        "{{ court.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__.os.system('MARKER') }}",
        "{{ caption.plaintiffs.__class__.__base__.__subclasses__() }}",
        "{% include '/etc/passwd' %}",
        "{% extends '../../../etc/passwd' %}",
        "{{ no_such_name }}",
        "{{ court.caption_lines.clear() or '' }}{% for x in ''.__class__.__mro__ %}{% endfor %}",
    ],
)
def test_malicious_word_template_is_refused(payload, tmp_path, capsys):
    marker = tmp_path / "pwned"
    template = word_template(tmp_path / "evil.docx", "Before", payload.replace("MARKER", marker_command(marker)), "After")
    out = tmp_path / "x.docx"
    result = poassembler("render", SAMPLE, "-o", str(out), "--template", str(template))
    assert_clean(result, 3)
    assert "evil.docx" in result.err
    assert "root:" not in result.err
    assert not marker.exists()
    assert not out.exists()


def test_malicious_template_in_a_library_folder_and_in_document_properties(tmp_path, capsys):
    marker = tmp_path / "pwned"
    (tmp_path / "lib" / "templates").mkdir(parents=True)
    for name in ("standard", "pleading"):  # whichever the court's profile names
        word_template(
            tmp_path / "lib" / "templates" / f"{name}.docx",
            "{{ court.name }}",
            title=f"{{{{ cycler.__init__.__globals__.os.system('{marker_command(marker)}') }}}}",
        )
    result = poassembler("--library", str(tmp_path / "lib"), "render", SAMPLE, "-o", str(tmp_path / "x.docx"))
    assert_clean(result, 3)
    assert str(tmp_path / "lib" / "templates") in result.err
    assert not marker.exists()


def _profile_library(root: Path, **overrides) -> Path:
    (root / "jurisdictions").mkdir(parents=True)
    profile = {"id": "evil", "extends": "federal", "kind": "district", "name": "Evil District", **overrides}
    (root / "jurisdictions" / "evil.yaml").write_text(yaml.safe_dump(profile), encoding="utf-8")
    return root


def test_extends_a_path_is_refused(tmp_path, capsys):
    library = _profile_library(tmp_path / "lib", extends="../../etc/passwd")
    result = poassembler("--library", str(library), "jurisdictions", "show", "evil")
    assert_clean(result, 3)
    assert "evil.yaml" in result.err
    assert "'../../etc/passwd' is not a profile id" in result.err
    assert "never by path" in result.err


def test_template_given_as_a_path_is_refused(tmp_path, capsys):
    outside = word_template(tmp_path / "outside.docx", "{{ court.name }}")
    library = _profile_library(tmp_path / "lib", format={"template": f"../../../../../..{outside.with_suffix('')}"})
    result = poassembler("--library", str(library), "jurisdictions", "show", "evil")
    assert_clean(result, 3)
    assert "format.template" in result.err and "never a path" in result.err
