"""Generated straight-line loaders and dumpers for the models: the fast path of every loader.

For each model a loader is generated (once, on first use) that reads a JSON-ready dict,
checks every rule the model's own validators check, and sets the fields without running
those validators a second time; the article's whole-document rules still run, in their one
quick pass. The loader raises (anything) at the first deviation: the caller then runs the
detailed loader, which names every problem. So a fast loader must refuse whatever the
models refuse; the property tests pin that both paths agree on every document they make.

Why not cattrs' generated functions: they call one hook per field and then the attrs
``__init__``, which runs every validator again; measured on the seed article (structuring
the parsed dict) that took about 640 µs against about 185 µs for this straight-line code.
A rule stated inline here (`_inline_validators`) must say what its validator says: change
both together. Any other validator is called as it is, after the object is built.

A loader comes in two variants: one checks every string for the characters no text may
hold (`BAD_TEXT`), the other trusts the caller to have ruled them out for the whole
document at once (`from_json` does, on the JSON text: such a character can only be there
as a ``\\u`` escape or as one of the C1 controls).
"""

from __future__ import annotations

import math
import re
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from sahel_news.models import MODELS, Mention, Span, _checks
from sahel_news.models import actor as actor_module
from sahel_news.models import article as article_module
from sahel_news.models import country as country_module
from sahel_news.models import event as event_module
from sahel_news.models import span as span_module

__all__ = ["Invalid", "dumper", "loader"]

Loader = Callable[[Any], Any]
Dumper = Callable[[Any], Any]


class Invalid(Exception):  # noqa: N818 - an internal signal, never seen by users
    """The fast path met something it does not accept; the detailed path will say what."""


_LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def _inline_validators() -> dict[Any, str]:
    """Validators whose rule the generated code states inline, and which rule it is."""
    return {
        _checks.non_empty_text: "blank",
        _checks.optional_non_empty_text: "blank",
        _checks.one_line: "one_line",
        _checks.identifier: "identifier",
        _checks.non_negative: "non_negative",
        actor_module.check_texts: "items_blank",
        article_module._check_paragraphs: "items_blank",  # noqa: SLF001
        actor_module.check_optional_alpha3: "alpha3",
        event_module._check_reference: "reference",  # noqa: SLF001
        event_module._check_cameo: "cameo",  # noqa: SLF001
    }


def _validators(field: attrs.Attribute[Any]) -> list[Any]:
    validator = field.validator
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    return list(inner) if inner is not None else [validator]


def _unanchored(pattern: str) -> str:
    return pattern.removeprefix("^").removesuffix("$")


def _optional_inner(tp: Any) -> Any | None:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (types.UnionType, typing.Union) and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        return inner
    return None


