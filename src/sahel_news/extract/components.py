"""Components: the steps of extraction, each reading the Doc and adding what it finds.

`parse_article` makes one `Doc` per article and runs its components in order; by default
`default_components()`: `EntityComponent` (countries, people, organisations) then
`EventComponent` (events with their times and places, and quotes). A component is anything
callable with a Doc (the `Component` protocol): insert your own between or after them with
``parse_article(text, components=[*default_components(), mine])``. Components add with
`Doc.update`; the finished article is checked as a whole once, after the last one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import attrs

from sahel_news.data import using_language
from sahel_news.extract.entities import entities_of
from sahel_news.extract.entities.recognizer import Recognizer
from sahel_news.extract.events import events_of
from sahel_news.text import Doc

__all__ = ["Component", "EntityComponent", "EventComponent", "default_components"]


@runtime_checkable
class Component(Protocol):
    """One step of extraction: reads the Doc and adds its findings with ``doc.update``."""

    def __call__(self, doc: Doc) -> None:
        """Add what this component finds in *doc* to ``doc.article``."""
        ...


@attrs.frozen
class EntityComponent:
    """Countries, people and organisations, with their mentions (`extract_entities`).

    Args:
        recognizers: the recognizers whose candidates are merged; by default the country,
            gazetteer and pattern recognizers. A statistical recognizer plugs in here.
    """

    recognizers: Sequence[Recognizer] | None = None

    def __call__(self, doc: Doc) -> None:
        """Set the article's countries and actors (replacing any it had)."""
        with using_language(doc.language):
            countries, actors = entities_of(doc, recognizers=self.recognizers)
        doc.update(countries=countries, actors=actors)


@attrs.frozen
class EventComponent:
    """Events with their participants, places and times, and quotes (`extract_events`).

    Reads the countries and actors found before it.
    """

    def __call__(self, doc: Doc) -> None:
        """Set the article's events and quotes, and add the countries their places imply."""
        with using_language(doc.language):
            found = events_of(doc)
        doc.update(**found)


def default_components() -> list[Component]:
    """The components `parse_article` runs when given none: entities, then events."""
    return [EntityComponent(), EventComponent()]
