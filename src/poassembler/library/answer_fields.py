"""The field types every answers model shares: user text (trimmed, Word-safe), e-mail, phone, address lines,
and the strict base model (an unknown key is an error)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from poassembler.library.textpolicy import (
    clean_field,
    field_lines,
    xml_illegal_character,
)


def _xml_safe(value: str) -> str:
    bad = xml_illegal_character(value)
    if bad:
        raise ValueError(
            f"contains the control character U+{ord(bad):04X}, which Word cannot store; "
            "delete it (it often comes from text pasted out of a PDF)"
        )
    return value


def _strip(value: Any) -> Any:
    """Refuse characters Word cannot store and over-long text, then trim the ends and normalise line
    endings (the text policy in textpolicy.py)."""
    return clean_field(value) if isinstance(value, str) else value


Text = Annotated[str, BeforeValidator(_strip), AfterValidator(_xml_safe)]
"""Free text typed by a user: trimmed, and free of characters Word cannot store."""

RequiredText = Annotated[Text, Field(min_length=1)]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_PHONE_EXTENSION = re.compile(r" *(x|ext\.?) *[0-9]+$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[0-9 ().\-]{7,}( *(x|ext\.?) *[0-9]+)?$", re.IGNORECASE)


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"'{value}' is not an e-mail address (expected name@example.com)")
    return value


def _phone(value: str) -> str:
    digits = sum(c.isdigit() for c in _PHONE_EXTENSION.sub("", value))
    if not _PHONE.match(value) or digits < 10:
        raise ValueError(f"'{value}' is not a phone number (expected area code and number, e.g. (213) 555-0100)")
    return value


def _lines(value: Any) -> Any:
    """An address may be written as a list of lines or as one string with line breaks."""
    if isinstance(value, str):
        return field_lines(value)
    return value


Email = Annotated[Text, AfterValidator(_email)]
Phone = Annotated[Text, AfterValidator(_phone)]
OptionalPhone = Annotated[Text, AfterValidator(lambda value: _phone(value) if value else value)]  # blank: none


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt field must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)