class _Generator:
    """Writes the source of every loader and dumper into one namespace."""

    def __init__(self, *, check_text: bool) -> None:
        from sahel_news.convert import _converter  # noqa: PLC0415 - avoids an import cycle

        self.check_text = check_text
        self.suffix = "_checked" if check_text else "_trusted"
        self.namespace: dict[str, Any] = {
            "_Invalid": Invalid,
            "_new": object.__new__,
            "_missing": attrs.NOTHING,
            "_bad_text": _checks.BAD_TEXT.search,
            "_line_break": _LINE_BREAK.search,
            "_id": _checks._ID.fullmatch,  # noqa: SLF001
            "_MAX_INT": _checks.MAX_INT,
            "_isfinite": math.isfinite,
            "_date": _converter.structure_date,
            "_datetime": _converter.structure_datetime,
            "_single_text_parts": span_module._SINGLE_TEXT_PARTS,  # noqa: SLF001
            # Called, not bound: pycountry loads only when a country code is first checked.
            "_alpha3_codes": country_module._iso_records,  # noqa: SLF001
            "_reference": re.compile(
                f"{_unanchored(event_module._ID_REF.pattern)}"  # noqa: SLF001
                f"|{_unanchored(event_module._ALPHA3_REF.pattern)}"  # noqa: SLF001
            ).fullmatch,
            "_cameo": event_module._CAMEO.fullmatch,  # noqa: SLF001
        }
        self.sources: list[str] = []
        self.done: set[type] = set()
        self.inline = _inline_validators()
        self.counter = 0

    def name(self, prefix: str) -> str:
        self.counter += 1
        return f"_{prefix}{self.counter}"

    def bind(self, prefix: str, value: object) -> str:
        name = self.name(prefix)
        self.namespace[name] = value
        return name

    # ---- loaders ------------------------------------------------------------------------

    def loader_name(self, cls: type) -> str:
        name = f"load_{cls.__name__}{self.suffix}"
        if cls not in self.done:
            self.done.add(cls)
            self.sources.append(self.record_loader(cls, name))
        return name

    def text_check(self, var: str) -> str:
        return f" or _bad_text({var})" if self.check_text else ""

    def value_code(self, tp: Any, var: str, indent: str) -> list[str]:
        """Lines that check *var* against *tp* and leave the built value in *var*."""
        inner = _optional_inner(tp)
        if inner is not None:
            body = self.value_code(inner, var, indent + "    ")
            return [f"{indent}if {var} is not None:", *body] if body else []
        if tp is str:
            return [f"{indent}if {var}.__class__ is not str{self.text_check(var)}: raise _Invalid"]
        if tp is int:
            return [f"{indent}if {var}.__class__ is not int: raise _Invalid"]
        if tp is bool:
            return [f"{indent}if {var} is not True and {var} is not False: raise _Invalid"]
        if tp is float:
            return [
                f"{indent}if {var}.__class__ is int: {var} = float({var})",
                f"{indent}elif {var}.__class__ is not float: raise _Invalid",
                f"{indent}if not _isfinite({var}): raise _Invalid",
            ]
        if tp is date:
            return [f"{indent}{var} = _date({var}, None)"]
        if tp is datetime:
            return [f"{indent}{var} = _datetime({var}, None)"]
        if isinstance(tp, type) and issubclass(tp, Enum):
            members = self.bind("members", {member.value: member for member in tp})
            return [f"{indent}{var} = {members}[{var}]"]
        if isinstance(tp, type) and attrs.has(tp):
            return [f"{indent}{var} = {self.loader_name(tp)}({var})"]
        if typing.get_origin(tp) is tuple:
            return self.tuple_code(typing.get_args(tp)[0], var, indent)
        msg = f"no fast loader for the type {tp!r}"
        raise TypeError(msg)

    def tuple_code(self, item: Any, var: str, indent: str) -> list[str]:
        not_array = f"{var}.__class__ is not list and {var}.__class__ is not tuple"
        lines = [f"{indent}if {not_array}: raise _Invalid"]
        if isinstance(item, type) and attrs.has(item):
            # An empty list (most of an article's lists) skips the comprehension's own call.
            built = f"tuple([{self.loader_name(item)}(i) for i in {var}])"
            return [*lines, f"{indent}{var} = {built} if {var} else ()"]
        if item is str:
            return [
                *lines,
                f"{indent}for i in {var}:",
                f"{indent}    if i.__class__ is not str{self.text_check('i')}: raise _Invalid",
                f"{indent}{var} = tuple({var})",
            ]
        function = self.name("item")
        body = self.value_code(item, "v", "    ")
        self.sources.append("\n".join([f"def {function}(v):", *body, "    return v"]))
        return [*lines, f"{indent}{var} = tuple([{function}(i) for i in {var}]) if {var} else ()"]

    def inline_check(self, kind: str, var: str, indent: str) -> list[str]:
        blank = f"not {var} or {var}.isspace()"
        if kind == "blank":
            return [f"{indent}if {blank}: raise _Invalid"]
        if kind == "one_line":
            return [f"{indent}if {blank} or _line_break({var}): raise _Invalid"]
        if kind == "identifier":
            return [f"{indent}if _id({var}) is None: raise _Invalid"]
        if kind == "non_negative":
            return [f"{indent}if {var} < 0 or {var} > _MAX_INT: raise _Invalid"]
        if kind == "alpha3":
            return [f"{indent}if {var} not in _alpha3_codes(): raise _Invalid"]
        if kind == "reference":
            return [f"{indent}if _reference({var}) is None: raise _Invalid"]
        if kind == "cameo":
            return [f"{indent}if _cameo({var}) is None: raise _Invalid"]
        return [
            f"{indent}for i in {var}:",
            f"{indent}    if not i or i.isspace(): raise _Invalid",
        ]

    def field_checks(self, field: attrs.Attribute[Any], var: str, indent: str) -> list[str]:
        """Lines that build *var* for *field* and check the rules its validators state."""
        checks = self.value_code(field.type, var, indent)
        optional = _optional_inner(field.type) is not None
        for validator in _validators(field):
            kind = self.inline.get(validator)
            if kind is None:
                continue
            if optional:
                checks.append(f"{indent}if {var} is not None:")
                checks.extend(self.inline_check(kind, var, indent + "    "))
            else:
                checks.extend(self.inline_check(kind, var, indent))
        return checks

    def late_checks(self, field: attrs.Attribute[Any], var: str) -> list[str]:
        """Calls of the validators of *field* not stated inline, once the object is built."""
        late = []
        for validator in _validators(field):
            if getattr(validator, "type_check", False) or validator in self.inline:
                continue
            attribute = self.bind("attribute", field)
            call = self.bind("validator", validator)
            late.append(f"    {call}(self, {attribute}, {var})")
        return late

    def record_loader(self, cls: type, function: str) -> str:
        fields = attrs.fields(attrs.resolve_types(cls))
        self.namespace[f"_cls_{cls.__name__}"] = cls
        # Documents written by sahel_news hold every key, so that path reads them plainly;
        # the other one counts the keys that are left out, to tell an unknown key.
        every_key = [f"    if len(d) == {len(fields)}:"]
        some_keys = ["    else:", "        k = len(d)"]
        late: list[str] = []
        for position, field in enumerate(fields):
            var = f"x{position}"
            key = repr(field.name)
            late.extend(self.late_checks(field, var))
            every_key.append(f"        {var} = d[{key}]")
            every_key.extend(self.field_checks(field, var, "        "))
            if field.default is attrs.NOTHING:
                some_keys.append(f"        {var} = d[{key}]")
                some_keys.extend(self.field_checks(field, var, "        "))
                continue
            some_keys.append(f"        {var} = d.get({key}, _missing)")
            some_keys.append(f"        if {var} is _missing:")
            if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                factory = self.bind("factory", field.default.factory)
                some_keys.append(f"            {var} = {factory}()")
            else:
                default = self.bind("default", field.default)
                some_keys.append(f"            {var} = {default}")
            some_keys.append("            k += 1")
            checks = self.field_checks(field, var, "            ")
            if checks:
                some_keys.append("        else:")
                some_keys.extend(checks)
        some_keys.append(f"        if k != {len(fields)}: raise _Invalid")
        if all(field.default is attrs.NOTHING for field in fields):
            some_keys = ["    else:", "        raise _Invalid"]
        lines = [
            f"def {function}(d):",
            "    if d.__class__ is not dict: raise _Invalid",
            *every_key,
            *some_keys,
            f"    self = _new(_cls_{cls.__name__})",
        ]
        for position, field in enumerate(fields):
            setter = self.bind("set", _setter(cls, field.name))
            lines.append(f"    {setter}(self, x{position})")
        lines.extend(late)
        lines.extend(self.post_init(cls))
        lines.append("    return self")
        return "\n".join(lines)

    def post_init(self, cls: type) -> list[str]:
        # The two most numerous models say their rule inline; the others run their own.
        if cls is Span:
            return [
                "    if x3 < x2 or (x1 != 0 and x0 in _single_text_parts): raise _Invalid",
            ]
        if cls is Mention:
            return ["    if x1.end - x1.start != len(x0): raise _Invalid"]
        if hasattr(cls, "__attrs_post_init__"):
            return ["    self.__attrs_post_init__()"]
        return []

    # ---- dumpers ------------------------------------------------------------------------

    def dumper_name(self, cls: type) -> str:
        name = f"dump_{cls.__name__}"
        if cls not in self.done:
            self.done.add(cls)
            self.sources.append(self.record_dumper(cls, name))
        return name

    def dump_expression(self, tp: Any, expression: str) -> str:
        inner = _optional_inner(tp)
        if inner is not None:
            converted = self.dump_expression(inner, "v")
            if converted == "v":
                return expression
            function = self.name("dump_optional")
            self.sources.append(
                f"def {function}(v):\n    return None if v is None else {converted}"
            )
            return f"{function}({expression})"
        if tp in (str, int, bool):
            return expression
        if tp is float:
            self.namespace["_finite_float"] = _finite_float
            return f"_finite_float({expression})"
        if tp in (date, datetime):
            return f"{expression}.isoformat()"
        if isinstance(tp, type) and issubclass(tp, Enum):
            return f"{expression}._value_"
        if isinstance(tp, type) and attrs.has(tp):
            return f"{self.dumper_name(tp)}({expression})"
        if typing.get_origin(tp) is tuple:
            item = self.dump_expression(typing.get_args(tp)[0], "i")
            return f"list({expression})" if item == "i" else f"[{item} for i in {expression}]"
        msg = f"no fast dumper for the type {tp!r}"
        raise TypeError(msg)

    def record_dumper(self, cls: type, function: str) -> str:
        fields = attrs.fields(attrs.resolve_types(cls))
        items = ", ".join(
            f"{field.name!r}: {self.dump_expression(field.type, f'o.{field.name}')}"
            for field in fields
        )
        return f"def {function}(o):\n    return {{{items}}}"

    def compile(self) -> None:
        exec("\n\n".join(self.sources), self.namespace)  # noqa: S102 - our own source


