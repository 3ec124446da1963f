"""parse_article: capture layout, then entities, then events — the one entry point."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

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
    published: date | datetime | None = None,
) -> Article:
    """Read a plain-text capture into an Article with its countries, actors, events and quotes.

    A timestamp without a zone is read in *default_tz* and the Article says the zone was
    assumed. With ``extract=False`` only the layout is read (headline, paragraphs, chrome,
    dates).

    *published* is when the capture was published, if the caller knows (a feed entry, a
    scraper's metadata): a date, or a datetime read in *default_tz* if naive. It anchors
    relative dates ("on Tuesday") when the capture has no timestamp of its own; when it has
    one, the capture wins and a ``published_metadata_disagrees`` diagnostic says if they
    differ. With neither, a date in ``source.url``'s path (``/2024/06/04/``) is used.

    Raises:
        ParseError: if the text cannot be read as an article (with the line and the reason).
        TypeError: if *text* is not a str, or *published* not a date or a datetime.
    """
    article = parse_layout(text, source=source, default_tz=default_tz, published=published)
    if extract:
        countries, actors = entities_of(article)
        # checked whole once, when extract_events builds the finished article
        article = extract_events(evolved(article, countries=countries, actors=actors))
    return article
