"""The text policy for everything a user types: kept exactly, except what Word cannot store.

- Control characters XML 1.0 cannot carry (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F), lone
  surrogates and U+FFFE/U+FFFF are **rejected** with a message naming the field: a .docx holding one
  will not open in Word, and silently dropping a character could change a name. The check comes
  before anything else touches the text, so none of them is trimmed away or read as a line break.
- Line endings are normalised: "\\r\\n" and a lone "\\r" become "\\n" (XML would do the same on reading).
- Leading and trailing whitespace of a field is trimmed; tabs and line breaks inside are kept (Word shows
  them as a tab and a line break). Only "\\n" separates the lines of a multi-line field (an address).
- A field holds at most `MAX_FIELD_CHARS` characters; a longer one is refused, never cut short.
"""

from __future__ import annotations

import re

MAX_FIELD_CHARS = 100_000
"""The longest text one answer may hold (about 30 pages; a party's name is under 200)."""

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def xml_illegal_character(text: str) -> str | None:
    """The first character in `text` that XML 1.0 (and so Word) cannot store, or None."""
    match = _XML_ILLEGAL.search(text)
    return match.group() if match else None


def normalise_line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def field_problem(text: str) -> str | None:
    """Why `text` (as typed) cannot be an answer, or None: a character Word cannot store, or too long."""
    bad = xml_illegal_character(text)
    if bad:
        return (
            f"contains the control character U+{ord(bad):04X}, which Word cannot store; "
            "delete it (it often comes from text pasted out of a PDF)"
        )
    if len(text) > MAX_FIELD_CHARS:
        return f"is {len(text):,} characters long; an answer may hold at most {MAX_FIELD_CHARS:,}"
    return None


def clean_field(text: str) -> str:
    """The text policy applied to one typed answer: checked first, then line endings and ends tidied.

    Raises ValueError (the message, without the field's name) for text the policy refuses.
    """
    problem = field_problem(text)
    if problem:
        raise ValueError(problem)
    return normalise_line_endings(text).strip()


def field_lines(text: str) -> list[str]:
    """A multi-line answer (an address) as its non-blank lines; only a line break separates lines."""
    return [line.strip() for line in clean_field(text).split("\n") if line.strip()]


def for_terminal(text: str) -> str:
    """`text` safe to print: control characters (escape sequences, bells) shown as \\xNN, line breaks kept."""
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
