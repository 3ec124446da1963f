"""The corpus run behind ``sahel-news parse``: many inputs, isolated failures, resumable.

Library code: it reports through a Progress object and a callback, and never prints. Every
output file is written under a temporary name and renamed; a JSON Lines output is appended
line by line. A journal next to the output records each finished input with a hash of its
bytes and metadata, so a rerun skips what is done and unchanged and ends with exactly the
outputs an uninterrupted run gives.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from datetime import date, datetime
from importlib import metadata
from pathlib import Path
from typing import IO, Any, Literal

import attrs

from sahel_news.corpus._batch import (
    DEFAULT_BATCH_SIZE,
    Capture,
    CaptureFailure,
    ParseOptions,
    parse_stream,
    published_of,
)
from sahel_news.corpus._inputs import CorpusInput, InputError
from sahel_news.corpus._journal import Journal
from sahel_news.errors import MissingDependencyError, ParseError
from sahel_news.models import Source

__all__ = [
    "JOURNAL_NAME",
    "FailureRecord",
    "Progress",
    "RunOptions",
    "journal_path",
    "run_corpus",
]

JOURNAL_NAME = ".sahel-news-journal.jsonl"
_TEMPORARY_DIR = ".sahel-news-tmp"
DEFAULT_MAX_BYTES = 16 * 1024 * 1024


@attrs.frozen(slots=True)
class FailureRecord:
    """One input that gave no Article, as the errors file lists it (``id`` where a manifest
    gave one)."""

    path: str
    error: str
    message: str
    line: int | None = None
    id: str | None = None

    def to_json(self) -> str:
        record: dict[str, str | int | None] = {
            "path": self.path,
            "error": self.error,
            "message": self.message,
            "line": self.line,
        }
        if self.id is not None:
            record["id"] = self.id
        line = json.dumps(record, ensure_ascii=False)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a file name that is not UTF-8: escape it
            return json.dumps(record)
        return line


@attrs.define
class Progress:
    """How far a run has got; updated after every input, readable after an interrupt."""

    total: int
    parsed: int = 0
    failed: int = 0
    skipped: int = 0
    started: float = attrs.field(factory=time.monotonic)
    finished: float | None = None
    resumed: bool = False
    # every input without an Article, in input order: this run's and skipped ones' alike
    failures: list[FailureRecord] = attrs.Factory(list)

    @property
    def done(self) -> int:
        return self.parsed + self.failed + self.skipped

    @property
    def elapsed(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def rate(self) -> float:
        """Articles parsed per second of this run (skipped inputs not counted)."""
        return self.parsed / self.elapsed if self.elapsed > 0 else 0.0


@attrs.frozen(slots=True)
class RunOptions:
    """Where a corpus run writes, and how it parses.

    With ``output_dir`` each input gets ``<key>.json``; with ``jsonl`` one line each; with
    neither each Article goes, as one line, to the ``emit`` callback of run_corpus.
    """

    output_dir: Path | None = None
    jsonl: Path | None = None
    errors: Path | None = None
    jobs: int = 1
    batch_size: int = DEFAULT_BATCH_SIZE
    parse: ParseOptions = attrs.Factory(ParseOptions)
    zone_name: str = "UTC"
    max_bytes: int = DEFAULT_MAX_BYTES


def journal_path(options: RunOptions) -> Path | None:
    """Where the run's journal lives: in the output directory, or beside the JSONL file."""
    if options.output_dir is not None:
        return options.output_dir / JOURNAL_NAME
    if options.jsonl is not None:
        return options.jsonl.with_name(options.jsonl.name + ".journal")
    return None


@attrs.frozen(slots=True)
class _Skipped:
    index: int
    entry: dict[str, Any]


@attrs.frozen(slots=True)
class _Unreadable:
    index: int
    digest: str
    failure: CaptureFailure


