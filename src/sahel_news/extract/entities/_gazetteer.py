"""The actor tables (people, organisations, titles, organisation heads), loaded once and cached."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

import attrs

from sahel_news.data import DataTableError, country_table, load_entries, register_cache
from sahel_news.lexicon._matcher import Tail, VocabularyTable
from sahel_news.lexicon._shared import vocabulary_table
from sahel_news.models import ActorKind
from sahel_news.text import fold

__all__ = [
    "GazetteerActor",
    "OrgTemplate",
    "Vocabulary",
    "actor_forms",
    "country_adjective",
    "gazetteer_actors",
    "org_rules",
    "slug",
    "vocabulary",
]

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A lowercase id made of *text* ("Alou Boi Diarra" -> "alou-boi-diarra")."""
    return _NOT_SLUG.sub("-", fold(text).lower()).strip("-")[:128] or "actor"


@attrs.frozen
class GazetteerActor:
    """One person or organisation of the gazetteer."""

    id: str
    name: str
    kind: ActorKind
    country: str | None
    aliases: tuple[str, ...]
    short: tuple[str, ...]


def _strings(raw: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataTableError(f"{where}.{key}: expected a list of non-empty strings")
    return tuple(value)


def _entry(raw: object, table: str, index: int) -> GazetteerActor:
    where = f"{table}.json: entries[{index}]"
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise DataTableError(f"{where}: expected an object with an 'id'")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DataTableError(f"{where}: needs a 'name'")
    try:
        kind = ActorKind(raw.get("kind", "person"))
    except ValueError:
        raise DataTableError(f"{where}: unknown kind {raw.get('kind')!r}") from None
    country = raw.get("country")
    if country is not None and country not in country_table():
        raise DataTableError(f"{where}: unknown country {country!r}")
    return GazetteerActor(
        id=raw["id"],
        name=name,
        kind=kind,
        country=country,
        aliases=_strings(raw, "aliases", where),
        short=_strings(raw, "short", where),
    )


@register_cache
@functools.cache
def gazetteer_actors() -> Mapping[str, GazetteerActor]:
    """id -> entry for every person (``people.json``) and organisation (``organisations.json``).

    A user table's entry with the same id replaces the package's.
    """
    actors: dict[str, GazetteerActor] = {}
    for table in ("people", "organisations"):
        for index, raw in enumerate(load_entries(table)):
            entry = _entry(raw, table, index)
            actors[entry.id] = entry
    return actors


@register_cache
@functools.cache
def actor_forms() -> Mapping[str, str]:
    """Every folded gazetteer form -> actor id."""
    forms: dict[str, str] = {}
    for entry in gazetteer_actors().values():
        for form in (entry.name, *entry.aliases, *entry.short):
            forms.setdefault(fold(form), entry.id)
    return forms


@vocabulary_table("actors")
def _actor_table() -> VocabularyTable:
    return VocabularyTable(
        frozenset(actor_forms()), case_sensitive=True, tail=Tail.NO_HYPHENATED_WORD
    )


@register_cache
@functools.cache
def person_index() -> Mapping[str, str]:
    """Folded full names, aliases and short forms of gazetteer people -> id."""
    index: dict[str, str] = {}
    for entry in gazetteer_actors().values():
        if entry.kind is ActorKind.PERSON:
            for form in (entry.name, *entry.aliases, *entry.short):
                index.setdefault(fold(form), entry.id)
    return index


@attrs.frozen
class Vocabulary:
    """The word lists of ``titles.json``, folded and ready for lookups."""

    heads: tuple[str, ...]
    ranks: tuple[str, ...]
    modifiers: frozenset[str]
    not_roles: frozenset[str]
    state_roles: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    particles: tuple[str, ...]
    not_names: frozenset[str]


def _keyed(name: str) -> dict[str, Any]:
    return dict(load_entries(name))


def _word_list(table: Mapping[str, Any], key: str, name: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DataTableError(f"{name}.json: {key}: expected a list of non-empty strings")
    return tuple(fold(v) for v in value)


@register_cache
@functools.cache
def vocabulary() -> Vocabulary:
    """The title, rank, modifier and stop-word lists (``titles.json``)."""
    table = _keyed("titles")
    # Ambiguous country forms (Chad, Jordan, Paris) may be given names: the country
    # recognizer, not this list, keeps them from being read as people.
    country_words = {
        fold(form)
        for entry in country_table().values()
        for form in (*entry.names, *entry.demonyms, *entry.capitals)
        if " " not in form and form not in entry.ambiguous
    }
    ranks = _word_list(table, "ranks", "titles")
    # every word of a rank ("Brigadier" of "Brigadier General") is a rank's, not a name's
    rank_words = {word for rank in ranks for word in rank.split() if word[:1].isupper()}
    return Vocabulary(
        heads=_word_list(table, "heads", "titles"),
        ranks=ranks,
        modifiers=frozenset(w.lower() for w in _word_list(table, "modifiers", "titles")),
        not_roles=frozenset(w.lower() for w in _word_list(table, "not_roles", "titles")),
        state_roles=tuple(w.lower() for w in _word_list(table, "state_roles", "titles")),
        speech_verbs=_word_list(table, "speech_verbs", "titles"),
        particles=_word_list(table, "name_particles", "titles"),
        not_names=frozenset(_word_list(table, "not_names", "titles")) | country_words | rank_words,
    )


@attrs.frozen
class OrgTemplate:
    """An organisation head read with a country ("Defense Ministry", "military government")."""

    id: str
    name: str
    kind: ActorKind
    context: bool
    context_forms: frozenset[str]
    restrict: str | None


@attrs.frozen
class OrgRules:
    """The organisation heads, adjectives, descriptors and country sets of ``org_heads.json``."""

    templates: Mapping[str, OrgTemplate]
    adjectives: frozenset[str]
    descriptors: Mapping[str, str]
    country_sets: Mapping[str, frozenset[str]]


@register_cache
@functools.cache
def org_rules() -> OrgRules:
    """Folded lowercase form -> template, plus adjectives, descriptors and country sets."""
    table = _keyed("org_heads")
    templates: dict[str, OrgTemplate] = {}
    for index, raw in enumerate(table.get("templates", [])):
        where = f"org_heads.json: templates[{index}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            raise DataTableError(f"{where}: expected an object with an 'id'")
        forms = _strings(raw, "forms", where)
        if not forms:
            raise DataTableError(f"{where}: needs at least one form")
        context_forms = _strings(raw, "context_forms", where)
        template = OrgTemplate(
            id=raw["id"],
            name=str(raw.get("name", raw["id"])),
            kind=ActorKind(raw.get("kind", "government")),
            context=bool(raw.get("context", False)),
            context_forms=frozenset(fold(f).lower() for f in context_forms),
            restrict=raw.get("restrict"),
        )
        for form in forms:
            templates[fold(form).lower()] = template
    sets = {key: frozenset(value) for key, value in (table.get("country_sets") or {}).items()}
    descriptors = {fold(k).lower(): v for k, v in (table.get("descriptors") or {}).items()}
    for key, set_name in descriptors.items():
        if set_name not in sets:
            raise DataTableError(f"org_heads.json: descriptor {key!r} names no country set")
    return OrgRules(
        templates=templates,
        adjectives=frozenset(fold(a).lower() for a in table.get("adjectives", [])),
        descriptors=descriptors,
        country_sets=sets,
    )


@functools.cache
def country_adjective(alpha3: str) -> str:
    """The adjective news uses for *alpha3* ("Malian"), else its short name."""
    entry = country_table().get(alpha3)
    if entry is None:
        return alpha3
    for demonym in entry.demonyms:
        if not demonym.endswith("s") or demonym.endswith(("ese", "ss")):
            return demonym
    return entry.names[0] if entry.names else alpha3


register_cache(country_adjective)
