"""Words with their offsets: the one tokenization every stage reads.

Words are found in the folded text (`sahel_news.text.fold`) and lowercased, so accents,
typographic apostrophes and dashes never make two spellings of one word; offsets are offsets
in the text as written. A possessive 's is a token of its own ("Niger's": "niger", "'s"),
and so is an elided word of the language read (``elisions`` of ``words.json``: in French
"l'Algérie" is "l'", "algerie").
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

from sahel_news.data import register_cache, word_set
from sahel_news.text._fold import fold

__all__ = ["Token", "Words", "split_words", "tokenize", "word_form", "words_of"]

# Words, with inner hyphens and apostrophes ("pull-out", "d'état"); a possessive 's is split off.
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
# The same on folded text ("’" made "'"), possessive so that no word is tried twice.
_TOKEN_SPLIT = re.compile(r"(\w++(?:[-']\w++)*+|[^\w\s])")
# The same for folded ASCII text, where \w is [a-z0-9_] (no capitals are left): faster.
_ASCII_TOKEN_SPLIT = re.compile(r"([a-z0-9_]++(?:[-'][a-z0-9_]++)*+|[^a-z0-9_\s])")
_POSSESSIVE_MARK = re.compile("'s")
_POSSESSIVE = ("'s", "’s")
_CONTEXTUAL_CASE = "\u03a3"  # capital sigma lowers to final or medial sigma by context
_LONGER_LOWER = "\u0130"  # dotted capital I lowers to two characters


class Token(NamedTuple):
    """One word or punctuation mark: folded text and ``[start, end)`` offsets."""

    norm: str
    start: int
    end: int


def word_form(word: str) -> str:
    """*word* as a token carries it: folded and lowercased."""
    return fold(word).lower()


class Words(NamedTuple):
    """A sentence's tokens as parallel lists: folded words, and their start and end offsets.

    What the extractors read; cheaper to build than one `Token` per word.
    """

    norms: list[str]
    starts: list[int]
    ends: list[int]


def tokenize(text: str) -> list[Token]:
    """The tokens of *text*: folded words and punctuation marks with their offsets."""
    return list(map(Token._make, zip(*split_words(text), strict=True)))


def words_of(tokens: Sequence[Token]) -> Words:
    """*tokens* as parallel lists."""
    return Words([t.norm for t in tokens], [t.start for t in tokens], [t.end for t in tokens])


def split_words(text: str) -> Words:
    """The tokens of *text* (see `tokenize`) as parallel lists."""
    if _CONTEXTUAL_CASE in text or _LONGER_LOWER in text:
        return _split_word_by_word(text)
    # Folding the whole text at once folds each token as on its own, and keeps every offset
    # and token boundary: no letter here lowers differently in context (capital sigma) or
    # into more letters (dotted capital I). The fold is the one every stage reads
    # (`sahel_news.text.fold`): accents and typographic apostrophes, quotes and dashes.
    folded = fold(text).lower()
    splitter = _ASCII_TOKEN_SPLIT if folded.isascii() else _TOKEN_SPLIT
    parts = splitter.split(folded)  # space, token, space, token, ..., space
    bounds = list(itertools.accumulate(map(len, parts)))  # where each part ends
    words = Words(parts[1::2], bounds[0:-1:2], bounds[1::2])
    if "'s" in folded:
        _split_possessives(text, folded, words)
    if "'" in folded:
        elided = _elided()
        if elided:
            _split_elisions(words, elided)
    return words


@register_cache
@functools.cache
def _elided() -> frozenset[str]:
    """The elided words of the language read, with their apostrophe ("l'", "qu'")."""
    return frozenset(f"{word}'" for word in word_set("elisions"))


def _split_elisions(words: Words, elided: frozenset[str]) -> None:
    """Split an elided word off the word it leans on ("l'algerie": "l'", "algerie")."""
    norms, starts, ends = words
    index = len(norms) - 1
    while index >= 0:
        norm = norms[index]
        mark = norm.find("'")
        if 0 < mark < len(norm) - 1 and norm[: mark + 1] in elided:
            start, end, cut = starts[index], ends[index], starts[index] + mark + 1
            norms[index : index + 1] = [norm[: mark + 1], norm[mark + 1 :]]
            starts[index : index + 1] = [start, cut]
            ends[index : index + 1] = [cut, end]
        index -= 1


def _split_possessives(text: str, folded: str, words: Words) -> None:
    """Split a possessive 's off its word in *words* ("Niger's": "niger", "'s")."""
    norms, starts, ends = words
    ending = []  # the words ending in 's, found from the marks in the text
    for mark in _POSSESSIVE_MARK.finditer(folded):
        index = bisect.bisect_left(ends, mark.end())
        if index < len(ends) and ends[index] == mark.end() and norms[index][-2:] == "'s":
            ending.append(index)
    for index in reversed(ending):
        norm, start, end = norms[index], starts[index], ends[index]
        if len(norm) > 2 and text[end - 1] == "s" and text[end - 3] != "'":
            norms[index : index + 1] = [norm[:-2], "'s"]
            starts[index : index + 1] = [start, end - 2]
            ends[index : index + 1] = [end - 2, end]


def _split_word_by_word(text: str) -> Words:
    words = Words([], [], [])
    norms, starts, ends = words
    for match in _TOKEN.finditer(fold(text)):
        word, start, end = match.group(), match.start(), match.end()
        if len(word) > 2 and word.endswith("'s") and text[end - 3] != "'":
            norms += (word_form(word[:-2]), "'s")
            starts += (start, end - 2)
            ends += (end - 2, end)
        else:
            norms.append(word_form(word))
            starts.append(start)
            ends.append(end)
    elided = _elided()
    if elided:
        _split_elisions(words, elided)
    return words
