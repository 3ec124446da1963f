"""The texts of an article and their sentences, with offsets: what every extractor walks."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from sahel_news.models import Article, Mention, Part, Span
from sahel_news.models._unchecked import unchecked
from sahel_news.text._fold import fold
from sahel_news.text._sentences import MAX_SENTENCE, split_sentences
from sahel_news.text._tokens import Words, split_words

__all__ = [
    "MAX_SENTENCE",
    "EntityMention",
    "Sentence",
    "TextUnit",
    "iter_text_parts",
    "iter_texts",
    "mention",
    "mentions_by_text",
    "split_sentences",
]

# offsets here come from slicing the article's own checked texts, and the finished article
# checks every span against its text again
_span = unchecked(Span)
_mention = unchecked(Mention)


@attrs.frozen(slots=True)
class TextUnit:
    """One text of an article: the headline, the standfirst, a paragraph or a related title.

    ``folded`` is the text as every stage matches it (`sahel_news.text.fold`), made once.
    """

    part: Part
    index: int
    text: str
    folded: str = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "folded", fold(self.text))


# Not frozen: an article has dozens of sentences, and a frozen class costs three times as
# much to build. Nothing changes a sentence once made.
@attrs.define(slots=True)
class Sentence:
    """A sentence of one text, with its offsets in that text.

    ``words`` are its tokens (`split_words`), made when first asked for and then kept, so
    every stage that reads a sentence word by word reads the same words.
    """

    part: Part
    index: int
    start: int
    end: int
    text: str
    _words: Words | None = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def span(self) -> Span:
        return _span(self.part, self.index, self.start, self.end)

    @property
    def words(self) -> Words:
        """The tokens of the sentence, with offsets into it."""
        if self._words is None:
            self._words = split_words(self.text)
        return self._words


# An actor or country mention: its id or code, its country (None for an actor without
# one), whether it is a country, and its ``[start, end)`` in its text.
EntityMention = tuple[str, str | None, bool, int, int]


def mentions_by_text(article: Article) -> dict[tuple[Part, int], list[EntityMention]]:
    """The actor and country mentions of each text: actors first, each in the article's order.

    Events and quotes both read them, each sorted its own way, from this one walk.
    """
    found: dict[tuple[Part, int], list[EntityMention]] = {}
    for actor in article.actors:
        ref, country = actor.id, actor.country
        for m in actor.mentions:
            span = m.span
            found.setdefault((span.part, span.index), []).append(
                (ref, country, False, span.start, span.end)
            )
    for country_ in article.countries:
        code = country_.alpha3
        for m in country_.mentions:
            span = m.span
            found.setdefault((span.part, span.index), []).append(
                (code, code, True, span.start, span.end)
            )
    return found


def iter_texts(article: Article) -> Iterator[TextUnit]:
    """Headline, standfirst, paragraphs, then related-link titles, in reading order."""
    for part, index, text in iter_text_parts(article):
        yield TextUnit(part, index, text)


def iter_text_parts(article: Article) -> Iterator[tuple[Part, int, str]]:
    """`iter_texts` as plain ``(part, index, text)`` tuples, for readers that need no unit."""
    yield Part.HEADLINE, 0, article.headline
    if article.standfirst is not None:
        yield Part.STANDFIRST, 0, article.standfirst
    for index, paragraph in enumerate(article.paragraphs):
        yield Part.PARAGRAPH, index, paragraph
    for index, link in enumerate(article.related):
        yield Part.RELATED, index, link.title


def mention(unit: TextUnit | Sentence, start: int, end: int) -> Mention:
    """A Mention of ``[start, end)`` of a text unit (offsets into the unit's whole text).

    For a Sentence, *start* and *end* are offsets into the sentence's own text.
    """
    if isinstance(unit, Sentence):
        text = unit.text[start:end]
        return _mention(text, _span(unit.part, unit.index, unit.start + start, unit.start + end))
    return _mention(unit.text[start:end], _span(unit.part, unit.index, start, end))
