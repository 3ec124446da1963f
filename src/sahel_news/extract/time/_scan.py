"""Where the scanner looks: which rules can match in a text, and at which word starts.

A full ``finditer`` of every rule over every sentence costs far more than the rest of the
extraction. Every match starts at a word and holds a core word (a month, "week", a year)
at most a few words after its start (``WINDOWS``), so the plan lists, per rule, the word
starts near its cores: ``scan`` tries the rule there only, in order, skipping what an
earlier match covers, which finds exactly what ``finditer`` finds (trying a start too
many finds nothing wrong). A text is never split into words: one byte-level pass lists its
ASCII words, enough to reject a text without any core word; ``str.find`` places the cores
of the others, and a backward scan reads the words before each.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

import attrs

from sahel_news.data import register_cache
from sahel_news.extract.time._language import rule_set
from sahel_news.extract.time._patterns import patterns
from sahel_news.extract.time._vocab import vocabulary

__all__ = ["Needs", "Plan", "Words", "needs_of", "plan", "scan"]

# Cores that are digit runs, by their shape (``\d`` as the rules read it).
_SHAPES: Mapping[str, re.Pattern[str]] = {
    "four_digits": re.compile(r"\d{4}"),
    "year": re.compile(r"1[89]\d\d|20\d\d"),
    "decade": re.compile(r"(?:1[89]\d0|20\d0)s"),
    "ordinal": re.compile(r"(?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th)"),
}
_SHORTEST_SHAPE = 3  # characters: a word of fewer has none of the shapes
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


class Plan(NamedTuple):
    """The rules worth trying on one text, each with its start offsets (None: scan it whole)."""

    rules: tuple[tuple[Rule, Sequence[int] | None], ...]


@attrs.frozen
class _Tables:
    rules: tuple[Rule, ...]
    names_capitalised: bool  # a month word counts only capitalised (English)
    windowed: bool  # False when the vocabulary has words the windows cannot stand for
    cores: Mapping[str, tuple[str, ...]]  # a core word -> the families it belongs to
    core_words: frozenset[str]
    core_bytes: frozenset[bytes]  # the core words, encoded, as the byte-level pass reads words
    # An encoded core -> the word, its families, and the reach and allowed words (spelt
    # backwards) of one window serving them all: the farthest reach and every allowed word.
    by_bytes: Mapping[bytes, tuple[str, tuple[str, ...], int, frozenset[str]]]
    by_family: Mapping[str, tuple[tuple[Rule, str | None], ...]]  # each rule with its _ALSO
    farthest: Mapping[str, int]  # a family -> most words before a core of any of its rules
    allowed: Mapping[str, frozenset[str]]  # a family -> every plain word its patterns hold
    coarse: Mapping[str, frozenset[str]]  # the word gates of the unwindowed scan
    # A family -> its rules (each with its _ALSO), its farthest reach and its allowed words
    # spelt backwards, as the scan reads the words before a core.
    families: Mapping[str, tuple[tuple[tuple[Rule, str | None], ...], int, frozenset[str]]]


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
    rules_of_language = rule_set()
    families: dict[str, tuple[frozenset[str], int] | None] = {
        "month": _family(vocab.months),
        "weekday": _family(vocab.weekdays),
        "season": _family(vocab.seasons),
        "vague": _family(vocab.vague, longest=True),
    }
    families.update({name: (words, 0) for name, words in rules_of_language.fixed_cores.items()})
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
    windows = rules_of_language.windows
    for name, (family, fixed, additions) in windows.items():
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
        family = windows[rule[1]][0]
        by_family.setdefault(family, []).append((rule, _ALSO.get(rule[1])))
        farthest[family] = max(farthest.get(family, 0), reach[rule[1]])
    allowed = {
        family: frozenset(word for rule, _ in items for word in _plain_words(rule[2]))
        for family, items in by_family.items()
    }
    return _Tables(
        rules=rules,
        names_capitalised=vocab.names_capitalised,
        windowed=windowed,
        cores={word: tuple(names) for word, names in cores.items()},
        core_words=frozenset(cores),
        core_bytes=frozenset(word.encode() for word in cores),
        by_bytes={
            word.encode(): (
                word,
                tuple(names),
                max(farthest.get(name, 0) for name in names),
                frozenset(w[::-1] for name in names for w in allowed.get(name, ())),
            )
            for word, names in cores.items()
        },
        by_family={family: tuple(items) for family, items in by_family.items()},
        farthest=farthest,
        allowed=allowed,
        coarse={
            "month": frozenset(vocab.months),
            "weekday": frozenset(vocab.weekdays),
            "season": frozenset(word.split()[0] for word in vocab.seasons),
        },
        families={
            family: (tuple(items), farthest[family], frozenset(w[::-1] for w in allowed[family]))
            for family, items in by_family.items()
        },
    )


# The byte table of the prefilter: ASCII word characters kept (digits as "0") and every
# other byte a space (a non-ASCII letter splits a word, which can add a candidate but never
# hide one).
_WORD_BYTES = bytes(
    48 if chr(b).isdigit() else b if chr(b).isascii() and _RUN.fullmatch(chr(b)) else 32
    for b in range(128)
) + bytes([32] * 128)
_ASCII_BYTES = bytes(range(128))
# A run of \w starting with a digit; it is a word when no \w stands before it.
_DIGIT_RUN = re.compile(r"\d\w*")
_ASCII_DIGIT_RUN = re.compile(r"[0-9]\w*")


def _has_folded_letter(text: str) -> bool:
    """Whether *text* holds a letter that case-insensitive matching equates with an ASCII one.

    The dotted and dotless i, the long s and the Kelvin sign: a text holding one is
    scanned whole, as it always was.
    """
    return "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text


def _is_word_char(char: str) -> bool:
    """Whether *char* is a ``\\w`` character (what ``re`` counts as one, exactly)."""
    return char.isalnum() or char == "_"


class Words:
    """One text as the scanner reads it: lower-cased, and its words found at first need.

    Nothing splits the text into words: its ASCII words come from one byte-level pass
    (``tokens``, a superset of its ASCII words), the places of a word from ``str.find``,
    and the words before a place from a backward scan, so a text costs a few C-level
    passes and a sentence without a time word is rejected after the first.
    """

    __slots__ = (
        "_backwards",
        "_other_digits",
        "_token_set",
        "digits",
        "long_digits",
        "lowered",
        "ordinals",
        "text",
        "tokens",
        "windowed",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        ascii_only = text.isascii()
        # Windows assume ASCII case folding: a text with a folded letter is scanned whole.
        self.windowed = ascii_only or not _has_folded_letter(text)
        # Lower-casing keeps offsets and word runs then: only U+0130, a folded letter, grows.
        self.lowered = text.lower()
        encoded = self.lowered.encode()
        marked = encoded.translate(_WORD_BYTES)
        # The runs of ASCII word characters (digits as "0"), lower case: every ASCII word
        # of the text is one, and a word with a non-ASCII letter adds its ASCII pieces,
        # which ``places`` tells apart.
        self.tokens: list[bytes] = marked.split()
        # Whether the text holds a decimal digit (``\\d``): an ASCII one, or among its
        # few non-ASCII characters one such as "\u0663". Lower-casing makes none.
        self._other_digits = not ascii_only and (
            _DIGIT.search(encoded.translate(None, _ASCII_BYTES).decode()) is not None
        )
        self.digits = self._other_digits or b"0" in marked
        # Whether a digit word may be a year, a decade or an ISO date's year: one of four
        # ASCII digits or more, or any word of other digits.
        self.long_digits = self._other_digits or b"0000" in marked
        # Whether a digit word may be an ordinal day ("13th", "1st"): digits, then st/nd/rd/th.
        self.ordinals = self._other_digits or any(
            suffix in marked for suffix in (b"0st", b"0nd", b"0rd", b"0th")
        )
        self._backwards: str | None = None
        self._token_set: frozenset[bytes] | None = None

    def token_set(self) -> frozenset[bytes]:
        """The ``tokens``, as a set."""
        if self._token_set is None:
            self._token_set = frozenset(self.tokens)
        return self._token_set

    def places(self, word: str) -> list[int]:
        """Where *word* (lower case) stands as a whole word, a whole run of ``\\w``."""
        lowered = self.lowered
        size = len(word)
        found = []
        at = lowered.find(word)
        while at >= 0:
            end = at + size
            # Neither side a \\w character ("_" is one, and so is every alphanumeric).
            before = lowered[at - 1 : at]
            after = lowered[end : end + 1]
            if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                found.append(at)
            at = lowered.find(word, end)
        return found

    def digit_words(self) -> Iterator[tuple[int, str]]:
        """Each word starting with a digit (``\\d``): where it starts, and the word."""
        lowered = self.lowered
        # With ASCII digits alone, an ASCII class finds the same runs, faster.
        runs = _DIGIT_RUN if self._other_digits else _ASCII_DIGIT_RUN
        for run in runs.finditer(lowered):
            at = run.start()
            if at == 0 or not _is_word_char(lowered[at - 1]):
                yield at, run.group()

    def window(self, place: int, farthest: int, allowed: frozenset[str]) -> list[int]:
        """The starts of the word at *place* and of up to *farthest* words before it.

        The walk back stops at a plain ASCII word not in *allowed* (words spelt
        backwards): a match never holds one. The starts come nearest first.
        """
        starts = [place]
        if farthest:
            if self._backwards is None:
                self._backwards = self.lowered[::-1]
            size = len(self._backwards)
            for run in _RUN.finditer(self._backwards, size - place):
                word = run.group()
                # Only plain ASCII words are known to be absent from the patterns.
                if word not in allowed and word.isascii() and word.isalpha():
                    break
                starts.append(size - run.end())
                if len(starts) > farthest:
                    break
        return starts

    def may_hold(self, words: frozenset[bytes]) -> bool:
        """Whether a word of the text may be one of *words* (lower-case ASCII, encoded).

        Never wrong when it says no; a yes is to be checked with ``places``. A text with
        a folded letter ("ſaid" matches "said" ignoring case) may hold any.
        """
        return not self.windowed or not words.isdisjoint(self.tokens)


def _coarse_plan(words: Words, tables: _Tables) -> Plan:
    """The whole-text scan (a text with folded letters, an odd vocabulary): as words allow."""
    text = words.text
    # Plain ASCII runs as the gates always read them, and whole runs of word characters
    # for words beyond ASCII ("février" where the text is not folded).
    found = set(_PLAIN.findall(words.lowered))
    if not words.lowered.isascii():
        found.update(_RUN.findall(words.lowered))
    has_digit = any(c.isdigit() for c in text)
    chosen: list[tuple[Rule, Sequence[int] | None]] = []
    for rule in tables.rules:
        name = rule[1]
        if name in _DIGIT_RULES and not has_digit:
            continue
        need = "month" if name in _MONTH_RULES else name if name in {"weekday", "season"} else None
        if need is not None and found.isdisjoint(tables.coarse[need]):
            continue
        chosen.append((rule, None))
    return Plan(tuple(chosen))


def _windows(words: Words, tables: _Tables, found: Iterable[bytes]) -> dict[str, list[int]]:
    """Where each core family's matches may start in a text ("digits": its digit words).

    A match starts at most its rule's reach of words before a core, and only over words
    its patterns can hold at all. One window, as long as the longest reach of the core's
    families and over the words of any, serves them all: a start too many is tried in
    vain, never wrongly. A family's starts come in order, each once.
    """
    windows: dict[str, list[int]] = {}
    several: set[str] = set()  # the families with more than one window, to merge
    cores = tables.by_bytes
    text = words.text
    capitalised = False
    for token in found:
        word, families, farthest, allowed = cores[token]
        for place in words.places(word):
            window = words.window(place, farthest, allowed)[::-1]  # shared: never changed
            for family in families:
                if family in windows:
                    windows[family] = windows[family] + window
                    several.add(family)
                else:
                    windows[family] = window
            capitalised = capitalised or ("month" in families and text[place].isupper())
    # Every month reader wants the month capitalised ("may" is a verb).
    if not capitalised and tables.names_capitalised:
        windows.pop("month", None)
    # A digit word matters as a day number to a month's rules, or as a year or decade.
    if words.long_digits or words.ordinals or (words.digits and "month" in windows):
        for place, word in words.digit_words():
            windows.setdefault("digits", []).append(place)
            if len(word) < _SHORTEST_SHAPE:
                continue  # a day number: no year, decade or ISO date
            for family, shape in _SHAPES.items():
                # (a language may have no rule of a shape: French writes no "13th")
                if family in tables.families and shape.fullmatch(word):
                    _rules, farthest, allowed = tables.families[family]
                    window = words.window(place, farthest, allowed)[::-1]
                    if family in windows:
                        windows[family] = windows[family] + window
                        several.add(family)
                    else:
                        windows[family] = window
    for family in several.intersection(windows):
        windows[family] = sorted(set(windows[family]))
    return windows


def plan(words: Words) -> Plan:
    """Which rules to try on a text, and where (in no particular order of rules)."""
    tables = _tables()
    if not tables.windowed or not words.windowed:
        return _coarse_plan(words, tables)
    windows = _windows(words, tables, tables.core_bytes.intersection(words.tokens))
    if not windows:
        return _NOTHING
    families = tables.families
    chosen: list[tuple[Rule, Sequence[int] | None]] = []
    for family, window in windows.items():
        entry = families.get(family)
        if entry is not None:
            for rule, also in entry[0]:
                if also is None or also in windows:
                    chosen.append((rule, window))  # the windows are never changed
    return Plan(tuple(chosen))


def scan(pattern: re.Pattern[str], text: str, starts: Sequence[int] | None) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, trying only *starts* (None: every offset)."""
    if starts is None:
        return list(pattern.finditer(text))
    found = []
    covered = 0
    for start in starts:
        if start >= covered:
            match = pattern.match(text, start)
            if match is not None:
                found.append(match)
                covered = match.end()
    return found


