"""The command line: the only layer that prints."""

import os

# pydantic looks for plugins by scanning every installed distribution's entry points when it builds its
# first model (~60 ms in a large environment); the command line uses none. A user's own setting wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from poassembler.cli.main import main  # noqa: E402

__all__ = ["main"]
