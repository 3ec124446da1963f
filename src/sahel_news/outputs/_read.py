"""Articles from files: Article JSON documents, JSONL files, and directories of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from sahel_news.convert import from_json
from sahel_news.errors import InputError, ValidationError
from sahel_news.models import Article

__all__ = ["JSONL_SUFFIXES", "read_articles"]

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_SUFFIXES = JSONL_SUFFIXES | {".json"}


def _problems(error: ValidationError) -> list[str]:
    return [str(problem) for problem in error.problems]


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix.lower() in _SUFFIXES and p.is_file())
    return [path]


def _document(path: Path) -> Article:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), [f"cannot read: {error.strerror or error}"]) from None
    try:
        return from_json(data, Article)
    except ValidationError as error:
        raise InputError(str(path), _problems(error)) from None


def _stream_lines(stream: IO[bytes], name: str) -> Iterator[Article | InputError]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            yield from_json(line, Article)
        except ValidationError as error:
            yield InputError(f"{name}:{number}", _problems(error))


def _lines(path: Path) -> Iterator[Article | InputError]:
    try:
        stream = path.open("rb")
    except OSError as error:
        yield InputError(str(path), [f"cannot read: {error.strerror or error}"])
        return
    with stream:
        yield from _stream_lines(stream, str(path))


def _each(inputs: Iterable[str | Path | IO[bytes]]) -> Iterator[Article | InputError]:
    for name in inputs:
        if not isinstance(name, str | Path):
            yield from _stream_lines(name, getattr(name, "name", "<stream>"))
            continue
        path = Path(name)
        if not path.exists():
            yield InputError(str(path), ["no such file or directory"])
            continue
        for file in _files(path):
            if file.suffix.lower() in JSONL_SUFFIXES:
                yield from _lines(file)
            else:
                try:
                    yield _document(file)
                except InputError as error:
                    yield error


def read_articles(
    inputs: Iterable[str | Path | IO[bytes]],
    *,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[Article]:
    """The Articles in *inputs*, one by one, in the order given.

    Each input is an Article JSON file, a JSONL file (``.jsonl`` or ``.ndjson``: one Article
    JSON document per line, blank lines skipped) or a directory, whose ``.json``, ``.jsonl``
    and ``.ndjson`` files are read in sorted order, subdirectories included. Every document
    is validated as `sahel_news.from_json` does. An open binary stream (such as
    ``sys.stdin.buffer``) is read as JSONL.

    Args:
        inputs: paths of files and directories, or binary streams.
        on_error: called with each input that cannot be read, and reading goes on; without
            it the first such input raises.

    Raises:
        InputError: (without *on_error*) for a missing or unreadable file, or a document that
            is not a valid Article (naming the file, the line of a JSONL file, and each
            problem's JSON path).
    """
    for item in _each(inputs):
        if isinstance(item, InputError):
            if on_error is None:
                raise item
            on_error(item)
        else:
            yield item
