"""Sentence ends in a line of plain text, for texts that hold a whole article on one line.

The capture layer splits at sentence ends only to find paragraphs and a first sentence, so
the rule is small: a ``.`` ``!`` ``?`` or ``…`` (closing quotes or brackets after it), white
space, then a capital, a digit or an opening quote; not after an abbreviation or an
initial. Paragraphs run together by a scraper (``said.The army``) end there too: a word in
lower case, the stop, then a capitalised word. One regex pass with a bounded look back, so
it is linear in the length of the text.
"""

from __future__ import annotations

import re

from sahel_news.data import abbreviations

__all__ = ["first_sentence", "sentence_bounds"]

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(\s*)")
_OPENERS = "\"'“‘«(["
# How far back from a full stop a word is read: longer than any abbreviation.
_WORD_WINDOW = 24


def _after_abbreviation(text: str, stop: int) -> bool:
    """Whether the word before the full stop at *stop* is an abbreviation or an initial."""
    words = text[max(0, stop - _WORD_WINDOW) : stop].rsplit(None, 1)
    if not words:
        return False
    word = words[-1].lstrip(_OPENERS)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "A. Traoré", "M. Diallo"
    # "Gen. Tiani", "Dec. 22" (``abbreviations`` of words.json); "U.S", "U.N": letters with
    # inner full stops
    return word.casefold() in abbreviations() or ("." in word and word.replace(".", "").isalpha())


def sentence_bounds(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The ``[start, end)`` offsets of the sentences of a stripped *text*, white space excluded.

    Args:
        text: one stripped line (no line breaks).
        start: no sentence ends before this offset (a dateline's full stops are not ends).

    Returns:
        Consecutive, non-empty spans covering every non-space character of *text*.
    """
    bounds: list[tuple[int, int]] = []
    begin = 0
    for match in _BOUNDARY.finditer(text, start):
        after = match.end()
        if after >= len(text):
            break
        following = text[after]
        stop = match.start()
        if match.end(1) == match.start(1):
            # no space: only "said.The army", never "3.5", "Reuters.com" or "U.S.Army"
            if not (
                following.isupper()
                and text[after + 1 : after + 2].islower()
                and stop > 0
                and text[stop - 1].islower()
            ):
                continue
        elif not (following.isupper() or following.isdigit() or following in _OPENERS):
            continue
        if text[stop] == "." and _after_abbreviation(text, stop):
            continue
        bounds.append((begin, match.start(1)))
        begin = after
    if begin < len(text):
        bounds.append((begin, len(text)))
    return bounds


def first_sentence(text: str) -> str:
    """The first sentence of a stripped, non-empty *text* (all of it if it has one sentence)."""
    # Only the start is needed: look at a bounded window, then fall back to the whole text.
    window = text[:2000]
    bounds = sentence_bounds(window)
    if len(bounds) > 1:
        start, end = bounds[0]
        return window[start:end]
    return text
