"""Where the scanner looks: which rules can match in a text, and at which word starts.

A full ``finditer`` of every rule over every sentence costs far more than the rest of the
extraction. Every match starts at a word and holds a core word (a month, "week", a year)
at most a few words after its start (``WINDOWS``), so the plan lists, per rule, the word
starts near its cores: ``scan`` tries the rule there only, in order, skipping what an
earlier match covers, which finds exactly what ``finditer`` finds. A text without any core
word costs one pass of word splitting and set lookups.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping

import attrs

from sahel_news.data import register_cache
from sahel_news.extract._timex_patterns import WINDOWS, patterns
from sahel_news.extract._timex_vocab import vocabulary

__all__ = ["Heads", "Plan", "Words", "heads_of", "phrase_starts", "plan", "scan"]

_UNITS = ("day", "week", "month", "year", "decade")
# Core words of the rules whose cores are fixed words, not vocabulary.
_FIXED_CORES: Mapping[str, frozenset[str]] = {
    "relative_day": frozenset(
        [
            "yesterday",
            "today",
            "tomorrow",
            "tonight",
            "overnight",
            "night",
            "morning",
            "afternoon",
            "evening",
        ]
    ),
    "unit": frozenset(["weekend", *_UNITS]),
    "count_unit": frozenset([*_UNITS, *(f"{u}s" for u in _UNITS)]),
    "plural_unit": frozenset(f"{u}s" for u in _UNITS),
    "previous": frozenset(["day", "night", "morning", "afternoon", "evening"]),
}
# Cores that are digit runs, by their shape (``\d`` as the rules read it).
_SHAPES: Mapping[str, re.Pattern[str]] = {
    "four_digits": re.compile(r"\d{4}"),
    "year": re.compile(r"1[89]\d\d|20\d\d"),
    "decade": re.compile(r"(?:1[89]\d0|20\d0)s"),
}
_MONTH_RULES = frozenset(
    [
        "day_month",
        "month_day",
        "day_range",
        "month_day_range",
        "month_range",
        "month_year",
        "part_month",
        "month",
    ]
)
_RUN = re.compile(r"\w+")
_SPLIT = re.compile(r"(\w+)")
_ASCII_RUN = re.compile(r"[a-z0-9]+")
_PLAIN = re.compile(r"[a-z]+")
_ESCAPE = re.compile(r"\\.")
_DIGIT = re.compile(r"\d")
# Letters that case-insensitive matching equates with an ASCII letter (dotted and dotless
# i, long s, the Kelvin sign): a text holding one is scanned whole, as it always was.
_FOLDED = re.compile("[\u0130\u0131\u017f\u212a]")
_DIGIT_RULES = frozenset(["iso", "year_range", "year", "quarter", "decade"])
# Another word a rule's matches always hold: a day number, a year.
_ALSO: Mapping[str, str] = {
    "day_month": "digits",
    "month_day": "digits",
    "day_range": "digits",
    "month_day_range": "digits",
    "month_year": "year",
}

Rule = tuple[int, str, re.Pattern[str]]


@attrs.frozen
class Plan:
    """The rules worth trying on one text, each with its start offsets (None: scan it whole)."""

    rules: tuple[tuple[Rule, tuple[int, ...] | None], ...]


@attrs.frozen
class _Tables:
    rules: tuple[Rule, ...]
    windowed: bool  # False when the vocabulary has words the windows cannot stand for
    cores: Mapping[str, tuple[str, ...]]  # a core word -> the families it belongs to
    core_words: frozenset[str]
    by_family: Mapping[str, tuple[tuple[Rule, str | None], ...]]  # each rule with its _ALSO
    farthest: Mapping[str, int]  # a family -> most words before a core of any of its rules
    allowed: Mapping[str, frozenset[str]]  # a family -> every plain word its patterns hold
    coarse: Mapping[str, frozenset[str]]  # the word gates of the unwindowed scan


_NOTHING = Plan(())


def _phrase_core(phrase: str, *, longest: bool) -> tuple[str, int] | None:
    """The word of *phrase* standing for it, and how many words precede it there."""
    runs = _RUN.findall(phrase)
    if not runs:
        return None
    position = max(range(len(runs)), key=lambda i: (len(runs[i]), -i)) if longest else 0
    word = runs[position]
    return (word, position) if _ASCII_RUN.fullmatch(word) else None


def _family(phrases: Iterable[str], *, longest: bool = False) -> tuple[frozenset[str], int] | None:
    """The core words of a vocabulary family and the most words before them, if all have one."""
    words: set[str] = set()
    before = 0
    for phrase in phrases:
        core = _phrase_core(phrase, longest=longest)
        if core is None:
            return None
        words.add(core[0])
        before = max(before, core[1])
    return frozenset(words), before


def _plain_words(pattern: re.Pattern[str]) -> list[str]:
    """Every plain word *pattern* can match: its letters outside escapes such as ``\\b``."""
    return _PLAIN.findall(_ESCAPE.sub(" ", pattern.pattern.lower()))


def _longest(phrases: Iterable[str]) -> int:
    return max((len(_RUN.findall(p)) for p in phrases), default=0)


@register_cache
@functools.cache
def _tables() -> _Tables:
    vocab = vocabulary()
    families: dict[str, tuple[frozenset[str], int] | None] = {
        "month": _family(vocab.months),
        "weekday": _family(vocab.weekdays),
        "season": _family(vocab.seasons),
        "vague": _family(vocab.vague, longest=True),
    }
    families.update({name: (words, 0) for name, words in _FIXED_CORES.items()})
    extra = {
        "weekday": _longest(vocab.weekdays),
        "part": _longest(vocab.parts),
        "number": max(1, _longest(vocab.numbers)),
    }
    # The old word gates, which the windows must agree with, read whole plain words.
    windowed = all(found is not None for found in families.values()) and all(
        _PLAIN.fullmatch(word)
        for word in (*vocab.months, *vocab.weekdays, *(s.split()[0] for s in vocab.seasons))
    )
    cores: dict[str, list[str]] = {}
    reach: dict[str, int] = {}
    for name, (family, fixed, additions) in WINDOWS.items():
        words_before = fixed + sum(extra[addition] for addition in additions)
        found = families.get(family)
        reach[name] = words_before + (found[1] if found is not None else 0)
        if found is None:
            continue
        for word in found[0]:
            cores.setdefault(word, [])
            if family not in cores[word]:
                cores[word].append(family)
    rules = tuple((p, name, pattern) for p, (name, pattern) in enumerate(patterns().items()))
    by_family: dict[str, list[tuple[Rule, str | None]]] = {}
    farthest: dict[str, int] = {}
    for rule in rules:
        family = WINDOWS[rule[1]][0]
        by_family.setdefault(family, []).append((rule, _ALSO.get(rule[1])))
        farthest[family] = max(farthest.get(family, 0), reach[rule[1]])
    return _Tables(
        rules=rules,
        windowed=windowed,
        cores={word: tuple(names) for word, names in cores.items()},
        core_words=frozenset(cores),
        by_family={family: tuple(items) for family, items in by_family.items()},
        farthest=farthest,
        allowed={
            family: frozenset(word for rule, _ in items for word in _plain_words(rule[2]))
            for family, items in by_family.items()
        },
        coarse={
            "month": frozenset(vocab.months),
            "weekday": frozenset(vocab.weekdays),
            "season": frozenset(word.split()[0] for word in vocab.seasons),
        },
    )


class Words:
    """The words (runs of ``\\w``) of one text, lower-cased, read once for every scan of it."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Windows assume ASCII case folding: a text with a folded letter is scanned whole.
        self.windowed = text.isascii() or _FOLDED.search(text) is None
        # Lower-casing keeps offsets and word runs then: only U+0130, a folded letter, grows.
        self.lowered = text.lower()
        self._parts = _SPLIT.split(self.lowered)  # gap, word, gap, word, ..., gap
        self.words = self._parts[1::2]

    @functools.cached_property
    def starts(self) -> list[int]:
        """Where each word starts."""
        return list(itertools.accumulate(map(len, self._parts)))[0 : 2 * len(self.words) : 2]


