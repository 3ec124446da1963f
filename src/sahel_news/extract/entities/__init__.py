"""extract_entities: the countries and actors of an Article, from the candidates of recognizers.

Every recognizer looks at every text of the article (headline, standfirst, paragraphs and
related-link titles) and yields candidates; the merger (``_actor_merge``) settles them:

1. Per text, overlapping person candidates are one person (a gazetteer hit gives the id and
   the span, unless it is a lone surname inside a longer name; a title pattern gives the
   role and the country read from the text). Organisation and country candidates keep the
   longest stretch. A rule-found person inside a gazetteer organisation, or on a country
   name ("Koulouba announced"), is dropped; a country inside a gazetteer person's name is
   no country.
2. A person is a gazetteer person when any of its forms matches, else it keeps a slug of its
   name. A bare surname ("Goita", "the Goita", "Yevkurov and his team") is linked to the
   one person of the article whose name ends with it, wherever it stands.
3. A country-less candidate that asks for context ("its transitional leader", "the junta",
   "the Sahel state's armed forces") takes the nearest country named before it, among the
   allowed ones, counting countries named as actors before those named as places or by
   demonyms. A state official with no country ("Mining Minister X") takes the country the
   article names most.
4. Every actor's country is in the article's countries (added without mentions if only
   implied), and so is every country a place implies ("in Bamako", a "BAMAKO, ..." dateline).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from sahel_news.data import using_language
from sahel_news.extract.entities._headline import recognition_units
from sahel_news.extract.entities._merge import Hit, Merger
from sahel_news.extract.entities.actors import default_recognizers
from sahel_news.extract.entities.countries import find_countries
from sahel_news.extract.entities.recognizer import Recognizer
from sahel_news.models import Actor, Article, Country, Part
from sahel_news.models._unchecked import evolved
from sahel_news.text import Doc

__all__ = ["extract_entities"]


def _dateline_country(article: Article) -> list[Hit]:
    """The country a wire dateline's place implies ("BAMAKO, June 5 (Reuters) -")."""
    dateline = article.dateline
    if dateline is None or dateline.span.part is not Part.PARAGRAPH:
        return []
    place = dateline.place.title() if dateline.place.isupper() else dateline.place
    for candidate in find_countries(place):
        if candidate.start == 0 and candidate.end == len(place) and candidate.country:
            implied = evolved(candidate, implied=True, locative=True)
            order = 1 + (article.standfirst is not None) + dateline.span.index
            start = dateline.span.start
            return [Hit(order, start, start + 1, (implied,))]
    return []


def extract_entities(
    article: Article, *, recognizers: Sequence[Recognizer] | None = None
) -> Article:
    """The article with the countries and actors its texts name, each with every mention.

    The texts are read in the article's language (``article.language``; when None, the
    language in use: `sahel_news.data.using_language`'s, else English).

    Args:
        article: the article to read (its headline, standfirst, paragraphs and related-link
            titles); countries and actors it already has are replaced.
        recognizers: the recognizers to use; by default the country recognizer, the
            gazetteer recognizer and the pattern recognizer (`default_recognizers`). Pass
            ``(*default_recognizers(), mine)`` to add one.

    Raises:
        ValidationError: if a recognizer yields a candidate outside its text.
    """
    doc = Doc(article)
    with using_language(doc.language):
        countries, actors = entities_of(doc, recognizers=recognizers)
    return attrs.evolve(article, countries=countries, actors=actors)


def entities_of(
    doc: Doc, *, recognizers: Sequence[Recognizer] | None = None
) -> tuple[tuple[Country, ...], tuple[Actor, ...]]:
    """The countries and actors `extract_entities` would put on the Doc's article.

    Each value is valid on its own; whether they fit the article as a whole (every
    mention inside its text, every actor's country among the countries) is checked when an
    Article is built with them.
    """
    article = doc.article
    merger = Merger(
        recognition_units(doc),
        default_recognizers() if recognizers is None else recognizers,
        _dateline_country(article),
        written=doc.units,
    )
    merger.resolve_people()
    merger.resolve_organisations()
    return merger.countries_and_actors()
