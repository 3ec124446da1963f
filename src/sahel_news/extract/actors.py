"""The actor recognizers: gazetteer people and organisations, and rule patterns for the rest.

`GazetteerRecognizer` finds every name, alias and distinctive short form of ``people.json``
and ``organisations.json`` with one cached regex over the folded text (case-sensitive, on
word boundaries). `PatternRecognizer` finds people by their titles, appositions and verbs
of saying and per-country bodies ("the Russian Defense Ministry", "Mali's military
regime", "the junta") with the rules of ``_actor_patterns``. Surnames standing alone
("Goita", "Yevkurov and his team") are linked to the full names by `extract_entities`.
"""

from __future__ import annotations

from collections.abc import Iterator

from sahel_news.extract._actor_gazetteer import actor_matcher, gazetteer_actors
from sahel_news.extract._actor_patterns import find_organisations, find_people
from sahel_news.extract._text import TextUnit
from sahel_news.extract.countries import CountryRecognizer, find_countries
from sahel_news.extract.recognizer import (
    EntityCandidate,
    EntityLabel,
    Recognizer,
    fold,
)
from sahel_news.models import ActorKind

__all__ = ["GazetteerRecognizer", "PatternRecognizer", "default_recognizers"]


class GazetteerRecognizer:
    """People and organisations of the gazetteer tables (user tables included)."""

    def recognize(self, unit: TextUnit) -> Iterator[EntityCandidate]:
        """The gazetteer actors named in *unit*."""
        pattern, forms = actor_matcher()
        actors = gazetteer_actors()
        for match in pattern.matches(fold(unit.text)):
            entry = actors[forms[match.group()]]
            person = entry.kind is ActorKind.PERSON
            yield EntityCandidate(
                match.start(),
                match.end(),
                EntityLabel.PERSON if person else EntityLabel.ORGANISATION,
                name=entry.name,
                id=entry.id,
                kind=entry.kind,
                country=entry.country,
                form="gazetteer",
            )


class PatternRecognizer:
    """People found by titles and verbs of saying; bodies of a country found by their heads."""

    def recognize(self, unit: TextUnit) -> Iterator[EntityCandidate]:
        """The rule-found people and per-country organisations of *unit*."""
        folded = fold(unit.text)
        countries = find_countries(unit.text)
        yield from find_people(unit.text, folded, countries)
        yield from find_organisations(folded, countries)


def default_recognizers() -> tuple[Recognizer, ...]:
    """The recognizers `extract_entities` uses when given none: countries, gazetteer, patterns."""
    return (CountryRecognizer(), GazetteerRecognizer(), PatternRecognizer())
