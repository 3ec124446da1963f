"""Flat tables of a corpus: one row per event, actor or country of an article, and ACLED rows.

Each table is a frozen attrs class whose fields are its columns, in order. Cells are text,
optional text, whole numbers, optional dates, lists of text or yes/no, so the CSV and Parquet
writers can carry every one without loss (`Kind` names the six).

Columns are only ever added at the end of a table, so a reader that goes by position or by
name keeps working; the readers here read a file written before a column was added (its
header a prefix of the table's) with that column's default (`defaults`); only columns with
a default are ever added.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from enum import Enum
from typing import Any, TypeVar

import attrs

from sahel_news.convert.exports import ACLED_COLUMNS, to_acled_rows
from sahel_news.models import Actor, Article, Event, ParticipantRole, Span
from sahel_news.text import fold as text_fold

__all__ = [
    "ROW_TYPES",
    "AcledRow",
    "ActorRow",
    "CountryRow",
    "EventRow",
    "Kind",
    "acled_rows",
    "actor_rows",
    "columns",
    "country_rows",
    "defaults",
    "event_countries",
    "event_rows",
    "fold",
    "format_span",
    "json_row",
    "rows_of",
]

Row = TypeVar("Row")


class Kind(Enum):
    """What a column holds."""

    TEXT = "text"
    OPTIONAL_TEXT = "optional text"
    INTEGER = "integer"
    OPTIONAL_DATE = "optional date"
    TEXT_LIST = "text list"
    BOOLEAN = "boolean"


_KINDS: dict[Any, Kind] = {
    str: Kind.TEXT,
    str | None: Kind.OPTIONAL_TEXT,
    int: Kind.INTEGER,
    date | None: Kind.OPTIONAL_DATE,
    tuple[str, ...]: Kind.TEXT_LIST,
    bool: Kind.BOOLEAN,
}


@attrs.frozen
class EventRow:
    """One event of an article, flat: who, what, when, where, and the words that say so.

    ``*_ids`` are the participants' actor ids or alpha-3 codes, ``*_names`` their names and
    ``*_countries`` the countries they act for (each once, in order of appearance).
    ``evidence`` is the sentence holding the trigger; spans read ``part:index:start-end``.

    ``earliest`` to ``time_expression`` are the time the text states for the event (its
    ``when``); ``inferred_*`` the time the story implies where it states none (its
    ``inferred_time``: the days, their precision, the words they were read from, the basis
    and where those words stand). An event fills one group or neither, never both, so a
    guess is never read as a statement. ``language`` is the article's (ISO 639-1 or None).
    """

    article_id: str
    event_id: str
    type: str
    mode: str | None
    status: str
    context: tuple[str, ...]
    cameo: str | None
    earliest: date | None
    latest: date | None
    precision: str | None
    time_expression: str | None
    place: str | None
    place_country: str | None
    source_ids: tuple[str, ...]
    source_names: tuple[str, ...]
    source_countries: tuple[str, ...]
    target_ids: tuple[str, ...]
    target_names: tuple[str, ...]
    target_countries: tuple[str, ...]
    other_ids: tuple[str, ...]
    other_names: tuple[str, ...]
    other_countries: tuple[str, ...]
    trigger: str
    trigger_span: str
    evidence: str
    evidence_span: str
    inferred_earliest: date | None = None
    inferred_latest: date | None = None
    inferred_precision: str | None = None
    inferred_expression: str | None = None
    inferred_basis: str | None = None
    inferred_source_span: str | None = None
    language: str | None = None


@attrs.frozen
class ActorRow:
    """One actor of an article, with how often and where first the text names it.

    ``language`` is the article's (ISO 639-1 or None).
    """

    article_id: str
    actor_id: str
    name: str
    kind: str
    country: str | None
    roles: tuple[str, ...]
    aliases: tuple[str, ...]
    mentions: int
    first_mention: str | None
    language: str | None = None


@attrs.frozen
class CountryRow:
    """One country of an article, its ISO codes, and how often the text names it.

    ``actor_home_only`` marks a country the text never names, listed only as the home of an
    outlet reporting the story (count rows without it for the countries an article is
    about); ``language`` is the article's (ISO 639-1 or None).
    """

    article_id: str
    alpha3: str
    alpha2: str
    numeric: str
    name: str
    mentions: int
    first_mention: str | None
    actor_home_only: bool = False
    language: str | None = None


@attrs.frozen
class AcledRow:
    """One ACLED-style row, as `sahel_news.to_acled_rows` gives it (every cell text).

    ``event_date`` and ``time_precision`` are the stated time only; ``inferred_*`` the time
    the story implies for an event whose text states none (blank otherwise).
    """

    event_id_cnty: str
    event_date: str
    time_precision: str
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    country: str
    iso: str
    location: str
    source: str
    notes: str
    inferred_event_date: str = ""
    inferred_time_precision: str = ""
    inferred_time_basis: str = ""


ROW_TYPES: dict[str, type] = {
    "events": EventRow,
    "actors": ActorRow,
    "countries": CountryRow,
    "acled": AcledRow,
}


_COLUMNS: dict[type, tuple[tuple[str, Kind], ...]] = {}


def columns(row_type: type[object]) -> tuple[tuple[str, Kind], ...]:
    """The columns of a row class, in order, with what each holds."""
    spec = _COLUMNS.get(row_type)
    if spec is None:
        fields = attrs.fields(attrs.resolve_types(row_type))  # type: ignore[type-var, arg-type]
        spec = _COLUMNS[row_type] = tuple((field.name, _KINDS[field.type]) for field in fields)
    return spec


def defaults(row_type: type[object]) -> dict[str, Any]:
    """The columns of a row class that have a default, with it: those added after the first
    release of the table, which a file written before them does not hold."""
    return {
        field.name: field.default
        for field in attrs.fields(row_type)  # type: ignore[arg-type]
        if field.default is not attrs.NOTHING
    }


def json_row(row: object) -> dict[str, Any]:
    """A table row as JSON-ready values: dates as ISO text, lists as lists, None as null."""
    values: dict[str, Any] = attrs.asdict(row, recurse=False)  # type: ignore[arg-type]
    for key, value in values.items():
        if isinstance(value, date):
            values[key] = value.isoformat()
        elif isinstance(value, tuple):
            values[key] = list(value)
    return values


def format_span(span: Span) -> str:
    """A span as ``part:index:start-end`` (``paragraph:2:10-48``)."""
    return f"{span.part.value}:{span.index}:{span.start}-{span.end}"


def fold(name: str) -> str:
    """*name* without case or accents, for matching ("Goïta" and "goita" are one).

    The extractors' fold first (typographic apostrophes and dashes), then any accent it
    leaves, then case.
    """
    decomposed = unicodedata.normalize("NFKD", text_fold(name))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def _evidence(event: Event) -> Span:
    """The evidence span that holds the trigger (the first one if none does)."""
    trigger = event.trigger.span
    for span in event.evidence:
        if (span.part, span.index) == (trigger.part, trigger.index) and (
            span.start <= trigger.start and trigger.end <= span.end
        ):
            return span
    return event.evidence[0]


def _unique(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


class _Lookup:
    """Names and countries of an article's actor ids and alpha-3 codes."""

    def __init__(self, article: Article) -> None:
        self.names = {c.alpha3: c.name for c in article.countries}
        self.names.update({a.id: a.name for a in article.actors})
        self.countries: dict[str, str | None] = {c.alpha3: c.alpha3 for c in article.countries}
        self.countries.update({a.id: a.country for a in article.actors})

    def country(self, ref: str) -> str | None:
        return self.countries.get(ref, ref if ref.isupper() else None)

    def role(
        self, event: Event, role: ParticipantRole
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """The ids, names and countries of the participants of *event* in *role*."""
        refs = [p.ref for p in event.participants if p.role is role]
        names = tuple(self.names.get(ref, ref) for ref in refs)
        return tuple(refs), names, _unique(self.country(ref) for ref in refs)


def event_countries(article: Article, event: Event) -> tuple[str, ...]:
    """The countries an event involves: its participants', their actors', and its place's."""
    lookup = _Lookup(article)
    place = event.where.country if event.where is not None else None
    return _unique([*(lookup.country(p.ref) for p in event.participants), place])


def event_rows(article: Article) -> list[EventRow]:
    """One row per event of *article*, in the article's order."""
    lookup = _Lookup(article)
    rows = []
    for event in article.events:
        when, where = event.when, event.where
        inferred = event.inferred_time
        guess = inferred.range if inferred else None
        evidence = _evidence(event)
        rows.append(
            EventRow(
                article.id,
                event.id,
                event.type.value,
                event.mode,
                event.status.value,
                event.context,
                event.cameo,
                when.earliest if when else None,
                when.latest if when else None,
                when.precision.value if when else None,
                when.expression if when else None,
                where.name if where else None,
                where.country if where else None,
                *lookup.role(event, ParticipantRole.SOURCE),
                *lookup.role(event, ParticipantRole.TARGET),
                *lookup.role(event, ParticipantRole.OTHER),
                event.trigger.text,
                format_span(event.trigger.span),
                article.quote_text(evidence),
                format_span(evidence),
                guess.earliest if guess else None,
                guess.latest if guess else None,
                guess.precision.value if guess else None,
                guess.expression if guess else None,
                inferred.basis.value if inferred else None,
                format_span(inferred.source.span) if inferred and inferred.source else None,
                article.language,
            )
        )
    return rows


def _actor_row(article: Article, actor: Actor) -> ActorRow:
    first = actor.mentions[0].span if actor.mentions else None
    return ActorRow(
        article.id,
        actor.id,
        actor.name,
        actor.kind.value,
        actor.country,
        actor.roles,
        actor.aliases,
        len(actor.mentions),
        format_span(first) if first else None,
        article.language,
    )


def actor_rows(article: Article) -> list[ActorRow]:
    """One row per actor of *article*, in the article's order."""
    return [_actor_row(article, actor) for actor in article.actors]


def country_rows(article: Article) -> list[CountryRow]:
    """One row per country of *article*, in the article's order."""
    return [
        CountryRow(
            article.id,
            c.alpha3,
            c.alpha2,
            c.numeric,
            c.name,
            len(c.mentions),
            format_span(c.mentions[0].span) if c.mentions else None,
            c.actor_home_only,
            article.language,
        )
        for c in article.countries
    ]


def acled_rows(article: Article) -> list[AcledRow]:
    """`sahel_news.to_acled_rows` of *article*, as typed rows."""
    return [AcledRow(*(row[name] for name in ACLED_COLUMNS)) for row in to_acled_rows(article)]


_BUILDERS: dict[type, Any] = {
    EventRow: event_rows,
    ActorRow: actor_rows,
    CountryRow: country_rows,
    AcledRow: acled_rows,
}


def rows_of(row_type: type[Row], articles: Iterable[Article]) -> Iterator[Row]:
    """Every row of the table *row_type* for *articles*, article by article."""
    build = _BUILDERS[row_type]
    for article in articles:
        yield from build(article)
