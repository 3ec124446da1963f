"""Models to JSON-ready dicts and back, through the one configured converter."""

from __future__ import annotations

from typing import Any, TypeVar

from sahel_news.convert import _fast
from sahel_news.convert._converter import FAST, load, require_instance

__all__ = ["from_dict", "to_dict"]

T = TypeVar("T")


def to_dict(obj: object) -> dict[str, Any]:
    """The JSON-ready dict of a model object: enums as their values, dates as ISO strings.

    Tuples become lists and every field is written, defaults included, so the dict is
    exactly what `to_json` writes.

    Args:
        obj: an instance of one of the models (or of a dataclass twin).

    Raises:
        TypeError: if *obj* is neither a model object nor a twin (a mistake in the calling
            code, not bad data).
        ValidationError: if a float field holds a number JSON cannot carry (NaN, infinity).
    """
    require_instance(obj)
    dump = _fast.dumper(type(obj))
    result: dict[str, Any] = FAST.unstructure(obj) if dump is None else dump(obj)
    return result


def from_dict(data: Any, cls: type[T]) -> T:
    """The *cls* object a JSON-ready dict describes, loaded strictly and validated.

    Args:
        data: a dict as `to_dict` writes it (or as parsed from JSON).
        cls: the model class to build, one of `sahel_news.models.MODELS`.

    Raises:
        TypeError: if *cls* is not a model class (a mistake in the calling code, not bad
            data; a *data* of the wrong shape is bad data: ValidationError).
        SchemaVersionError: if the document's ``schema_version`` is not one this version reads.
        ValidationError: listing every problem with its JSON path (``$.events[2].when``).
    """
    return load(data, cls)
