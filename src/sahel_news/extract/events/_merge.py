"""One event per happening: restatements and elaborations fold into the event they repeat.

Headline and standfirst restate the body: each of their events joins the best-matching
body event (same type, compatible status, participants and time), and stands alone only
when none matches. In the body, a second trigger of the same type in one sentence ("met
... and discussed"), an elaboration ("the parties discussed ...") and a definite
back-reference ("the attack killed ...") join the event they continue.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import NamedTuple

import attrs

from sahel_news.models import (
    DateRange,
    EventStatus,
    InferredTime,
    Part,
    ParticipantRole,
    Place,
    Span,
)
from sahel_news.text._units import Sentence

__all__ = ["Candidate", "merge_candidates"]

_SOURCE, _TARGET = ParticipantRole.SOURCE, ParticipantRole.TARGET
_FACTUAL = frozenset({EventStatus.OCCURRED, EventStatus.ONGOING, EventStatus.ANNOUNCED})


@attrs.define
class Candidate:
    """An event being built: mutable until it becomes a models.Event."""

    type: str  # the PloverType member (a str)
    cameo: str | None
    mode: str | None
    symmetric: bool
    trigger: tuple[Sentence, int, int]  # its sentence and offsets: a Mention once it is an Event
    sentence: int
    restates: bool
    evidence: list[Span]
    roles: dict[str, ParticipantRole]
    when: DateRange | None
    where: Place | None
    status: EventStatus
    context: tuple[str, ...]
    elaborates: Candidate | None = None
    definite: bool = False
    inferred: InferredTime | None = None  # a time the discourse implies, where none is stated

    def with_roles(self, roles: dict[str, ParticipantRole]) -> Candidate:
        """A copy with other participants (and its own evidence list, as that grows)."""
        return Candidate(
            self.type,
            self.cameo,
            self.mode,
            self.symmetric,
            self.trigger,
            self.sentence,
            self.restates,
            list(self.evidence),
            roles,
            self.when,
            self.where,
            self.status,
            self.context,
            self.elaborates,
            self.definite,
            self.inferred,
        )


class _Sides(NamedTuple):
    """A candidate's participants, each widened to its country: all, sources, targets."""

    everyone: set[str]
    source: set[str]
    target: set[str]


def _sides(candidate: Candidate, countries: Mapping[str, str | None]) -> _Sides:
    everyone: set[str] = set()
    source: set[str] = set()
    target: set[str] = set()
    for ref, role in candidate.roles.items():
        side = source if role is _SOURCE else target if role is _TARGET else None
        everyone.add(ref)
        if side is not None:
            side.add(ref)
        country = countries.get(ref)
        if country is not None:
            everyone.add(country)
            if side is not None:
                side.add(country)
    return _Sides(everyone, source, target)


def _times_fit(first: DateRange | None, second: DateRange | None) -> bool:
    if first is None or second is None:
        return True
    return first.earliest <= second.latest and second.earliest <= first.latest


def _status_fits(first: EventStatus, second: EventStatus) -> bool:
    return first is second or (first in _FACTUAL and second in _FACTUAL)


def _could_fit(into: Candidate, other: Candidate) -> bool:
    return (
        into.type == other.type
        and _status_fits(into.status, other.status)
        and _times_fit(into.when, other.when)
    )


def _score(into: _Sides, other: _Sides, *, symmetric: bool) -> int | None:
    score = 0
    for mine, theirs in ((into.source, other.source), (into.target, other.target)):
        if not mine or not theirs:
            if theirs and theirs & into.everyone and symmetric:
                score += 1
            continue
        if mine & theirs:
            score += 2 * len(mine & theirs)
        elif symmetric and theirs & into.everyone:
            score += 1
        else:
            return None
    return score


def fit_score(into: Candidate, other: Candidate, countries: Mapping[str, str | None]) -> int | None:
    """How well *other* restates *into*: None if they clash, else a larger number the better."""
    if not _could_fit(into, other):
        return None
    symmetric = into.symmetric or other.symmetric
    return _score(_sides(into, countries), _sides(other, countries), symmetric=symmetric)


class _Merger:
    """Scores candidates against each other, each one's sides read once until it changes."""

    def __init__(self, countries: Mapping[str, str | None]) -> None:
        self.countries = countries
        self._sides: dict[int, _Sides] = {}
        self._evidence: dict[int, set[Span]] = {}

    def sides(self, candidate: Candidate) -> _Sides:
        found = self._sides.get(id(candidate))
        if found is None:
            found = self._sides[id(candidate)] = _sides(candidate, self.countries)
        return found

    def score(self, into: Candidate, other: Candidate) -> int | None:
        if not _could_fit(into, other):
            return None
        symmetric = into.symmetric or other.symmetric
        return _score(self.sides(into), self.sides(other), symmetric=symmetric)

    def absorb(self, into: Candidate, other: Candidate) -> None:
        seen = self._evidence.get(id(into))
        if seen is None:
            seen = self._evidence[id(into)] = set(into.evidence)
        _absorb(into, other, self.countries, seen)
        self._sides.pop(id(into), None)


