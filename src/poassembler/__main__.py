"""`python -m poassembler` (and the `poassembler` command) run the CLI.

`run` imports the CLI inside a guard: Ctrl-C while Python is still loading click and the commands
ends with "Interrupted." and exit 130, not a traceback. When the command is done, the objects still
alive are frozen out of the garbage collector: the process is ending, and the collection Python makes
at exit would only walk them all once more (a tenth of a cold render's time).
"""

import gc
import sys


def run() -> None:
    try:
        from poassembler.cli.main import main

        main()
    except KeyboardInterrupt:  # before main's own handler is in place
        sys.stderr.write("Interrupted.\n")
        raise SystemExit(130) from None
    finally:
        gc.freeze()


if __name__ == "__main__":
    run()
