"""Versioned data tables (gazetteers, lexicons, word lists, boilerplate) shipped with the package.

Every table is a JSON file in this folder with a semantic ``version``, ``source`` and
``license`` next to its ``entries``. Each kind of entry is an attrs class here (its schema:
`PlaceEntry`, `ActorEntry`, `TriggerGroup`, ...; `json_schema` gives the same as JSON
Schema), and every entry has an id (`TABLES` says how each table is laid out and keyed).

Users change a table without touching code: put a JSON file of the same name and shape in
a folder and name that folder in the ``SAHEL_NEWS_DATA`` environment variable (several
folders separated by ``os.pathsep``), pass it to `add_data_dir`, or use it for a block of
code with `user_data`. User tables are read after the package's, entry by entry: an entry
with an earlier entry's id replaces it in place, a new id is added, and a top-level
``"remove"`` (a list of ids; for tables of named lists, an object of list -> ids) takes
entries out::

    {"entries": [{"name": "Kébémer", "country": "SEN", "kind": "town"}],
     "remove": ["Kidal/MLI"]}

A broken user table raises `DataTableError` naming the file, the entry (index and id) and
the reason. docs/entities.md has a runnable example.

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

from sahel_news.data._schema import (
    PLACE_KINDS,
    TIME_WORD_KINDS,
    ActorEntry,
    BoilerplatePhrase,
    CountryEntry,
    CountrySet,
    Descriptor,
    FipsEntry,
    OrgHeadTemplate,
    PlaceEntry,
    TimeWord,
    TriggerGroup,
)
from sahel_news.data._tables import (
    TABLES,
    Section,
    entry_id,
    json_schema,
    structure,
    structure_trusted,
)
from sahel_news.errors import SahelNewsError

__all__ = [
    "PLACE_KINDS",
    "TABLES",
    "TIME_WORD_KINDS",
    "ActorEntry",
    "BoilerplatePhrase",
    "CountryEntry",
    "CountrySet",
    "DataTableError",
    "Descriptor",
    "FipsEntry",
    "OrgHeadTemplate",
    "PlaceEntry",
    "TimeWord",
    "TriggerGroup",
    "abbreviations",
    "add_data_dir",
    "clear_caches",
    "country_table",
    "entry_origin",
    "fips_table",
    "json_schema",
    "load_entries",
    "month_names",
    "place_table",
    "remove_data_dir",
    "table_entries",
    "table_info",
    "table_words",
    "user_data",
    "weekday_names",
    "word_set",
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
    """The raw entries of table *name* as written: the package's, then each user folder's.

    Nothing is merged, removed or checked (keyed tables come back as ``[key, value]``
    pairs): for looking at the files. The library reads `table_entries` and `table_words`.
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


_T = TypeVar("_T")


@attrs.frozen
class _Loaded:
    """A merged table: each section's entries in order, and where each entry was read."""

    sections: Mapping[str | None, tuple[Any, ...]]
    origins: Mapping[int, str]


def _documents(name: str) -> list[tuple[str, dict[str, Any], bool]]:
    """Each file of table *name* in reading order: its path, its document, whether trusted."""
    documents = [(f"sahel_news/data/{name}.json", _read_package_table(name), True)]
    for folder in _user_dirs():
        path = folder / f"{name}.json"
        if path.is_file():
            documents.append((str(path), _parse(_read_user_table(path), str(path)), False))
    return documents


def _section_body(section: Section, entries: Any, origin: str) -> tuple[str, list[Any]]:
    """Where *section* sits in a document's *entries* and its raw entries there."""
    where = "entries" if section.key is None else f"entries.{section.key}"
    missing: Any = {} if section.id_field is not None else []  # a user table names few lists
    body = entries if section.key is None else entries.get(section.key, missing)
    if section.id_field is not None:
        if not isinstance(body, dict):
            raise DataTableError(f"{origin}: {where}: expected an object keyed by id")
        return where, list(body.items())
    if not isinstance(body, list):
        raise DataTableError(f"{origin}: {where}: expected a list")
    return where, body


