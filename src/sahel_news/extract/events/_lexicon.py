"""The trigger lexicon (``triggers.json``): word tokens, and the trigger phrases found in them.

Phrases are matched token by token through a dictionary keyed by their first word, so
the cost per sentence is one lookup per token, whatever the size of the lexicon. A ``*``
in a phrase stands for a few words. At each token the longest phrase wins; block
phrases ("according to", "press release") win like triggers but yield nothing, which
is how false triggers are kept out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

import attrs

from sahel_news.data import (
    DataTableError,
    TriggerGroup,
    entry_origin,
    month_names,
    register_cache,
    table_entries,
    weekday_names,
)
from sahel_news.extract.events._grammar import grammar
from sahel_news.models import ParticipantRole, PloverType
from sahel_news.text._tokens import Token, Words, split_words, word_form, words_of

__all__ = [
    "Lexicon",
    "TriggerEntry",
    "TriggerMatch",
    "find_triggers",
    "lexicon",
    "triggers_in",
]

GAP = "*"
_CAMEO = re.compile(r"[0-9]{2,4}")


@attrs.frozen
class TriggerEntry:
    """What a trigger phrase means: PLOVER type, CAMEO code, mode and how its arguments read.

    ``of_role`` is the role of an ``of`` complement or a possessor of a nominal trigger
    ("the overthrow of X": target; "X's withdrawal": source); ``from_role`` the role of a
    ``from`` complement. ``control`` triggers take a clause ("agreed to develop ...") whose
    own triggers are part of them, not events of their own.
    """

    type: PloverType
    cameo: str | None
    mode: str | None
    nominal: bool
    of_role: ParticipantRole
    from_role: ParticipantRole
    control: bool
    symmetric: bool


class TriggerMatch(NamedTuple):
    """A trigger found in a sentence: token range, character range and its entry."""

    first: int
    last: int
    start: int
    end: int
    entry: TriggerEntry


_Phrase = tuple[tuple[str, ...], TriggerEntry | None]


@attrs.frozen
class Lexicon:
    """The compiled lexicon: phrases by first word, and context words."""

    phrases: Mapping[str, tuple[_Phrase, ...]]
    contexts: Mapping[str, str]


def _role(raw: object, default: ParticipantRole, where: str) -> ParticipantRole:
    if raw is None:
        return default
    try:
        return ParticipantRole(str(raw))
    except ValueError:
        raise DataTableError(f"{where}: {raw!r} is not a participant role") from None


def _words(raw: tuple[str, ...] | None, where: str) -> tuple[str, ...]:
    if raw is None:
        raise DataTableError(f"{where}: expected a list of phrases")
    return raw


def _phrase_tokens(phrase: str, where: str) -> tuple[str, ...]:
    words = tuple(split_words(phrase).norms)
    if not words or words[0] == GAP:
        raise DataTableError(f"{where}: {phrase!r} must start with a word")
    return words


def _entries(raw: TriggerGroup, where: str) -> list[tuple[str, TriggerEntry]]:
    try:
        kind = PloverType(str(raw.type))
    except ValueError:
        raise DataTableError(f"{where}: 'type' must be a PLOVER type") from None
    cameo, mode = raw.cameo, raw.mode
    # checked here, once, so that events built from the entry need no check of their own
    if cameo is not None and not _CAMEO.fullmatch(cameo):
        raise DataTableError(f"{where}: 'cameo' {cameo!r} is not a CAMEO code (2 to 4 digits)")
    if mode is not None and not mode.strip():
        raise DataTableError(f"{where}: 'mode' must not be blank")
    of_role = _role(raw.of, ParticipantRole.TARGET, where)
    from_role = _role(raw.from_, ParticipantRole.OTHER, where)
    found: list[tuple[str, TriggerEntry]] = []
    for phrases, nominal in ((raw.verbs, False), (raw.nouns, True)):
        if phrases is None:
            continue
        entry = TriggerEntry(
            kind, cameo, mode, nominal, of_role, from_role, raw.control, raw.symmetric
        )
        found.extend((phrase, entry) for phrase in phrases)
    return found


@register_cache
@functools.cache
def lexicon() -> Lexicon:
    """The trigger lexicon, the package's table then users' (``SAHEL_NEWS_DATA``), compiled once.

    Raises:
        DataTableError: if an entry is malformed.
    """
    by_first: dict[str, list[_Phrase]] = {}
    contexts: dict[str, str] = {}
    for raw in table_entries("triggers", TriggerGroup):
        where = entry_origin("triggers", raw) + ("" if raw.id is None else f" ({raw.id!r})")
        pairs: list[tuple[str, TriggerEntry | None]]
        if raw.block is not None:
            pairs = [(p, None) for p in raw.block]
        elif raw.context is not None:
            if not raw.context.strip():
                raise DataTableError(f"{where}: 'context' must be a non-blank string")
            for word in _words(raw.words, f"{where}.words"):
                contexts[word_form(word)] = raw.context
            continue
        else:
            pairs = list(_entries(raw, where))
        for phrase, entry in pairs:
            words = _phrase_tokens(phrase, where)
            by_first.setdefault(words[0], []).append((words, entry))
    # Later entries (user tables) first, so that at equal length a user's reading wins.
    return Lexicon({first: tuple(reversed(items)) for first, items in by_first.items()}, contexts)


@register_cache
@functools.cache
def _date_words() -> frozenset[str]:
    """Words a gap passes over uncounted: month and weekday names, and the grammar's."""
    names = (*month_names(), *weekday_names())
    return frozenset(word_form(name) for name in names) | grammar().date_words


