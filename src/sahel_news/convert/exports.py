"""Event exports: PLOVER/POLECAT-style JSON records, ACLED-style CSV rows, FIPS 10-4 codes.

``to_plover`` gives one JSON-ready dict per event, ``to_acled_rows`` one flat row of
strings per event for `csv.DictWriter` (columns in `ACLED_COLUMNS` order), and
`iso_to_fips` / `fips_to_iso` translate country codes for GDELT-style tables (FIPS
10-4 is not ISO: NG is Niger, NI Nigeria, UV Burkina Faso, CD Chad).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from sahel_news.data import fips_table, register_cache
from sahel_news.errors import ValidationError
from sahel_news.models import (
    Article,
    DateRange,
    Event,
    EventStatus,
    ParticipantRole,
    PloverType,
    Precision,
)

__all__ = [
    "ACLED_COLUMNS",
    "PLOVER_FIELDS",
    "fips_to_iso",
    "iso_to_fips",
    "to_acled_rows",
    "to_plover",
]

PLOVER_FIELDS: tuple[str, ...] = (
    "event_id",
    "story_id",
    "event_date",
    "date_earliest",
    "date_latest",
    "precision",
    "event_type",
    "mode",
    "context",
    "cameo",
    "status",
    "actor_names",
    "actor_countries",
    "recipient_names",
    "recipient_countries",
    "location",
    "trigger",
    "source_text",
    "inferred_date_earliest",
    "inferred_date_latest",
    "inferred_precision",
    "inferred_basis",
    "language",
)
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "iso",
    "location",
    "source",
    "notes",
    "inferred_event_date",
    "inferred_time_precision",
    "inferred_time_basis",
)
_DAY_PRECISIONS = frozenset({Precision.DAY})
_WEEK_PRECISIONS = frozenset({Precision.DAYS, Precision.WEEK, Precision.PART_OF_MONTH})


@register_cache
@functools.cache
def _fips_to_iso() -> Mapping[str, str]:
    return {fips: alpha3 for alpha3, fips in fips_table().items()}


def iso_to_fips(alpha3: str) -> str:
    """The FIPS 10-4 code of the country with ISO alpha-3 code *alpha3* ("NER" -> "NG").

    Raises:
        ValidationError: if the table has no FIPS code for *alpha3*.
    """
    fips = fips_table().get(alpha3.strip().upper())
    if fips is None:
        raise ValidationError.at("alpha3", f"{alpha3!r} has no FIPS 10-4 code in the table")
    return fips


def fips_to_iso(fips: str) -> str:
    """The ISO alpha-3 code of the country with FIPS 10-4 code *fips* ("NG" -> "NER").

    Raises:
        ValidationError: if no country of the table has that FIPS code.
    """
    alpha3 = _fips_to_iso().get(fips.strip().upper())
    if alpha3 is None:
        raise ValidationError.at("fips", f"{fips!r} is not a FIPS 10-4 code of the table")
    return alpha3


def _names(article: Article, refs: list[str]) -> list[str]:
    actors = {a.id: a.name for a in article.actors}
    countries = {c.alpha3: c.name for c in article.countries}
    return [actors.get(ref) or countries.get(ref, ref) for ref in refs]


def _countries(article: Article, refs: list[str]) -> list[str]:
    actor_country = {a.id: a.country for a in article.actors}
    found: dict[str, None] = {}
    for ref in refs:
        code = actor_country.get(ref, ref if ref.isupper() else None)
        if code:
            found.setdefault(code)
    return list(found)


def _refs(event: Event, role: ParticipantRole) -> list[str]:
    return [p.ref for p in event.participants if p.role is role]


def _sentence(article: Article, event: Event) -> str:
    """The evidence sentence that holds the trigger (the first one if none does)."""
    trigger = event.trigger.span
    for span in event.evidence:
        if (span.part, span.index) == (trigger.part, trigger.index) and (
            span.start <= trigger.start and trigger.end <= span.end
        ):
            return article.quote_text(span)
    return article.quote_text(event.evidence[0])


def to_plover(article: Article) -> list[dict[str, object]]:
    """One PLOVER/POLECAT-style record per event of *article*, ready for JSON.

    ``event_date`` is the day when the time is known to the day, else the first day of the
    range (``precision`` and ``date_latest`` say how far it stretches); the location is
    the event's place with its country. The dates are the time the text states (the
    event's ``when``) and are null without one; ``inferred_*`` give the time the story
    implies where the text states none (``inferred_time``), and are null otherwise, so a
    guess never fills ``event_date``. ``language`` is the article's (ISO 639-1 or null).
    """
    records: list[dict[str, object]] = []
    for event in article.events:
        sources = _refs(event, ParticipantRole.SOURCE)
        targets = _refs(event, ParticipantRole.TARGET)
        when = event.when
        where = event.where
        inferred = event.inferred_time
        guess = inferred.range if inferred else None
        records.append(
            {
                "event_id": f"{article.id}-{event.id}",
                "story_id": article.id,
                "event_date": when.earliest.isoformat() if when else None,
                "date_earliest": when.earliest.isoformat() if when else None,
                "date_latest": when.latest.isoformat() if when else None,
                "precision": when.precision.value if when else None,
                "event_type": event.type.value,
                "mode": event.mode,
                "context": list(event.context),
                "cameo": event.cameo,
                "status": event.status.value,
                "actor_names": _names(article, sources),
                "actor_countries": _countries(article, sources),
                "recipient_names": _names(article, targets),
                "recipient_countries": _countries(article, targets),
                "location": (
                    {"name": where.name, "country": where.country, "kind": where.kind.value}
                    if where
                    else None
                ),
                "trigger": event.trigger.text,
                "source_text": _sentence(article, event),
                "inferred_date_earliest": guess.earliest.isoformat() if guess else None,
                "inferred_date_latest": guess.latest.isoformat() if guess else None,
                "inferred_precision": guess.precision.value if guess else None,
                "inferred_basis": inferred.basis.value if inferred else None,
                "language": article.language,
            }
        )
    return records


def _acled_type(event: Event) -> tuple[str, str]:
    if event.type is PloverType.ASSAULT:
        if event.mode == "aerial":
            return "Explosions/Remote violence", "Air/drone strike"
        if event.mode == "explosives":
            return "Explosions/Remote violence", "Remote explosive/landmine/IED"
        return "Battles", "Armed clash"
    if event.type is PloverType.PROTEST:
        return "Protests", "Peaceful protest"
    if event.type is PloverType.AGREE:
        return "Strategic developments", "Agreement"
    if event.type is PloverType.COERCE and event.mode == "arrest":
        return "Strategic developments", "Arrests"
    return "Strategic developments", "Other"


def _precision_code(when: DateRange | None) -> str:
    if when is None:
        return ""
    if when.precision in _DAY_PRECISIONS:
        return "1"
    return "2" if when.precision in _WEEK_PRECISIONS else "3"


def _event_country(article: Article, event: Event) -> str | None:
    if event.where is not None and event.where.country:
        return event.where.country
    for role in (ParticipantRole.OTHER, ParticipantRole.TARGET, ParticipantRole.SOURCE):
        codes = _countries(article, _refs(event, role))
        if codes:
            return codes[0]
    return None


def to_acled_rows(article: Article) -> list[dict[str, str]]:
    """One flat ACLED-style row per event (keys `ACLED_COLUMNS`), every value a string.

    ``iso`` is the ISO 3166-1 numeric code as ACLED writes it; ``time_precision`` is 1
    (day), 2 (within a week or part of a month) or 3 (coarser), blank without a date.
    Planned, denied and hypothetical events are kept, marked in ``notes``.
    ``event_date`` and ``time_precision`` are the time the text states only; for an event
    whose text states none, ``inferred_event_date`` (the first day), ``inferred_time_precision``
    (coded the same way) and ``inferred_time_basis`` (``restatement``, ``continuation`` or
    ``publication``) give the time the story implies, and are blank otherwise.
    """
    by_code = {c.alpha3: c for c in article.countries}
    rows: list[dict[str, str]] = []
    for event in article.events:
        event_type, sub_type = _acled_type(event)
        code = _event_country(article, event)
        country = by_code.get(code) if code else None
        status = "" if event.status is EventStatus.OCCURRED else f"[{event.status.value}] "
        inferred = event.inferred_time
        guess = inferred.range if inferred else None
        rows.append(
            {
                "event_id_cnty": f"{article.id}-{event.id}",
                "event_date": event.when.earliest.isoformat() if event.when else "",
                "time_precision": _precision_code(event.when),
                "event_type": event_type,
                "sub_event_type": sub_type,
                "actor1": "; ".join(_names(article, _refs(event, ParticipantRole.SOURCE))),
                "actor2": "; ".join(_names(article, _refs(event, ParticipantRole.TARGET))),
                "country": country.name if country else "",
                "iso": country.numeric if country else "",
                "location": event.where.name if event.where else "",
                "source": article.source.outlet or article.source.url or "",
                "notes": f"{status}{event.type.value}: {_sentence(article, event)}",
                "inferred_event_date": guess.earliest.isoformat() if guess else "",
                "inferred_time_precision": _precision_code(guess),
                "inferred_time_basis": inferred.basis.value if inferred else "",
            }
        )
    return rows
