"""The entry classes of the data tables: one attrs class per kind of entry is its schema.

Package tables are trusted and built by calling the class (the test suite checks every one
through cattrs); user tables are structured by cattrs, which rejects wrong types and
unknown keys, and the validators here check what types cannot say.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = [
    "PLACE_KINDS",
    "TIME_WORD_KINDS",
    "ActorEntry",
    "BoilerplatePhrase",
    "CountryEntry",
    "CountrySet",
    "Descriptor",
    "FipsEntry",
    "OrgHeadTemplate",
    "PlaceEntry",
    "TimeWord",
    "TriggerGroup",
]

# The values of sahel_news.models.PlaceKind; repeated here because this package imports
# nothing else of sahel_news (a test keeps the two in step).
PLACE_KINDS = ("capital", "city", "town", "region", "site", "other")
TIME_WORD_KINDS = (
    "month",
    "weekday",
    "number",
    "season",
    "part",
    "future_cue",
    "past_cue",
    "vague",
    "reading",
)


def _non_blank(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, str) and not value.strip():
        raise ValueError(f"{attribute.name}: expected a non-blank string")


def _non_blank_items(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and any(isinstance(v, str) and not v.strip() for v in value):  # type: ignore[attr-defined]
        raise ValueError(f"{attribute.name}: expected non-blank strings")


def _code(length: int) -> Any:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if not (
            isinstance(value, str)
            and len(value) == length
            and value.isascii()
            and value.isalpha()
            and value.isupper()
        ):
            raise ValueError(
                f"{attribute.name}: expected an upper-case {length}-letter code, got {value!r}"
            )

    return check


def _one_of(values: tuple[str, ...]) -> Any:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in values:
            raise ValueError(
                f"{attribute.name}: expected one of {', '.join(values)}, got {value!r}"
            )

    return check


def _strings(value: Any) -> tuple[str, ...]:
    return () if value is None else tuple(value)


def _optional_strings(value: Any) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


def _words(**kwargs: Any) -> Any:
    return attrs.field(default=(), converter=_strings, validator=_non_blank_items, **kwargs)


@attrs.frozen
class CountryEntry:
    """One country of ``countries.json`` (id: its alpha-3 code, the key of its entry)."""

    alpha3: str = attrs.field(validator=_code(3))
    names: tuple[str, ...] = _words()
    demonyms: tuple[str, ...] = _words()
    capitals: tuple[str, ...] = _words()
    seats: tuple[str, ...] = _words()
    ambiguous: tuple[str, ...] = _words()


@attrs.frozen
class FipsEntry:
    """One FIPS 10-4 code of ``fips.json`` (id: the alpha-3 code it is keyed by)."""

    alpha3: str = attrs.field(validator=_code(3))
    fips: str = attrs.field(validator=_code(2))


@attrs.frozen
class PlaceEntry:
    """One gazetteer place: its name, other spellings, country (alpha-3) and PlaceKind value.

    ``country`` is None for features that span several countries (Lake Chad). Its id is
    ``"name/country"`` ("Kidal/MLI"), or the name alone when it has no country.
    """

    name: str = attrs.field(validator=_non_blank)
    aliases: tuple[str, ...] = _words()
    country: str | None = attrs.field(default=None, validator=_code(3))
    kind: str = attrs.field(default="other", validator=_one_of(PLACE_KINDS))


@attrs.frozen
class ActorEntry:
    """One person (``people.json``) or organisation (``organisations.json``); id: ``id``.

    ``kind`` is an ActorKind value and ``country`` an alpha-3 code of the country table:
    the actor recognizer checks both, as this package knows neither.
    """

    id: str = attrs.field(validator=_non_blank)
    name: str = attrs.field(validator=_non_blank)
    kind: str = "person"
    country: str | None = None
    aliases: tuple[str, ...] = _words()
    short: tuple[str, ...] = _words()
    office: str | None = None
    note: str | None = None


@attrs.frozen
class OrgHeadTemplate:
    """An organisation head of ``org_heads.json`` ("Defense Ministry"); id: ``id``."""

    id: str = attrs.field(validator=_non_blank)
    forms: tuple[str, ...] = _words()
    name: str | None = None
    kind: str = "government"
    context: bool = False
    context_forms: tuple[str, ...] = _words()
    restrict: str | None = None

    @forms.validator
    def _has_forms(self, _attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value:
            raise ValueError("forms: needs at least one form")


@attrs.frozen
class Descriptor:
    """A phrase that stands for a country ("the Sahel state") and the set it may mean."""

    phrase: str = attrs.field(validator=_non_blank)
    country_set: str = attrs.field(validator=_non_blank)


@attrs.frozen
class CountrySet:
    """A named list of alpha-3 codes ("sahel", "military_ruled"); id: the name."""

    name: str = attrs.field(validator=_non_blank)
    members: tuple[str, ...] = _words()


@attrs.frozen
class TriggerGroup:
    """One group of ``triggers.json``: phrases of one meaning, a block list or context words.

    Its id is ``id``; a user group without one is added and never replaces another. A
    meaning group has ``type`` and ``verbs`` or ``nouns``; a block group ``block``; a
    context group ``context`` and ``words``. ``from`` is written ``from`` in the table.
    """

    id: str | None = attrs.field(default=None, validator=_non_blank)
    type: str | None = None
    cameo: str | None = None
    mode: str | None = None
    verbs: tuple[str, ...] | None = attrs.field(
        default=None, converter=_optional_strings, validator=_non_blank_items
    )
    nouns: tuple[str, ...] | None = attrs.field(
        default=None, converter=_optional_strings, validator=_non_blank_items
    )
    of: str | None = None
    from_: str | None = None
    control: bool = False
    symmetric: bool = False
    block: tuple[str, ...] | None = attrs.field(
        default=None, converter=_optional_strings, validator=_non_blank_items
    )
    context: str | None = None
    words: tuple[str, ...] | None = attrs.field(
        default=None, converter=_optional_strings, validator=_non_blank_items
    )
    note: str | None = None


@attrs.frozen
class TimeWord:
    """One word of ``time_words.json``; id: the word, lower-case with spaces collapsed.

    ``value`` depends on ``kind`` (a month number, a pair of integers, a part's days and
    months, a vague unit and count, a reading's English words); the time vocabulary checks
    it. ``reads``, on a word of another kind, is its English reading too (French "fin", a
    part, reads "late"; "dernier", a past cue, reads "last"), as a ``reading`` entry's
    value is.
    """

    kind: str = attrs.field(validator=_one_of(TIME_WORD_KINDS))
    word: str = attrs.field(validator=_non_blank)
    value: Any = None
    ambiguous: bool = False
    abbreviation: bool = False
    reads: str | None = None


@attrs.frozen
class BoilerplatePhrase:
    """One phrase of ``boilerplate.json`` and what it marks; id: the phrase as written."""

    kind: str
    phrase: str = attrs.field(validator=_non_blank)
