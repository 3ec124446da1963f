"""Parsing beyond one machine: Dask bags of captures in, Articles, failures and event tables out.

Needs the optional extra ``sahel-news[dask]``. Every function here is lazy: it builds a Dask
graph, and ``.compute()`` runs it on whatever scheduler is active, a laptop's processes or a
cluster's workers (see docs/scale.md). Each partition is parsed by `parse_many` in the
worker's own process, so a cluster's results are `parse_many`'s, item by item.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from sahel_news.corpus import Capture, CaptureFailure, parse_many
from sahel_news.errors import MissingDependencyError, SahelNewsError
from sahel_news.models import Article, Event, ParticipantRole

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = [
    "EVENT_COLUMNS",
    "Item",
    "articles_of",
    "event_rows",
    "events_frame",
    "events_table",
    "failures_of",
    "parse_bag",
    "parse_items",
]

# What parse_many takes (a text, a (text, metadata) pair, a Capture), or a path to a capture
# or an HTML page.
Item = str | bytes | tuple[str | bytes, Mapping[str, Any]] | Capture | os.PathLike[str]

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


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: PLC0415 - optional: checked on first use
        import dask.dataframe  # noqa: F401, PLC0415
    except ImportError:
        raise MissingDependencyError("sahel_news.dask", "dask") from None


def _text_id(text: str | bytes) -> str:
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    return "text:" + hashlib.sha256(data).hexdigest()[:16]


def _named(item: Any) -> Any:
    """*item* with an id that does not depend on where it falls in a partition.

    parse_many names an item without an id by its position; in a bag the position is only
    known within a partition, so a text without an id is named by a hash of it instead
    (``text:`` and 16 hex digits), and a path by the path.
    """
    if isinstance(item, str | bytes):
        return Capture(item, _text_id(item))
    if isinstance(item, Capture) and item.id is None:
        return attrs.evolve(item, id=_text_id(item.text))
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Mapping):
        text, metadata = item
        if "id" not in metadata and isinstance(text, str | bytes):
            return (text, {**metadata, "id": _text_id(text)})
        return item
    if isinstance(item, os.PathLike):
        path = Path(item)
        try:
            return Capture(path.read_bytes(), str(path))
        except OSError as error:
            return CaptureFailure(str(path), type(error).__name__, str(error))
    return item


def _page(path: Path, default_tz: tzinfo, extract: bool) -> Article | CaptureFailure:
    from sahel_news.capture._html import parse_html  # noqa: PLC0415 - loaded on the worker
    from sahel_news.errors import ParseError  # noqa: PLC0415

    try:
        return parse_html(path.read_bytes(), default_tz=default_tz, extract=extract)
    except ParseError as error:
        return CaptureFailure(str(path), type(error).__name__, error.reason, error.line)
    except (SahelNewsError, OSError) as error:
        return CaptureFailure(str(path), type(error).__name__, str(error))


def parse_items(
    items: Iterable[Item], *, default_tz: tzinfo = UTC, extract: bool = True
) -> list[Article | CaptureFailure]:
    """Parse *items* in this process, as `parse_many` does: one result per item, in order.

    Paths are read here: ``.html``/``.htm`` as HTML pages (`parse_html`), anything else as a
    capture (a UTF-8 or UTF-16 byte-order mark wins). A text without an id is named by a hash
    of it, not by its position, so that its failure is named the same in any partition.

    Args:
        items: texts, ``(text, metadata)`` pairs and Captures as `parse_many` takes them,
            and paths.
        default_tz: the zone of timestamps that name none.
        extract: read entities and events too (False: the layout only).

    Returns:
        An Article or a CaptureFailure (id, error type, message, line) for each item.
    """
    results: list[Article | CaptureFailure | None] = []
    pending: list[tuple[int, Any]] = []
    for position, item in enumerate(items):
        if isinstance(item, os.PathLike) and Path(item).suffix.lower() in _HTML_SUFFIXES:
            results.append(_page(Path(item), default_tz, extract))
            continue
        named = _named(item)
        if isinstance(named, CaptureFailure):
            results.append(named)
            continue
        results.append(None)
        pending.append((position, named))
    parsed = parse_many([named for _, named in pending], default_tz=default_tz, extract=extract)
    for (position, _), result in zip(pending, parsed, strict=True):
        results[position] = result
    return [result for result in results if result is not None]


def _parse_partition(
    items: Iterable[Item], default_tz: tzinfo, extract: bool
) -> list[Article | CaptureFailure]:
    return parse_items(items, default_tz=default_tz, extract=extract)


def parse_bag(
    items: dask.bag.Bag, *, default_tz: tzinfo = UTC, extract: bool = True
) -> dask.bag.Bag:
    """A bag of the parsed items, in order: an Article or a CaptureFailure for each.

    Args:
        items: a bag of items as `parse_items` takes them (texts, (text, metadata) pairs,
            Captures, paths).
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
    """The CaptureFailures of a bag from `parse_bag`."""
    return results.filter(_is_failure)


def _is_article(result: object) -> bool:
    return isinstance(result, Article)


def _is_failure(result: object) -> bool:
    return isinstance(result, CaptureFailure)


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
