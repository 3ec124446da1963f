"""Resolved times: a calendar interval with its precision and the words it came from."""

from __future__ import annotations

from datetime import date

import attrs

from sahel_news.errors import ValidationError
from sahel_news.models._checks import non_empty_text, typed
from sahel_news.models._enums import Precision, TimeBasis
from sahel_news.models.span import Mention

__all__ = ["DateRange", "InferredTime"]


@attrs.frozen(slots=True)
class DateRange:
    """The days ``[earliest, latest]`` (both included) a time expression can mean.

    ``precision`` says how exactly it is known, ``expression`` holds the words as written
    ("last July") and ``anchor`` the date it was resolved against (None for absolute dates).
    """

    earliest: date = attrs.field(validator=typed(date))
    latest: date = attrs.field(validator=typed(date))
    precision: Precision = attrs.field(validator=typed(Precision))
    expression: str = attrs.field(validator=[typed(str), non_empty_text])
    anchor: date | None = attrs.field(default=None, validator=typed(date, optional=True))

    def __attrs_post_init__(self) -> None:
        if self.earliest > self.latest:
            raise ValidationError.at(
                "earliest",
                f"{self.earliest.isoformat()} is after latest {self.latest.isoformat()}",
                code="inconsistent",
            )
        if self.precision is Precision.DAY and self.earliest != self.latest:
            raise ValidationError.at(
                "latest", "a range of day precision is a single day", code="inconsistent"
            )

    @property
    def is_single_day(self) -> bool:
        """Whether the range is exactly one day."""
        return self.earliest == self.latest


@attrs.frozen(slots=True)
class InferredTime:
    """A time the text does not state for an event but implies, and what it was read from.

    ``range`` holds the days and their precision, its ``expression`` the words they came
    from ("on Tuesday", or "publication"); ``basis`` says how the time was inferred and
    ``source`` where those words stand in the text (None for the publication date). An
    event has either a stated ``when`` or an inferred time, never both, so a guess is never
    read as a statement.
    """

    range: DateRange = attrs.field(validator=typed(DateRange))
    basis: TimeBasis = attrs.field(validator=typed(TimeBasis))
    source: Mention | None = attrs.field(default=None, validator=typed(Mention, optional=True))

    def __attrs_post_init__(self) -> None:
        if (self.basis is TimeBasis.PUBLICATION) != (self.source is None):
            reason = (
                "the publication date is read from no words of the text"
                if self.source is not None
                else f"a time inferred by {self.basis.value} needs the words it came from"
            )
            raise ValidationError.at("source", reason, code="inconsistent")
