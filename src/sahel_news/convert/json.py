"""Models to JSON text and back; orjson when it is installed, the standard library otherwise.

Both back ends write compact UTF-8 JSON (no ASCII escaping) and read strictly: NaN and
Infinity are refused, as are bytes that are not UTF-8.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from sahel_news.convert._converter import FAST, load
from sahel_news.errors import Problem, ValidationError

__all__ = ["BACKEND", "from_json", "to_json"]

T = TypeVar("T")

try:
    import orjson
except ImportError:  # pragma: no cover - depends on the environment
    orjson = None  # type: ignore[assignment]

BACKEND = "orjson" if orjson is not None else "json"


def to_json(obj: object, *, indent: bool = False) -> str:
    """The JSON text of a model object, as `to_dict` describes it.

    Args:
        obj: an instance of one of the models.
        indent: indent nested values by two spaces (for people); compact otherwise.

    Raises:
        ValidationError: if a float field holds a number JSON cannot carry (NaN, infinity).
    """
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


def _decode(data: bytes | bytearray | memoryview) -> str:
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError as error:
        raise _not_json(
            f"not UTF-8: byte {error.object[error.start]:#04x} at offset {error.start}"
        ) from None


def _parse(data: str | bytes) -> Any:
    try:
        if orjson is not None:
            return orjson.loads(data)
        text = data if isinstance(data, str) else _decode(data)
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:  # orjson's error is a subclass
        if not isinstance(data, str):
            _decode(data)  # name the offending byte when the bytes are not UTF-8
        raise _not_json(
            f"not valid JSON: line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    except ValueError as error:
        raise _not_json(f"not valid JSON: {error}") from None


def from_json(data: str | bytes, cls: type[T]) -> T:
    """The *cls* object a JSON document describes, loaded strictly and validated.

    Args:
        data: JSON text, or its UTF-8 bytes.
        cls: the model class to build.

    Raises:
        SchemaVersionError: if the document's ``schema_version`` is not one this version reads.
        ValidationError: if *data* is not JSON, or listing every problem with its JSON path.
    """
    return load(_parse(data), cls)
