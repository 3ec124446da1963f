"""Event extraction quality on the annotated captures of tests/captures/events.

Run: python benchmarks/bench_events.py [--pipeline]
The annotated captures (tests/captures/events) are scored first, then the held-out ones
(tests/captures/heldout/events), written after the rules to estimate how they generalise,
then the issue-14 development captures (tests/captures/realtext/events), written in the
styles of wire copy, state media and regional press for the rules of issue 14.
Then the French captures: the French held-out batch (tests/captures/french/heldout/events,
batch 5, written before any French rule) and the French development captures
(tests/captures/french/dev/events). A last summary pools each language's groups, so French
and English are reported apart.
Without --pipeline the captures' hand-listed entities stand in for extract_entities, so the
numbers measure the event extractor alone; with it, the whole pipeline runs.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from _event_annotate import (
    CAPTURES,
    FRENCH_DEV,
    FRENCH_HELD_OUT,
    HELD_OUT,
    REALTEXT,
    capture_names,
    load_capture,
    score,
)

GROUPS = (
    ("English", "annotated", CAPTURES),
    ("English", "held out (first readings: tests/captures/heldout/README.md)", HELD_OUT),
    ("English", "issue-14 development (tests/captures/realtext)", REALTEXT),
    ("French", "French held-out (tests/captures/french/heldout)", FRENCH_HELD_OUT),
    ("French", "French development (tests/captures/french/dev)", FRENCH_DEV),
)


def main() -> None:
    gold_entities = "--pipeline" not in sys.argv
    pooled: dict[str, list] = {}
    for language, title, folder in GROUPS:
        pooled.setdefault(language, []).extend(report(title, folder, gold_entities=gold_entities))
        print()
    mode = "hand-listed entities" if gold_entities else "full pipeline"
    print(f"summary per language ({mode})")
    for language, pairs in pooled.items():
        if not pairs:
            print(f"{language}: no captures yet")
            continue
        result = score(pairs)
        print(
            f"{language}: captures {len(pairs)}  gold events {result['gold_events']}  "
            f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
            f"dates {result['date_accuracy']:.3f}  "
            f"participants {result['participant_accuracy']:.3f}  "
            f"status {result['status_accuracy']:.3f}"
        )


def report(title: str, folder: Path, *, gold_entities: bool) -> list:
    """Print the scores of *folder*'s captures; give back their (article, gold) pairs."""
    names = capture_names(folder)
    if not names:
        print(f"{title} captures: none yet ({folder})")
        return []
    pairs = [load_capture(name, gold_entities=gold_entities, folder=folder) for name in names]
    result = score(pairs)
    mode = "hand-listed entities" if gold_entities else "full pipeline"
    print(f"{title} captures: {len(pairs)}  gold events: {result['gold_events']}  ({mode})")
    print(f"{'type':10} {'gold':>4} {'pred':>4} {'precision':>9} {'recall':>7}")
    for kind, row in result["per_type"].items():
        print(
            f"{kind:10} {row['gold']:>4} {row['predicted']:>4} "
            f"{row['precision']:>9.2f} {row['recall']:>7.2f}"
        )
    print(f"overall precision {result['precision']:.3f}  recall {result['recall']:.3f}")
    print(
        f"date accuracy {result['date_accuracy']:.3f}  (exact earliest/latest, matched events;"
        f" {result['inferred_right']} of {result['dates_inferred']} inferred dates right)"
    )
    print(f"participant accuracy {result['participant_accuracy']:.3f}")
    print(f"status accuracy {result['status_accuracy']:.3f}")
    return pairs


if __name__ == "__main__":
    main()
