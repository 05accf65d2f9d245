"""The text policy for everything a user types: kept exactly, except what Word cannot store.

- Control characters XML 1.0 cannot carry (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F), lone
  surrogates and U+FFFE/U+FFFF are **rejected** with a message naming the field: a .docx holding one
  will not open in Word, and silently dropping a character could change a name.
- Line endings are normalised: "\\r\\n" and a lone "\\r" become "\\n" (XML would do the same on reading).
- Leading and trailing whitespace of a field is trimmed; tabs and line breaks inside are kept (Word shows
  them as a tab and a line break).
"""

from __future__ import annotations

import re

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_illegal_character(text: str) -> str | None:
    """The first character in `text` that XML 1.0 (and so Word) cannot store, or None."""
    match = _XML_ILLEGAL.search(text)
    return match.group() if match else None


def normalise_line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