def _absorb(
    into: Candidate, other: Candidate, countries: Mapping[str, str | None], seen: set[Span]
) -> None:
    for span in other.evidence:
        if span not in seen:
            seen.add(span)
            into.evidence.append(span)
    # the participants and their countries (None for an actor without one: no ref is None)
    covered: set[str | None] = {*into.roles, *map(countries.get, into.roles)}
    for ref, role in other.roles.items():
        if ref not in covered:
            into.roles[ref] = role
            covered.add(ref)
            covered.add(countries.get(ref))
    if into.when is None:
        into.when = other.when
    if into.inferred is None:
        into.inferred = other.inferred
    if into.where is None:
        into.where = other.where
    into.context = tuple(dict.fromkeys((*into.context, *other.context)))


def merge_candidates(
    candidates: list[Candidate], countries: Mapping[str, str | None]
) -> list[Candidate]:
    """The candidates with restatements folded in, in reading order of their first evidence."""
    merger = _Merger(countries)
    body = _Body()
    for candidate in (c for c in candidates if not c.restates):
        target = body.target_of(candidate, merger)
        if target is None:
            body.add(candidate)
        else:
            merger.absorb(target, candidate)
            body.rekey(target)
    merged = list(body.events)
    standalone: list[Candidate] = []
    # only events of one type can fit each other: each pool by type, in reading order
    merged_of: dict[str, list[Candidate]] = {}
    for event in merged:
        merged_of.setdefault(event.type, []).append(event)
    standalone_of: dict[str, list[Candidate]] = {}
    for candidate in (c for c in candidates if c.restates):
        best: Candidate | None = None
        best_score = -1
        for pool in (merged_of.get(candidate.type, ()), standalone_of.get(candidate.type, ())):
            for existing in pool:
                score = merger.score(existing, candidate)
                if score is not None and score > best_score:
                    best, best_score = existing, score
            if best is not None:
                break
        if best is None:
            standalone.append(candidate)
            standalone_of.setdefault(candidate.type, []).append(candidate)
        else:
            merger.absorb(best, candidate)
    everything = merged + standalone
    for candidate in everything:
        if len(candidate.evidence) > 1:
            candidate.evidence.sort(key=_reading_key)
    everything.sort(key=lambda c: _reading_key(c.evidence[0]))
    return everything


# How many earlier events of one type and one set of participants a later mention of them
# is compared with (an article has far fewer; the bound keeps odd texts linear).
_LOOK_BACK = 50


class _Body:
    """The body's events so far, indexed to find the one a new candidate continues."""

    def __init__(self) -> None:
        self.events: list[Candidate] = []
        self._position: dict[int, int] = {}
        self._key: dict[int, tuple[str, frozenset[str]]] = {}
        self._by_key: dict[tuple[str, frozenset[str]], list[int]] = {}

    def add(self, candidate: Candidate) -> None:
        self._position[id(candidate)] = len(self.events)
        self.events.append(candidate)
        self.rekey(candidate)

    def rekey(self, candidate: Candidate) -> None:
        """File *candidate* under its type and participants (again, after it absorbed one)."""
        key = (candidate.type, frozenset(candidate.roles))
        if self._key.get(id(candidate)) == key:
            return
        self._key[id(candidate)] = key
        bisect.insort(self._by_key.setdefault(key, []), self._position[id(candidate)])

    def target_of(self, candidate: Candidate, merger: _Merger) -> Candidate | None:
        """The event *candidate* continues: the latest that fits it (see the module doc)."""
        elaborates = candidate.elaborates
        if elaborates is not None and id(elaborates) in self._position:
            return elaborates
        # within two sentences any rule may apply; further back only the same participants
        near = candidate.sentence - 2
        position = len(self.events) - 1
        while position >= 0 and self.events[position].sentence >= near:
            existing = self.events[position]
            if existing.type == candidate.type and _continues(candidate, existing, merger):
                return existing
            position -= 1
        if candidate.definite and candidate.when is None:
            # "The withdrawal has raised concerns": an undated "the" names the event told
            # before, however far back
            for existing in reversed(self.events[max(0, position + 1 - _LOOK_BACK) : position + 1]):
                if (
                    existing.type == candidate.type
                    and merger.score(existing, candidate) is not None
                ):
                    return existing
        key = (candidate.type, frozenset(candidate.roles))
        same = self._by_key.get(key, [])
        older = bisect.bisect_right(same, position)
        for index in reversed(same[max(0, older - _LOOK_BACK) : older]):
            existing = self.events[index]
            if self._key[id(existing)] != key:
                continue  # filed under this key before it absorbed other participants
            score = merger.score(existing, candidate)
            if score is not None and score > 0:
                return existing
        return None


def _continues(candidate: Candidate, existing: Candidate, merger: _Merger) -> bool:
    if existing.type != candidate.type:
        return False
    score = merger.score(existing, candidate)
    if score is None:
        return False
    if existing.sentence == candidate.sentence:
        # "has fought them since July, when 20 were killed in an ambush": two happenings
        return existing.status is candidate.status and (
            existing.when is None or candidate.when is None or existing.when == candidate.when
        )
    if candidate.definite and candidate.sentence - existing.sentence <= 2:
        return True
    return score > 0 and set(existing.roles) == set(candidate.roles)


_PART_ORDER = {Part.HEADLINE: 0, Part.STANDFIRST: 1, Part.PARAGRAPH: 2, Part.RELATED: 3}


def _reading_key(span: Span) -> tuple[int, int, int]:
    return (_PART_ORDER[span.part], span.index, span.start)
