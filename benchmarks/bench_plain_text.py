"""Plain-text reading speed, against the capture reading in the same run.

Run: python benchmarks/bench_plain_text.py [--quick]

Pins itself to one CPU core where the OS allows. Prints, as ratios measured in this run:
the seed read as before (strict=True) against the default reading (the plain-text checks
cost on a capture), and seconds per MB of plain texts (one line of sentences, paragraphs on
single lines, a headline-less body in blocks) against a capture of the same size (flat
ratios across sizes mean the plain reading stays linear).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sahel_news.capture import parse_layout

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "seed.txt").read_text(encoding="utf-8")
MB = 1_000_000
SENTENCE = (
    "NIAMEY officials said on Sunday that Gen. Tiani met U.S. envoys in the capital "
    "to discuss security along the border with Mali and Burkina Faso."
)


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity)"


def cpu_rate(action: Callable[[], object], seconds: float, repeats: int) -> float:
    """The best calls per CPU second of *repeats* runs of about *seconds* each."""
    best = 0.0
    for _ in range(repeats):
        count = 0
        start, cpu_start = time.perf_counter(), time.process_time()
        while time.perf_counter() < start + seconds:
            for _ in range(50):
                action()
            count += 50
        best = max(best, count / (time.process_time() - cpu_start))
    return best


def cpu_seconds(action: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        action()
        best = min(best, time.process_time() - start)
    return best


def texts_of_size(size: int) -> dict[str, str]:
    count = max(1, size // (len(SENTENCE) + 2))
    sentences = [SENTENCE] * count
    return {
        "capture (headline, blocks)": "Niger talks\n\n" + "\n\n".join(sentences),
        "no headline, blocks": "\n\n".join(sentences),
        "paragraphs on single lines": "\n".join(sentences),
        "one line of sentences": " ".join(sentences),
    }


def main() -> int:
    quick = "--quick" in sys.argv
    print(f"bench_plain_text ({pin_to_one_core()}, Python {sys.version.split()[0]})")
    seconds, repeats = (0.3, 3) if quick else (1.0, 5)

    strict = cpu_rate(lambda: parse_layout(SEED, strict=True), seconds, repeats)
    plain = cpu_rate(lambda: parse_layout(SEED), seconds, repeats)
    print(
        f"seed: {strict:,.0f}/CPU s strict, {plain:,.0f}/CPU s default "
        f"(default/strict = {plain / strict:.2f})"
    )

    print("size     text                            CPU s/MB   vs capture")
    for label, size in (("100 KB", 100_000), ("1 MB", MB), ("5 MB", 5 * MB)):
        texts = texts_of_size(size)
        base: float | None = None
        for name, text in texts.items():
            spent = cpu_seconds(lambda text=text: parse_layout(text), 2 if quick else 3)
            per_mb = spent / (len(text) / MB)
            base = base or per_mb
            print(f"{label:<8} {name:<30} {per_mb:>9.3f}   {per_mb / base:>6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
