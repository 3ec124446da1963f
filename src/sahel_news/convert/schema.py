"""JSON Schema (draft 2020-12) generated from the attrs models, their field types and validators.

Types map to JSON types; each shared validator of `sahel_news.models` maps to the schema
keywords that say the same thing (an id pattern, a non-blank pattern, the ISO code lists).
Rules about the whole document (a span lies inside its text, a reference resolves, earliest
is not after latest) cannot be said in JSON Schema; the loaders check them.
"""

from __future__ import annotations

import copy
import functools
import inspect
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from sahel_news.convert._converter import FAST
from sahel_news.models import SUPPORTED_SCHEMA_VERSIONS, Article, Country, actor, article, event
from sahel_news.models import _checks as checks
from sahel_news.models import country as country_module

__all__ = ["DRAFT", "json_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"

# The same rules as the loader's date and date-time checks, in ECMA-262 regex syntax, so a
# validator without format checking still refuses a naive or malformed datetime.
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DATETIME_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})$"
)
NON_BLANK_PATTERN = r"\S"
_ONE_LINE = {"pattern": NON_BLANK_PATTERN, "not": {"pattern": "[\\r\\n]"}}

Fragment = dict[str, Any]


def _unanchored(pattern: str) -> str:
    return pattern.removeprefix("^").removesuffix("$")


@functools.cache
def _iso_codes() -> dict[str, list[str]]:
    records = country_module._iso_records().values()  # noqa: SLF001 - the one ISO table
    return {
        "alpha2": sorted(r[0] for r in records),
        "alpha3": sorted(r[1] for r in records),
        "numeric": sorted(r[2] for r in records),
    }


@functools.cache
def _validator_schemas() -> dict[Callable[..., Any], tuple[str, Fragment]]:
    """Each known validator -> (``"value"`` or ``"items"``, the keywords that state it)."""
    reference = f"^(?:{_unanchored(checks.ID_PATTERN)}|{_unanchored(checks.ALPHA3_PATTERN)})$"
    alpha3 = {"$ref": "#/$defs/Alpha3Code"}
    return {
        checks.identifier: ("value", {"pattern": checks.ID_PATTERN}),
        checks.non_empty_text: ("value", {"pattern": NON_BLANK_PATTERN}),
        checks.language_code: ("value", {"pattern": checks.LANGUAGE_PATTERN}),
        checks.optional_non_empty_text: ("value", {"pattern": NON_BLANK_PATTERN}),
        checks.one_line: ("value", _ONE_LINE),
        checks.non_negative: ("value", {"minimum": 0, "maximum": checks.MAX_INT}),
        checks.aware: ("value", {}),  # the date-time pattern already needs an offset
        checks.finite: ("value", {}),  # JSON numbers are finite by definition
        article._line_number: ("value", {"minimum": 1, "maximum": checks.MAX_INT}),  # noqa: SLF001
        actor.check_optional_alpha3: ("value", alpha3),
        actor.check_texts: ("items", {"pattern": NON_BLANK_PATTERN}),
        article._check_paragraphs: ("items", {"pattern": NON_BLANK_PATTERN}),  # noqa: SLF001
        article._check_schema_version: (  # noqa: SLF001
            "value",
            {"enum": sorted(SUPPORTED_SCHEMA_VERSIONS)},
        ),
        event._check_reference: ("value", {"pattern": reference}),  # noqa: SLF001
        event._check_cameo: ("value", {"pattern": event._CAMEO.pattern}),  # noqa: SLF001
        # Country's codes must be one ISO record: the schema can say each is a real code.
        country_module._check_codes: ("value", {}),  # noqa: SLF001
    }


def _class_field_schemas(cls: type) -> dict[str, Fragment]:
    if cls is Country:
        return {name: {"$ref": f"#/$defs/{_CODE_DEFS[name]}"} for name in _CODE_DEFS}
    return {}


_CODE_DEFS = {"alpha2": "Alpha2Code", "alpha3": "Alpha3Code", "numeric": "NumericCode"}


def _code_defs() -> dict[str, Fragment]:
    return {
        name: {
            "title": name,
            "description": f"A current ISO 3166-1 {field} country code.",
            "type": "string",
            "enum": _iso_codes()[field],
        }
        for field, name in _CODE_DEFS.items()
    }


