"""A light reading of a sentence's structure: clauses, reporting frames, voice and status.

No parser: a few closed word lists mark clause openings ("that", "after", a participle
after a comma), asides (", which ... ,", brackets), reporting frames (", the ministry said
...", "According to X,", "X announced that") and fronted adverbials ("In March,"). Every
scan is a single pass over the tokens.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from typing import NamedTuple

from sahel_news.data import register_cache
from sahel_news.extract.events._grammar import _EN, folded_set, grammar, negated
from sahel_news.extract.events._lexicon import TriggerMatch
from sahel_news.models import EventStatus

__all__ = ["NEGATIONS", "Frame", "frame_of", "is_passive", "status_of"]

# The English words, kept for readers of this module; the reading itself takes the words
# of the language being read from ``_grammar``.
NEGATIONS = _EN.negations


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
    intent = folded_set("intent_words")
    g = grammar()
    status_words = (
        frozenset().union(
            g.denial, g.negations, g.hypothetical, g.future, intent, g.ongoing, g.announcing
        )
        | g.intent_markers
        | g.negation_openers
        | {modal for modal, _participle in g.counterfactuals}
        | g.is_to
    )
    return _Lists(
        reporting=folded_set("reporting_verbs"),
        adverbial_openers=folded_set("adverbial_openers"),
        adverbs=folded_set("adverbs"),
        intent=intent,
        reporting_future=folded_set("reporting_future"),
        marks=folded_set("clause_openers") | {";", ":", ",", "("},
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
    g = grammar()
    complementizers = g.complementizers

    # the few positions worth looking at, found in one pass
    marks = [i for i, word in enumerate(words) if word in lists.marks]
    commas = [i for i in marks if words[i] == ","]
    # ", the ministry said in a statement." closing the sentence
    reach = 12  # after the last comma; after an earlier one the verb must open the frame
    for last in reversed(commas):
        tail = words[last + 1 :]
        if not reporting_verbs.isdisjoint(tail[:reach]) and complementizers.isdisjoint(tail):
            reporting.append((last, count))
            break
        if not g.long_reporting_frames:
            break  # English: only the last comma opens a closing frame
        reach = 3  # ", a annoncé le ministre d'État, porte-parole du gouvernement, X"
    # "According to X, ..." or "X said (on Monday) that ..." opening it
    according = next((a for a in g.according if tuple(words[: len(a)]) == a), None)
    if according is not None:
        reporting.append((0, _next_comma(words, len(according)) + 1))
    else:
        for index in marks:
            if index >= 20:
                break
            if words[index] in complementizers and not reporting_verbs.isdisjoint(
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
            if index + 1 < count and words[index + 1] in g.aside_openers:
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
    g = grammar()
    for index in marks:
        word = words[index]
        if word == ",":
            following = words[index + 1 : index + 3]
            if tuple(following) in g.retorts:
                openers.append(index + 1)
            elif following and following[0] not in mark_words:
                participle = following[0]
                if participle.endswith(g.participle_suffix) and participle not in g.not_participles:
                    openers.append(index + 1)
        elif word != "(":
            openers.append(index)
    return tuple(openers)


def is_passive(frame: Frame, trigger: TriggerMatch) -> bool:
    """Whether a verbal trigger is in the passive voice ("was killed", "were reportedly seized")."""
    norms = frame.norms
    head = norms[trigger.first]
    g = grammar()
    if g.reflexives:
        # French: any participle after "être" ("a été reçu", "sont accusés"), but not a
        # reflexive ("s'est retiré") nor a trigger that is its own reflexive phrase
        if head in g.reflexives:
            return False
    elif not head.endswith(("ed", "en", "wn")) and head not in {
        "met",
        "held",
        "cut",
        "left",
        "sent",
    }:
        return False
    index = trigger.first - 1
    adverbs = _lists().adverbs
    while index >= 0 and norms[index] in adverbs:
        index -= 1
    if index < 0 or norms[index] not in g.be:
        return False
    return not (index > 0 and norms[index - 1] in g.reflexives)


def _reported_future(norms: Sequence[str], near: Sequence[str], first: int) -> EventStatus:
    """ "said it would release them" is a plan; "would have", "could" or "if" are not."""
    g = grammar()
    modal = g.reported_modal
    if not modal or g.hypothetical.intersection(near) != {modal}:
        return EventStatus.HYPOTHETICAL
    last_would = max(i for i, word in enumerate(near) if word == modal)
    if last_would + 1 < len(near) and near[last_would + 1] == g.perfect:
        return EventStatus.HYPOTHETICAL
    if _lists().reporting_future.isdisjoint(norms[:first]) or not g.conditions.isdisjoint(norms):
        return EventStatus.HYPOTHETICAL
    return EventStatus.PLANNED


def status_of(frame: Frame, trigger: TriggerMatch, clause_start: int) -> EventStatus:
    """Whether the clause states the event as done, under way, planned, denied or hypothetical."""
    norms = frame.norms
    whole = norms[clause_start : trigger.first]
    lists = _lists()
    g = grammar()
    head = norms[trigger.first]
    if g.future_endings:
        verb = head
        if head in g.reflexives and trigger.last > trigger.first:
            verb = norms[trigger.first + 1]  # "se retirera"
        if verb.endswith(g.future_endings + g.conditional_endings):
            own = _own_tense(frame, trigger, clause_start, verb)
            if own is not None:
                return own
    if lists.status_words.isdisjoint(whole):
        return EventStatus.OCCURRED  # the common case: no word below precedes the trigger
    window = list(norms[max(clause_start, trigger.first - 5) : trigger.first])  # ends *whole*
    if not g.denial.isdisjoint(whole) and head not in g.denial:
        return EventStatus.DENIED
    if negated(norms, trigger.first, trigger.last, clause_start):
        return EventStatus.DENIED
    # "he would not recognise the result and called for protests": a past verb after
    # "and" is a fact of its own, out of the modal's reach
    coordinated_past = (
        window[-1:] == ["and"] and bool(g.past_suffix) and head.endswith(g.past_suffix)
    )
    if g.counterfactuals and not g.counterfactuals.isdisjoint(itertools.pairwise(window)):
        return EventStatus.HYPOTHETICAL  # "aurait dû évacuer", "aurait pu attaquer"
    if not g.hypothetical.isdisjoint(whole[-8:]) and not coordinated_past:
        return _reported_future(norms, whole[-8:], trigger.first)
    for position, word in enumerate(window):
        if word in g.future and (position == 0 or window[position - 1] not in g.noun_will):
            return EventStatus.PLANNED
    markers = g.intent_markers
    if window and window[-1] in markers and not lists.intent.isdisjoint(window[:-1]):
        return EventStatus.PLANNED
    if any(w in markers and window[p - 1] in lists.intent for p, w in enumerate(window) if p):
        return EventStatus.PLANNED  # "is expected to hold a summit": through a light verb
    if g.bare_infinitive and not trigger.entry.nominal and _bare_intent(window, lists.intent):
        return EventStatus.PLANNED  # "compte signer", "entend se retirer"
    if window[-2:-1] and window[-2] in g.is_to and window[-1:] == ["to"]:
        return EventStatus.PLANNED
    if not g.ongoing.isdisjoint(window) or (
        head.endswith("ing") and window[-1:] in (["is"], ["are"])
    ):
        return EventStatus.ONGOING
    if not g.announcing.isdisjoint(window[-4:]) and head not in g.announcing:
        return EventStatus.ANNOUNCED
    return EventStatus.OCCURRED


def _bare_intent(window: Sequence[str], intent: frozenset[str]) -> bool:
    """Whether an intent word governs the trigger as a bare infinitive ("compte signer",
    "entend se retirer")."""
    if not window:
        return False
    if window[-1] in intent:
        return True
    return len(window) > 1 and window[-2] in intent and window[-1] in grammar().reflexives


def _own_tense(
    frame: Frame, trigger: TriggerMatch, clause_start: int, head: str
) -> EventStatus | None:
    """The status a French verb's own ending gives: "signera" planned, "signerait" planned
    when reported ("a indiqué qu'il signerait"), else hypothetical; None for a noun or a
    word whose ending only looks like a tense ("guerra")."""
    norms = frame.norms
    g = grammar()
    if trigger.entry.nominal or len(head) < 5:
        return None
    if negated(norms, trigger.first, trigger.last, clause_start):
        return EventStatus.DENIED
    if head.endswith(g.conditional_endings):
        if not g.conditions.isdisjoint(norms[clause_start : trigger.first]):
            return EventStatus.HYPOTHETICAL
        if _lists().reporting_future.isdisjoint(norms[: trigger.first]):
            return EventStatus.HYPOTHETICAL
        return EventStatus.PLANNED
    return EventStatus.PLANNED
