"""PLOVER type decisions that a trigger's word alone cannot make: its object decides.

"Withdraw" names no event type by itself: troops withdrawn are a RETREAT, an ambassador
withdrawn or a bloc left reduce relations (SANCTION), and so do a permit, a licence or an
accord withdrawn or denounced. "Did not recognise" the authorities is a REJECT, not a
denied SUPPORT, and "dismissed" the report rejects it while "dismissed" the minister is a
personnel decision, no event of PLOVER's. The object is the run of words after the
trigger in its clause (before it, for a passive: "permits were withdrawn"), and the first
word of a known kind decides; the word lists are ``words.json``'s (docs/events.md, "Types
decided by the object", gives the reading of each family).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import NamedTuple

import attrs

from sahel_news.data import register_cache
from sahel_news.extract.events._clauses import Frame, is_passive
from sahel_news.extract.events._grammar import folded_set, grammar, negated
from sahel_news.extract.events._lexicon import TriggerEntry, TriggerMatch
from sahel_news.extract.events._participants import EntityRef
from sahel_news.models import ActorKind, PloverType

__all__ = ["WITHDRAWALS", "Decision", "decide_type"]

# The trigger modes whose object decides between a retreat and a sanction.
WITHDRAWALS = frozenset({"withdraw", "leave"})

# How many words after a trigger its object may take to show its head noun.
_OBJECT_REACH = 8
_Retype = tuple[str, str, str | None]  # a PLOVER type, a CAMEO code, a mode
_RELATIONS: _Retype = ("SANCTION", "161", "end-relations")
_DISCONTINUE: _Retype = ("SANCTION", "160", "discontinue")
_REJECT: _Retype = ("REJECT", "120", None)
_EXPEL: _Retype = ("SANCTION", "166", "expel")
_RETREAT: _Retype = ("RETREAT", "0874", "withdraw")
_BAN: _Retype = ("COERCE", "172", "ban")
_REFER: _Retype = ("ACCUSE", "112", "allege")
# how far after a trigger its object's first words are read for the decisions below
_NEAR = 4


class Decision(NamedTuple):
    """A trigger with the entry its context decided, and whether it took in a negation.

    A negation taken in ("did not recognise" as a REJECT) no longer makes the event denied.
    """

    trigger: TriggerMatch
    negation_taken: bool


class _Nouns(NamedTuple):
    forces: frozenset[str]
    envoys: frozenset[str]
    accords: frozenset[str]
    licences: frozenset[str]
    personnel: frozenset[str]


@register_cache
@functools.cache
def _nouns() -> _Nouns:
    return _Nouns(
        folded_set("force_nouns"),
        folded_set("envoy_nouns"),
        folded_set("accord_nouns"),
        folded_set("licence_nouns"),
        folded_set("personnel_nouns"),
    )


@functools.cache
def _retyped(entry: TriggerEntry, kind: str, cameo: str, mode: str | None) -> TriggerEntry:
    return attrs.evolve(entry, type=PloverType(kind), cameo=cameo, mode=mode, control=False)


def decide_type(
    frame: Frame,
    trigger: TriggerMatch,
    refs: Sequence[EntityRef],
    kinds: Mapping[str, ActorKind],
    last_withdrawal: TriggerEntry | None = None,
) -> Decision | None:
    """*trigger* with the type its object gives it, or None if it names no event at all.

    Args:
        frame: the sentence's clause regions.
        trigger: a trigger of the sentence.
        refs: the sentence's actor and country mentions.
        kinds: the kind of each actor of the article, by id.
        last_withdrawal: the entry the article's last withdrawal was decided to have: "the
            withdrawal" with nothing after it is that one again.
    """
    entry = trigger.entry
    mode = entry.mode
    if mode in WITHDRAWALS and _ordered_to_leave(frame, trigger):
        # "gave them 72 hours to leave", "ordered the ambassador to leave the territory":
        # an expulsion, however the order is worded
        kind, cameo, new_mode = _EXPEL
        return Decision(
            trigger._replace(entry=_retyped(entry, kind, cameo, new_mode)), negation_taken=False
        )
    if mode == "withdraw":
        decided = _withdrawn(frame, trigger, refs, kinds)
        if (
            decided is None
            and last_withdrawal is not None
            and entry.nominal
            and _object_head(frame, trigger, refs, kinds) is None
        ):
            return Decision(trigger._replace(entry=last_withdrawal), negation_taken=False)
    elif mode == "disapprove" and frame.norms[trigger.first].startswith(grammar().denounce_prefix):
        # denouncing a treaty ends it; condemning or criticising one does not
        decided = _DISCONTINUE if _object_head(frame, trigger, refs, kinds) == "accord" else None
    elif mode == "ease":
        # "to ease tensions" is an aim of diplomacy, not a concession
        following = frame.norms[trigger.last + 1 : trigger.last + 4]
        if not folded_set("dispute_nouns").isdisjoint(following):
            return None
        decided = None
    elif mode == "recognize":
        if _negated(frame.norms, trigger):
            kind, cameo, new_mode = _REJECT
            retyped = trigger._replace(entry=_retyped(entry, kind, cameo, new_mode))
            return Decision(retyped, negation_taken=True)
        decided = None
    elif mode == "leave":
        # "left" and "quit" say nothing alone ("left for Paris", "which it quit in
        # January"): forces leaving retreat, a bloc or treaty left is a sanction
        decided = _withdrawn(frame, trigger, refs, kinds)
        if decided is None and not _forces_leave(frame, trigger, refs, kinds):
            return None
    elif mode == "hand-over":
        # French "remettre": a base or camp handed over is a retreat; anything else is aid
        decided = _RETREAT if _hands_over_base(frame, trigger) else None
    elif mode == "suspend":
        # a medium suspended is a ban (COERCE 172); anything else suspended, a sanction
        decided = _BAN if _suspends_media(frame, trigger, refs, kinds) else None
    elif mode == "seize" and grammar().referral_nouns and _referral(frame, trigger, refs, kinds):
        decided = _REFER  # "saisir le Conseil de sécurité": a complaint, not a seizure
    elif mode == "dismiss":
        head = _object_head(frame, trigger, refs, kinds)
        if head in {"personnel", "person"}:
            return None  # a personnel decision: no PLOVER event
        decided = None
    else:
        return Decision(trigger, negation_taken=False)
    if decided is None:
        return Decision(trigger, negation_taken=False)
    kind, cameo, new_mode = decided
    retyped = trigger._replace(entry=_retyped(entry, kind, cameo, new_mode))
    return Decision(retyped, negation_taken=False)


def _withdrawn(
    frame: Frame,
    trigger: TriggerMatch,
    refs: Sequence[EntityRef],
    kinds: Mapping[str, ActorKind],
) -> tuple[str, str, str | None] | None:
    """SANCTION's type, CAMEO code and mode if what is withdrawn says so, else None."""
    if _forces_subject(frame, trigger):
        return None  # "troops are set to leave": forces leaving retreat, whatever they leave
    head = _object_head(frame, trigger, refs, kinds)
    if head == "envoy":
        return _RELATIONS
    if head in {"accord", "licence", "organisation"}:
        return _DISCONTINUE
    return None  # forces, a place, or nothing said: a retreat, as the lexicon has it


