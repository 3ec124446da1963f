"""Corpus speed and memory: parse_many with 1 and 2 processes, and peak RSS over a long run.

Run: python benchmarks/bench_corpus.py [--rate-captures 2000] [--captures 10000] [--skip-rss]
Targets: with 2 worker processes, as fast per article as 1 process (so about twice the
articles/s on 2 free cores); peak RSS flat over 10,000 captures (growth from the 2,000th
capture to the last well under 10%). The captures are the test and example captures with a
numbered headline, so no two are alike. Rates are wall-clock, measured in the same run; the
steady rate leaves out the workers' start-up (the time to the first result). CPU ms per
article counts this process and its workers (start-up included): on a busy machine it is
the fairer comparison. Measured for parse_many (Articles pickled back from the workers)
and for a corpus run (files in, JSON Lines out, as the command does).
"""

import argparse
import itertools
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sahel_news import Article, parse_many
from sahel_news.corpus._inputs import find_inputs
from sahel_news.corpus._runner import Progress, RunOptions, run_corpus

ROOT = Path(__file__).resolve().parent.parent


def _captures() -> list[str]:
    paths = [ROOT / "examples" / "seed.txt", *sorted((ROOT / "tests/captures").rglob("*.txt"))]
    return [path.read_text(encoding="utf-8") for path in paths]


def corpus(count: int) -> list[str]:
    """*count* captures: the known ones in turn, each headline given a number."""
    return list(corpus_stream(count))


def corpus_stream(count: int) -> Iterator[str]:
    """The same captures as corpus(), made one at a time (so none is held for long)."""
    known = itertools.cycle(_captures())
    for number in range(count):
        yield f"Report {number}: {next(known)}"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def rss_mb() -> float:
    """The resident set size now (Linux), or the peak where /proc is missing."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return peak_rss_mb()
    (line,) = [line for line in status.splitlines() if line.startswith("VmRSS:")]
    return int(line.split()[1]) / 1024


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers, once stopped)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def rate(texts: list[str], n_process: int) -> tuple[float, float, int, float]:
    """Articles per second overall and after the first result, the articles made, and the
    CPU milliseconds per article (workers' start-up included)."""
    cpu_before = cpu_seconds()
    started = time.perf_counter()
    first = None
    made = 0
    for result in parse_many(texts, n_process=n_process):
        if first is None:
            first = time.perf_counter()
        made += isinstance(result, Article)
    ended = time.perf_counter()
    steady = (len(texts) - 1) / (ended - first) if first and ended > first else 0.0
    cpu_ms = (cpu_seconds() - cpu_before) * 1000 / len(texts)
    return len(texts) / (ended - started), steady, made, cpu_ms


def corpus_run_rate(count: int, jobs: int) -> tuple[float, float]:
    """Articles per second and CPU ms per article of a corpus run (files in, JSON Lines
    out: the command's path, where workers send back JSON text rather than Articles)."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "in").mkdir()
        for number, text in enumerate(corpus_stream(count)):
            (root / "in" / f"c{number:05d}.txt").write_text(text, encoding="utf-8")
        inputs = find_inputs([str(root / "in")])
        progress = Progress(total=len(inputs))
        cpu_before = cpu_seconds()
        run_corpus(inputs, RunOptions(jsonl=root / "all.jsonl", jobs=jobs), progress)
        cpu_ms = (cpu_seconds() - cpu_before) * 1000 / count
    return progress.rate, cpu_ms


def rss_over(count: int, checkpoint: int) -> list[tuple[int, float, float]]:
    """RSS now and at its peak at every *checkpoint* captures of a one-process parse_many."""
    readings = []
    for done, _ in enumerate(parse_many(corpus_stream(count)), start=1):
        if done % checkpoint == 0:
            readings.append((done, rss_mb(), peak_rss_mb()))
    return readings


def rss_of_corpus_run(count: int, checkpoint: int) -> list[tuple[int, float, float]]:
    """The same readings for a corpus run: files in, JSON Lines out, one process."""
    readings: list[tuple[int, float, float]] = []

    def sample(progress: Progress) -> None:
        if progress.done and progress.done % checkpoint == 0:
            readings.append((progress.done, rss_mb(), peak_rss_mb()))

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "in").mkdir()
        for number, text in enumerate(corpus_stream(count)):
            (root / "in" / f"c{number:05d}.txt").write_text(text, encoding="utf-8")
        inputs = find_inputs([str(root / "in")])
        progress = Progress(total=len(inputs))
        run_corpus(
            inputs, RunOptions(jsonl=root / "all.jsonl", jobs=1), progress, on_progress=sample
        )
    return readings


def report(title: str, readings: list[tuple[int, float, float]]) -> None:
    print(title)
    for done, now, peak in readings:
        print(f"  after {done:6d}: {now:7.1f} MB now, {peak:7.1f} MB peak")
    base = readings[min(1, len(readings) - 1)]
    now = (readings[-1][1] / base[1] - 1) * 100
    peak = (readings[-1][2] / base[2] - 1) * 100
    print(f"  growth from capture {base[0]} to the last: {now:+.1f}% now, {peak:+.1f}% peak")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate-captures", type=int, default=2000)
    parser.add_argument("--captures", type=int, default=10_000)
    parser.add_argument("--skip-rss", action="store_true")
    args = parser.parse_args()

    texts = corpus(args.rate_captures)
    print(f"rate over {len(texts)} captures (wall clock):")
    rates = {}
    for n_process in (1, 2):
        overall, steady, made, cpu_ms = rate(texts, n_process)
        rates[n_process] = (overall, steady, cpu_ms)
        print(
            f"  n_process={n_process}: {overall:7.1f} articles/s overall, "
            f"{steady:7.1f} steady, {cpu_ms:5.2f} CPU ms/article ({made} articles)"
        )
    print(
        f"  2 processes / 1 process: {rates[2][0] / rates[1][0]:.2f}x overall, "
        f"{rates[2][1] / rates[1][1]:.2f}x steady, {rates[2][2] / rates[1][2]:.2f}x CPU per "
        "article (1.0 = as fast per article; wall-clock gains need free cores)"
    )
    print(f"corpus run (files to JSON Lines) over {len(texts)} captures:")
    runs = {jobs: corpus_run_rate(len(texts), jobs) for jobs in (1, 2)}
    for jobs, (articles_per_second, cpu_ms) in runs.items():
        print(
            f"  --jobs {jobs}: {articles_per_second:7.1f} articles/s, {cpu_ms:5.2f} CPU ms/article"
        )
    print(
        f"  2 jobs / 1 job: {runs[2][0] / runs[1][0]:.2f}x articles/s, "
        f"{runs[2][1] / runs[1][1]:.2f}x CPU per article"
    )
    if args.skip_rss:
        return
    checkpoint = max(args.captures // 10, 1)
    report(
        f"RSS of parse_many over {args.captures} captures (one process):",
        rss_over(args.captures, checkpoint),
    )
    report(
        f"RSS of a corpus run over {args.captures} files to JSON Lines (same process, later):",
        rss_of_corpus_run(args.captures, checkpoint),
    )


if __name__ == "__main__":
    sys.exit(main())
