"""The store: indexing rate and timeline query time on 10,000 generated articles.

Run: python benchmarks/bench_store.py [ARTICLES]   (default 10,000)

The corpus: 1,000 Articles drawn from sahel_news.strategies with a fixed seed, then copied
under new ids with every event date moved by a whole number of weeks, so the store holds
ARTICLES distinct articles whose dates spread over the years. Prints:

- indexing rate in articles/s: from Article objects (``Store.index``), from a JSONL file as
  ``sahel-news index`` reads it, and a rerun over an unchanged store (what an interrupted
  run costs to complete);
- the time of timeline queries (best of several repeats), each next to the time of the same
  filter done in Python over the Articles in memory, and their ratio.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import attrs
from hypothesis import HealthCheck, Phase, given, seed, settings

from sahel_news.convert import to_json
from sahel_news.models._unchecked import evolved
from sahel_news.outputs import read_articles
from sahel_news.outputs._tables import event_countries, event_rows, fold
from sahel_news.store import Store
from sahel_news.strategies import articles

DRAWN = 1_000
REPEATS = 5


def drawn(count):
    found = []

    @seed(12)
    @settings(
        max_examples=count,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(articles(max_events=4))
    def collect(article):
        found.append(article)

    collect()
    return found


def moved(number, article, copy):
    """*article* under the id ``gen-NUMBER-cCOPY``, each event moved by *copy* times 5 weeks."""
    shift = timedelta(weeks=5 * copy)
    events = tuple(
        attrs.evolve(e, when=attrs.evolve(e.when, earliest=e.when.earliest + shift,
                                          latest=e.when.latest + shift))
        if e.when is not None
        else e
        for e in article.events
    )  # fmt: skip
    return evolved(article, id=f"gen-{number:05d}-c{copy}", events=events)


def corpus(size):
    base = drawn(DRAWN)
    out = []
    copy = 0
    while len(out) < size:
        out += [moved(n, a, copy) for n, a in enumerate(base[: size - len(out)])]
        copy += 1
    return out


def brute_force(corpus, countries=(), actor=None, since=None, until=None):
    """The timeline filter in plain Python over Articles (what the store replaces)."""
    found = []
    for article in corpus:
        names = {a.id: {a.id, fold(a.name)} for a in article.actors}
        pairs = zip(article.events, event_rows(article), strict=True)
        for position, (event, row) in enumerate(pairs):
            if countries and not set(countries) <= set(event_countries(article, event)):
                continue
            if actor is not None and not any(
                fold(actor) in names.get(p.ref, {p.ref}) for p in event.participants
            ):
                continue
            if since and (row.latest is None or row.latest < since):
                continue
            if until and (row.earliest is None or row.earliest > until):
                continue
            key = (row.earliest is None, row.earliest, row.latest, article.id, position)
            found.append((key, row))
    return [row for _, row in sorted(found, key=lambda f: f[0])]


def common_pair(corpus):
    """The two countries most often involved together in one event."""
    pairs = Counter()
    for article in corpus:
        for event in article.events:
            codes = sorted(set(event_countries(article, event)))
            pairs.update((a, b) for a in codes for b in codes if a < b)
    return list(pairs.most_common(1)[0][0])


def best(function, repeats=REPEATS):
    times = []
    result = None
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return min(times), result


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    started = time.perf_counter()
    items = corpus(size)
    events = sum(len(a.events) for a in items)
    print(f"corpus: {len(items):,} articles, {events:,} events "
          f"(generated in {time.perf_counter() - started:.1f} s)")  # fmt: skip

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        jsonl = work / "corpus.jsonl"
        jsonl.write_text("".join(to_json(a) + "\n" for a in items), encoding="utf-8")

        with Store(work / "objects.sqlite", create=True) as store:
            started = time.perf_counter()
            store.index(items)
            seconds = time.perf_counter() - started
            print(f"index from Article objects: {len(items) / seconds:,.0f} articles/s "
                  f"({seconds:.2f} s)")  # fmt: skip
            started = time.perf_counter()
            report = store.index(items)
            seconds = time.perf_counter() - started
            assert report.unchanged == len(items)
            print(f"rerun, nothing changed:     {len(items) / seconds:,.0f} articles/s "
                  f"({seconds:.2f} s)")  # fmt: skip

        db = work / "jsonl.sqlite"
        with Store(db, create=True) as store:
            started = time.perf_counter()
            store.index(read_articles([jsonl]))
            seconds = time.perf_counter() - started
            print(f"index from JSONL (as the CLI): {len(items) / seconds:,.0f} articles/s "
                  f"({seconds:.2f} s)")  # fmt: skip
        size_mb = sum(p.stat().st_size for p in work.glob("jsonl.sqlite*")) / 1e6
        print(f"store size: {size_mb:.1f} MB (JSONL: {jsonl.stat().st_size / 1e6:.1f} MB)")

        actor = next(a.name for a in items[0].actors)
        pair = common_pair(items)
        queries = {
            "whole timeline": {},
            f"{' and '.join(pair)} since 2020": {"countries": pair, "since": date(2020, 1, 1)},
            f"actor {actor!r}": {"actor": actor},
            "2015 only": {"since": date(2015, 1, 1), "until": date(2015, 12, 31)},
        }
        print(f"\n{'query':<28} {'events':>7} {'store':>10} {'Python':>10} {'ratio':>7}")
        with Store(db) as store:
            for name, query in queries.items():
                store_seconds, rows = best(lambda q=query: store.timeline(**q))
                python_seconds, expected = best(lambda q=query: brute_force(items, **q), 1)
                assert rows == expected, name
                ratio = python_seconds / store_seconds
                print(f"{name:<28} {len(rows):>7,} {store_seconds * 1e3:>8.1f}ms "
                      f"{python_seconds * 1e3:>8.1f}ms {ratio:>6.1f}x")  # fmt: skip


if __name__ == "__main__":
    main()
