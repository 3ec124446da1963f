"""The detailed loader: run when the fast one refuses a document, to name every problem.

It walks the document along the models' field types (so its depth is the models' depth,
whatever the input), collects one `Problem` per fault with a stable code, the JSON path of
the deepest field concerned and the offending value, and goes on after each fault. A record
whose fields all have the right types is built without checks even when some field breaks
a rule, so the rules that relate its parts (spans, references, dates) are checked in the
same pass; only a record whose very structure is broken skips them.
"""

from __future__ import annotations

import math
import re
import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from sahel_news.errors import Problem, ValidationError
from sahel_news.models import _checks
from sahel_news.models._unchecked import unchecked

__all__ = ["MAX_DEPTH", "depth_problem", "json_type", "key_path", "load_detailed", "short"]

#: The deepest nesting of arrays and objects a document may have (the models need 7).
MAX_DEPTH = 64

_BAD = object()  # a value that could not be built; its problems are already recorded


def key_path(path: str, key: object) -> str:
    """The JSON path of *key* in the object at *path*: ``$.name``, or ``$['two words']``."""
    if isinstance(key, str) and key.isidentifier():
        return f"{path}.{key}"
    return f"{path}[{key!r}]"


def short(value: object, budget: int = 60) -> str:
    """*value* as short JSON-like text (at most about *budget* characters), for reports."""
    text = _render(value, 3)
    return text if len(text) <= budget else text[: budget - 1] + "…"


def _render(value: object, depth: int) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        escaped = value[:80].encode("unicode_escape").decode("ascii").replace('"', '\\"')
        return f'"{escaped}"'
    if isinstance(value, int | float):
        return repr(value) if not isinstance(value, int) or abs(value) < 10**30 else "1e30+"
    if isinstance(value, list | tuple):
        if depth == 0 or not value:
            return "[…]" if value else "[]"
        return "[" + ", ".join(_render(item, depth - 1) for item in value[:5]) + "]"
    if isinstance(value, dict):
        if depth == 0 or not value:
            return "{…}" if value else "{}"
        items = list(value.items())[:5]
        return "{" + ", ".join(f"{_render(k, 0)}: {_render(v, depth - 1)}" for k, v in items) + "}"
    return f"<{type(value).__name__}>"


