"""parse_many: many captures in, one Article or one failure record out per capture, in order.

With ``n_process > 1`` the captures are parsed in worker processes started once (each loads
the gazetteers and rules before the first capture arrives) and fed a bounded number of
batches at a time, so memory stays flat however long the input runs.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

import attrs
from dateutil import tz

from sahel_news.corpus._decode import decode_capture
from sahel_news.errors import ParseError, ValidationError
from sahel_news.models import Article, Source

__all__ = [
    "Capture",
    "CaptureFailure",
    "ParseOptions",
    "parse_many",
    "parse_stream",
    "published_of",
]

DEFAULT_BATCH_SIZE = 16
# Batches waiting per worker: enough to keep each busy, few enough to keep memory flat.
_BATCHES_IN_FLIGHT = 2
_WARM_UP = (
    "Talks in Bamako\n\nBAMAKO, June 5 (Reuters) - Mali's junta met ECOWAS envoys on Tuesday, "
    "a day after gunmen attacked a village near Mopti, the army said.\n\n"
    "June 05, 2024 at 07:49PM\n"
)
_PARENT_CHECK_SECONDS = 0.5
_METADATA_KEYS = frozenset({"id", "published", "source", "url", "outlet", "language", "headline"})

T = TypeVar("T")


@attrs.frozen(slots=True)
class Capture:
    """One capture to parse, with what the caller knows about it.

    ``text`` may be bytes, decoded with parse_many's *encoding* (a UTF-8 or UTF-16 byte-order
    mark wins). ``id`` names the capture in its failure record (default: its position).
    ``published``, ``source`` and ``headline`` are passed to parse_article.
    """

    text: str | bytes
    id: str | None = None
    published: date | datetime | None = None
    source: Source | None = None
    headline: str | None = None


@attrs.frozen(slots=True)
class CaptureFailure:
    """Why one capture gave no Article: its id, the error's type name, the message, the line."""

    id: str
    error: str
    message: str
    line: int | None = None


@attrs.frozen(slots=True)
class ParseOptions:
    """How every capture of a batch is parsed (see parse_article)."""

    default_tz: tzinfo = tz.UTC
    extract: bool = True
    encoding: str = "utf-8"
    strict: bool = False  # captures in the documented format only (see parse_article)
    # "article" returns Articles; "json"/"jsonl" return their JSON text (indented or one line)
    output: Literal["article", "json", "jsonl"] = "article"
    # a capture with no URL gets its file's URI as source.url (the id is then its path)
    file_url: bool = False


def _failure(capture_id: str, error: Exception) -> CaptureFailure:
    if isinstance(error, ParseError):
        return CaptureFailure(capture_id, type(error).__name__, error.reason, error.line)
    if isinstance(error, ValidationError):
        message = "; ".join(str(problem) for problem in error.problems)
        return CaptureFailure(capture_id, type(error).__name__, message)
    return CaptureFailure(capture_id, type(error).__name__, str(error) or type(error).__name__)


def _parse_one(capture: Capture, options: ParseOptions) -> Article | str | CaptureFailure:
    from sahel_news.pipeline import parse_article  # noqa: PLC0415 - loaded with the first batch

    capture_id = capture.id or "?"
    try:
        text = capture.text
        if isinstance(text, bytes):
            text = decode_capture(text, options.encoding)
        article = parse_article(
            text,
            source=capture.source,
            published=capture.published,
            headline=capture.headline,
            strict=options.strict,
            default_tz=options.default_tz,
            extract=options.extract,
        )
        if options.file_url and article.source.url is None and capture_id != "-":
            source = attrs.evolve(article.source, url=Path(capture_id).resolve().as_uri())
            article = attrs.evolve(article, source=source)
        if options.output == "article":
            return article
        from sahel_news.convert import to_json  # noqa: PLC0415

        if options.output == "json":
            return to_json(article, indent=True) + "\n"
        return to_json(article) + "\n"
    except Exception as error:  # noqa: BLE001 - the promise: one bad capture never stops a batch
        return _failure(capture_id, error)


def _parse_batch(batch: list[Any], options: ParseOptions) -> list[Any]:
    return [_parse_one(item, options) if isinstance(item, Capture) else item for item in batch]


