"""Where the sentences of a text are: the one sentence rule, read by capture and extraction.

A sentence ends at a ``.`` ``!`` ``?`` or ``…`` (with closing quotes or brackets after it)
followed by white space and anything but a lower-case letter, unless the stop ends an
abbreviation (``words.json``, month names) or a single initial. Paragraphs run together by
a scraper (``said.The army``) end there too: a lower-case letter, the stop, then a
capitalised word; never "3.5", "Reuters.com" or "U.S.Army". Each stop looks back at one
word only, so the rule is linear in the length of the text.
"""

from __future__ import annotations

import re

from sahel_news.data import abbreviations

__all__ = ["MAX_SENTENCE", "sentence_bounds", "split_sentences"]

# The stops, the closing marks after them (group 1), then the white space (group 2).
_BOUNDARY = re.compile(r"([.!?…]+[\"'”’»)\]]*)(\s*)")
_SINGLE_INITIAL = re.compile(r"(?:^|\s)[A-Z]$")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# How far back from a full stop a word is read: longer than any abbreviation with its marks.
_WORD_WINDOW = 64
# A "sentence" longer than this with no boundary (a run-on line, a list, garbage) is cut
# into chunks of at most this many characters, at white space where there is some, so the
# work spent on one sentence stays bounded.
MAX_SENTENCE = 2000
_CUT_WINDOW = 200


def sentence_bounds(text: str, skip: int = 0) -> list[tuple[int, int]]:
    """The ``[start, end)`` offsets of the sentences of *text*, trimmed of outer white space.

    Args:
        text: any text.
        skip: no sentence ends before this offset (a dateline's full stops are no ends).
    """
    bounds: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    size = len(text.rstrip())
    for match in _BOUNDARY.finditer(text, skip, size):
        after = match.end()
        if after >= size:
            break
        stop = match.start()
        if match.end(2) == after == match.start(2):
            if not _glued(text, stop, after):
                continue
        elif text[after].islower():
            continue
        if _abbreviation_before(text, start, stop):
            continue
        end = match.end(1)
        if end > start:
            bounds.append((start, end))
        start = after
    if size > start:
        bounds.append((start, size))
    return bounds


def split_sentences(text: str) -> list[tuple[int, int]]:
    """`sentence_bounds`, with a sentence longer than `MAX_SENTENCE` cut into chunks."""
    bounds: list[tuple[int, int]] = []
    for start, end in sentence_bounds(text):
        if end - start > MAX_SENTENCE:
            bounds.extend(_chunks(text, start, end))
        else:
            bounds.append((start, end))
    return bounds


def _glued(text: str, stop: int, after: int) -> bool:
    """Whether a stop with no space after it ends a sentence: "said.The army"."""
    return (
        stop > 0
        and text[stop - 1].islower()
        and text[after].isupper()
        and text[after + 1 : after + 2].islower()
    )


def _abbreviation_before(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends in an abbreviation or a single initial ("Mr", "J").

    Only the last few characters are read, so a long sentence costs no more than a short one.
    """
    words = text[max(start, end - _WORD_WINDOW) : end].rsplit(None, 1)
    if not words:
        return False
    last_word = words[-1]
    known = abbreviations()
    if len(last_word) == 1 and last_word in _CAPITALS:
        # three characters are enough for "<space>X\n", and too many for ^ to match falsely
        # (the pattern only matches where the last word is one capital)
        return bool(_SINGLE_INITIAL.search(text[max(start, end - 3) : end])) or (
            last_word.lower() in known
        )
    return last_word.lower().strip("(\"'“‘") in known


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut into pieces of at most `MAX_SENTENCE` characters, at white space."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = limit
        for position in range(limit, limit - _CUT_WINDOW, -1):
            if text[position].isspace():
                cut = position
                break
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end if piece_end > start else cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces
