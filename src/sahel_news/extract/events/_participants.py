"""Who takes part in an event: the actors and countries of its sentence, as source or target.

The sentence's entity mentions (from ``article.actors`` and ``article.countries``) are
read around the trigger within its clause: before it the subject (source, or target in
the passive), after it the object (target), with prepositions refining the role ("by"
names the doer, "of"/"from" follow the trigger's lexicon entry, "between X and Y" both
sides). A country written as a modifier of an actor of that country ("Malian Defense
Minister Sadio Camara", "Mali's interim leader, Assimi Goita") is carried by the actor.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from typing import NamedTuple

from sahel_news.data import month_names, register_cache
from sahel_news.extract.events._clauses import Frame, is_passive
from sahel_news.extract.events._grammar import _EN, folded_set, grammar
from sahel_news.extract.events._lexicon import TriggerMatch
from sahel_news.extract.events._places import follows_locative, is_place_name
from sahel_news.models import ParticipantRole
from sahel_news.text._tokens import Words

__all__ = [
    "PLURAL_ANAPHORS",
    "EntityRef",
    "RoleAssignment",
    "assign_roles",
    "coordinated_countries",
    "locate_refs",
]

SOURCE, TARGET, OTHER = ParticipantRole.SOURCE, ParticipantRole.TARGET, ParticipantRole.OTHER

_MODIFIER_GAP = 7
_SCANNED = 8  # a country with more actors than this in a sentence has them indexed
_REF_LOOKBACK = 6  # how far back a mention's locative preposition is looked for
# the English words; the reading takes the language's own from ``_grammar``
PLURAL_ANAPHORS = _EN.plural_anaphors


class EntityRef(NamedTuple):
    """An actor or country mention within a sentence (character and token offsets).

    ``locative`` says whether it names a place ("in Niger"), not a participant.
    """

    ref: str
    country: str | None
    is_country: bool
    start: int
    end: int
    first: int
    last: int
    locative: bool


class RoleAssignment(NamedTuple):
    """The roles found for one trigger, and the words of its subject slot."""

    roles: tuple[tuple[EntityRef, ParticipantRole], ...]
    subject_words: Sequence[str]
    object_words: Sequence[str]


def locate_refs(
    words: Words,
    mentions: Sequence[tuple[str, str | None, bool, int, int]],
    triggers: Sequence[TriggerMatch],
) -> list[EntityRef]:
    """Entity mentions ``(ref, country, is_country, start, end)`` placed on the *words*.

    *mentions* come by start, and where starts tie longest first. Country mentions inside
    an actor's, or modifying an actor of that country, are dropped.
    """
    if not mentions:
        return []
    starts, norms = words.starts, words.norms
    refs: list[EntityRef] = []
    carried: set[str | None] = set()  # the countries of the sentence's actors
    for ref, country, is_country, start, end in mentions:
        first = bisect.bisect_right(starts, start) - 1
        first = max(first, 0)
        last = bisect.bisect_left(starts, end, first) - 1
        last = max(last, first)
        # a mention's own look back: no comma between it and "in", and one word shorter
        locative = first > 0 and _locative(norms, first, last)
        refs.append(EntityRef(ref, country, is_country, start, end, first, last, locative))
        if not is_country:
            carried.add(country)
    # only a country some actor of the sentence belongs to can be carried by one
    carriers = (
        _Carriers([r for r in refs if not r.is_country], norms, triggers)
        if any(r.is_country and r.ref in carried for r in refs)
        else None
    )
    kept: list[EntityRef] = []
    # refs come by start, so a kept ref contains *item* iff it reaches at least as far
    widest_end = -1
    widest: list[EntityRef] = []  # the kept refs reaching widest_end
    for item in refs:
        end = item.end
        if end < widest_end or (end == widest_end and any(other != item for other in widest)):
            continue
        if item.is_country and carriers is not None and carriers.carry(item):
            continue
        kept.append(item)
        if end > widest_end:
            widest_end, widest = end, [item]
        else:
            widest.append(item)
    return kept


def _locative(norms: Sequence[str], first: int, last: int) -> bool:
    """Whether a mention names a place, not a participant: "in Niger", "à Niamey".

    French "à", "au" also name a recipient ("a remis au Niger", "a demandé à la CEDEAO"):
    after them only a gazetteer place (a city, a capital) is a location.
    """
    fillers = _lists().place_fillers
    weak = grammar().weak_locatives
    if follows_locative(norms, first, fillers=fillers, lookback=_REF_LOOKBACK, weak=weak):
        return True
    if not weak or not follows_locative(norms, first, fillers=fillers, lookback=_REF_LOOKBACK):
        return False
    return is_place_name(norms[first : last + 1])


class _Lists(NamedTuple):
    """The word lists of ``words.json`` that participants are read with."""

    place_fillers: frozenset[str]
    prepositions: frozenset[str]
    nominal_determiners: frozenset[str]
    nominal_prepositions: frozenset[str]


@register_cache
@functools.cache
def _lists() -> _Lists:
    # "the July coup", "the June attack": a month name stands as a determiner ("may" is
    # also the modal verb, so it does not)
    months = frozenset(month_names()) - {"may"}
    return _Lists(
        place_fillers=folded_set("participant_place_fillers") | {","},
        prepositions=folded_set("prepositions"),
        nominal_determiners=folded_set("nominal_determiners") | months,
        nominal_prepositions=folded_set("nominal_prepositions"),
    )


class _Carriers:
    """The actors of a sentence by country, to find one carrying a country mention.

    A country with few actors in the sentence has them scanned; one with many has them
    indexed when a mention of it is first looked up, so a long list stays linear.
    """

    def __init__(
        self, actors: Sequence[EntityRef], norms: Sequence[str], triggers: Sequence[TriggerMatch]
    ) -> None:
        self._norms = norms
        self._triggers = triggers
        self._trigger_tokens: set[int] | None = None  # made at first need
        # actors come in reading order (by start, so by first token too)
        self._actors: dict[str | None, list[EntityRef]] = {}
        for actor in actors:
            self._actors.setdefault(actor.country, []).append(actor)
        self._indexes: dict[str, _CarrierIndex] = {}

    def _index(self, code: str, group: list[EntityRef]) -> _CarrierIndex:
        found = self._indexes.get(code)
        if found is None:
            reach: list[int] = []
            for actor in group:
                reach.append(max(reach[-1], actor.end) if reach else actor.end)
            found = self._indexes[code] = _CarrierIndex(
                [a.start for a in group], reach, [a.first for a in group]
            )
        return found

    def carry(self, country: EntityRef) -> bool:
        """Whether an actor of *country* contains it or follows it as its modifier."""
        group = self._actors.get(country.ref)
        if not group:
            return False
        start, end, last = country.start, country.end, country.last
        # an actor starting at or before the mention and reaching its end contains it;
        # else one starting within _MODIFIER_GAP tokens after it, with no stop word
        # between, modifies it
        if len(group) <= _SCANNED:
            if any(a.start <= start and a.end >= end for a in group):
                return True
            firsts = [a.first for a in group if last < a.first <= last + 1 + _MODIFIER_GAP]
        else:
            index = self._index(country.ref, group)
            upto = bisect.bisect_right(index.starts, start)
            if upto and index.reach[upto - 1] >= end:
                return True
            low = bisect.bisect_right(index.firsts, last)
            high = bisect.bisect_right(index.firsts, last + 1 + _MODIFIER_GAP)
            firsts = index.firsts[low:high]
        if not firsts:
            return False
        if self._trigger_tokens is None:
            self._trigger_tokens = {i for m in self._triggers for i in range(m.first, m.last + 1)}
        return any(_modifies(country, first, self._norms, self._trigger_tokens) for first in firsts)


class _CarrierIndex(NamedTuple):
    """One country's actors: their starts, furthest end so far, and first tokens, in order."""

    starts: list[int]
    reach: list[int]
    firsts: list[int]


