"""Countries as ISO 3166-1 records, checked against pycountry."""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

import attrs

from sahel_news.data import register_cache
from sahel_news.errors import ValidationError
from sahel_news.models._checks import non_empty_text, tuple_of, typed
from sahel_news.models._unchecked import unchecked
from sahel_news.models.span import Mention

__all__ = ["Country", "is_alpha3"]


@functools.cache
def _iso_records() -> dict[str, tuple[str, str, str, str]]:
    """alpha3 -> (alpha2, alpha3, numeric, name) for every current ISO 3166-1 country."""
    import pycountry  # noqa: PLC0415 - loaded on first use to keep `import sahel_news` light

    return {
        c.alpha_3: (c.alpha_2, c.alpha_3, c.numeric, getattr(c, "common_name", c.name))
        for c in pycountry.countries
    }


@functools.cache
def _by_any_code() -> dict[str, str]:
    table: dict[str, str] = {}
    for alpha2, alpha3, numeric, _ in _iso_records().values():
        table[alpha2] = alpha3
        table[alpha3] = alpha3
        table[numeric] = alpha3
    return table


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


@register_cache
@functools.cache
def _by_name() -> dict[str, str]:
    import pycountry  # noqa: PLC0415 - loaded on first use

    from sahel_news.data import country_table  # noqa: PLC0415 - loads the table on first use

    table: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                table[_fold(value)] = c.alpha_3
    for alpha3, entry in country_table().items():
        for name in entry.names:
            table.setdefault(_fold(name), alpha3)
    return table


@register_cache
@functools.cache
def _display_record(alpha3: str) -> tuple[str, str, str, str]:
    """The ISO codes of *alpha3* with the short name of the country table ("Russia")."""
    from sahel_news.data import country_table  # noqa: PLC0415 - data is a leaf package

    alpha2, alpha3, numeric, name = _iso_records()[alpha3]
    entry = country_table().get(alpha3)
    if entry is not None and entry.names:
        name = entry.names[0]
    return alpha2, alpha3, numeric, name


def is_alpha3(code: object) -> bool:
    """Whether *code* is the alpha-3 code of a current ISO 3166-1 country."""
    return isinstance(code, str) and code in _iso_records()


def _check_codes(instance: Country, _: attrs.Attribute[Any], __: object) -> None:
    record = _iso_records().get(instance.alpha3)
    if record is None:
        raise ValidationError.at(
            "alpha3", f"{instance.alpha3!r} is not a current ISO 3166-1 alpha-3 code"
        )
    alpha2, _alpha3, numeric, _name = record
    if instance.alpha2 != alpha2:
        raise ValidationError.at(
            "alpha2",
            f"{instance.alpha2!r} is not the alpha-2 code of {instance.alpha3}, {alpha2!r} is",
            code="inconsistent",
        )
    if instance.numeric != numeric:
        raise ValidationError.at(
            "numeric",
            f"{instance.numeric!r} is not the numeric code of {instance.alpha3}, {numeric!r} is",
            code="inconsistent",
        )


@attrs.frozen(slots=True)
class Country:
    """A current ISO 3166-1 country and every place the text refers to it.

    The three codes must belong to the same ISO record; ``name`` is a display name.
    ``mentions`` may be empty when the country is only implied (by an actor or a place).
    ``actor_home_only`` marks a country that no words of the text name or imply and that is
    listed only as the home of an actor that takes no part, such as the news agency that
    filed the story: not a country the article is about (count ``not c.actor_home_only``).
    """

    alpha2: str = attrs.field(validator=typed(str))
    alpha3: str = attrs.field(validator=typed(str))
    numeric: str = attrs.field(validator=typed(str))
    name: str = attrs.field(validator=[typed(str), non_empty_text, _check_codes])
    mentions: tuple[Mention, ...] = attrs.field(default=(), validator=tuple_of(Mention))
    actor_home_only: bool = attrs.field(default=False, validator=typed(bool))

    def __attrs_post_init__(self) -> None:
        if self.actor_home_only and self.mentions:
            raise ValidationError.at(
                "actor_home_only",
                "a country the text names is not only an actor's home",
                code="inconsistent",
            )

    @classmethod
    def from_code(
        cls, code: str, *, mentions: tuple[Mention, ...] = (), actor_home_only: bool = False
    ) -> Country:
        """The country with ISO code *code*: alpha-2, alpha-3 or numeric, in any case.

        Raises:
            ValidationError: if *code* is no current ISO 3166-1 code.
        """
        key = code.strip().upper()
        if key.isdigit():
            key = key.zfill(3)
        alpha3 = _by_any_code().get(key)
        if alpha3 is None:
            raise ValidationError.at("code", f"{code!r} is not a current ISO 3166-1 code")
        if (
            cls is Country
            and mentions.__class__ is tuple
            and all(m.__class__ is Mention for m in mentions)
            and not (actor_home_only and mentions)
        ):
            # the codes and name come from one ISO record, so only the mentions needed checking
            return _unchecked_country(*_display_record(alpha3), mentions, actor_home_only)
        return cls(*_display_record(alpha3), mentions, actor_home_only)

    @classmethod
    def lookup(cls, name: str, *, mentions: tuple[Mention, ...] = ()) -> Country:
        """The country called *name* ("Côte d'Ivoire", "Ivory Coast", "Mali") or with that code.

        Names come from pycountry and from the package's country table (alternative names);
        case, accents and apostrophe style do not matter.

        Raises:
            ValidationError: if no country has that name or code.
        """
        alpha3 = _by_name().get(_fold(name))
        if alpha3 is None:
            try:
                return cls.from_code(name, mentions=mentions)
            except ValidationError:
                raise ValidationError.at("name", f"no country is called {name!r}") from None
        return cls.from_code(alpha3, mentions=mentions)


_unchecked_country = unchecked(Country)
