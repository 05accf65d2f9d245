"""`poassembler compare OLD.docx NEW.docx -o REDLINE.docx`: a redline with native Word tracked changes."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("compare")
@click.argument("old", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.argument("new", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True, help="Where to write the redline .docx.")
@click.option("--author", default="poassembler", show_default=True, help="The author name Word shows on each tracked change.")
@click.option("--force", is_flag=True, help="Replace the output file if it already exists.")
def compare(old: Path, new: Path, output: Path, author: str, force: bool) -> None:
    """Write NEW as a Word document whose differences from OLD are tracked changes (accept / reject in
    Word) — e.g. our draft against opposing counsel's mark-up."""
    from poassembler.pipeline.atomic import write_atomically
    from poassembler.errors import BadInput
    from poassembler.review.word_redline import count_revisions, redline

    if output.suffix.lower() != ".docx":
        raise BadInput(f"-o {output}: the redline is a Word file; give a name ending in .docx.")
    if output.exists() and not force:
        from poassembler.errors import OutputProblem

        raise OutputProblem(f"{output} already exists.", hint="Choose another name with -o, or add --force to replace it.")
    data = redline(old, new, author=author)
    write_atomically(output, data, force)
    counts = count_revisions(data)
    click.echo(f"Wrote {output}: {counts.insertions} insertion(s), {counts.deletions} deletion(s) against {old}.")
