"""Write a file so that readers see the old file or the new one, never half of one."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from poassembler.errors import OutputProblem


def write_atomically(target: Path, data: bytes, force: bool) -> None:
    """Write `data` to `target` through a temp file in the same folder + rename.

    Refuses to replace an existing file unless `force`. On any failure (disk full, permission,
    Ctrl-C) the temp file is removed and `target` is left as it was. The new file gets the usual
    permissions (0666 less the umask), or the replaced file's permissions.
    """
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputProblem(f"{target} is a folder; give a file name.")
    if target.exists() and not force:
        raise OutputProblem(f"{target} already exists.", hint="Choose another name with -o, or add --force to replace it.")
    if folder.exists() and not folder.is_dir():
        raise OutputProblem(f"{folder} is a file, not a folder.", hint="Choose a path inside a folder.")
    if not folder.is_dir():
        raise OutputProblem(f"{folder}: no such folder.", hint="Create the folder first, or choose another path.")
    mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666  # os.open applies the umask
    tmp_path: Path | None = None
    try:
        tmp_path = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
        fd = os.open(tmp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_path, target)
        tmp_path = None
        _sync_folder(folder)
    except PermissionError:
        raise OutputProblem(f"{target}: permission denied.", hint="Choose a folder you can write to.") from None
    except OSError as exc:
        raise OutputProblem(
            f"{target}: could not be written ({exc.strerror or exc}).",
            hint="Check free disk space and the folder, then try again.",
        ) from None
    finally:
        if tmp_path is not None and os.path.lexists(tmp_path):
            os.unlink(tmp_path)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
