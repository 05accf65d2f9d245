"""Why each row of the explanation of departures is there, in words: the answer, case fact or court-profile entry
behind a clause's fate (`deviations.py` builds the rows)."""

from __future__ import annotations

from enum import Enum
from typing import Any

from poassembler.library.profiles import ClauseStatus


def _case_driven(decision) -> bool:
    """Whether the clause is in because of this case (its facts or a choice in the answers)."""
    spec = decision.clause.spec
    if spec.applies_when.strip() != "true":
        return True
    return decision.status == ClauseStatus.optional and spec.chosen_when.strip() != "true"


def _cause(decision, answers) -> str:
    """The answer or profile entry behind a clause's fate, in words."""
    spec = decision.clause.spec
    fields = [f"answers: {o.field} = {_value(answers, o.field)}" for o in spec.options]
    if decision.status is None:
        return "not part of this court's profile"
    if decision.status == ClauseStatus.excluded:
        return f"court profile {decision.origin}: {spec.id} excluded"
    if spec.applies_when.strip() != "true" and "does not apply" in decision.reason:
        return "; ".join(fields) or "the case facts"
    if fields:
        return "; ".join(fields)
    if decision.status == ClauseStatus.required:
        return f"court profile {decision.origin}: {spec.id} required"
    if spec.applies_when.strip() != "true":
        return f"the case facts ({spec.why_applies or spec.applies_when})"
    return decision.reason


def _added_cause(decision, answers) -> str:
    """Why a clause the model lacks is in this draft: the case facts, a choice in the answers, or the court's profile
    (the options that only vary its wording are not the cause)."""
    spec = decision.clause.spec
    if spec.applies_when.strip() != "true":
        return f"the case facts ({spec.why_applies or spec.applies_when})"
    if decision.status == ClauseStatus.optional and spec.chosen_when.strip() != "true":
        return f"the answers: {spec.chosen_when.strip()}"
    if decision.status == ClauseStatus.required:
        return f"court profile {decision.origin}: {spec.id} required"
    if decision.status == ClauseStatus.optional:
        return f"court profile {decision.origin}: {spec.id} included by default"
    return _cause(decision, answers)


def answer_at(answers, path: str) -> Any:
    """The answer at a dotted path (`options.tiers`), or None where any step is unset."""
    value: Any = answers
    for part in path.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def item_names(values) -> list[str]:
    """The items of a list answer in words: each item's name, else its enum value, else its text."""
    return [getattr(v, "name", None) or (v.value if isinstance(v, Enum) else str(v)) for v in values]


def _value(answers, path: str) -> str:
    value = answer_at(answers, path)
    if value is None:
        return "not set"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        names = item_names(value)
        return f"{len(names)} ({'; '.join(names)})" if names else "none"
    return str(value)


def sentence(text: str) -> str:
    """`text` as a sentence: capital first letter, closing full stop."""
    text = text.strip()
    return (text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")) if text else text



def _sentence_lower(text: str) -> str:
    return text.strip().rstrip(".")
