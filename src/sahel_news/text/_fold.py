"""The one Unicode fold every stage matches on: same length, so offsets carry over."""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["fold"]

_PUNCTUATION_FOLDS = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2013": "-",
    "\u00a0": " ",
    "\u202f": " ",
}


@functools.cache
def _fold_table() -> dict[int, str]:
    table = {ord(k): v for k, v in _PUNCTUATION_FOLDS.items()}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if len(base) == 1 and base != char:
            table[code] = base
    return table


_ASCII_BYTES = bytes(range(0x80))


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """*text* with accents and typographic apostrophes, quotes and dashes folded, same length.

    ``fold("Goïta’s")`` is ``"Goita's"``; every character maps to one character, so an
    offset in the folded text is the same offset in *text*. (Cached: every recognizer folds
    the same texts.)
    """
    if text.isascii():  # known to the string itself: no need to read it
        return text.replace("`", "'")
    # The characters to fold are among the non-ASCII ones, which the UTF-8 bytes keep once
    # the ASCII bytes are deleted: each step a C loop, where a regex reads every character.
    table = _fold_table()
    beyond_ascii = text.encode(errors="surrogatepass").translate(None, _ASCII_BYTES)
    special = {*beyond_ascii.decode(errors="surrogatepass"), "`"}
    # one replace per distinct character (a text has a few: ’ “ ” é), not a call per one
    for char in special:
        folded = table.get(ord(char))
        if folded is not None:
            text = text.replace(char, folded)
    return text
