"""Score extracted countries and actors against hand annotations (the benchmark and the eval gate).

A case is a capture ``NAME.txt`` with ``NAME.json`` next to it::

    {"countries": ["MLI", ...],
     "people": [{"name": "Assimi Goita", "country": "MLI", "role": "interim leader"}],
     "organisations": [{"id": "mli-military-government", "name": "...", "kind": "government",
                        "country": "MLI"}]}

Countries are compared as sets of alpha-3 codes. A person matches an extracted person whose
name, alias or mention folds to the annotated name (or whose id is the annotated ``id``); an
organisation matches by id, else by name or alias. Affiliation is scored on matched actors
(right country, or rightly none); role on matched people with an annotated role (the
annotated and an extracted role contain one another, ignoring case).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from sahel_news.models import Actor, ActorKind, Article
from sahel_news.text import fold

__all__ = ["CLASSES", "Case", "Tally", "evaluate", "load_cases"]

CLASSES = ("country", "person", "organisation", "affiliation", "role")


@attrs.frozen
class Case:
    """One annotated capture."""

    name: str
    text: str
    expected: Mapping[str, Any]


@attrs.define
class Tally:
    """True positives, false positives and false negatives of one class."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_cases(folder: Path) -> list[Case]:
    """Every ``*.txt`` capture of *folder* with its ``*.json`` annotations, by name.

    A missing folder has none; a capture whose annotations are not there yet is skipped.
    """
    cases = []
    for path in sorted(folder.glob("*.txt")):
        if not path.with_suffix(".json").is_file():
            continue
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        cases.append(Case(path.stem, path.read_text(encoding="utf-8"), expected))
    return cases


def _forms(actor: Actor) -> set[str]:
    forms = {actor.name, *actor.aliases, *(m.text for m in actor.mentions)}
    return {fold(f).casefold() for f in forms}


def _match(wanted: Mapping[str, Any], actors: Iterable[Actor], by_id: bool) -> Actor | None:
    for actor in actors:
        if by_id and wanted.get("id") == actor.id:
            return actor
    name = fold(str(wanted.get("name", ""))).casefold()
    return next((a for a in actors if name in _forms(a)), None)


def _role_matches(wanted: str, roles: Iterable[str]) -> bool:
    target = fold(wanted).casefold()
    return any(target in fold(r).casefold() or fold(r).casefold() in target for r in roles)


def _score_actors(
    tallies: dict[str, Tally],
    label: str,
    wanted_list: list[Mapping[str, Any]],
    actors: list[Actor],
    *,
    by_id: bool,
) -> None:
    unmatched = list(actors)
    for wanted in wanted_list:
        found = _match(wanted, unmatched, by_id)
        if found is None:
            tallies[label].fn += 1
            if wanted.get("country") is not None:
                tallies["affiliation"].fn += 1
            if label == "person" and wanted.get("role"):
                tallies["role"].fn += 1
            continue
        unmatched.remove(found)
        tallies[label].tp += 1
        country = wanted.get("country")
        if found.country == country:
            tallies["affiliation"].tp += 1
        else:
            tallies["affiliation"].fp += found.country is not None
            tallies["affiliation"].fn += country is not None
        if label == "person" and wanted.get("role"):
            if _role_matches(wanted["role"], found.roles):
                tallies["role"].tp += 1
            else:
                tallies["role"].fn += 1
    tallies[label].fp += len(unmatched)
    tallies["affiliation"].fp += sum(1 for a in unmatched if a.country is not None)


def evaluate(
    cases: Iterable[Case], extract: Callable[[str], Article]
) -> tuple[dict[str, Tally], dict[str, list[str]]]:
    """Tallies per class over *cases*, and per case the misses and extras (for reports)."""
    tallies = {name: Tally() for name in CLASSES}
    notes: dict[str, list[str]] = {}
    for case in cases:
        article = extract(case.text)
        # the countries the article is about: not an actor's home the text never names
        found = {c.alpha3 for c in article.countries if not c.actor_home_only}
        wanted = set(case.expected.get("countries", []))
        tallies["country"].tp += len(found & wanted)
        tallies["country"].fp += len(found - wanted)
        tallies["country"].fn += len(wanted - found)
        people = [a for a in article.actors if a.kind is ActorKind.PERSON]
        orgs = [a for a in article.actors if a.kind is not ActorKind.PERSON]
        before = {k: attrs.evolve(v) for k, v in tallies.items()}
        _score_actors(tallies, "person", list(case.expected.get("people", [])), people, by_id=False)
        _score_actors(
            tallies, "organisation", list(case.expected.get("organisations", [])), orgs, by_id=True
        )
        lines = [f"countries missed {sorted(wanted - found)}"] if wanted - found else []
        lines += [f"countries extra {sorted(found - wanted)}"] if found - wanted else []
        for name in CLASSES[1:]:
            delta = (tallies[name].fp - before[name].fp, tallies[name].fn - before[name].fn)
            if any(delta):
                lines.append(f"{name}: +{delta[0]} extra, {delta[1]} missed")
        if lines:
            lines.append(
                "actors: "
                + "; ".join(f"{a.id}/{a.country}/{','.join(a.roles)}" for a in article.actors)
            )
            notes[case.name] = lines
    return tallies, notes
