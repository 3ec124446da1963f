"""The SQLite store: idempotent indexing, versioned layout, timelines equal to a plain filter."""

import json
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from _corpus import generated_articles
from sahel_news.models import EventStatus, ParticipantRole, PloverType
from sahel_news.outputs._tables import EventRow, event_rows, fold
from sahel_news.pipeline import parse_article
from sahel_news.store import (
    STORE_SCHEMA_VERSION,
    IndexReport,
    Store,
    StoreError,
    StoreVersionError,
)
from sahel_news.strategies import articles
from sahel_news.strategies._models import PARTNER_COUNTRIES, SAHEL_COUNTRIES
from sahel_news.text import with_language


def dump(path):
    """Every row of every table, in key order: what makes two stores the same."""
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}  # noqa: S608


@pytest.fixture(scope="module")
def corpus():
    return generated_articles(40)


@pytest.fixture(scope="module")
def seed_article(seed_text):
    return parse_article(seed_text)


class TestIndexing:
    def test_indexing_twice_gives_the_same_store(self, corpus, tmp_path):
        """The same corpus indexed twice, or into a fresh store, leaves the same rows."""
        once, twice = tmp_path / "once.sqlite", tmp_path / "twice.sqlite"
        with Store(once, create=True) as store:
            store.index(corpus)
        with Store(twice, create=True) as store:
            store.index(corpus, batch_size=7)
            assert store.index(corpus) == IndexReport(unchanged=len(corpus))
        assert dump(once) == dump(twice)

    def test_reindexing_an_article_replaces_it(self, seed_article, tmp_path):
        """An article indexed again with other content replaces the old one, events and all."""
        changed = attrs.evolve(seed_article, events=seed_article.events[:2])
        with Store(tmp_path / "s.sqlite", create=True) as store:
            assert store.index([seed_article]) == IndexReport(added=1)
            assert store.index([changed]) == IndexReport(replaced=1)
            assert len(store) == 1
            assert store.article(seed_article.id) == changed
            assert [r.event_id for r in store.timeline()] == ["e1", "e2"]

    def test_articles_come_back_whole(self, corpus, tmp_path):
        """Stored articles read back equal to those indexed."""
        with Store(tmp_path / "s.sqlite", create=True) as store:
            store.index(corpus)
            assert list(store.articles()) == sorted(corpus, key=lambda a: a.id)
            assert store.article("nope") is None

    def test_wal_mode(self, tmp_path):
        """The store is written in WAL mode, so readers do not wait for the writer."""
        Store(tmp_path / "s.sqlite", create=True).close()
        with sqlite3.connect(tmp_path / "s.sqlite") as db:
            assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)

    def test_batch_size_must_be_positive(self, tmp_path):
        """A batch size below 1 is a ValueError."""
        with Store(tmp_path / "s.sqlite", create=True) as store, pytest.raises(ValueError):
            store.index([], batch_size=0)


class TestTwoWriters:
    def test_a_second_writer_waits_for_the_first(self, corpus, tmp_path):
        """An indexer that finds the store locked waits for the lock instead of failing."""
        path = tmp_path / "s.sqlite"
        Store(path, create=True).close()
        holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")  # another writer, in the middle of a batch
        release = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
        release.start()
        try:
            with Store(path) as store:
                assert store.index(corpus[:3]) == IndexReport(added=3)
        finally:
            release.join()
            holder.close()


