"""People and organisations."""

from __future__ import annotations

from typing import Any

import attrs

from sahel_news.errors import ValidationError
from sahel_news.models._checks import identifier, non_empty_text, tuple_of, typed
from sahel_news.models._enums import ActorKind
from sahel_news.models.country import is_alpha3
from sahel_news.models.span import Mention

__all__ = ["Actor", "check_optional_alpha3", "check_texts"]


def check_optional_alpha3(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """A validator that raises unless *value* is None or a current ISO 3166-1 alpha-3 code."""
    if value is not None and not is_alpha3(value):
        raise ValidationError.at(
            attribute.name, f"{value!r} is not a current ISO 3166-1 alpha-3 code"
        )


def check_texts(_: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """A validator that raises if any string of *value* is blank."""
    for index, text in enumerate(value):
        if not text.strip():
            raise ValidationError.at(f"{attribute.name}[{index}]", "must not be empty or blank")


@attrs.frozen(slots=True)
class Actor:
    """A person or an organisation, with the country it acts for.

    ``id`` is stable (a gazetteer id, or a slug of the canonical name); ``country`` is the
    alpha-3 code of the country the actor acts for, or None; ``roles`` are titles as written
    ("Deputy Minister", "interim leader"); ``aliases`` other names it goes by.
    """

    id: str = attrs.field(validator=[typed(str), identifier])
    name: str = attrs.field(validator=[typed(str), non_empty_text])
    kind: ActorKind = attrs.field(validator=typed(ActorKind))
    country: str | None = attrs.field(
        default=None, validator=[typed(str, optional=True), check_optional_alpha3]
    )
    roles: tuple[str, ...] = attrs.field(default=(), validator=[tuple_of(str), check_texts])
    aliases: tuple[str, ...] = attrs.field(default=(), validator=[tuple_of(str), check_texts])
    mentions: tuple[Mention, ...] = attrs.field(default=(), validator=tuple_of(Mention))
