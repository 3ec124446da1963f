"""The boilerplate vocabulary of captures (``boilerplate.json``), loaded once and cached."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from enum import StrEnum

import attrs

from sahel_news.data import (
    BoilerplatePhrase,
    DataTableError,
    entry_origin,
    register_cache,
    table_entries,
)

__all__ = ["Boilerplate", "PhraseKind", "boilerplate", "phrase_key"]

_TRAILING = " :.>|-–—»›…"


class PhraseKind(StrEnum):
    """What a boilerplate phrase marks; the values are the table's ``kind`` words."""

    READ_MORE = "read_more"
    SHARE = "share"
    FOOTER = "footer"
    BOILERPLATE = "boilerplate"
    HEADER = "header"
    BYLINE_PREFIX = "byline_prefix"
    CAPTION_PREFIX = "caption_prefix"
    CAPTION_CREDIT = "caption_credit"
    DATE_LABEL = "date_label"


_WHOLE_LINE = frozenset(
    {
        PhraseKind.READ_MORE,
        PhraseKind.SHARE,
        PhraseKind.FOOTER,
        PhraseKind.BOILERPLATE,
        PhraseKind.HEADER,
    }
)


def phrase_key(line: str) -> str:
    """The form a whole-line phrase is looked up by: case-folded, spaces collapsed, no tail."""
    return " ".join(line.casefold().split()).rstrip(_TRAILING)


@attrs.frozen
class Boilerplate:
    """The vocabulary grouped for matching.

    ``whole_lines`` maps a `phrase_key` to its kind; the patterns are literal alternations
    of the phrases of a group, matched ignoring case. ``date_labels`` are the case-folded
    labels that may open a date line (``updated``, ``publié le``), longest first.
    """

    whole_lines: dict[str, PhraseKind]
    byline_prefix: re.Pattern[str]
    caption_prefix: re.Pattern[str]
    caption_credit: re.Pattern[str]
    read_more_inline: re.Pattern[str]
    longest_phrase: int
    date_labels: tuple[str, ...] = ()


def _alternation(phrases: Iterable[str]) -> str:
    # Plain phrases, longest first so "photo credit" wins over "photo": a literal
    # alternation cannot backtrack catastrophically.
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


def _entry(raw: BoilerplatePhrase) -> tuple[PhraseKind, str]:
    try:
        kind = PhraseKind(raw.kind)
    except ValueError:
        known = ", ".join(k.value for k in PhraseKind)
        where = f"{entry_origin('boilerplate', raw)} ({raw.phrase!r})"
        raise DataTableError(f"{where}.kind: {raw.kind!r} is not one of {known}") from None
    return kind, raw.phrase.strip()


@register_cache
@functools.cache
def boilerplate() -> Boilerplate:
    """The boilerplate vocabulary: the package table, then users' tables (which add phrases).

    Raises:
        DataTableError: if a table entry is malformed or a group is empty.
    """
    whole: dict[str, PhraseKind] = {}
    groups: dict[PhraseKind, list[str]] = {kind: [] for kind in PhraseKind}
    for raw in table_entries("boilerplate", BoilerplatePhrase):
        kind, phrase = _entry(raw)
        if kind in _WHOLE_LINE:
            key = phrase_key(phrase)
            if key:
                whole[key] = kind
        groups[kind].append(phrase if kind is PhraseKind.CAPTION_CREDIT else phrase.casefold())
    for kind, phrases in groups.items():
        # An empty group would silently switch a rule off; a broken table should say so.
        if not phrases:
            raise DataTableError(f"boilerplate.json: no phrase of kind {kind.value!r}")
    credit_phrases = groups[PhraseKind.CAPTION_CREDIT]
    return Boilerplate(
        whole_lines=whole,
        byline_prefix=re.compile(
            rf"\(?(?:{_alternation(groups[PhraseKind.BYLINE_PREFIX])}) ", re.IGNORECASE
        ),
        caption_prefix=re.compile(
            rf"(?:{_alternation(groups[PhraseKind.CAPTION_PREFIX])}) ?:", re.IGNORECASE
        ),
        # Credits are matched as written: a case-blind search is several times slower.
        caption_credit=re.compile(_alternation(credit_phrases)),
        read_more_inline=re.compile(
            rf"(?:{_alternation(phrase_key(p) for p in groups[PhraseKind.READ_MORE])})"
            r" ?[:|»›–—-] (?=\S)",
            re.IGNORECASE,
        ),
        longest_phrase=max(len(key) for key in whole) if whole else 0,
        date_labels=tuple(sorted(set(groups[PhraseKind.DATE_LABEL]), key=len, reverse=True)),
    )
