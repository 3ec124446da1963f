"""The Recognizer protocol: what any recognizer (rules, gazetteers, a statistical NER) yields.

A recognizer looks at one text of an article (a `TextUnit`) and yields `EntityCandidate`\\ s:
character offsets into that text, what the stretch is (a country, a person, an organisation)
and what the recognizer knows of it. `extract_entities` merges the candidates of every
recognizer into the article's countries and actors, so a new recognizer plugs in without
changing anything else.

Recognizers match on `sahel_news.text.fold`, which folds one character for one character,
so offsets found in the folded text are offsets in the original.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

import attrs

from sahel_news.models import ActorKind
from sahel_news.models._unchecked import unchecked
from sahel_news.text._units import TextUnit

__all__ = [
    "EntityCandidate",
    "EntityLabel",
    "Recognizer",
]


class EntityLabel(StrEnum):
    """What a candidate stretch of text names."""

    COUNTRY = "country"
    PERSON = "person"
    ORGANISATION = "organisation"


def _check_offsets(instance: EntityCandidate, _: attrs.Attribute[int], __: int) -> None:
    if not 0 <= instance.start < instance.end:
        raise ValueError(
            f"a candidate needs 0 <= start < end, got {instance.start}..{instance.end}"
        )


@attrs.frozen(slots=True)
class EntityCandidate:
    """A stretch ``[start, end)`` of one text that a recognizer takes for an entity.

    ``label`` says what it is. For a country, ``country`` is its alpha-3 code (or
    ``choices`` lists the codes a shared form may mean) and ``implied`` marks a place use
    ("in Bamako") that implies the country without naming the state. For an actor, ``name``
    is the canonical name where the recognizer knows it (else the text is used), ``id`` a
    gazetteer id where known, ``kind`` the ActorKind, ``country`` the country it acts for,
    ``role`` a title as written, and ``from_text`` whether that country was read from the
    text itself (it then beats a gazetteer's). ``needs_country`` asks the merger to take the
    country from the context (the nearest earlier country of ``choices``, or of any country
    when ``choices`` is empty); ``context_count`` how many countries it stands for ("the
    military regimes of both countries": 2). ``form`` says which kind of country form
    matched (name, demonym, capital, seat, place) and ``locative`` marks a country named as a
    place ("in Togo", "from Turkey"), which weighs less when context is resolved.
    """

    start: int = attrs.field(validator=_check_offsets)
    end: int
    label: EntityLabel
    name: str | None = None
    id: str | None = None
    kind: ActorKind | None = None
    country: str | None = None
    role: str | None = None
    from_text: bool = False
    implied: bool = False
    choices: tuple[str, ...] = ()
    needs_country: bool = False
    context_count: int = 1
    form: str | None = None
    locative: bool = False


# The built-in recognizers make their candidates through these, without the checks: their
# offsets lie inside their text by construction, and an article has dozens of candidates.
# The finished article is checked whole, as every extracted one is.
built_candidate: Callable[..., EntityCandidate] = unchecked(EntityCandidate)


def new_candidate(fields: tuple[Any, ...]) -> EntityCandidate:
    """A candidate from all fifteen fields in order, unchecked (see `built_candidate`)."""
    return built_candidate(*fields)


@runtime_checkable
class Recognizer(Protocol):
    """Anything with a ``recognize`` method that yields candidates for one text."""

    def recognize(self, unit: TextUnit) -> Iterable[EntityCandidate]:
        """The candidates found in *unit*, with offsets into ``unit.text``."""
        ...
