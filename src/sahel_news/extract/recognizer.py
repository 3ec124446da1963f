"""The Recognizer protocol: what any recognizer (rules, gazetteers, a statistical NER) yields.

A recognizer looks at one text of an article (a `TextUnit`) and yields `EntityCandidate`\\ s:
character offsets into that text, what the stretch is (a country, a person, an organisation)
and what the recognizer knows of it. `extract_entities` merges the candidates of every
recognizer into the article's countries and actors, so a new recognizer plugs in without
changing anything else.

This module also holds the text folding every default recognizer matches on: typographic
apostrophes, quotes and dashes and Latin accents are folded one character for one character,
so offsets found in the folded text are offsets in the original.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from typing import Any, NamedTuple, Protocol, runtime_checkable

import attrs

from sahel_news.extract._text import TextUnit
from sahel_news.models import ActorKind

__all__ = [
    "EntityCandidate",
    "EntityLabel",
    "Recognizer",
    "WordPattern",
    "alternation",
    "fold",
    "word_matches",
]


class EntityLabel(StrEnum):
    """What a candidate stretch of text names."""

    COUNTRY = "country"
    PERSON = "person"
    ORGANISATION = "organisation"


def _check_offsets(instance: EntityCandidate, _: attrs.Attribute[int], __: int) -> None:
    if not 0 <= instance.start < instance.end:
        raise ValueError(
            f"a candidate needs 0 <= start < end, got {instance.start}..{instance.end}"
        )


@attrs.frozen(slots=True)
class EntityCandidate:
    """A stretch ``[start, end)`` of one text that a recognizer takes for an entity.

    ``label`` says what it is. For a country, ``country`` is its alpha-3 code (or
    ``choices`` lists the codes a shared form may mean) and ``implied`` marks a place use
    ("in Bamako") that implies the country without naming the state. For an actor, ``name``
    is the canonical name where the recognizer knows it (else the text is used), ``id`` a
    gazetteer id where known, ``kind`` the ActorKind, ``country`` the country it acts for,
    ``role`` a title as written, and ``from_text`` whether that country was read from the
    text itself (it then beats a gazetteer's). ``needs_country`` asks the merger to take the
    country from the context (the nearest earlier country of ``choices``, or of any country
    when ``choices`` is empty); ``context_count`` how many countries it stands for ("the
    military regimes of both countries": 2). ``form`` says which kind of country form
    matched (name, demonym, capital, seat, place) and ``locative`` marks a country named as a
    place ("in Togo", "from Turkey"), which weighs less when context is resolved.
    """

    start: int = attrs.field(validator=_check_offsets)
    end: int
    label: EntityLabel
    name: str | None = None
    id: str | None = None
    kind: ActorKind | None = None
    country: str | None = None
    role: str | None = None
    from_text: bool = False
    implied: bool = False
    choices: tuple[str, ...] = ()
    needs_country: bool = False
    context_count: int = 1
    form: str | None = None
    locative: bool = False


class CandidateTuple(NamedTuple):
    """An `EntityCandidate` as a plain tuple: what the built-in recognizers make internally.

    Same fields, same meaning, same order; building one costs a fraction of an
    `EntityCandidate` (no validation: the built-in recognizers give offsets inside their
    text by construction), which counts at dozens of candidates per article. The public
    ``recognize`` methods still yield `EntityCandidate`\\ s (`to_entity_candidate`).
    """

    start: int
    end: int
    label: EntityLabel
    name: str | None = None
    id: str | None = None
    kind: ActorKind | None = None
    country: str | None = None
    role: str | None = None
    from_text: bool = False
    implied: bool = False
    choices: tuple[str, ...] = ()
    needs_country: bool = False
    context_count: int = 1
    form: str | None = None
    locative: bool = False


# What the merger reads: a candidate of a user's recognizer, or of a built-in one.
Candidate = EntityCandidate | CandidateTuple

# A CandidateTuple from all fifteen fields in order: ``CandidateTuple._make`` in one call in C,
# without the Python-level ``__new__`` and its keyword handling (dozens of candidates an
# article).
new_candidate: Callable[[tuple[Any, ...]], CandidateTuple] = functools.partial(
    tuple.__new__, CandidateTuple
)


def to_entity_candidate(candidate: CandidateTuple) -> EntityCandidate:
    """The `EntityCandidate` of *candidate* (same fields)."""
    return EntityCandidate(*candidate)


@runtime_checkable
class Recognizer(Protocol):
    """Anything with a ``recognize`` method that yields candidates for one text."""

    def recognize(self, unit: TextUnit) -> Iterable[EntityCandidate]:
        """The candidates found in *unit*, with offsets into ``unit.text``."""
        ...


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


def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of *words*, longest first, factored as a trie.

    Python's regex engine tries the branches of a plain alternation one by one at every
    position; a trie (``Ni(?:ger(?:ia|ien)?)``) makes that one branch per character, which is
    what keeps a gazetteer of thousands of forms fast. Greedy optional groups give the
    longest form at a position, as a longest-first alternation does.
    """
    root: dict[str, dict[str, object]] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})  # type: ignore[assignment]
        node[""] = {}
    if not root:
        return "(?!)"
    return f"(?:{_emit(root)})"