def _fingerprint(options: RunOptions) -> str:
    try:
        version = metadata.version("sahel-news")
    except metadata.PackageNotFoundError:  # pragma: no cover - a bare checkout
        version = "unknown"
    shape = {
        "version": version,
        "extract": options.parse.extract,
        "tz": options.zone_name,
        "encoding": options.parse.encoding,
        "output": options.parse.output,
        "max_bytes": options.max_bytes,
    }
    return hashlib.sha256(json.dumps(shape, sort_keys=True).encode()).hexdigest()[:32]


def _check_keys(inputs: Sequence[CorpusInput]) -> None:
    seen: dict[str, str] = {}
    for item in inputs:
        earlier = seen.setdefault(item.key, item.name)
        if earlier is not item.name:
            raise InputError(
                f"{earlier} and {item.name} would both be written as {item.key}.json; "
                "rename one or give them in a manifest"
            )


class _Reader:
    """Reads an input's bytes once (stdin can be read only once) and hashes them."""

    def __init__(self, max_bytes: int, read_stdin: Callable[[], bytes]) -> None:
        self.max_bytes = max_bytes
        self.read_stdin = read_stdin
        self.stdin: bytes | None = None

    def read(self, item: CorpusInput) -> tuple[bytes | None, str, CaptureFailure | None]:
        """The bytes, their digest, or why they cannot be had."""
        meta = json.dumps(dict(item.metadata), sort_keys=True).encode()
        if item.path is None:
            if self.stdin is None:
                self.stdin = self.read_stdin()
            data = self.stdin
        else:
            try:
                size = item.path.stat().st_size
                if size > self.max_bytes:
                    failure = CaptureFailure(
                        item.name,
                        "ParseError",
                        f"the capture is {size:,} bytes, more than the limit of "
                        f"{self.max_bytes:,} (a capture is one article)",
                    )
                    return None, f"large:{size}", failure
                data = item.path.read_bytes()
            except OSError as error:
                reason = error.strerror or str(error)
                return None, "unreadable", CaptureFailure(item.name, type(error).__name__, reason)
        if len(data) > self.max_bytes:
            failure = CaptureFailure(
                item.name,
                "ParseError",
                f"the capture is {len(data):,} bytes, more than the limit of {self.max_bytes:,}",
            )
            return None, f"large:{len(data)}", failure
        return data, hashlib.sha256(data + b"\0" + meta).hexdigest(), None


_HTML_SUFFIXES = frozenset({".html", ".htm"})


def _capture(item: CorpusInput, data: bytes) -> Capture:
    known = item.metadata
    published: date | datetime | None = published_of(known.get("published"))
    source = None
    if any(known.get(k) for k in ("url", "outlet", "language")):
        source = Source(
            url=known.get("url"), outlet=known.get("outlet"), language=known.get("language")
        )
    if item.path is not None and item.path.suffix.lower() in _HTML_SUFFIXES:
        return _page_capture(item, data, published, source)
    return Capture(
        data, id=item.name, published=published, source=source, headline=known.get("headline")
    )


def _page_capture(
    item: CorpusInput, data: bytes, published: date | datetime | None, known: Source | None
) -> Capture:
    """An HTML page's main text laid out as a capture (see parse_html); what the manifest
    says about the page wins over what the page says about itself."""
    from sahel_news.capture._html import read_page  # noqa: PLC0415 - only for HTML inputs

    page = read_page(data, url=known.url if known else None, published=published)
    source = page.source
    if known is not None:
        source = Source(
            url=known.url or source.url,
            outlet=known.outlet or source.outlet,
            language=known.language or source.language,
        )
    return Capture(
        page.text,
        id=item.name,
        published=page.published,
        source=source,
        headline=item.metadata.get("headline"),
    )


