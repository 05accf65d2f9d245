"""Which library folders to use: `--library` > POASSEMBLER_LIBRARY > a config file.

Config files (the first found wins), each a TOML file with `library = ["folder", …]`:
`./poassembler.toml`, `./.poassembler.toml`, then `$XDG_CONFIG_HOME/poassembler/config.toml`
(default `~/.config/poassembler/config.toml`). Relative folders are relative to the config file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from poassembler.errors import BadInput

LOCAL_CONFIG_NAMES = ("poassembler.toml", ".poassembler.toml")


@dataclass(frozen=True)
class LibrarySetting:
    """The extra library folders and where that choice came from (for messages)."""

    folders: tuple[Path, ...]
    origin: str  # "--library", "POASSEMBLER_LIBRARY", a config file's path, or "" (built-in only)

    @property
    def notice(self) -> str:
        """What to tell the user when a config file in the current folder (perhaps a hidden one, or
        one that came with a downloaded folder) changes the library; empty otherwise."""
        origin = Path(self.origin) if self.origin else None
        if origin is None or origin.name not in LOCAL_CONFIG_NAMES or not self.folders:
            return ""
        return f"note: using library folder(s) {', '.join(str(f) for f in self.folders)} (from {origin})."


def user_config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "poassembler" / "config.toml"


def config_candidates(cwd: Path | None = None) -> list[Path]:
    here = cwd or Path.cwd()
    return [here / name for name in LOCAL_CONFIG_NAMES] + [user_config_path()]


def read_config_library(path: Path) -> tuple[Path, ...]:
    """The `library` folders a config file names (relative ones resolved against its folder)."""
    try:  # imported here: most runs have no config file
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    from poassembler.library.yamlfile import read_text

    text = read_text(path, BadInput, "config file", limit=2**20)  # a regular file of at most 1 MB
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"{path}: not valid TOML ({exc}).", hint="Write e.g. library = [\"../firm-library\"].") from None
    value = data.get("library", [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadInput(f"{path}: `library` must be a folder or a list of folders, e.g. library = [\"firm-library\"].")
    unknown = sorted(set(data) - {"library"})
    if unknown:
        raise BadInput(f"{path}: unknown setting(s) {', '.join(unknown)}; the only setting is `library`.")
    return tuple((path.parent / Path(v).expanduser()).resolve() for v in value)


def library_setting(cli_folders: tuple[Path, ...], from_env: bool, cwd: Path | None = None) -> LibrarySetting:
    """Apply the precedence: folders given with --library (or, when `from_env`, the environment
    variable that click read into the same option) win; otherwise the first config file found."""
    if cli_folders:
        return LibrarySetting(tuple(cli_folders), "POASSEMBLER_LIBRARY" if from_env else "--library")
    for candidate in config_candidates(cwd):
        if candidate.is_file():
            return LibrarySetting(read_config_library(candidate), str(candidate))
    return LibrarySetting((), "")
