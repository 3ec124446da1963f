"""The Doc: one article as every component reads it, made once per article."""

from __future__ import annotations

from typing import Any

import attrs

from sahel_news.data import current_language
from sahel_news.models import Article, Part
from sahel_news.models._unchecked import evolved
from sahel_news.text._units import Sentence, TextUnit, iter_texts, split_sentences

__all__ = ["Doc"]


@attrs.define(slots=True, eq=False)
class Doc:
    """One article as every component reads it: its texts, folded once, and their sentences.

    ``article`` is the article so far: its layout, then whatever each component has added
    (a component adds with `update`). ``units`` are its texts in reading order (headline,
    standfirst, paragraphs, related-link titles), each with its folded form; ``sentences``
    their sentences, each with its words, split when first asked for and then kept. The
    texts never change while components run; only what was found in them does.
    ``language`` is the article's (``Article.language``; for an article without one, the
    language in use, `sahel_news.data.using_language`'s or English): the components read
    that language's tables.
    """

    article: Article
    units: tuple[TextUnit, ...] = attrs.field(init=False)
    language: str = attrs.field(init=False)
    _sentences: list[Sentence] | None = attrs.field(default=None, init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self.units = tuple(iter_texts(self.article))
        self.language = self.article.language or current_language()

    @property
    def sentences(self) -> list[Sentence]:
        """Every sentence of every text, in reading order."""
        if self._sentences is None:
            self._sentences = [
                Sentence(unit.part, unit.index, start, end, unit.text[start:end])
                for unit in self.units
                for start, end in split_sentences(unit.text)
            ]
        return self._sentences

    def body_sentences(self) -> list[Sentence]:
        """The sentences of the headline, standfirst and paragraphs (not related titles)."""
        return [s for s in self.sentences if s.part is not Part.RELATED]

    def update(self, **changes: Any) -> None:
        """Replace fields of `article` (countries, actors, events, ...), checked at the end.

        The finished article is checked as a whole once every component has run (see
        `sahel_news.parse_article`); values set here must be valid on their own.
        """
        self.article = evolved(self.article, **changes)