class _Run:
    """One corpus run's state: the outputs being written and the records kept so far."""

    def __init__(
        self,
        inputs: Sequence[CorpusInput],
        options: RunOptions,
        progress: Progress,
        emit: Callable[[str], None] | None,
        read_stdin: Callable[[], bytes],
    ) -> None:
        self.inputs = inputs
        self.options = options
        self.progress = progress
        self.emit = emit
        self.reader = _Reader(options.max_bytes, read_stdin)
        where = journal_path(options)
        self.journal = Journal(where, _fingerprint(options)) if where is not None else None
        self.done: dict[str, dict[str, Any]] = {}
        self.prefix = 0  # JSON Lines: how many inputs the kept part of the file covers
        self.jsonl: IO[bytes] | None = None
        self.pending: deque[tuple[int, str]] = deque()
        self.temporary = (
            options.output_dir / _TEMPORARY_DIR if options.output_dir is not None else None
        )

    # -- resuming --------------------------------------------------------------------

    def prepare(self) -> None:
        """Load the journal, work out what is done, and cut the outputs back to it."""
        entries = self.journal.load() if self.journal is not None else []
        self.progress.resumed = bool(self.journal and self.journal.resumed)
        if self.options.output_dir is not None and self.journal is not None:
            self.done = {entry["key"]: entry for entry in entries}
            if self.temporary is not None:
                shutil.rmtree(self.temporary, ignore_errors=True)
            self.journal.open(list(self.done.values()))
        elif self.options.jsonl is not None and self.journal is not None:
            self.prefix = self._matching_prefix(entries)
            end = entries[self.prefix - 1]["end"] if self.prefix else 0
            self.options.jsonl.parent.mkdir(parents=True, exist_ok=True)
            with self.options.jsonl.open("ab") as file:
                if file.tell() < end:  # the file lost what the journal vouches for
                    self.prefix, end = 0, 0
                file.truncate(end)  # also cuts a line torn by a crash
            self.journal.open(entries[: self.prefix])
            self.done = {entry["key"]: entry for entry in entries[: self.prefix]}
            self.jsonl = self.options.jsonl.open("ab")

    def _matching_prefix(self, entries: list[dict[str, Any]]) -> int:
        """How many inputs, from the first, the JSON Lines file already holds unchanged."""
        count = 0
        for item, entry in zip(self.inputs, entries, strict=False):
            if entry.get("key") != item.key:
                break
            _, digest, _ = self.reader.read(item)
            if entry.get("hash") != digest:
                break
            count += 1
        return count

    def _is_done(self, item: CorpusInput, digest: str) -> dict[str, Any] | None:
        entry = self.done.get(item.key)
        if entry is None or entry.get("hash") != digest:
            return None
        output_dir = self.options.output_dir
        written = output_dir is None or (output_dir / f"{item.key}.json").is_file()
        if entry.get("status") == "parsed" and not written:
            return None
        return entry

    # -- the work --------------------------------------------------------------------

    def items(self) -> Iterator[Capture | _Skipped | _Unreadable]:
        for index, item in enumerate(self.inputs):
            if index < self.prefix:
                yield _Skipped(index, self.done[item.key])
                continue
            data, digest, failure = self.reader.read(item)
            if failure is not None:
                yield _Unreadable(index, digest, failure)
                continue
            entry = self._is_done(item, digest) if self.options.output_dir is not None else None
            if entry is not None:
                yield _Skipped(index, entry)
                continue
            try:
                capture = _capture(item, data or b"")
            except ParseError as error:  # an HTML page with no article text
                failure = CaptureFailure(item.name, "ParseError", error.reason, error.line)
                yield _Unreadable(index, digest, failure)
                continue
            except MissingDependencyError as error:  # an HTML page without sahel-news[html]
                failure = CaptureFailure(item.name, "MissingDependencyError", str(error))
                yield _Unreadable(index, digest, failure)
                continue
            except (TypeError, ValueError) as error:
                yield _Unreadable(
                    index, digest, CaptureFailure(item.name, "ValueError", str(error))
                )
                continue
            self.pending.append((index, digest))
            yield capture

    def record_failure(self, index: int, digest: str, failure: CaptureFailure) -> None:
        item = self.inputs[index]
        self.progress.failed += 1
        self.progress.failures.append(
            FailureRecord(
                item.name, failure.error, failure.message, failure.line, item.metadata.get("id")
            )
        )
        if self.options.output_dir is not None:
            (self.options.output_dir / f"{item.key}.json").unlink(missing_ok=True)
        self._journal(item, digest, "failed", failure)

    def record_article(self, index: int, digest: str, document: str) -> None:
        item = self.inputs[index]
        data = document.encode("utf-8")
        if self.options.output_dir is not None and self.temporary is not None:
            target = self.options.output_dir / f"{item.key}.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            self.temporary.mkdir(parents=True, exist_ok=True)
            temporary = self.temporary / f"{index}.json"
            temporary.write_bytes(data)
            temporary.replace(target)
        elif self.jsonl is not None:
            self.jsonl.write(data)
            self.jsonl.flush()
        elif self.emit is not None:
            self.emit(document)
        self.progress.parsed += 1
        self._journal(item, digest, "parsed", None)

    def _journal(
        self, item: CorpusInput, digest: str, status: str, failure: CaptureFailure | None
    ) -> None:
        if self.journal is None:
            return
        entry: dict[str, Any] = {"key": item.key, "hash": digest, "status": status}
        if failure is not None:
            entry["failure"] = [failure.error, failure.message, failure.line]
        if self.jsonl is not None:
            entry["end"] = self.jsonl.tell()
        self.journal.append(entry)

    def skip(self, skipped: _Skipped) -> None:
        item = self.inputs[skipped.index]
        self.progress.skipped += 1
        failure = skipped.entry.get("failure")
        if skipped.entry.get("status") == "failed" and failure:
            error, message, line = failure
            self.progress.failures.append(
                FailureRecord(item.name, error, message, line, item.metadata.get("id"))
            )

    def finish(self) -> None:
        """Close the outputs and write the errors file (also after an interrupt)."""
        if self.jsonl is not None:
            self.jsonl.close()
        if self.journal is not None:
            self.journal.close()
        if self.temporary is not None:
            shutil.rmtree(self.temporary, ignore_errors=True)
        if self.options.errors is not None:
            write_atomically(
                self.options.errors,
                "".join(record.to_json() + "\n" for record in self.progress.failures),
            )


