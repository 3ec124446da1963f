"""Standard-library dataclass twins of the models, and conversion both ways.

The twins of the models are the classes of `sahel_news.dataclasses`, written out as source
by ``sahel_news.convert._twins_gen`` so that type checkers see them; `to_dataclass` and
`from_dataclass` are typed there with one overload per model. `twin_of` makes a twin at run
time for any other attrs class. A twin has the same fields, defaults and field order as its
model, is frozen, and names the twins of nested models in its annotations. Twins carry no
validation: `from_dataclass` validates when it builds the model.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import types
import typing
from typing import Any

import attrs

from sahel_news import dataclasses as twins
from sahel_news.convert._converter import FAST, TWIN_MODELS, load
from sahel_news.dataclasses import from_dataclass, to_dataclass
from sahel_news.models import MODELS

__all__ = ["from_dataclass", "from_twin", "to_dataclass", "to_twin", "twin_of"]

_STATIC_TWINS: dict[type, type] = {model: getattr(twins, model.__name__) for model in MODELS}
TWIN_MODELS.update({twin: model for model, twin in _STATIC_TWINS.items()})


def _twin_type(tp: Any) -> Any:
    if isinstance(tp, type) and attrs.has(tp):
        return twin_of(tp)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if not args:
        return tp
    twinned = tuple(_twin_type(arg) for arg in args)
    if origin is types.UnionType or origin is typing.Union:
        return functools.reduce(operator.or_, twinned)
    return origin[twinned]


def _twin_default(value: Any) -> Any:
    return to_twin(value) if attrs.has(type(value)) else value


@functools.cache
def twin_of(model: type) -> type:
    """The frozen dataclass twin of the attrs class *model* (the same twin on every call).

    Args:
        model: one of the models (`sahel_news.models.MODELS`), or another attrs class.

    Raises:
        TypeError: if *model* is not an attrs class.
    """
    if not (isinstance(model, type) and attrs.has(model)):
        raise TypeError(f"{model!r} is not an attrs class")
    static = _STATIC_TWINS.get(model)
    if static is not None:
        return static
    specs: list[tuple[str, Any, Any]] = []
    for field in attrs.fields(attrs.resolve_types(model)):
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            spec = dataclasses.field(
                default_factory=field.default.factory,
                kw_only=field.kw_only,
            )
        elif field.default is attrs.NOTHING:
            spec = dataclasses.field(kw_only=field.kw_only)
        else:
            spec = dataclasses.field(default=_twin_default(field.default), kw_only=field.kw_only)
        specs.append((field.name, _twin_type(field.type), spec))
    twin = dataclasses.make_dataclass(
        model.__name__,
        specs,
        frozen=True,
        slots=True,
        namespace={"__doc__": model.__doc__},
    )
    twin.__module__ = __name__
    TWIN_MODELS[twin] = model
    return twin


def to_twin(obj: object) -> Any:
    """The dataclass twin of a model object, with every nested model turned into its twin.

    Args:
        obj: an instance of one of the models.

    Raises:
        TypeError: if *obj* is not an attrs instance.
    """
    model: Any = type(obj)
    return FAST.structure(FAST.unstructure(obj), twin_of(model))


def from_twin(twin: object) -> Any:
    """The model object a dataclass twin describes, validated as when loading JSON.

    Args:
        twin: an instance of a twin made by `twin_of`.

    Raises:
        TypeError: if *twin* is not an instance of a twin.
        ValidationError: if the twin's values break the model's rules (twins do not check).
    """
    model = TWIN_MODELS.get(type(twin))
    if model is None:
        raise TypeError(f"{type(twin).__name__} is not a dataclass twin of a model")
    return load(FAST.unstructure(twin), model)


def __getattr__(name: str) -> type:
    for model in MODELS:
        if model.__name__ == name:
            return twin_of(model)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
