"""Write a file so that readers see the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from poassembler.errors import OutputProblem


def write_atomically(target: Path, data: bytes, force: bool) -> None:
    """Write `data` to `target` through a temp file in the same folder + rename.

    Refuses to replace an existing file unless `force`.
    """
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputProblem(f"{target} is a folder; give a file name.")
    if target.exists() and not force:
        raise OutputProblem(f"{target} already exists.", hint="Choose another name with -o, or add --force to replace it.")
    if not folder.is_dir():
        raise OutputProblem(f"{folder}: no such folder.", hint="Create the folder first, or choose another path.")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except PermissionError:
        raise OutputProblem(f"{target}: permission denied.", hint="Choose a folder you can write to.") from None
    except OSError as exc:
        raise OutputProblem(
            f"{target}: could not be written ({exc.strerror or exc}).",
            hint="Check free disk space and the folder, then try again.",
        ) from None
    finally:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
