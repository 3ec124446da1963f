"""The merger behind extract_entities: candidates of every recognizer -> countries and actors.

See `sahel_news.extract.entities` for the rules; this module holds their machinery.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

import attrs

from sahel_news.data import current_language
from sahel_news.errors import ValidationError
from sahel_news.extract.entities._gazetteer import (
    country_adjective,
    gazetteer_actors,
    person_index,
    slug,
    vocabulary,
)
from sahel_news.extract.entities.actors import GazetteerRecognizer, PatternRecognizer
from sahel_news.extract.entities.countries import CountryRecognizer
from sahel_news.extract.entities.recognizer import (
    EntityCandidate,
    EntityLabel,
    Recognizer,
)
from sahel_news.models import Actor, ActorKind, Country, Mention, Span
from sahel_news.models._checks import ID_PATTERN
from sahel_news.models._unchecked import unchecked
from sahel_news.text import fold
from sahel_news.text._units import TextUnit

__all__ = ["Hit", "Merger"]

_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")
_PREVIOUS_WORD = re.compile(r"([A-Z][\w'-]*) $")
_WORD_REST = re.compile(r"[\w'-]*")
# Actors whose every field the built-in recognizers, the tables and the article's own text
# gave skip the field checks; only their id (which a user table may spell badly) is checked.
_unchecked_actor = unchecked(Actor)
# Mentions of stretches the recognizers found inside the article's own texts (checked again
# with the finished article); built here rather than with `mention`, at dozens an article.
_new_span = unchecked(Span)
_new_mention = unchecked(Mention)
_VALID_ID = re.compile(ID_PATTERN)


class Hit(NamedTuple):
    """A settled stretch of one text: where it is and what the candidates said of it.

    (A named tuple: the merger makes thousands a second, and an attrs class costs more.)
    """

    order: int
    start: int
    end: int
    candidates: tuple[EntityCandidate, ...]

    def overlaps(self, other: Hit) -> bool:
        return self.order == other.order and self.start < other.end and other.start < self.end

    @property
    def key(self) -> tuple[int, int]:
        return (self.order, self.start)


# ``Hit(...)`` without the Python-level ``__new__`` a named tuple has: one call in C.
_new_hit: Callable[[tuple[int, int, int, tuple[EntityCandidate, ...]]], Hit] = functools.partial(
    tuple.__new__, Hit
)


# The built-in recognizers, read through their cheaper plain-tuple form. Keyed by exact
# type: a subclass may override ``recognize``, and is then read through it.
# The built-in recognizers give offsets inside their text by construction; a user's are
# checked as they come.
_BUILT_IN = frozenset({CountryRecognizer, GazetteerRecognizer, PatternRecognizer})


def _by_unit(
    units: Sequence[TextUnit], recognizers: Sequence[Recognizer]
) -> dict[EntityLabel, list[tuple[int, EntityCandidate]]]:
    found: dict[EntityLabel, list[tuple[int, EntityCandidate]]] = {
        label: [] for label in EntityLabel
    }
    for order, unit in enumerate(units):
        for recognizer in recognizers:
            if type(recognizer) in _BUILT_IN:
                for candidate in recognizer.recognize(unit):
                    found[candidate.label].append((order, candidate))
                continue
            for user_candidate in recognizer.recognize(unit):
                if user_candidate.end > len(unit.text):
                    raise ValidationError.at(
                        "recognizers",
                        f"{type(recognizer).__name__} gave [{user_candidate.start}, "
                        f"{user_candidate.end}) past the end of a {len(unit.text)}-character text",
                    )
                found[user_candidate.label].append((order, user_candidate))
    return found


def _cluster(items: list[tuple[int, EntityCandidate]]) -> list[Hit]:
    """Group candidates whose stretches overlap (persons: one person per cluster)."""
    hits: list[Hit] = []
    for order, candidate in sorted(items, key=lambda oc: (oc[0], oc[1].start, -oc[1].end)):
        last = hits[-1] if hits else None
        if last is not None and last.order == order and candidate.start < last.end:
            hits[-1] = _new_hit(
                (order, last.start, max(last.end, candidate.end), (*last.candidates, candidate))
            )
        else:
            hits.append(_new_hit((order, candidate.start, candidate.end, (candidate,))))
    return hits


def _longest_first(items: list[tuple[int, EntityCandidate]]) -> list[Hit]:
    """Keep the longest of overlapping candidates (gazetteer ones first on ties)."""
    if _apart(items):  # nothing to settle, as with the country recognizer's own candidates
        return [_new_hit((order, c.start, c.end, (c,))) for order, c in items]
    ranked = sorted(
        items,
        key=lambda oc: (oc[1].start - oc[1].end, oc[1].form != "gazetteer", oc[0], oc[1].start),
    )
    kept: dict[tuple[int, int, int], list[EntityCandidate]] = {}
    # the characters of each text a kept candidate covers (kept ones never overlap)
    covered: dict[int, bytearray] = {}
    for order, candidate in ranked:
        start, end = candidate.start, candidate.end
        same = kept.get((order, start, end))
        if same is not None:
            same.append(candidate)
            continue
        marks = covered.get(order)
        if marks is None:
            marks = covered[order] = bytearray()
        if len(marks) < end:
            marks.extend(bytes(end - len(marks)))
        if marks.find(1, start, end) < 0:  # candidates are never empty
            marks[start:end] = b"\x01" * (end - start)
            kept[order, start, end] = [candidate]
    return [
        _new_hit((order, start, end, tuple(candidates)))
        for (order, start, end), candidates in sorted(kept.items())
    ]


def _apart(items: list[tuple[int, EntityCandidate]]) -> bool:
    """Whether *items* are in reading order and no two of them overlap."""
    last_order, last_end = -1, 0
    for order, candidate in items:
        if order < last_order or (order == last_order and candidate.start < last_end):
            return False
        last_order, last_end = order, candidate.end
    return True


# Up to this many stretches in one text are compared one by one (an article's paragraph
# has a handful); more are sorted once, for bisection.
_FEW_STRETCHES = 8


class _Intervals:
    """Stretches of the texts, to ask whether a stretch overlaps any of them in log time."""

    def __init__(self, hits: Iterable[Hit]) -> None:
        self._spans: dict[int, list[tuple[int, int]]] = {}
        for hit in hits:
            self._spans.setdefault(hit.order, []).append((hit.start, hit.end))
        # text order -> the sorted starts and, for each, the furthest end up to it
        self._sorted: dict[int, tuple[list[int], list[int]]] = {}

    def overlap(self, order: int, start: int, end: int) -> bool:
        """Whether ``[start, end)`` of text *order* overlaps one of the stretches."""
        spans = self._spans.get(order)
        if not spans:
            return False
        if len(spans) <= _FEW_STRETCHES:
            for span_start, span_end in spans:  # noqa: SIM110 - a loop is cheaper than any() here
                if span_start < end and start < span_end:
                    return True
            return False
        index = self._sorted.get(order)
        if index is None:
            spans.sort()
            reach = list(itertools.accumulate((e for _, e in spans), max))
            index = self._sorted[order] = ([s for s, _ in spans], reach)
        starts, reach = index
        before_end = bisect.bisect_left(starts, end)
        return before_end > 0 and reach[before_end - 1] > start


def _by_order(hits: Iterable[Hit]) -> dict[int, list[Hit]]:
    grouped: dict[int, list[Hit]] = {}
    for hit in hits:
        grouped.setdefault(hit.order, []).append(hit)
    return grouped


class _Context:
    """The countries named so far, in reading order, to resolve "its", "the junta" and the like.

    *signals* are ``(order, start, code, as_actor)``, sorted; each country's positions in
    them are kept apart so that the nearest one before a point is found by bisection.
    """

    def __init__(self, signals: list[tuple[int, int, str, bool]]) -> None:
        self.signals = signals
        self._all: dict[str, list[int]] = {}
        self._as_actor: dict[str, list[int]] = {}
        for position, (_, _, code, as_actor) in enumerate(signals):
            self._all.setdefault(code, []).append(position)
            if as_actor:
                self._as_actor.setdefault(code, []).append(position)
        counts = {code: len(positions) for code, positions in self._all.items()}
        self._focus = max(counts, key=lambda code: counts[code]) if counts else None

    def nearest(
        self, order: int, start: int, choices: Iterable[str] = (), count: int = 1
    ) -> list[str]:
        """The *count* nearest countries before ``(order, start)``, of *choices* if given.

        For one country, a country named as an actor ("Niger announced", "Mali's army")
        beats one named as a place or by a demonym ("in Togo", "Turkish drones").
        """
        allowed = frozenset(choices)
        index = bisect.bisect_left(self.signals, (order, start, "", False))
        tiers = [self._as_actor, self._all] if count == 1 else [self._all]
        for tier in tiers:
            codes = allowed.intersection(tier) if allowed else tier.keys()
            latest: list[tuple[int, str]] = []
            for code in codes:
                positions = tier[code]
                before = bisect.bisect_left(positions, index)
                if before:
                    latest.append((positions[before - 1], code))
            if latest:
                latest.sort(reverse=True)
                return [code for _, code in latest[:count]]
        return []

    def focus(self) -> str | None:
        """The country the article names most often (the first named, on a tie)."""
        return self._focus


@attrs.define
class _Actor:
    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    text_country: str | None = None
    roles: list[str] = attrs.Factory(list)
    mentions: dict[tuple[int, int], tuple[int, int]] = attrs.Factory(dict)
    gazetteer: bool = False


class Merger:
    def __init__(
        self,
        units: Sequence[TextUnit],
        recognizers: Sequence[Recognizer],
        extra_countries: Sequence[Hit] = (),
        written: Sequence[TextUnit] | None = None,
    ) -> None:
        self.units = units
        # what a mention needs of each text, looked up once: the text as written, where the
        # recognizers read another spelling of it (a title-case headline de-capitalised)
        self._texts = [(unit.part, unit.index, unit.text) for unit in written or units]
        # a user's recognizer may hand over any id, name, role, kind or country
        self.built_in = all(type(r) in _BUILT_IN for r in recognizers)
        found = _by_unit(units, recognizers)
        self.orgs = _longest_first(found[EntityLabel.ORGANISATION])
        people = self._people_without_org_clashes(_cluster(found[EntityLabel.PERSON]))
        countries = _longest_first(found[EntityLabel.COUNTRY]) + list(extra_countries)
        # A gazetteer person hides the country words inside its name ("Chad" in a name the
        # country recognizer let through); a rule-found person gives way to a country or
        # capital ("Koulouba announced"), but not to a gazetteer place.
        blocking_countries = _Intervals(c for c in countries if c.candidates[0].form != "place")
        self.people = [
            p
            for p in people
            if _named(p) or not blocking_countries.overlap(p.order, p.start, p.end)
        ]
        all_people = _Intervals(self.people)
        named_people = _Intervals(p for p in self.people if _named(p))
        self.countries = [
            c
            for c in countries
            if not (all_people if c.candidates[0].form == "place" else named_people).overlap(
                c.order, c.start, c.end
            )
        ]
        self.context = _Context(
            sorted(
                (hit.order, hit.start, c.country, not (c.locative or c.form == "demonym"))
                for hit in self.countries
                for c in hit.candidates[:1]
                if c.country is not None
            )
        )
        self.actors: dict[str, _Actor] = {}

    def _name_span(self, hit: Hit) -> Hit:
        """The stretch that names the person, with the candidates that speak for it.

        A gazetteer hit sets the span, unless it is a lone surname inside a longer name the
        patterns found ("Téné Birahima Ouattara" is not Alassane Ouattara).
        """
        if len(hit.candidates) == 1:
            return hit  # its span is its one candidate's, as `_cluster` made it
        longest = max(hit.candidates, key=lambda c: c.end - c.start)
        gazetteer = [c for c in hit.candidates if c.id is not None]
        if not gazetteer:
            return _new_hit((hit.order, longest.start, longest.end, hit.candidates))
        best = max(gazetteer, key=lambda c: c.end - c.start)
        text = self.units[hit.order].text[best.start : best.end]
        if longest.end - longest.start > best.end - best.start and " " not in text.strip():
            rest = tuple(c for c in hit.candidates if c.id is None)
            return _new_hit((hit.order, longest.start, longest.end, rest))
        return _new_hit((hit.order, best.start, best.end, hit.candidates))

    def _people_without_org_clashes(self, people: list[Hit]) -> list[Hit]:
        kept: list[Hit] = []
        # organisations never overlap one another, so their starts and ends both ascend
        orgs_in = _by_order(self.orgs)
        ends_in = {order: [org.end for org in orgs] for order, orgs in orgs_in.items()}
        clashing: set[Hit] = set()
        for hit in people:
            orgs = orgs_in.get(hit.order)
            if orgs:
                first = bisect.bisect_right(ends_in[hit.order], hit.start)
                clashes = []
                for org in itertools.islice(orgs, first, None):
                    if org.start >= hit.end:
                        break
                    clashes.append(org)
                if clashes:
                    if not _named(hit):
                        continue
                    clashing.update(clashes)
            kept.append(self._name_span(hit))
        if clashing:
            self.orgs = [org for org in self.orgs if org not in clashing]
        return kept

    # people ---------------------------------------------------------------------------

    def resolve_people(self) -> None:
        index = person_index()
        gazetteer = gazetteer_actors()
        deferred: list[tuple[Hit, str]] = []
        for hit in self.people:
            text = self.units[hit.order].folded[hit.start : hit.end]
            known = next((c.id for c in hit.candidates if c.id is not None), None)
            actor_id = known or index.get(text)
            if actor_id is None and " " in text:
                actor_id = slug(text)
            if actor_id is None:
                deferred.append((hit, text))
                continue
            self._add_person(actor_id, hit, gazetteer.get(actor_id))
        surnames = self._surnames()
        added = False
        for hit, text in deferred:
            actor_id = surnames.get(text)
            titled = any(c.role or c.name == "title" for c in hit.candidates)
            if actor_id is None and titled:
                actor_id = slug(text)
            if actor_id is not None:
                self._add_person(actor_id, hit, gazetteer.get(actor_id))
                added = True
        self._link_bare_surnames(self._surnames() if added else surnames)
        self._officials_from_context()

    def _officials_from_context(self) -> None:
        """A state official the text gives no country ("Mining Minister X") serves the country
        the article names most; a role naming an organisation ("UN envoy") is left alone."""
        state_roles = vocabulary().state_roles
        for actor in self.actors.values():
            if actor.gazetteer or actor.country or actor.text_country or not actor.roles:
                continue
            official = any(
                _role_head(role).endswith(state_roles)
                and not any(len(w) > 1 and w.isupper() for w in role.split())
                for role in actor.roles
            )
            if official:
                actor.country = self.context.focus()

    def _add_person(self, actor_id: str, hit: Hit, entry: object) -> None:
        text = self.units[hit.order].text[hit.start : hit.end]
        actor = self.actors.get(actor_id)
        if actor is None:
            actor = _Actor(actor_id, text, ActorKind.PERSON)
            if entry is not None:
                actor.name = getattr(entry, "name", text)
                actor.country = getattr(entry, "country", None)
                actor.gazetteer = True
            self.actors[actor_id] = actor
        elif not actor.gazetteer and len(text.split()) > len(actor.name.split()):
            actor.name = text
        actor.mentions[hit.key] = (hit.order, hit.end)
        not_roles = vocabulary().not_roles
        for candidate in hit.candidates:
            role = candidate.role
            if role and role.lower() not in not_roles and role not in actor.roles:
                actor.roles.append(role)
            if candidate.from_text and candidate.country and actor.text_country is None:
                actor.text_country = candidate.country
            if candidate.needs_country and actor.country is None and actor.text_country is None:
                near = self.context.nearest(hit.order, hit.start)
                actor.country = near[0] if near else None

    def _surnames(self) -> dict[str, str]:
        owners: dict[str, set[str]] = {}
        gazetteer = gazetteer_actors()
        for actor in self.actors.values():
            if actor.kind is not ActorKind.PERSON:
                continue
            forms = [actor.name]
            entry = gazetteer.get(actor.id)
            if entry is not None:
                forms += [*entry.aliases, *entry.short]
            forms += [self.units[o].text[s:e] for (o, s), (_, e) in actor.mentions.items()]
            for form in forms:
                word = _last_word(form)
                if word:
                    owners.setdefault(word, set()).add(actor.id)
        return {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1}

    def _link_bare_surnames(self, surnames: dict[str, str]) -> None:
        if not surnames:
            return
        taken = _Intervals([*self.people, *self.orgs])
        not_names = vocabulary().not_names
        # Every text at once, so that each surname is looked for once: joined by line
        # breaks, which no word crosses, and each found place mapped back to its text.
        texts = [unit.folded for unit in self.units]
        starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        joined = "\n".join(texts)
        for at, end_at, actor_id in sorted(_surname_tokens(joined, surnames)):
            order = bisect.bisect_right(starts, at) - 1
            folded, offset = texts[order], starts[order]
            start, end = at - offset, end_at - offset
            if taken.overlap(order, start, end):
                continue
            previous = _PREVIOUS_WORD.search(folded, max(0, start - 30), start)
            if (
                previous
                and previous.group(1) not in not_names
                and _mid_sentence(folded, previous.start(1))
            ):
                continue
            if folded[end : end + 1] == " " and _CAPITALISED.match(folded, end + 1):
                following = _CAPITALISED.match(folded, end + 1)
                if following and following.group() not in not_names:
                    continue
            self.actors[actor_id].mentions[order, start] = (order, end)

    # organisations ------------------------------------------------------------------

    def resolve_organisations(self) -> None:
        gazetteer = gazetteer_actors()
        for hit in self.orgs:
            for candidate in hit.candidates:
                if candidate.form == "per_country":
                    codes = (
                        [candidate.country]
                        if candidate.country
                        else self.context.nearest(
                            hit.order, hit.start, candidate.choices, candidate.context_count
                        )
                    )
                    for code in codes:
                        if code is None:
                            continue
                        actor_id = f"{code.lower()}-{candidate.id or slug(candidate.name or '')}"
                        name = f"{country_adjective(code)} {candidate.name}"
                        self._add_org(actor_id, name, candidate, code, hit)
                    continue
                text = self.units[hit.order].text[hit.start : hit.end]
                entry = gazetteer.get(candidate.id or "")
                actor_id = candidate.id or slug(candidate.name or text)
                country = candidate.country
                if country is None and candidate.needs_country:
                    near = self.context.nearest(hit.order, hit.start, candidate.choices)
                    country = near[0] if near else None
                name = entry.name if entry is not None else candidate.name or text
                self._add_org(actor_id, name, candidate, country, hit)
                self.actors[actor_id].gazetteer = entry is not None

    def _add_org(
        self, actor_id: str, name: str, candidate: EntityCandidate, country: str | None, hit: Hit
    ) -> None:
        actor = self.actors.get(actor_id)
        if actor is None:
            kind = candidate.kind or ActorKind.OTHER
            actor = self.actors[actor_id] = _Actor(actor_id, name, kind, country)
        actor.mentions[hit.key] = (hit.order, hit.end)
        if candidate.role and candidate.role not in actor.roles:
            actor.roles.append(candidate.role)

    # countries ----------------------------------------------------------------------

    def countries_and_actors(self) -> tuple[tuple[Country, ...], tuple[Actor, ...]]:
        mentions: dict[str, list[Mention]] = {}
        first_seen: dict[str, tuple[int, int]] = {}
        named = {c.country for h in self.countries for c in h.candidates if c.country}
        for hit in self.countries:
            candidate = hit.candidates[0]
            code = candidate.country or next(
                (choice for choice in candidate.choices if choice in named), None
            )
            if code is None:
                continue
            order, start, end, _ = hit
            first_seen.setdefault(code, (order, start))
            bucket = mentions.setdefault(code, [])
            if not candidate.implied:
                bucket.append(self._mention(order, start, end))
        # A country the text's words name or imply, or the country of an actor that takes
        # part, is one the article is about; the home of a news outlet that only reports
        # ("Reuters", "AFP") is not.
        involved = set(first_seen)
        actors = sorted(self.actors.values(), key=lambda a: min(a.mentions))
        built: list[Actor] = []
        for actor in actors:
            country = actor.text_country or actor.country
            if country is not None:
                first_seen.setdefault(country, (len(self.units), len(first_seen)))
                mentions.setdefault(country, [])
                if actor.kind is not ActorKind.MEDIA:
                    involved.add(country)
            built.append(self._build(actor, country))
        countries = tuple(
            Country.from_code(
                code, mentions=tuple(mentions[code]), actor_home_only=code not in involved
            )
            for code in sorted(first_seen, key=lambda c: first_seen[c])
        )
        return countries, tuple(built)

    def _mention(self, order: int, start: int, end: int) -> Mention:
        """The mention of ``[start, end)`` in text *order* (built here, at dozens an article)."""
        part, index, text = self._texts[order]
        return _new_mention(text[start:end], _new_span(part, index, start, end))

    def _build(self, actor: _Actor, country: str | None) -> Actor:
        found = tuple(
            self._mention(order, start, end)
            for (order, start), (_, end) in sorted(actor.mentions.items())
        )
        aliases: tuple[str, ...] = ()
        if actor.gazetteer or actor.kind is ActorKind.PERSON:
            folded_name = fold(actor.name)
            aliases = tuple(dict.fromkeys(m.text for m in found if fold(m.text) != folded_name))
        build = _unchecked_actor if self.built_in and _VALID_ID.fullmatch(actor.id) else Actor
        return build(
            id=actor.id,
            name=actor.name,
            kind=actor.kind,
            country=country,
            roles=tuple(actor.roles),
            aliases=aliases,
            mentions=found,
        )


@functools.lru_cache(maxsize=4096)
def _last_word(form: str) -> str:
    """The last word of *form*, folded (a surname), or "" for a form of no word."""
    words = fold(form).split()
    return words[-1] if words else ""


def _surname_tokens(folded: str, surnames: dict[str, str]) -> Iterator[tuple[int, int, str]]:
    """``(start, end, actor id)`` of the capitalised words of *folded* that are a surname.

    The words are those ``word_matches(_CAPITALISED, folded)`` gives (a possessive "'s"
    dropped), but found by looking for each surname instead of reading every word.
    """
    for surname, actor_id in surnames.items():
        start = folded.find(surname)
        while start >= 0:
            if _is_word_start(folded, start):
                end = _WORD_REST.match(folded, start).end()  # type: ignore[union-attr]
                if (end - start == len(surname) and not surname.endswith("'s")) or (
                    end - start == len(surname) + 2 and folded.endswith("'s", 0, end)
                ):
                    yield start, start + len(surname), actor_id
            start = folded.find(surname, start + 1)


def _is_word_start(folded: str, start: int) -> bool:
    """Whether a word of ``word_matches(_CAPITALISED, folded)`` starts at *start*.

    Such a word is a capital after a non-word character (not a hyphen), and it runs to the
    end of the letters, digits, apostrophes and hyphens that follow; so a capital after an
    apostrophe starts one only if no earlier capital of the same run did ("O'Neill").
    """
    if not "A" <= folded[start] <= "Z":
        return False
    if start == 0:
        return True
    before = folded[start - 1]
    if before == "'":
        run_start = start - 1
        while run_start and _in_word_run(folded[run_start - 1]):
            run_start -= 1
        earlier = _CAPITALISED.search(folded, run_start, start)
        return earlier is None or earlier.start() >= start
    return not _in_word_run(before)


def _in_word_run(char: str) -> bool:
    """Whether *char* can be inside a `_CAPITALISED` word (``[\\w'-]``)."""
    return char.isalnum() or char in "_'-"


def _role_head(role: str) -> str:
    """*role* lowercased, without the of-phrase that closes it ("Minister of Mines")."""
    if current_language() == "fr":  # "ministre des Pêches et de ...", "chef d'état-major"
        lowered = fold(role).lower()
        cut = _FRENCH_OF.search(lowered)
        if cut is None or lowered.startswith("chef d'etat-major"):
            return lowered
        return lowered[: cut.start()]
    lowered = role.lower()
    head, of, _ = lowered.partition(" of ")
    return head if of and not lowered.endswith(("chief of staff", "general staff")) else lowered


_FRENCH_OF = re.compile(r" (?:de|du|des|d')(?= |(?<=')\w)|,")


def _named(hit: Hit) -> bool:
    for candidate in hit.candidates:  # noqa: SIM110 - a loop is cheaper than any() here
        if candidate.id is not None:
            return True
    return False


def _mid_sentence(folded: str, position: int) -> bool:
    while position > 0 and folded[position - 1].isspace():
        position -= 1
    return position > 0 and folded[position - 1] not in ".!?:\"'"
