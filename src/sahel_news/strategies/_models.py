"""Hypothesis strategies for every model: valid, self-consistent, Sahel-plausible values.

Standalone strategies (`spans`, `actors`, `events`, ...) build objects that are valid on their
own. `articles` writes the texts first, recording where each name, trigger and quote lands,
then builds mentions, events and quotes from those offsets, so every span reads as its
mention and every reference resolves.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any

import attrs
from hypothesis import strategies as st

from sahel_news.models import (
    Actor,
    ActorKind,
    Article,
    Chrome,
    ChromeKind,
    ChromeLine,
    Country,
    Dateline,
    DateRange,
    Diagnostic,
    Event,
    EventStatus,
    InferredTime,
    Mention,
    Part,
    Participant,
    ParticipantRole,
    Place,
    PlaceKind,
    PloverType,
    Precision,
    Quote,
    RelatedLink,
    Source,
    Span,
    TimeBasis,
)

__all__ = [
    "actors",
    "articles",
    "chrome_lines",
    "chromes",
    "countries",
    "date_ranges",
    "datelines",
    "dates",
    "datetimes",
    "diagnostics",
    "events",
    "mentions",
    "participants",
    "places",
    "quotes",
    "related_links",
    "sources",
    "spans",
]

SAHEL_COUNTRIES = ("MLI", "NER", "BFA", "TCD", "MRT", "SEN", "NGA", "CMR", "GIN", "DZA")
PARTNER_COUNTRIES = ("FRA", "RUS", "USA", "CHN", "TUR", "MAR", "DEU", "UKR")

# Each record: id, name, kind, country and role.
_KNOWN_ACTORS: tuple[tuple[str, str, ActorKind, str | None, str | None], ...] = (
    ("assimi-goita", "Assimi Goïta", ActorKind.PERSON, "MLI", "interim president"),
    ("abdourahamane-tiani", "Abdourahamane Tiani", ActorKind.PERSON, "NER", "head of state"),
    ("ibrahim-traore", "Ibrahim Traoré", ActorKind.PERSON, "BFA", "transitional president"),
    ("mahamat-idriss-deby", "Mahamat Idriss Déby", ActorKind.PERSON, "TCD", "president"),
    ("sadio-camara", "Sadio Camara", ActorKind.PERSON, "MLI", "Defence Minister"),
    ("abdoulaye-diop", "Abdoulaye Diop", ActorKind.PERSON, "MLI", "Foreign Minister"),
    ("bassirou-diomaye-faye", "Bassirou Diomaye Faye", ActorKind.PERSON, "SEN", "president"),
    ("bola-tinubu", "Bola Tinubu", ActorKind.PERSON, "NGA", "president"),
    ("yunus-bek-yevkurov", "Yunus-Bek Yevkurov", ActorKind.PERSON, "RUS", "Deputy Minister"),
    ("mohamed-bazoum", "Mohamed Bazoum", ActorKind.PERSON, "NER", "former president"),
    ("ecowas", "ECOWAS", ActorKind.INTERGOVERNMENTAL, None, None),
    ("aes", "Alliance of Sahel States", ActorKind.INTERGOVERNMENTAL, None, None),
    ("african-union", "African Union", ActorKind.INTERGOVERNMENTAL, None, None),
    ("jnim", "JNIM", ActorKind.ARMED_GROUP, None, None),
    ("fama", "Malian Armed Forces", ActorKind.MILITARY, "MLI", None),
    ("cnsp", "CNSP", ActorKind.GOVERNMENT, "NER", None),
    ("ortm", "ORTM", ActorKind.MEDIA, "MLI", None),
)
_FIRST_NAMES = (
    "Amadou",
    "Aïssata",
    "Moussa",
    "Fatoumata",
    "Oumar",
    "Mariam",
    "Hamidou",
    "Boubacar",
    "Salif",
    "Kadiatou",
    "Issa",
    "Ramatou",
)
_SURNAMES = (
    "Traoré",
    "Coulibaly",
    "Diallo",
    "Keïta",
    "Maïga",
    "Touré",
    "Sawadogo",
    "Ouédraogo",
    "Issoufou",
    "Mahamadou",
    "Cissé",
    "Sangaré",
)
_ROLES = (
    "spokesman",
    "governor",
    "mayor",
    "army chief",
    "minister",
    "local official",
    "community leader",
    "opposition leader",
)

_PLACES: tuple[tuple[str, str | None, PlaceKind], ...] = (
    ("Bamako", "MLI", PlaceKind.CAPITAL),
    ("Gao", "MLI", PlaceKind.CITY),
    ("Timbuktu", "MLI", PlaceKind.CITY),
    ("Kidal", "MLI", PlaceKind.TOWN),
    ("Ménaka", "MLI", PlaceKind.TOWN),
    ("Niamey", "NER", PlaceKind.CAPITAL),
    ("Agadez", "NER", PlaceKind.CITY),
    ("Tillabéri", "NER", PlaceKind.REGION),
    ("Ouagadougou", "BFA", PlaceKind.CAPITAL),
    ("Djibo", "BFA", PlaceKind.TOWN),
    ("Dori", "BFA", PlaceKind.TOWN),
    ("N'Djamena", "TCD", PlaceKind.CAPITAL),
    ("Nouakchott", "MRT", PlaceKind.CAPITAL),
    ("Dakar", "SEN", PlaceKind.CAPITAL),
    ("Maiduguri", "NGA", PlaceKind.CITY),
    ("Liptako-Gourma", None, PlaceKind.REGION),
)

_TRIGGERS: dict[PloverType, tuple[tuple[str, str], ...]] = {
    PloverType.AGREE: (("signed an accord with", "057"), ("agreed to work with", "030")),
    PloverType.CONSULT: (("held talks with", "040"), ("met", "043"), ("visited", "042")),
    PloverType.SUPPORT: (("praised", "051"), ("backed", "050")),
    PloverType.CONCEDE: (("released prisoners to", "0841"), ("eased restrictions on", "080")),
    PloverType.COOPERATE: (("deepened cooperation with", "060"),),
    PloverType.AID: (("delivered aid to", "070"), ("sent food to", "0731")),
    PloverType.RETREAT: (("withdrew troops from", "0874"),),
    PloverType.REQUEST: (("called on", "020"), ("urged", "020")),
    PloverType.ACCUSE: (("accused", "112"), ("blamed", "112")),
    PloverType.REJECT: (("rejected the demands of", "120"),),
    PloverType.THREATEN: (("threatened", "130"),),
    PloverType.PROTEST: (("protested against", "140"),),
    PloverType.SANCTION: (("imposed sanctions on", "163"), ("suspended ties with", "161")),
    PloverType.MOBILIZE: (("deployed troops against", "150"),),
    PloverType.COERCE: (("expelled", "174"), ("arrested supporters of", "173")),
    PloverType.ASSAULT: (("attacked", "190"), ("ambushed", "193")),
}
_QUOTES = (
    "We will not accept any interference in our internal affairs",
    "Our partnership is based on mutual respect",
    "The security situation is improving in the north",
    "Dialogue remains the only way forward",
    "The attackers will be found and brought to justice",
)
_AGENCIES = ("Reuters", "AFP", "AP", "Xinhua")
_OUTLETS = ("aBamako", "ActuNiger", "Le Faso", "Sahel Wire", "ORTM")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

FIRST_DAY = date(2012, 1, 1)
LAST_DAY = date(2026, 12, 31)
_OFFSETS = (0, 60, 120, 180, -240, 330, -300, 45)  # minutes: GMT, WAT, CAT, MSK, EDT, IST...
_WORDS = (
    "Security",
    "talks",
    "continue",
    "in",
    "the",
    "Sahel",
    "region",
    "officials",
    "said",
    "on",
    "Monday",
    "after",
    "a",
    "meeting",
    "with",
    "local",
    "leaders",
)


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in folded.lower()).split())


def _text(min_words: int = 1, max_words: int = 8) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(_WORDS), min_size=min_words, max_size=max_words).map(" ".join)


def dates() -> st.SearchStrategy[date]:
    """Days from 2012 to 2026, the span of the Sahel crisis the library is built for."""
    return st.dates(FIRST_DAY, LAST_DAY)


def datetimes() -> st.SearchStrategy[datetime]:
    """Aware datetimes from 2012 to 2026 with offsets of several time zones."""
    zones = st.sampled_from([timezone(timedelta(minutes=m)) for m in _OFFSETS])
    return st.datetimes(
        datetime(2012, 1, 1),  # noqa: DTZ001 - bounds of st.datetimes are naive by contract
        datetime(2026, 12, 31, 23, 59),  # noqa: DTZ001
        timezones=zones,
    )


def spans(part: Part | None = None) -> st.SearchStrategy[Span]:
    """Valid spans (headline and standfirst spans have index 0)."""

    @st.composite
    def build(draw: st.DrawFn) -> Span:
        chosen = part if part is not None else draw(st.sampled_from(Part))
        single = chosen in (Part.HEADLINE, Part.STANDFIRST)
        index = 0 if single else draw(st.integers(0, 9))
        start = draw(st.integers(0, 400))
        return Span(chosen, index, start, start + draw(st.integers(0, 120)))

    return build()


def _named_text() -> st.SearchStrategy[str]:
    names = [name for _, name, *_ in _KNOWN_ACTORS] + [p[0] for p in _PLACES]
    return st.one_of(st.sampled_from(names), _text(1, 4))


def mentions() -> st.SearchStrategy[Mention]:
    """Mentions whose span is as long as their text (standalone: no article to point into)."""

    @st.composite
    def build(draw: st.DrawFn) -> Mention:
        text = draw(_named_text())
        span = draw(spans())
        return Mention(text, Span(span.part, span.index, span.start, span.start + len(text)))

    return build()


def countries(
    codes: Sequence[str] = SAHEL_COUNTRIES + PARTNER_COUNTRIES,
) -> st.SearchStrategy[Country]:
    """Countries of the Sahel and their partners (*codes*), some with mentions of their name."""

    @st.composite
    def build(draw: st.DrawFn) -> Country:
        country = Country.from_code(draw(st.sampled_from(codes)))
        found = draw(st.lists(spans(), max_size=2))
        return attrs.evolve(
            country,
            mentions=tuple(
                Mention(country.name, Span(s.part, s.index, s.start, s.start + len(country.name)))
                for s in found
            ),
            # only a country no words name can be listed as an actor's home alone
            actor_home_only=not found and draw(st.booleans()),
        )

    return build()


def _invented_person() -> st.SearchStrategy[tuple[str, str, ActorKind, str | None, str | None]]:
    return st.builds(
        lambda first, last, country, role: (
            _slug(f"{first} {last}"),
            f"{first} {last}",
            ActorKind.PERSON,
            country,
            role,
        ),
        st.sampled_from(_FIRST_NAMES),
        st.sampled_from(_SURNAMES),
        st.sampled_from(SAHEL_COUNTRIES),
        st.sampled_from(_ROLES),
    )


def _actor_records() -> st.SearchStrategy[tuple[str, str, ActorKind, str | None, str | None]]:
    return st.one_of(st.sampled_from(_KNOWN_ACTORS), _invented_person())


def actors() -> st.SearchStrategy[Actor]:
    """Sahel leaders, ministers, armies, armed groups and blocs, real or invented."""

    @st.composite
    def build(draw: st.DrawFn) -> Actor:
        actor_id, name, kind, country, role = draw(_actor_records())
        found = draw(st.lists(spans(), max_size=2))
        return Actor(
            actor_id,
            name,
            kind,
            country,
            roles=(role,) if role else (),
            aliases=tuple(draw(st.lists(st.sampled_from(("the junta", "Bamako")), max_size=1))),
            mentions=tuple(
                Mention(name, Span(s.part, s.index, s.start, s.start + len(name))) for s in found
            ),
        )

    return build()


def _expression(precision: Precision, earliest: date, latest: date) -> str:
    month = _MONTHS[earliest.month - 1]
    return {
        Precision.DAY: f"on {month} {earliest.day}, {earliest.year}",
        Precision.DAYS: f"between {month} {earliest.day} and {latest.day}",
        Precision.WEEK: "last week",
        Precision.PART_OF_MONTH: f"in early {month}",
        Precision.MONTH: f"in {month} {earliest.year}",
        Precision.SEASON: "during the rainy season",
        Precision.QUARTER: f"in the first quarter of {earliest.year}",
        Precision.YEAR: f"in {earliest.year}",
        Precision.YEARS: f"since {earliest.year}",
    }[precision]


_RANGE_LENGTH = {
    Precision.DAY: (0, 0),
    Precision.DAYS: (1, 6),
    Precision.WEEK: (6, 6),
    Precision.PART_OF_MONTH: (9, 10),
    Precision.MONTH: (27, 30),
    Precision.SEASON: (80, 92),
    Precision.QUARTER: (89, 91),
    Precision.YEAR: (364, 365),
    Precision.YEARS: (700, 2000),
}


def date_ranges() -> st.SearchStrategy[DateRange]:
    """Date ranges whose length fits their precision, with the words they were read from."""

    @st.composite
    def build(draw: st.DrawFn) -> DateRange:
        precision = draw(st.sampled_from(Precision))
        low, high = _RANGE_LENGTH[precision]
        earliest = draw(st.dates(FIRST_DAY, LAST_DAY - timedelta(days=high)))
        latest = earliest + timedelta(days=draw(st.integers(low, high)))
        anchor = draw(st.none() | st.just(latest + timedelta(days=draw(st.integers(0, 30)))))
        return DateRange(
            earliest, latest, precision, _expression(precision, earliest, latest), anchor
        )

    return build()


def inferred_times() -> st.SearchStrategy[InferredTime]:
    """Inferred times: from the publication date, or from a time expression of the text."""

    @st.composite
    def build(draw: st.DrawFn) -> InferredTime:
        basis = draw(st.sampled_from(TimeBasis))
        if basis is TimeBasis.PUBLICATION:
            day = draw(dates())
            return InferredTime(DateRange(day, day, Precision.DAY, "publication"), basis)
        found = draw(date_ranges())
        source = draw(spans())
        return InferredTime(
            found,
            basis,
            Mention(
                found.expression,
                Span(source.part, source.index, source.start, source.start + len(found.expression)),
            ),
        )

    return build()


def places() -> st.SearchStrategy[Place]:
    """Sahel capitals, towns and regions with the country they lie in."""

    @st.composite
    def build(draw: st.DrawFn) -> Place:
        name, country, kind = draw(st.sampled_from(_PLACES))
        found = draw(st.none() | spans())
        mention = (
            None
            if found is None
            else Mention(name, Span(found.part, found.index, found.start, found.start + len(name)))
        )
        return Place(name, country, kind, mention)

    return build()


def participants() -> st.SearchStrategy[Participant]:
    """Participants referring to an actor id or an alpha-3 country code."""
    refs = st.sampled_from([a[0] for a in _KNOWN_ACTORS] + list(SAHEL_COUNTRIES))
    return st.builds(Participant, refs, st.sampled_from(ParticipantRole))


def events() -> st.SearchStrategy[Event]:
    """PLOVER events with a trigger, evidence, participants, and sometimes a time and place."""

    @st.composite
    def build(draw: st.DrawFn) -> Event:
        kind = draw(st.sampled_from(PloverType))
        words, cameo = draw(st.sampled_from(_TRIGGERS[kind]))
        sentence = draw(spans())
        start = sentence.start
        trigger = Mention(words, Span(sentence.part, sentence.index, start, start + len(words)))
        when = draw(st.none() | date_ranges())
        return Event(
            f"e{draw(st.integers(1, 99))}",
            kind,
            trigger,
            (Span(sentence.part, sentence.index, start, start + len(words) + 20),),
            tuple(draw(st.lists(participants(), max_size=3))),
            when,
            draw(st.none() | places()),
            draw(st.sampled_from(EventStatus)),
            draw(st.none() | st.sampled_from(("military", "diplomatic", "verbal"))),
            (),
            draw(st.none() | st.just(cameo)),
            None if when is not None else draw(st.none() | inferred_times()),
        )

    return build()


def quotes() -> st.SearchStrategy[Quote]:
    """Quotes with a span as long as their text and sometimes a speaker."""

    @st.composite
    def build(draw: st.DrawFn) -> Quote:
        text = draw(st.sampled_from(_QUOTES))
        start = draw(st.integers(0, 200))
        speaker = draw(st.none() | st.sampled_from([a[0] for a in _KNOWN_ACTORS]))
        return Quote(
            text, Span(Part.PARAGRAPH, draw(st.integers(0, 9)), start, start + len(text)), speaker
        )

    return build()


def related_links() -> st.SearchStrategy[RelatedLink]:
    """ "Read more" links with one-line titles."""
    return st.builds(
        RelatedLink,
        _text(2, 8),
        st.integers(0, 5),
        st.none() | st.just("https://example.org/sahel/news"),
    )


def chrome_lines(max_after: int = 5) -> st.SearchStrategy[ChromeLine]:
    """Lines of site chrome (bylines, captions, share buttons) placed among the paragraphs."""
    texts = {
        ChromeKind.TEMPERATURE: "30.1 C",
        ChromeKind.PAGE_DATE: "Thursday, June 20, 2024",
        ChromeKind.TIMESTAMP: "June 05, 2024 at 07:49PM",
        ChromeKind.BYLINE: "By Staff Reporter",
        ChromeKind.CAPTION: "Soldiers on patrol near Gao",
        ChromeKind.SHARE: "Share this story",
        ChromeKind.REPEATED_HEADLINE: "Talks in Bamako",
        ChromeKind.FOOTER: "Most Popular Articles",
        ChromeKind.BOILERPLATE: "Subscribe to our newsletter",
        ChromeKind.OTHER: "Advertisement",
    }
    return st.sampled_from(ChromeKind).flatmap(
        lambda kind: st.builds(
            ChromeLine, st.just(texts[kind]), st.just(kind), st.integers(0, max_after)
        )
    )


def chromes(max_after: int = 5) -> st.SearchStrategy[Chrome]:
    """Site chrome with header, body and footer lines and sometimes a temperature."""
    lines = st.lists(chrome_lines(max_after), max_size=2).map(tuple)
    temperature = st.none() | st.floats(-10, 50, allow_nan=False).map(lambda t: round(t, 1))
    return st.builds(Chrome, lines, lines, lines, temperature)


def sources() -> st.SearchStrategy[Source]:
    """Sources: an outlet, a URL and a language, each where known."""
    return st.builds(
        Source,
        st.none() | st.just("https://example.org/2024/06/sahel"),
        st.none() | st.sampled_from(_OUTLETS),
        st.none() | st.sampled_from(("en", "fr")),
    )


def diagnostics() -> st.SearchStrategy[Diagnostic]:
    """Diagnostics with a stable code, a message and sometimes a line."""
    return st.builds(
        Diagnostic,
        st.sampled_from(("zone-assumed", "no-headline", "dateline-unresolved", "chrome.skipped")),
        _text(2, 6),
        st.none() | st.integers(1, 200),
    )


def _dateline_text(place: str, day: date, agency: str) -> str:
    return f"{place.upper()}, {_MONTHS[day.month - 1]} {day.day} ({agency}) -"


def datelines() -> st.SearchStrategy[Dateline]:
    """Wire datelines opening the first paragraph (``BAMAKO, June 5 (Reuters) -``)."""

    @st.composite
    def build(draw: st.DrawFn) -> Dateline:
        place = draw(st.sampled_from(_PLACES))[0]
        day = draw(dates())
        agency = draw(st.sampled_from(_AGENCIES))
        text = _dateline_text(place, day, agency)
        return Dateline(text, Span(Part.PARAGRAPH, 0, 0, len(text)), place, day, agency)

    return build()


# ---- whole articles: texts first, then the facts placed inside them ----------------------


@attrs.define
class _Writer:
    """Writes one text while recording the offsets of the names placed in it."""

    part: Part
    index: int
    pieces: list[str] = attrs.field(factory=list)
    length: int = 0
    found: list[tuple[str, str, Span]] = attrs.field(factory=list)  # (kind, key, span)

    def add(self, text: str, kind: str | None = None, key: str = "") -> Span:
        span = Span(self.part, self.index, self.length, self.length + len(text))
        if kind is not None:
            self.found.append((kind, key, span))
        self.pieces.append(text)
        self.length += len(text)
        return span

    def text(self) -> str:
        return "".join(self.pieces)


@attrs.frozen
class _Cast:
    actors: tuple[tuple[str, str, ActorKind, str | None, str | None], ...]
    countries: tuple[Country, ...]
    places: tuple[tuple[str, str | None, PlaceKind], ...]


@st.composite
def _casts(draw: st.DrawFn, min_actors: int, max_actors: int, extra_countries: int) -> _Cast:
    records = draw(
        st.lists(
            _actor_records(), min_size=min_actors, max_size=max_actors, unique_by=lambda r: r[0]
        )
    )
    chosen_places = draw(st.lists(st.sampled_from(_PLACES), max_size=3, unique=True))
    codes = [r[3] for r in records if r[3]] + [p[1] for p in chosen_places if p[1]]
    codes += draw(
        st.lists(
            st.sampled_from(SAHEL_COUNTRIES + PARTNER_COUNTRIES),
            min_size=1,
            max_size=max(1, extra_countries),
        )
    )
    unique_codes = list(dict.fromkeys(codes))
    return _Cast(
        tuple(records),
        tuple(Country.from_code(code) for code in unique_codes),
        tuple(chosen_places),
    )


def _refs(cast: _Cast) -> list[tuple[str, str]]:
    """(kind, key) of everything a sentence can name: actors and countries."""
    return [("actor", r[0]) for r in cast.actors] + [("country", c.alpha3) for c in cast.countries]


def _name(cast: _Cast, kind: str, key: str) -> str:
    if kind == "actor":
        return next(r[1] for r in cast.actors if r[0] == key)
    return next(c.name for c in cast.countries if c.alpha3 == key)


@attrs.frozen
class _EventPlan:
    type: PloverType
    trigger: str
    cameo: str
    source: tuple[str, str]
    target: tuple[str, str]
    place: tuple[str, str | None, PlaceKind] | None
    when: DateRange | None
    status: EventStatus


@st.composite
def _event_plans(draw: st.DrawFn, cast: _Cast) -> _EventPlan:
    refs = _refs(cast)
    kind = draw(st.sampled_from(PloverType))
    words, cameo = draw(st.sampled_from(_TRIGGERS[kind]))
    source = draw(st.sampled_from(refs))
    others = [ref for ref in refs if ref != source]
    target = draw(st.sampled_from(others)) if others else source
    place = draw(st.none() | st.sampled_from(cast.places)) if cast.places else None
    return _EventPlan(
        kind,
        words,
        cameo,
        source,
        target,
        place,
        draw(st.none() | date_ranges()),
        draw(st.sampled_from(EventStatus)),
    )


def _narrate(writer: _Writer, cast: _Cast, plan: _EventPlan, event_id: str) -> None:
    """One sentence stating *plan*: "Mali accused ECOWAS in Gao in June 2024." """
    writer.add(_name(cast, *plan.source), *plan.source)
    writer.add(" ")
    writer.add(plan.trigger, "trigger", event_id)
    writer.add(" ")
    writer.add(_name(cast, *plan.target), *plan.target)
    if plan.place is not None:
        writer.add(" in ")
        writer.add(plan.place[0], "place", event_id)
    if plan.when is not None:
        writer.add(" ")
        writer.add(plan.when.expression, "time", event_id)
    writer.add(".")


@st.composite
def _paragraph(  # noqa: PLR0917 - a private builder fed by the composite below
    draw: st.DrawFn,
    index: int,
    cast: _Cast,
    narrated: list[tuple[str, _EventPlan]],
    quote: bool,
    dateline: str | None,
) -> _Writer:
    writer = _Writer(Part.PARAGRAPH, index)
    if dateline is not None:
        writer.add(dateline, "dateline")
        writer.add(" ")
    for n, (event_id, plan) in enumerate(narrated):
        if n:
            writer.add(" ")
        start = writer.length
        _narrate(writer, cast, plan, event_id)
        writer.found.append(
            ("evidence", event_id, Span(Part.PARAGRAPH, index, start, writer.length))
        )
    if quote and cast.actors:
        speaker = draw(st.sampled_from(cast.actors))
        writer.add(" “" if writer.length else "“")
        writer.add(draw(st.sampled_from(_QUOTES)), "quote", speaker[0])
        writer.add(",” said ")
        writer.add(speaker[1], "actor", speaker[0])
        writer.add(".")
    if not writer.length or draw(st.booleans()):
        kind, key = draw(st.sampled_from(_refs(cast)))
        writer.add(" " if writer.length else "")
        writer.add(_name(cast, kind, key), kind, key)
        writer.add(
            draw(
                st.sampled_from(
                    (
                        " was not available for comment.",
                        " has not commented on the matter.",
                        " is expected to respond this week.",
                    )
                )
            )
        )
    return writer


def _mentions_of(
    writers: Sequence[_Writer], kind: str, key: str, texts: dict[Any, str]
) -> tuple[Mention, ...]:
    return tuple(
        Mention(texts[(s.part, s.index)][s.start : s.end], s)
        for w in writers
        for k, found_key, s in w.found
        if k == kind and found_key == key
    )


def _first(writers: Sequence[_Writer], kind: str, key: str) -> Span | None:
    return next((s for w in writers for k, fk, s in w.found if k == kind and fk == key), None)


@st.composite
def _article(  # noqa: PLR0917 - the size knobs of `articles`
    draw: st.DrawFn,
    min_paragraphs: int,
    max_paragraphs: int,
    min_actors: int,
    max_actors: int,
    max_events: int,
    extra_countries: int,
) -> Article:
    cast = draw(_casts(min_actors, max_actors, extra_countries))
    plans = draw(st.lists(_event_plans(cast), max_size=max_events))
    n_paragraphs = draw(st.integers(min_paragraphs, max_paragraphs))
    event_ids = [f"e{i + 1}" for i in range(len(plans))]
    # Event i is told in paragraph i mod n; the first one is told in the headline too.
    headline = _Writer(Part.HEADLINE, 0)
    if plans:
        _narrate(headline, cast, plans[0], event_ids[0])
        headline.found.append(
            ("evidence", event_ids[0], Span(Part.HEADLINE, 0, 0, headline.length))
        )
    else:
        kind, key = draw(st.sampled_from(_refs(cast)))
        headline.add(_name(cast, kind, key), kind, key)
        headline.add(" in the news")
    standfirst = None
    if draw(st.booleans()):
        standfirst = _Writer(Part.STANDFIRST, 0)
        kind, key = draw(st.sampled_from(_refs(cast)))
        standfirst.add("Officials from ")
        standfirst.add(_name(cast, kind, key), kind, key)
        standfirst.add(" spoke after the meeting")
    dateline_text = None
    dateline_place = day = agency = None
    if draw(st.booleans()):
        dateline_place = draw(st.sampled_from(_PLACES))[0]
        day, agency = draw(dates()), draw(st.sampled_from(_AGENCIES))
        dateline_text = _dateline_text(dateline_place, day, agency)
    paragraphs = [
        draw(
            _paragraph(
                p,
                cast,
                [(event_ids[i], plans[i]) for i in range(len(plans)) if i % n_paragraphs == p],
                draw(st.booleans()),
                dateline_text if p == 0 else None,
            )
        )
        for p in range(n_paragraphs)
    ]
    related_titles = draw(st.lists(_text(2, 6), max_size=2))
    writers = [headline, *([standfirst] if standfirst else []), *paragraphs]
    texts: dict[Any, str] = {(w.part, w.index): w.text() for w in writers}
    country_codes = {c.alpha3 for c in cast.countries}

    events_out = []
    last_time: tuple[DateRange, Mention] | None = None  # the last dated event's time
    for event_id, plan in zip(event_ids, plans, strict=True):
        inferred = None
        time_span = _first(writers, "time", event_id)
        if plan.when is not None and time_span is not None:
            last_time = (plan.when, Mention(plan.when.expression, time_span))
        elif last_time is not None and draw(st.booleans()):
            inferred = InferredTime(last_time[0], TimeBasis.CONTINUATION, last_time[1])
        place = None
        if plan.place is not None:
            where = _first(writers, "place", event_id)
            place = Place(
                plan.place[0],
                plan.place[1],
                plan.place[2],
                None if where is None else Mention(plan.place[0], where),
            )
        trigger = _first(writers, "trigger", event_id)
        if trigger is None:  # pragma: no cover - every plan is narrated
            raise RuntimeError(f"event {event_id} was not written into the text")
        events_out.append(
            Event(
                event_id,
                plan.type,
                Mention(plan.trigger, trigger),
                tuple(
                    s for w in writers for k, fk, s in w.found if k == "evidence" and fk == event_id
                ),
                (
                    Participant(plan.source[1], ParticipantRole.SOURCE),
                    Participant(plan.target[1], ParticipantRole.TARGET),
                ),
                plan.when,
                place,
                plan.status,
                cameo=plan.cameo,
                inferred_time=inferred,
            )
        )
    quotes_out = tuple(
        Quote(texts[(s.part, s.index)][s.start : s.end], s, key)
        for w in writers
        for k, key, s in w.found
        if k == "quote"
    )
    dateline = None
    if dateline_text is not None and dateline_place is not None:
        dateline = Dateline(
            dateline_text,
            Span(Part.PARAGRAPH, 0, 0, len(dateline_text)),
            dateline_place,
            day,
            agency,
        )
    published = draw(st.none() | datetimes())
    return Article(
        id=draw(st.sampled_from(("a", "capture", "wire", "sahel")))
        + f"-{draw(st.integers(1, 999))}",
        headline=texts[(Part.HEADLINE, 0)],
        standfirst=texts.get((Part.STANDFIRST, 0)),
        paragraphs=tuple(texts[(Part.PARAGRAPH, p)] for p in range(n_paragraphs)),
        related=tuple(
            RelatedLink(title, draw(st.integers(0, n_paragraphs))) for title in related_titles
        ),
        published=published,
        published_zone_assumed=published is not None and draw(st.booleans()),
        page_date=draw(st.none() | dates()),
        dateline=dateline,
        chrome=draw(chromes(max_after=n_paragraphs)),
        source=draw(sources()),
        language=draw(st.none() | st.sampled_from(("en", "fr", "ar", "wo"))),
        countries=tuple(
            attrs.evolve(c, mentions=_mentions_of(writers, "country", c.alpha3, texts))
            for c in cast.countries
        ),
        actors=tuple(
            Actor(
                actor_id,
                name,
                kind,
                country if country in country_codes else None,
                roles=(role,) if role else (),
                mentions=_mentions_of(writers, "actor", actor_id, texts),
            )
            for actor_id, name, kind, country, role in cast.actors
        ),
        events=tuple(events_out),
        quotes=quotes_out,
        diagnostics=tuple(draw(st.lists(diagnostics(), max_size=2))),
    )


def articles(
    *,
    min_paragraphs: int = 1,
    max_paragraphs: int = 6,
    min_actors: int = 1,
    max_actors: int = 5,
    max_events: int = 6,
    extra_countries: int = 2,
) -> st.SearchStrategy[Article]:
    """Whole articles: texts written first, then mentions, events and quotes placed inside them.

    Every span reads as its mention, every participant, speaker and country reference
    resolves, event *i* is told in paragraph *i* modulo the paragraph count (the first also
    in the headline), and the sizes stay within the given bounds.

    Args:
        min_paragraphs: fewest body paragraphs.
        max_paragraphs: most body paragraphs.
        min_actors: fewest actors.
        max_actors: most actors.
        max_events: most events.
        extra_countries: most countries added beyond those of the actors and places.
    """
    return _article(
        min_paragraphs, max_paragraphs, min_actors, max_actors, max_events, extra_countries
    )
