"""Events: who did what to whom, where and when, PLOVER-coded, found sentence by sentence.

For each sentence of the headline, standfirst and body (related-link titles are other
stories and are skipped) the trigger lexicon finds the words that state an event; the
clause around each trigger gives its participants (the article's actor and country
mentions), its status, its place (a gazetteer place after "in"/"at", else the dateline)
and its time (the nearest time expression of its clause, resolved against the
publication date; body sentences chain "the day before" to the time before them). The
headline and standfirst restate the body, so their events fold into the body's; see
``events._merge``. Quotes come from `sahel_news.extract.quotes`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple

import attrs

from sahel_news.data import using_language
from sahel_news.extract.events._background import is_background
from sahel_news.extract.events._clauses import Frame, frame_of, status_of
from sahel_news.extract.events._discourse import DiscourseTime
from sahel_news.extract.events._grammar import folded_set, grammar
from sahel_news.extract.events._lexicon import (
    TriggerEntry,
    TriggerMatch,
    contexts_of,
    triggers_in,
)
from sahel_news.extract.events._merge import Candidate, merge_candidates
from sahel_news.extract.events._participants import (
    EntityRef,
    assign_roles,
    coordinated_countries,
    locate_refs,
)
from sahel_news.extract.events._places import PlaceHit, find_places, lookup_place
from sahel_news.extract.events._types import WITHDRAWALS, Decision, decide_type
from sahel_news.extract.quotes import quotes_in
from sahel_news.extract.time import (
    TimeExpression,
    TimeResolutionError,
    find_times,
    precision_of,
    resolve_time,
)
from sahel_news.extract.time._relative import EVENT_RELATIVE
from sahel_news.models import (
    ActorKind,
    Article,
    Country,
    DateRange,
    Diagnostic,
    Event,
    EventStatus,
    Mention,
    Part,
    Participant,
    ParticipantRole,
    Place,
    PlaceKind,
    PloverType,
    Span,
)
from sahel_news.models._unchecked import unchecked
from sahel_news.text import Doc
from sahel_news.text._units import (
    EntityMention,
    Sentence,
    mention,
    mentions_by_text,
)

__all__ = ["events_of", "extract_events"]

SOURCE, TARGET, OTHER = ParticipantRole.SOURCE, ParticipantRole.TARGET, ParticipantRole.OTHER
_RESTATING = frozenset({Part.HEADLINE, Part.STANDFIRST})
_BACK_PATTERN = (
    r"\b(prior to|before|ahead of|after|following)\s+(?:the|their|this|that)\s+"
    r"(?:meeting|meetings|talks|visit|summit|audience)\b"
)
_BACK_REFERENCE = re.compile(_BACK_PATTERN, re.IGNORECASE)
_BACK_REFERENCE_LOWER = re.compile(_BACK_PATTERN)
_BACK_WORDS = ("prior", "before", "ahead", "after", "following")
# Letters case-insensitive matching equates with ASCII ones (dotless i, long s, ...).
_FOLDED = "\u0130\u0131\u017f\u212a"
_WEEK = timedelta(days=6)

_MentionIndex = dict[tuple[Part, int], "_TextMentions"]


class _TextMentions(NamedTuple):
    """One text's entity mentions by start (where spans tie, countries first), and the starts."""

    mentions: list[EntityMention]
    starts: list[int]

    @classmethod
    def of(cls, mentions: list[EntityMention]) -> _TextMentions:
        by_start = sorted(mentions, key=_by_span)  # stable: ties keep the article's order
        return cls(by_start, [m[3] for m in by_start])


def _by_span(mention: EntityMention) -> tuple[int, int, bool]:
    return mention[3], -mention[4], not mention[2]


def _mention_index(found: dict[tuple[Part, int], list[EntityMention]]) -> _MentionIndex:
    return {key: _TextMentions.of(mentions) for key, mentions in found.items()}


