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
import contextvars
import functools
import inspect
import json
import os
import re
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
    LANGUAGE_TABLES,
    TABLES,
    Section,
    entry_id,
    json_schema,
    structure,
    structure_trusted,
)
from sahel_news.errors import SahelNewsError

__all__ = [
    "DEFAULT_LANGUAGE",
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
    "current_language",
    "entry_origin",
    "fips_table",
    "json_schema",
    "languages",
    "load_entries",
    "month_names",
    "place_table",
    "remove_data_dir",
    "table_entries",
    "table_info",
    "table_words",
    "user_data",
    "using_language",
    "weekday_names",
    "word_set",
]

ENV_VAR = "SAHEL_NEWS_DATA"
_extra_dirs: list[Path] = []

#: The language whose tables are read when no other is chosen.
DEFAULT_LANGUAGE = "en"
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
_language: contextvars.ContextVar[str] = contextvars.ContextVar(
    "sahel_news_language", default=DEFAULT_LANGUAGE
)


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
    _package_languages.cache_clear()
    for hook in _cache_clearers:
        hook()


_cache_clearers: list[Callable[[], None]] = []


class _Clearable(Protocol):
    def cache_clear(self) -> None: ...


_Cached = TypeVar("_Cached", bound=_Clearable)
_ABSENT: Any = object()


def register_cache(cached: _Cached) -> _Cached:
    """Decorator: keep this ``functools`` cache per language, and clear it with the tables.

    For the functions of table modules that build something from the tables: the function
    is called once per language (`using_language`) and its results are kept apart, so a
    French builder never sees English words. Put it above ``functools.cache`` or
    ``functools.lru_cache`` (whose size is kept, per language).
    """
    original: Callable[..., Any] = cached.__wrapped__  # type: ignore[attr-defined]
    size = cached.cache_parameters()["maxsize"]  # type: ignore[attr-defined]
    by_language: dict[str, Callable[..., Any]] = {DEFAULT_LANGUAGE: cached}  # type: ignore[dict-item]
    current = _language.get

    def for_language(language: str) -> Callable[..., Any]:
        function = by_language.get(language)
        if function is None:
            function = by_language[language] = functools.lru_cache(maxsize=size)(original)
        return function

    # Called in the extractors' inner loops: the common shapes skip argument packing, and
    # a builder of no arguments keeps its value per language in a plain dict.
    parameters = inspect.signature(original).parameters
    values: dict[str, Any] = {}

    def of_none() -> Any:
        try:
            return values[current()]
        except KeyError:
            language = current()
            value = values[language] = for_language(language)()
            return value

    def of_one(argument: Any = _ABSENT, /, **kwargs: Any) -> Any:
        if argument is _ABSENT:  # called by keyword (or wrongly): the function says
            return for_language(current())(**kwargs)
        function = by_language.get(current())
        if function is None:
            function = for_language(current())
        return function(argument, **kwargs)

    def of_any(*args: Any, **kwargs: Any) -> Any:
        return for_language(current())(*args, **kwargs)

    per_language: Callable[..., Any] = of_any
    if not parameters:
        per_language = of_none
    elif len(parameters) == 1 and all(
        p.kind is p.POSITIONAL_OR_KEYWORD for p in parameters.values()
    ):
        per_language = of_one
    functools.update_wrapper(per_language, original)

    def cache_clear() -> None:
        values.clear()
        for function in by_language.values():
            function.cache_clear()  # type: ignore[attr-defined]

    per_language.cache_clear = cache_clear  # type: ignore[attr-defined]
    # the statistics of the current language's cache, as functools gives them
    per_language.cache_info = lambda: for_language(current()).cache_info()  # type: ignore[attr-defined]
    _cache_clearers.append(cache_clear)
    return per_language  # type: ignore[return-value]


def _cleared_with_tables(cached: _Cached) -> _Cached:
    """Decorator: clear this cache with the tables; its value is the same in every language."""
    _cache_clearers.append(cached.cache_clear)
    return cached


def current_language() -> str:
    """The language whose tables are read now (`using_language`; ``"en"`` by default)."""
    return _language.get()


@contextlib.contextmanager
def using_language(code: str) -> Iterator[str]:
    """Read the tables of language *code* inside the ``with`` block (yields the code).

    A language's tables are the package's ``data/<code>/`` folder and each user folder's
    ``<code>/`` subfolder, laid over the English ones (docs/languages.md): the language's
    first table stands in for the English one (a table of entries such as ``triggers`` or
    ``time_words`` whole, a table of named lists such as ``words`` or ``titles`` list by
    list), and its later ones add to it as user tables do. A language with no tables of
    its own reads the English ones. The choice holds for this thread or task only.

    Raises:
        ValueError: if *code* is not a two- or three-letter lower-case language code.
    """
    if not isinstance(code, str) or _LANGUAGE_CODE.fullmatch(code) is None:
        raise ValueError(f"{code!r} is no language code (two or three lower-case letters)")
    token = _language.set(code)
    try:
        yield code
    finally:
        _language.reset(token)


def languages() -> tuple[str, ...]:
    """The languages with tables: English, then those of the package and user folders."""
    found = set(_package_languages())
    for folder in _user_dirs():
        found.update(_language_folders(folder))
    found.discard(DEFAULT_LANGUAGE)
    return (DEFAULT_LANGUAGE, *sorted(found))


def _language_folders(folder: Path) -> list[str]:
    return [
        child.name
        for child in folder.iterdir()
        if child.is_dir() and _LANGUAGE_CODE.fullmatch(child.name) and any(child.glob("*.json"))
    ]


