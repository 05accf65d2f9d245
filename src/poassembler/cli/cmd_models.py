"""`poassembler models list | show COURT | fetch COURT`: the courts' model orders the profiles record."""

from __future__ import annotations

from pathlib import Path

import click


@click.group("models")
def models() -> None:
    """Courts' model protective orders: where they are, how the profile maps them, a local copy."""


@models.command("list")
@click.pass_obj
def models_list(state) -> None:
    """One line per court profile that names a model order."""
    library = state.library().profiles
    found = False
    for pid in library.ids():
        model = library.profiles[pid].model_order
        if model is None:
            continue
        found = True
        flags = ", ".join(f for f, on in (("follow its order", model.follow_order), ("redline required", model.redline_required),
                                          ("explain departures", model.explanation_required)) if on)
        click.echo(f"{pid:<10} {model.title} — {model.url}" + (f"  [{flags}]" if flags else ""))
    if not found:
        click.echo("No profile names a model order.")


@models.command("show")
@click.argument("court")
@click.pass_obj
def models_show(state, court: str) -> None:
    """COURT's model order: title, URL, version, and each section with the clauses that carry it."""
    from poassembler.library.model_cache import model_of
    from poassembler.review.model_order import section_label

    profile = state.library().profiles.resolve(court)
    model = model_of(profile)
    click.echo(f"{model.title}\n  {model.url}" + (f"\n  version: {model.version}" if model.version else ""))
    click.echo(f"  source: {model.source}" + ("" if model.verified else "  [verify before filing]"))
    if model.applies_when.strip() not in ("", "true"):
        click.echo(f"  governs a case when: {model.applies_when}")
    click.echo(f"  sections recorded: {len(model.sections)}" + ("" if model.complete else " (not the whole model)"))
    for section in model.sections:
        carried = ", ".join(section.clauses) or "no clause"
        added = f"; adds {', '.join(section.added)}" if section.added else ""
        flag = "" if section.verified else "  [verify]"
        click.echo(f"  {section_label(section)} → {carried}{added}{flag}")
    if model.note:
        click.echo(f"  note: {model.note}")


@models.command("fetch")
@click.argument("court")
@click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False), help="Where to keep model copies (default: $POASSEMBLER_CACHE or ~/.cache/poassembler).")
@click.option("--timeout", type=click.FloatRange(min=1), default=30, show_default=True, help="Seconds to wait for the court's server.")
@click.pass_obj
def models_fetch(state, court: str, cache_dir: Path | None, timeout: float) -> None:
    """Download COURT's model order from the profile's URL into the cache, checked against its SHA-256.

    \b
    Exit codes: 0 saved · 3 the file no longer matches the recorded SHA-256 (the court may have revised
    its model) · 4 it could not be downloaded or saved (offline, moved, no write access).
    """
    from poassembler.library.model_cache import fetch, model_of

    profile = state.library().profiles.resolve(court)
    model = model_of(profile)
    result = fetch(profile.id, model, cache_dir, timeout)
    messages = {
        "verified": "matches the SHA-256 recorded in the profile",
        "unchanged": "unchanged since the copy recorded earlier",
        "recorded": "no SHA-256 is recorded in the profile: this one was recorded beside the copy; after checking the "
                    f"file, add `sha256: {result.sha256}` to the profile's model_order",
    }
    click.echo(f"Saved {result.path} (SHA-256 {result.sha256}): {messages[result.status]}.")
    if result.path.suffix.lower() != ".docx":
        click.echo("To redline against it, save a Word (.docx) copy and pass it with `render --redline-against MODEL.docx`.")