def _sentence_mentions(index: _MentionIndex, sentence: Sentence) -> list[EntityMention]:
    """The mentions wholly inside *sentence*, with offsets into it.

    They come by start, longest first where starts tie, and in index order where spans
    tie (the order `locate_refs` reads them in).
    """
    text = index.get((sentence.part, sentence.index))
    if text is None:
        return []
    low = bisect.bisect_left(text.starts, sentence.start)
    high = bisect.bisect_left(text.starts, sentence.end, low)
    offset, end_limit = sentence.start, sentence.end
    return [
        (ref, country, is_country, start - offset, end - offset)
        for ref, country, is_country, start, end in text.mentions[low:high]
        if end <= end_limit
    ]


@attrs.define
class _State:
    """What reading earlier sentences left behind for later ones."""

    article: Article
    anchor: date | None
    countries_of: dict[str, str | None]
    kinds: dict[str, ActorKind]
    discourse: DiscourseTime
    last_withdrawal: TriggerEntry | None = None  # as its object decided it
    previous_time: DateRange | None = None
    last_group: list[str] = attrs.Factory(list)
    dateline_place: Place | None = None
    dateline_span: Span | None = None
    candidates: list[Candidate] = attrs.Factory(list)
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    sentence_no: int = 0
    # the latest candidate of each type, and the latest time of each type ("two days after
    # the attack", "prior to the meeting"), so that looking back costs the same however many
    # candidates came before
    last_of_type: dict[str, Candidate] = attrs.Factory(dict)
    last_dated_of_type: dict[str, DateRange] = attrs.Factory(dict)


def extract_events(article: Article) -> Article:
    """The article with its events and quotes found, and countries implied by places added.

    Relative dates are resolved against the publication date; without one they stay
    unresolved and a ``relative-date-unresolved`` diagnostic says so. The texts are read in
    the article's language (``article.language``; when None, the language in use).

    Args:
        article: an article whose countries and actors are already found (with mentions).
    """
    doc = Doc(article)
    with using_language(doc.language):
        found = events_of(doc)
    # one evolve: building an Article runs the whole-article checks
    return attrs.evolve(article, **found)


def events_of(doc: Doc) -> dict[str, Any]:
    """What `extract_events` changes on the Doc's article: countries, events, quotes, notes.

    Each value is valid on its own; whether they fit the article as a whole is checked when
    an Article is built with them.
    """
    article = doc.article
    countries_of: dict[str, str | None] = {c.alpha3: c.alpha3 for c in article.countries}
    countries_of.update({a.id: a.country for a in article.actors})
    anchor = article.published.date() if article.published is not None else None
    state = _State(
        article,
        anchor,
        countries_of,
        {a.id: a.kind for a in article.actors},
        DiscourseTime(anchor),
        dateline_place=_dateline_place(article),
        dateline_span=article.dateline.span if article.dateline is not None else None,
    )
    by_text = mentions_by_text(article)
    index = _mention_index(by_text)
    bounds: dict[tuple[Part, int], list[tuple[int, int]]] = {}  # for the quotes
    for sentence in doc.body_sentences():
        bounds.setdefault((sentence.part, sentence.index), []).append(
            (sentence.start, sentence.end)
        )
        state.sentence_no += 1
        _read_sentence(state, sentence, _sentence_mentions(index, sentence))
    merged = merge_candidates(state.candidates, countries_of)
    events = tuple(_event(f"e{n}", c) for n, c in enumerate(merged, start=1))
    known = {c.alpha3 for c in article.countries}
    places = dict.fromkeys(
        e.where.country for e in events if e.where is not None and e.where.country
    )
    implied = tuple(Country.from_code(code) for code in places if code not in known)
    # a country an event takes place in is one the article is about, whoever's home it is
    countries = tuple(
        attrs.evolve(c, actor_home_only=False) if c.actor_home_only and c.alpha3 in places else c
        for c in article.countries
    )
    return {
        "countries": countries + implied,
        "events": events,
        "quotes": quotes_in(article, bounds, by_text),
        "diagnostics": article.diagnostics + tuple(dict.fromkeys(state.diagnostics)),
    }


_ROLE_ORDER = {SOURCE: 0, TARGET: 1, OTHER: 2}
_PLOVER_TYPES = {kind.value: kind for kind in PloverType}  # quicker than calling the Enum


def _role_order(item: tuple[str, ParticipantRole]) -> int:
    return _ROLE_ORDER[item[1]]


