"""Your own details as a lawyer, saved once and offered in every interview.

Kept in `$XDG_CONFIG_HOME/poassembler/me.yaml` (default `~/.config/poassembler/me.yaml`), next to the
config file. When a lawyer's name typed in the interview is yours, your bar number, firm, address,
phone and e-mail are the defaults (questions/interview.yaml: `me`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from poassembler.library.config import user_config_path

FIELDS = ("name", "bar_number", "firm", "address", "phone", "email")


def me_path() -> Path:
    return user_config_path().parent / "me.yaml"


def load_me(path: Path | None = None) -> dict[str, Any] | None:
    """Your saved details, or None (none saved, or a file that is not a lawyer's details)."""
    path = path or me_path()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("name"), str) or not data["name"].strip():
        return None
    return {k: data[k] for k in FIELDS if k in data}


def save_me(counsel: dict[str, Any], path: Path | None = None) -> Path:
    """Save a lawyer's details as yours (atomically); returns where."""
    from poassembler.pipeline.atomic import write_atomically

    path = path or me_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    details = {k: counsel[k] for k in FIELDS if counsel.get(k) not in (None, "", [])}
    text = "# Your details for `poassembler interview` (offered when you type your name as a lawyer).\n"
    text += yaml.safe_dump(details, sort_keys=False, allow_unicode=True)
    write_atomically(path, text.encode("utf-8"), force=True)
    return path
