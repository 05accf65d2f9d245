"""Answers half-way through an interview, as the `Answers` model, so `CaseFacts` can be derived from them.

A question's `needed_when` uses the same names as a clause's `applies_when` (`answers`, `facts`, …),
but mid-interview the answers do not validate yet (no defendant, a counsel without an e-mail). Here
every field is validated on its own: a valid value is kept, a missing or invalid one becomes the
model's default (or None where the model has none). Whole-model rules (a party needs counsel or to
represent itself) are not applied: they are for the finished answers (`parse_answers`).
"""

from __future__ import annotations

import typing
from functools import lru_cache
from typing import Annotated, Any, Callable

from pydantic import BaseModel, TypeAdapter, ValidationError

from poassembler.library.answers import Answers


def partial_answers(data: Any) -> Answers:
    """The answers so far as an `Answers` object (never raises; see the module docstring)."""
    return partial_item(Answers, data)


def partial_item(model: type[BaseModel], data: Any) -> Any:
    """One list item (a party, a lawyer, a category) so far, the same way. Shared: never modify it."""
    data = data if isinstance(data, dict) else {}
    key = (model, repr(data))
    if key not in _MADE:
        if len(_MADE) > 2048:
            _MADE.clear()
        _MADE[key] = _lenient(model, data)
    return _MADE[key]


_MADE: dict[tuple, Any] = {}


def _lenient(model: type[BaseModel], data: dict) -> Any:
    values: dict[str, Any] = {}
    for name, nested, many, fallback in _fields(model):
        fallback = fallback()
        if name not in data or data[name] is None and nested is not None:
            values[name] = fallback
            continue
        raw = data[name]
        if nested is not None and many:
            values[name] = [_lenient(nested, item) for item in raw if isinstance(item, dict)] if isinstance(raw, list) else fallback
        elif nested is not None:
            values[name] = _lenient(nested, raw) if isinstance(raw, dict) else fallback
        else:
            try:
                values[name] = _adapter(model, name).validate_python(raw)
            except (ValidationError, TypeError, ValueError):
                values[name] = fallback
    return model.model_construct(**values)


@lru_cache(maxsize=None)
def _fields(model: type[BaseModel]) -> tuple[tuple[str, Any, bool, Callable[[], Any]], ...]:
    """(name, nested model, is a list, what stands in when missing) for each field of `model`."""
    out = []
    for name, info in model.model_fields.items():
        nested, many = model_in(info.annotation)
        if not info.is_required():
            fallback = (lambda info=info: info.get_default(call_default_factory=True))
        elif many:
            fallback = list
        elif nested is not None:
            fallback = (lambda nested=nested: _lenient(nested, {}))
        else:
            fallback = (lambda blank=_blank(info.annotation): blank)
        out.append((name, nested, many, fallback))
    return tuple(out)


def _blank(annotation: Any) -> Any:
    """What stands in for a required field not answered yet: "" for text (so names join cleanly), else None."""
    return "" if annotation is str else None


def model_in(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """(Model, is a list) for `Model`, `list[Model]` and `Model | None`; (None, False) otherwise."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is list and args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        return args[0], True
    models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
    if origin is not list and len(models) == 1:
        return models[0], False
    return None, False


@lru_cache(maxsize=None)
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    info = model.model_fields[name]
    annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return TypeAdapter(annotation)