# Every field comes from checked values: the article's own actor ids and country codes,
# spans of its texts, lexicon entries checked when the table loads; the finished article
# checks every reference and span again.
_new_event = unchecked(Event)
_new_participant = unchecked(Participant)


def _event(event_id: str, candidate: Candidate) -> Event:
    participants = tuple(
        _new_participant(ref, role)
        for ref, role in sorted(candidate.roles.items(), key=_role_order)
    )
    return _new_event(
        id=event_id,
        type=_PLOVER_TYPES[candidate.type],
        trigger=mention(*candidate.trigger),
        evidence=tuple(candidate.evidence),
        participants=participants,
        when=candidate.when,
        where=candidate.where,
        status=candidate.status,
        mode=candidate.mode,
        context=candidate.context,
        cameo=candidate.cameo,
        inferred_time=candidate.inferred if candidate.when is None else None,
    )


def _outside_dateline(
    state: _State, sentence: Sentence, times: list[TimeExpression]
) -> list[TimeExpression]:
    """*times* without those of a wire dateline ("NIAMEY, May 10 (Reuters) -").

    A dateline's date says when the story was filed, not when anything in it happened; the
    events of its sentence have their own times ("on Thursday") or none.
    """
    span = state.dateline_span
    if (
        span is None
        or not times
        or span.part is not sentence.part
        or span.index != sentence.index
        or span.end <= sentence.start
    ):
        return times
    cut = span.end - sentence.start
    return [t for t in times if t.start >= cut]


def _outside_names(
    triggers: list[TriggerMatch], mentions: list[EntityMention]
) -> list[TriggerMatch]:
    """The triggers not inside an actor's name: the "soutien" of "Groupe de soutien à
    l'islam et aux musulmans" names a group, not an act of support."""
    names = [(m[3], m[4]) for m in mentions if not m[2]]
    return [t for t in triggers if not any(s <= t.start and t.end <= e for s, e in names)]


def _read_sentence(
    state: _State,
    sentence: Sentence,
    mentions: list[EntityMention],
) -> None:
    words = sentence.words  # one tokenisation, read by every step below
    norms = words.norms
    triggers = triggers_in(words)
    if triggers and mentions:
        triggers = _outside_names(triggers, mentions)
    restates = sentence.part in _RESTATING
    times: list[TimeExpression] = []
    resolved: list[DateRange] = []  # this sentence's own resolved times (none if it restates)
    if triggers or not restates:
        previous = None if restates else state.previous_time
        times = _outside_dateline(
            state, sentence, find_times(sentence.text, anchor=state.anchor, previous=previous)
        )
    anchors: set[tuple[int, int]] = set()  # triggers that only name what a time counts from
    if times and not restates:
        times = [_counted_from_event(state, t, triggers, anchors) for t in times]
    if not restates:
        resolved = [t.range for t in times if t.range is not None]
        if resolved:
            state.previous_time = resolved[-1]
    if not triggers and sum(1 for m in mentions if m[2]) < 2:
        return  # no event, and too few countries for a group "both countries" could mean
    frame = frame_of(norms)
    refs = locate_refs(words, mentions, triggers)
    if triggers:
        places = _SentencePlaces(sentence, find_places(words), state.dateline_place)
        contexts = contexts_of(norms)
        evidence = sentence.span
        in_sentence: list[Candidate] = []
        back_reference: list[DateRange | None] = []  # read at first need, once a sentence
        ends = words.ends
        timed = [(t, bisect.bisect_right(ends, t.start)) for t in times]  # with first tokens
        # background nouns ("since the coup of July 26") name no event, and their own
        # time dates nothing else, even under another trigger's complement
        background = {
            (t.first, t.last)
            for t in triggers
            if _is_nominal(norms, t)[0]
            and is_background(
                norms,
                sentence.text,
                words.starts,
                t,
                title_case=restates,
                names_participant=_names_participant(norms, refs, t),
            )
        }
        if background:
            timed = [(t, first) for t, first in timed if not _attached(norms, background, first)]
            times = [t for t, _ in timed]
        skipped = background | anchors
        chosen: list[Decision] = []
        for found in _unabsorbed(frame, triggers):
            decision = decide_type(frame, found, refs, state.kinds, state.last_withdrawal)
            if decision is None:
                continue
            trigger = decision.trigger
            if found.entry.mode in WITHDRAWALS:
                state.last_withdrawal = trigger.entry
            if (trigger.first, trigger.last) not in skipped:
                chosen.append(decision)
        for decision in chosen:
            trigger = decision.trigger
            candidates = _candidates(
                state, sentence, frame, trigger, evidence, refs=refs, in_sentence=in_sentence
            )
            if decision.negation_taken:  # "did not recognise" rejects; it denies nothing
                for candidate in candidates:
                    if candidate.status is EventStatus.DENIED:
                        candidate.status = EventStatus.OCCURRED
            when = _time_of(state, frame, trigger, timed) or _when_clause_time(
                state, sentence.text, trigger, times
            )
            where = places.of(frame, trigger)
            for candidate in candidates:
                candidate.when = candidate.when or when
                if candidate.status is EventStatus.PLANNED:
                    candidate.when = _read_again(state.anchor, candidate.when, future=True)
                elif candidate.status is EventStatus.OCCURRED:
                    candidate.when = _read_again(state.anchor, candidate.when, future=False)
                    if _since(candidate.when):
                        candidate.status = EventStatus.ONGOING
                if candidate.when is None:
                    if not back_reference:
                        back_reference.append(_back_reference_time(state, sentence.text))
                    candidate.when = back_reference[0]
                if not restates:
                    _date_by_discourse(state, sentence, candidate, times)
                candidate.where = where
                candidate.context = contexts
                in_sentence.append(candidate)
        state.candidates.extend(in_sentence)
        if not restates:
            # "The next day" counts from the last dated event, not from a date that only
            # says when it was reported or names an election ("told reporters on Wednesday")
            dated = [c.when for c in in_sentence if c.when is not None and c.when in resolved]
            if dated:
                state.previous_time = dated[-1]
        for candidate in in_sentence:  # final now: later sentences look back at them
            state.last_of_type[candidate.type] = candidate
            if candidate.when is not None:
                state.last_dated_of_type[candidate.type] = candidate.when
    if sum(r.is_country for r in refs) < 2:
        return  # no list of countries
    group = coordinated_countries(norms, [r for r in refs if not frame.is_reporting(r.first)])
    if group:
        state.last_group = group


