"""The inputs of a corpus run: files, directories walked in order, stdin, a manifest."""

from __future__ import annotations

import csv
import fnmatch
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import attrs

from sahel_news.errors import SahelNewsError

__all__ = ["CorpusInput", "InputError", "find_inputs", "read_manifest"]

STDIN = "-"
_MANIFEST_FIELDS = ("id", "url", "outlet", "language", "published", "headline")


class InputError(SahelNewsError, ValueError):
    """The inputs of a corpus run cannot be listed: a missing path, a bad manifest line."""


@attrs.frozen(slots=True)
class CorpusInput:
    """One capture of a corpus run: where it is, its output key, and its metadata.

    ``key`` names its output (``a/b`` becomes ``a/b.json``) and its place in the journal;
    ``name`` is how messages and the errors file name it (the path as given, or ``-``).
    """

    path: Path | None  # None: standard input
    name: str
    key: str
    metadata: Mapping[str, str] = attrs.field(factory=dict)


def _key(relative: PurePosixPath) -> str:
    return str(relative.with_suffix("")) if relative.suffix else str(relative)


def _walk(root: Path, glob: str | None, excluded: frozenset[Path]) -> Iterator[Path]:
    """Files under *root*, hidden ones and the run's own outputs left out."""
    for directory, subdirectories, files in os.walk(root):
        here = Path(directory)
        subdirectories[:] = sorted(
            d for d in subdirectories if not d.startswith(".") and here / d not in excluded
        )
        for name in sorted(files):
            path = here / name
            if name.startswith(".") or path in excluded:
                continue
            relative = path.relative_to(root).as_posix()
            pattern_target = relative if glob and "/" in glob else name
            if glob is None or fnmatch.fnmatchcase(pattern_target, glob):
                yield path


def find_inputs(
    arguments: Iterable[str], *, glob: str | None = None, excluded: Iterable[Path] = ()
) -> list[CorpusInput]:
    """The captures named by *arguments*: files, directories (walked, sorted by path), ``-``.

    A file's key is its name, a walked file's its path below the directory, both without
    the suffix. *glob* filters walked files by name (or by relative path if it has a ``/``).

    Raises:
        InputError: if an argument names nothing.
    """
    skip = frozenset(p.resolve() for p in excluded)
    found: list[CorpusInput] = []
    for argument in arguments:
        if argument == STDIN:
            found.append(CorpusInput(None, STDIN, "stdin"))
            continue
        path = Path(argument)
        if path.is_dir():
            walked = _walk(path, glob, frozenset(_relative_to(path, skip)))
            for file in sorted(walked, key=lambda file: file.relative_to(path).parts):
                relative = PurePosixPath(file.relative_to(path).as_posix())
                found.append(CorpusInput(file, str(file), _key(relative)))
        elif path.exists():
            found.append(CorpusInput(path, argument, _key(PurePosixPath(path.name))))
        else:
            raise InputError(f"{argument}: no such file or directory")
    return found


def _relative_to(root: Path, resolved: frozenset[Path]) -> Iterator[Path]:
    """The excluded paths as *root* spells them, so the walk can compare them directly."""
    absolute_root = root.resolve()
    for path in resolved:
        if path.is_relative_to(absolute_root):
            yield root / path.relative_to(absolute_root)


def _rows(manifest: Path, data: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    suffix = manifest.suffix.casefold()
    looks_jsonl = suffix in {".jsonl", ".ndjson", ".json"} or (
        suffix != ".csv" and data.lstrip().startswith("{")
    )
    if looks_jsonl:
        for number, line in enumerate(data.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{manifest}:{number}: not JSON: {error.msg}") from None
            if not isinstance(row, dict):
                raise InputError(f"{manifest}:{number}: a manifest line is a JSON object")
            yield number, row
        return
    reader = csv.DictReader(io.StringIO(data, newline=""))
    for row in reader:
        yield reader.line_num, row


def read_manifest(manifest: Path) -> list[CorpusInput]:
    """The captures a JSONL or CSV manifest lists: ``path`` plus any of id, url, outlet,
    language, published, headline (``title`` is read as headline); other columns are ignored.

    A relative path is read from the manifest's directory; the key is that relative path.

    Raises:
        InputError: if the manifest cannot be read, or a row has no path.
    """
    try:
        data = manifest.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8"
        raise InputError(f"{manifest}: cannot read the manifest: {reason}") from None
    base = manifest.parent
    found: list[CorpusInput] = []
    for number, row in _rows(manifest, data):
        path_text = row.get("path")
        if not isinstance(path_text, str) or not path_text.strip():
            raise InputError(f"{manifest}:{number}: no 'path' in this row")
        given = Path(path_text.strip())
        path = given if given.is_absolute() else base / given
        if given.is_absolute() or ".." in given.parts:
            relative = PurePosixPath(given.name)
        else:
            relative = PurePosixPath(given.as_posix())
        values = {**row}
        if not values.get("headline") and values.get("title"):
            values["headline"] = values["title"]
        metadata = {
            field: str(values[field]).strip()
            for field in _MANIFEST_FIELDS
            if values.get(field) not in (None, "")
        }
        found.append(CorpusInput(path, str(path), _key(relative), metadata))
    return found
