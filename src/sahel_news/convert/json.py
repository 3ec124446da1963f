"""Models to JSON text and back; orjson when it is installed, the standard library otherwise.

Both back ends write compact UTF-8 JSON (no ASCII escaping) and read strictly: NaN and
Infinity are refused, as are bytes that are not UTF-8 and objects that repeat a key (JSON
parsers disagree on which of the repeated values wins, so sahel_news picks none). A UTF-8
byte order mark at the start is skipped, as the capture parser does.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from sahel_news.convert._converter import (
    FAST,
    key_path,
    load,
    require_instance,
    require_model,
)
from sahel_news.errors import Problem, ValidationError

__all__ = ["BACKEND", "from_json", "to_json"]

T = TypeVar("T")

try:
    import orjson
except ImportError:  # pragma: no cover - depends on the environment
    orjson = None  # type: ignore[assignment]

BACKEND = "orjson" if orjson is not None else "json"

_BOM = "\ufeff"
_BOM_BYTES = _BOM.encode()


def to_json(obj: object, *, indent: bool = False) -> str:
    """The JSON text of a model object, as `to_dict` describes it.

    Args:
        obj: an instance of one of the models (or of a dataclass twin).
        indent: indent nested values by two spaces (for people); compact otherwise.

    Raises:
        TypeError: if *obj* is neither a model object nor a twin (a mistake in the calling
            code, not bad data).
        ValidationError: if a float field holds a number JSON cannot carry (NaN, infinity).
    """
    require_instance(obj)
    data = FAST.unstructure(obj)
    if orjson is not None:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 if indent else 0).decode()
    if indent:
        return json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2)
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _not_json(message: str) -> ValidationError:
    return ValidationError([Problem("$", message)], summary="not JSON")


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _not_json(
            f"not UTF-8: byte {error.object[error.start]:#04x} at offset {error.start}"
        ) from None


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it met more than once (on the error path only)."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        repeated: set[str] = set()
        if len(self) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    repeated.add(key)
                seen.add(key)
        self.repeated = sorted(repeated)


class _RepeatedKeyError(Exception):
    """Raised by `_plain_object` to leave the standard library's parser early."""


def _plain_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _RepeatedKeyError
    return found


def _repeated_keys(value: Any, path: str = "$") -> list[Problem]:
    """Every repeated key below *value* (parsed with `_Object`), at its JSON path."""
    problems: list[Problem] = []
    if isinstance(value, _Object):
        problems.extend(Problem(key_path(path, key), "key repeated") for key in value.repeated)
        for key, item in value.items():
            problems.extend(_repeated_keys(item, key_path(path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            problems.extend(_repeated_keys(item, f"{path}[{index}]"))
    return problems


def _refuse_repeated_keys(text: str) -> None:
    parsed = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_Object)
    problems = _repeated_keys(parsed)
    if problems:
        raise ValidationError(problems, summary="a JSON object repeats a key")


def _may_repeat_keys(data: str | bytes, parsed: Any) -> bool:
    """Whether *data* may hold an object with a repeated key that parsing kept only once.

    Each key of *data* has its colon, and so has each key orjson writes for *parsed*;
    other colons are inside strings, in both (orjson writes a colon as itself). A repeated
    key is dropped from *parsed* with its colon, so *data* then has more. A ``\\u`` escape
    might hide a colon: that case is left to the exact check.
    """
    if isinstance(data, str):
        return "\\u" in data or data.count(":") != orjson.dumps(parsed).count(b":")
    return b"\\u" in data or data.count(b":") != orjson.dumps(parsed).count(b":")


def _text(data: str | bytes) -> str:
    return data if isinstance(data, str) else _decode(data)


def _parse(data: str | bytes) -> Any:
    try:
        if orjson is not None:
            parsed = orjson.loads(data)
            if _may_repeat_keys(data, parsed):
                _refuse_repeated_keys(_text(data))
            return parsed
        text = _text(data)
        try:
            return json.loads(
                text, parse_constant=_refuse_constant, object_pairs_hook=_plain_object
            )
        except _RepeatedKeyError:
            _refuse_repeated_keys(text)
            raise AssertionError("unreachable: a repeated key was seen") from None
    except ValidationError:
        raise
    except json.JSONDecodeError as error:  # orjson's error is a subclass
        if not isinstance(data, str):
            _decode(data)  # name the offending byte when the bytes are not UTF-8
        raise _not_json(
            f"not valid JSON: line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    except ValueError as error:
        raise _not_json(f"not valid JSON: {error}") from None


def from_json(data: str | bytes | bytearray | memoryview, cls: type[T]) -> T:
    """The *cls* object a JSON document describes, loaded strictly and validated.

    A byte order mark at the start of *data* is skipped.

    Args:
        data: JSON text, or its UTF-8 bytes.
        cls: the model class to build, one of `sahel_news.models.MODELS`.

    Raises:
        TypeError: if *data* is not text or bytes, or *cls* is not a model class (a mistake
            in the calling code, not bad data).
        SchemaVersionError: if the document's ``schema_version`` is not one this version reads.
        ValidationError: if *data* is not JSON, repeats a key in an object, or listing every
            problem with its JSON path.
    """
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    elif not isinstance(data, str | bytes):
        raise TypeError(f"data must be JSON text or bytes, got {type(data).__name__}")
    require_model(cls)
    text = data.removeprefix(_BOM) if isinstance(data, str) else data.removeprefix(_BOM_BYTES)
    return load(_parse(text), cls)