def _attached(norms: Sequence[str], background: set[tuple[int, int]], first: int) -> bool:
    """Whether a time starting at token *first* belongs to a background noun: right after
    it ("the coup last July") or after its "of" or "in" ("the coup of July 26")."""
    for _start, last in background:
        if first == last + 1 or (first == last + 2 and norms[last + 1] in grammar().attached):
            return True
    return False


def _date_by_discourse(
    state: _State,
    sentence: Sentence,
    candidate: Candidate,
    times: Sequence[TimeExpression],
) -> None:
    """Record a body event's stated time as the story's reference, or infer one from it."""
    refs = candidate.roles.keys()
    if candidate.when is None:
        candidate.inferred = state.discourse.infer(status=candidate.status, refs=refs)
        return
    for expression in times:
        if expression.range is candidate.when:
            source = mention(sentence, expression.start, expression.end)
            state.discourse.stated(candidate.when, source, status=candidate.status, refs=refs)
            return


# How far after "two days after" the event noun or clause it counts from may start.
_EVENT_REACH = 40


def _counted_from_event(
    state: _State,
    expression: TimeExpression,
    triggers: Sequence[TriggerMatch],
    anchors: set[tuple[int, int]],
) -> TimeExpression:
    """ "Two days after the attack": the days counted from the last such event's time.

    The event is the first trigger after the words ("the attack", "Algeria hosted"); its
    time is that of the story's last event of that type with a stated time. That trigger
    names the earlier event again, so it is added to *anchors*: it gives no new event.
    """
    if expression.range is not None or expression.problem != EVENT_RELATIVE:
        return expression
    following = next(
        (t for t in triggers if expression.end <= t.start <= expression.end + _EVENT_REACH), None
    )
    if following is None:
        return expression
    reference = state.last_dated_of_type.get(following.entry.type)
    if reference is None:
        return expression
    try:
        counted = resolve_time(expression.text, anchor=state.anchor, previous=reference)
    except TimeResolutionError:
        return expression
    anchors.add((following.first, following.last))
    return attrs.evolve(expression, range=counted, problem=None)


