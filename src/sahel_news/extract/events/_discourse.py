"""Times the story implies: an event its own sentence does not date, dated by the discourse.

News writing states a time once and leans on it. As in HeidelTime's news mode, the
reference time is the last time the story stated for an event that happened, falling back
to the publication date:

- a later sentence continues the last dated one ("On Tuesday the minister arrived in
  Niamey. He was received by the President."): its events take that time, as a
  *restatement* when they share a participant with the dated event, else as a
  *continuation*;
- before any time is stated (the story's lead, told in the past with no date) an event is
  the news of the day: the *publication* date.

Only events that happened get a time this way; a plan's time is never guessed. The record
keeps the guess apart from what the text states (`InferredTime`): its basis, and the words
and place it was read from. ``benchmarks/bench_events.py`` prints how many inferred dates
are right on the annotated captures.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import NamedTuple

from sahel_news.models import DateRange, EventStatus, InferredTime, Mention, Precision, TimeBasis

__all__ = ["DiscourseTime"]

_HAPPENED = frozenset({EventStatus.OCCURRED, EventStatus.ANNOUNCED})
_PUBLICATION = "publication"


class _Stated(NamedTuple):
    range: DateRange
    source: Mention
    refs: frozenset[str]


class DiscourseTime:
    """The story's reference time, sentence by sentence through the body."""

    __slots__ = ("_anchor", "_last", "_publication")

    def __init__(self, anchor: date | None) -> None:
        self._anchor = anchor
        self._last: _Stated | None = None
        self._publication: InferredTime | None = None  # made at first need

    def stated(
        self,
        when: DateRange,
        source: Mention,
        *,
        status: EventStatus,
        refs: Collection[str],
    ) -> None:
        """Record the time a body sentence states for an event, if the event happened.

        A time after publication dates no event that happened, so it is not leaned on.
        """
        if status not in _HAPPENED:
            return
        if self._anchor is not None and when.earliest > self._anchor:
            return
        self._last = _Stated(when, source, frozenset(refs))

    def infer(self, *, status: EventStatus, refs: Collection[str]) -> InferredTime | None:
        """The time the discourse gives an undated event of a body sentence, or None."""
        if status not in _HAPPENED:
            return None
        last = self._last
        if last is not None:
            basis = (
                TimeBasis.RESTATEMENT if last.refs.intersection(refs) else TimeBasis.CONTINUATION
            )
            return InferredTime(last.range, basis, last.source)
        if self._anchor is not None:
            if self._publication is None:
                day = self._anchor
                self._publication = InferredTime(
                    DateRange(day, day, Precision.DAY, _PUBLICATION), TimeBasis.PUBLICATION
                )
            return self._publication
        return None
