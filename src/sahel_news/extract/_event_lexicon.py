"""The trigger lexicon (``triggers.json``): word tokens, and the trigger phrases found in them.

Phrases are matched token by token through a dictionary keyed by their first word, so
the cost per sentence is one lookup per token, whatever the size of the lexicon. A ``*``
in a phrase stands for up to three words. At each token the longest phrase wins; block
phrases ("according to", "press release") win like triggers but yield nothing, which
is how false triggers are kept out.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

import attrs

from sahel_news.data import DataTableError, load_entries, register_cache
from sahel_news.models import ParticipantRole, PloverType

__all__ = [
    "Lexicon",
    "Token",
    "TriggerEntry",
    "TriggerMatch",
    "find_triggers",
    "lexicon",
    "tokenize",
]

GAP = "*"
_GAP_WORDS = 3
# Words, with inner hyphens and apostrophes ("pull-out", "d'état"); a possessive 's is split off.
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_TOKEN_SPLIT = re.compile(r"(\w+(?:[-'’]\w+)*|[^\w\s])")
_POSSESSIVE = ("'s", "’s")
_NORM = operator.itemgetter(0)
_CONTEXTUAL_CASE = "\u03a3"  # capital sigma lowers to final or medial sigma by context
_LONGER_LOWER = "\u0130"  # dotted capital I lowers to two characters


class Token(NamedTuple):
    """One word or punctuation mark: folded text and ``[start, end)`` offsets."""

    norm: str
    start: int
    end: int


def _fold(word: str) -> str:
    return word.lower().replace("’", "'")


def tokenize(text: str) -> list[Token]:
    """The tokens of *text*: folded words and punctuation marks with their offsets."""
    if _CONTEXTUAL_CASE in text or _LONGER_LOWER in text:
        return _tokenize_word_by_word(text)
    # Folding the whole text at once folds each token as on its own, and keeps every offset
    # and token boundary: no letter here lowers differently in context (capital sigma) or
    # into more letters (dotted capital I), and "’" is an apostrophe either way.
    folded = text.lower().replace("’", "'")
    parts = _TOKEN_SPLIT.split(folded)  # space, token, space, token, ..., space
    words = parts[1::2]
    starts = list(itertools.accumulate(map(len, parts)))[0 : 2 * len(words) : 2]
    ends = map(operator.add, starts, map(len, words))
    tokens = list(
        map(tuple.__new__, itertools.repeat(Token), zip(words, starts, ends, strict=False))
    )
    if "'s" in folded:
        return _split_possessives(text, tokens)
    return tokens


def _split_possessives(text: str, tokens: list[Token]) -> list[Token]:
    """*tokens* with a possessive 's split off its word ("Niger's": "niger", "'s")."""
    for index in reversed([i for i, norm in enumerate(map(_NORM, tokens)) if norm[-2:] == "'s"]):
        norm, start, end = tokens[index]
        if len(norm) > 2 and text[end - 1] == "s" and text[end - 3] != "'":
            tokens[index : index + 1] = [
                Token(norm[:-2], start, end - 2),
                Token("'s", end - 2, end),
            ]
    return tokens


def _tokenize_word_by_word(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if len(word) > 2 and word.endswith(_POSSESSIVE) and word[-3] != "'":
            tokens.append(Token(_fold(word[:-2]), start, end - 2))
            tokens.append(Token("'s", end - 2, end))
        else:
            tokens.append(Token(_fold(word), start, end))
    return tokens


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


@attrs.frozen
class TriggerMatch:
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


def _words(raw: object, where: str) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(w, str) and w.strip() for w in raw):
        raise DataTableError(f"{where}: expected a list of phrases")
    return raw


def _phrase_tokens(phrase: str, where: str) -> tuple[str, ...]:
    words = tuple(t.norm for t in tokenize(phrase))
    if not words or words[0] == GAP:
        raise DataTableError(f"{where}: {phrase!r} must start with a word")
    return words


