"""A generated corpus of captures for the corpus tests: many good ones, and the broken kinds.

Written from word lists (no real article's text); the same seed gives the same bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

PLACES = ["Bamako", "Gao", "Mopti", "Niamey", "Ouagadougou", "Timbuktu", "Kidal", "Menaka"]
COUNTRIES = ["Mali", "Niger", "Burkina Faso", "Chad", "Mauritania"]
ACTORS = ["the army", "gunmen", "the junta", "ECOWAS envoys", "Wagner fighters", "villagers"]
VERBS = ["attacked", "met", "killed two soldiers near", "protested in", "signed a deal in"]
WHEN = ["on Tuesday", "yesterday", "last week", "on June 3", "earlier this month", ""]
MONTHS = ["January", "March", "June", "September", "November"]

# The broken kinds, by the name of their file: each must fail, and only they may.
BROKEN = {
    "broken/binary.txt": bytes(range(256)) * 8,
    "broken/empty.txt": b"",
    "broken/blank.txt": b"   \n\n\t\n",
    "broken/latin1.txt": "Manifestation à Bamako\n\nLes élèves ont défilé.\n".encode("latin-1"),
    "broken/digits.txt": b"2024 06 05\n\n12345\n",
}
HUGE = "broken/huge.txt"


def capture(rng: random.Random, number: int) -> str:
    """One well-formed capture: a headline, two or three paragraphs, maybe a timestamp."""
    place, country = rng.choice(PLACES), rng.choice(COUNTRIES)
    headline = f"{rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} {place} ({number})"
    paragraphs = [
        f"{rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} {place}, {country}, "
        f"{rng.choice(WHEN)}, officials said.".replace(" ,", ",")
        for _ in range(rng.randint(2, 3))
    ]
    lines = [headline, "", *"\n\n".join(paragraphs).split("\n")]
    if rng.random() < 0.6:
        day, month = rng.randint(1, 28), rng.choice(MONTHS)
        lines += ["", f"{month} {day:02d}, 2024 at 0{rng.randint(1, 9)}:1{rng.randint(0, 9)}PM"]
    return "\n".join(lines) + "\n"


def make_corpus(root: Path, count: int = 300, *, seed: int = 11, huge_bytes: int = 0) -> set[str]:
    """Write *count* good captures (some UTF-16, in nested folders) and the broken kinds.

    Returns:
        The paths, relative to *root*, of the broken captures.
    """
    rng = random.Random(seed)  # noqa: S311 - made-up text, not secrets
    for number in range(count):
        folder = root / f"batch{number % 7}" / ("deep" if number % 3 == 0 else "")
        folder.mkdir(parents=True, exist_ok=True)
        text = capture(rng, number)
        data = b"\xff\xfe" + text.encode("utf-16-le") if number % 50 == 7 else text.encode()
        (folder / f"c{number:04d}.txt").write_bytes(data)
    broken = dict(BROKEN)
    if huge_bytes:
        broken[HUGE] = b"Huge\n\n" + b"x" * huge_bytes
    for name, data in broken.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return set(broken)
