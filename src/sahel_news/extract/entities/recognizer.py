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

import functools
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, NamedTuple, Protocol, runtime_checkable

import attrs

from sahel_news.models import ActorKind
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


class CandidateTuple(NamedTuple):
    """An `EntityCandidate` as a plain tuple: what the built-in recognizers make internally.

    Same fields, same meaning, same order; building one costs a fraction of an
    `EntityCandidate` (no validation: the built-in recognizers give offsets inside their
    text by construction), which counts at dozens of candidates per article. The public
    ``recognize`` methods still yield `EntityCandidate`\\ s (`to_entity_candidate`).
    """

    start: int
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


# What the merger reads: a candidate of a user's recognizer, or of a built-in one.
Candidate = EntityCandidate | CandidateTuple

# A CandidateTuple from all fifteen fields in order: ``CandidateTuple._make`` in one call in C,
# without the Python-level ``__new__`` and its keyword handling (dozens of candidates an
# article).
new_candidate: Callable[[tuple[Any, ...]], CandidateTuple] = functools.partial(
    tuple.__new__, CandidateTuple
)


def to_entity_candidate(candidate: CandidateTuple) -> EntityCandidate:
    """The `EntityCandidate` of *candidate* (same fields)."""
    return EntityCandidate(*candidate)


@runtime_checkable
class Recognizer(Protocol):
    """Anything with a ``recognize`` method that yields candidates for one text."""

    def recognize(self, unit: TextUnit) -> Iterable[EntityCandidate]:
        """The candidates found in *unit*, with offsets into ``unit.text``."""
        ...