class TestOpening:
    def test_missing_store(self, tmp_path):
        """Opening a store that is not there (without create) says so."""
        with pytest.raises(StoreError, match="no store there"):
            Store(tmp_path / "none.sqlite")

    def test_not_a_database(self, tmp_path):
        """A file that is not SQLite is a StoreError, not a sqlite3 error."""
        path = tmp_path / "x.sqlite"
        path.write_text("hello, this is not a database at all" * 40, encoding="utf-8")
        with pytest.raises(StoreError, match="not a sahel-news store"):
            Store(path)

    def test_other_database(self, tmp_path):
        """A SQLite database of something else is not taken for a store."""
        with sqlite3.connect(tmp_path / "x.sqlite") as db:
            db.execute("CREATE TABLE t (x)")
        with pytest.raises(StoreError, match="not a sahel-news store"):
            Store(tmp_path / "x.sqlite", create=True)

    def test_empty_database(self, tmp_path):
        """An empty file (an indexer killed before it made the tables) is not yet a store."""
        (tmp_path / "s.sqlite").touch()
        with pytest.raises(StoreError, match="an empty database, not yet a store"):
            Store(tmp_path / "s.sqlite")
        Store(tmp_path / "s.sqlite", create=True).close()  # indexing makes it one

    def test_no_such_directory(self, tmp_path):
        """A store in a directory that does not exist cannot be opened, and says so."""
        with pytest.raises(StoreError, match="cannot open"):
            Store(tmp_path / "no" / "s.sqlite", create=True)

    def test_newer_store(self, tmp_path):
        """A store written by a newer version is refused with a clear message."""
        path = tmp_path / "s.sqlite"
        Store(path, create=True).close()
        with sqlite3.connect(path) as db:
            db.execute("UPDATE store_schema SET version = ?, written_by = '9.0'", (99,))
        message = (
            "store schema 99, written by sahel-news 9.0; "
            f"this version reads store schema {STORE_SCHEMA_VERSION}: upgrade"
        )
        with pytest.raises(StoreVersionError, match=message):
            Store(path)


def downgrade_to_layout_1(path):
    """Make *path* the store sahel-news of layout 1 wrote: no languages, shorter event rows."""
    added = {"language", *(n for n in attrs.fields_dict(EventRow) if n.startswith("inferred_"))}
    with sqlite3.connect(path) as db:
        for article_id, position, row in db.execute(
            "SELECT article_id, position, row FROM events"
        ).fetchall():
            old = {k: v for k, v in json.loads(row).items() if k not in added}
            db.execute(
                "UPDATE events SET row = ? WHERE article_id = ? AND position = ?",
                (json.dumps(old, ensure_ascii=False), article_id, position),
            )
        db.execute("ALTER TABLE articles DROP COLUMN language")
        db.execute("UPDATE store_schema SET version = 1, written_by = '0.9'")
    db.close()


class TestMigration:
    def test_a_layout_1_store_is_migrated_when_opened(self, corpus, tmp_path):
        """A store of layout 1 opens as the same store indexing the corpus now gives."""
        old, new = tmp_path / "old.sqlite", tmp_path / "new.sqlite"
        mixed = [attrs.evolve(a, language="fr") for a in corpus[:5]] + corpus[5:]
        french = [a for a in mixed if a.language == "fr"]
        with Store(old, create=True) as store:
            store.index(mixed)
        downgrade_to_layout_1(old)
        with sqlite3.connect(old) as db:
            assert db.execute("SELECT version FROM store_schema").fetchone() == (1,)
        db.close()
        with Store(old) as store:
            assert len(store.timeline(languages=["fr"])) == sum(len(a.events) for a in french)
        with Store(new, create=True) as store:
            store.index(mixed)
        assert dump(old) == dump(new)
        assert dump(old)["store_schema"][0][0] == STORE_SCHEMA_VERSION == 2

    def test_a_failed_migration_is_one_clear_error_and_changes_nothing(
        self, corpus, tmp_path, monkeypatch
    ):
        """A layout-1 store that cannot be written (read-only, locked) is one StoreError
        saying so, and the half-done migration is rolled back."""
        from sahel_news.outputs import _store

        path = tmp_path / "s.sqlite"
        with Store(path, create=True) as store:
            store.index(corpus[:3])
        downgrade_to_layout_1(path)
        before = dump(path)
        step = _store._MIGRATIONS[1]

        def fails_at_the_end(db):
            step(db)
            raise sqlite3.OperationalError("attempt to write a readonly database")

        monkeypatch.setitem(_store._MIGRATIONS, 1, fails_at_the_end)
        message = (
            "has store schema 1, written by sahel-news 0.9; bringing it up to store schema 2 "
            "needs to write it once, and failed: attempt to write a readonly database"
        )
        with pytest.raises(StoreError, match=message):
            Store(path)
        assert dump(path) == before

    def test_an_older_unknown_layout_is_refused(self, tmp_path):
        """A store of a layout no step migrates says to index into a new store."""
        path = tmp_path / "s.sqlite"
        Store(path, create=True).close()
        with sqlite3.connect(path) as db:
            db.execute("UPDATE store_schema SET version = 0, written_by = '0.1'")
        db.close()
        with pytest.raises(StoreVersionError, match="index the articles into a new store"):
            Store(path)


