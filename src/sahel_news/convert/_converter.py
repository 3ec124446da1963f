"""The configured cattrs converter (strict structuring, JSON-ready dumping) and `load`.

The converter turns models into dicts and dicts into dataclass twins, and its scalar hooks
state the loading rules for dates and datetimes. `load`, the engine of every loader, runs
the generated fast loader of `sahel_news.convert._fast` and, when it refuses a document,
the detailed loader of `sahel_news.convert._detailed`, which reports every problem.

Loading is strict: JSON types are never coerced (``"1"`` is no int, ``1`` no string, ``0``
no bool); an int is accepted where a float belongs, because JSON has one number type.
"""

from __future__ import annotations

import dataclasses
import math
import re
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

import attrs
from cattrs import Converter
from cattrs.cols import is_sequence
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from sahel_news.convert import _detailed, _fast
from sahel_news.errors import Problem, SchemaVersionError, ValidationError
from sahel_news.models import MODELS, SUPPORTED_SCHEMA_VERSIONS

__all__ = [
    "FAST",
    "TWIN_MODELS",
    "load",
    "require_instance",
    "require_model",
    "structure_date",
    "structure_datetime",
]

T = TypeVar("T")

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
# RFC 3339 date-time: a "T", seconds, optional fraction, and a mandatory offset or Z. RFC
# 3339 (section 5.6) allows a lower-case "t" and "z", and so does the JSON Schema pattern;
# Python's fromisoformat does not, so they are read as upper case.
_DATETIME = re.compile(
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?"
    r"(?P<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})?\Z"
)


def json_type(value: object) -> str:
    """The JSON name of the type of *value* with the value itself, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {'true' if value else 'false'}"
    if isinstance(value, int | float):
        return f"number {value!r}"
    if isinstance(value, str):
        return f"string {_short(value)}"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _wrong(expected: str, value: object) -> ValidationError:
    # An empty relative path: the walker puts it at the path where cattrs met the value.
    return ValidationError.at("", f"expected {expected}, got {json_type(value)}")


def _structure_str(value: Any, _: type) -> str:
    if value.__class__ is str:
        return value
    raise _wrong("a string", value)


def _structure_int(value: Any, _: type) -> int:
    if value.__class__ is int:
        return value
    raise _wrong("an integer", value)


def _structure_float(value: Any, _: type) -> float:
    cls = value.__class__
    if cls is float or cls is int:
        if not math.isfinite(value):
            raise ValidationError.at("", f"expected a finite number, got {value!r}")
        return float(value)
    raise _wrong("a number", value)


def _structure_bool(value: Any, _: type) -> bool:
    if value is True or value is False:
        return value
    raise _wrong("true or false", value)


def structure_date(value: Any, _: object) -> date:
    """*value* as a date if it is a ``YYYY-MM-DD`` string of a real day.

    Raises:
        ValidationError: at an empty path, saying what is wrong.
    """
    if value.__class__ is not str:
        raise _wrong("a date string (YYYY-MM-DD)", value)
    if _DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError as error:
            raise ValidationError.at("", f"{value!r} is not a date: {error}") from None
    raise ValidationError.at("", f"{_short(value)} is not a date (YYYY-MM-DD)")


def structure_datetime(value: Any, _: object) -> datetime:
    """*value* as an aware datetime if it is an RFC 3339 string with an offset.

    Raises:
        ValidationError: at an empty path, saying what is wrong.
    """
    if value.__class__ is not str:
        raise _wrong("a date-time string (ISO 8601 with offset)", value)
    match = _DATETIME.match(value)
    if match is None:
        raise ValidationError.at(
            "", f"{_short(value)} is not a date-time (YYYY-MM-DDTHH:MM:SS+HH:MM)"
        )
    if match.group("offset") is None:
        raise ValidationError.at(
            "", f"{value!r} has no UTC offset; a datetime must be aware (add Z or +HH:MM)"
        )
    try:
        # Only digits, signs, colons, a dot and T/Z can be here: upper() changes just t and z.
        return datetime.fromisoformat(value.upper())
    except ValueError as error:
        raise ValidationError.at("", f"{value!r} is not a date-time: {error}") from None


def _enum_hook(cls: type[Enum]) -> Callable[[Any, type], Enum]:
    members = {member.value: member for member in cls}
    allowed = ", ".join(str(v) for v in members)

    def structure_enum(value: Any, _: type) -> Enum:
        if value.__class__ is cls:
            return value
        if value.__class__ is str:
            member = members.get(value)
            if member is not None:
                return member
            raise ValidationError.at("", f"{_short(value)} is not one of {allowed}")
        raise _wrong(f"one of the strings {allowed}", value)

    return structure_enum


def _model_enums() -> set[type[Enum]]:
    """Every enum class a model field uses, found by walking the models' field types."""
    found: set[type[Enum]] = set()
    seen: set[object] = set()
    pending: list[object] = list(MODELS)
    while pending:
        tp = pending.pop()
        if tp in seen:
            continue
        seen.add(tp)
        if isinstance(tp, type) and issubclass(tp, Enum):
            found.add(tp)
        elif isinstance(tp, type) and attrs.has(tp):
            pending.extend(field.type for field in attrs.fields(attrs.resolve_types(tp)))
        else:
            pending.extend(typing.get_args(tp))
    return found


def _unstructure_float(value: float) -> float:
    if math.isfinite(value):
        return value
    raise ValidationError.at("", f"{value!r} cannot be written: JSON has no non-finite numbers")


def _enum_value(member: Enum) -> Any:
    return member.value


def _is_record(cls: Any) -> bool:
    return isinstance(cls, type) and (attrs.has(cls) or dataclasses.is_dataclass(cls))


