"""A light reading of a sentence's structure: clauses, reporting frames, voice and status.

No parser: a few closed word lists mark clause openings ("that", "after", a participle
after a comma), asides (", which ... ,", brackets), reporting frames (", the ministry said
...", "According to X,", "X announced that") and fronted adverbials ("In March,"). Every
scan is a single pass over the tokens.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

from sahel_news.data import register_cache, word_set
from sahel_news.extract.events._lexicon import TriggerMatch
from sahel_news.models import EventStatus

__all__ = ["NEGATIONS", "Frame", "frame_of", "is_passive", "status_of"]

_ASIDE_OPENERS = frozenset({"which", "who", "whose", "whom"})
_NOT_PARTICIPLES = frozenset({"including", "according", "during", "notwithstanding", "regarding"})
# ", a charge France has denied": a new clause with its own subject
_RETORTS = [[a, n] for a in ("a", "an") for n in ("charge", "claim", "accusation", "allegation")]
_BE = frozenset({"is", "are", "was", "were", "been", "being", "be", "get", "got", "gets"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
_HYPOTHETICAL = frozenset({"could", "would", "might", "should", "if", "unless"})
_CONDITIONS = frozenset({"if", "unless"})
_NOUN_WILL = frozenset({"the", "their", "its", "his", "her", "our", "common", "political", "good"})
_FUTURE = frozenset({"will", "'ll", "shall"})
_ONGOING = frozenset({"continue", "continues", "continued", "continuing", "still", "ongoing"})
_DENIAL = frozenset({"denied", "denies", "deny", "denying"})
_ANNOUNCING = frozenset({"announced", "announces", "unveiled", "ordered", "orders", "decreed"})


class _Lists(NamedTuple):
    """The word lists of ``words.json`` the clause reading uses, and the sets made of them."""

    reporting: frozenset[str]
    adverbial_openers: frozenset[str]
    adverbs: frozenset[str]
    intent: frozenset[str]
    reporting_future: frozenset[str]
    # the words whose positions frame_of reads: clause openers, commas and brackets
    marks: frozenset[str]
    # every word status_of looks for before a trigger
    status_words: frozenset[str]


@register_cache
@functools.cache
def _lists() -> _Lists:
    intent = word_set("intent_words")
    status_words = frozenset().union(
        _DENIAL, NEGATIONS, _HYPOTHETICAL, _FUTURE, intent, _ONGOING, _ANNOUNCING
    ) | {"to", "is", "are", "was"}
    return _Lists(
        reporting=word_set("reporting_verbs"),
        adverbial_openers=word_set("adverbial_openers"),
        adverbs=word_set("adverbs"),
        intent=intent,
        reporting_future=word_set("reporting_future"),
        marks=word_set("clause_openers") | {";", ":", ",", "("},
        status_words=status_words,
    )


class Frame:
    """Token regions of one sentence (token index ranges ``[start, end)``).

    ``reporting`` are reporting frames, ``asides`` relative clauses and brackets,
    ``adverbial`` a fronted adverbial ending with a comma, ``openers`` the indices
    where a new clause begins. ``norms`` are the tokens' folded words.
    """

    __slots__ = ("_clauses", "adverbial", "asides", "norms", "openers", "reporting")

    def __init__(
        self,
        norms: Sequence[str],
        reporting: tuple[tuple[int, int], ...],
        asides: tuple[tuple[int, int], ...],
        adverbial: tuple[int, int] | None,
        openers: tuple[int, ...],
    ) -> None:
        self.norms = norms
        self.reporting = reporting
        self.asides = asides
        self.adverbial = adverbial
        self.openers = openers
        self._clauses: dict[tuple[int, int], tuple[int, int]] = {}

    def region_of(self, index: int) -> tuple[int, int] | None:
        """The aside holding token *index*, or None if it lies in the main clause."""
        for start, end in self.asides:
            if start <= index < end:
                return (start, end)
        return None

    def is_reporting(self, index: int) -> bool:
        """Whether token *index* lies in a reporting frame."""
        for start, end in self.reporting:  # noqa: SIM110 - a loop is cheaper than any() here
            if start <= index < end:
                return True
        return False

    def clause(self, trigger: TriggerMatch) -> tuple[int, int]:
        """The token range of the clause a trigger stands in."""
        key = (trigger.first, trigger.last)
        found = self._clauses.get(key)
        if found is None:
            found = self._clauses[key] = self._clause(trigger.first, trigger.last)
        return found

    def _clause(self, first: int, last: int) -> tuple[int, int]:
        aside = self.region_of(first)
        low, high = aside if aside is not None else (0, len(self.norms))
        start, end = low, high
        for opener in self.openers:
            if low <= opener <= first and (aside is not None or not self.region_of(opener)):
                start = max(start, opener)
            if last < opener < end and (aside is not None or not self.region_of(opener)):
                end = opener
        return start, end

    def usable(self, index: int, trigger: TriggerMatch, *, for_time: bool = False) -> bool:
        """Whether token *index* can hold a participant (or a time) of *trigger*."""
        if self.reporting and self.is_reporting(index) and not self.is_reporting(trigger.first):
            return False
        if self.asides and self.region_of(index) != self.region_of(trigger.first):
            return False
        if for_time or self.adverbial is None:
            return True
        start, end = self.adverbial
        return not (start <= index < end) or start <= trigger.first < end


_STOPS = frozenset({",", ";", ":", ".", "—", "–"})


def _next_comma(norms: Sequence[str], start: int) -> int:
    for index in range(start, len(norms)):
        if norms[index] in _STOPS:
            return index
    return len(norms)


def frame_of(words: Sequence[str]) -> Frame:
    """The regions of a tokenised sentence, given its folded words."""
    count = len(words)
    reporting: list[tuple[int, int]] = []
    asides: list[tuple[int, int]] = []
    adverbial: tuple[int, int] | None = None
    lists = _lists()
    reporting_verbs = lists.reporting

    # the few positions worth looking at, found in one pass
    marks = [i for i, word in enumerate(words) if word in lists.marks]
    commas = [i for i in marks if words[i] == ","]
    # ", the ministry said in a statement." closing the sentence
    if commas:
        last = commas[-1]
        tail = words[last + 1 :]
        if not reporting_verbs.isdisjoint(tail[:12]) and "that" not in tail:
            reporting.append((last, count))
    # "According to X, ..." or "X said (on Monday) that ..." opening it
    if tuple(words[:2]) == ("according", "to"):
        reporting.append((0, _next_comma(words, 2) + 1))
    else:
        for index in marks:
            if index >= 20:
                break
            if words[index] == "that" and not reporting_verbs.isdisjoint(
                words[max(0, index - 6) : index]
            ):
                reporting.append((0, index + 1))
                break
    # fronted adverbial: "In March," "Prior to the meeting with X,"
    if words and words[0] in lists.adverbial_openers and commas and commas[0] <= 14:
        adverbial = (0, commas[0] + 1)
    # asides are relative clauses opened by a comma and "which", and brackets
    resume = 0
    for index in marks:
        if index < resume:
            continue
        if words[index] == ",":
            if index + 1 < count and words[index + 1] in _ASIDE_OPENERS:
                end = _next_comma(words, index + 2)
                asides.append((index, min(end + 1, count)))
                resume = end + 1
        elif words[index] == "(":
            end = next((j for j in range(index, count) if words[j] == ")"), count)
            asides.append((index, min(end + 1, count)))
            resume = end + 1
    return Frame(words, tuple(reporting), tuple(asides), adverbial, _openers(words, marks))


def _openers(words: Sequence[str], marks: Sequence[int]) -> tuple[int, ...]:
    """Where new clauses begin: an opener word, a participle or a retort after a comma."""
    openers: list[int] = []
    mark_words = _lists().marks
    for index in marks:
        word = words[index]
        if word == ",":
            following = words[index + 1 : index + 3]
            if list(following) in _RETORTS:
                openers.append(index + 1)
            elif following and following[0] not in mark_words:
                participle = following[0]
                if participle.endswith("ing") and participle not in _NOT_PARTICIPLES:
                    openers.append(index + 1)
        elif word != "(":
            openers.append(index)
    return tuple(openers)


def is_passive(frame: Frame, trigger: TriggerMatch) -> bool:
    """Whether a verbal trigger is in the passive voice ("was killed", "were reportedly seized")."""
    norms = frame.norms
    head = norms[trigger.first]
    if not head.endswith(("ed", "en", "wn")) and head not in {"met", "held", "cut", "left", "sent"}:
        return False
    index = trigger.first - 1
    adverbs = _lists().adverbs
    while index >= 0 and norms[index] in adverbs:
        index -= 1
    return index >= 0 and norms[index] in _BE


def _reported_future(norms: Sequence[str], near: Sequence[str], first: int) -> EventStatus:
    """ "said it would release them" is a plan; "would have", "could" or "if" are not."""
    if _HYPOTHETICAL.intersection(near) != {"would"}:
        return EventStatus.HYPOTHETICAL
    last_would = max(i for i, word in enumerate(near) if word == "would")
    if last_would + 1 < len(near) and near[last_would + 1] == "have":
        return EventStatus.HYPOTHETICAL
    if _lists().reporting_future.isdisjoint(norms[:first]) or not _CONDITIONS.isdisjoint(norms):
        return EventStatus.HYPOTHETICAL
    return EventStatus.PLANNED


def status_of(frame: Frame, trigger: TriggerMatch, clause_start: int) -> EventStatus:
    """Whether the clause states the event as done, under way, planned, denied or hypothetical."""
    norms = frame.norms
    whole = norms[clause_start : trigger.first]
    lists = _lists()
    if lists.status_words.isdisjoint(whole):
        return EventStatus.OCCURRED  # the common case: no word below precedes the trigger
    window = list(norms[max(clause_start, trigger.first - 5) : trigger.first])  # ends *whole*
    head = norms[trigger.first]
    if not _DENIAL.isdisjoint(whole) and head not in _DENIAL:
        return EventStatus.DENIED
    if not NEGATIONS.isdisjoint(window[-3:]):
        return EventStatus.DENIED
    # "he would not recognise the result and called for protests": a past verb after
    # "and" is a fact of its own, out of the modal's reach
    coordinated_past = window[-1:] == ["and"] and head.endswith("ed")
    if not _HYPOTHETICAL.isdisjoint(whole[-8:]) and not coordinated_past:
        return _reported_future(norms, whole[-8:], trigger.first)
    for position, word in enumerate(window):
        if word in _FUTURE and (position == 0 or window[position - 1] not in _NOUN_WILL):
            return EventStatus.PLANNED
    if window and window[-1] == "to" and not lists.intent.isdisjoint(window[:-1]):
        return EventStatus.PLANNED
    if any(w == "to" and window[p - 1] in lists.intent for p, w in enumerate(window) if p):
        return EventStatus.PLANNED  # "is expected to hold a summit": through a light verb
    if window[-2:-1] in (["is"], ["are"], ["was"]) and window[-1:] == ["to"]:
        return EventStatus.PLANNED
    if not _ONGOING.isdisjoint(window) or (
        head.endswith("ing") and window[-1:] in (["is"], ["are"])
    ):
        return EventStatus.ONGOING
    if not _ANNOUNCING.isdisjoint(window[-4:]) and head not in _ANNOUNCING:
        return EventStatus.ANNOUNCED
    return EventStatus.OCCURRED
