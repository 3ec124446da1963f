"""Versioned data tables (gazetteers, lexicons, boilerplate) shipped with the package.

Every table is a JSON file in this folder with ``version``, ``source`` and ``license`` next
to its ``entries``. Users extend a table without touching code: put a JSON file of the same
name and shape in a folder and name that folder in the ``SAHEL_NEWS_DATA`` environment
variable (several folders separated by ``os.pathsep``) or pass it to `add_data_dir`. User
entries are read after the package's, so they add to it and, where a table is keyed, win.

This package imports nothing else of sahel_news, so any layer may use it.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

__all__ = [
    "CountryEntry",
    "DataTableError",
    "add_data_dir",
    "clear_caches",
    "country_table",
    "load_entries",
    "table_info",
]

ENV_VAR = "SAHEL_NEWS_DATA"
_extra_dirs: list[Path] = []


class DataTableError(ValueError):
    """A data table (the package's or a user's) is missing or malformed."""


def add_data_dir(path: str | os.PathLike[str]) -> None:
    """Read user tables from *path* too (after the package's and those named by the env var)."""
    folder = Path(path)
    if not folder.is_dir():
        raise DataTableError(f"{folder}: not a folder")
    _extra_dirs.append(folder)
    clear_caches()


def clear_caches() -> None:
    """Forget every loaded table, so the next use reads the files again."""
    _read_package_table.cache_clear()
    country_table.cache_clear()
    for hook in _cache_clearers:
        hook()


_cache_clearers: list[Any] = []


def register_cache(cached: Any) -> Any:
    """Decorator: clear this ``functools.cache`` function with the tables (for table modules)."""
    _cache_clearers.append(cached.cache_clear)
    return cached


def _user_dirs() -> list[Path]:
    env = os.environ.get(ENV_VAR, "")
    return [Path(p) for p in env.split(os.pathsep) if p] + _extra_dirs


def _parse(text: str, origin: str) -> dict[str, Any]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataTableError(f"{origin}: line {error.lineno}: {error.msg}") from None
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list | dict):
        raise DataTableError(f"{origin}: a table is an object with an 'entries' list or object")
    return document


@functools.cache
def _read_package_table(name: str) -> dict[str, Any]:
    resource = resources.files(__name__).joinpath(f"{name}.json")
    if not resource.is_file():
        raise DataTableError(f"no data table called {name!r}")
    return _parse(resource.read_text(encoding="utf-8"), f"sahel_news/data/{name}.json")


def table_info(name: str) -> Mapping[str, Any]:
    """The ``version``, ``source`` and ``license`` notes of the package table *name*."""
    document = _read_package_table(name)
    return {k: v for k, v in document.items() if k != "entries"}


def load_entries(name: str) -> list[Any]:
    """The entries of table *name*: the package's first, then each user folder's, in order.

    Keyed tables (whose ``entries`` is an object) come back as a list of ``[key, value]``
    pairs, so that later pairs can override earlier ones.
    """
    documents = [_read_package_table(name)]
    for folder in _user_dirs():
        path = folder / f"{name}.json"
        if path.is_file():
            documents.append(_parse(path.read_text(encoding="utf-8"), str(path)))
    entries: list[Any] = []
    for document in documents:
        body = document["entries"]
        entries.extend([list(item) for item in body.items()] if isinstance(body, dict) else body)
    return entries


def _strings(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DataTableError(f"{where}: expected a list of non-empty strings")
    return tuple(value)


@attrs.frozen
class CountryEntry:
    """What the country table knows of one country, beyond its ISO codes."""

    alpha3: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]
    ambiguous: tuple[str, ...]


@functools.cache
def country_table() -> Mapping[str, CountryEntry]:
    """alpha-3 code -> names, demonyms, capitals and seats of government (``countries.json``)."""
    table: dict[str, CountryEntry] = {}
    for alpha3, raw in load_entries("countries"):
        where = f"countries.json: {alpha3}"
        if not isinstance(raw, dict):
            raise DataTableError(f"{where}: expected an object")
        table[alpha3] = CountryEntry(
            alpha3=alpha3,
            names=_strings(raw.get("names"), f"{where}.names"),
            demonyms=_strings(raw.get("demonyms"), f"{where}.demonyms"),
            capitals=_strings(raw.get("capitals"), f"{where}.capitals"),
            seats=_strings(raw.get("seats"), f"{where}.seats"),
            ambiguous=_strings(raw.get("ambiguous"), f"{where}.ambiguous"),
        )
    return table
