"""How parse_article's time grows with the size of one article, for many shapes of text.

Run: python benchmarks/bench_scaling.py [--max-kb 1280] [--budget 20] [--no-gc] [--shape NAME ...]
Target: linear growth — time(2n) / time(n) about 2 (at most 2.6) for every shape up to
1 MB. Each shape is built at 20, 40, 80, ... KB: Sahel-like prose (sentences of
examples/seed.txt and tests/captures/**/*.txt, shuffled) as one line or as many
paragraphs, adversarial repeats (names, quotes, "the", commas, capitalised words,
digits, ...) as one line with no sentence boundary, and a run of every rank and title head
of the vocabulary ("run: Colonel", "run: President,"; ``--shape`` picks some). Prints
milliseconds per KB (CPU time, best of three below one second) at each size and the ratio
of each size's time to the previous one's. A shape whose time at one size passes --budget
seconds stops there.
"""

import argparse
import contextlib
import gc
import itertools
import random
import time
from collections.abc import Callable
from pathlib import Path

from sahel_news.capture import parse_layout
from sahel_news.errors import SahelNewsError
from sahel_news.extract.entities._patterns import vocabulary
from sahel_news.pipeline import parse_article
from sahel_news.text._units import split_sentences

ROOT = Path(__file__).resolve().parent.parent
HEAD = "Mali junta talks\n\n"
TAIL = "\n\nJune 05, 2024 at 07:49PM"


def _prose_sentences() -> list[str]:
    paths = [ROOT / "examples" / "seed.txt", *sorted((ROOT / "tests/captures").rglob("*.txt"))]
    sentences: list[str] = []
    for path in paths:
        try:
            article = parse_layout(path.read_text(encoding="utf-8"))
        except SahelNewsError:
            continue
        for paragraph in article.paragraphs:
            sentences += [paragraph[s:e] for s, e in split_sentences(paragraph)]
    return sentences


SENTENCES = _prose_sentences()


def _prose(size: int, separator: str) -> str:
    rng = random.Random(size)
    chosen: list[str] = []
    total = 0
    while total < size:
        batch = SENTENCES[:]
        rng.shuffle(batch)
        for sentence in batch:
            chosen.append(sentence)
            total += len(sentence) + len(separator)
            if total >= size:
                break
    return HEAD + separator.join(chosen) + TAIL


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: HEAD + unit * (size // len(unit)) + TAIL


SHAPES: dict[str, Callable[[int], str]] = {
    "prose paragraphs": lambda n: _prose(n, "\n\n"),
    "prose one line": lambda n: _prose(n, " "),
    "prose no stops": lambda n: _prose(n, " ").replace(". ", ", "),
    "words": _repeat("Mali "),
    "names": _repeat("Assimi Goita Sadio Camara "),
    "officials": _repeat("Malian Defense Minister Sadio Camara and Niger's "),
    "straight quotes": _repeat('"a '),
    "curly quotes": _repeat("“a ” "),
    "said quotes": _repeat("“We will leave,” the junta said, Mali "),
    "the": _repeat("the "),
    "commas": _repeat("Mali, "),
    "capitalised": _repeat("Xavo Ytre Qwen "),
    "digits": _repeat("12 "),
    "dates": _repeat("on Monday last July in March 2024 "),
    "verbs": _repeat("Mali attacked Niger and "),
    "dots": _repeat("Mr. "),
    "parens": _repeat("(Mali "),
    "no space": _repeat("Mali"),
    "sentences": _repeat("Mali attacked Niger on Monday. "),
    "paras": _repeat("Mali's President Assimi Goita met Niger's leader in Niamey on Monday.\n\n"),
}


def _title_runs() -> dict[str, Callable[[int], str]]:
    """A run of each rank and each title head of the vocabulary, bare and with commas.

    Titles chain ("The President of the Transition, Head of State, Captain X"), so runs of
    them are where a rule that carries what it read so far could grow faster than the text.
    """
    words = vocabulary()
    runs: dict[str, Callable[[int], str]] = {}
    for title in sorted({*words.ranks, *(h.title() for h in words.heads)}):
        runs[f"run: {title}"] = _repeat(f"{title} ")
        runs[f"run: {title},"] = _repeat(f"{title}, ")
    return runs


SHAPES.update(_title_runs())


def _time(text: str) -> float:
    """The best CPU time of a few runs (one for a slow run): other work on the machine
    would blur wall-clock times and so the ratios."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        # a rejected text still counts: the time to reject it is what is measured
        with contextlib.suppress(SahelNewsError):
            parse_article(text)
        best = min(best, time.process_time() - started)
        if best > 1.0:
            break
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-kb", type=int, default=1280, help="largest size, in KB")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds per run at most")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these")
    parser.add_argument(
        "--no-gc",
        action="store_true",
        help="time with the cyclic garbage collector off (its passes over a growing heap"
        " add a growth of their own)",
    )
    args = parser.parse_args()
    if args.no_gc:
        gc.disable()
    sizes = [20 * 2**k for k in range(10) if 20 * 2**k <= args.max_kb]
    print(f"{'shape':28} " + " ".join(f"{s:>7}K" for s in sizes) + "   ms/KB; ratios t(2n)/t(n)")
    worst = 0.0
    for name in args.shape or SHAPES:
        make = SHAPES[name]
        _time(make(2000))  # warm caches (tables, compiled patterns)
        times: list[float] = []
        for size in sizes:
            times.append(_time(make(size * 1000)))
            if times[-1] > args.budget:
                break
        per_kb = " ".join(f"{t * 1000 / s:8.2f}" for t, s in zip(times, sizes, strict=False))
        ratios = [b / a for a, b in itertools.pairwise(times)]
        worst = max([worst, *ratios[1:]])  # the first doubling is noisy at 20 KB
        print(f"{name:28} {per_kb}   " + " ".join(f"{r:.1f}" for r in ratios), flush=True)
    print(f"worst ratio past 40 KB: {worst:.2f} (target <= 2.6)")


if __name__ == "__main__":
    main()
