"""Speed of the full pipeline (parse_article: layout, entities, events, time) on captures.

Run: python benchmarks/bench_pipeline.py
Target: at least 500 seed-sized articles per second on one core. Prints the whole
pipeline's rate, then each stage's share (layout, entities, events with time and quotes).
"""

import time
from pathlib import Path

from sahel_news.capture import parse_layout
from sahel_news.extract import extract_entities, extract_events
from sahel_news.pipeline import parse_article

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [(ROOT / "examples" / "seed.txt").read_text(encoding="utf-8")] + [
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/captures/events").glob("*.txt"))
]
ROUNDS = 40


def _rate(label, function, inputs):
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for item in inputs:
            function(item)
    elapsed = time.perf_counter() - started
    count = ROUNDS * len(inputs)
    print(f"{label:28} {count / elapsed:8.0f} articles/s  ({elapsed * 1000 / count:.2f} ms each)")


def main() -> None:
    for text in TEXTS:  # warm the caches: tables and compiled matchers load once
        parse_article(text)
    chars = sum(len(t) for t in TEXTS) / len(TEXTS)
    print(f"{len(TEXTS)} captures, mean {chars:.0f} characters, {ROUNDS} rounds")
    _rate("parse_article (all stages)", parse_article, TEXTS)
    layouts = [parse_layout(t) for t in TEXTS]
    entities = [extract_entities(a) for a in layouts]
    _rate("  parse_layout", parse_layout, TEXTS)
    _rate("  extract_entities", extract_entities, layouts)
    _rate("  extract_events", extract_events, entities)
    print("target: >= 500 articles/s for parse_article")


if __name__ == "__main__":
    main()