def _coarse_plan(words: Words, tables: _Tables) -> Plan:
    """The whole-text scan (a text with folded letters, an odd vocabulary): as words allow."""
    text = words.text
    found = set(_PLAIN.findall(words.lowered))
    has_digit = any(c.isdigit() for c in text)
    chosen: list[tuple[Rule, tuple[int, ...] | None]] = []
    for rule in tables.rules:
        name = rule[1]
        if name in _DIGIT_RULES and not has_digit:
            continue
        need = "month" if name in _MONTH_RULES else name if name in {"weekday", "season"} else None
        if need is not None and found.isdisjoint(tables.coarse[need]):
            continue
        chosen.append((rule, None))
    return Plan(tuple(chosen))


def _hits(words: Words, tables: _Tables, *, digits: bool) -> dict[str, list[int]]:
    """The indices of each core family's words among the words of a text."""
    present = tables.core_words.intersection(words.words)
    hits: dict[str, list[int]] = {}
    cores = tables.cores
    for index, word in enumerate(words.words):
        if word in present:
            for family in cores[word]:
                hits.setdefault(family, []).append(index)
        elif digits and word[0].isdigit():
            hits.setdefault("digits", []).append(index)
            for family, shape in _SHAPES.items():
                if shape.fullmatch(word):
                    hits.setdefault(family, []).append(index)
    return hits


