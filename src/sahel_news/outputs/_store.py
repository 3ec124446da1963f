"""An embedded store of Articles in SQLite, and a timeline query over their events.

Layout: ``articles`` holds each Article's JSON and a digest of it; ``events`` one flat
`EventRow` per event; ``event_countries`` and ``event_actors`` the keys the filters look up.
Every table is keyed by the article id, so indexing an article again replaces it, and
indexing the same corpus twice leaves the same rows. ``store_schema`` records the layout's
version; a store of an older layout is brought up to date when it is opened (see
`STORE_SCHEMA_VERSION`), one of a newer one is refused.

Writes go in WAL mode, one transaction per batch: a reader sees the store as it was after
some batch, never half a batch, and does not wait for the writer; a writer killed half-way
loses at most its open batch, and running it again completes the store.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import attrs

from sahel_news.convert import from_json, to_json
from sahel_news.errors import StoreError, StoreVersionError
from sahel_news.models import Article, Country, EventStatus, PloverType
from sahel_news.models._unchecked import evolved
from sahel_news.outputs._tables import (
    EventRow,
    Kind,
    columns,
    event_countries,
    event_rows,
    fold,
    json_row,
)
from sahel_news.text import with_language
from sahel_news.text._language import language_code

__all__ = ["STORE_SCHEMA_VERSION", "IndexReport", "Store"]

# The layout's version. Bump it with any change to the tables below or to EventRow's
# columns (stored as JSON in events.row), so that an older sahel-news refuses the store,
# and add a step to _MIGRATIONS that brings the previous layout up to it.
# 2: articles.language; EventRow's inferred_* and language columns.
STORE_SCHEMA_VERSION = 2
_BUSY_TIMEOUT_SECONDS = 60.0

_SCHEMA = """
CREATE TABLE store_schema (version INTEGER NOT NULL, written_by TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    digest TEXT NOT NULL,
    headline TEXT NOT NULL,
    published TEXT,
    document TEXT NOT NULL,
    language TEXT
) WITHOUT ROWID;
CREATE TABLE events (
    article_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    earliest TEXT,
    latest TEXT,
    row TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
CREATE INDEX events_by_date ON events (earliest, latest);
CREATE TABLE event_countries (
    alpha3 TEXT NOT NULL,
    article_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (alpha3, article_id, position)
) WITHOUT ROWID;
CREATE INDEX event_countries_by_event ON event_countries (article_id, position);
CREATE TABLE event_actors (
    key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (key, article_id, position)
) WITHOUT ROWID;
CREATE INDEX event_actors_by_event ON event_actors (article_id, position);
"""
_TABLES = ("articles", "events", "event_countries", "event_actors")


@attrs.frozen
class IndexReport:
    """What an indexing run did: articles added, replaced (changed), and left (unchanged)."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        """Every article the run read."""
        return self.added + self.replaced + self.unchanged


def _version() -> str:
    from importlib import metadata  # noqa: PLC0415 - only when a store is created

    try:
        return metadata.version("sahel-news")
    except metadata.PackageNotFoundError:  # pragma: no cover - a bare checkout
        return "unknown"


def _row_json(row: EventRow) -> str:
    return json.dumps(json_row(row), ensure_ascii=False)


def _row(text: str) -> EventRow:
    values: dict[str, Any] = json.loads(text)
    for key, kind in columns(EventRow):
        if kind is Kind.TEXT_LIST:
            values[key] = tuple(values[key])
        elif kind is Kind.OPTIONAL_DATE:
            values[key] = date.fromisoformat(values[key]) if values[key] else None
    return EventRow(**values)


def _language(code: str) -> str:
    """*code* as the store keeps a language: its ISO 639 code ("fr-FR" is "fr").

    Raises:
        ValueError: if *code* is not a language code.
    """
    found = language_code(code) if isinstance(code, str) else None
    if found is None:
        raise ValueError(f"{code!r} names no language (an ISO 639 code or a tag: 'en', 'fr-FR')")
    return found


def _told_language(article: Article) -> Article:
    """*article*, with the language its words tell when it has none (a document older than
    schema 1.2): the store keeps every article's language, as `parse_article` would give it."""
    if article.language is not None:
        return article
    return evolved(article, language=with_language(article).language)


def _migrate_1_to_2(db: sqlite3.Connection) -> None:
    """Layout 1 to 2: the articles' language, and event rows with the columns added since."""
    db.execute("ALTER TABLE articles ADD COLUMN language TEXT")
    ids = [row[0] for row in db.execute("SELECT id FROM articles")]
    for article_id in ids:  # one document at a time: a store can be larger than memory
        (document,) = db.execute(
            "SELECT document FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        article = _told_language(from_json(document, Article))
        db.execute("UPDATE articles SET language = ? WHERE id = ?", (article.language, article_id))
        db.executemany(
            "UPDATE events SET row = ? WHERE article_id = ? AND position = ?",
            [
                (_row_json(row), article_id, position)
                for position, row in enumerate(event_rows(article))
            ],
        )


# For each older layout, the step that brings it to the next one.
_MIGRATIONS: dict[int, Any] = {1: _migrate_1_to_2}


def _day(day: date) -> str:
    """The ISO text of *day*; a datetime counts as its calendar day."""
    return date(day.year, day.month, day.day).isoformat()


def _actor_keys(article: Article) -> dict[str, set[str]]:
    """For each actor id of *article*: the id, and its name and aliases folded."""
    return {
        actor.id: {actor.id, fold(actor.name), *(fold(alias) for alias in actor.aliases)}
        for actor in article.actors
    }


class Store:
    """A SQLite file of Articles, indexed for timelines of their events.

    Open one with ``Store(path)`` (``create=True`` to make it if it is not there) and close
    it, or use it in a ``with`` block. Several processes may read one store while one writes.

    Raises:
        StoreError: if *path* is not there (without *create*), is not a SQLite database, or
            is a database that is not a sahel-news store.
        StoreVersionError: if the store was written by a newer sahel-news.
    """

    def __init__(self, path: str | Path, *, create: bool = False) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise StoreError(f"{self.path}: no store there (index articles into it first)")
        try:
            self._db = sqlite3.connect(
                self.path, timeout=_BUSY_TIMEOUT_SECONDS, isolation_level=None
            )
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot open: {error}") from None
        try:
            self._prepare(create=create)
        except sqlite3.OperationalError as error:  # no such directory, no permission, locked
            self._db.close()
            raise StoreError(f"{self.path}: cannot open: {error}") from None
        except sqlite3.DatabaseError as error:  # "file is not a database"
            self._db.close()
            raise StoreError(f"{self.path}: not a sahel-news store: {error}") from None
        except StoreError:
            self._db.close()
            raise

    def _prepare(self, *, create: bool) -> None:
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master")}
        if not tables and create:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have made it while this one waited for the lock.
                if not self._db.execute("SELECT 1 FROM sqlite_master").fetchone():
                    # statement by statement: executescript would commit the open transaction
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            self._db.execute(statement)
                    self._db.execute(
                        "INSERT INTO store_schema VALUES (?, ?)",
                        (STORE_SCHEMA_VERSION, _version()),
                    )
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master")}
        if not tables:
            raise StoreError(f"{self.path}: an empty database, not yet a store (index into it)")
        if "store_schema" not in tables:
            raise StoreError(f"{self.path}: a SQLite database, but not a sahel-news store")
        row = self._db.execute("SELECT version, written_by FROM store_schema").fetchone()
        if row is None:
            raise StoreError(f"{self.path}: not a sahel-news store (no schema version)")
        version, written_by = row
        if version in _MIGRATIONS:
            try:
                version, written_by = self._migrate()
            except sqlite3.OperationalError as error:  # read-only, locked for over a minute
                raise StoreError(
                    f"{self.path}: has store schema {version}, written by sahel-news "
                    f"{written_by}; bringing it up to store schema {STORE_SCHEMA_VERSION} "
                    f"needs to write it once, and failed: {error}"
                ) from None
        if version != STORE_SCHEMA_VERSION:
            newer = version > STORE_SCHEMA_VERSION
            raise StoreVersionError(
                f"{self.path}: has store schema {version}, written by sahel-news {written_by}; "
                f"this version reads store schema {STORE_SCHEMA_VERSION}: "
                + ("upgrade sahel-news" if newer else "index the articles into a new store"),
            )
        self._db.execute("PRAGMA synchronous = NORMAL")

    def _migrate(self) -> tuple[int, str]:
        """Bring a store of an older layout up to this one, in one transaction."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated it while this one waited for the lock.
            version, written_by = db.execute(
                "SELECT version, written_by FROM store_schema"
            ).fetchone()
            if version in _MIGRATIONS:
                while version in _MIGRATIONS:
                    _MIGRATIONS[version](db)
                    version += 1
                written_by = _version()
                db.execute(
                    "UPDATE store_schema SET version = ?, written_by = ?", (version, written_by)
                )
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return version, written_by

    def close(self) -> None:
        """Close the connection; the store stays on disk."""
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # ---- writing ----------------------------------------------------------------------

    def index(self, articles: Iterable[Article], *, batch_size: int = 200) -> IndexReport:
        """Load *articles* into the store, *batch_size* articles per transaction.

        An article whose id is already there replaces it, unless its JSON is the same, when
        it is left as it is (so a rerun after an interruption only writes what is missing).

        Raises:
            ValueError: if *batch_size* is less than 1.
            StoreError: if the store cannot be written (read-only, disk full, locked for
                longer than a minute).
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be 1 or more, got {batch_size}")
        counts = {"added": 0, "replaced": 0, "unchanged": 0}
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                self._write(batch, counts)
                batch = []
        if batch:
            self._write(batch, counts)
        return IndexReport(**counts)

    def _write(self, batch: Sequence[Article], counts: dict[str, int]) -> None:
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                for article in batch:
                    counts[self._put(article)] += 1
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot write: {error}") from None

    def _put(self, article: Article) -> str:
        db = self._db
        document = to_json(article)
        article = _told_language(article)  # the document is kept as it came
        digest = hashlib.sha256(document.encode()).hexdigest()
        found = db.execute("SELECT digest FROM articles WHERE id = ?", (article.id,)).fetchone()
        if found is not None:
            if found[0] == digest:
                return "unchanged"
            for table in _TABLES:
                column = "id" if table == "articles" else "article_id"
                db.execute(f"DELETE FROM {table} WHERE {column} = ?", (article.id,))  # noqa: S608 - names from a constant
        db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)",
            (
                article.id,
                digest,
                article.headline,
                article.published.isoformat() if article.published else None,
                document,
                article.language,
            ),
        )
        keys = _actor_keys(article)
        for position, (event, row) in enumerate(
            zip(article.events, event_rows(article), strict=True)
        ):
            place = (article.id, position)
            db.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    *place,
                    row.type,
                    row.status,
                    row.earliest.isoformat() if row.earliest else None,
                    row.latest.isoformat() if row.latest else None,
                    _row_json(row),
                ),
            )
            db.executemany(
                "INSERT INTO event_countries VALUES (?, ?, ?)",
                [(code, *place) for code in event_countries(article, event)],
            )
            event_keys = set()
            for participant in event.participants:
                event_keys |= keys.get(participant.ref, {participant.ref})
            db.executemany(
                "INSERT INTO event_actors VALUES (?, ?, ?)",
                [(key, *place) for key in sorted(event_keys)],
            )
        return "replaced" if found is not None else "added"

    # ---- reading ----------------------------------------------------------------------

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Self]:
        """A block in which every read sees the store as of one moment.

        Each call of `timeline` is consistent on its own; use this to make several agree
        while another process indexes.
        """
        self._db.execute("BEGIN")
        try:
            self._db.execute("SELECT 1 FROM store_schema").fetchone()  # takes the snapshot
            yield self
        finally:
            if self._db.in_transaction:
                self._db.execute("COMMIT")

    def __len__(self) -> int:
        """The number of articles in the store."""
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def article_ids(self) -> list[str]:
        """The ids of the stored articles, sorted."""
        return [row[0] for row in self._db.execute("SELECT id FROM articles ORDER BY id")]

    def article(self, article_id: str) -> Article | None:
        """The stored article with id *article_id*, or None."""
        row = self._db.execute(
            "SELECT document FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else from_json(row[0], Article)

    def articles(self) -> Iterator[Article]:
        """Every stored article, by id."""
        for (document,) in self._db.execute("SELECT document FROM articles ORDER BY id"):
            yield from_json(document, Article)

    def timeline(
        self,
        *,
        countries: Iterable[str] = (),
        actor: str | None = None,
        types: Iterable[PloverType | str] = (),
        statuses: Iterable[EventStatus | str] = (),
        since: date | None = None,
        until: date | None = None,
        languages: Iterable[str] = (),
        limit: int | None = None,
    ) -> list[EventRow]:
        """The events that match every filter given, in date order.

        Events are ordered by their earliest day, then latest day, article id and place in
        the article; events without a date come last (and are left out when *since* or
        *until* is given).

        Args:
            countries: country codes (alpha-3, alpha-2 or numeric); the event must involve
                every one of them: as a participant, as the country of a participant actor,
                or as the country of its place.
            actor: an actor id or an alpha-3 code a participant has, or the name or an alias
                of a participant actor (ignoring case and accents).
            types: PLOVER types; the event must have one of them.
            statuses: event statuses; the event must have one of them.
            since: the event's date range must end on or after this day.
            until: the event's date range must start on or before this day.
            languages: ISO 639 codes (``"fr"``, any case); the event's article must be in
                one of them (`Article.language`; an article of unknown language matches none).
            limit: at most this many events (the earliest).

        The dates are the time the text states (``when``); an event whose time is only
        inferred (``inferred_*``) counts as undated here.

        Raises:
            ValidationError: if a country code is no ISO 3166-1 code.
            ValueError: if a type or status is not one of the vocabulary, or a language is
                not an ISO 639 code.
        """
        where: list[str] = []
        params: list[object] = []
        for code in dict.fromkeys(Country.from_code(c).alpha3 for c in countries):
            where.append(
                "EXISTS (SELECT 1 FROM event_countries c WHERE c.alpha3 = ?"
                " AND c.article_id = e.article_id AND c.position = e.position)"
            )
            params.append(code)
        if actor is not None:
            where.append(
                "EXISTS (SELECT 1 FROM event_actors k WHERE k.key IN (?, ?)"
                " AND k.article_id = e.article_id AND k.position = e.position)"
            )
            params += [actor.strip(), fold(actor)]
        type_values = sorted({PloverType(str(t).upper()).value for t in types})
        if type_values:
            where.append(f"e.type IN ({', '.join('?' * len(type_values))})")
            params += type_values
        status_values = sorted({EventStatus(str(s).lower()).value for s in statuses})
        if status_values:
            where.append(f"e.status IN ({', '.join('?' * len(status_values))})")
            params += status_values
        language_values = sorted({_language(code) for code in languages})
        if language_values:
            marks = ", ".join("?" * len(language_values))
            where.append(
                "EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article_id"  # noqa: S608 - marks are ?s
                " AND a.language IN (" + marks + "))"
            )
            params += language_values
        if since is not None:
            where.append("e.latest >= ?")
            params.append(_day(since))
        if until is not None:
            where.append("e.earliest <= ?")
            params.append(_day(until))
        sql = "SELECT e.row FROM events e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.earliest IS NULL, e.earliest, e.latest, e.article_id, e.position"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [_row(text) for (text,) in self._db.execute(sql, params)]