def _worker_start(options: ParseOptions, parent: int) -> None:
    """Ignore Ctrl-C (the parent stops the workers), follow the parent if it dies, and load
    everything before any work."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    # the parent's pid comes from the parent: it may have died before this worker started
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _parse_one(Capture(_WARM_UP, "warm-up"), attrs.evolve(options, output="article"))


def _exit_with_parent(parent: int) -> None:
    """End this worker once its parent is gone (killed with SIGKILL, say): a worker holds
    both ends of its task queue, so it would otherwise wait for work for ever."""
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)


def _ready() -> None:
    """A task that only makes the pool start a worker."""


def published_of(value: object) -> date | datetime | None:
    """*value* as a publication date or time: a date, a datetime or an ISO string.

    Raises:
        ValueError: if a string is not ISO 8601.
        TypeError: if *value* is something else.
    """
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                return date.fromisoformat(text)
            return datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(
                f"published {value!r} is not an ISO date or date-time (2024-06-04, "
                "2024-06-04T19:49:00+00:00)"
            ) from None
    raise TypeError(f"published must be a date, a datetime or an ISO string, not {value!r}")


def _capture_of(item: object, position: int) -> Capture | CaptureFailure:
    """*item* (a text, a (text, metadata) pair or a Capture) as a Capture with an id."""
    default_id = str(position)
    try:
        if isinstance(item, Capture):
            return item if item.id is not None else attrs.evolve(item, id=default_id)
        if isinstance(item, str | bytes):
            return Capture(item, default_id)
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Mapping):
            return _capture_from_pair(item[0], item[1], default_id)
    except (TypeError, ValueError) as error:
        return _failure(default_id, error)
    message = (
        f"an item is a str, bytes, a (text, metadata) pair or a Capture, not {type(item).__name__}"
    )
    return CaptureFailure(default_id, "TypeError", message)


def _capture_from_pair(text: object, metadata: Mapping[Any, Any], default_id: str) -> Capture:
    if not isinstance(text, str | bytes):
        raise TypeError(f"the text of a (text, metadata) pair is {type(text).__name__}")
    unknown = sorted(str(key) for key in metadata if key not in _METADATA_KEYS)
    if unknown:
        known = ", ".join(sorted(_METADATA_KEYS))
        raise ValueError(f"unknown metadata key {unknown[0]!r} (known: {known})")
    source = metadata.get("source")
    if source is None and any(metadata.get(k) for k in ("url", "outlet", "language")):
        source = Source(
            url=metadata.get("url") or None,
            outlet=metadata.get("outlet") or None,
            language=metadata.get("language") or None,
        )
    if source is not None and not isinstance(source, Source):
        raise TypeError(f"metadata 'source' must be a Source, not {type(source).__name__}")
    capture_id = metadata.get("id")
    headline = metadata.get("headline")
    return Capture(
        text,
        id=str(capture_id) if capture_id is not None else default_id,
        published=published_of(metadata.get("published")),
        source=source,
        headline=str(headline) if headline else None,
    )


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _new_pool(n_process: int, options: ParseOptions) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_worker_start,
        initargs=(options, os.getpid()),
    )


def _start_workers(pool: ProcessPoolExecutor, n_process: int) -> None:
    """Start every worker of *pool* now, with Ctrl-C held back while they start.

    A worker inherits the blocked signal, so a Ctrl-C during its start-up cannot print a
    traceback from it; the parent gets the held Ctrl-C as soon as the workers are up (and
    then stops them).
    """
    can_block = hasattr(signal, "pthread_sigmask")
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if can_block else None
    try:
        for _ in range(n_process):  # one task per worker makes the pool start them all
            pool.submit(_ready)
    finally:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, without waiting for the batches they are parsing."""
    # No public way to end running workers before Python 3.14 (terminate_workers); taken
    # before shutdown(), which forgets them.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    # A batch still on its way down the pipe to a stopped worker must not hold the exit:
    # the queue's feeder thread would wait for a reader that is gone (multiprocessing's
    # documented way out, on the executor's call queue).
    call_queue = getattr(pool, "_call_queue", None)
    if call_queue is not None:
        call_queue.cancel_join_thread()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


