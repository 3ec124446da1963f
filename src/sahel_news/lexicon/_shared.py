"""The one vocabulary of the pipeline: every stage's tables in one automaton, one scan a text.

A stage declares a table with `vocabulary_table` (a builder of its forms, run when the
vocabulary is first needed) and reads its matches with `table_hits`. The first stage to ask
about a text scans it for every table at once; the others read that scan. A user data folder
(`sahel_news.add_data_dir`) clears the vocabulary with the other data caches.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from sahel_news.data import register_cache
from sahel_news.lexicon._matcher import Vocabulary, VocabularyTable, aligned_lower

__all__ = ["lowercase", "table_hits", "vocabulary_table"]

_BUILDERS: dict[str, Callable[[], VocabularyTable]] = {}


def vocabulary_table(
    name: str,
) -> Callable[[Callable[[], VocabularyTable]], Callable[[], VocabularyTable]]:
    """Declare the builder of table *name* (a decorator); its forms join the one automaton."""

    def register(builder: Callable[[], VocabularyTable]) -> Callable[[], VocabularyTable]:
        _BUILDERS[name] = builder
        _shared.cache_clear()
        _scan.cache_clear()
        return builder

    return register


@register_cache
@functools.cache
def _shared() -> tuple[Vocabulary, dict[str, int]]:
    names = sorted(_BUILDERS)
    return Vocabulary([_BUILDERS[name]() for name in names]), {n: i for i, n in enumerate(names)}


@register_cache
@functools.lru_cache(maxsize=512)
def _scan(folded: str) -> tuple[list[list[tuple[int, int]]], str]:
    vocabulary, _ = _shared()
    lower = aligned_lower(folded)
    return vocabulary.scan(folded, lower), lower


def table_hits(name: str, folded: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of table *name*'s forms in *folded* (a folded text).

    Every table is found in the same scan, made once per text.
    """
    _, index = _shared()
    return _scan(folded)[0][index[name]]


def lowercase(folded: str) -> str:
    """The lowercase of *folded* that the scan used, aligned with it character for character."""
    return _scan(folded)[1]
