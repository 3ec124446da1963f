"""render_capture: an Article back to the plain-text capture layout that parse_layout reads."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sahel_news.capture._timestamps import format_feed_timestamp, format_page_date
from sahel_news.capture.parse import HEADLINE_DERIVED
from sahel_news.models import Article, ChromeKind, ChromeLine

__all__ = ["render_capture"]

READ_MORE = "Read more"
# The related-link marker written for an article read in another language (any marker of
# boilerplate.json reads back; these are the commonest of each language).
_READ_MORE_IN = {"fr": "Lire aussi"}


def _format_temperature(celsius: float) -> str:
    # The shortest decimal that reads back as the same float, never in exponent form
    # (1e-05 is written 0.00001): the capture parser reads plain decimals only.
    text = format(Decimal(repr(celsius)), "f").removesuffix(".0")
    return f"{text} C"


def _format_assumed_time(published: datetime) -> str:
    """A time whose zone was assumed, as parse_layout reads it by default: in UTC, no zone.

    The feed form of the seed when it holds the time whole, else ISO 8601 without offset.
    """
    moment = published.astimezone(UTC).replace(tzinfo=None)
    if moment.second == 0 and moment.microsecond == 0:
        return format_feed_timestamp(moment)
    return moment.isoformat(sep=" ")


def _format_given_time(published: datetime) -> str:
    """A time with its zone, in ISO 8601; in UTC when its offset has seconds (old local times).

    ISO 8601 and RFC 3339 offsets are whole minutes, and so are the ones the parser reads.
    """
    offset = published.utcoffset()
    if offset is not None and offset % timedelta(minutes=1):
        published = published.astimezone(UTC)
    return published.isoformat()


def _header(article: Article) -> list[str]:
    lines = [line.text for line in article.chrome.header]
    kinds = {line.kind for line in article.chrome.header}
    synthesised: list[str] = []
    if article.chrome.temperature_celsius is not None and ChromeKind.TEMPERATURE not in kinds:
        synthesised.append(_format_temperature(article.chrome.temperature_celsius))
    if article.page_date is not None and ChromeKind.PAGE_DATE not in kinds:
        synthesised.append(format_page_date(article.page_date))
    return synthesised + lines


def _has_timestamp(article: Article) -> bool:
    chrome = article.chrome
    return any(
        line.kind is ChromeKind.TIMESTAMP for line in (*chrome.header, *chrome.body, *chrome.footer)
    )


def _footer(article: Article) -> list[str]:
    lines = [line.text for line in article.chrome.footer]
    if article.published is not None and not _has_timestamp(article):
        stamp = (
            _format_assumed_time(article.published)
            if article.published_zone_assumed
            else _format_given_time(article.published)
        )
        lines.insert(0, stamp)
    return lines


def _above_standfirst(article: Article) -> list[ChromeLine]:
    """Body timestamps before the first paragraph, which stood above the standfirst.

    A timestamp after a block starts the footer, so one kept at position 0 of an article
    with a standfirst was read above it ("Publié le ..." under the headline), and is
    written there again.
    """
    if article.standfirst is None:
        return []
    return [
        line
        for line in article.chrome.body
        if line.after_paragraph == 0 and line.kind is ChromeKind.TIMESTAMP
    ]


def _body(article: Article, written: list[ChromeLine]) -> list[str]:
    by_position: dict[int, list[str]] = {}
    chrome: list[ChromeLine] = [line for line in article.chrome.body if line not in written]
    for line in chrome:
        by_position.setdefault(line.after_paragraph, []).append(line.text)
    marker = _READ_MORE_IN.get(article.language or "", READ_MORE)
    for link in article.related:
        by_position.setdefault(link.after_paragraph, []).extend((marker, link.title))
    blocks: list[str] = []
    for position in range(len(article.paragraphs) + 1):
        blocks.extend(by_position.get(position, ()))
        if position < len(article.paragraphs):
            blocks.append(article.paragraphs[position])
    return blocks


def render_capture(article: Article) -> str:
    """Write *article*'s layout fields and chrome as a capture, blocks separated by blank lines.

    Header lines are written one per line in the first block; every other block (headline,
    body timestamps that stood above the standfirst, standfirst, paragraphs, "Read more"
    ("Lire aussi" for an article read in French) and its title, chrome lines, footer
    lines) stands alone. A headline that is the text's first sentence (diagnostic
    ``headline_from_first_sentence``) is left out: the text had none, and reads back to it.
    A temperature, page date or publication time with no chrome line of its own is written
    in the seed's form. The text ends without a final newline, like the seed.

    Args:
        article: the article to write; only its layout fields and chrome are used.

    Raises:
        TypeError: if *article* is not an Article (a mistake in the calling code).
    """
    if not isinstance(article, Article):
        raise TypeError(f"render_capture needs an Article, got {type(article).__name__}")
    blocks: list[str] = []
    header = _header(article)
    if header:
        blocks.append("\n".join(header))
    if not any(d.code == HEADLINE_DERIVED for d in article.diagnostics):
        blocks.append(article.headline)
    above = _above_standfirst(article)
    blocks.extend(line.text for line in above)
    if article.standfirst is not None:
        blocks.append(article.standfirst)
    blocks.extend(_body(article, above))
    blocks.extend(_footer(article))
    return "\n\n".join(blocks)