def _names_participant(
    norms: Sequence[str], refs: Sequence[EntityRef], trigger: TriggerMatch
) -> bool:
    """Whether an actor or country stands right after a nominal trigger ("the overthrow of
    President Bazoum"), in its phrase and not as a place ("the coup in Niamey")."""
    for ref in refs:
        if ref.locative or not trigger.last < ref.first <= trigger.last + 3:
            continue
        if all(norms[i][0].isalnum() for i in range(trigger.last + 1, ref.first)):
            return True
    return False


def _joined(frame: Frame, earlier: TriggerMatch, later: TriggerMatch) -> bool:
    """Whether nothing breaks the clause between two triggers of a sentence."""
    breaks = grammar().clause_breaks
    return not any(frame.norms[i] in breaks for i in range(earlier.last + 1, later.first))


def _unabsorbed(frame: Frame, triggers: Sequence[TriggerMatch]) -> Iterator[TriggerMatch]:
    """Triggers that state events of their own, not parts of another trigger's event.

    A control trigger's complement is part of it ("agreed to develop ties and
    collaborate": the agreement is the event), and so is a purpose clause ("protested to
    demand", "met to discuss"). A denial is the other way round: "denied attacking the
    convoy" is an attack, denied.
    """
    controller: TriggerMatch | None = None
    previous: TriggerMatch | None = None
    pending_denial: TriggerMatch | None = None
    g = grammar()
    for trigger in triggers:
        before = frame.norms[trigger.first - 1] if trigger.first else ""
        if controller is not None and _coordinated_verb(frame.norms, controller, trigger):
            controller = None  # "rejected the claim and demanded ...": a second event
        if controller is not None and _joined(frame, controller, trigger):
            if pending_denial is controller:
                pending_denial = None
                yield trigger
            continue
        if previous is not None and before in g.infinitive and _joined(frame, previous, trigger):
            continue
        if pending_denial is not None:
            yield pending_denial
            pending_denial = None
        previous = trigger
        if trigger.entry.control and _takes_complement(frame.norms, trigger):
            controller = trigger
            if frame.norms[trigger.first] in g.denial:
                pending_denial = trigger
                continue
        else:
            controller = None
        yield trigger
    if pending_denial is not None:
        yield pending_denial


def _word_before(norms: Sequence[str], first: int) -> str:
    """The word before token *first*, over auxiliaries ("et a rappelé": "et"), or ""."""
    auxiliaries = grammar().auxiliaries
    index = first - 1
    while index >= 0 and norms[index] in auxiliaries:
        index -= 1
    return norms[index] if index >= 0 else ""


def _coordinated_verb(
    norms: Sequence[str], controller: TriggerMatch, trigger: TriggerMatch
) -> bool:
    """Whether *trigger* is a verb coordinated with *controller*, outside its complement.

    "agreed to develop ties and collaborate" and "accused France of arming and training
    rebels" keep the second verb inside the complement (an infinitive, a gerund); in
    "rejected the accusation and demanded their release" the demand stands on its own.
    """
    g = grammar()
    if _word_before(norms, trigger.first) not in g.coordinators:
        return False
    word = norms[trigger.first]
    if word.endswith(g.participle_suffix) or _is_nominal(norms, trigger)[0]:
        return False
    return g.infinitive.isdisjoint(norms[controller.last + 1 : trigger.first])


def _outside_complement(
    frame: Frame,
    trigger: TriggerMatch,
    assigned: Sequence[tuple[EntityRef, ParticipantRole]],
    roles: dict[str, ParticipantRole],
) -> None:
    """Targets inside a control verb's complement take part, but are not its targets.

    "accused France of preparing an attack on Niger": France is accused; Niger belongs to
    the attack the accusation is about, so it is no second target (and no second event).
    """
    norms = frame.norms
    _low, high = frame.clause(trigger)
    complements = grammar().noun_complements
    start = next((i for i in range(trigger.last + 1, high) if norms[i] in complements), None)
    if start is None:
        return
    before = [ref for ref, role in assigned if role is TARGET and ref.first < start]
    if not before:
        return  # "urged to leave Mali and Niger": the complement is all there is
    for ref, role in assigned:
        if role is TARGET and ref.first > start and roles.get(ref.ref) is TARGET:
            roles[ref.ref] = OTHER


