"""A downstream-style module using the typed twins; tests/test_twins.py runs mypy --strict on it."""

import dataclasses

from sahel_news.convert import from_json, to_json
from sahel_news.dataclasses import Article, Mention, Span, from_dataclass, to_dataclass
from sahel_news.models import Article as ArticleModel
from sahel_news.models import Part


def retitled(article: Article, headline: str) -> Article:
    """The twin with another headline: dataclasses.replace keeps the twin's type."""
    return dataclasses.replace(article, headline=headline)


def first_mention(article: Article) -> Mention | None:
    """The first mention of the first actor, if there is one."""
    for actor in article.actors:
        if actor.mentions:
            return actor.mentions[0]
    return None


def headline_span(article: Article) -> Span:
    """A span covering the whole headline."""
    return Span(part=Part.HEADLINE, index=0, start=0, end=len(article.headline))


def round_trip(text: str) -> ArticleModel:
    """JSON to model to twin and back: every step is typed."""
    model: ArticleModel = from_json(text, ArticleModel)
    twin: Article = to_dataclass(model)
    back: ArticleModel = from_dataclass(retitled(twin, twin.headline))
    assert to_json(back) == to_json(model)
    return back
