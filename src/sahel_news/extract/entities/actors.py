"""The actor recognizers: gazetteer people and organisations, and rule patterns for the rest.

`GazetteerRecognizer` finds every name, alias and distinctive short form of ``people.json``
and ``organisations.json`` with one cached regex over the folded text (case-sensitive, on
word boundaries). `PatternRecognizer` finds people by their titles, appositions and verbs
of saying and per-country bodies ("the Russian Defense Ministry", "Mali's military
regime", "the junta") with the rules of ``_actor_patterns``. Surnames standing alone
("Goita", "Yevkurov and his team") are linked to the full names by `extract_entities`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import attrs

from sahel_news.data import register_cache
from sahel_news.extract.entities._gazetteer import actor_forms, gazetteer_actors
from sahel_news.extract.entities._patterns import find_actors
from sahel_news.extract.entities.countries import CountryRecognizer, find_countries
from sahel_news.extract.entities.recognizer import (
    EntityCandidate,
    EntityLabel,
    Recognizer,
    new_candidate,
)
from sahel_news.lexicon._shared import table_hits
from sahel_news.models import ActorKind
from sahel_news.text._units import TextUnit

__all__ = ["GazetteerRecognizer", "PatternRecognizer", "default_recognizers"]


class GazetteerRecognizer:
    """People and organisations of the gazetteer tables (user tables included)."""

    def recognize(self, unit: TextUnit) -> list[EntityCandidate]:
        """The gazetteer actors named in *unit*."""
        forms = actor_forms()
        known = _gazetteer_fields()
        folded = unit.folded
        return [
            new_candidate((start, end, *known[forms[folded[start:end]]]))
            for start, end in table_hits("actors", folded)
        ]


@register_cache
@functools.cache
def _gazetteer_fields() -> dict[str, tuple[Any, ...]]:
    """Actor id -> the fields of its candidates after the offsets (built once per table)."""
    fields = {}
    for actor_id, entry in gazetteer_actors().items():
        person = entry.kind is ActorKind.PERSON
        label = EntityLabel.PERSON if person else EntityLabel.ORGANISATION
        fields[actor_id] = attrs.astuple(
            EntityCandidate(
                0, 1, label, entry.name, entry.id, entry.kind, entry.country, form="gazetteer"
            ),
            recurse=False,
        )[2:]
    return fields


class PatternRecognizer:
    """People found by titles and verbs of saying; bodies of a country found by their heads."""

    def recognize(self, unit: TextUnit) -> Iterator[EntityCandidate]:
        """The rule-found people and per-country organisations of *unit*."""
        return find_actors(unit.text, unit.folded, find_countries(unit.text))


def default_recognizers() -> tuple[Recognizer, ...]:
    """The recognizers `extract_entities` uses when given none: countries, gazetteer, patterns."""
    return (CountryRecognizer(), GazetteerRecognizer(), PatternRecognizer())
