"""A killed indexer leaves a store that opens and answers consistently; a rerun completes it."""

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date

import pytest

from _corpus import generated_articles
from sahel_news.convert import to_json
from sahel_news.store import Store, StoreError

pytestmark = pytest.mark.slow

BATCH = 5
QUERIES = [
    {},
    {"countries": ["MLI"]},
    {"countries": ["NER", "RUS"], "since": date(2018, 1, 1)},
    {"types": ["ASSAULT", "CONSULT"], "statuses": ["occurred"]},
    {"until": date(2020, 6, 30)},
]


@pytest.fixture(scope="module")
def corpus():
    return generated_articles(400, salt=1)


@pytest.fixture(scope="module")
def corpus_file(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("".join(to_json(a) + "\n" for a in corpus), encoding="utf-8")
    return path


def indexer(db, corpus_file):
    command = [sys.executable, "-m", "sahel_news.cli", "index", str(db), str(corpus_file)]
    return [*command, "--batch-size", str(BATCH)]


def answers(db):
    with Store(db) as store, store.snapshot():
        return [store.timeline(**query) for query in QUERIES], store.article_ids()


@pytest.fixture(scope="module")
def clean_run(corpus_file, tmp_path_factory):
    """The answers of an uninterrupted run, and how long that run took."""
    db = tmp_path_factory.mktemp("clean") / "clean.sqlite"
    started = time.perf_counter()
    subprocess.run(indexer(db, corpus_file), check=True, capture_output=True)
    return answers(db), time.perf_counter() - started


def count_articles(db):
    """Articles in the store now, or None while it is not yet a store."""
    try:
        with Store(db) as store:
            return len(store)
    except StoreError:
        return None


def check_consistent(db, corpus):
    """Every stored article is whole: all its events are there, and nothing else is."""
    by_id = {a.id: a for a in corpus}
    with Store(db) as store, store.snapshot():
        ids = store.article_ids()
        assert len(ids) % BATCH == 0  # whole batches only
        assert len(store.timeline()) == sum(len(by_id[i].events) for i in ids)
        for article_id in ids[:: max(1, len(ids) // 10)]:
            assert store.article(article_id) == by_id[article_id]


class TestKilledIndexer:
    @pytest.mark.parametrize("seed", range(6))
    def test_kill_then_rerun_answers_as_a_clean_run(
        self, seed, corpus, corpus_file, clean_run, tmp_path
    ):
        """SIGKILL at a random point, rerun: the store answers every query as a clean run."""
        rng = random.Random(seed)  # noqa: S311 - reproducible kill points, not secrets
        db = tmp_path / "killed.sqlite"
        process = subprocess.Popen(indexer(db, corpus_file), stdout=subprocess.DEVNULL)
        clean_answers, clean_seconds = clean_run
        if seed % 2:  # a random moment of a run, start-up and store creation included
            time.sleep(rng.uniform(0.0, clean_seconds))
        else:  # once the store holds a random number of articles
            target = rng.randrange(BATCH, len(corpus))
            while process.poll() is None and (count_articles(db) or 0) < target:
                time.sleep(0.005)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        if db.exists() and count_articles(db) is not None:
            check_consistent(db, corpus)
        subprocess.run(indexer(db, corpus_file), check=True, capture_output=True)
        assert answers(db) == clean_answers