def write_atomically(path: Path, text: str) -> None:
    """Write *text* to *path* through a temporary file renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def run_corpus(
    inputs: Sequence[CorpusInput],
    options: RunOptions,
    progress: Progress,
    *,
    on_progress: Callable[[Progress], None] = lambda _: None,
    emit: Callable[[str], None] | None = None,
    read_stdin: Callable[[], bytes] = lambda: b"",
) -> Progress:
    """Parse every input, writing as *options* says; a bad input never stops the run.

    Args:
        inputs: the captures, in the order their results are written.
        options: outputs and parsing options.
        progress: the counts, updated as the run goes (and still there after an interrupt).
        on_progress: called after each input.
        emit: where each Article's JSON line goes when there is no output file or directory.
        read_stdin: reads standard input, for an input named ``-``.

    Returns:
        *progress*, finished.

    Raises:
        InputError: if two inputs would be written to the same output.
        OSError: if an output cannot be written.
    """
    _check_keys(inputs)
    batches = -(-len(inputs) // options.batch_size)
    options = attrs.evolve(options, jobs=max(1, min(options.jobs, batches)))
    output: Literal["json", "jsonl"] = "json" if options.output_dir is not None else "jsonl"
    parse = attrs.evolve(options.parse, output=output, file_url=True)
    run = _Run(inputs, attrs.evolve(options, parse=parse), progress, emit, read_stdin)
    run.prepare()
    on_progress(progress)
    results: Generator[object, None, None] = parse_stream(
        run.items(), parse, n_process=options.jobs, batch_size=options.batch_size
    )
    try:
        for result in results:
            if isinstance(result, _Skipped):
                run.skip(result)
            elif isinstance(result, _Unreadable):
                run.record_failure(result.index, result.digest, result.failure)
            else:
                index, digest = run.pending.popleft()
                if isinstance(result, CaptureFailure):
                    run.record_failure(index, digest, result)
                elif isinstance(result, str):
                    run.record_article(index, digest, result)
                else:  # pragma: no cover - the options ask for JSON text
                    raise TypeError(f"unexpected result {type(result).__name__}")
            on_progress(progress)
    finally:
        results.close()
        run.finish()
        progress.finished = time.monotonic()
    return progress
