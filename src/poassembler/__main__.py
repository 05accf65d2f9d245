"""`python -m poassembler` runs the same CLI as the `poassembler` command."""

from poassembler.cli.main import main

if __name__ == "__main__":
    main()
