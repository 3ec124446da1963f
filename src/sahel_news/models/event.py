"""Events: who did what to whom, where and when, coded with PLOVER."""

from __future__ import annotations

import re
from typing import Any

import attrs

from sahel_news.errors import ValidationError
from sahel_news.models._checks import (
    identifier,
    min_items,
    non_empty_text,
    optional_non_empty_text,
    tuple_of,
    typed,
)
from sahel_news.models._enums import EventStatus, ParticipantRole, PlaceKind, PloverType
from sahel_news.models.actor import check_optional_alpha3, check_texts
from sahel_news.models.span import Mention, Span
from sahel_news.models.time import DateRange, InferredTime

__all__ = ["Event", "Participant", "Place", "is_reference"]

_CAMEO = re.compile(r"^[0-9]{2,4}$")
_ID_REF = re.compile(r"^[a-z0-9][a-z0-9_.:-]{0,127}$")
_ALPHA3_REF = re.compile(r"^[A-Z]{3}$")


def is_reference(value: str) -> bool:
    """Whether *value* has the form of an actor id or of an alpha-3 country code."""
    return bool(_ID_REF.fullmatch(value) or _ALPHA3_REF.fullmatch(value))


def _check_reference(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not is_reference(value):
        raise ValidationError.at(
            attribute.name, f"{value!r} is neither an actor id nor an alpha-3 country code"
        )


def _check_cameo(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _CAMEO.fullmatch(value):
        raise ValidationError.at(attribute.name, f"{value!r} is not a CAMEO code (2 to 4 digits)")


@attrs.frozen(slots=True)
class Place:
    """A named place, the country it lies in (alpha-3) and what kind of place it is."""

    name: str = attrs.field(validator=[typed(str), non_empty_text])
    country: str | None = attrs.field(
        default=None, validator=[typed(str, optional=True), check_optional_alpha3]
    )
    kind: PlaceKind = attrs.field(default=PlaceKind.OTHER, validator=typed(PlaceKind))
    mention: Mention | None = attrs.field(default=None, validator=typed(Mention, optional=True))


@attrs.frozen(slots=True)
class Participant:
    """An actor (by id) or a country (by alpha-3 code) taking part in an event."""

    ref: str = attrs.field(validator=[typed(str), _check_reference])
    role: ParticipantRole = attrs.field(
        default=ParticipantRole.OTHER, validator=typed(ParticipantRole)
    )


@attrs.frozen(slots=True)
class Event:
    """Something that happened or is said to happen, as PLOVER codes it.

    ``trigger`` is the word or phrase that states it, ``evidence`` the spans of every
    sentence that states it (the headline, standfirst and body often say it again).
    ``when`` is the time the text states for it; ``inferred_time`` the time the story
    implies where it states none (see `InferredTime`). At most one of the two is set.
    """

    id: str = attrs.field(validator=[typed(str), identifier])
    type: PloverType = attrs.field(validator=typed(PloverType))
    trigger: Mention = attrs.field(validator=typed(Mention))
    evidence: tuple[Span, ...] = attrs.field(validator=[tuple_of(Span), min_items(1)])
    participants: tuple[Participant, ...] = attrs.field(default=(), validator=tuple_of(Participant))
    when: DateRange | None = attrs.field(default=None, validator=typed(DateRange, optional=True))
    where: Place | None = attrs.field(default=None, validator=typed(Place, optional=True))
    status: EventStatus = attrs.field(default=EventStatus.OCCURRED, validator=typed(EventStatus))
    mode: str | None = attrs.field(
        default=None, validator=[typed(str, optional=True), optional_non_empty_text]
    )
    context: tuple[str, ...] = attrs.field(default=(), validator=[tuple_of(str), check_texts])
    cameo: str | None = attrs.field(
        default=None, validator=[typed(str, optional=True), _check_cameo]
    )
    inferred_time: InferredTime | None = attrs.field(
        default=None, validator=typed(InferredTime, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        if self.when is not None and self.inferred_time is not None:
            raise ValidationError.at(
                "inferred_time",
                "an event with a stated time has no inferred one",
                code="inconsistent",
            )