def plan(words: Words) -> Plan:
    """Which rules to try on a text, and where."""
    tables = _tables()
    if not tables.windowed or not words.windowed:
        return _coarse_plan(words, tables)
    digits = _DIGIT.search(words.text) is not None
    if not digits and tables.core_words.isdisjoint(words.words):
        return _NOTHING
    hits = _hits(words, tables, digits=digits)
    if not hits:
        return _NOTHING
    starts = words.starts
    # Every month reader wants the month capitalised ("may" is a verb).
    text = words.text
    if "month" in hits and not any(text[starts[i]].isupper() for i in hits["month"]):
        del hits["month"]
    chosen: list[tuple[Rule, tuple[int, ...] | None]] = []
    for family, indices in hits.items():
        rules = tables.by_family.get(family)
        if not rules:
            continue
        # A match starts at most its rule's reach of words before a core, and only over
        # words its patterns can hold at all; one window serves every rule of the family.
        allowed = tables.allowed[family]
        farthest = tables.farthest[family]
        if len(indices) == 1:
            index = indices[0]
            window = tuple(
                starts[index - _depth(words.words, index, farthest, allowed) : index + 1]
            )
        else:
            found: set[int] = set()
            for index in indices:
                found.update(
                    starts[index - _depth(words.words, index, farthest, allowed) : index + 1]
                )
            window = tuple(sorted(found))
        chosen.extend((rule, window) for rule, also in rules if also is None or also in hits)
    chosen.sort(key=lambda item: item[0][0])
    return Plan(tuple(chosen))


def _depth(words: list[str], index: int, farthest: int, allowed: frozenset[str]) -> int:
    """How many words right before *index* (at most *farthest*) a match could hold."""
    depth = 0
    while depth < farthest and index - depth > 0:
        word = words[index - depth - 1]
        # Only plain ASCII words are known to be absent from the patterns.
        if word not in allowed and word.isascii() and word.isalpha():
            break
        depth += 1
    return depth


def scan(
    pattern: re.Pattern[str], text: str, starts: tuple[int, ...] | None
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, trying only *starts* (None: every offset)."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    covered = 0
    for start in starts:
        if start >= covered:
            match = pattern.match(text, start)
            if match is not None:
                yield match
                covered = match.end()


@attrs.frozen
class Heads:
    """How the phrases of a pattern start: their first words, and their first marks.

    ``words`` None means some phrase starts with a word the scan cannot stand for.
    """

    words: frozenset[str] | None
    marks: frozenset[str]


def heads_of(phrases: Iterable[str]) -> Heads:
    """The heads of *phrases* (lower-case vocabulary phrases matched after ``(?<!\\w)``)."""
    words: set[str] = set()
    marks: set[str] = set()
    for phrase in phrases:
        run = _RUN.match(phrase)
        if run is None:
            marks.add(phrase[:1])
        elif _ASCII_RUN.fullmatch(run.group()):
            words.add(run.group())
        else:
            return Heads(None, frozenset())
    return Heads(frozenset(words), frozenset(marks))


def phrase_starts(words: Words, heads: Heads) -> tuple[int, ...] | None:
    """Where a phrase with these *heads* can start in a text, in order (None: anywhere).

    A phrase matched after ``(?<!\\w)`` starts at a word of the text equal to its first
    word, or at its first mark.
    """
    if heads.words is None or not words.windowed:
        return None
    present = heads.words.intersection(words.words)
    found = [words.starts[i] for i, word in enumerate(words.words) if word in present]
    text = words.text
    for mark in heads.marks:
        at = text.find(mark)
        while at >= 0:
            found.append(at)
            at = text.find(mark, at + 1)
    return tuple(sorted(found)) if heads.marks else tuple(found)