def _ordered_to_leave(
    frame: Frame,
    trigger: TriggerMatch,
    assigned: Sequence[tuple[EntityRef, ParticipantRole]],
    roles: dict[str, ParticipantRole],
) -> None:
    """ "a donné 48 heures à l'ambassadeur X pour quitter le territoire": X, named after the
    order or the deadline, is the one expelled, not a second doer."""
    norms = frame.norms
    low, _high = frame.clause(trigger)
    orders = folded_set("order_verbs") | folded_set("deadline_nouns")
    order = next((i for i in range(trigger.first - 1, low - 1, -1) if norms[i] in orders), None)
    if order is None:
        return
    for ref, role in assigned:
        if role is SOURCE and order < ref.first < trigger.first:
            roles[ref.ref] = TARGET


def _takes_complement(norms: Sequence[str], trigger: TriggerMatch) -> bool:
    """Whether a control trigger governs what follows it.

    A verb does ("agreed to develop ties and collaborate"); a noun only through a
    complement ("the decision to withdraw", "accusations of killing"): in "rejected the
    accusation the following day and demanded ...", the demand is an event of its own.
    """
    if not _is_nominal(norms, trigger)[0]:
        return True
    following = norms[trigger.last + 1] if trigger.last + 1 < len(norms) else ""
    return following in grammar().noun_complements


def _is_nominal(norms: Sequence[str], trigger: TriggerMatch) -> tuple[bool, bool]:
    """Whether a trigger is used as a noun, and whether definitely ("the attack")."""
    before = norms[trigger.first - 1] if trigger.first else ""
    nominal = trigger.entry.nominal or before in folded_set("noun_markers") or before.isdigit()
    return nominal, nominal and before in grammar().definite


def _candidates(
    state: _State,
    sentence: Sentence,
    frame: Frame,
    trigger: TriggerMatch,
    evidence: Span,
    *,
    refs: Sequence[EntityRef],
    in_sentence: list[Candidate],
) -> list[Candidate]:
    nominal, definite = _is_nominal(frame.norms, trigger)
    assignment = assign_roles(frame, trigger, refs, nominal=nominal)
    roles: dict[str, ParticipantRole] = {ref.ref: role for ref, role in assignment.roles}
    if trigger.entry.control and not nominal:
        _outside_complement(frame, trigger, assignment.roles, roles)
    if trigger.entry.mode == "expel" and grammar().order_object_between:
        _ordered_to_leave(frame, trigger, assignment.roles, roles)
    if (
        trigger.entry.mode == "end-relations"
        and grammar().envoy_posting_target
        and TARGET not in roles.values()
    ):
        # "a rappelé son ambassadeur en Algérie": the posting is who relations are cut with
        for posting, role in assignment.roles:
            if role is OTHER and posting.is_country and posting.first > trigger.first:
                roles[posting.ref] = TARGET
                break
    low, _high = frame.clause(trigger)
    status = status_of(frame, trigger, low)
    elaborates: Candidate | None = None
    if SOURCE not in roles.values():
        elaborates = _fill_subject(
            state, frame, trigger, assignment.subject_words, roles=roles, in_sentence=in_sentence
        )
    if (
        trigger.entry.type is PloverType.CONSULT
        and TARGET not in roles.values()
        and folded_set("delegation_nouns").intersection(assignment.object_words)
    ):
        for ref in _sources_of_last(state, PloverType.CONSULT):
            roles.setdefault(ref, TARGET)
    base = Candidate(
        type=trigger.entry.type,
        cameo=trigger.entry.cameo,
        mode=trigger.entry.mode,
        symmetric=trigger.entry.symmetric,
        trigger=(sentence, trigger.start, trigger.end),
        sentence=state.sentence_no,
        restates=sentence.part in _RESTATING,
        evidence=[evidence],
        roles=roles,
        when=None,
        where=None,
        status=status,
        context=(),
        elaborates=elaborates,
        definite=definite,
    )
    return _split_by_target(base, state.countries_of)