def _modifies(
    country: EntityRef, actor_first: int, norms: Sequence[str], trigger_tokens: set[int]
) -> bool:
    """Whether a country mention modifies an actor starting at token *actor_first*."""
    gap = range(country.last + 1, actor_first)
    stops = grammar().gap_stops
    return len(gap) <= _MODIFIER_GAP and not any(
        norms[i] in stops or i in trigger_tokens for i in gap
    )


def _governing(norms: Sequence[str], ref: EntityRef, floor: int) -> str | None:
    """The preposition heading a mention's phrase, "and" for a coordinated one, else None."""
    index = ref.first - 1
    steps = 0
    prepositions = _lists().prepositions
    g = grammar()
    while index > floor and steps < 8:
        word = norms[index]
        if word in prepositions:
            return g.canonical.get(word, word)
        if word in g.coordinators:
            return "and"
        if word in {",", ";"}:
            return ","
        index -= 1
        steps += 1
    return None


def _nominal_has_subject(norms: Sequence[str], trigger: TriggerMatch) -> bool:
    index = trigger.first - 1
    lists = _lists()
    while index >= 0 and norms[index] in lists.nominal_determiners:
        index -= 1
    return index >= 0 and norms[index] not in lists.nominal_prepositions


def _possessor(norms: Sequence[str], ref: EntityRef, trigger: TriggerMatch) -> bool:
    if ref.last + 1 >= len(norms) or norms[ref.last + 1] != "'s":
        return False
    return trigger.first - (ref.last + 2) <= 2


