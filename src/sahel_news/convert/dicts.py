"""Models to JSON-ready dicts and back, through the one configured converter."""

from __future__ import annotations

from typing import Any, TypeVar

from sahel_news.convert._converter import FAST, load

__all__ = ["from_dict", "to_dict"]

T = TypeVar("T")


def to_dict(obj: object) -> dict[str, Any]:
    """The JSON-ready dict of a model object: enums as their values, dates as ISO strings.

    Tuples become lists and every field is written, defaults included, so the dict is
    exactly what `to_json` writes.

    Args:
        obj: an instance of one of the models (or of a dataclass twin).

    Raises:
        ValidationError: if a float field holds a number JSON cannot carry (NaN, infinity).
    """
    result: dict[str, Any] = FAST.unstructure(obj)
    return result


def from_dict(data: Any, cls: type[T]) -> T:
    """The *cls* object a JSON-ready dict describes, loaded strictly and validated.

    Args:
        data: a dict as `to_dict` writes it (or as parsed from JSON).
        cls: the model class to build.

    Raises:
        SchemaVersionError: if the document's ``schema_version`` is not one this version reads.
        ValidationError: listing every problem with its JSON path (``$.events[2].when``).
    """
    return load(data, cls)