def _record_hook(cls: type, converter: Converter) -> Callable[[Any, type], Any]:
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True
    )
    return generated


def _tuple_hook(cls: Any, converter: Converter) -> Callable[[Any, type], tuple[Any, ...]]:
    # In one call: a string must never be read as a tuple of characters.
    item_type = typing.get_args(cls)[0]
    item = converter.get_structure_hook(item_type)

    def structure_tuple_fast(value: Any, _: type) -> tuple[Any, ...]:
        if value.__class__ is not list and value.__class__ is not tuple:
            raise _wrong("an array", value)
        return tuple([item(v, item_type) for v in value])

    return structure_tuple_fast


def _is_optional(tp: Any) -> bool:
    args = typing.get_args(tp)
    return (
        typing.get_origin(tp) in (types.UnionType, typing.Union)
        and len(args) == 2
        and type(None) in args
    )


def _optional_hook(tp: Any, converter: Converter) -> Callable[[Any, type], Any]:
    (inner,) = [arg for arg in typing.get_args(tp) if arg is not type(None)]
    handler = converter.get_structure_hook(inner)

    def structure_optional(value: Any, _: type) -> Any:
        return None if value is None else handler(value, inner)

    return structure_optional


def _unstructure_record(cls: type, converter: Converter) -> Callable[[Any], dict[str, Any]]:
    return make_dict_unstructure_fn(cls, converter)


def _make_converter() -> Converter:
    converter = Converter(detailed_validation=False, forbid_extra_keys=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(date, structure_date)
    converter.register_structure_hook(datetime, structure_datetime)
    for enum in _model_enums():
        # By class, so it wins over the str hook these str-based enums would inherit.
        converter.register_structure_hook(enum, _enum_hook(enum))
        converter.register_unstructure_hook(enum, _enum_value)
    converter.register_structure_hook_factory(is_sequence, _tuple_hook)
    converter.register_structure_hook_factory(_is_optional, _optional_hook)
    converter.register_structure_hook_factory(_is_record, _record_hook)

    converter.register_unstructure_hook(float, _unstructure_float)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_unstructure_hook_factory(_is_record, _unstructure_record)
    converter.register_unstructure_hook_factory(
        is_sequence, lambda t: _list_unstructurer(t, converter)
    )
    return converter


def _list_unstructurer(cls: Any, converter: Converter) -> Callable[[Any], list[Any]]:
    args = typing.get_args(cls)
    if not args:
        return list
    item = converter.get_unstructure_hook(args[0])
    if item is identity:
        return list
    return lambda values: [item(v) for v in values]


FAST = _make_converter()


def _check_schema_version(data: Any, cls: type) -> None:
    if data.__class__ is not dict or "schema_version" not in data:
        return
    if not (attrs.has(cls) and "schema_version" in attrs.fields_dict(cls)):
        return
    version = data["schema_version"]
    if isinstance(version, str) and version not in SUPPORTED_SCHEMA_VERSIONS:
        known = ", ".join(sorted(SUPPORTED_SCHEMA_VERSIONS))
        raise SchemaVersionError(
            [
                Problem(
                    "$.schema_version",
                    f"this document has schema version {version!r}; "
                    f"this version of sahel_news reads {known}",
                    "schema_version",
                    _detailed.short(version),
                )
            ],
            summary="unsupported schema version",
        )


_MODELS = frozenset(MODELS)
# The dataclass twin classes -> their models; filled by sahel_news.convert.dataclasses.
TWIN_MODELS: dict[type, type] = {}


def require_instance(obj: object) -> None:
    """Refuse an *obj* that is neither a model object nor a dataclass twin of one.

    Raises:
        TypeError: if *obj* is of any other type (a programming error, not bad data).
    """
    cls = type(obj)
    if cls not in _MODELS and cls not in TWIN_MODELS:
        raise TypeError(
            f"expected an instance of a sahel_news model (or its dataclass twin), "
            f"got {cls.__name__}"
        )


def require_model(cls: object) -> None:
    """Refuse a *cls* that is not one of the models: a programming error, not bad data.

    Raises:
        TypeError: if *cls* is not one of `sahel_news.models.MODELS`.
    """
    if not (isinstance(cls, type) and cls in _MODELS):
        what = repr(cls) if isinstance(cls, type) else f"{cls!r} (a {type(cls).__name__})"
        names = ", ".join(sorted(model.__name__ for model in MODELS))
        raise TypeError(f"cls must be a model class ({names}), got {what}")


def load(data: Any, cls: type[T], *, check_text: bool = True) -> T:
    """Structure plain data into *cls*, strictly; the engine behind every loader.

    The generated fast loader builds valid documents; on any refusal the detailed loader
    runs to report every problem.

    Args:
        data: the JSON-ready document.
        cls: the model class.
        check_text: check strings for characters no text may hold; False only when the
            caller has ruled them out for the whole document.

    Raises:
        TypeError: if *cls* is not one of the models.
        SchemaVersionError: if *data* declares a schema version this version cannot read.
        ValidationError: listing every problem with its code, JSON path and value.
    """
    require_model(cls)
    _check_schema_version(data, cls)
    try:
        result: T = _fast.loader(cls, check_text=check_text)(data)
    except Exception:  # noqa: BLE001 - any failure is re-run below to be reported in full
        return _load_detailed(data, cls)
    return result


def _load_detailed(data: Any, cls: type[T]) -> T:
    deep = _detailed.depth_problem(data)
    if deep is not None:
        raise ValidationError([deep], summary="too deeply nested")
    result: T = _detailed.load_detailed(data, cls)
    return result
