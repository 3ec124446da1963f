"""Constructors that skip field checks, for values the pipeline builds from checked ones.

Every model checks its fields when built, which is right for values coming from users and
files, but the extractors build hundreds of spans and mentions per article from offsets they
have just computed inside a checked text. Re-checking each of them costs more than finding
them. The finished article is still checked as a whole (every span inside its text and
reading as its mention, every reference resolving), and the tests rebuild every extracted
article through the checked constructors, so nothing unchecked reaches a user unnoticed.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["evolved", "unchecked"]

_T = TypeVar("_T")


def unchecked(cls: type[_T]) -> Callable[..., _T]:
    """A constructor for the attrs class *cls* that sets its fields and runs no validator.

    It takes the same arguments as ``cls.__init__`` (defaults and factories included) but
    skips validators and ``__attrs_post_init__``. Use it only for values known to be valid.

    Args:
        cls: a slotted attrs class.
    """
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    positional: list[str] = []
    keyword: list[str] = []
    body = ["    self = _new(_cls)"]
    for field in fields:
        name = field.name
        default = field.default
        if default is attrs.NOTHING:
            parameter = name
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                msg = f"{cls.__name__}.{name}: factories taking self are not supported"
                raise TypeError(msg)
            namespace[f"_factory_{name}"] = default.factory
            parameter = f"{name}=_missing"
            body.append(f"    if {name} is _missing: {name} = _factory_{name}()")
            namespace["_missing"] = attrs.NOTHING
        else:
            namespace[f"_default_{name}"] = default
            parameter = f"{name}=_default_{name}"
        (keyword if field.kw_only else positional).append(parameter)
        namespace[f"_set_{name}"] = _setter(cls, name)
        body.append(f"    _set_{name}(self, {name})")
    signature = ", ".join(positional + (["*", *keyword] if keyword else []))
    source = f"def build({signature}):\n" + "\n".join(body) + "\n    return self\n"
    exec(source, namespace)  # noqa: S102 - generated from the class's own field names
    build: Callable[..., _T] = namespace["build"]
    build.__qualname__ = f"unchecked({cls.__name__})"
    return build


def _setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    """What sets field *name* on an instance of *cls*, past a frozen class's ``__setattr__``.

    For a slot, its descriptor's own setter: a quarter faster than ``object.__setattr__``,
    which looks the name up on every call, and that counts at hundreds of values an article.
    """
    slot = next((klass.__dict__[name] for klass in cls.__mro__ if name in klass.__dict__), None)
    if isinstance(slot, types.MemberDescriptorType):
        setter: Callable[[Any, Any], None] = slot.__set__
        return setter
    return lambda instance, value: object.__setattr__(instance, name, value)


def evolved(instance: _T, **changes: Any) -> _T:
    """A copy of the attrs instance *instance* with *changes*, built without any check.

    Like `attrs.evolve` but running no validator and no ``__attrs_post_init__``: for a
    stage of the pipeline whose result is checked whole at the next stage.

    Raises:
        TypeError: if a change names no field of the class.
    """
    cls = type(instance)
    copy = object.__new__(cls)
    for field in attrs.fields(cls):  # type: ignore[arg-type]
        name = field.name
        value = changes.pop(name) if name in changes else getattr(instance, name)
        object.__setattr__(copy, name, value)
    if changes:
        msg = f"{cls.__name__} has no field {', '.join(sorted(changes))}"
        raise TypeError(msg)
    return copy