def _emit(node: Mapping[str, object]) -> str:
    branches = [
        re.escape(char) + _emit(child)  # type: ignore[arg-type]
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" in node:
        return f"(?:{body})?"
    return body


def word_matches(
    pattern: re.Pattern[str], text: str, *, hyphen_joins: bool = True
) -> list[re.Match[str]]:
    """The matches of *pattern* (which starts with ``\\b``) that start a word of *text*.

    With *hyphen_joins*, a match right after a hyphen ("pro-Wagner") is skipped. A ``\\b``
    at the start lets the regex engine skip ahead fast, where a look-behind would make it
    try every position; the hyphen test is done here instead.
    """
    if not hyphen_joins:
        return list(pattern.finditer(text))
    return [m for m in pattern.finditer(text) if not (m.start() and text[m.start() - 1] == "-")]


# Running text is mostly lowercase: a trie whose forms start with many lowercase letters
# would be tried at nearly every letter, which the ``\b`` form does faster.
_FEW_LOWERCASE_STARTS = 4


def _is_word_char(char: str) -> bool:
    """Whether *char* is a regex ``\\w`` character (what ``\\b`` looks at)."""
    return char.isalnum() or char == "_"


@attrs.frozen
class WordPattern:
    """A trie of forms matched where a word starts: ``\\b(?:forms)tail``, found fast.

    ``pattern`` is that regex; `matches` gives what ``word_matches(pattern, text)`` gives.
    When every form starts with a word character and few start lowercase, ``bare`` (the
    regex without ``\\b``) lets the engine skip to the letters a form can start with (a
    ``\\b`` first hides them from it), and the word-start test is done here: on English
    text that scans two to three times faster.
    """

    pattern: re.Pattern[str]
    bare: re.Pattern[str] | None

    @classmethod
    def compile(cls, forms: Iterable[str], tail: str) -> WordPattern:
        """The WordPattern of ``\\b{alternation(forms)}{tail}`` (*tail*: a look-ahead)."""
        forms = list(forms)
        body = alternation(forms)
        word_starts = all(form[:1] and _is_word_char(form[0]) for form in forms)
        lowercase_starts = {form[0] for form in forms if form[:1].islower()}
        bare = (
            re.compile(f"{body}{tail}")
            if forms and word_starts and len(lowercase_starts) <= _FEW_LOWERCASE_STARTS
            else None
        )
        return cls(re.compile(rf"\b{body}{tail}"), bare)

    def matches(self, text: str, *, hyphen_joins: bool = True) -> list[re.Match[str]]:
        """``word_matches(self.pattern, text, hyphen_joins=...)``, faster."""
        bare = self.bare
        if bare is None:
            return word_matches(self.pattern, text, hyphen_joins=hyphen_joins)
        found: list[re.Match[str]] = []
        search = bare.search
        position = 0
        while (match := search(text, position)) is not None:
            start = match.start()
            if start and ((before := text[start - 1]).isalnum() or before == "_"):
                position = start + 1  # no word starts here: ``\\b`` would not match
                continue
            if not (hyphen_joins and start and text[start - 1] == "-"):
                found.append(match)
            position = match.end()
        return found
