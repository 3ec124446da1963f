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
import operator
from collections.abc import Sequence

import attrs

from sahel_news.extract._event_clauses import Frame, is_passive
from sahel_news.extract._event_lexicon import Token, TriggerMatch
from sahel_news.extract._event_places import follows_locative
from sahel_news.models import ParticipantRole

__all__ = [
    "PLURAL_ANAPHORS",
    "EntityRef",
    "RoleAssignment",
    "assign_roles",
    "coordinated_countries",
    "locate_refs",
]

_START = operator.itemgetter(1)
SOURCE, TARGET, OTHER = ParticipantRole.SOURCE, ParticipantRole.TARGET, ParticipantRole.OTHER

_PLACE_FILLERS = frozenset(
    [
        "the",
        "a",
        "capital",
        "city",
        "town",
        "region",
        "village",
        "of",
        ",",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "north",
        "south",
        "east",
        "west",
        "nearby",
        "border",
        "restive",
        "troubled",
        "remote",
    ]
)
_PREPOSITIONS = frozenset(
    [
        "of",
        "by",
        "from",
        "with",
        "against",
        "to",
        "for",
        "on",
        "between",
        "upon",
        "towards",
        "toward",
    ]
)
_GAP_STOPS = frozenset(["and", "or", "with", "by", "that", "to", "from", "against", "of", "met"])
_MODIFIER_GAP = 7
_NOMINAL_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "new",
        "planned",
        "full",
        "complete",
        "total",
        "recent",
        "reported",
        "alleged",
        "military",
        "deadly",
        "latest",
        "first",
        "second",
        "brutal",
        "july",
        "june",
    ]
)
_NOMINAL_PREPOSITIONS = frozenset(
    [
        "since",
        "after",
        "before",
        "following",
        "amid",
        "despite",
        "over",
        "against",
        "of",
        "for",
        "about",
        "on",
        "to",
        "with",
        "in",
        "during",
        "by",
        "from",
        "at",
        "until",
    ]
)
PLURAL_ANAPHORS = frozenset(
    [
        "both",
        "they",
        "these",
        "those",
        "two",
        "three",
        "countries",
        "states",
        "juntas",
        "governments",
        "regimes",
        "colonies",
        "neighbours",
        "neighbors",
        "allies",
        "authorities",
        "nations",
    ]
)


@attrs.frozen
class EntityRef:
    """An actor or country mention within a sentence (character and token offsets)."""

    ref: str
    country: str | None
    is_country: bool
    start: int
    end: int
    first: int
    last: int


@attrs.frozen
class RoleAssignment:
    """The roles found for one trigger, and the words of its subject slot."""

    roles: tuple[tuple[EntityRef, ParticipantRole], ...]
    subject_words: tuple[str, ...]
    object_words: tuple[str, ...]


def locate_refs(
    tokens: Sequence[Token],
    mentions: Sequence[tuple[str, str | None, bool, int, int]],
    triggers: Sequence[TriggerMatch],
) -> list[EntityRef]:
    """Entity mentions ``(ref, country, is_country, start, end)`` placed on the tokens.

    Country mentions inside an actor's, or modifying an actor of that country, are dropped.
    """
    if not mentions:
        return []
    starts = list(map(_START, tokens))
    trigger_tokens = {i for m in triggers for i in range(m.first, m.last + 1)}
    refs: list[EntityRef] = []
    for ref, country, is_country, start, end in sorted(mentions, key=lambda m: (m[3], -m[4])):
        first = max(0, bisect.bisect_right(starts, start) - 1)
        last = max(first, bisect.bisect_left(starts, end) - 1)
        refs.append(EntityRef(ref, country, is_country, start, end, first, last))
    carriers = _Carriers([r for r in refs if not r.is_country])
    kept: list[EntityRef] = []
    # refs come by start, so a kept ref contains *item* iff it reaches at least as far
    widest_end = -1
    widest: set[EntityRef] = set()
    for item in refs:
        if item.is_country and carriers.carry(item, tokens, trigger_tokens):
            continue
        if widest_end > item.end or (widest_end == item.end and widest - {item}):
            continue
        kept.append(item)
        if item.end > widest_end:
            widest_end, widest = item.end, {item}
        elif item.end == widest_end:
            widest.add(item)
    return kept


class _Carriers:
    """The actors of a sentence indexed by country, to find one carrying a country mention."""

    def __init__(self, actors: Sequence[EntityRef]) -> None:
        by_country: dict[str | None, list[EntityRef]] = {}
        for actor in sorted(actors, key=lambda a: (a.start, a.first)):
            by_country.setdefault(actor.country, []).append(actor)
        self._actors = by_country
        self._starts = {code: [a.start for a in group] for code, group in by_country.items()}
        self._firsts = {code: sorted(a.first for a in group) for code, group in by_country.items()}
        self._reach: dict[str | None, list[int]] = {}
        for code, group in by_country.items():
            reach: list[int] = []
            for actor in group:
                reach.append(max(reach[-1], actor.end) if reach else actor.end)
            self._reach[code] = reach

    def carry(self, country: EntityRef, tokens: Sequence[Token], trigger_tokens: set[int]) -> bool:
        """Whether an actor of *country* contains it or follows it as its modifier."""
        group = self._actors.get(country.ref)
        if not group:
            return False
        # an actor starting at or before the mention and reaching its end contains it
        upto = bisect.bisect_right(self._starts[country.ref], country.start)
        if upto and self._reach[country.ref][upto - 1] >= country.end:
            return True
        # else one starting within _MODIFIER_GAP tokens after it, with no stop word between
        firsts = self._firsts[country.ref]
        low = bisect.bisect_right(firsts, country.last)
        high = bisect.bisect_right(firsts, country.last + 1 + _MODIFIER_GAP)
        return any(_modifies(country, first, tokens, trigger_tokens) for first in firsts[low:high])


def _modifies(
    country: EntityRef, actor_first: int, tokens: Sequence[Token], trigger_tokens: set[int]
) -> bool:
    """Whether a country mention modifies an actor starting at token *actor_first*."""
    gap = range(country.last + 1, actor_first)
    return len(gap) <= _MODIFIER_GAP and not any(
        tokens[i].norm in _GAP_STOPS or i in trigger_tokens for i in gap
    )


def _governing(tokens: Sequence[Token], ref: EntityRef, floor: int) -> str | None:
    """The preposition heading a mention's phrase, "and" for a coordinated one, else None."""
    index = ref.first - 1
    steps = 0
    while index > floor and steps < 8:
        word = tokens[index].norm
        if word in _PREPOSITIONS:
            return word
        if word in {"and", "or"}:
            return "and"
        if word in {",", ";"}:
            return ","
        index -= 1
        steps += 1
    return None


def _is_locative(tokens: Sequence[Token], ref: EntityRef) -> bool:
    return follows_locative(tokens, ref.first, fillers=_PLACE_FILLERS, lookback=6)


def _nominal_has_subject(tokens: Sequence[Token], trigger: TriggerMatch) -> bool:
    index = trigger.first - 1
    while index >= 0 and tokens[index].norm in _NOMINAL_DETERMINERS:
        index -= 1
    return index >= 0 and tokens[index].norm not in _NOMINAL_PREPOSITIONS


def _possessor(tokens: Sequence[Token], ref: EntityRef, trigger: TriggerMatch) -> bool:
    if ref.last + 1 >= len(tokens) or tokens[ref.last + 1].norm != "'s":
        return False
    return trigger.first - (ref.last + 2) <= 2


def assign_roles(
    frame: Frame, trigger: TriggerMatch, refs: Sequence[EntityRef], *, nominal: bool
) -> RoleAssignment:
    """The source, target and other participants of *trigger* among the sentence's *refs*."""
    tokens = frame.tokens
    low, high = frame.clause(trigger)
    entry = trigger.entry
    passive = not nominal and is_passive(frame, trigger)
    nominal_subject = not nominal or _nominal_has_subject(tokens, trigger)
    roles: list[tuple[EntityRef, ParticipantRole]] = []
    previous_role: ParticipantRole | None = None
    for ref in refs:
        if not frame.usable(ref.first, trigger):
            continue
        if ref.last < trigger.first and ref.first >= low:
            if _is_locative(tokens, ref):
                roles.append((ref, OTHER))
            elif nominal and _possessor(tokens, ref, trigger):
                roles.append((ref, entry.of_role))
            elif nominal_subject:
                roles.append((ref, TARGET if passive else SOURCE))
        elif ref.first > trigger.last and ref.last < high:
            governing = _governing(tokens, ref, trigger.last)
            if trigger.last + 1 == ref.first:
                governing = None
            if tokens[trigger.last].norm in _PREPOSITIONS and governing is None:
                governing = tokens[trigger.last].norm
            of_role = entry.of_role if nominal or tokens[trigger.last].norm == "of" else TARGET
            role = _right_role(governing, previous_role, of_role, entry.from_role)
            if _is_locative(tokens, ref):
                role = OTHER
            if passive and governing not in {"by", "and"} and role is not OTHER:
                role = OTHER
            if governing == "between":
                role = SOURCE
            roles.append((ref, role))
            previous_role = TARGET if governing == "between" else role
    roles = _tidy(roles)
    if entry.from_role is TARGET and all(role is not TARGET for _, role in roles):
        # "troops in Niger are to withdraw": withdrawing from where they are
        roles = [(ref, TARGET if role is OTHER and ref.is_country else role) for ref, role in roles]
    subject = frame.norms[low : trigger.first]
    obj = frame.norms[trigger.last + 1 : high]
    return RoleAssignment(tuple(roles), subject, obj)


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
    targets = {ref.ref for ref, role in roles if role is TARGET}
    seen: set[str] = set()
    tidy: list[tuple[EntityRef, ParticipantRole]] = []
    for ref, role in roles:
        if ref.ref in seen or (role is not TARGET and ref.ref in targets):
            continue
        seen.add(ref.ref)
        tidy.append((ref, role))
    return tidy


def coordinated_countries(tokens: Sequence[Token], refs: Sequence[EntityRef]) -> list[str]:
    """The last list of two or more countries joined by commas, "and" or "or" in a sentence."""
    countries = [r for r in refs if r.is_country]
    best: tuple[int, int] | None = None
    group_start = 0
    for position, ref in enumerate(countries):
        if position and not all(
            tokens[i].norm in {",", "and", "or"}
            for i in range(countries[position - 1].last + 1, ref.first)
        ):
            group_start = position
        if position - group_start >= 1:
            best = (group_start, position + 1)
    return [r.ref for r in countries[best[0] : best[1]]] if best else []
