"""The closed vocabularies of the models, as enums whose values are the JSON words."""

from __future__ import annotations

from enum import StrEnum


class Part(StrEnum):
    """Which text of an article a span points into."""

    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    PARAGRAPH = "paragraph"
    RELATED = "related"


class ActorKind(StrEnum):
    """What sort of actor an Actor is."""

    PERSON = "person"
    GOVERNMENT = "government"
    MILITARY = "military"
    ARMED_GROUP = "armed_group"
    INTERGOVERNMENTAL = "intergovernmental"
    POLITICAL_PARTY = "political_party"
    MEDIA = "media"
    COMPANY = "company"
    CIVIL_SOCIETY = "civil_society"
    OTHER = "other"


class PloverType(StrEnum):
    """The 16 PLOVER event types; their JSON form is the upper-case name."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class EventStatus(StrEnum):
    """Whether an event happened, is under way, is only planned, or is denied."""

    OCCURRED = "occurred"
    ONGOING = "ongoing"
    PLANNED = "planned"
    ANNOUNCED = "announced"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"


class ParticipantRole(StrEnum):
    """The part a participant plays in an event."""

    SOURCE = "source"
    TARGET = "target"
    OTHER = "other"


class Precision(StrEnum):
    """How exactly a DateRange is known, from finest to coarsest."""

    DAY = "day"
    DAYS = "days"
    WEEK = "week"
    PART_OF_MONTH = "part_of_month"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    YEAR = "year"
    YEARS = "years"


class TimeBasis(StrEnum):
    """What an event's inferred time (`InferredTime`) was read from."""

    RESTATEMENT = "restatement"  # the event tells again one the text dates
    CONTINUATION = "continuation"  # it follows the last dated sentence of the story
    PUBLICATION = "publication"  # the undated lead of the story: the news of the day


class PlaceKind(StrEnum):
    """What sort of place a Place is."""

    CAPITAL = "capital"
    CITY = "city"
    TOWN = "town"
    REGION = "region"
    SITE = "site"
    OTHER = "other"
