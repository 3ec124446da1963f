"""The quick whole-article pass agrees with the full check that names every problem."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sahel_news import models as m
from sahel_news.models._unchecked import evolved
from sahel_news.models.article import _is_sound, _whole_article_problems

_REFS = st.sampled_from(["MLI", "NER", "FRA", "ZZZ", "assimi-goita", "nobody", "e1"])
_SPANS = st.builds(
    m.Span,
    st.sampled_from(list(m.Part)).filter(lambda p: p in (m.Part.PARAGRAPH, m.Part.RELATED)),
    st.integers(0, 3),
    st.integers(0, 40),
    st.integers(40, 400),
) | st.builds(m.Span, st.just(m.Part.HEADLINE), st.just(0), st.integers(0, 5), st.integers(5, 90))


def _mention(data: st.DataObject, text: str) -> m.Mention:
    span = data.draw(_SPANS)
    # a mention whose text length fits its span, so only where it points can be wrong
    return evolved(m.Mention(text, m.Span(span.part, span.index, 0, len(text))), span=span)


def _corrupt(article: m.Article, data: st.DataObject) -> m.Article:
    """*article* with one fact pointed somewhere it may not belong."""
    choice = data.draw(st.integers(0, 8), label="corruption")
    if choice == 0 and article.countries:
        index = data.draw(st.integers(0, len(article.countries) - 1))
        country = article.countries[index]
        moved = evolved(country, mentions=(*country.mentions, _mention(data, "Mali")))
        return evolved(article, countries=(*article.countries[:index], moved))
    if choice == 1 and article.actors:
        actor = evolved(article.actors[0], country=data.draw(_REFS))
        return evolved(article, actors=(actor, *article.actors[1:]))
    if choice == 2 and article.actors:
        actor = article.actors[0]
        actor = evolved(actor, mentions=(*actor.mentions, _mention(data, actor.name)))
        return evolved(article, actors=(actor, *article.actors[1:]))
    if choice == 3 and article.events:
        event = article.events[0]
        extra = (m.Participant(data.draw(_REFS)),)
        event = evolved(event, participants=event.participants + extra)
        return evolved(article, events=(event, *article.events[1:]))
    if choice == 4 and article.events:
        event = evolved(article.events[0], evidence=(data.draw(_SPANS),))
        return evolved(article, events=(event, *article.events[1:]))
    if choice == 5 and article.events:
        event = article.events[0]
        # current codes only, since Place checks its own field; whether it resolves is the point
        where = m.Place("Gao", data.draw(st.none() | st.sampled_from(["MLI", "NER", "DEU"])))
        return evolved(article, events=(evolved(event, where=where), *article.events[1:]))
    if choice == 6 and article.quotes:
        quote = evolved(article.quotes[0], speaker=data.draw(_REFS))
        return evolved(article, quotes=(quote, *article.quotes[1:]))
    if choice == 7:
        related = (m.RelatedLink("Read this", data.draw(st.integers(0, 12))),)
        return evolved(article, related=article.related + related)
    if choice == 8:
        return evolved(article, published_zone_assumed=data.draw(st.booleans()))
    return article


class TestQuickPass:
    @given(st.from_type(m.Article))
    def test_sound_articles_pass(self, article):
        """Every valid article passes the quick pass."""
        assert _is_sound(article)

    @given(st.from_type(m.Article), st.data())
    def test_agrees_with_the_full_check(self, article, data):
        """The quick pass says sound exactly when the full check finds no problem."""
        corrupted = _corrupt(article, data)
        assert _is_sound(corrupted) == (list(_whole_article_problems(corrupted)) == [])
