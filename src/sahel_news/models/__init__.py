"""The attrs models: the JSON contract of sahel_news. Imports only errors and data tables."""

import sys

from sahel_news.models._enums import (
    ActorKind,
    EventStatus,
    Part,
    ParticipantRole,
    PlaceKind,
    PloverType,
    Precision,
    TimeBasis,
)
from sahel_news.models.actor import Actor
from sahel_news.models.article import (
    SCHEMA_VERSION,
    SUPPORTED_SCHEMA_VERSIONS,
    Article,
    Chrome,
    ChromeKind,
    ChromeLine,
    Dateline,
    Diagnostic,
    Quote,
    RelatedLink,
    Source,
)
from sahel_news.models.country import Country, is_alpha3
from sahel_news.models.event import Event, Participant, Place
from sahel_news.models.span import Mention, Span
from sahel_news.models.time import DateRange, InferredTime

MODELS: tuple[type, ...] = (
    Span,
    Mention,
    Country,
    Actor,
    DateRange,
    InferredTime,
    Place,
    Participant,
    Event,
    Quote,
    RelatedLink,
    Source,
    ChromeLine,
    Chrome,
    Dateline,
    Diagnostic,
    Article,
)

__all__ = [
    "MODELS",
    "SCHEMA_VERSION",
    "SUPPORTED_SCHEMA_VERSIONS",
    "Actor",
    "ActorKind",
    "Article",
    "Chrome",
    "ChromeKind",
    "ChromeLine",
    "Country",
    "DateRange",
    "Dateline",
    "Diagnostic",
    "Event",
    "EventStatus",
    "InferredTime",
    "Mention",
    "Part",
    "Participant",
    "ParticipantRole",
    "Place",
    "PlaceKind",
    "PloverType",
    "Precision",
    "Quote",
    "RelatedLink",
    "Source",
    "Span",
    "TimeBasis",
    "is_alpha3",
]

# Hypothesis' entry point waits for this module to register the strategies (lazily).
_hypothesis_entry = sys.modules.get("sahel_news._hypothesis_entry")
if _hypothesis_entry is not None:
    _hypothesis_entry.register_if_pending()
