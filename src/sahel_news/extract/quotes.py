"""Quotes: words in quotation marks, with the actor or country the text attributes them to.

A quote is the text between “curly” or "straight" marks (in French also « … », with
the non-breaking spaces inside them) in one text of the article. The
speaker is read from the attribution around it (`“...,” the ministry said`, `said Goita`,
`X said: “...”`): an actor mentioned there, else a country; a generic speaker ("the
military government", "the junta", "the army") stands for the country that last reported
something in the preceding sentences ("Niger announced that ..."). Scare quotes of a few
words with no attribution are not quotes.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterable, Mapping, Sequence

from sahel_news.data import (
    current_language,
    register_cache,
    table_words,
    using_language,
    word_set,
)
from sahel_news.models import Article, Part, Quote, Span
from sahel_news.text._fold import fold
from sahel_news.text._tokens import word_form
from sahel_news.text._units import (
    EntityMention,
    iter_text_parts,
    mentions_by_text,
    split_sentences,
)

__all__ = ["extract_quotes", "quotes_in"]

_QUOTED = re.compile(r"“([^”“]{1,3000})”|\"([^\"\n]{1,3000})\"")
# French marks as well: « ... » (with the non-breaking spaces inside them), and the
# English ones, which French papers use too.
_QUOTED_FR = re.compile(r"«([^«»]{1,3000})»|“([^”“]{1,3000})”|\"([^\"\n]{1,3000})\"")
_OPENERS = {"en": ("“", '"'), "fr": ("«", "“", '"')}
_SPACES = " \u00a0\u202f\u2009"


@register_cache
@functools.cache
def _quoted() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The pattern of a quotation in the language read, and the marks that open one."""
    if current_language() == "fr":
        return _QUOTED_FR, _OPENERS["fr"]
    return _QUOTED, _OPENERS["en"]


def _verbs(words: Iterable[str]) -> str:
    """An alternation of *words* as the folded text writes them (quotes are read in
    `fold`'s text, so "a déclaré" needs no accent classes), longest first."""
    folded = sorted({fold(w).lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)


@register_cache
@functools.cache
def _attributions() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What attributes a quote after it ("..., he said"; "..., said X") and before it, and a
    verb of saying anywhere (read first: without one, the three cannot match)."""
    verbs = _verbs(table_words("words", "quote_verbs"))
    marks = '"' + ("«»" if current_language() == "fr" else "")  # “ ” fold to "
    after = re.compile(rf"[\s,]*(?P<np>[^.;{marks}]{{1,90}}?)\s+(?:{verbs})\b", re.IGNORECASE)
    inverted = re.compile(rf"[\s,]*(?:{verbs})\s+(?P<np>[^.,;{marks}]{{1,90}})", re.IGNORECASE)
    before = re.compile(
        rf"(?P<np>[^.;{marks}]{{1,90}}?)\s+(?:{verbs})(?:\s+\w+){{0,3}}?\s*[:,]?\s*$",
        re.IGNORECASE,
    )
    return after, inverted, before, re.compile(rf"(?:{verbs})\b", re.IGNORECASE)


_MIN_WORDS = 4
# How far before a quote its attribution is looked for ("X said:" is a few dozen characters).
_LOOK_BACK = 300
# How far after a quote a verb of saying can end its attribution: the patterns' 90
# characters before the verb, the spaces and commas before those, and the verb itself.
_LOOK_AHEAD = 160
# Before a quote: how far from its end the verb of its attribution can start (the verb and
# three words, "said on Tuesday:"), and how far before the verb its name can start.
_VERB_TAIL = 100
_NAME_REACH = 100

_Mentions = list[EntityMention]
_START = operator.itemgetter(3)


def _between(mentions: _Mentions, starts: Sequence[int], start: int, end: int) -> _Mentions:
    """The mentions lying wholly inside ``[start, end)``, in order (*starts* are theirs)."""
    low = bisect.bisect_left(starts, start)
    high = bisect.bisect_left(starts, end, low)
    return [m for m in mentions[low:high] if m[4] <= end]


@register_cache
@functools.cache
def _generic_speakers() -> frozenset[str]:
    return frozenset(map(word_form, word_set("generic_speakers")))


def _speaker_in(inside: _Mentions) -> str | None:
    """The first actor of the mentions inside an attribution, else its first country."""
    actors = [m for m in inside if not m[2]]
    chosen = actors or inside
    return chosen[0][0] if chosen else None


@register_cache
@functools.cache
def _reports() -> re.Pattern[str]:
    """A reporting verb right after a mention ("Niger also announced"), in folded text."""
    from sahel_news.extract.events._grammar import grammar  # noqa: PLC0415

    verbs = _verbs(word_set("reporting_verbs") - {"according", "selon"})
    auxiliaries = _verbs(grammar().report_auxiliaries)
    return re.compile(rf"[\s,]*(?:(?:{auxiliaries})\s+){{0,2}}(?:{verbs})\b", re.IGNORECASE)


def _reporter(text: str, sentence_end: int, mentions: _Mentions) -> str | None:
    """The entity that reports in a sentence ("Niger also announced ..."), if any.

    *mentions* are the sentence's, sorted by start; the sentence ends at *sentence_end*.
    """
    reports = _reports()
    folded = fold(text)
    for ref, _country, _is_country, _start, end in mentions:
        if reports.match(folded, end, sentence_end):
            return ref
    return None


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """The quotes of *article* in reading order, each with its speaker where the text says.

    The text is read in the article's language (``article.language``; when None, the
    language in use):
    French adds « … » marks and its reporting verbs ("a déclaré", "selon").

    Args:
        article: an article whose actors and countries are found (speakers refer to them).
    """
    with using_language(article.language or current_language()):
        return quotes_in(article, None)


def quotes_in(
    article: Article,
    sentences: Mapping[tuple[Part, int], Sequence[tuple[int, int]]] | None,
    mentions: Mapping[tuple[Part, int], Sequence[EntityMention]] | None = None,
) -> tuple[Quote, ...]:
    """`extract_quotes`, given the sentences (``[start, end)``) of each text if already split.

    Texts missing from *sentences* have none; with None every text is split here.
    *mentions* are `mentions_by_text` of the article, if the caller has them.
    """
    index = mentions_by_text(article) if mentions is None else mentions
    quotes: list[Quote] = []
    reporters = _Reporters()
    for part, number, text in iter_text_parts(article):
        if part is Part.RELATED:
            continue
        # stable: where starts tie, actors (first in the index) come first
        found = sorted(index.get((part, number), ()), key=_START)
        starts = [m[3] for m in found]
        pattern, openers = _quoted()
        if any(mark in text for mark in openers):
            for match in pattern.finditer(text):
                group = next(g for g in range(1, 4) if match.group(g) is not None)
                unit = (part, number, text)
                quote = _quote(unit, match, group, mentions=(found, starts), reporters=reporters)
                if quote is not None:
                    quotes.append(quote)
        if not found:
            continue  # no one to report anything
        bounds = split_sentences(text) if sentences is None else sentences.get((part, number), ())
        for start, end in bounds:
            if all(text.find(mark, start, end) < 0 for mark in openers[:-1]):
                reporters.note(text, (start, end), (found, starts))
    return tuple(quotes)


class _Reporters:
    """The entity that reported last ("Niger announced ..."), read only when a quote needs it.

    Sentences are noted in reading order and read back from the latest at the first need,
    so an article whose quotes name their speakers reads none.
    """

    def __init__(self) -> None:
        self._latest: str | None = None
        self._pending: list[tuple[str, tuple[int, int], tuple[_Mentions, Sequence[int]]]] = []

    def note(
        self, text: str, sentence: tuple[int, int], mentions: tuple[_Mentions, Sequence[int]]
    ) -> None:
        """A sentence read, ``[start, end)`` of *text*, with its text's mentions and starts."""
        self._pending.append((text, sentence, mentions))

    def latest(self) -> str | None:
        """The reporter of the latest sentence noted that has one."""
        for text, (start, end), (mentions, starts) in reversed(self._pending):
            found = _reporter(text, end, _between(mentions, starts, start, end))
            if found is not None:
                self._latest = found
                break
        self._pending.clear()
        return self._latest


