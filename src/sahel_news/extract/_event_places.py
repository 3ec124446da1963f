"""Where an event happens: a gazetteer place named after "in", "at", "near" in its clause.

The gazetteer is ``places.json`` (``data.place_table``), compiled once into a table keyed
by the first word of each name and alias. A place used as an actor ("Niamey's leaders",
"Bamako accused Paris") is not a location: only places a locative preposition governs
count. Failing one in the sentence, the article's dateline place stands in.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import attrs

from sahel_news.data import PlaceEntry, country_table, place_table, register_cache
from sahel_news.extract._event_lexicon import Token, tokenize
from sahel_news.models import PlaceKind

__all__ = ["PlaceHit", "find_places", "follows_locative", "lookup_place"]

_LOCATIVE = frozenset(
    ["in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "into"]
)
_FILLERS = frozenset(
    [
        "the",
        "capital",
        "city",
        "town",
        "region",
        "village",
        "of",
        ",",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "north",
        "south",
        "east",
        "west",
        "nearby",
        "restive",
        "troubled",
        "remote",
        "province",
        "area",
        "localities",
        "locality",
        "outskirts",
        "border",
        "frontier",
        "district",
        "commune",
        "rural",
    ]
)
_LOOKBACK = 7


@attrs.frozen
class PlaceHit:
    """A gazetteer place found in a sentence, with its character offsets and locative flag."""

    entry: PlaceEntry
    start: int
    end: int
    first: int
    locative: bool


_Names = Mapping[str, tuple[tuple[tuple[str, ...], PlaceEntry], ...]]


@register_cache
@functools.cache
def _names() -> _Names:
    table: dict[str, list[tuple[tuple[str, ...], PlaceEntry]]] = {}
    entries = list(place_table())
    known = {(e.name, e.country) for e in entries}
    entries.extend(
        PlaceEntry(capital, (), alpha3, PlaceKind.CAPITAL.value)
        for alpha3, country in country_table().items()
        for capital in country.capitals
        if (capital, alpha3) not in known
    )
    for entry in entries:
        for name in (entry.name, *entry.aliases):
            words = tuple(t.norm for t in tokenize(name))
            if words:
                table.setdefault(words[0], []).append((words, entry))
    return {
        first: tuple(sorted(items, key=lambda item: -len(item[0])))
        for first, items in table.items()
    }


def follows_locative(
    tokens: Sequence[Token],
    first: int,
    *,
    fillers: frozenset[str] = _FILLERS,
    lookback: int = _LOOKBACK,
) -> bool:
    """Whether the token at *first* follows "in", "at", "near"... across only *fillers*."""
    index = first - 1
    while index >= 0 and index >= first - lookback:
        word = tokens[index].norm
        if word in _LOCATIVE:
            return True
        if word not in fillers:
            return False
        index -= 1
    return False


def find_places(tokens: Sequence[Token]) -> list[PlaceHit]:
    """The gazetteer places named among a sentence's *tokens*, left to right."""
    names = _names()
    norms = [token.norm for token in tokens]
    if names.keys().isdisjoint(norms):
        return []
    hits: list[PlaceHit] = []
    resume = 0
    count = len(tokens)
    for index in [i for i, norm in enumerate(norms) if norm in names]:
        if index < resume:
            continue
        for words, entry in names[tokens[index].norm]:
            end = index + len(words)
            if tuple(t.norm for t in tokens[index:end]) == words:
                if end < count and tokens[end].norm == "'s":
                    break
                hits.append(
                    PlaceHit(
                        entry,
                        tokens[index].start,
                        tokens[end - 1].end,
                        index,
                        follows_locative(tokens, index),
                    )
                )
                resume = end
                break
    return hits


def lookup_place(name: str) -> PlaceEntry | None:
    """The gazetteer entry called *name* (a dateline place such as "BAMAKO"), or None."""
    words = tuple(t.norm for t in tokenize(name))
    if not words:
        return None
    for candidate, entry in _names().get(words[0], ()):
        if candidate == words:
            return entry
    return None