def _fill_subject(
    state: _State,
    frame: Frame,
    trigger: TriggerMatch,
    subject_words: Sequence[str],
    *,
    roles: dict[str, ParticipantRole],
    in_sentence: list[Candidate],
) -> Candidate | None:
    """Give a subject-less trigger its doer from context; return the event it elaborates."""
    before = frame.norms[trigger.first - 1] if trigger.first else ""
    head = frame.norms[trigger.first]
    g = grammar()
    participle = head.endswith(g.participle_suffix) and before == ","
    if in_sentence and (
        participle or _word_before(frame.norms, trigger.first) in g.subject_carriers
    ):
        for ref, role in in_sentence[-1].roles.items():
            if role is SOURCE and ref not in roles:
                roles[ref] = SOURCE
        return None
    words = set(subject_words)
    if words & grammar().parties and state.candidates:
        previous = state.candidates[-1]
        for ref in previous.roles:
            roles.setdefault(ref, SOURCE)
        return previous if previous.type == trigger.entry.type else None
    if words & grammar().plural_anaphors:
        for ref in state.last_group:
            if ref not in roles:
                roles[ref] = SOURCE
    return None


def _sources_of_last(state: _State, kind: PloverType) -> list[str]:
    candidate = state.last_of_type.get(kind)
    if candidate is None:
        return []
    return [ref for ref, role in candidate.roles.items() if role is SOURCE]


def _split_by_target(candidate: Candidate, countries_of: dict[str, str | None]) -> list[Candidate]:
    """One event per target country when a trigger has several ("visited Niger and Mali")."""
    if list(candidate.roles.values()).count(TARGET) < 2:
        return [candidate]  # the common case, told in C
    targets = [r for r, role in candidate.roles.items() if role is TARGET]
    if any(countries_of.get(r) != r for r in targets):
        return [candidate]
    return [
        candidate.with_roles(
            {r: role for r, role in candidate.roles.items() if role is not TARGET or r == target}
        )
        for target in targets
    ]


def _time_of(
    state: _State,
    frame: Frame,
    trigger: TriggerMatch,
    times: Sequence[tuple[TimeExpression, int]],
) -> DateRange | None:
    """The resolved time nearest the trigger within its clause (fronted adverbials count).

    *times* are the sentence's time expressions, each with the index of its first token.
    """
    if not times:
        return None
    low, high = frame.clause(trigger)
    adverbial = frame.adverbial
    norms = frame.norms
    first_comma = norms.index(",") if "," in norms else len(norms)
    best: TimeExpression | None = None
    best_distance = 0
    for expression, first in times:
        # a time opening the sentence ("Two days after the attack, the army withdrew")
        # is fronted, whatever its first word, and dates the clause after it
        in_clause = (
            low <= first < high
            or (adverbial is not None and first < adverbial[1])
            or (first == 0 and low <= first_comma + 1)
        )
        if not in_clause or not frame.usable(first, trigger, for_time=True):
            continue
        distance = min(abs(expression.start - trigger.end), abs(trigger.start - expression.end))
        if best is None or distance < best_distance:
            best, best_distance = expression, distance
    if best is None:
        return None
    if best.range is None:
        state.diagnostics.append(
            Diagnostic(
                "relative-date-unresolved",
                f"{best.text!r} cannot be resolved: {best.problem or 'no publication date'}",
            )
        )
    return best.range


def _read_again(anchor: date | None, when: DateRange | None, *, future: bool) -> DateRange | None:
    """An event's time read again in the tense its status demands, if it lies the wrong side.

    A planned event's time the sentence read backwards is read forwards; a time of an event
    that happened, read forwards by a future cue in another clause ("In November, Chad ended
    its pact, and French troops are due to leave by the end of January"), is read backwards.
    """
    if anchor is None or when is None:
        return when
    if (when.latest >= anchor) if future else (when.earliest <= anchor):
        return when
    try:
        return resolve_time(when.expression, anchor=anchor, future=future)
    except TimeResolutionError:
        return when


_WHEN_CLAUSE = re.compile(r",?\s+when\s")


