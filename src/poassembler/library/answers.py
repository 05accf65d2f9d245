"""The case facts an order needs (`Answers`), and loading them from an answers file.

One validation path: the answers file and the interactive questionnaire both end in `parse_answers`.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from poassembler.errors import BadInput
from poassembler.library.textpolicy import clean_field, field_lines, xml_illegal_character
from poassembler.library.yamlfile import key_lines, read_yaml


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
_PHONE = re.compile(r"^\+?[0-9 ().\-]{7,}( *(x|ext\.?) *[0-9]+)?$", re.IGNORECASE)


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"'{value}' is not an e-mail address (expected name@example.com)")
    return value


def _phone(value: str) -> str:
    if not _PHONE.match(value):
        raise ValueError(f"'{value}' is not a phone number (expected e.g. (213) 555-0100)")
    return value


def _lines(value: Any) -> Any:
    """An address may be written as a list of lines or as one string with line breaks."""
    if isinstance(value, str):
        return field_lines(value)
    return value


Email = Annotated[Text, AfterValidator(_email)]
Phone = Annotated[Text, AfterValidator(_phone)]


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt field must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Role(str, Enum):
    plaintiff = "plaintiff"
    defendant = "defendant"
    non_party = "non_party"
    intervenor = "intervenor"


class Government(str, Enum):
    federal = "federal"
    state = "state"
    local = "local"


class CaseType(str, Enum):
    general = "general"
    patent = "patent"
    software = "software"
    commercial = "commercial"
    civil_rights = "civil_rights"
    employment = "employment"
    prisoner_civil_rights = "prisoner_civil_rights"
    government = "government"


class CategoryKind(str, Enum):
    commercial = "commercial"
    trade_secret = "trade_secret"
    financial = "financial"
    personnel = "personnel"
    personal = "personal"
    health = "health"
    mental_health = "mental_health"
    law_enforcement = "law_enforcement"
    source_code = "source_code"
    other = "other"


class Tier(str, Enum):
    confidential = "confidential"
    highly_confidential_aeo = "highly_confidential_aeo"
    source_code = "source_code"


class Burden(str, Enum):
    """Who applies to the court when a government party will not hold back shared material."""

    requesting_party = "requesting_party"
    government = "government"
    omit = "omit"


class Counsel(Strict):
    name: RequiredText
    bar_number: Text = ""
    firm: Text = ""
    address: Annotated[list[Text], BeforeValidator(_lines)] = Field(min_length=1)
    phone: Phone
    email: Email


class Party(Strict):
    name: RequiredText
    role: Role
    government: Government | None = None
    self_represented: bool = False
    counsel: list[Counsel] = Field(default_factory=list)
    # A self-represented party signs for itself and needs its own address and contact.
    address: Annotated[list[Text], BeforeValidator(_lines)] = Field(default_factory=list)
    phone: Phone | None = None
    email: Email | None = None
    inmate_number: Text = ""

    @model_validator(mode="after")
    def _represented_or_not(self) -> "Party":
        if self.self_represented and self.counsel:
            raise ValueError("a self-represented party has no counsel: remove `counsel` or set self_represented: false")
        if not self.self_represented and not self.counsel:
            raise ValueError("give at least one counsel, or set self_represented: true")
        if self.self_represented and not self.address:
            raise ValueError("a self-represented party needs an `address` for the signature block")
        return self


class Case(Strict):
    number: RequiredText
    short_title: Text = ""
    type: CaseType = CaseType.general


class Category(Strict):
    name: RequiredText
    kind: CategoryKind = CategoryKind.other
    description: RequiredText
    harm: RequiredText


class GovernmentSharing(Strict):
    burden: Burden = Burden.requesting_party
    application_business_days: int | None = Field(default=None, ge=1, le=60)


class Options(Strict):
    fre_502d: bool = False
    prosecution_bar: bool = False
    source_code_tier: bool = False
    privacy_act_order: bool = False


class Dates(Strict):
    stipulated: dt.date | None = None


class Answers(Strict):
    """Everything the drafter tells poassembler about one case."""

    court: RequiredText
    judge: Text | None = None
    division: Text = ""
    case: Case
    parties: list[Party] = Field(min_length=2)
    categories: list[Category] = Field(default_factory=list)
    tiers: list[Tier] = Field(default_factory=lambda: [Tier.confidential])
    government_sharing: GovernmentSharing | None = None
    options: Options = Field(default_factory=Options)
    dates: Dates = Field(default_factory=Dates)

    @model_validator(mode="after")
    def _sides(self) -> "Answers":
        roles = {p.role for p in self.parties}
        missing = [r.value for r in (Role.plaintiff, Role.defendant) if r not in roles]
        if missing:
            raise ValueError(f"the parties need at least one {' and one '.join(missing)}")
        if not self.tiers:
            raise ValueError("choose at least one protection tier (e.g. confidential)")
        if len(set(self.tiers)) != len(self.tiers):
            raise ValueError("each tier may be listed once")
        return self

    def parties_with(self, role: Role) -> list[Party]:
        return [p for p in self.parties if p.role == role]


def field_path(loc: tuple) -> str:
    """('parties', 2, 'counsel', 0, 'email') → 'parties[2].counsel[0].email'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def _messages(exc: ValidationError, lines: dict[tuple, int] | None = None) -> list[str]:
    problems = []
    for error in exc.errors():
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "missing":
            message = "required, but missing"
        elif error["type"] == "extra_forbidden":
            message = "is not a field poassembler knows (misspelt?)"
        elif error["type"] == "enum":
            message = f"must be one of: {error['ctx']['expected']}"
        elif error["type"] == "string_type" and isinstance(error["input"], (bool, int, float)):
            message = (
                f"must be text, but YAML read {error['input']!r}; put the value in quotes "
                "(e.g. \"0123456\") so it is kept exactly as typed"
            )
        line = _line_for(loc, lines or {})
        where = f"line {line}: " if line else ""
        problems.append(f"{where}{field_path(loc)}: {message}")
    return problems


def _line_for(loc: tuple, lines: dict[tuple, int]) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def parse_answers(
    data: Any, source: str = "answers", lines: dict[tuple, int] | Callable[[], dict[tuple, int]] | None = None
) -> Answers:
    """Validate raw answers (from a file or from prompts); every problem is listed at once.

    `lines` maps field paths to file lines (or is a function giving that map, called only on an error).
    """
    if data is None:
        raise BadInput(f"{source}: the answers are empty.", hint="Start from a file in samples/ and fill in the case.")
    if not isinstance(data, dict):
        raise BadInput(f"{source}: expected a mapping of fields (court:, case:, parties: …), found {type(data).__name__}.")
    try:
        return Answers.model_validate(data)
    except ValidationError as exc:
        problems = _messages(exc, lines() if callable(lines) else lines)
        raise BadInput(
            f"{source}: {len(problems)} problem{'s' if len(problems) != 1 else ''} in the answers.",
            problems,
            hint="Correct these fields and run the command again (see samples/ for complete examples).",
        ) from None


def load_answers(path: Path) -> Answers:
    """Read and validate an answers file."""
    data = read_yaml(path, BadInput)
    return parse_answers(data, str(path), lambda: key_lines(path))


def answers_to_yaml_data(answers: Answers) -> dict[str, Any]:
    """Plain data for writing an answers file back out (enums as their values, dates as dates)."""
    return answers.model_dump(mode="json", exclude_none=True)
