"""One event per happening: restatements and elaborations fold into the event they repeat.

Headline and standfirst restate the body: each of their events joins the best-matching
body event (same type, compatible status, participants and time), and stands alone only
when none matches. In the body, a second trigger of the same type in one sentence ("met
... and discussed"), an elaboration ("the parties discussed ...") and a definite
back-reference ("the attack killed ...") join the event they continue.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from sahel_news.models import DateRange, EventStatus, Mention, ParticipantRole, Place, Span

__all__ = ["Candidate", "merge_candidates"]

_FACTUAL = frozenset({EventStatus.OCCURRED, EventStatus.ONGOING, EventStatus.ANNOUNCED})


@attrs.define
class Candidate:
    """An event being built: mutable until it becomes a models.Event."""

    type: str
    cameo: str | None
    mode: str | None
    symmetric: bool
    trigger: Mention
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


def _expand(refs: set[str], countries: Mapping[str, str | None]) -> set[str]:
    return refs | {c for r in refs if (c := countries.get(r)) is not None}


def _side(candidate: Candidate, role: ParticipantRole) -> set[str]:
    return {ref for ref, r in candidate.roles.items() if r is role}


def _times_fit(first: DateRange | None, second: DateRange | None) -> bool:
    if first is None or second is None:
        return True
    return first.earliest <= second.latest and second.earliest <= first.latest


def _status_fits(first: EventStatus, second: EventStatus) -> bool:
    return first is second or (first in _FACTUAL and second in _FACTUAL)


def fit_score(into: Candidate, other: Candidate, countries: Mapping[str, str | None]) -> int | None:
    """How well *other* restates *into*: None if they clash, else a larger number the better."""
    if into.type != other.type or not _status_fits(into.status, other.status):
        return None
    if not _times_fit(into.when, other.when):
        return None
    score = 0
    symmetric = into.symmetric or other.symmetric
    into_all = _expand(set(into.roles), countries)
    for role in (ParticipantRole.SOURCE, ParticipantRole.TARGET):
        mine = _expand(_side(into, role), countries)
        theirs = _expand(_side(other, role), countries)
        if not mine or not theirs:
            if theirs and theirs & into_all and symmetric:
                score += 1
            continue
        if mine & theirs:
            score += 2 * len(mine & theirs)
        elif symmetric and theirs & into_all:
            score += 1
        else:
            return None
    return score


def _absorb(into: Candidate, other: Candidate, countries: Mapping[str, str | None]) -> None:
    for span in other.evidence:
        if span not in into.evidence:
            into.evidence.append(span)
    covered = _expand(set(into.roles), countries)
    for ref, role in other.roles.items():
        if ref not in covered:
            into.roles[ref] = role
            covered |= _expand({ref}, countries)
    if into.when is None:
        into.when = other.when
    if into.where is None:
        into.where = other.where
    into.context = tuple(dict.fromkeys((*into.context, *other.context)))


def merge_candidates(
    candidates: list[Candidate], countries: Mapping[str, str | None]
) -> list[Candidate]:
    """The candidates with restatements folded in, in reading order of their first evidence."""
    body: list[Candidate] = []
    for candidate in (c for c in candidates if not c.restates):
        target = _body_target(candidate, body, countries)
        if target is None:
            body.append(candidate)
        else:
            _absorb(target, candidate, countries)
    merged = list(body)
    standalone: list[Candidate] = []
    for candidate in (c for c in candidates if c.restates):
        best: Candidate | None = None
        best_score = -1
        for pool in (merged, standalone):
            for existing in pool:
                score = fit_score(existing, candidate, countries)
                if score is not None and score > best_score:
                    best, best_score = existing, score
            if best is not None:
                break
        if best is None:
            standalone.append(candidate)
        else:
            _absorb(best, candidate, countries)
    everything = merged + standalone
    for candidate in everything:
        candidate.evidence.sort(key=_reading_key)
    everything.sort(key=lambda c: _reading_key(c.evidence[0]))
    return everything


def _body_target(
    candidate: Candidate, body: list[Candidate], countries: Mapping[str, str | None]
) -> Candidate | None:
    if candidate.elaborates is not None and candidate.elaborates in body:
        return candidate.elaborates
    for existing in reversed(body):
        if existing.type != candidate.type:
            continue
        score = fit_score(existing, candidate, countries)
        if score is None:
            continue
        if existing.sentence == candidate.sentence:
            return existing
        if candidate.definite and candidate.sentence - existing.sentence <= 2:
            return existing
        if score > 0 and set(existing.roles) == set(candidate.roles):
            return existing
    return None


_PART_ORDER = {"headline": 0, "standfirst": 1, "paragraph": 2, "related": 3}


def _reading_key(span: Span) -> tuple[int, int, int]:
    return (_PART_ORDER[span.part.value], span.index, span.start)
