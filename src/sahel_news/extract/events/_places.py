"""Where an event happens: a gazetteer place named after "in", "at", "near" in its clause.

The gazetteer is ``places.json`` (``data.place_table``), compiled once into a table keyed
by the first word of each name and alias. A place used as an actor ("Niamey's leaders",
"Bamako accused Paris") is not a location: only places a locative preposition governs
count. Failing one in the sentence, the article's dateline place stands in.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from sahel_news.data import PlaceEntry, country_table, place_table, register_cache
from sahel_news.extract.events._grammar import folded_set
from sahel_news.models import PlaceKind
from sahel_news.text._tokens import Words, split_words

__all__ = [
    "PlaceHit",
    "find_places",
    "follows_locative",
    "is_place_name",
    "locatives",
    "lookup_place",
]


@register_cache
@functools.cache
def locatives() -> frozenset[str]:
    """Words before an event's place ("in", "near": ``place_locatives`` of ``words.json``)."""
    return folded_set("place_locatives")


@register_cache
@functools.cache
def _fillers() -> frozenset[str]:
    """What may stand between a locative word and a place ("in the restive region of")."""
    return folded_set("place_fillers") | {","}


_LOOKBACK = 7


class PlaceHit(NamedTuple):
    """A gazetteer place found in a sentence, with its character offsets and locative flag."""

    entry: PlaceEntry
    start: int
    end: int
    first: int
    locative: bool


_NameEntries = tuple[tuple[tuple[str, ...], PlaceEntry], ...]
_Names = Mapping[str, _NameEntries]


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
            words = tuple(split_words(name).norms)
            if words:
                table.setdefault(words[0], []).append((words, entry))
    return {
        first: tuple(sorted(items, key=lambda item: -len(item[0])))
        for first, items in table.items()
    }


_Candidates = tuple[dict[str, tuple[tuple[tuple[str, ...], PlaceEntry], ...]], _NameEntries]


@register_cache
@functools.cache
def _names_by_second() -> Mapping[str, _Candidates]:
    """The names by first word, then by the word after it (see `_names`).

    Each first word maps to the names that can match given the next word, and to the
    one-word names (for any other next word), longest first, so that a common first word
    ("the", "in") costs one lookup unless its next word fits.
    """
    table: dict[str, _Candidates] = {}
    for first, names in _names().items():
        seconds = {name[1] for name, _ in names if len(name) > 1}
        table[first] = (
            {
                second: tuple(n for n in names if len(n[0]) == 1 or n[0][1] == second)
                for second in seconds
            },
            tuple(n for n in names if len(n[0]) == 1),
        )
    return table


def follows_locative(
    norms: Sequence[str],
    first: int,
    *,
    fillers: frozenset[str] | None = None,
    lookback: int = _LOOKBACK,
    weak: frozenset[str] = frozenset(),
) -> bool:
    """Whether the token at *first* follows "in", "at", "near"... across only *fillers*.

    *fillers* are by default the ``place_fillers`` of ``words.json``; *weak* locative words
    do not count.
    """
    if fillers is None:
        fillers = _fillers()
    locative_words = locatives()
    index = first - 1
    while index >= 0 and index >= first - lookback:
        word = norms[index]
        if word in locative_words:
            return word not in weak
        if word not in fillers:
            return False
        index -= 1
    return False


def find_places(words: Words) -> list[PlaceHit]:
    """The gazetteer places named among a sentence's *words*, left to right."""
    names = _names_by_second()
    norms = words.norms
    if names.keys().isdisjoint(norms):
        return []
    hits: list[PlaceHit] = []
    resume = 0
    count = len(norms)
    for index in [i for i, norm in enumerate(norms) if norm in names]:
        if index < resume:
            continue
        by_second, single = names[norms[index]]
        following = norms[index + 1] if index + 1 < count else ""
        for name, entry in by_second.get(following, single):
            end = index + len(name)
            if tuple(norms[index:end]) == name:
                if end < count and norms[end] == "'s":
                    break
                hits.append(
                    PlaceHit(
                        entry,
                        words.starts[index],
                        words.ends[end - 1],
                        index,
                        follows_locative(norms, index),
                    )
                )
                resume = end
                break
    return hits


def lookup_place(name: str) -> PlaceEntry | None:
    """The gazetteer entry called *name* (a dateline place such as "BAMAKO"), or None."""
    words = tuple(split_words(name).norms)
    if not words:
        return None
    for candidate, entry in _names().get(words[0], ()):
        if candidate == words:
            return entry
    return None


def is_place_name(words: Sequence[str]) -> bool:
    """Whether folded *words* are the whole name of a gazetteer place ("niamey")."""
    if not words:
        return False
    wanted = tuple(words)
    return any(name == wanted for name, _entry in _names().get(wanted[0], ()))