def _locator(section: Section, where: str, index: int, raw: Any) -> str:
    """Where a raw entry is in its file: ``entries[3]``, ``entries.heads[3]``, ``entries.MLI``."""
    return f"{where}.{raw[0]}" if section.id_field is not None else f"{where}[{index}]"


def _read_entry(
    section: Section, raw: Any, locator: Callable[[], str], origin: str, *, trusted: bool
) -> tuple[str | None, Any]:
    """The id and structured entry of one raw entry of *section*.

    *locator* says where the entry is; it is only called for an error or a user entry.
    """
    ident = entry_id(section, raw)

    def named() -> str:
        keyed = section.id_field is not None  # the locator holds the id already
        return f"{origin}: {locator()}" + ("" if ident is None or keyed else f" ({ident!r})")

    if section.entry is None:
        if not isinstance(raw, str) or not raw.strip():
            raise DataTableError(f"{named()}: expected a non-blank string, got {raw!r}")
        return raw, raw
    if section.id_field is not None:
        key, value = raw
        fields = {section.value_field: value} if section.value_field is not None else value
        if not isinstance(fields, dict):
            raise DataTableError(f"{named()}: expected an object")
        fields = {section.id_field: key, **fields}
    elif isinstance(raw, dict):
        fields = raw
    else:
        raise DataTableError(f"{named()}: expected an object, got {raw!r}")
    if section.renames:
        fields = {section.renames.get(k, k): v for k, v in fields.items()}
    entry = structure_trusted(section.entry, fields) if trusted else None
    if entry is None:
        entry, reasons = structure(section.entry, fields, locator())
        if entry is None:
            raise DataTableError(f"{named()}: {reasons}")
    return ident, entry


def _removals(section: Section, remove: Any, origin: str) -> list[Any]:
    ids = remove if section.key is None else remove.get(section.key, [])
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        where = "remove" if section.key is None else f"remove.{section.key}"
        raise DataTableError(f"{origin}: {where}: expected a list of ids")
    return ids