def _finite_float(value: float) -> float:
    if math.isfinite(value):
        return value
    from sahel_news.errors import ValidationError  # noqa: PLC0415 - error path only

    raise ValidationError.at(
        "", f"{value!r} cannot be written: JSON has no non-finite numbers", code="bad_value"
    )


def _setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    from sahel_news.models._unchecked import _setter as slot_setter  # noqa: PLC0415

    return slot_setter(cls, name)


def _build_loaders(*, check_text: bool) -> dict[type, Loader]:
    generator = _Generator(check_text=check_text)
    names = {model: generator.loader_name(model) for model in MODELS}
    generator.compile()
    return {model: generator.namespace[name] for model, name in names.items()}


def _build_dumpers() -> dict[type, Dumper]:
    generator = _Generator(check_text=False)
    names = {model: generator.dumper_name(model) for model in MODELS}
    generator.compile()
    return {model: generator.namespace[name] for model, name in names.items()}


_LOADERS: dict[bool, dict[type, Loader]] = {}
_DUMPERS: dict[type, Dumper] = {}


def loader(cls: type, *, check_text: bool = True) -> Loader:
    """The generated fast loader of the model *cls*.

    Args:
        cls: one of `sahel_news.models.MODELS`.
        check_text: check every string for `BAD_TEXT` characters (False only when the
            caller has ruled them out for the whole document).
    """
    table = _LOADERS.get(check_text)
    if table is None:
        table = _LOADERS[check_text] = _build_loaders(check_text=check_text)
    return table[cls]


def dumper(cls: type) -> Dumper | None:
    """The generated dumper of *cls* (a JSON-ready dict), or None if *cls* is no model."""
    if not _DUMPERS:
        _DUMPERS.update(_build_dumpers())
    return _DUMPERS.get(cls)
