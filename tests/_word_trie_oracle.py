"""The regex tries the vocabulary automaton replaced: the oracle its tests compare against."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import attrs

__all__ = ["WordPattern", "alternation", "word_matches"]


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
