"""HTML pages in: the main text and metadata of a page, laid out as a capture and parsed.

trafilatura (the optional extra ``sahel-news[html]``) finds the article among the page's
navigation, banners, related-article boxes and comments, and reads its title, date and site
name from the page's meta tags, JSON-LD and ``<time>`` elements. The text is laid out as a
capture (headline, blank line, one paragraph per block) and read by `parse_article` with the
page's publication time as its metadata, so a page and the same article as a capture parse
alike.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import attrs

from sahel_news.errors import MissingDependencyError, ParseError
from sahel_news.models import Article, Source

if TYPE_CHECKING:
    from datetime import tzinfo

__all__ = ["Page", "parse_html", "read_page"]

# htmldate's output when asked for a time: an offset only when the page gave one, and
# 00:00:00 with no offset when the page gave a date alone.
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}T00:00:00$")
_LANG = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)", re.IGNORECASE
)
_HEAD = 4096  # the <html> tag is near the start of any real page


def _extract(html: str | bytes, url: str | None) -> Any:
    try:
        import trafilatura  # noqa: PLC0415 - heavy and optional: loaded on first use
    except ImportError:
        raise MissingDependencyError("parse_html", "html") from None
    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        output_format="python",
        # never guess a date from the text or a copyright line: metadata and <time> only
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "outputformat": _DATE_FORMAT,
        },
    )


def _page_time(found: str | None) -> datetime | date | None:
    if not found:
        return None
    if _DATE_ONLY.match(found):
        return date.fromisoformat(found[:10])
    try:
        return datetime.strptime(found, _DATE_FORMAT)  # noqa: DTZ007 - naive means "no zone given"
    except ValueError:
        try:
            return datetime.fromisoformat(found)
        except ValueError:
            return None


def _language(html: str | bytes) -> str | None:
    head = html[:_HEAD]
    text = head.decode("latin-1") if isinstance(head, bytes) else head
    match = _LANG.search(text)
    return match.group(1) if match else None


def _lines(text: str | None) -> list[str]:
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]


@attrs.frozen
class Page:
    """What a page says: its main text laid out as a capture, its source, its publication."""

    text: str
    source: Source
    published: datetime | date | None


def read_page(
    html: str | bytes,
    *,
    url: str | None = None,
    published: datetime | date | None = None,
) -> Page:
    """Lay out a page's main text as a capture, with the page's source and publication time.

    The capture's headline is the page's title (its ``og:title``, JSON-LD headline or
    ``<h1>``), or the first line of the text when there is none; each block of the main
    text is a paragraph.

    Args:
        html: the page, as text or as bytes (whose charset is then detected).
        url: where the page came from (recorded in ``Source.url``; its host names the site
            when the page does not).
        published: when the article was published; overrides any date the page gives.

    Returns:
        The capture text, a Source with url, outlet (the site's name) and language, and the
        publication time (or date) given, else the page's, else None.

    Raises:
        ParseError: if the page holds no article text.
        MissingDependencyError: if trafilatura (``sahel-news[html]``) is not installed.
    """
    if not isinstance(html, str | bytes):
        raise TypeError(f"html must be str or bytes, got {type(html).__name__}")
    if not html.strip():
        raise ParseError("empty HTML page")
    try:
        document = _extract(html, url)
    except (ValueError, TypeError, LookupError, AttributeError) as error:
        # lxml and trafilatura raise these on pages they cannot read at all
        raise ParseError(f"cannot read the HTML page: {error}") from None
    lines = _lines(getattr(document, "text", None))
    title = " ".join((getattr(document, "title", None) or "").split())
    if not lines:
        raise ParseError("no article text found in the HTML page")
    if not title or title.casefold() == lines[0].casefold():
        title, lines = lines[0], lines[1:]
    outlet = getattr(document, "sitename", None) or getattr(document, "hostname", None)
    return Page(
        text="\n\n".join([title, *lines]),
        source=Source(url=url or None, outlet=outlet or None, language=_language(html)),
        published=published if published is not None else _page_time(document.date),
    )


def parse_html(
    html: str | bytes,
    *,
    url: str | None = None,
    published: datetime | date | None = None,
    default_tz: tzinfo = UTC,
    extract: bool = True,
) -> Article:
    """Read an HTML page into an Article, as `parse_article` reads the same text as a capture.

    Args:
        html: the page, as text or as bytes (whose charset is then detected).
        url: where the page came from (kept in ``Article.source.url``).
        published: when the article was published; overrides any date the page gives. An
            aware datetime is exact; a naive one is read in *default_tz*.
        default_tz: the zone of a publication time that names none.
        extract: read entities and events too (False: the layout only).

    Returns:
        The Article, with ``source`` holding the url, the site's name and the page language.

    Raises:
        ParseError: if the page holds no article text, or its text cannot be read as one.
        MissingDependencyError: if trafilatura (``sahel-news[html]``) is not installed.
    """
    from sahel_news.pipeline import parse_article  # noqa: PLC0415 - the pipeline imports capture

    page = read_page(html, url=url, published=published)
    try:
        return parse_article(
            page.text,
            source=page.source,
            published=page.published,
            default_tz=default_tz,
            extract=extract,
        )
    except ParseError as error:
        # the line numbers are those of a capture the caller never saw
        raise ParseError(f"the page's main text: {error.reason}") from None