@functools.cache
def _package_languages() -> tuple[str, ...]:
    root = resources.files(__name__)
    return tuple(
        sorted(
            child.name
            for child in root.iterdir()
            if child.is_dir()
            and _LANGUAGE_CODE.fullmatch(child.name)
            and any(c.name.endswith(".json") for c in child.iterdir())
        )
    )


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
def _read_package_table(name: str, language: str = DEFAULT_LANGUAGE) -> dict[str, Any] | None:
    """The package's table *name* (of *language*: None when that language has none)."""
    folder = resources.files(__name__)
    if language != DEFAULT_LANGUAGE:
        folder = folder.joinpath(language)
    resource = folder.joinpath(f"{name}.json")
    if not resource.is_file():
        if language != DEFAULT_LANGUAGE:
            return None
        raise DataTableError(f"no data table called {name!r}")
    return _parse(resource.read_text(encoding="utf-8"), _package_origin(name, language))


def _package_origin(name: str, language: str) -> str:
    folder = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    return f"sahel_news/data/{folder}{name}.json"


def _english_table(name: str) -> dict[str, Any]:
    document = _read_package_table(name)
    if document is None:  # never: a missing English table raises as it is read
        raise DataTableError(f"no data table called {name!r}")
    return document


def table_info(name: str) -> Mapping[str, Any]:
    """The ``version``, ``source`` and ``license`` notes of the package table *name*."""
    document = _english_table(name)
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
    bodies: list[tuple[str, list[Any]]] = []
    for origin, document, _trusted, _replaces in _documents(name):
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


def _documents(name: str) -> list[tuple[str, dict[str, Any], bool, bool]]:
    """Each file of table *name* in reading order, for the current language.

    Each is its path, its document, whether it is trusted (the package's) and whether it
    replaces what was read before it (a language's own package table) instead of merging.
    """
    language = _language.get()
    user = _user_dirs()
    documents = [(_package_origin(name, DEFAULT_LANGUAGE), _english_table(name), True, False)]
    documents.extend(_user_documents([folder / f"{name}.json" for folder in user]))
    if language == DEFAULT_LANGUAGE:
        return documents
    own = [folder / language / f"{name}.json" for folder in user]
    if name not in LANGUAGE_TABLES:
        for path in own:
            if path.is_file():
                raise DataTableError(
                    f"{path}: {name} is one table for every language; "
                    f"add the {language} names to {name}.json itself"
                )
        return documents
    package = _read_package_table(name, language)
    layers = [] if package is None else [(_package_origin(name, language), package, True, False)]
    layers.extend(_user_documents(own))
    if layers:
        # the language's first table stands in for English; the ones after it add to it
        origin, document, trusted, _ = layers[0]
        layers[0] = (origin, document, trusted, True)
    return documents + layers


def _user_documents(paths: list[Path]) -> list[tuple[str, dict[str, Any], bool, bool]]:
    return [
        (str(path), _parse(_read_user_table(path), str(path)), False, False)
        for path in paths
        if path.is_file()
    ]


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


@register_cache
@functools.cache
def _load(name: str) -> _Loaded:
    """Table *name*: the package's entries, then each user folder's, merged by id."""
    sections = TABLES.get(name)
    if sections is None:
        raise DataTableError(f"no data table called {name!r}")
    merged: dict[str | None, dict[Any, Any]] = {s.key: {} for s in sections}
    origins: dict[int, str] = {}
    for origin, document, trusted, replaces in _documents(name):
        entries = document["entries"]
        sectioned = sections[0].key is not None
        if replaces:
            # a language's own table stands in for English: whole, or list by list
            for key in entries if sectioned and isinstance(entries, dict) else [None]:
                if key in merged:
                    merged[key].clear()
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


@_cleared_with_tables
@functools.cache
def country_table() -> Mapping[str, CountryEntry]:
    """alpha-3 code -> names, demonyms, capitals and seats of government (``countries.json``)."""
    return {entry.alpha3: entry for entry in table_entries("countries", CountryEntry)}


@_cleared_with_tables
@functools.cache
def place_table() -> tuple[PlaceEntry, ...]:
    """The gazetteer of places that are not countries (``places.json``), in table order.

    A user entry with the name and country of an earlier one (its id, "Kidal/MLI")
    replaces it in place, so a user table can correct a package entry.

    Raises:
        DataTableError: if an entry is not a place object with a valid kind and country.
    """
    return table_entries("places", PlaceEntry)


@_cleared_with_tables
@functools.cache
def fips_table() -> Mapping[str, str]:
    """ISO alpha-3 code -> FIPS 10-4 country code, as GDELT uses it (``fips.json``).

    Raises:
        DataTableError: if a key is not an alpha-3 code or a value not a two-letter code.
    """
    return {entry.alpha3: entry.fips for entry in table_entries("fips", FipsEntry)}


@register_cache
@functools.cache
def word_set(section: str) -> frozenset[str]:
    """The words of list *section* of ``words.json`` as a set, for membership tests.

    Raises:
        DataTableError: as `table_entries`.
    """
    return frozenset(table_words("words", section))


@_cleared_with_tables
@functools.cache
def abbreviations() -> frozenset[str]:
    """Words after which a full stop ends no sentence: ``abbreviations`` of ``words.json``
    and the month abbreviations of ``time_words.json``, lower-case, without the stop.

    Those of every language (`languages`): text is cut into sentences before its language
    is known, and one text is cut the same way whatever language it is read in.
    """
    found: set[str] = set()
    for code in languages():
        with using_language(code):
            found.update(word_set("abbreviations"), month_names(abbreviated=True))
    return frozenset(found)


@register_cache
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


@register_cache
@functools.cache
def weekday_names() -> tuple[str, ...]:
    """The lower-case weekday names of ``time_words.json``, in order."""
    return tuple(
        " ".join(e.word.lower().split())
        for e in table_entries("time_words", TimeWord)
        if e.kind == "weekday"
    )
