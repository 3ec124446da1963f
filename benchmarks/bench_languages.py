"""Speed of French against English: the whole pipeline per thousand characters, as a ratio.

Run: ``python benchmarks/bench_languages.py [--repeats N]``

The French development captures (tests/captures/french/dev/events) and the English ones of
issue 14 (tests/captures/realtext/events) are written in the same styles (wire copy, state
media, national press) and are of like length. Both sets are parsed by ``parse_article``
in this one process, repeats interleaved (English, French, English, ...), best of each,
and the time is divided by the characters parsed, so texts of the same length compare.
The figure to read is the last line: French speed as a share of English speed (the
target is at least 0.80).

Every article is parsed once per repeat and no two are the same text (see
``bench_pipeline.distinct``), so no cache keyed by a text carries an answer over.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench_pipeline import distinct

from sahel_news import Source, parse_article

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = sorted((ROOT / "tests/captures/realtext/events").glob("*.txt"))
FRENCH = sorted((ROOT / "tests/captures/french/dev/events").glob("*.txt"))


def _timed(texts: list[str], source: Source | None) -> float:
    started = time.perf_counter()
    for text in texts:
        parse_article(text, source=source)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--copies", type=int, default=3, help="variants of each text a repeat")
    args = parser.parse_args()

    groups = {
        "English": [p.read_text(encoding="utf-8") for p in ENGLISH],
        "French": [p.read_text(encoding="utf-8") for p in FRENCH],
    }
    for name, texts in groups.items():
        chars = sum(map(len, texts))
        print(f"{name}: {len(texts)} captures, {chars} characters, {chars / len(texts):.0f} each")
    # detection is part of the pipeline: the texts are parsed without a source language
    for texts in groups.values():
        for text in texts:
            parse_article(text)
    best = dict.fromkeys(groups, float("inf"))
    per_char = dict.fromkeys(groups, 0.0)
    for repeat in range(args.repeats):
        for name, texts in groups.items():
            batch = distinct(texts, args.copies, f"{name[0]}{repeat}-")
            seconds = _timed(batch, None)
            if seconds < best[name]:
                best[name] = seconds
                per_char[name] = seconds / sum(map(len, batch))
    for name in groups:
        micros = per_char[name] * 1e9
        print(f"{name}: {micros:.0f} µs per 1,000 characters (best of {args.repeats})")
    ratio = per_char["English"] / per_char["French"]
    print(f"French runs at {ratio:.2f}x English speed per character (target: at least 0.80x)")


if __name__ == "__main__":
    main()
