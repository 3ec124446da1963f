"""The Article: layout fields, site chrome, and everything extracted from the text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from datetime import date, datetime
from enum import StrEnum

import attrs

from sahel_news.errors import Problem, ValidationError
from sahel_news.models._checks import (
    MAX_INT,
    aware,
    finite,
    identifier,
    language_code,
    non_empty_text,
    non_negative,
    one_line,
    optional_non_empty_text,
    tuple_of,
    typed,
    unique_by,
)
from sahel_news.models._enums import Part
from sahel_news.models.actor import Actor
from sahel_news.models.country import Country
from sahel_news.models.event import Event
from sahel_news.models.span import Mention, Span

__all__ = [
    "SCHEMA_VERSION",
    "SUPPORTED_SCHEMA_VERSIONS",
    "Article",
    "Chrome",
    "ChromeKind",
    "ChromeLine",
    "Dateline",
    "Diagnostic",
    "Quote",
    "RelatedLink",
    "Source",
]

# 1.1 added Event.inferred_time; a 1.0 document reads as it is (it has none).
SCHEMA_VERSION = "1.2"
_TEXT = [typed(str), non_empty_text]
_OPTIONAL_TEXT = [typed(str, optional=True), optional_non_empty_text]
SUPPORTED_SCHEMA_VERSIONS = frozenset({"1.0", "1.1", SCHEMA_VERSION})


class ChromeKind(StrEnum):
    """What a line of site chrome is."""

    TEMPERATURE = "temperature"
    PAGE_DATE = "page_date"
    TIMESTAMP = "timestamp"
    BYLINE = "byline"
    CAPTION = "caption"
    SHARE = "share"
    REPEATED_HEADLINE = "repeated_headline"
    FOOTER = "footer"
    BOILERPLATE = "boilerplate"
    OTHER = "other"


def _line_number(_: object, __: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and value < 1:
        raise ValidationError.at("line", f"line numbers start at 1, got {value}")
    if value is not None and value > MAX_INT:
        raise ValidationError.at(
            "line", f"must be at most {MAX_INT} (2**53 - 1), got {value}", code="too_large"
        )


@attrs.frozen(slots=True)
class ChromeLine:
    """One line of site furniture, as written, and what it is.

    For lines met inside the body, ``after_paragraph`` counts the body paragraphs before it.
    """

    text: str = attrs.field(validator=[typed(str), one_line])
    kind: ChromeKind = attrs.field(default=ChromeKind.OTHER, validator=typed(ChromeKind))
    after_paragraph: int = attrs.field(default=0, validator=[typed(int), non_negative])


@attrs.frozen(slots=True)
class Chrome:
    """The site furniture of a capture, kept out of the body but enough to render it back.

    ``header`` holds the lines above the headline, ``body`` the chrome lines met among the
    paragraphs (bylines, captions, "Share this story"), ``footer`` the lines after the body.
    ``temperature_celsius`` is read from a temperature line where there is one.
    """

    header: tuple[ChromeLine, ...] = attrs.field(default=(), validator=tuple_of(ChromeLine))
    body: tuple[ChromeLine, ...] = attrs.field(default=(), validator=tuple_of(ChromeLine))
    footer: tuple[ChromeLine, ...] = attrs.field(default=(), validator=tuple_of(ChromeLine))
    temperature_celsius: float | None = attrs.field(
        default=None, validator=[typed((float, int), optional=True), finite]
    )


@attrs.frozen(slots=True)
class Source:
    """Where the capture came from, where known."""

    url: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    outlet: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    language: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)


@attrs.frozen(slots=True)
class Dateline:
    """A wire dateline opening the first paragraph (``BAMAKO, June 5 (Reuters) -``).

    The paragraph keeps it; this records its place, its date (resolved where possible)
    and the agency named in it.
    """

    text: str = attrs.field(validator=_TEXT)
    span: Span = attrs.field(validator=typed(Span))
    place: str = attrs.field(validator=_TEXT)
    date: date | None = attrs.field(default=None, validator=typed(dt.date, optional=True))
    agency: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)


@attrs.frozen(slots=True)
class Diagnostic:
    """Something the parser or an extractor had to assume, with a stable code."""

    code: str = attrs.field(validator=[typed(str), identifier])
    message: str = attrs.field(validator=_TEXT)
    line: int | None = attrs.field(
        default=None, validator=[typed(int, optional=True), _line_number]
    )


@attrs.frozen(slots=True)
class Quote:
    """Words reported as said, with the speaker (actor id or alpha-3 code) where known."""

    text: str = attrs.field(validator=_TEXT)
    span: Span = attrs.field(validator=typed(Span))
    speaker: str | None = attrs.field(default=None, validator=typed(str, optional=True))


@attrs.frozen(slots=True)
class RelatedLink:
    """A "Read more" link inside the body; ``after_paragraph`` counts the paragraphs before it."""

    title: str = attrs.field(validator=[typed(str), one_line])
    after_paragraph: int = attrs.field(validator=[typed(int), non_negative])
    url: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)


def _check_paragraphs(
    _: object, __: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    for index, text in enumerate(value):
        if not text.strip():
            raise ValidationError.at(f"paragraphs[{index}]", "must not be empty or blank")


def _check_schema_version(_: object, __: attrs.Attribute[str], value: str) -> None:
    if value not in SUPPORTED_SCHEMA_VERSIONS:
        known = ", ".join(sorted(SUPPORTED_SCHEMA_VERSIONS))
        raise ValidationError.at(
            "schema_version",
            f"unknown schema version {value!r}; this version reads {known}",
            code="schema_version",
        )


@attrs.frozen(slots=True)
class Article:
    """A news article read from a capture, with its countries, actors, events and quotes.

    Building one checks every field and the whole: each span lies inside the text it names
    and reads as its mention, and every participant, speaker and country reference resolves
    to an actor or a country of the same article.
    """

    schema_version: str = attrs.field(
        default=SCHEMA_VERSION, kw_only=True, validator=_check_schema_version
    )
    id: str = attrs.field(validator=[typed(str), identifier])
    headline: str = attrs.field(validator=[typed(str), one_line])
    standfirst: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    paragraphs: tuple[str, ...] = attrs.field(
        default=(), validator=[tuple_of(str), _check_paragraphs]
    )
    related: tuple[RelatedLink, ...] = attrs.field(default=(), validator=tuple_of(RelatedLink))
    published: datetime | None = attrs.field(
        default=None, validator=[typed(datetime, optional=True), aware]
    )
    published_zone_assumed: bool = attrs.field(default=False, validator=typed(bool))
    page_date: date | None = attrs.field(default=None, validator=typed(date, optional=True))
    dateline: Dateline | None = attrs.field(default=None, validator=typed(Dateline, optional=True))
    chrome: Chrome = attrs.field(factory=Chrome, validator=typed(Chrome))
    source: Source = attrs.field(factory=Source, validator=typed(Source))
    language: str | None = attrs.field(
        default=None, validator=[typed(str, optional=True), language_code]
    )
    countries: tuple[Country, ...] = attrs.field(
        default=(), validator=unique_by(lambda c: c.alpha3, "country")
    )
    actors: tuple[Actor, ...] = attrs.field(
        default=(), validator=unique_by(lambda a: a.id, "actor id")
    )
    events: tuple[Event, ...] = attrs.field(
        default=(), validator=unique_by(lambda e: e.id, "event id")
    )
    quotes: tuple[Quote, ...] = attrs.field(default=(), validator=tuple_of(Quote))
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), validator=tuple_of(Diagnostic))

    def __attrs_post_init__(self) -> None:
        if _is_sound(self):
            return
        problems = list(_whole_article_problems(self))
        if problems:
            raise ValidationError(problems)

    def text_of(self, part: Part, index: int = 0) -> str | None:
        """The text a span with this *part* and *index* points into, or None if there is none."""
        if part is Part.HEADLINE:
            return self.headline if index == 0 else None
        if part is Part.STANDFIRST:
            return self.standfirst if index == 0 else None
        if part is Part.PARAGRAPH:
            return self.paragraphs[index] if index < len(self.paragraphs) else None
        return self.related[index].title if index < len(self.related) else None

    def quote_text(self, span: Span) -> str:
        """The characters *span* covers.

        Raises:
            ValidationError: if the span does not lie inside this article's text.
        """
        text = self.text_of(span.part, span.index)
        if text is None or span.end > len(text):
            raise ValidationError.at("span", f"{_describe(span)} is outside the article's text")
        return text[span.start : span.end]

    @property
    def body(self) -> str:
        """The paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)