class TestLight:
    def test_store_and_outputs_do_not_load_pyarrow(self):
        """Importing sahel_news.store and sahel_news.outputs leaves pyarrow unloaded."""
        code = "import sys, sahel_news.store, sahel_news.outputs; print('pyarrow' in sys.modules)"
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert run.stdout.split() == ["False"]


class TestSeedTimeline:
    @pytest.fixture
    def store(self, seed_article, tmp_path):
        with Store(tmp_path / "s.sqlite", create=True) as store:
            store.index([seed_article])
            yield store

    def test_date_order_with_undated_last(self, store):
        """The timeline runs from the earliest date; undated events come last."""
        rows = store.timeline()
        dated = [r.earliest for r in rows if r.earliest is not None]
        assert dated == sorted(dated)
        assert rows[0].event_id == "e13"
        assert rows[-1].earliest is None

    def test_mali_and_russia_since_january(self, store):
        """Events involving both Mali and Russia since January 2024, in date order."""
        rows = store.timeline(countries=["MLI", "ru"], since=date(2024, 1, 1))
        assert [r.event_id for r in rows] == ["e12", "e6", "e5"]

    def test_actor_by_name_ignores_case_and_accents(self, store):
        """--actor finds an actor by its name without case or accents."""
        by_name = store.timeline(actor="ASSIMI GOITA")
        assert {r.event_id for r in by_name} == {"e5", "e12"}
        assert store.timeline(actor="assimi-goita") == by_name

    def test_a_datetime_bound_counts_as_its_day(self, store):
        """since=datetime(...) means its calendar day, not a text after the date."""
        from datetime import datetime

        at_noon = datetime(2024, 6, 3, 12, 0)  # noqa: DTZ001 - a naive bound is the point
        assert store.timeline(since=at_noon) == store.timeline(since=date(2024, 6, 3))
        assert "e5" in {r.event_id for r in store.timeline(since=at_noon)}

    def test_language(self, store, seed_article):
        """languages= keeps the events of articles in one of them, ignoring case."""
        assert seed_article.language == "en"
        assert store.timeline(languages=["EN"]) == store.timeline()
        assert store.timeline(languages=["fr"]) == []
        assert store.timeline(languages=["fr", "en"]) == store.timeline()
        assert store.timeline(languages=["en-GB"]) == store.timeline()  # a tag's language
        with pytest.raises(ValueError, match="'elvish' names no language"):
            store.timeline(languages=["elvish"])

    def test_an_article_without_language_is_kept_with_the_one_its_words_tell(
        self, seed_article, tmp_path
    ):
        """A document older than schema 1.2 (no language) is indexed in its told language."""
        older = attrs.evolve(seed_article, language=None, schema_version="1.1")
        with Store(tmp_path / "s.sqlite", create=True) as fresh:
            fresh.index([older])
            assert len(fresh.timeline(languages=["en"])) == len(seed_article.events)
            assert fresh.timeline(languages=["fr"]) == []

    def test_type_and_status(self, store):
        """Types and statuses each match any of those given."""
        rows = store.timeline(types=["retreat", PloverType.AGREE], statuses=["planned"])
        assert [r.event_id for r in rows] == ["e9"]


COUNTRY_CODES = SAHEL_COUNTRIES + PARTNER_COUNTRIES


