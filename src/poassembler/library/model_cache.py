"""Local copies of courts' model orders: `poassembler models fetch COURT` downloads the model from the
profile's URL into a cache and checks it against a recorded SHA-256.

The hash recorded in the profile (`model_order.sha256`) wins; without one, the first download records
its hash beside the cached copy (`FILE.sha256`) and later downloads are checked against that. A file
that no longer matches is never put in the cache: the court may have revised its model, and a drafter
must look at the new version before relying on it.
"""

from __future__ import annotations

import hashlib
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from poassembler.errors import BadInput, BadLibrary, OutputProblem
from poassembler.library.profiles import ModelOrder

CACHE_ENV = "POASSEMBLER_CACHE"
TIMEOUT_SECONDS = 30
USER_AGENT = "poassembler (model order fetch)"


@dataclass(frozen=True)
class Fetched:
    path: Path
    sha256: str
    status: str  # "verified" (matches the profile), "unchanged" (matches the recorded copy), "recorded" (first copy)


def cache_root() -> Path:
    """$POASSEMBLER_CACHE, else $XDG_CACHE_HOME/poassembler, else ~/.cache/poassembler."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = Path(os.environ["XDG_CACHE_HOME"]) if os.environ.get("XDG_CACHE_HOME") else Path.home() / ".cache"
    return base / "poassembler"


def cached_path(court: str, model: ModelOrder, root: Path | None = None) -> Path:
    """Where the copy of `court`'s model lives: ROOT/models/COURT/<file name from the URL>."""
    name = Path(urllib.parse.unquote(urllib.parse.urlparse(model.url).path)).name or "model"
    safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name)
    return (root or cache_root()) / "models" / court / safe


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def download(url: str, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The bytes at `url` (http, https or file); one clear error when it cannot be read."""
    scheme = urllib.parse.urlparse(url).scheme
    if scheme not in ("http", "https", "file"):
        raise BadLibrary(f"model_order.url '{url}': only http, https and file URLs can be fetched.")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked above
            return response.read()
    except urllib.error.HTTPError as exc:
        raise OutputProblem(f"could not download the model from {url}: the server answered {exc.code} {exc.reason}.",
                            hint="The court may have moved the file: find it on the court's website and update model_order.url.") from None
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        reason = getattr(exc, "reason", exc)
        raise OutputProblem(f"could not download the model from {url} ({reason}).",
                            hint="Check the network connection (are you offline?), or download the file in a browser "
                                 "and pass a Word copy with `render --redline-against MODEL.docx`.") from None


def fetch(court: str, model: ModelOrder, root: Path | None = None, timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """Download `court`'s model into the cache, checked against the recorded SHA-256."""
    target = cached_path(court, model, root)
    record = target.with_name(target.name + ".sha256")
    data = download(model.url, timeout)
    digest = sha256_of(data)
    expected, where = (model.sha256, "the court profile") if model.sha256 else (
        (record.read_text(encoding="utf-8").split()[0], str(record)) if record.is_file() else (None, ""))
    if expected is not None and digest != expected:
        raise BadLibrary(
            f"the model at {model.url} has changed: its SHA-256 is {digest}, but {where} records {expected}.",
            hint="The court may have revised its model. Read the new version, check the profile's section map against "
                 "it, then record the new hash (model_order.sha256 in the profile, or delete the cached .sha256 file).",
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(data)
        partial.replace(target)
        if not record.is_file():
            record.write_text(f"{digest}  {target.name}\n", encoding="utf-8")
    except OSError as exc:
        raise OutputProblem(f"could not write the model to the cache {target.parent} ({exc.strerror or exc}).",
                            hint=f"Set {CACHE_ENV} to a folder you can write to.") from None
    status = "verified" if model.sha256 else ("unchanged" if expected else "recorded")
    return Fetched(target, digest, status)


def model_of(profile) -> ModelOrder:
    """The profile's model order, or a clear error when the court publishes none the profile knows of."""
    if profile.model_order is None:
        raise BadInput(f"the {profile.id} profile names no model order.",
                       hint="`poassembler models list` shows the courts whose model orders the profiles record.")
    return profile.model_order