def _describe(span: Span) -> str:
    where = (
        span.part.value
        if span.part in (Part.HEADLINE, Part.STANDFIRST)
        else (f"{span.part.value} {span.index}")
    )
    return f"span [{span.start}, {span.end}) of the {where}"


def _span_problem(article: Article, span: Span, expected: str | None) -> str | None:
    text = article.text_of(span.part, span.index)
    if text is None:
        return f"{_describe(span)} points at a text the article does not have"
    if span.end > len(text):
        return f"{_describe(span)} runs past the end of its text ({len(text)} characters)"
    if expected is not None and text[span.start : span.end] != expected:
        return f"{_describe(span)} reads {text[span.start : span.end]!r}, not {expected!r}"
    return None


def _mention_problems(
    article: Article, path: str, mentions: tuple[Mention, ...]
) -> Iterator[Problem]:
    for index, mention in enumerate(mentions):
        yield from _mention_problem(article, f"{path}[{index}]", mention)


def _mention_problem(article: Article, path: str, mention: Mention) -> Iterator[Problem]:
    problem = _span_problem(article, mention.span, mention.text)
    if problem:
        yield Problem(f"{path}.span", problem, "span_mismatch")


def _whole_article_problems(article: Article) -> Iterator[Problem]:
    if article.published_zone_assumed and article.published is None:
        yield Problem(
            "published_zone_assumed", "is true, but there is no published time", "inconsistent"
        )
    for index, link in enumerate(article.related):
        if link.after_paragraph > len(article.paragraphs):
            yield Problem(
                f"related[{index}].after_paragraph",
                f"{link.after_paragraph} is more than the {len(article.paragraphs)} paragraphs",
                "dangling_ref",
            )
    for index, line in enumerate(article.chrome.body):
        if line.after_paragraph > len(article.paragraphs):
            yield Problem(
                f"chrome.body[{index}].after_paragraph",
                f"{line.after_paragraph} is more than the {len(article.paragraphs)} paragraphs",
                "dangling_ref",
            )
    if article.dateline is not None:
        problem = _span_problem(article, article.dateline.span, article.dateline.text)
        if problem:
            yield Problem("dateline.span", problem, "span_mismatch")

    countries = {c.alpha3 for c in article.countries}
    actors = {a.id for a in article.actors}
    known = countries | actors

    for index, country in enumerate(article.countries):
        yield from _mention_problems(article, f"countries[{index}].mentions", country.mentions)
    for index, actor in enumerate(article.actors):
        yield from _mention_problems(article, f"actors[{index}].mentions", actor.mentions)
        if actor.country is not None and actor.country not in countries:
            yield Problem(
                f"actors[{index}].country",
                f"{actor.country!r} is not one of the article's countries",
                "dangling_ref",
            )
    for index, event in enumerate(article.events):
        path = f"events[{index}]"
        yield from _mention_problem(article, f"{path}.trigger", event.trigger)
        for e_index, span in enumerate(event.evidence):
            problem = _span_problem(article, span, None)
            if problem:
                yield Problem(f"{path}.evidence[{e_index}]", problem, "span_mismatch")
        for p_index, participant in enumerate(event.participants):
            if participant.ref not in known:
                yield Problem(
                    f"{path}.participants[{p_index}].ref",
                    f"{participant.ref!r} is neither an actor id nor a country of the article",
                    "dangling_ref",
                )
        if event.where is not None:
            if event.where.country is not None and event.where.country not in countries:
                yield Problem(
                    f"{path}.where.country",
                    f"{event.where.country!r} is not one of the article's countries",
                    "dangling_ref",
                )
            if event.where.mention is not None:
                yield from _mention_problem(article, f"{path}.where.mention", event.where.mention)
        if event.inferred_time is not None and event.inferred_time.source is not None:
            yield from _mention_problem(
                article, f"{path}.inferred_time.source", event.inferred_time.source
            )
    for index, quote in enumerate(article.quotes):
        problem = _span_problem(article, quote.span, quote.text)
        if problem:
            yield Problem(f"quotes[{index}].span", problem, "span_mismatch")
        if quote.speaker is not None and quote.speaker not in known:
            yield Problem(
                f"quotes[{index}].speaker",
                f"{quote.speaker!r} is neither an actor id nor a country of the article",
                "dangling_ref",
            )