def _entries(raw: dict[str, object], where: str) -> list[tuple[str, TriggerEntry]]:
    try:
        kind = PloverType(str(raw["type"]))
    except (KeyError, ValueError):
        raise DataTableError(f"{where}: 'type' must be a PLOVER type") from None
    cameo = raw.get("cameo")
    mode = raw.get("mode")
    if not (cameo is None or isinstance(cameo, str)) or not (mode is None or isinstance(mode, str)):
        raise DataTableError(f"{where}: 'cameo' and 'mode' are strings")
    of_role = _role(raw.get("of"), ParticipantRole.TARGET, where)
    from_role = _role(raw.get("from"), ParticipantRole.OTHER, where)
    found: list[tuple[str, TriggerEntry]] = []
    for key, nominal in (("verbs", False), ("nouns", True)):
        if key not in raw:
            continue
        entry = TriggerEntry(
            kind,
            cameo,
            mode,
            nominal,
            of_role,
            from_role,
            bool(raw.get("control")),
            bool(raw.get("symmetric")),
        )
        found.extend((phrase, entry) for phrase in _words(raw[key], f"{where}.{key}"))
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
    for index, raw in enumerate(load_entries("triggers")):
        where = f"triggers.json: entries[{index}]"
        if not isinstance(raw, dict):
            raise DataTableError(f"{where}: expected an object")
        pairs: list[tuple[str, TriggerEntry | None]]
        if "block" in raw:
            pairs = [(p, None) for p in _words(raw["block"], f"{where}.block")]
        elif "context" in raw:
            for word in _words(raw.get("words"), f"{where}.words"):
                contexts[_fold(word)] = str(raw["context"])
            continue
        else:
            pairs = list(_entries(raw, where))
        for phrase, entry in pairs:
            words = _phrase_tokens(phrase, where)
            by_first.setdefault(words[0], []).append((words, entry))
    # Later entries (user tables) first, so that at equal length a user's reading wins.
    return Lexicon({first: tuple(reversed(items)) for first, items in by_first.items()}, contexts)


def _match_end(tokens: Sequence[Token], at: int, words: tuple[str, ...]) -> int | None:
    """The index after the last token matched by *words* at *at*, or None (gaps are lazy)."""
    position = at
    pending_gap = False
    for word in words:
        if word == GAP:
            pending_gap = True
            continue
        if pending_gap:
            pending_gap = False
            for skip in range(_GAP_WORDS + 1):
                index = position + skip
                if index >= len(tokens):
                    return None
                if tokens[index].norm == word:
                    position = index + 1
                    break
                if not tokens[index].norm[0].isalnum():
                    return None
            else:
                return None
            continue
        if position >= len(tokens) or tokens[position].norm != word:
            return None
        position += 1
    return position


def find_triggers(tokens: Sequence[Token]) -> list[TriggerMatch]:
    """The trigger phrases among *tokens*, left to right, longest first, without overlaps."""
    phrases = lexicon().phrases
    found: list[TriggerMatch] = []
    resume = 0
    for index in [i for i, norm in enumerate(map(_NORM, tokens)) if norm in phrases]:
        if index < resume:
            continue
        best_end = -1
        best_entry: TriggerEntry | None = None
        following = tokens[index + 1].norm if index + 1 < len(tokens) else None
        for words, entry in phrases[tokens[index].norm]:
            if len(words) == 1:
                end: int | None = index + 1
            elif words[1] != GAP and words[1] != following:
                continue  # cannot match: the cheap test before the full one
            else:
                end = _match_end(tokens, index, words)
            if end is not None and end > best_end:
                best_end, best_entry = end, entry
        if best_end < 0:
            continue
        if best_entry is not None:
            found.append(
                TriggerMatch(
                    index,
                    best_end - 1,
                    tokens[index].start,
                    tokens[best_end - 1].end,
                    best_entry,
                )
            )
        resume = best_end
    return found


def contexts_of(tokens: Sequence[Token]) -> tuple[str, ...]:
    """The PLOVER contexts the words of a sentence point to, in lexicon order, once each."""
    table = lexicon().contexts
    heads = _context_heads()
    norms = list(map(_NORM, tokens))
    if table.keys().isdisjoint(norms) and heads.isdisjoint(norms) and "" not in heads:
        return ()  # no context word, and no first word of a context phrase
    seen: dict[str, None] = {}
    previous = ""
    for token in tokens:
        norm = token.norm
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
