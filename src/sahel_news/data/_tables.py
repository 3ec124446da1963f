"""How each table is laid out, how its entries are identified, and how user tables merge.

A table's ``entries`` is a list of entries, an object of entries keyed by id, or (for
tables of named lists) an object of sections, each one of those or a list of words. Every
entry has an id; a user table's entry with the id of an earlier one replaces it where it
stood, a new id is added at the end, and a top-level ``remove`` (shaped like ``entries``: a
list of ids, or an object of section name -> ids) takes entries out.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from sahel_news.data._schema import (
    ActorEntry,
    BoilerplatePhrase,
    CountryEntry,
    CountrySet,
    Descriptor,
    FipsEntry,
    OrgHeadTemplate,
    PlaceEntry,
    TimeWord,
    TriggerGroup,
)

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "LANGUAGE_TABLES",
    "TABLES",
    "Section",
    "entry_id",
    "json_schema",
    "structure",
    "structure_trusted",
]


def _field(name: str) -> Callable[[Mapping[str, Any]], str | None]:
    def read(raw: Mapping[str, Any]) -> str | None:
        value = raw.get(name)
        return value if isinstance(value, str) else None

    return read


def _place_id(raw: Mapping[str, Any]) -> str | None:
    name, country = raw.get("name"), raw.get("country")
    if not isinstance(name, str):
        return None
    return f"{name}/{country}" if isinstance(country, str) else name


def _time_word_id(raw: Mapping[str, Any]) -> str | None:
    word = raw.get("word")
    return " ".join(word.lower().split()) if isinstance(word, str) else None


@attrs.frozen
class Section:
    """One list of entries of a table, where it sits and how its entries are identified.

    ``entry`` is the attrs class of its entries, or None for a list of words (whose id is
    the word). ``key`` is its name under ``entries`` (None: ``entries`` is this section).
    A keyed section (``id_field`` set) is an object of id -> entry; the id fills
    ``id_field``, and the value fills ``value_field`` when it is not an object itself.
    A listed section finds each entry's id with ``raw_id``. ``renames`` maps table keys
    that are not Python names ("from") to fields.
    """

    entry: type[Any] | None
    key: str | None = None
    id_field: str | None = None
    value_field: str | None = None
    raw_id: Callable[[Mapping[str, Any]], str | None] | None = None
    renames: Mapping[str, str] = attrs.field(factory=dict)


def _word_sections(*keys: str) -> tuple[Section, ...]:
    return tuple(Section(None, key) for key in keys)


TABLES: Mapping[str, tuple[Section, ...]] = {
    "countries": (Section(CountryEntry, id_field="alpha3"),),
    "fips": (Section(FipsEntry, id_field="alpha3", value_field="fips"),),
    "places": (Section(PlaceEntry, raw_id=_place_id),),
    "people": (Section(ActorEntry, raw_id=_field("id")),),
    "organisations": (Section(ActorEntry, raw_id=_field("id")),),
    "org_heads": (
        Section(OrgHeadTemplate, "templates", raw_id=_field("id")),
        Section(None, "adjectives"),
        Section(Descriptor, "descriptors", id_field="phrase", value_field="country_set"),
        Section(CountrySet, "country_sets", id_field="name", value_field="members"),
    ),
    "triggers": (Section(TriggerGroup, raw_id=_field("id"), renames={"from": "from_"}),),
    "time_words": (Section(TimeWord, raw_id=_time_word_id),),
    "boilerplate": (Section(BoilerplatePhrase, raw_id=_field("phrase")),),
    "titles": _word_sections(
        "heads",
        "ranks",
        "modifiers",
        "not_roles",
        "speech_verbs",
        "name_particles",
        "state_roles",
        "portfolios",
        "not_names",
    ),
    "words": _word_sections(
        "abbreviations",
        "locative_words",
        "neutral_neighbours",
        "geographic_nouns",
        "blocking_before",
        "delegation_words",
        "quote_verbs",
        "generic_speakers",
        "reporting_verbs",
        "clause_openers",
        "adverbial_openers",
        "adverbs",
        "intent_words",
        "reporting_future",
        "noun_markers",
        "delegation_nouns",
        "participant_place_fillers",
        "prepositions",
        "nominal_determiners",
        "nominal_prepositions",
        "place_fillers",
        "place_locatives",
        "clause_break_words",
        "force_nouns",
        "envoy_nouns",
        "accord_nouns",
        "licence_nouns",
        "personnel_nouns",
        "background_prepositions",
        "event_noun_modifiers",
        "deadline_nouns",
        "person_nouns",
        "dispute_nouns",
        "order_verbs",
        "function_words",
        "elisions",
    ),
}


#: The tables each language has its own of (``data/<code>/<table>.json``); the others
#: (names of countries, places, people and organisations) are one table for all languages.
LANGUAGE_TABLES = frozenset({"triggers", "time_words", "words", "titles"})


def entry_id(section: Section, raw: object) -> str | None:
    """The id of a raw entry of *section*, or None when it has none (or is malformed)."""
    if section.entry is None:
        return raw if isinstance(raw, str) else None
    if section.id_field is not None:
        return raw[0] if isinstance(raw, tuple) else None
    if section.raw_id is None or not isinstance(raw, Mapping):
        return None
    return section.raw_id(raw)


def _strict(kind: type[Any], article: str) -> Callable[[object, Any], Any]:
    def check(value: object, _type: Any) -> Any:
        # bool is an int, and cattrs would make 3 a string "3": a table means what it says
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise TypeError(f"expected {article}, got {value!r}")
        return value

    return check


def _string_list(value: object, _type: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"expected a list of strings, got {value!r}")
    return tuple(value)


def _format(error: BaseException, type_: Any) -> str:
    from cattrs.v import format_exception  # noqa: PLC0415 - only for broken user tables

    # the validators' and hooks' messages say what is wrong better than the default
    if type(error) in {ValueError, TypeError} and str(error):
        return str(error)
    return format_exception(error, type_)


@functools.cache
def _converter() -> cattrs.Converter:
    import cattrs  # noqa: PLC0415 - only user tables need it: not paid for at start-up

    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(int, _strict(int, "an integer"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook_func(lambda t: t == tuple[str, ...], _string_list)
    return converter


def structure_trusted(entry: type[Any], raw: Mapping[str, Any]) -> Any:
    """A package entry built by calling its class, or None when the call fails.

    Package tables are checked through cattrs by the test suite; at run time they are only
    built (the validators still run), which costs a fraction of cattrs' checks.
    """
    try:
        return entry(**raw)
    except (TypeError, ValueError):
        return None


def structure(entry: type[Any], raw: Mapping[str, Any], locator: str) -> tuple[Any, str]:
    """*raw* as an *entry* (and no reasons), or None and the reasons it is not one.

    cattrs checks every type and refuses unknown keys; the entry class's validators check the
    rest. The reasons end with the path of the field at fault, from *locator*
    ("... @ entries[3].kind").
    """
    from cattrs import transform_error  # noqa: PLC0415 - as above

    try:
        return _converter().structure(raw, entry), ""
    except Exception as error:  # noqa: BLE001 - cattrs raises ExceptionGroups and others
        return None, "; ".join(transform_error(error, path=locator, format_exception=_format))


_STRING: dict[str, Any] = {"type": "string"}
_STRINGS: dict[str, Any] = {"type": "array", "items": _STRING}
_SCALARS: dict[Any, dict[str, Any]] = {
    str: _STRING,
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    tuple[str, ...]: _STRINGS,
    Any: {},
}


def _type_schema(hint: Any) -> dict[str, Any]:
    if hint in _SCALARS:
        return _SCALARS[hint]
    options = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in {types.UnionType, typing.Union} and len(options) == 1:
        return {"anyOf": [_type_schema(options[0]), {"type": "null"}]}
    raise TypeError(f"no JSON Schema for {hint!r}")  # pragma: no cover - a new field type


def _entry_schema(section: Section, *, without: str | None = None) -> dict[str, Any]:
    assert section.entry is not None  # noqa: S101 - callers pass entry sections only
    hints = typing.get_type_hints(section.entry)
    names = {field: key for key, field in section.renames.items()}
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(section.entry):
        if field.name == without:
            continue
        key = names.get(field.name, field.name)
        properties[key] = _type_schema(hints[field.name])
        if field.default is attrs.NOTHING:
            required.append(key)
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _section_schema(section: Section) -> tuple[dict[str, Any], dict[str, Any]]:
    """The JSON Schema of a section's entries, and of its ``remove`` list."""
    if section.entry is None:
        return _STRINGS, _STRINGS
    if section.id_field is None:
        return {"type": "array", "items": _entry_schema(section)}, _STRINGS
    if section.value_field is not None:
        value = _type_schema(typing.get_type_hints(section.entry)[section.value_field])
    else:
        value = _entry_schema(section, without=section.id_field)
    return {"type": "object", "additionalProperties": value}, _STRINGS


def json_schema(name: str) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of table *name*, made from its entry classes.

    It checks a table's shape and types; the entry classes' validators (codes, kinds,
    blank strings) check more.

    Raises:
        KeyError: if there is no table called *name*.
    """
    sections = TABLES[name]
    if sections[0].key is None:
        entries, remove = _section_schema(sections[0])
    else:
        pairs = {section.key: _section_schema(section) for section in sections}
        entries = {
            "type": "object",
            "properties": {key: pair[0] for key, pair in pairs.items()},
            "additionalProperties": False,
        }
        remove = {
            "type": "object",
            "properties": {key: pair[1] for key, pair in pairs.items()},
            "additionalProperties": False,
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"sahel-news data table {name}.json",
        "type": "object",
        "properties": {
            "version": _STRING,
            "source": _STRING,
            "license": _STRING,
            "notes": {},
            "entries": entries,
            "remove": remove,
        },
        "required": ["entries"],
    }