def _is_sound(article: Article) -> bool:
    """Whether `_whole_article_problems` would find nothing, answered in one quick pass.

    Every extracted and loaded article is checked whole, and most are sound; this pass
    decides that without building paths or messages, in plain loops (it runs on every
    load). On any doubt the full check runs and names each problem, so the two must agree
    only on sound articles (a property test pins it).
    """
    headline = Part.HEADLINE
    texts: dict[tuple[Part, int], str] = {(headline, 0): article.headline}
    if article.standfirst is not None:
        texts[Part.STANDFIRST, 0] = article.standfirst
    paragraph = Part.PARAGRAPH
    for index, body_text in enumerate(article.paragraphs):
        texts[paragraph, index] = body_text
    related = Part.RELATED
    for index, link in enumerate(article.related):
        texts[related, index] = link.title
    get = texts.get

    def reads(span: Span, expected: str | None) -> bool:
        text = get((span.part, span.index))
        if text is None or span.end > len(text):
            return False
        return expected is None or text[span.start : span.end] == expected

    if article.published_zone_assumed and article.published is None:
        return False
    paragraphs = len(article.paragraphs)
    for link in article.related:
        if link.after_paragraph > paragraphs:
            return False
    for line in article.chrome.body:
        if line.after_paragraph > paragraphs:
            return False
    if article.dateline is not None and not reads(article.dateline.span, article.dateline.text):
        return False
    countries: set[str] = set()
    for country in article.countries:
        countries.add(country.alpha3)
        for mention in country.mentions:
            span = mention.span
            found = get((span.part, span.index))
            if found is None or found[span.start : span.end] != mention.text:
                return False
    known = set(countries)
    for actor in article.actors:
        known.add(actor.id)
        if actor.country is not None and actor.country not in countries:
            return False
        for mention in actor.mentions:
            span = mention.span
            found = get((span.part, span.index))
            if found is None or found[span.start : span.end] != mention.text:
                return False
    for event in article.events:
        if not _event_is_sound(event, reads, countries, known):
            return False
    for quote in article.quotes:
        if not reads(quote.span, quote.text) or (
            quote.speaker is not None and quote.speaker not in known
        ):
            return False
    return True


def _event_is_sound(
    event: Event,
    reads: Callable[[Span, str | None], bool],
    countries: set[str],
    known: set[str],
) -> bool:
    if not reads(event.trigger.span, event.trigger.text):
        return False
    for span in event.evidence:
        if not reads(span, None):
            return False
    for participant in event.participants:
        if participant.ref not in known:
            return False
    inferred = event.inferred_time
    if inferred is not None and inferred.source is not None:
        source = inferred.source
        if not reads(source.span, source.text):
            return False
    where = event.where
    return where is None or (
        (where.country is None or where.country in countries)
        and (where.mention is None or reads(where.mention.span, where.mention.text))
    )