def _is_word(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _read_body(
    section: Section,
    body: list[Any],
    where: str,
    origin: str,
    *,
    table: dict[Any, Any],
    origins: dict[int, str],
    trusted: bool,
) -> None:
    """Read the raw entries of one section of one file into *table*, by id."""
    for index, raw in enumerate(body):
        locator = functools.partial(_locator, section, where, index, raw)
        ident, entry = _read_entry(section, raw, locator, origin, trusted=trusted)
        # an entry without an id is only ever added
        table[ident if ident is not None else object()] = entry
        if not trusted:
            origins[id(entry)] = f"{origin}: {locator()}"


def _check_lists(sections: tuple[Section, ...], lists: dict[str, Any], where: str) -> None:
    unknown = set(lists) - {s.key for s in sections}
    if unknown:
        known = ", ".join(str(s.key) for s in sections)
        raise DataTableError(f"{where}: unknown list {min(unknown)!r} (known: {known})")


@functools.cache
def _load(name: str) -> _Loaded:
    """Table *name*: the package's entries, then each user folder's, merged by id."""
    sections = TABLES.get(name)
    if sections is None:
        raise DataTableError(f"no data table called {name!r}")
    merged: dict[str | None, dict[Any, Any]] = {s.key: {} for s in sections}
    origins: dict[int, str] = {}
    for origin, document, trusted in _documents(name):
        entries = document["entries"]
        sectioned = sections[0].key is not None
        remove = document.get("remove")
        if sectioned:
            if not isinstance(entries, dict):
                raise DataTableError(f"{origin}: entries: expected an object of named lists")
            _check_lists(sections, entries, f"{origin}: entries")
            if remove is not None:
                if not isinstance(remove, dict):
                    raise DataTableError(f"{origin}: remove: expected an object of list -> ids")
                _check_lists(sections, remove, f"{origin}: remove")
        elif remove is not None and not isinstance(remove, list):
            raise DataTableError(f"{origin}: remove: expected a list of ids")
        for section in sections:
            table = merged[section.key]
            where, body = _section_body(section, entries, origin)
            if trusted and section.entry is None and all(map(_is_word, body)):
                table.update(zip(body, body, strict=True))  # a package word list, read at once
            else:
                _read_body(
                    section, body, where, origin, table=table, origins=origins, trusted=trusted
                )
            if remove is not None:
                for ident in _removals(section, remove, origin):
                    if table.pop(ident, None) is None:
                        raise DataTableError(
                            f"{origin}: remove: {ident!r} is in no table read before this one"
                        )
    return _Loaded({key: tuple(table.values()) for key, table in merged.items()}, origins)


def table_entries(name: str, entry: type[_T], section: str | None = None) -> tuple[_T, ...]:
    """The entries of table *name* (or of one *section* of it), merged by id, in order.

    Raises:
        DataTableError: if a table is unreadable or an entry malformed, naming file, entry
            and reason.
    """
    entries = _load(name).sections[section]
    if entries and not isinstance(entries[0], entry):
        raise TypeError(f"{name}.{section} holds {type(entries[0]).__name__}, not {entry}")
    return entries


def table_words(name: str, section: str) -> tuple[str, ...]:
    """The words of list *section* of table *name* (``titles``, ``words``), merged by word.

    Raises:
        DataTableError: as `table_entries`.
    """
    return _load(name).sections[section]


def entry_origin(name: str, entry: object) -> str:
    """Where *entry* of table *name* was read: ``"<file>: entries[3]"``, for error messages."""
    origin = _load(name).origins.get(id(entry))
    return origin if origin is not None else f"sahel_news/data/{name}.json"


@functools.cache
def country_table() -> Mapping[str, CountryEntry]:
    """alpha-3 code -> names, demonyms, capitals and seats of government (``countries.json``)."""
    return {entry.alpha3: entry for entry in table_entries("countries", CountryEntry)}


@functools.cache
def place_table() -> tuple[PlaceEntry, ...]:
    """The gazetteer of places that are not countries (``places.json``), in table order.

    A user entry with the name and country of an earlier one (its id, "Kidal/MLI")
    replaces it in place, so a user table can correct a package entry.

    Raises:
        DataTableError: if an entry is not a place object with a valid kind and country.
    """
    return table_entries("places", PlaceEntry)


@functools.cache
def fips_table() -> Mapping[str, str]:
    """ISO alpha-3 code -> FIPS 10-4 country code, as GDELT uses it (``fips.json``).

    Raises:
        DataTableError: if a key is not an alpha-3 code or a value not a two-letter code.
    """
    return {entry.alpha3: entry.fips for entry in table_entries("fips", FipsEntry)}


@functools.cache
def word_set(section: str) -> frozenset[str]:
    """The words of list *section* of ``words.json`` as a set, for membership tests.

    Raises:
        DataTableError: as `table_entries`.
    """
    return frozenset(table_words("words", section))


@functools.cache
def abbreviations() -> frozenset[str]:
    """Words after which a full stop ends no sentence: ``abbreviations`` of ``words.json``
    and the month abbreviations of ``time_words.json``, lower-case, without the stop."""
    return word_set("abbreviations") | frozenset(month_names(abbreviated=True))


@functools.cache
def month_names(*, abbreviated: bool = False) -> tuple[str, ...]:
    """The lower-case month names of ``time_words.json`` (or their abbreviations), in order.

    The one source of month names: the sentence splitter, the country and event rules and
    the time scanner all read them here.
    """
    return tuple(
        " ".join(e.word.lower().split())
        for e in table_entries("time_words", TimeWord)
        if e.kind == "month" and e.abbreviation == abbreviated
    )


@functools.cache
def weekday_names() -> tuple[str, ...]:
    """The lower-case weekday names of ``time_words.json``, in order."""
    return tuple(
        " ".join(e.word.lower().split())
        for e in table_entries("time_words", TimeWord)
        if e.kind == "weekday"
    )


register_cache(_load)
register_cache(word_set)
register_cache(abbreviations)
register_cache(month_names)
register_cache(weekday_names)

register_cache(place_table)
register_cache(fips_table)