def _quote(
    unit: tuple[Part, int, str],
    match: re.Match[str],
    group: int,
    *,
    mentions: tuple[_Mentions, Sequence[int]],
    reporters: _Reporters,
) -> Quote | None:
    part, index, text = unit
    start, end = match.start(group), match.end(group)
    while end > start and text[end - 1] in _SPACES + ",":
        end -= 1
    while start < end and text[start] in _SPACES:
        start += 1
    if end <= start:
        return None
    words = text[start:end].split()
    speaker, attributed = _attribution(text, match, mentions, reporters)
    if not attributed and len(words) < _MIN_WORDS:
        return None
    return Quote(text[start:end], Span(part, index, start, end), speaker)


def _attribution(
    text: str,
    match: re.Match[str],
    mentions: tuple[_Mentions, Sequence[int]],
    reporters: _Reporters,
) -> tuple[str | None, bool]:
    """The speaker named around a quote, and whether any attribution was found.

    The attribution after the quote wins; before it, only the last `_LOOK_BACK` characters
    of its sentence are read, so many quotes in one long text cost no more than few.
    """
    np_span: tuple[int, int] | None = None
    after, inverted, before, verb = _attributions()
    text = fold(text)  # same length: every offset holds
    # French puts the verb first after a quote ("», a déclaré le ministre"), and its
    # auxiliary would pass for a speaker if the English order were tried first
    order = (inverted, after) if current_language() == "fr" else (after, inverted)
    # each pattern tries a verb at every character of up to 90: look for one verb first
    if verb.search(text, match.end(), match.end() + _LOOK_AHEAD):
        for pattern in order:
            found = pattern.match(text, match.end())
            if found:
                np_span = found.span("np")
                break
    if np_span is None:
        window = max(0, match.start() - _LOOK_BACK)
        stop = text.rfind(". ", max(0, window - 1), match.start())
        line_start = stop + 2 if stop >= 0 else window
        # the verb ends the window but for three words: find it in the window's tail,
        # then try names no further back than a name can reach before it
        tail = verb.search(text, max(line_start, match.start() - _VERB_TAIL), match.start())
        if tail:
            start = max(line_start, tail.start() - _NAME_REACH)
            found_before = before.search(text, start, match.start())
            if found_before:
                np_span = found_before.span("np")
    if np_span is None:
        return None, False
    np_start, np_end = np_span
    all_mentions, starts = mentions
    speaker = _speaker_in(_between(all_mentions, starts, np_start, np_end))
    generic = _generic_speakers()
    if speaker is None and generic.intersection(map(word_form, text[np_start:np_end].split())):
        speaker = reporters.latest()
    return speaker, True