def json_type(value: object) -> str:
    """The JSON name of the type of *value* with the value itself, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {'true' if value else 'false'}"
    if isinstance(value, int | float):
        return f"number {value!r}" if abs(value) < 10**30 else "a number of over 30 digits"
    if isinstance(value, str):
        return f"string {value if len(value) <= 40 else value[:37] + '...'!r}"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def depth_problem(value: object, limit: int = MAX_DEPTH) -> Problem | None:
    """A ``too_deep`` problem at the first value nested deeper than *limit*, or None."""
    pending: list[tuple[object, str, int]] = [(value, "$", 0)]
    while pending:
        item, path, depth = pending.pop()
        if isinstance(item, dict | list | tuple):
            if depth >= limit:
                return Problem(
                    path, f"nested deeper than {limit} arrays and objects", "too_deep", short(item)
                )
            children = item.items() if isinstance(item, dict) else enumerate(item)
            for key, child in children:
                where = key_path(path, key) if isinstance(item, dict) else f"{path}[{key}]"
                pending.append((child, where, depth + 1))
    return None


def _optional_inner(tp: Any) -> Any | None:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (types.UnionType, typing.Union) and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        return inner
    return None


def _validators(field: attrs.Attribute[Any]) -> list[Any]:
    validator = field.validator
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    return list(inner) if inner is not None else [validator]


def _lookup(data: object, relative: str) -> object:
    """The input value at the *relative* path (``events[2].when``) below *data*, or None."""
    for name, index in re.findall(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]", relative):
        if name and isinstance(data, dict):
            data = data.get(name)
        elif index and isinstance(data, list | tuple) and int(index) < len(data):
            data = data[int(index)]
        else:
            return None
    return data


_UNCHECKED: dict[type, Any] = {}


class _Walker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, message: str, code: str, value: object = _BAD) -> None:
        self.problems.append(Problem(path, message, code, None if value is _BAD else short(value)))

    def wrong(self, path: str, expected: str, value: object) -> object:
        self.add(path, f"expected {expected}, got {json_type(value)}", "wrong_type", value)
        return _BAD

    def value(self, tp: Any, data: Any, path: str) -> Any:
        inner = _optional_inner(tp)
        if inner is not None:
            return None if data is None else self.value(inner, data, path)
        if tp is str:
            return self.text(data, path)
        if tp is int:
            return self.integer(data, path)
        if tp is bool:
            return (
                data if data is True or data is False else self.wrong(path, "true or false", data)
            )
        if tp is float:
            return self.number(data, path)
        if tp is date or tp is datetime:
            return self.moment(tp, data, path)
        if isinstance(tp, type) and issubclass(tp, Enum):
            return self.member(tp, data, path)
        if isinstance(tp, type) and attrs.has(tp):
            return self.record(tp, data, path)
        if typing.get_origin(tp) is tuple:
            return self.items(typing.get_args(tp)[0], data, path)
        msg = f"no loader for the type {tp!r}"
        raise TypeError(msg)

    def text(self, data: Any, path: str) -> Any:
        if data.__class__ is not str:
            return self.wrong(path, "a string", data)
        bad = _checks.BAD_TEXT.search(data)
        if bad is not None:
            char = bad.group()
            what = "a lone surrogate" if "\ud800" <= char <= "\udfff" else "a control character"
            self.add(
                path,
                f"holds {what} (U+{ord(char):04X}) at offset {bad.start()}; "
                "text may hold no lone surrogate and no control character but tab and line feed",
                "bad_text",
                data,
            )
            return _BAD
        return data

    def integer(self, data: Any, path: str) -> Any:
        if data.__class__ is int:
            return data
        # JSON has one number type: 3.0 is the integer 3 to JSON Schema, and so to us.
        if data.__class__ is float and math.isfinite(data) and data.is_integer():
            return int(data)
        return self.wrong(path, "an integer", data)

    def number(self, data: Any, path: str) -> Any:
        if data.__class__ is int:
            if abs(data) > _checks.MAX_INT:
                self.add(path, f"must be at most {_checks.MAX_INT} in size", "too_large", data)
                return _BAD
            return float(data)
        if data.__class__ is float:
            if math.isfinite(data):
                return data
            self.add(path, f"expected a finite number, got {data!r}", "bad_value", data)
            return _BAD
        return self.wrong(path, "a number", data)

    def moment(self, tp: type, data: Any, path: str) -> Any:
        from sahel_news.convert import _converter  # noqa: PLC0415 - avoids an import cycle

        structure = _converter.structure_date if tp is date else _converter.structure_datetime
        try:
            return structure(data, tp)
        except ValidationError as error:
            code = "wrong_type" if data.__class__ is not str else "bad_value"
            for problem in error.problems:
                self.add(path, problem.message, code, data)
            return _BAD

    def member(self, tp: type[Enum], data: Any, path: str) -> Any:
        allowed = ", ".join(str(member.value) for member in tp)
        if data.__class__ is tp:
            return data
        if data.__class__ is not str:
            return self.wrong(path, f"one of the strings {allowed}", data)
        for member in tp:
            if member.value == data:
                return member
        self.add(path, f"{json_type(data)[7:]} is not one of {allowed}", "bad_value", data)
        return _BAD

    def items(self, item: Any, data: Any, path: str) -> Any:
        if data.__class__ is not list and data.__class__ is not tuple:
            return self.wrong(path, "an array", data)
        built = [self.value(item, value, f"{path}[{index}]") for index, value in enumerate(data)]
        return _BAD if any(value is _BAD for value in built) else tuple(built)

    def record(self, cls: type, data: Any, path: str) -> Any:
        if data.__class__ is not dict:
            return self.wrong(path, "an object", data)
        fields = attrs.fields(attrs.resolve_types(cls))
        names = {field.name for field in fields}
        values: dict[str, Any] = {}
        complete = True
        before = len(self.problems)
        for field in fields:
            where = key_path(path, field.name)
            if field.name not in data:
                if field.default is attrs.NOTHING:
                    self.add(where, "required field missing", "missing")
                    complete = False
                continue
            value = self.value(field.type, data[field.name], where)
            if value is _BAD:
                complete = False
            else:
                values[field.name] = value
        for key in sorted((k for k in data if k not in names), key=str):
            self.add(key_path(path, key), "unknown key", "unknown_key", data[key])
        self.field_rules(fields, values, data, path)
        if not complete:
            return _BAD
        if len(self.problems) > before:
            # Built without checks, so the rules relating the parts still run and a parent
            # can check its own: the problems are recorded, the document is refused anyway.
            return self.whole_rules(cls, values, data, path)
        try:
            return cls(**values)
        except ValidationError as error:
            self.put(error, data, path)
        return self.unchecked(cls, values)

    def field_rules(
        self,
        fields: tuple[attrs.Attribute[Any], ...],
        values: dict[str, Any],
        data: dict[str, Any],
        path: str,
    ) -> None:
        """Run the rules of each field that was built, whatever happened to the others."""
        instance = types.SimpleNamespace(**values)
        for field in fields:
            if field.name not in values:
                continue
            for validator in _validators(field):
                if getattr(validator, "type_check", False):
                    continue
                try:
                    validator(instance, field, values[field.name])
                except ValidationError as error:
                    self.put(error, data, path)
                    break
                except AttributeError:  # a rule about a field that was not built
                    continue

    def whole_rules(self, cls: type, values: dict[str, Any], data: Any, path: str) -> Any:
        """Check the rules relating the parts of a record whose parts all have their types."""
        instance = self.unchecked(cls, values)
        post_init = getattr(cls, "__attrs_post_init__", None)
        if post_init is None or instance is _BAD:
            return instance
        try:
            post_init(instance)
        except ValidationError as error:
            # A rule broken by a value already refused would say the same thing twice.
            reported = {problem.path for problem in self.problems}
            fresh = [p for p in error.problems if _join(path, p.path) not in reported]
            if fresh:
                self.put(ValidationError(fresh), data, path)
        except Exception:  # noqa: BLE001, S110 - a rule can fail on values already refused
            pass
        return instance

    @staticmethod
    def unchecked(model: type, values: dict[str, Any]) -> Any:
        build = _UNCHECKED.get(model)
        if build is None:
            build = _UNCHECKED[model] = unchecked(model)
        try:
            return build(**values)
        except TypeError:  # pragma: no cover - every field is there by now
            return _BAD

    def put(self, error: ValidationError, data: Any, path: str) -> None:
        for problem in error.problems:
            value = problem.value
            if value is None and problem.code != "missing":
                found = _lookup(data, problem.path)
                value = None if found is None else short(found)
            joined = _join(path, problem.path)
            self.problems.append(Problem(joined, problem.message, problem.code, value))


def _join(base: str, child: str) -> str:
    if not child or child == "$":
        return base
    child = child.removeprefix("$")
    if child.startswith(("[", ".")):
        return base + child
    return f"{base}.{child}"


def load_detailed(data: Any, cls: type) -> Any:
    """Build *cls* from *data* or raise a ValidationError naming every problem.

    Raises:
        ValidationError: listing every problem found, each with its code, path and value.
    """
    walker = _Walker()
    result = walker.value(cls, data, "$")
    if walker.problems:
        raise ValidationError(walker.problems)
    if result is _BAD:  # pragma: no cover - every refusal records a problem
        msg = "a value was refused without a problem"
        raise AssertionError(msg)
    return result
