"""Parsing beyond one machine: Dask bags of captures in, Articles, failures and event tables out.

Needs the optional extra ``sahel-news[dask]``. Every function here is lazy: it builds a Dask
graph, and ``.compute()`` runs it on whatever scheduler is active, a laptop's processes or a
cluster's workers (see docs/scale.md). Each item is parsed exactly as `parse_article` parses
it alone, so a cluster's results equal a loop's.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from sahel_news.errors import MissingDependencyError, ParseError, SahelNewsError
from sahel_news.models import Article, Event, ParticipantRole

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = [
    "EVENT_COLUMNS",
    "Failure",
    "Item",
    "articles_of",
    "event_rows",
    "events_frame",
    "events_table",
    "failures_of",
    "parse_bag",
    "parse_item",
]

# A capture's text, a path to a capture or HTML page, or a (key, text) pair.
Item = str | os.PathLike[str] | tuple[str, str]

# column -> pandas dtype of `events_frame`
EVENT_COLUMNS: dict[str, str] = {
    "article_id": "string",
    "event_id": "string",
    "type": "string",
    "status": "string",
    "mode": "string",
    "earliest": "datetime64[s]",
    "latest": "datetime64[s]",
    "precision": "string",
    "place": "string",
    "place_country": "string",
    "sources": "string",
    "targets": "string",
    "trigger": "string",
    "published": "datetime64[s, UTC]",
}

_HTML_SUFFIXES = frozenset({".html", ".htm"})


@attrs.frozen
class Failure:
    """An item that did not parse: which one, the error's type, its message and its line.

    ``item`` is the path for a path, the key for a (key, text) pair, and ``text:`` with the
    first 16 hex digits of the text's SHA-256 for a bare text.
    """

    item: str
    error: str
    message: str
    line: int | None = None


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: PLC0415 - optional: checked on first use
        import dask.dataframe  # noqa: F401, PLC0415
    except ImportError:
        raise MissingDependencyError("sahel_news.dask", "dask") from None


def _key_of(item: Item) -> str:
    if isinstance(item, tuple):
        return item[0]
    if isinstance(item, str):
        return "text:" + hashlib.sha256(item.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return os.fspath(item)


def _parse_one(item: Item, default_tz: tzinfo, extract: bool) -> Article:
    from sahel_news.pipeline import parse_article  # noqa: PLC0415 - loaded on the worker

    if isinstance(item, tuple):
        return parse_article(item[1], default_tz=default_tz, extract=extract)
    if isinstance(item, str):
        return parse_article(item, default_tz=default_tz, extract=extract)
    path = Path(item)
    if path.suffix.lower() in _HTML_SUFFIXES:
        from sahel_news.capture._html import parse_html  # noqa: PLC0415

        return parse_html(path.read_bytes(), default_tz=default_tz, extract=extract)
    return parse_article(path.read_text(encoding="utf-8"), default_tz=default_tz, extract=extract)


def parse_item(item: Item, *, default_tz: tzinfo = UTC, extract: bool = True) -> Article | Failure:
    """Parse one item as `parse_article` would, giving a Failure instead of raising.

    Args:
        item: a capture's text, a path (``.html``/``.htm`` read as HTML pages, anything else
            as a UTF-8 capture), or a ``(key, text)`` pair.
        default_tz: the zone of timestamps that name none.
        extract: read entities and events too (False: the layout only).

    Returns:
        The Article, or a Failure for a text that cannot be parsed, a file that cannot be
        read or is not UTF-8, and a page whose extra is missing.
    """
    try:
        return _parse_one(item, default_tz, extract)
    except ParseError as error:
        return Failure(_key_of(item), type(error).__name__, error.reason, error.line)
    except (SahelNewsError, OSError, UnicodeDecodeError) as error:
        return Failure(_key_of(item), type(error).__name__, str(error))


def _parse_partition(items: Iterable[Item], default_tz: tzinfo, extract: bool) -> list[Any]:
    return [parse_item(item, default_tz=default_tz, extract=extract) for item in items]


def parse_bag(
    items: dask.bag.Bag, *, default_tz: tzinfo = UTC, extract: bool = True
) -> dask.bag.Bag:
    """A bag of the parsed items, in order: an Article or a Failure for each.

    Args:
        items: a bag of items as `parse_item` takes them (texts, paths, (key, text) pairs).
        default_tz: the zone of timestamps that name none.
        extract: read entities and events too (False: the layout only).

    Raises:
        MissingDependencyError: if Dask (``sahel-news[dask]``) is not installed.
    """
    _require_dask()
    return items.map_partitions(_parse_partition, default_tz, extract)


def articles_of(results: dask.bag.Bag) -> dask.bag.Bag:
    """The Articles of a bag from `parse_bag`, failures left out."""
    return results.filter(_is_article)


def failures_of(results: dask.bag.Bag) -> dask.bag.Bag:
    """The Failures of a bag from `parse_bag`."""
    return results.filter(_is_failure)


def _is_article(result: object) -> bool:
    return isinstance(result, Article)


def _is_failure(result: object) -> bool:
    return isinstance(result, Failure)


def _refs(event: Event, *roles: ParticipantRole) -> str:
    return ";".join(p.ref for p in event.participants if p.role in roles)


def event_rows(article: Article) -> Iterator[dict[str, Any]]:
    """One row per event of *article*, with the columns of `EVENT_COLUMNS`."""
    published = article.published.astimezone(UTC) if article.published is not None else None
    for event in article.events:
        when, where = event.when, event.where
        yield {
            "article_id": article.id,
            "event_id": event.id,
            "type": event.type.value,
            "status": event.status.value,
            "mode": event.mode,
            "earliest": when.earliest if when is not None else None,
            "latest": when.latest if when is not None else None,
            "precision": when.precision.value if when is not None else None,
            "place": where.name if where is not None else None,
            "place_country": where.country if where is not None else None,
            "sources": _refs(event, ParticipantRole.SOURCE),
            "targets": _refs(event, ParticipantRole.TARGET, ParticipantRole.OTHER),
            "trigger": event.trigger.text,
            "published": published,
        }


def events_table(results: Iterable[object]) -> pd.DataFrame:
    """The events of the Articles among *results* as one pandas DataFrame (failures skipped)."""
    import pandas as pd  # noqa: PLC0415 - optional, comes with the dask extra

    rows = [row for result in results if isinstance(result, Article) for row in event_rows(result)]
    frame = pd.DataFrame.from_records(rows, columns=list(EVENT_COLUMNS))
    return frame.astype(EVENT_COLUMNS)


def events_frame(results: dask.bag.Bag) -> dask.dataframe.DataFrame:
    """A Dask DataFrame of every event of the Articles in *results*, one row per event.

    The columns are those of `EVENT_COLUMNS`; participants are their references (actor
    ids, alpha-3 codes) joined by ``;``. Failures are skipped.

    Raises:
        MissingDependencyError: if Dask (``sahel-news[dask]``) is not installed.
    """
    _require_dask()
    import dask.dataframe as dd  # noqa: PLC0415

    meta = events_table([])
    partitions = results.to_delayed(optimize_graph=True)
    return dd.from_delayed([_delayed_table(part) for part in partitions], meta=meta)


def _delayed_table(partition: Any) -> Any:
    from dask.delayed import delayed  # noqa: PLC0415

    return delayed(events_table, pure=True)(partition)
