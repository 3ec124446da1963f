"""Speed of the full pipeline (parse_article: layout, entities, events, time) on captures.

Run: python benchmarks/bench_pipeline.py
Target: at least 500 seed-sized articles per second on one core. Prints the whole
pipeline's rate on the seed and on all captures, then each stage's share (layout,
entities, events with time and quotes, and time resolution alone). Each figure is the
best of several repeats, so that other work on the machine does not inflate it.

Every article is parsed once per repeat and no two are the same text: each copy of a
capture gets its own reference number in every long line, so that caches keyed by a text
(which help within one article, where several recognizers read the same paragraph) never
carry an answer from one article to the next.
"""

import time
from datetime import date
from pathlib import Path

from sahel_news.capture import parse_layout
from sahel_news.extract import extract_entities, extract_events
from sahel_news.extract.time import find_times
from sahel_news.pipeline import parse_article
from sahel_news.text._units import iter_sentences

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "seed.txt").read_text(encoding="utf-8")
TEXTS = [SEED] + [
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/captures/events").glob("*.txt"))
]
COPIES = 200
REPEATS = 5


def distinct(texts, copies, salt=""):
    """*copies* variants of each text, every long line ending with its own reference."""
    variants = []
    for number in range(copies):
        for text in texts:
            lines = [
                f"{line} Ref {salt}{number}."
                if len(line) > 80 and line.rstrip()[-1:] in '."”'
                else line
                for line in text.splitlines()
            ]
            variants.append("\n".join(lines) + "\n")
    return variants


def batches(texts, copies, stage, prepare=None):
    """One batch of fresh variants per repeat, none seen by any earlier run or stage."""
    made = [distinct(texts, copies, f"{stage}{repeat}-") for repeat in range(REPEATS)]
    return made if prepare is None else [[prepare(t) for t in batch] for batch in made]


def _rate(label, function, inputs):
    best = float("inf")
    for batch in inputs:
        started = time.perf_counter()
        for item in batch:
            function(item)
        best = min(best, time.perf_counter() - started)
    count = len(inputs[0])
    print(f"{label:30} {count / best:8.0f} articles/s  ({best * 1000 / count:.2f} ms each)")


def _times_of(article):
    anchor = article.published.date() if article.published else date(2024, 6, 5)
    for sentence in iter_sentences(article):
        find_times(sentence.text, anchor=anchor)


def main() -> None:
    for text in TEXTS:  # warm the caches: tables and compiled matchers load once
        parse_article(text)
    chars = sum(len(t) for t in TEXTS) / len(TEXTS)
    print(
        f"{len(TEXTS)} captures, mean {chars:.0f} characters; best of {REPEATS} batches, "
        "every article a text no earlier run has seen"
    )
    for name, texts, copies in (
        ("the seed", [SEED], COPIES),
        ("all captures", TEXTS, COPIES // len(TEXTS) + 1),
    ):
        print(f"{name}:")
        _rate("parse_article (all stages)", parse_article, batches(texts, copies, "a"))
        _rate("  parse_layout", parse_layout, batches(texts, copies, "l"))
        layouts = batches(texts, copies, "e", parse_layout)
        _rate("  extract_entities", extract_entities, layouts)
        with_entities = batches(texts, copies, "v", lambda t: extract_entities(parse_layout(t)))
        _rate("  extract_events", extract_events, with_entities)
        _rate("    of which find_times", _times_of, batches(texts, copies, "t", parse_layout))
    print("target: >= 500 articles/s for parse_article")


if __name__ == "__main__":
    main()
