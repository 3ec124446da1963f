"""The scanner's regular expressions: the current language's rules (``_rules_en``, ``_rules_fr``),
filled from its vocabulary at first use and cached (per language).

Every pattern is a chain of literal alternations and single quantifiers over disjoint
classes, so matching is linear in the text: no nested quantifiers, no overlapping repeats.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from sahel_news.data import register_cache
from sahel_news.extract.time._language import rule_set
from sahel_news.extract.time._rules_en import ENGLISH, EVENT_NOUN_AFTER, RULES, WINDOWS
from sahel_news.extract.time._vocab import vocabulary

__all__ = ["ENGLISH", "EVENT_NOUN_AFTER", "RULES", "WINDOWS", "cue_patterns", "patterns"]


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of *words*, longest first, spaces matching any run of spaces."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    if not ordered:
        # An empty group would match everywhere; this one matches nowhere.
        return r"(?!x)x"
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@register_cache
@functools.cache
def patterns() -> Mapping[str, re.Pattern[str]]:
    """Each rule's compiled pattern, in priority order."""
    vocab = vocabulary()
    fills = {
        "<M>": _alternation(vocab.months),
        "<WD>": _alternation(vocab.weekdays),
        "<N>": r"\d{1,3}|" + _alternation(vocab.numbers),
        "<PART>": _alternation(vocab.part_words),
        "<SEASON>": _alternation(vocab.seasons),
        "<VAGUE>": _alternation(vocab.vague),
    }
    compiled: dict[str, re.Pattern[str]] = {}
    for name, template in rule_set().rules:
        source = template
        for token, alternation in fills.items():
            source = source.replace(token, f"(?:{alternation})")
        compiled[name] = re.compile(source, re.IGNORECASE)
    return compiled


@register_cache
@functools.cache
def cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The future-tense and past-tense cue patterns.

    Each phrase is matched whole; the phrases are a tree of shared prefixes (``_trie``),
    which ``re`` tries several times faster than their alternation, finding the same.
    """
    vocab = vocabulary()
    forms = rule_set().future_forms
    more = f"|{forms}" if forms else ""
    future = re.compile(rf"(?<!\w)(?:{_trie(vocab.future_cues)})\b{more}", re.IGNORECASE)
    past = re.compile(rf"(?<!\w)(?:{_trie(vocab.past_cues)})\b", re.IGNORECASE)
    return future, past


def _trie(phrases: Iterable[str]) -> str:
    """A regex matching what ``_alternation(phrases)`` matches, as a tree of shared prefixes.

    At a start both match the same longest phrase (a shorter one only where no longer
    one goes on), but this one compares each character once instead of once per phrase.
    """
    root: dict[str, Any] = {}
    for phrase in set(phrases):
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(node[char])
            for char in sorted(node)
            if char
        ]
        if not branches:
            return ""
        joined = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{joined})?" if "" in node else joined

    return emit(root) if root else r"(?!x)x"
