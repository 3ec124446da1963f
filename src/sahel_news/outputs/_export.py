"""Exports of a corpus: PLOVER JSONL, ACLED, event, actor and country CSV, Parquet tables."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from sahel_news.convert.exports import to_plover
from sahel_news.models import Article
from sahel_news.outputs._csv import write_csv
from sahel_news.outputs._parquet import write_parquet
from sahel_news.outputs._tables import ROW_TYPES, AcledRow, ActorRow, CountryRow, EventRow, rows_of

__all__ = ["CSV_FORMATS", "FORMATS", "STREAM_FORMATS", "export", "write_export"]

CSV_FORMATS: dict[str, type] = {
    "acled-csv": AcledRow,
    "events-csv": EventRow,
    "actors-csv": ActorRow,
    "countries-csv": CountryRow,
}
STREAM_FORMATS: tuple[str, ...] = ("plover-jsonl", *CSV_FORMATS)
FORMATS: tuple[str, ...] = (*STREAM_FORMATS, "parquet")


def _plover_lines(articles: Iterable[Article]) -> Iterator[bytes]:
    for article in articles:
        for record in to_plover(article):
            yield json.dumps(record, ensure_ascii=False).encode() + b"\n"


def write_export(
    articles: Iterable[Article], fmt: str, stream: IO[bytes], *, bom: bool = True
) -> int:
    """Write *articles* in the one-file format *fmt* to the binary *stream*; return the row count.

    Args:
        articles: the corpus, read once.
        fmt: one of `STREAM_FORMATS`: ``plover-jsonl`` (one `sahel_news.to_plover` record
            per line) or a CSV table (``acled-csv``, ``events-csv``, ``actors-csv``,
            ``countries-csv``).
        stream: where the bytes go.
        bom: start CSV with a UTF-8 byte order mark (for Excel).

    Raises:
        ValueError: if *fmt* is not one of `STREAM_FORMATS`.
    """
    if fmt == "plover-jsonl":
        count = 0
        for line in _plover_lines(articles):
            stream.write(line)
            count += 1
        return count
    if fmt not in CSV_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(STREAM_FORMATS)}")
    row_type = CSV_FORMATS[fmt]
    return write_csv(rows_of(row_type, articles), row_type, stream, bom=bom)


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside *path* that replaces it at the end, and only if all went well."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.part")
    # os.open, not tempfile: the file gets the usual permissions (0666 less the umask), not
    # tempfile's private 0600, since it becomes the user's output.
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        yield temporary
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def export(articles: Iterable[Article], fmt: str, out: str | Path, *, bom: bool = True) -> int:
    """Write *articles* in the format *fmt* to *out*; return the number of rows written.

    A stream format (see `write_export`) writes the file *out*. ``parquet`` makes *out* a
    directory holding ``events.parquet``, ``actors.parquet``, ``countries.parquet`` and
    ``acled.parquet`` (the row count is then that of the events). Each file is written beside
    its place and moved there when complete, so a failed export leaves no half-written file.

    Raises:
        ValueError: if *fmt* is not one of `FORMATS`.
        MissingDependencyError: for ``parquet`` without pyarrow.
        OSError: if *out* cannot be written.
    """
    out = Path(out)
    if fmt != "parquet":
        if fmt not in STREAM_FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        with _replacing(out) as temporary, temporary.open("wb") as stream:
            return write_export(articles, fmt, stream, bom=bom)
    corpus = list(articles)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, row_type in ROW_TYPES.items():
        with _replacing(out / f"{name}.parquet") as temporary:
            counts[name] = write_parquet(rows_of(row_type, corpus), row_type, temporary)
    return counts["events"]