def parse_stream(
    items: Iterable[Capture | T],
    options: ParseOptions,
    *,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Generator[Article | str | CaptureFailure | T, None, None]:
    """Parse the Captures of *items* in order; anything else passes through untouched.

    The engine under parse_many and the corpus command (which passes its skipped inputs
    through so that every result comes back in input order).
    """
    if n_process <= 1:
        for item in items:
            yield _parse_one(item, options) if isinstance(item, Capture) else item
        return
    workers = _Workers(n_process, options)
    finished = False
    try:
        pending: deque[tuple[list[Any], Future[list[Any]]]] = deque()
        for batch in _batches(items, batch_size):
            if not pending and not any(isinstance(item, Capture) for item in batch):
                # nothing to parse (and batches are Captures or pass-through items only)
                yield from cast("list[T]", batch)
                continue
            pending.append((batch, workers.submit(batch)))
            while len(pending) >= n_process * _BATCHES_IN_FLIGHT:
                yield from workers.results(pending)
        while pending:
            yield from workers.results(pending)
        finished = True
    finally:
        workers.stop(wait=finished)


class _Workers:
    """The worker pool of one parse_stream: started on first use, restarted after a crash."""

    def __init__(self, n_process: int, options: ParseOptions) -> None:
        self.n_process = n_process
        self.options = options
        self.pool: ProcessPoolExecutor | None = None

    def submit(self, batch: list[Any]) -> Future[list[Any]]:
        if self.pool is None:
            self.pool = _new_pool(self.n_process, self.options)
            _start_workers(self.pool, self.n_process)
        work: Callable[[list[Any], ParseOptions], list[Any]] = _parse_batch
        return self.pool.submit(work, batch, self.options)

    def stop(self, *, wait: bool) -> None:
        if self.pool is not None and wait:
            self.pool.shutdown(wait=True)
        elif self.pool is not None:  # interrupted, or the caller stopped reading
            _stop_pool(self.pool)
        self.pool = None

    def results(self, pending: deque[tuple[list[Any], Future[list[Any]]]]) -> list[Any]:
        """The results of the oldest batch in flight.

        If a worker died (the system killed it for memory, say), every batch in flight is
        lost: they are parsed again one capture at a time, so that only the capture that
        kills a worker again fails, as a ``WorkerDied`` failure.
        """
        batch, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            lost = [batch, *(other for other, _ in pending)]
            pending.clear()
            self.stop(wait=False)
        return [result for other in lost for item in other for result in self._alone(item)]

    def _alone(self, item: object) -> list[Any]:
        if not isinstance(item, Capture):
            return [item]
        try:
            return self.submit([item]).result()
        except BrokenProcessPool:
            self.stop(wait=False)
            message = "the worker process died while parsing this capture (out of memory?)"
            return [CaptureFailure(item.id or "?", "WorkerDied", message)]


def parse_many(
    items: Iterable[str | bytes | tuple[str | bytes, Mapping[str, Any]] | Capture],
    *,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    default_tz: tzinfo = tz.UTC,
    extract: bool = True,
    encoding: str = "utf-8",
    strict: bool = False,
) -> Iterator[Article | CaptureFailure]:
    """Parse many captures, yielding one result per item in input order; never raise for one.

    Args:
        items: texts (str, or bytes in *encoding*), ``(text, metadata)`` pairs whose metadata
            has any of ``id``, ``published`` (a date, a datetime or an ISO string), ``url``,
            ``outlet``, ``language``, ``source`` (a Source), or Capture records.
        n_process: worker processes; 1 parses in this process. Workers are started and warmed
            up (data loaded) before the first capture is sent.
        batch_size: captures sent to a worker at a time.
        default_tz: the zone of timestamps that name none (see parse_article).
        extract: False reads the layout only.
        encoding: the codec of captures given as bytes.
        strict: read captures in the documented format only (see parse_article).

    Returns:
        An iterator of Articles and CaptureFailures (id, error type, message, line), one per
        item and in the order of *items*. A bad item (not text, bad metadata, no headline,
        not in *encoding*) gives a CaptureFailure; the iterator goes on.

    Raises:
        ValueError: if *n_process* or *batch_size* is below 1.
        LookupError: if *encoding* names no codec.
    """
    if n_process < 1 or batch_size < 1:
        raise ValueError(f"n_process and batch_size must be at least 1 ({n_process}, {batch_size})")
    decode_capture(b"", encoding)  # an unknown codec is refused now, not once per capture
    options = ParseOptions(default_tz=default_tz, extract=extract, encoding=encoding, strict=strict)
    captures = (_capture_of(item, position) for position, item in enumerate(items))
    # a generator of its own, so that the checks above raise at the call
    return cast(
        "Iterator[Article | CaptureFailure]",
        parse_stream(captures, options, n_process=n_process, batch_size=batch_size),
    )
