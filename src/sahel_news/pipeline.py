"""parse_article: the capture's layout, then the extraction components over one Doc."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import tzinfo

import attrs
from dateutil import tz

from sahel_news.capture import parse_layout
from sahel_news.extract.components import Component, default_components
from sahel_news.models import Article, Source
from sahel_news.text import Doc

__all__ = ["parse_article"]


def parse_article(
    text: str,
    *,
    source: Source | None = None,
    default_tz: tzinfo = tz.UTC,
    extract: bool = True,
    components: Iterable[Component] | None = None,
) -> Article:
    """Read a plain-text capture into an Article with its countries, actors, events and quotes.

    A timestamp without a zone is read in *default_tz* and the Article says the zone was
    assumed. With ``extract=False`` only the layout is read (headline, paragraphs, chrome,
    dates).

    Args:
        text: the capture.
        source: where the capture came from (url, outlet, language).
        default_tz: the zone of a timestamp that names none.
        extract: whether to run the extraction components at all.
        components: the components to run over the article's `Doc`, in order (by default
            `default_components()`: entities, then events).

    Raises:
        ParseError: if the text cannot be read as an article (with the line and the reason).
        ValidationError: if a component adds something that does not fit the article.
    """
    article = parse_layout(text, source=source, default_tz=default_tz)
    if not extract:
        return article
    doc = Doc(article)
    for component in default_components() if components is None else components:
        component(doc)
    # checked once, whole: every span inside its text, every reference resolving
    return attrs.evolve(doc.article)