def _forces_subject(frame: Frame, trigger: TriggerMatch) -> bool:
    """Whether forces are the subject just before the trigger ("soldiers left", "troops are
    due to leave")."""
    low, _high = frame.clause(trigger)
    # French subjects run long ("les deux premiers avions de chasse stationnés sur la base
    # ont quitté"): the whole subject is read
    start = low if grammar().long_subjects else max(low, trigger.first - 4)
    subject = frame.norms[start : trigger.first]
    return not _nouns().forces.isdisjoint(subject)


def _forces_leave(
    frame: Frame,
    trigger: TriggerMatch,
    refs: Sequence[EntityRef],
    kinds: Mapping[str, ActorKind],
) -> bool:
    """Whether forces are what leaves: as the subject, or as the object ("pull troops out")."""
    return _forces_subject(frame, trigger) or _object_head(frame, trigger, refs, kinds) == "forces"


def _object_head(
    frame: Frame,
    trigger: TriggerMatch,
    refs: Sequence[EntityRef],
    kinds: Mapping[str, ActorKind],
) -> str | None:
    """The kind of the first telling word of the trigger's object, or None."""
    low, high = frame.clause(trigger)
    passive = is_passive(frame, trigger) and not trigger.entry.nominal
    if passive:  # "permits held by the firm were withdrawn": the subject was withdrawn
        positions = range(low, min(trigger.first, low + _OBJECT_REACH))
    else:
        positions = range(trigger.last + 1, min(high, trigger.last + 1 + _OBJECT_REACH))
    starting = {ref.first: ref for ref in refs}
    nouns = _nouns()
    norms = frame.norms
    adjuncts = grammar().adjuncts
    for index in positions:
        ref = starting.get(index)
        if ref is not None and ref.is_country:
            return "place"  # "left Niger": a place left, not a relation ended
        if ref is not None:
            kind = kinds.get(ref.ref)
            if kind is ActorKind.INTERGOVERNMENTAL:
                return "organisation"
            if kind is ActorKind.PERSON:
                return "person"
        word = norms[index]
        if word in adjuncts and not passive:
            break
        if word in nouns.forces:
            return "forces"
        if word in nouns.envoys:
            return "envoy"
        if word in nouns.accords:
            return "accord"
        if word in nouns.licences:
            return "licence"
        if word in nouns.personnel:
            return "personnel"
    return None


