"""The command line: the only layer that prints."""

from poassembler.cli.main import main

__all__ = ["main"]
