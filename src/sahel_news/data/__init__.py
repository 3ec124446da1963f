"""Versioned data tables (gazetteers, lexicons, boilerplate) shipped with the package.

Every table is a JSON file in this folder with ``version``, ``source`` and ``license`` next
to its ``entries``. Users extend a table without touching code: put a JSON file of the same
name and shape in a folder and name that folder in the ``SAHEL_NEWS_DATA`` environment
variable (several folders separated by ``os.pathsep``), pass it to `add_data_dir`, or use
it for a block of code with `user_data`. User
entries are read after the package's, so they add to it and, where a table is keyed, win.

This package imports nothing of sahel_news but the errors, so any layer may use it.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Protocol, TypeVar

import attrs

from sahel_news.errors import SahelNewsError

__all__ = [
    "PLACE_KINDS",
    "CountryEntry",
    "DataTableError",
    "PlaceEntry",
    "add_data_dir",
    "clear_caches",
    "country_table",
    "fips_table",
    "load_entries",
    "place_table",
    "remove_data_dir",
    "table_info",
    "user_data",
]

ENV_VAR = "SAHEL_NEWS_DATA"
_extra_dirs: list[Path] = []


class DataTableError(SahelNewsError, ValueError):
    """A data table (the package's or a user's) is missing, unreadable or malformed."""


def _read_user_table(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataTableError(f"{path}: not UTF-8 (byte {error.start})") from None
    except OSError as error:
        raise DataTableError(f"{path}: cannot read: {error.strerror or error}") from None


def add_data_dir(path: str | os.PathLike[str]) -> None:
    """Read user tables from *path* too (after the package's and those named by the env var).

    Raises:
        DataTableError: if *path* is not a folder.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise DataTableError(f"{folder}: not a folder")
    _extra_dirs.append(folder)
    clear_caches()


def remove_data_dir(path: str | os.PathLike[str]) -> None:
    """Stop reading user tables from *path* (added by `add_data_dir`).

    Raises:
        DataTableError: if *path* was not added.
    """
    folder = Path(path)
    if folder not in _extra_dirs:
        raise DataTableError(f"{folder}: not a data folder in use")
    # the last one added goes first, so nested uses of one folder undo in order
    del _extra_dirs[len(_extra_dirs) - 1 - _extra_dirs[::-1].index(folder)]
    clear_caches()


@contextlib.contextmanager
def user_data(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Read user tables from *path* inside the ``with`` block only.

    ``with sahel_news.user_data("my_tables"): ...`` adds the folder as `add_data_dir` does
    and removes it on the way out, even after an error; the tables are read again on both
    sides. Yields the folder as a Path.

    Raises:
        DataTableError: if *path* is not a folder.
    """
    add_data_dir(path)
    try:
        yield Path(path)
    finally:
        remove_data_dir(path)


def clear_caches() -> None:
    """Forget every loaded table, so the next use reads the files again."""
    _read_package_table.cache_clear()
    country_table.cache_clear()
    for hook in _cache_clearers:
        hook()


_cache_clearers: list[Callable[[], None]] = []


class _Clearable(Protocol):
    def cache_clear(self) -> None: ...


_Cached = TypeVar("_Cached", bound=_Clearable)


def register_cache(cached: _Cached) -> _Cached:
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
    entries: list[Any] = []
    for _origin, body in _bodies(name):
        entries.extend(body)
    return entries


def _bodies(name: str) -> list[tuple[str, list[Any]]]:
    """Each file's entries of table *name*, in reading order, with the file they come from."""
    documents = [(f"sahel_news/data/{name}.json", _read_package_table(name))]
    for folder in _user_dirs():
        path = folder / f"{name}.json"
        if path.is_file():
            documents.append((str(path), _parse(_read_user_table(path), str(path))))
    bodies: list[tuple[str, list[Any]]] = []
    for origin, document in documents:
        body = document["entries"]
        items = [list(item) for item in body.items()] if isinstance(body, dict) else list(body)
        bodies.append((origin, items))
    return bodies


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
    for item in load_entries("countries"):
        if not isinstance(item, list) or len(item) != 2 or not isinstance(item[0], str):
            raise DataTableError("countries.json: 'entries' is an object keyed by alpha-3 code")
        alpha3, raw = item
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


# The values of sahel_news.models.PlaceKind; repeated here because this package imports
# nothing else of sahel_news (a test keeps the two in step).
PLACE_KINDS = ("capital", "city", "town", "region", "site", "other")


@attrs.frozen
class PlaceEntry:
    """One gazetteer place: its name, other spellings, country (alpha-3) and PlaceKind value.

    ``country`` is None for features that span several countries (Lake Chad).
    """

    name: str
    aliases: tuple[str, ...]
    country: str | None
    kind: str


def _is_code(value: object, length: int) -> bool:
    return (
        isinstance(value, str)
        and len(value) == length
        and value.isascii()
        and value.isalpha()
        and value.isupper()
    )


def _place(raw: object, where: str) -> PlaceEntry:
    if not isinstance(raw, dict):
        raise DataTableError(f"{where}: expected an object")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DataTableError(f"{where}.name: expected a non-empty string")
    where = f"{where} ({name})"
    country = raw.get("country")
    if country is not None and not _is_code(country, 3):
        raise DataTableError(f"{where}.country: expected an alpha-3 code or null, got {country!r}")
    kind = raw.get("kind", "other")
    if kind not in PLACE_KINDS:
        raise DataTableError(
            f"{where}.kind: expected one of {', '.join(PLACE_KINDS)}, got {kind!r}"
        )
    aliases = _strings(raw.get("aliases"), f"{where}.aliases")
    return PlaceEntry(name=name, aliases=aliases, country=country, kind=kind)


@functools.cache
def place_table() -> tuple[PlaceEntry, ...]:
    """The gazetteer of places that are not countries (``places.json``), in table order.

    A later entry with the same name and country as an earlier one replaces it in place, so
    a user table can correct a package entry.

    Raises:
        DataTableError: if an entry is not a place object with a valid kind and country.
    """
    places: dict[tuple[str, str | None], PlaceEntry] = {}
    for origin, body in _bodies("places"):
        for index, raw in enumerate(body):
            place = _place(raw, f"{origin}: entries[{index}]")
            places[place.name, place.country] = place
    return tuple(places.values())


@functools.cache
def fips_table() -> Mapping[str, str]:
    """ISO alpha-3 code -> FIPS 10-4 country code, as GDELT uses it (``fips.json``).

    Raises:
        DataTableError: if a key is not an alpha-3 code or a value not a two-letter code.
    """
    table: dict[str, str] = {}
    for origin, body in _bodies("fips"):
        for item in body:
            if not isinstance(item, list) or len(item) != 2:
                raise DataTableError(f"{origin}: entries is an object of alpha-3 -> FIPS code")
            key, value = item
            where = f"{origin}: {key}"
            if not _is_code(key, 3):
                raise DataTableError(f"{where}: keys are upper-case alpha-3 codes")
            if not _is_code(value, 2):
                raise DataTableError(f"{where}: expected a two-letter FIPS code, got {value!r}")
            table[key] = value
    return table


register_cache(place_table)
register_cache(fips_table)