def _ordered_to_leave(frame: Frame, trigger: TriggerMatch) -> bool:
    """Whether the trigger is the infinitive of an order or a deadline: "72 hours to leave
    the country", "ordered the ambassador ... to leave"."""
    norms = frame.norms
    first = trigger.first
    if first < 2 or norms[first - 1] not in grammar().order_markers:
        return False
    if norms[first - 2] in folded_set("deadline_nouns"):
        return True
    low, _high = frame.clause(trigger)
    return not folded_set("order_verbs").isdisjoint(norms[max(0, low - 12) : first - 1])


def _negated(norms: Sequence[str], trigger: TriggerMatch) -> bool:
    """Whether a negation stands just before the trigger ("did not recognise")."""
    return negated(norms, trigger.first, trigger.last)


def _hands_over_base(frame: Frame, trigger: TriggerMatch) -> bool:
    """Whether what is handed over is a base, camp or other military site ("a remis au
    Sénégal le camp Geille"; "la base a été remise"): ``force_nouns`` in the object, or in
    the subject of a passive."""
    low, high = frame.clause(trigger)
    norms = frame.norms
    words = set(norms[trigger.last + 1 : min(high, trigger.last + 1 + _OBJECT_REACH)])
    if is_passive(frame, trigger):
        words.update(norms[low : trigger.first])
    return not _nouns().forces.isdisjoint(words)


def _object_kind(
    frame: Frame,
    trigger: TriggerMatch,
    refs: Sequence[EntityRef],
    kinds: Mapping[str, ActorKind],
) -> ActorKind | None:
    """The kind of the actor the trigger's object names first (a passive's subject)."""
    low, high = frame.clause(trigger)
    if is_passive(frame, trigger) and not trigger.entry.nominal:
        span = range(low, trigger.first)
    else:
        span = range(trigger.last + 1, min(high, trigger.last + 1 + _OBJECT_REACH))
    for ref in refs:
        if ref.first in span and not ref.is_country:
            return kinds.get(ref.ref)
    return None


def _referral(
    frame: Frame,
    trigger: TriggerMatch,
    refs: Sequence[EntityRef],
    kinds: Mapping[str, ActorKind],
) -> bool:
    """Whether "saisir" takes a court or council: a referral ("saisir la justice")."""
    following = frame.norms[trigger.last + 1 : trigger.last + 1 + _NEAR]
    if not grammar().referral_nouns.isdisjoint(following):
        return True
    near = range(trigger.last + 1, trigger.last + 1 + _NEAR)
    return any(
        ref.first in near and kinds.get(ref.ref) is ActorKind.INTERGOVERNMENTAL for ref in refs
    )


# how far a suspension's object may reach ("la suspension, pour trois mois, des émissions")
_SUSPENSION_REACH = 12


def _suspends_media(
    frame: Frame,
    trigger: TriggerMatch,
    refs: Sequence[EntityRef],
    kinds: Mapping[str, ActorKind],
) -> bool:
    """Whether what is suspended is a medium: an actor of kind media, or a broadcast."""
    if _object_kind(frame, trigger, refs, kinds) is ActorKind.MEDIA:
        return True
    _low, high = frame.clause(trigger)
    following = frame.norms[trigger.last + 1 : min(high, trigger.last + 1 + _SUSPENSION_REACH)]
    return not grammar().media_nouns.isdisjoint(following)
