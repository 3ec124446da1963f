"""parse_article: the capture's layout, then the extraction components over one Doc."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, tzinfo

import attrs
from dateutil import tz

from sahel_news.capture import parse_layout
from sahel_news.data import using_language
from sahel_news.extract.components import Component, default_components
from sahel_news.models import Article, Source
from sahel_news.text import Doc, with_language

__all__ = ["parse_article"]


def parse_article(
    text: str,
    *,
    source: Source | None = None,
    default_tz: tzinfo = tz.UTC,
    extract: bool = True,
    headline: str | None = None,
    strict: bool = False,
    components: Iterable[Component] | None = None,
    published: date | datetime | None = None,
) -> Article:
    """Read a plain-text capture into an Article with its countries, actors, events and quotes.

    A timestamp without a zone is read in *default_tz* and the Article says the zone was
    assumed. With ``extract=False`` only the layout is read (headline, paragraphs, chrome,
    dates).

    Plain text is read too: a text whose first line is no plausible headline is read as
    body only, with *headline* (from metadata) or else its first sentence as the headline;
    ``strict=True`` reads captures only (see `parse_layout` and docs/capture-format.md).

    *published* is when the capture was published, if the caller knows (a feed entry, a
    scraper's metadata). It anchors relative dates ("on Tuesday") when the capture has no
    timestamp of its own; when it has one, the capture wins and a
    ``published_metadata_disagrees`` diagnostic says if they differ. With neither, a date in
    ``source.url``'s path (``/2024/06/04/``) is used.

    The article's ``language`` is ``source.language`` when given (``"fr"``, ``"fr-FR"``,
    ``"fra"``), else the one its function words tell, with a ``language_detected``
    diagnostic; the components read that language's tables (docs/languages.md).

    Args:
        text: the capture or plain text.
        source: where the capture came from (url, outlet, language: its ISO 639 code or
            BCP 47 tag).
        default_tz: the zone of a timestamp that names none.
        extract: whether to run the extraction components at all.
        headline: the headline from metadata, for a text that has none of its own.
        strict: read captures in the documented format only.
        components: the components to run over the article's `Doc`, in order (by default
            `default_components()`: entities, then events).
        published: the publication date, or time (read in *default_tz* if naive).

    Raises:
        ParseError: if the text cannot be read as an article (with the line and the reason).
        TypeError: if *text* is not a str, *headline* is neither a str nor None, or
            *published* is neither a date nor a datetime.
        ValidationError: if a component adds something that does not fit the article.
    """
    article = parse_layout(
        text,
        source=source,
        default_tz=default_tz,
        headline=headline,
        strict=strict,
        published=published,
    )
    article = with_language(article)
    if not extract:
        return article
    doc = Doc(article)
    with using_language(doc.language):
        for component in default_components() if components is None else components:
            component(doc)
    # checked once, whole: every span inside its text, every reference resolving
    return attrs.evolve(doc.article)