def _closure_schema(validator: Any) -> tuple[str, Fragment] | None:
    """The keywords of a validator made by a factory of `_checks` (None: not expressible)."""
    qualname = getattr(validator, "__qualname__", "")
    cells = (
        dict(zip(validator.__code__.co_freevars, validator.__closure__ or (), strict=True))
        if hasattr(validator, "__code__")
        else {}
    )
    if qualname.startswith("min_items.") and "count" in cells:
        return "value", {"minItems": cells["count"].cell_contents}
    if getattr(validator, "type_check", False):
        return "value", {}  # the field's annotation already gives the schema its type
    if qualname.startswith("unique_by."):
        return "value", {}  # uniqueness by a key is beyond JSON Schema; the loader checks it
    return None


def _validators(field: attrs.Attribute[Any]) -> list[Any]:
    validator = field.validator
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    return list(inner) if inner is not None else [validator]


def unknown_validators() -> list[str]:
    """Names of model field validators the schema generator has no keywords for."""
    from sahel_news.models import MODELS  # noqa: PLC0415 - only for this self-check

    known = _validator_schemas()
    return [
        f"{model.__name__}.{field.name}: {validator!r}"
        for model in MODELS
        for field in attrs.fields(model)
        for validator in _validators(field)
        if validator not in known and _closure_schema(validator) is None
    ]


def _first_paragraph(doc: str | None) -> str | None:
    if not doc:
        return None
    return " ".join(inspect.cleandoc(doc).split("\n\n")[0].split())


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Fragment] = {}

    def ref(self, cls: type) -> Fragment:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name first: models refer to each other
            self.defs[name] = self._enum(cls) if issubclass(cls, Enum) else self._record(cls)
        return {"$ref": f"#/$defs/{name}"}

    def _enum(self, cls: type[Enum]) -> Fragment:
        schema: Fragment = {"title": cls.__name__, "type": "string"}
        if description := _first_paragraph(cls.__doc__):
            schema["description"] = description
        schema["enum"] = [member.value for member in cls]
        return schema

    def _record(self, cls: type) -> Fragment:
        fields = attrs.fields(attrs.resolve_types(cls))
        overrides = _class_field_schemas(cls)
        properties = {
            field.name: self._field(field, overrides.get(field.name, {})) for field in fields
        }
        schema: Fragment = {"title": cls.__name__, "type": "object"}
        if description := _first_paragraph(cls.__doc__):
            schema["description"] = description
        schema["properties"] = properties
        schema["required"] = [f.name for f in fields if f.default is attrs.NOTHING]
        schema["additionalProperties"] = False
        return schema

    def _field(self, field: attrs.Attribute[Any], extra: Fragment) -> Fragment:
        tp = field.type
        args = typing.get_args(tp)
        optional = typing.get_origin(tp) in (types.UnionType, typing.Union) and type(None) in args
        if optional:
            (tp,) = [a for a in args if a is not type(None)]
        schema = self.type_schema(tp)
        for validator in _validators(field):
            target, keywords = (
                _validator_schemas().get(validator) or _closure_schema(validator) or ("value", {})
            )
            (schema["items"] if target == "items" else schema).update(keywords)
        schema.update(extra)
        if optional:
            schema = {"anyOf": [schema, {"type": "null"}]}
        if field.default is not attrs.NOTHING and not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            schema["default"] = FAST.unstructure(field.default)
        return schema

    def type_schema(self, tp: Any) -> Fragment:
        if tp is str:
            # No control character but tab and line feed, no lone surrogate: as the loader.
            return {"type": "string", "allOf": [{"not": {"pattern": checks.BAD_CHARACTERS}}]}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is datetime:
            return {"type": "string", "format": "date-time", "pattern": DATETIME_PATTERN}
        if tp is date:
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        if isinstance(tp, type) and (issubclass(tp, Enum) or attrs.has(tp)):
            return self.ref(tp)
        if typing.get_origin(tp) is tuple:
            return {"type": "array", "items": self.type_schema(typing.get_args(tp)[0])}
        raise TypeError(f"no JSON Schema for the type {tp!r}")


@functools.cache
def _schema(cls: type) -> Fragment:
    builder = _Builder()
    root = builder.ref(cls)
    used = repr(builder.defs)
    for name, definition in _code_defs().items():
        if f"#/$defs/{name}" in used:
            builder.defs[name] = definition
    return {
        "$schema": DRAFT,
        "title": cls.__name__,
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def json_schema(cls: type = Article) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON documents of *cls*; a fresh dict each call.

    Args:
        cls: a model class (`sahel_news.models.MODELS`); Article by default.

    Raises:
        TypeError: if *cls* is not an attrs class or has a field of a type JSON cannot carry.
    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise TypeError(f"{cls!r} is not an attrs class")
    return copy.deepcopy(_schema(cls))
