"""The vocabulary of time expressions (``time_words.json``) as lookup tables, loaded once."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import attrs

from sahel_news.data import DataTableError, TimeWord, entry_origin, register_cache, table_entries
from sahel_news.extract.time._language import rule_set
from sahel_news.text import fold

__all__ = ["Part", "Vague", "Vocabulary", "vocabulary"]

_UNITS = frozenset(["days", "weeks", "months", "years"])


@attrs.frozen
class Part:
    """The days of a month and the months of a year that "early", "mid" or "late" cover."""

    days: tuple[int, int]
    months: tuple[int, int]


@attrs.frozen
class Vague:
    """A vague expression: *count* *unit* back from the anchor (or forward when *forward*)."""

    unit: str
    count: int
    forward: bool


@attrs.frozen
class Vocabulary:
    """Every word the time scanner knows, keyed by its lower-case form."""

    months: Mapping[str, int]
    ambiguous_months: frozenset[str]
    abbreviations: frozenset[str]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, tuple[int, int]]
    seasons: Mapping[str, tuple[int, int]]
    parts: Mapping[str, Part]
    future_cues: tuple[str, ...]
    past_cues: tuple[str, ...]
    vague: Mapping[str, Vague]
    # The words of the "part" kind as written ("mid", "début"), for the patterns; ``parts``
    # holds them and, for a language with readings, their English readings too ("early").
    part_words: frozenset[str] = frozenset()
    # A language's relational words -> their English reading ("dernier" -> "last").
    readings: Mapping[str, str] = attrs.field(factory=dict)
    # Whether month and weekday names are capitalised in the language.
    names_capitalised: bool = True


def _pair(value: Any, where: str) -> tuple[int, int]:
    if isinstance(value, int) and not isinstance(value, bool):
        return (value, value)
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        return (value[0], value[1])
    raise DataTableError(f"{where}: expected an integer or a pair of integers")


def _part(value: Any, where: str) -> Part:
    if not isinstance(value, dict):
        raise DataTableError(f"{where}: expected an object with 'days' and 'months'")
    return Part(_pair(value.get("days"), f"{where}.days"), _pair(value.get("months"), where))


def _vague(value: Any, where: str) -> Vague:
    if not isinstance(value, dict) or value.get("unit") not in _UNITS:
        raise DataTableError(f"{where}: expected an object with a 'unit' of {sorted(_UNITS)}")
    count = value.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise DataTableError(f"{where}.count: expected a positive integer")
    return Vague(str(value["unit"]), count, bool(value.get("forward", False)))


@register_cache
@functools.cache
def vocabulary() -> Vocabulary:
    """The vocabulary of ``time_words.json`` (the package's, then the user's additions).

    Raises:
        DataTableError: an entry is malformed.
    """
    months: dict[str, int] = {}
    ambiguous: set[str] = set()
    abbreviations: set[str] = set()
    weekdays: dict[str, int] = {}
    numbers: dict[str, tuple[int, int]] = {}
    seasons: dict[str, tuple[int, int]] = {}
    parts: dict[str, Part] = {}
    future: list[str] = []
    past: list[str] = []
    vague: dict[str, Vague] = {}
    readings: dict[str, str] = {}
    language = rule_set()
    for entry in table_entries("time_words", TimeWord):
        word = " ".join(entry.word.lower().split())
        if language.fold:
            # The text is scanned folded ("fevrier", "aujourd'hui"): so are its words.
            word = fold(word)
        where = f"{entry_origin('time_words', entry)} ({word!r})"
        kind, value = entry.kind, entry.value
        if entry.reads is not None:
            if not entry.reads.strip():
                raise DataTableError(f"{where}.reads: the English words it reads as")
            readings[word] = " ".join(entry.reads.lower().split())
        if kind == "month":
            number = _pair(value, where)[0]
            if not 1 <= number <= 12:
                raise DataTableError(f"{where}.value: a month is 1 to 12")
            months[word] = number
            if entry.ambiguous:
                ambiguous.add(word)
            if entry.abbreviation:
                abbreviations.add(word)
        elif kind == "weekday":
            number = _pair(value, where)[0]
            if not 0 <= number <= 6:
                raise DataTableError(f"{where}.value: a weekday is 0 (Monday) to 6")
            weekdays[word] = number
        elif kind == "number":
            numbers[word] = _pair(value, where)
        elif kind == "season":
            seasons[word] = _pair(value, where)
        elif kind == "part":
            parts[word] = _part(value, where)
        elif kind == "future_cue":
            future.append(word)
        elif kind == "past_cue":
            past.append(word)
        elif kind == "reading":
            if not isinstance(value, str) or not value.strip():
                raise DataTableError(f"{where}.value: a reading is the English words it reads as")
            readings[word] = " ".join(value.lower().split())
        else:
            vague[word] = _vague(value, where)
    for word, reading in readings.items():
        # A word of another kind that reads as a number counts too: French "sept" is the
        # abbreviation of September and seven ("il y a sept ans").
        if reading.isdigit():
            numbers.setdefault(word, (int(reading), int(reading)))
    part_words = frozenset(parts)
    for word in part_words:
        english = readings.get(word)
        if english is not None:
            parts.setdefault(english, parts[word])
    return Vocabulary(
        months=months,
        ambiguous_months=frozenset(ambiguous),
        abbreviations=frozenset(abbreviations),
        weekdays=weekdays,
        numbers=numbers,
        seasons=seasons,
        parts=parts,
        future_cues=tuple(future),
        past_cues=tuple(past),
        vague=vague,
        part_words=part_words,
        readings=readings,
        names_capitalised=language.names_capitalised,
    )