def _when_clause_time(
    state: _State, text: str, trigger: TriggerMatch, times: Sequence[TimeExpression]
) -> DateRange | None:
    """The time a "when" clause hangs on: "since last July, when the three states signed".

    From "since X" the event takes X itself: the signing is what the time runs from.
    """
    for expression in reversed(times):
        if expression.end > trigger.start:
            continue
        if _WHEN_CLAUSE.match(text, expression.end, trigger.start) is None:
            return None  # only the nearest time before the trigger can be the one
        start_words = _since_what(expression.text)
        if start_words is None:
            return expression.range
        try:
            return resolve_time(start_words, anchor=state.anchor)
        except TimeResolutionError:
            return None
    return None


def _since_what(expression: str) -> str | None:
    """The start of a "since" time ("August" of "since August"), or None for another time."""
    prefix = grammar().since_prefix
    size = len(prefix)
    return expression[size:] if expression[:size].lower() == prefix else None


def _since(when: DateRange | None) -> bool:
    """Whether an event's time runs from a start up to now: "has blockaded towns since August"."""
    return when is not None and _since_what(when.expression) is not None


def _back_reference_time(state: _State, text: str) -> DateRange | None:
    """ "Prior to the meeting": the week up to (or from) the last dated consultation."""
    reference = state.last_dated_of_type.get(PloverType.CONSULT)
    if reference is None:
        return None
    found = _back_reference(text)
    if found is None:
        return None
    phrase, word = found
    if word in {"after", "following"}:
        earliest, latest = reference.earliest, reference.latest + _WEEK
    else:
        earliest, latest = reference.earliest - _WEEK, reference.latest
    return DateRange(earliest, latest, precision_of(earliest, latest), phrase, reference.latest)


def _back_reference(text: str) -> tuple[str, str] | None:
    """The phrase "prior to the meeting" (or the like) in *text*, and its first word folded."""
    if any(letter in text for letter in _FOLDED):  # a few C-level scans, not one regex
        match = _BACK_REFERENCE.search(text)
        return None if match is None else (match.group(0), match.group(1).lower())
    # Without those letters, matching the lowered text (of the same length) case-sensitively
    # finds what matching the text case-insensitively would; and trying the pattern only
    # where one of its first words stands, in order, finds the first match fast.
    lowered = text.lower()
    for position in sorted(_occurrences(lowered, _BACK_WORDS)):
        match = _BACK_REFERENCE_LOWER.match(lowered, position)
        if match is not None:
            return text[match.start() : match.end()], match.group(1)
    return None


def _occurrences(text: str, words: Sequence[str]) -> list[int]:
    """Where each of *words* occurs in *text* (C-level searches, one per occurrence)."""
    found: list[int] = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1)
    return found


class _SentencePlaces:
    """A sentence's gazetteer places, each made a Place once however many triggers use it."""

    def __init__(self, sentence: Sentence, hits: list[PlaceHit], fallback: Place | None) -> None:
        self._sentence = sentence
        self._hits = [hit for hit in hits if hit.locative]
        self._fallback = fallback
        self._made: dict[int, Place] = {}

    def of(self, frame: Frame, trigger: TriggerMatch) -> Place | None:
        """The locative place nearest *trigger* in its reach, else the dateline's."""
        best: PlaceHit | None = None
        best_position = -1
        for position, hit in enumerate(self._hits):
            if frame.usable(hit.first, trigger, for_time=True):
                distance = abs(hit.first - trigger.first)
                if best is None or distance < abs(best.first - trigger.first):
                    best, best_position = hit, position
        if best is None:
            return self._fallback
        place = self._made.get(best_position)
        if place is None:
            place = self._made[best_position] = Place(
                best.entry.name,
                best.entry.country,
                PlaceKind(best.entry.kind),
                mention(self._sentence, best.start, best.end),
            )
        return place


def _dateline_place(article: Article) -> Place | None:
    dateline = article.dateline
    if dateline is None:
        return None
    entry = lookup_place(dateline.place)
    offset = dateline.text.find(dateline.place)
    place_mention: Mention | None = None
    if offset >= 0:
        start = dateline.span.start + offset
        place_mention = Mention(
            dateline.place,
            Span(dateline.span.part, dateline.span.index, start, start + len(dateline.place)),
        )
    if entry is None:
        return Place(dateline.place.title(), None, PlaceKind.OTHER, place_mention)
    return Place(entry.name, entry.country, PlaceKind(entry.kind), place_mention)
