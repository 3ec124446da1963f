"""parse_article: capture layout, then entities, then events — the one entry point."""

from __future__ import annotations

from datetime import tzinfo

from dateutil import tz

from sahel_news.capture import parse_layout
from sahel_news.extract import extract_events
from sahel_news.extract.entities import entities_of
from sahel_news.models import Article, Source
from sahel_news.models._unchecked import evolved

__all__ = ["parse_article"]


def parse_article(
    text: str,
    *,
    source: Source | None = None,
    default_tz: tzinfo = tz.UTC,
    extract: bool = True,
    headline: str | None = None,
    strict: bool = False,
) -> Article:
    """Read a plain-text capture into an Article with its countries, actors, events and quotes.

    A timestamp without a zone is read in *default_tz* and the Article says the zone was
    assumed. With ``extract=False`` only the layout is read (headline, paragraphs, chrome,
    dates).

    Plain text is read too: a text whose first line is no plausible headline is read as
    body only, with *headline* (from metadata) or else its first sentence as the headline;
    ``strict=True`` reads captures only (see `parse_layout` and docs/capture-format.md).

    Raises:
        ParseError: if the text cannot be read as an article (with the line and the reason).
        TypeError: if *text* is not a str or *headline* is neither a str nor None.
    """
    article = parse_layout(
        text, source=source, default_tz=default_tz, headline=headline, strict=strict
    )
    if extract:
        countries, actors = entities_of(article)
        # checked whole once, when extract_events builds the finished article
        article = extract_events(evolved(article, countries=countries, actors=actors))
    return article
