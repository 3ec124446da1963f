"""Models to JSON text and back; orjson when it is installed, the standard library otherwise.

Both back ends write compact UTF-8 JSON (no ASCII escaping) and read strictly: NaN and
Infinity are refused, as are bytes that are not UTF-8 and objects that repeat a key (JSON
parsers disagree on which of the repeated values wins, so sahel_news picks none). A UTF-8
byte order mark at the start is skipped, as the capture parser does.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any, TypeVar

from sahel_news.convert import _fast
from sahel_news.convert._converter import (
    FAST,
    load,
    require_instance,
    require_model,
)
from sahel_news.convert._detailed import MAX_DEPTH, depth_problem, key_path
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
_UTF8_C1 = range(0x80, 0xA0)  # the second byte of U+0080 to U+009F after 0xC2


def _has_unicode_escape(data: bytes) -> bool:
    """Whether JSON *data* holds a ``\\u`` escape (searching single bytes is what is fast)."""
    index = data.find(b"\\")
    while index != -1:
        if data[index + 1 : index + 2] == b"u":
            return True
        index = data.find(b"\\", index + 2)
    return False


def _has_c1_control(data: bytes) -> bool:
    """Whether UTF-8 *data* holds a raw C1 control character (bytes C2 80 to C2 9F).

    With `_has_unicode_escape`, this says whether a string of JSON *data* may hold a
    character no text may hold: raw control characters are not JSON, so only an escape or
    a raw C1 control can bring one in, and a document with neither (most) needs no check
    of each string.
    """
    index = data.find(b"\xc2")
    while index != -1:
        if data[index + 1 : index + 2] and data[index + 1] in _UTF8_C1:
            return True
        index = data.find(b"\xc2", index + 1)
    return False


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
    dump = _fast.dumper(type(obj))
    data = FAST.unstructure(obj) if dump is None else dump(obj)
    if orjson is not None:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 if indent else 0).decode()
    if indent:
        return json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2)
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _not_json(message: str, code: str = "not_json") -> ValidationError:
    return ValidationError([Problem("$", message, code)], summary="not JSON")


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
        problems.extend(
            Problem(key_path(path, key), "key repeated", "repeated_key") for key in value.repeated
        )
        for key, item in value.items():
            problems.extend(_repeated_keys(item, key_path(path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            problems.extend(_repeated_keys(item, f"{path}[{index}]"))
    return problems


def _too_deep() -> ValidationError:
    return _not_json(f"nested deeper than {MAX_DEPTH} arrays and objects", "too_deep")


def _refuse_repeated_keys(text: str) -> None:
    parsed = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_Object)
    deep = depth_problem(parsed)
    if deep is not None:
        raise ValidationError([deep], summary="too deeply nested")
    problems = _repeated_keys(parsed)
    if problems:
        raise ValidationError(problems, summary="a JSON object repeats a key")


def _may_repeat_keys(data: bytes, parsed: Any, *, escapes: bool) -> bool:
    """Whether *data* may hold an object with a repeated key that parsing kept only once.

    A repeated key is dropped from *parsed*, so writing *parsed* back cannot give *data*
    again: when it does (compact JSON as sahel_news and orjson write it), no key repeats.
    Otherwise colons are counted: each key of *data* has its colon, and so has each key
    orjson writes for *parsed*; other colons are inside strings, in both (orjson writes a
    colon as itself), so a dropped key leaves *data* with more. A ``\\u`` escape
    (*escapes*) might hide a colon: that case is left to the exact check.
    """
    written = orjson.dumps(parsed)
    if written == data:
        return False
    return escapes or data.count(b":") != written.count(b":")


def _text(data: str | bytes) -> str:
    return data if isinstance(data, str) else _decode(data)


@contextlib.contextmanager
def _json_errors(data: str | bytes) -> Iterator[None]:
    """Turn what a JSON parser raises on *data* into a ValidationError saying where."""
    try:
        yield
    except ValidationError:
        raise
    except RecursionError:
        raise _too_deep() from None
    except json.JSONDecodeError as error:  # orjson's error is a subclass
        if not isinstance(data, str):
            _decode(data)  # name the offending byte when the bytes are not UTF-8
        raise _not_json(
            f"not valid JSON: line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    except ValueError as error:
        raise _not_json(f"not valid JSON: {error}") from None


def _parse(data: str | bytes, *, escapes: bool = True) -> Any:
    with _json_errors(data):
        if orjson is not None and isinstance(data, bytes):
            try:
                parsed = orjson.loads(data)
            except orjson.JSONDecodeError:
                # The standard library says where, and reads what orjson cannot (2**64).
                return _parse_stdlib(data)
            try:
                if _may_repeat_keys(data, parsed, escapes=escapes):
                    _refuse_repeated_keys(_text(data))
            except orjson.JSONEncodeError:  # nested deeper than orjson writes
                deep = depth_problem(parsed)
                if deep is not None:
                    raise ValidationError([deep], summary="too deeply nested") from None
                _refuse_repeated_keys(_text(data))
            return parsed
        return _parse_stdlib(data)


def _parse_stdlib(data: str | bytes) -> Any:
    with _json_errors(data):
        text = _text(data)
        try:
            return json.loads(
                text, parse_constant=_refuse_constant, object_pairs_hook=_plain_object
            )
        except _RepeatedKeyError:
            _refuse_repeated_keys(text)
            raise AssertionError("unreachable: a repeated key was seen") from None


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
    if isinstance(data, str):
        try:
            encoded = data.encode()
        except UnicodeEncodeError:  # a lone surrogate: the standard library reads it
            return load(_parse(data.removeprefix(_BOM)), cls)
    else:
        encoded = data
    text = encoded.removeprefix(_BOM_BYTES)
    escapes = _has_unicode_escape(text)
    parsed = _parse(text, escapes=escapes)
    return load(parsed, cls, check_text=escapes or _has_c1_control(text))
