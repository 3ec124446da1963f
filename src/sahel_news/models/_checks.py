"""Reusable attrs validators that raise ValidationError with the field's name as path."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sized
from datetime import datetime
from typing import Any

import attrs

from sahel_news.errors import ValidationError

ID_PATTERN = r"^[a-z0-9][a-z0-9_.:-]{0,127}$"
ALPHA3_PATTERN = r"^[A-Z]{3}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
_ID = re.compile(ID_PATTERN)
#: The largest integer a document may hold (offsets, counts, line numbers): 2**53 - 1, the
#: largest every JSON reader represents exactly (RFC 8259, section 6).
MAX_INT = 2**53 - 1
#: Characters no text field may hold: control characters other than tab and line feed, and
#: lone surrogates (which no UTF-8 writer can encode). As a regex class for both Python's
#: re and ECMA-262, so the JSON Schema can say the same.
BAD_CHARACTERS = r"[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF]"
BAD_TEXT = re.compile(BAD_CHARACTERS)

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _type_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


def _is(value: object, kind: type | tuple[type, ...]) -> bool:
    # bool is an int to Python, but never a valid offset, count or line number here.
    if isinstance(value, bool):
        kinds = kind if isinstance(kind, tuple) else (kind,)
        return bool in kinds
    return isinstance(value, kind)


def _exact_classes(kind: type | tuple[type, ...]) -> frozenset[type]:
    # Values of exactly a listed class pass at the cost of one set look-up, which matters
    # because every field of every model is checked; anything else takes the full test.
    return frozenset(kind if isinstance(kind, tuple) else (kind,))


def typed(kind: type | tuple[type, ...], *, optional: bool = False) -> Validator:
    """A validator that raises TypeError unless the value is a *kind* (or None if *optional*).

    A wrong type is a programming error, so it is a TypeError, not a ValidationError; loaders
    never meet it because they build values of the declared types.
    """

    exact = _exact_classes(kind)

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value.__class__ in exact or (optional and value is None):
            return
        if not _is(value, kind):
            expected = _type_name(kind) + (" or None" if optional else "")
            msg = f"{attribute.name} must be {expected}, got {type(value).__name__} {value!r:.60}"
            raise TypeError(msg)

    check.type_check = True  # type: ignore[attr-defined]
    return check


def tuple_of(kind: type | tuple[type, ...]) -> Validator:
    """A validator that raises TypeError unless the value is a tuple of *kind* items."""

    exact = _exact_classes(kind)

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value.__class__ is tuple and all(item.__class__ in exact for item in value):
            return
        if not isinstance(value, tuple):
            msg = (
                f"{attribute.name} must be a tuple of {_type_name(kind)}, "
                f"got {type(value).__name__}"
            )
            raise TypeError(msg)
        for index, item in enumerate(value):
            if not _is(item, kind):
                msg = (
                    f"{attribute.name}[{index}] must be {_type_name(kind)}, "
                    f"got {type(item).__name__} {item!r:.60}"
                )
                raise TypeError(msg)

    check.type_check = True  # type: ignore[attr-defined]
    return check


def fail(attribute: attrs.Attribute[Any], message: str) -> ValidationError:
    """An error whose path is the attribute's name."""
    return ValidationError.at(attribute.name, message)


def non_empty_text(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """A validator that raises if *value* is empty or only white space."""
    if not value.strip():
        raise fail(attribute, "must not be empty or blank")


def optional_non_empty_text(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Like `non_empty_text`, but None is allowed."""
    if value is not None and not value.strip():
        raise fail(attribute, "must be null or a non-blank string")


def one_line(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """A validator that raises if *value* is blank or holds a line break."""
    if not value.strip():
        raise fail(attribute, "must not be empty or blank")
    if value.splitlines() != [value]:
        raise fail(attribute, "must be a single line (found a line break)")


def identifier(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """A validator that raises unless *value* is a lowercase id (``assimi-goita``, ``e3``)."""
    if not _ID.fullmatch(value):
        raise fail(attribute, f"{value!r} is not an id (lowercase letters, digits, _ . : -)")


def language_code(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """A validator that raises unless *value* is None or an ISO 639 code (``en``, ``fr``)."""
    if value is not None and not _LANGUAGE.fullmatch(value):
        raise fail(attribute, f"{value!r} is not a language code (ISO 639: 'en', 'fr')")


def non_negative(_: object, attribute: attrs.Attribute[Any], value: int) -> None:
    """A validator that raises if *value* is below zero or above `MAX_INT`."""
    if value < 0:
        raise fail(attribute, f"must be 0 or more, got {value}")
    if value > MAX_INT:
        raise ValidationError.at(
            attribute.name, f"must be at most {MAX_INT} (2**53 - 1), got {value}", code="too_large"
        )


def aware(_: object, attribute: attrs.Attribute[Any], value: datetime | None) -> None:
    """A validator that raises if a datetime has no time zone."""
    if value is not None and value.utcoffset() is None:
        raise fail(attribute, f"{value.isoformat()} has no time zone; a datetime must be aware")


def finite(_: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    """A validator that raises if a float is NaN or infinite (JSON cannot hold them)."""
    if value is not None and not math.isfinite(value):
        raise fail(attribute, f"must be a finite number, got {value}")


def min_items(count: int) -> Validator:
    """A validator that raises if a collection has fewer than *count* items."""

    def check(_: object, attribute: attrs.Attribute[Any], value: Sized) -> None:
        if len(value) < count:
            raise fail(attribute, f"needs at least {count} item(s), got {len(value)}")

    return check


def unique_by(key: Callable[[Any], object], what: str) -> Validator:
    """A validator that raises if two items of a collection share the same *key*."""

    def check(_: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        seen: set[object] = set()
        for index, item in enumerate(value):
            k = key(item)
            if k in seen:
                raise ValidationError.at(
                    f"{attribute.name}[{index}]", f"duplicate {what} {k!r}", code="duplicate"
                )
            seen.add(k)

    return check
