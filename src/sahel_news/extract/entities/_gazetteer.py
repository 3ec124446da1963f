"""The actor tables (people, organisations, titles, organisation heads), loaded once and cached."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import attrs

from sahel_news.data import (
    ActorEntry,
    CountrySet,
    DataTableError,
    Descriptor,
    OrgHeadTemplate,
    country_table,
    entry_origin,
    month_names,
    register_cache,
    table_entries,
    table_words,
    weekday_names,
)
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


def _entry(raw: ActorEntry, table: str) -> GazetteerActor:
    try:
        kind = ActorKind(raw.kind)
    except ValueError:
        where = entry_origin(table, raw)
        raise DataTableError(f"{where} ({raw.id!r}): unknown kind {raw.kind!r}") from None
    if raw.country is not None and raw.country not in country_table():
        where = entry_origin(table, raw)
        raise DataTableError(f"{where} ({raw.id!r}): unknown country {raw.country!r}")
    return GazetteerActor(
        id=raw.id,
        name=raw.name,
        kind=kind,
        country=raw.country,
        aliases=raw.aliases,
        short=raw.short,
    )


@register_cache
@functools.cache
def gazetteer_actors() -> Mapping[str, GazetteerActor]:
    """id -> entry for every person (``people.json``) and organisation (``organisations.json``).

    A user table's entry with the same id replaces the package's.
    """
    actors: dict[str, GazetteerActor] = {}
    for table in ("people", "organisations"):
        for raw in table_entries(table, ActorEntry):
            entry = _entry(raw, table)
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


def _word_list(key: str) -> tuple[str, ...]:
    return tuple(fold(v) for v in table_words("titles", key))


@register_cache
@functools.cache
def vocabulary() -> Vocabulary:
    """The title, rank, modifier and stop-word lists (``titles.json``)."""
    # Ambiguous country forms (Chad, Jordan, Paris) may be given names: the country
    # recognizer, not this list, keeps them from being read as people.
    country_words = {
        fold(form)
        for entry in country_table().values()
        for form in (*entry.names, *entry.demonyms, *entry.capitals)
        if " " not in form and form not in entry.ambiguous
    }
    ranks = _word_list("ranks")
    calendar = {
        name.capitalize()
        for name in (*month_names(), *month_names(abbreviated=True), *weekday_names())
    }
    # every word of a rank ("Brigadier" of "Brigadier General") is a rank's, not a name's
    rank_words = {word for rank in ranks for word in rank.split() if word[:1].isupper()}
    return Vocabulary(
        heads=_word_list("heads"),
        ranks=ranks,
        modifiers=frozenset(w.lower() for w in _word_list("modifiers")),
        not_roles=frozenset(w.lower() for w in _word_list("not_roles")),
        state_roles=tuple(w.lower() for w in _word_list("state_roles")),
        speech_verbs=_word_list("speech_verbs"),
        particles=_word_list("name_particles"),
        not_names=frozenset(_word_list("not_names")) | country_words | rank_words | calendar,
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
    templates: dict[str, OrgTemplate] = {}
    for raw in table_entries("org_heads", OrgHeadTemplate, "templates"):
        try:
            kind = ActorKind(raw.kind)
        except ValueError:
            where = f"{entry_origin('org_heads', raw)} ({raw.id!r})"
            raise DataTableError(f"{where}: unknown kind {raw.kind!r}") from None
        template = OrgTemplate(
            id=raw.id,
            name=raw.name if raw.name is not None else raw.id,
            kind=kind,
            context=raw.context,
            context_forms=frozenset(fold(f).lower() for f in raw.context_forms),
            restrict=raw.restrict,
        )
        for form in raw.forms:
            templates[fold(form).lower()] = template
    sets = {
        s.name: frozenset(s.members) for s in table_entries("org_heads", CountrySet, "country_sets")
    }
    descriptors = {
        fold(d.phrase).lower(): d.country_set
        for d in table_entries("org_heads", Descriptor, "descriptors")
    }
    for key, set_name in descriptors.items():
        if set_name not in sets:
            raise DataTableError(f"org_heads.json: descriptor {key!r} names no country set")
    for template in templates.values():
        if template.restrict is not None and template.restrict not in sets:
            raise DataTableError(
                f"org_heads.json: template {template.id!r} restricts to no country set"
                f" ({template.restrict!r})"
            )
    return OrgRules(
        templates=templates,
        adjectives=frozenset(fold(a).lower() for a in table_words("org_heads", "adjectives")),
        descriptors=descriptors,
        country_sets=sets,
    )


@register_cache
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