@attrs.frozen
class Needs:
    """What the phrases of a pattern need in a text to match there: every word of theirs.

    A phrase matched after ``(?<!\\w)`` and before ``\\b`` holds each of its words whole,
    so a text without one of them cannot match it. ``by_first`` maps the first word of
    each phrase to the words of the phrases it starts (encoded as ``Words.tokens`` are);
    None when some phrase has a word the byte-level pass cannot stand for.
    """

    by_first: Mapping[bytes, tuple[frozenset[bytes], ...]] | None
    first: frozenset[bytes]

    def may_match_in(self, words: Words) -> bool:
        """Whether a phrase may match in a text (never wrong when it says no)."""
        if self.by_first is None or not words.windowed:
            return True
        present = self.first.intersection(words.tokens)
        if not present:
            return False
        tokens = words.token_set()
        return any(need <= tokens for word in present for need in self.by_first[word])


def needs_of(phrases: Iterable[str]) -> Needs:
    """The needs of *phrases* (lower-case vocabulary phrases matched as whole words)."""
    by_first: dict[bytes, list[frozenset[bytes]]] = {}
    for phrase in phrases:
        runs = _RUN.findall(phrase)
        if not runs or not all(_ASCII_RUN.fullmatch(run) for run in runs):
            return Needs(None, frozenset())
        encoded = [run.encode().translate(_WORD_BYTES) for run in runs]  # digits as tokens are
        by_first.setdefault(encoded[0], []).append(frozenset(encoded))
    return Needs({word: tuple(needs) for word, needs in by_first.items()}, frozenset(by_first))
