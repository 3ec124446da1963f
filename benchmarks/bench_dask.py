"""Articles per second per core: a plain loop against sahel_news.dask on a LocalCluster.

Run: python benchmarks/bench_dask.py [--articles 600] [--workers 1 2] [--partitions-per-worker 4]
     [--seed-only]
Needs: pip install -e '.[dask]'
The corpus is examples/seed.txt and every capture under tests/captures (short ones, 700
characters on average), repeated to --articles texts; --seed-only repeats the seed alone
(2,800 characters, a full-length article). As in bench_pipeline.py, every copy gets its own
reference number in each long line, and every run its own copies, so that no cache keyed
by a text carries an answer from one article to the next.

Prints, in the same run: the loop's rate (one core); the synchronous Dask scheduler's (the
cost of the graph alone); and for each worker count, a LocalCluster of that many
single-threaded worker processes, warmed up first (each worker parses the seed once so the
gazetteers are loaded), with its rate, its rate per worker and that as a ratio of the
loop's: once counting the Articles on the workers (a job that writes its results where it
parses them), once collecting every Article into this process (which pays for pickling
them back). Wall-clock time; on a machine shared with other work the per-core ratio is the
figure to read.
"""

import argparse
import contextlib
import time
from pathlib import Path

import dask.bag as db
from bench_pipeline import distinct
from distributed import Client, LocalCluster

from sahel_news.dask import parse_bag
from sahel_news.pipeline import parse_article

ROOT = Path(__file__).resolve().parent.parent


def corpus(count, salt, *, seed_only=False):
    """*count* texts, no two alike and none seen by another run (see bench_pipeline)."""
    paths = [ROOT / "examples" / "seed.txt"]
    if not seed_only:
        paths += sorted((ROOT / "tests" / "captures").rglob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    copies = -(-count // len(texts))
    return distinct(texts, copies, salt)[:count]


def loop_rate(texts):
    start = time.perf_counter()
    for text in texts:
        with contextlib.suppress(ValueError):
            parse_article(text)
    return len(texts) / (time.perf_counter() - start)


def bag_rate(texts, npartitions, *, collect, **compute):
    """Articles/s parsing a bag: collecting every Article in this process, or counting them
    where they were parsed (what a job that writes its results on the workers pays)."""
    bag = parse_bag(db.from_sequence(texts, npartitions=npartitions))
    start = time.perf_counter()
    if collect:
        assert len(bag.compute(**compute)) == len(texts)
    else:
        assert bag.count().compute(**compute) == len(texts)
    return len(texts) / (time.perf_counter() - start)


def warm(text):
    parse_article(text)
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partitions-per-worker", type=int, default=4)
    parser.add_argument(
        "--seed-only", action="store_true", help="repeat the seed alone (a full-length article)"
    )
    args = parser.parse_args()

    def texts_for(run):
        return corpus(args.articles, f"{run}-", seed_only=args.seed_only)

    texts = texts_for("warm")
    parse_article(texts[0])  # load the gazetteers before timing the loop
    print(f"{len(texts)} articles ({sum(map(len, texts)) / len(texts):.0f} characters each)")
    serial = loop_rate(texts_for("loop"))
    print(f"plain loop, 1 core:            {serial:7.1f} articles/s")
    sync = bag_rate(texts_for("sync"), args.partitions_per_worker, collect=True, scheduler="sync")
    print(f"dask, synchronous scheduler:   {sync:7.1f} articles/s  ({sync / serial:.2f} x loop)")
    for workers in args.workers:
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            client.run(warm, texts[0])
            for collect, what in [(False, "counted on workers"), (True, "collected here")]:
                batch = texts_for(f"w{workers}{collect}")
                rate = bag_rate(batch, workers * args.partitions_per_worker, collect=collect)
                per_core = rate / workers
                print(
                    f"LocalCluster, {workers} worker(s), {what:18}: {rate:7.1f} articles/s, "
                    f"{per_core:6.1f} per worker ({per_core / serial:.2f} x loop)"
                )


if __name__ == "__main__":
    main()