def brute_force(
    corpus,
    *,
    countries=(),
    actor=None,
    types=(),
    statuses=(),
    since=None,
    until=None,
    languages=(),
):
    """The timeline computed in Python from the Articles, as the docs define it."""
    found = []
    for stated in corpus:
        # an article without a language is kept with the one its words tell (docs/outputs.md)
        told = stated.language or with_language(stated).language
        article = attrs.evolve(stated, language=told)
        if languages and article.language not in {code.lower() for code in languages}:
            continue
        actors = {a.id: a for a in article.actors}
        pairs = zip(article.events, event_rows(article), strict=True)
        for position, (event, row) in enumerate(pairs):
            involved = {p.ref if p.ref.isupper() else None for p in event.participants}
            involved |= {actors[p.ref].country for p in event.participants if p.ref in actors}
            if event.where is not None:
                involved.add(event.where.country)
            if not set(countries) <= involved:
                continue
            if actor is not None:
                keys = set()
                for p in event.participants:
                    keys.add(p.ref)
                    if p.ref in actors:
                        a = actors[p.ref]
                        keys |= {fold(a.name), *map(fold, a.aliases)}
                if not {actor.strip(), fold(actor)} & keys:
                    continue
            if types and event.type not in types:
                continue
            if statuses and event.status not in statuses:
                continue
            when = event.when
            if since is not None and (when is None or when.latest < since):
                continue
            if until is not None and (when is None or when.earliest > until):
                continue
            found.append(((when is None, when and when.earliest, when and when.latest,
                           article.id, position), row))  # fmt: skip
    return [row for _, row in sorted(found, key=lambda f: f[0])]


@st.composite
def corpora_and_filters(draw):
    corpus = draw(st.lists(articles(max_events=4), max_size=5, unique_by=lambda a: a.id))
    names = [a.name for article in corpus for a in article.actors]
    ids = [p.ref for article in corpus for e in article.events for p in e.participants]
    actor = draw(st.none() | st.sampled_from(names + ids or ["nobody"]))
    if actor is not None and draw(st.booleans()):
        actor = actor.upper()
    days = st.none() | st.dates(date(2012, 1, 1), date(2026, 12, 31))
    return corpus, {
        "countries": draw(st.lists(st.sampled_from(COUNTRY_CODES), max_size=2)),
        "actor": actor,
        "types": draw(st.lists(st.sampled_from(PloverType), max_size=3)),
        "statuses": draw(st.lists(st.sampled_from(EventStatus), max_size=2)),
        "since": draw(days),
        "until": draw(days),
        "languages": draw(st.lists(st.sampled_from(["en", "fr", "FR", "ar", "de"]), max_size=2)),
    }


@pytest.mark.slow  # many generated articles: CI runs it with -m slow
class TestTimelineProperty:
    @given(corpora_and_filters())
    def test_timeline_equals_a_brute_force_filter(self, case):
        """For any corpus and filters, the store's timeline is the plain Python filter's."""
        corpus, filters = case
        with (
            tempfile.TemporaryDirectory() as folder,
            Store(Path(folder) / "s.sqlite", create=True) as store,
        ):
            store.index(corpus, batch_size=2)
            got = store.timeline(**filters)
        assert got == brute_force(corpus, **filters)

    def test_the_brute_force_filter_finds_something(self, corpus):
        """The property is not vacuous: filters on the generated corpus do match events."""
        assert brute_force(corpus, countries=["MLI"])
        some = corpus[0].events[0].participants[0] if corpus[0].events else None
        if some is not None and some.role is ParticipantRole.SOURCE:
            assert brute_force(corpus, actor=some.ref)


class TestConcurrentReaders:
    def test_a_reader_sees_whole_batches_while_a_writer_indexes(self, corpus, tmp_path):
        """While one connection indexes, another reads only whole batches, never waiting."""
        path = tmp_path / "s.sqlite"
        Store(path, create=True).close()
        events = {a.id: len(a.events) for a in corpus}
        seen = []

        def paced():
            # before each batch after the first, wait (a while at most) until the reader has
            # seen the batch before it: the reader must see the store grow, however fast the
            # writer runs
            for number, article in enumerate(corpus):
                if number and number % 5 == 0:
                    deadline = time.monotonic() + 5
                    while (not seen or seen[-1][0] < number) and time.monotonic() < deadline:
                        time.sleep(0.001)
                yield article

        def write():
            with Store(path) as store:
                store.index(paced(), batch_size=5)

        writer = threading.Thread(target=write)
        with Store(path) as reader:
            writer.start()
            while writer.is_alive() or not seen or seen[-1][0] < len(corpus):
                with reader.snapshot():
                    ids = reader.article_ids()
                    rows = reader.timeline()
                seen.append((len(ids), len(rows), sum(events[i] for i in ids)))
            writer.join()
        assert len({count for count, _, _ in seen}) > 2  # it saw the store grow
        assert all(count % 5 == 0 for count, _, _ in seen)
        assert all(rows == expected for _, rows, expected in seen)
        assert seen[-1][0] == len(corpus)