def _match_end(norms: Sequence[str], at: int, words: tuple[str, ...]) -> int | None:
    """The index after the last word of *norms* matched by *words* at *at*, or None.

    Gaps are lazy.
    """
    position = at
    pending_gap = False
    gap_words = grammar().gap_words
    for word in words:
        if word == GAP:
            pending_gap = True
            continue
        if pending_gap:
            pending_gap = False
            index, counted = position, 0
            while True:
                if index >= len(norms):
                    return None
                norm = norms[index]
                if norm == word:
                    position = index + 1
                    break
                if not norm[0].isalnum():
                    return None
                if not (norm[0].isdigit() or norm in _date_words()):
                    counted += 1
                    if counted > gap_words:
                        return None
                index += 1
            continue
        if position >= len(norms) or norms[position] != word:
            return None
        position += 1
    return position


def find_triggers(tokens: Sequence[Token]) -> list[TriggerMatch]:
    """The trigger phrases among *tokens*, left to right, longest first, without overlaps."""
    return triggers_in(words_of(tokens))


def triggers_in(words: Words) -> list[TriggerMatch]:
    """The trigger phrases among a sentence's *words* (see `find_triggers`)."""
    by_first = _phrases_by_second()
    norms = words.norms
    if by_first.keys().isdisjoint(norms):
        return []  # no first word of any phrase: decided in C
    found: list[TriggerMatch] = []
    resume = 0
    count = len(norms)
    for index in [i for i, norm in enumerate(norms) if norm in by_first]:
        if index < resume:
            continue
        best_end = -1
        best_entry: TriggerEntry | None = None
        by_second, others = by_first[norms[index]]
        phrases = by_second.get(norms[index + 1], others) if index + 1 < count else others
        for phrase, entry in phrases:
            end = index + 1 if len(phrase) == 1 else _match_end(norms, index, phrase)
            if end is not None and end > best_end:
                best_end, best_entry = end, entry
        if best_end < 0:
            continue
        if best_entry is not None:
            found.append(
                TriggerMatch(
                    index,
                    best_end - 1,
                    words.starts[index],
                    words.ends[best_end - 1],
                    best_entry,
                )
            )
        resume = best_end
    return found


_Candidates = tuple[dict[str, tuple[_Phrase, ...]], tuple[_Phrase, ...]]


@register_cache
@functools.cache
def _phrases_by_second() -> Mapping[str, _Candidates]:
    """The lexicon's phrases by first word, then by the word after it.

    Each first word maps to the phrases that can match given the next word, and to those
    that can match whatever it is (one word, or a gap next), each in lexicon order, so that
    a common first word ("the", "in") costs one lookup unless its next word fits.
    """
    table: dict[str, _Candidates] = {}
    for first, phrases in lexicon().phrases.items():
        seconds = {words[1] for words, _ in phrases if len(words) > 1 and words[1] != GAP}
        table[first] = (
            {
                second: tuple(p for p in phrases if len(p[0]) == 1 or p[0][1] in {GAP, second})
                for second in seconds
            },
            tuple(p for p in phrases if len(p[0]) == 1 or p[0][1] == GAP),
        )
    return table


def contexts_of(norms: Sequence[str]) -> tuple[str, ...]:
    """The PLOVER contexts a sentence's folded words point to, in lexicon order, once each."""
    table = lexicon().contexts
    heads = _context_heads()
    if table.keys().isdisjoint(norms) and heads.isdisjoint(norms) and "" not in heads:
        return ()  # no context word, and no first word of a context phrase
    seen: dict[str, None] = {}
    previous = ""
    for norm in norms:
        context = table.get(norm)
        if context is not None:
            seen.setdefault(context)
        if previous in heads:
            context = table.get(f"{previous} {norm}")
            if context is not None:
                seen.setdefault(context)
        previous = norm
    return tuple(seen)


@register_cache
@functools.cache
def _context_heads() -> frozenset[str]:
    """The first words of the context phrases of two words or more."""
    return frozenset(key.split(" ", 1)[0] for key in lexicon().contexts if " " in key)