def assign_roles(
    frame: Frame, trigger: TriggerMatch, refs: Sequence[EntityRef], *, nominal: bool
) -> RoleAssignment:
    """The source, target and other participants of *trigger* among the sentence's *refs*."""
    norms = frame.norms
    low, high = frame.clause(trigger)
    entry = trigger.entry
    passive = not nominal and is_passive(frame, trigger)
    nominal_subject = not nominal or _nominal_has_subject(norms, trigger)
    roles: list[tuple[EntityRef, ParticipantRole]] = []
    previous_role: ParticipantRole | None = None
    for ref in refs:
        before = low <= ref.first and ref.last < trigger.first
        if not (before or (trigger.last < ref.first and ref.last < high)):
            continue  # outside the clause
        if not frame.usable(ref.first, trigger):
            continue
        if before:
            if ref.locative:
                roles.append((ref, OTHER))
            elif nominal and _possessor(norms, ref, trigger):
                roles.append((ref, entry.of_role))
            elif nominal_subject:
                roles.append((ref, TARGET if passive else SOURCE))
        else:
            governing = _governing(norms, ref, trigger.last)
            if trigger.last + 1 == ref.first:
                governing = None
            last_word = norms[trigger.last]
            if last_word in _lists().prepositions and governing is None:
                governing = grammar().canonical.get(last_word, last_word)
            of_role = (
                entry.of_role
                if nominal or grammar().canonical.get(last_word, last_word) == "of"
                else TARGET
            )
            role = _right_role(governing, previous_role, of_role, entry.from_role)
            if governing == "by" and not (passive or nominal):
                # an active verb's doer stands before it: "protested against the sanctions
                # imposed by X" names the doer of the sanctions, what the protest is against
                between = norms[trigger.last + 1 : ref.first]
                canonical = grammar().canonical
                against = any(canonical.get(w, w) == "against" for w in between)
                role = TARGET if against else OTHER
            if ref.locative:
                role = OTHER
            if passive and governing not in {"by", "and"} and role is not OTHER:
                role = OTHER
            if governing == "between":
                role = SOURCE
            roles.append((ref, role))
            if ref.locative and grammar().place_before_object:
                continue  # "a reçu à Niamey le ministre, X": the place lends X no role
            previous_role = TARGET if governing == "between" else role
    if nominal and grammar().of_agent_before_against:
        roles = _agent_before_against(norms, trigger, roles)
    roles = _tidy(roles)
    if entry.from_role is TARGET and all(role is not TARGET for _, role in roles):
        # "troops in Niger are to withdraw": withdrawing from where they are
        roles = [(ref, TARGET if role is OTHER and ref.is_country else role) for ref, role in roles]
    subject = frame.norms[low : trigger.first]
    obj = frame.norms[trigger.last + 1 : high]
    return RoleAssignment(tuple(roles), subject, obj)


def _agent_before_against(
    norms: Sequence[str],
    trigger: TriggerMatch,
    roles: list[tuple[EntityRef, ParticipantRole]],
) -> list[tuple[EntityRef, ParticipantRole]]:
    """ "l'attaque de Boko Haram contre la base": with "contre" after it, the noun's "de"
    names the doer, as "by" would."""
    canonical = grammar().canonical
    after = [ref for ref, _ in roles if ref.first > trigger.last]
    if not after:
        return roles
    first = after[0]
    between = norms[trigger.last + 1 : first.first]
    if not between or canonical.get(between[0], between[0]) != "of":
        return roles
    tail = norms[first.last + 1 :]
    if not any(canonical.get(word) == "against" for word in tail[:6]):
        return roles
    return [(ref, SOURCE if ref is first else role) for ref, role in roles]


def _right_role(
    governing: str | None,
    previous: ParticipantRole | None,
    of_role: ParticipantRole,
    from_role: ParticipantRole,
) -> ParticipantRole:
    if governing in {"and", ","}:
        return previous if previous is not None else TARGET
    if governing == "by":
        return SOURCE
    if governing == "of":
        return of_role
    if governing == "from":
        return from_role
    return TARGET


def _tidy(
    roles: list[tuple[EntityRef, ParticipantRole]],
) -> list[tuple[EntityRef, ParticipantRole]]:
    """One role per reference: a target never doubles as its own source."""
    if len(roles) < 2:
        return roles
    targets = {ref.ref for ref, role in roles if role is TARGET}
    seen: set[str] = set()
    tidy: list[tuple[EntityRef, ParticipantRole]] = []
    for ref, role in roles:
        if ref.ref in seen or (role is not TARGET and ref.ref in targets):
            continue
        seen.add(ref.ref)
        tidy.append((ref, role))
    return tidy


def coordinated_countries(norms: Sequence[str], refs: Sequence[EntityRef]) -> list[str]:
    """The last list of two or more countries joined by commas, "and" or "or" in a sentence."""
    countries = [r for r in refs if r.is_country]
    joins = {",", *grammar().coordinators, *grammar().list_fillers}
    best: tuple[int, int] | None = None
    group_start = 0
    for position, ref in enumerate(countries):
        if position and not all(
            norms[i] in joins for i in range(countries[position - 1].last + 1, ref.first)
        ):
            group_start = position
        if position - group_start >= 1:
            best = (group_start, position + 1)
    return [r.ref for r in countries[best[0] : best[1]]] if best else []
