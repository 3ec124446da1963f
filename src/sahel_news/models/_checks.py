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
_ID = re.compile(ID_PATTERN)

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


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
    if "\n" in value or "\r" in value:
        raise fail(attribute, "must be a single line (found a line break)")


def identifier(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """A validator that raises unless *value* is a lowercase id (``assimi-goita``, ``e3``)."""
    if not _ID.fullmatch(value):
        raise fail(attribute, f"{value!r} is not an id (lowercase letters, digits, _ . : -)")


def non_negative(_: object, attribute: attrs.Attribute[Any], value: int) -> None:
    """A validator that raises if *value* is below zero."""
    if value < 0:
        raise fail(attribute, f"must be 0 or more, got {value}")


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
                raise ValidationError.at(f"{attribute.name}[{index}]", f"duplicate {what} {k!r}")
            seen.add(k)

    return check
