"""Test helper: put hand-listed actor and country mentions on a parsed article.

Stands in for extract_entities so event tests pin the event extractor alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from sahel_news.models import Actor, ActorKind, Article, Country, Mention, Span
from sahel_news.text._units import iter_texts


def _find(article: Article, surfaces: Iterable[str]) -> tuple[Mention, ...]:
    found: list[Mention] = []
    for unit in iter_texts(article):
        taken: list[tuple[int, int]] = []
        for surface in sorted(surfaces, key=len, reverse=True):
            pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
            for match in pattern.finditer(unit.text):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                taken.append((match.start(), match.end()))
                found.append(
                    Mention(match.group(), Span(unit.part, unit.index, match.start(), match.end()))
                )
    return tuple(found)


def annotate(
    article: Article,
    countries: Mapping[str, Sequence[str]],
    actors: Sequence[Mapping[str, object]] = (),
) -> Article:
    """*article* with these countries (alpha-3 -> surfaces) and actors (id, name, kind, ...)."""
    built_countries = [
        Country.from_code(code, mentions=_find(article, surfaces))
        for code, surfaces in countries.items()
    ]
    built_actors = []
    for raw in actors:
        surfaces = [str(s) for s in raw["surfaces"]]  # type: ignore[attr-defined]
        built_actors.append(
            Actor(
                id=str(raw["id"]),
                name=str(raw["name"]),
                kind=ActorKind(str(raw.get("kind", "person"))),
                country=raw.get("country"),  # type: ignore[arg-type]
                mentions=_find(article, surfaces),
            )
        )
    return attrs.evolve(article, countries=tuple(built_countries), actors=tuple(built_actors))


CAPTURES = Path(__file__).resolve().parent / "captures" / "events"
HELD_OUT = Path(__file__).resolve().parent / "captures" / "heldout" / "events"
REALTEXT = Path(__file__).resolve().parent / "captures" / "realtext" / "events"
FRENCH_HELD_OUT = Path(__file__).resolve().parent / "captures" / "french" / "heldout" / "events"
FRENCH_DEV = Path(__file__).resolve().parent / "captures" / "french" / "dev" / "events"


def load_capture(
    name: str, *, gold_entities: bool = True, folder: Path = CAPTURES
) -> tuple[Article, dict[str, object]]:
    """A capture of *folder* (tests/captures/events) read and extracted, with its annotation.

    The capture is read in its language, told from its words as `parse_article` tells it.
    """
    import json

    from sahel_news.capture import parse_layout
    from sahel_news.extract import extract_entities
    from sahel_news.extract.events import extract_events
    from sahel_news.text import with_language

    text = (folder / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    # read in the language its words tell, as parse_article reads it
    article = with_language(parse_layout(text))
    if gold_entities:
        entities = gold["entities"]
        article = annotate(article, entities["countries"], entities.get("actors", []))
    else:
        article = extract_entities(article)
    return extract_events(article), gold


def capture_names(folder: Path = CAPTURES) -> list[str]:
    """The names of the annotated captures of *folder*: a ``.json`` with its ``.txt``.

    A missing folder has none; an annotation whose text is not there yet is skipped.
    """
    return sorted(
        p.stem
        for p in folder.glob("*.json")
        if not p.stem.startswith("_") and p.with_suffix(".txt").is_file()
    )


def _expanded(article: Article, refs: Iterable[str]) -> set[str]:
    countries = {a.id: a.country for a in article.actors}
    found = set(refs)
    return found | {c for r in found if (c := countries.get(r))}


def score(pairs: Iterable[tuple[Article, Mapping[str, object]]]) -> dict[str, object]:
    """Precision and recall per type, participant and date accuracy over matched events.

    An event's date is its stated ``when``, or else its inferred time; ``dates_inferred``
    counts the matched gold dates that an inferred time answered, ``inferred_right`` the
    right ones among them.

    A predicted event matches a gold one of the same type whose trigger words appear in
    one of its evidence sentences; each is matched at most once.
    """
    from collections import Counter

    true_pos: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    dated = dates_right = with_parts = parts_right = status_right = 0
    dated_by_inference = inferred_right = 0
    for article, gold in pairs:
        events = list(article.events)
        predicted.update(e.type.value for e in events)
        used: set[str] = set()
        for want in gold["events"]:  # type: ignore[union-attr]
            expected[want["type"]] += 1
            match = None
            for event in events:
                if event.id in used or event.type.value != want["type"]:
                    continue
                texts = [article.quote_text(span).lower() for span in event.evidence]
                if any(want["trigger"].lower() in t for t in texts):
                    match = event
                    break
            if match is None:
                continue
            used.add(match.id)
            true_pos[want["type"]] += 1
            status_right += match.status.value == want["status"]
            if "earliest" in want:
                dated += 1
                # the date the record gives: stated, or else inferred from the discourse
                when = match.when
                if when is None and match.inferred_time is not None:
                    when = match.inferred_time.range
                    dated_by_inference += 1
                if when is not None and (
                    when.earliest.isoformat(),
                    when.latest.isoformat(),
                ) == (want["earliest"], want["latest"]):
                    dates_right += 1
                    inferred_right += match.when is None
            gold_refs = set(want["sources"]) | set(want["targets"])
            if gold_refs:
                with_parts += 1
                got = _expanded(article, (p.ref for p in match.participants))
                parts_right += bool(gold_refs & got)
    per_type = {}
    for kind in sorted(set(expected) | set(predicted)):
        tp = true_pos[kind]
        per_type[kind] = {
            "precision": tp / predicted[kind] if predicted[kind] else 0.0,
            "recall": tp / expected[kind] if expected[kind] else 0.0,
            "gold": expected[kind],
            "predicted": predicted[kind],
        }
    total_tp, total_pred, total_gold = (
        sum(true_pos.values()),
        sum(predicted.values()),
        sum(expected.values()),
    )
    return {
        "precision": total_tp / total_pred if total_pred else 0.0,
        "recall": total_tp / total_gold if total_gold else 0.0,
        "gold_events": total_gold,
        "date_accuracy": dates_right / dated if dated else 0.0,
        "dates_inferred": dated_by_inference,
        "inferred_right": inferred_right,
        "participant_accuracy": parts_right / with_parts if with_parts else 0.0,
        "status_accuracy": status_right / total_tp if total_tp else 0.0,
        "per_type": per_type,
    }
