"""Readers of relative expressions: "last week", "two days ago", "the day before", seasons."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, timedelta

from sahel_news.extract.time import _calendar as cal
from sahel_news.extract.time._rules import (
    ABSOLUTE_READERS,
    Context,
    Direction,
    Reading,
    Resolved,
    Unresolvable,
    anchored,
    coarser,
    event_noun_after,
    group_words,
    need_anchor,
    need_previous,
    part_days,
    part_months,
    prep_of,
    with_prep,
)
from sahel_news.extract.time._vocab import Vocabulary, vocabulary
from sahel_news.models import DateRange, Precision

__all__ = ["READERS", "read_match"]

_ONE_DAY = timedelta(days=1)
_REL_WORDS = {
    "the past": "past",
    "this past": "past",
    "the previous": "previous",
    "the preceding": "previous",
    "the coming": "coming",
    "the following": "following",
    "the same": "same",
    "the current": "this",
}
_WORD_DIRECTIONS: dict[str, Direction] = {"last": "past", "past": "past", "next": "future"}
_REFERENCE_SHIFT = {"previous": -1, "following": 1, "same": 0, "that": 0}


def _words(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _read(match: re.Match[str], *names: str) -> str:
    """The first of groups *names* that matched, as English reads it (``group_words``)."""
    for name in names:
        words = group_words(match, name)
        if words:
            return words
    return ""


def _unit_name(word: str) -> str:
    """The relativedelta keyword of a unit word ("day", "weeks", "decade" -> "years")."""
    stem = word.lower().rstrip("s")
    return "years" if stem == "decade" else f"{stem}s"


def _unit_count(word: str, count: int) -> int:
    return count * 10 if word.lower().startswith("decade") else count


def _number(text: str, vocab: Vocabulary) -> tuple[int, int]:
    words = _words(text)
    if words.isdigit():
        return int(words), int(words)
    return vocab.numbers[words]


def _by_reference(reference: DateRange, unit: str, count: int) -> Resolved:
    """*reference* moved by *count* *unit*s, as exact as both allow."""
    if reference.precision is Precision.DAY and unit in {"days", "weeks"}:
        day = cal.shift(reference.earliest, unit, count)
        return Resolved(day, day, Precision.DAY, reference=reference)
    earliest = cal.shift(reference.earliest, unit, count)
    latest = cal.shift(reference.latest, unit, count)
    precision = reference.precision
    if unit in {"months", "years"}:
        (earliest, _), precision = cal.unit_interval(earliest, unit)
        (_, latest), _ = cal.unit_interval(latest, unit)
        precision = coarser(reference.precision, precision)
    elif precision is Precision.DAY:
        precision = Precision.DAYS
    return Resolved(earliest, latest, precision, reference=reference)


def _weekend(anchor: date, *, future: bool, strictly: bool) -> cal.Interval:
    if future:
        saturday = (
            cal.weekday_after(anchor, 5)
            if strictly or anchor.weekday() < 5
            else anchor - timedelta(days=anchor.weekday() - 5)
        )
    else:
        last = anchor - timedelta(days=7) if strictly and anchor.weekday() >= 5 else anchor
        saturday = cal.weekday_on_or_before(last, 5)
    return saturday, saturday + _ONE_DAY


def _calendar_unit(anchor: date, unit: str, step: int) -> tuple[cal.Interval, Precision]:
    if unit == "decade":
        start = anchor.year - anchor.year % 10 + 10 * step
        return (date(start, 1, 1), date(start + 9, 12, 31)), Precision.YEARS
    return cal.unit_interval(cal.shift(anchor, f"{unit}s", step), f"{unit}s")


def _part_of_unit(
    interval: cal.Interval, unit: str, part: str, vocab: Vocabulary
) -> tuple[cal.Interval, Precision]:
    first = interval[0]
    if unit == "month":
        return part_days(first.year, first.month, part, vocab), Precision.PART_OF_MONTH
    if unit == "year":
        return part_months(first.year, part, vocab), Precision.QUARTER
    if unit == "week":
        offsets = {"early": (0, 2), "mid": (2, 4), "late": (4, 6)}[part]
        days = (first + timedelta(days=offsets[0]), first + timedelta(days=offsets[1]))
        return days, Precision.DAYS
    return interval, Precision.YEARS


_EDGE_PART = {"end": "late", "beginning": "early", "start": "early", "middle": "mid"}


def _read_unit(match: re.Match[str], vocab: Vocabulary) -> Reading | None:
    unit = _read(match, "unit")
    # "la semaine dernière": a relational word after the unit wins over the article before.
    rel = _read(match, "rel2", "rel")
    rel = _REL_WORDS.get(rel, rel)
    pre = _read(match, "pre")
    edge = _read(match, "edge")
    part = _EDGE_PART.get(edge, edge if edge in vocab.parts else None) or (
        pre if pre in vocab.parts else None
    )
    if unit == "weekend":
        return _read_weekend(match, rel)
    if rel == "the" and part is None:
        return None
    if rel in _REFERENCE_SHIFT:
        step = _REFERENCE_SHIFT[rel]

        def from_reference(context: Context) -> Resolved:
            reference = need_previous(context)
            name = f"{unit}s" if unit != "decade" else "years"
            shifted = cal.shift(reference.earliest, name, step * (10 if unit == "decade" else 1))
            if unit == "decade":
                (earliest, latest), precision = (shifted, shifted), Precision.YEARS
            else:
                (earliest, latest), precision = cal.unit_interval(shifted, name)
            return Resolved(earliest, latest, precision, reference=reference)

        return Reading(match.start(), match.end(), from_reference)
    direction: Direction = None
    if rel in {"last", "past"} or pre == "earlier":
        direction = "past"
    elif rel in {"next", "coming"} or pre == "later":
        direction = "future"

    def resolve(context: Context) -> Resolved:
        anchor = need_anchor(context)
        name = "years" if unit == "decade" else f"{unit}s"
        count = 10 if unit == "decade" else 1
        if rel == "past":
            earliest = cal.shift(anchor, name, -count) + _ONE_DAY
            return anchored((earliest, anchor), cal.span_precision(earliest, anchor))
        if rel == "coming":
            latest = cal.shift(anchor, name, count) - _ONE_DAY
            return anchored((anchor, latest), cal.span_precision(anchor, latest))
        step = {"last": -1, "next": 1}.get(rel, 0)
        interval, precision = _calendar_unit(anchor, unit, step)
        if pre == "earlier" and step == 0:
            return anchored((interval[0], anchor), precision)
        if pre == "later" and step == 0:
            return anchored((anchor, interval[1]), precision)
        if part is not None:
            part_interval, part_precision = _part_of_unit(interval, unit, part, vocab)
            # "the end of the month" told in the past on the 5th is last month's end.
            if rel == "the" and (
                part_interval[0] > anchor if not context.future else part_interval[1] < anchor
            ):
                moved, _ = _calendar_unit(anchor, unit, 1 if context.future else -1)
                part_interval, part_precision = _part_of_unit(moved, unit, part, vocab)
            return anchored(part_interval, part_precision)
        return anchored(interval, precision)

    return with_prep(match, resolve, direction)


def _read_weekend(match: re.Match[str], rel: str) -> Reading | None:
    if rel in {"previous", "following", "same", "that"}:

        def from_reference(context: Context) -> Resolved:
            reference = need_previous(context)
            saturday = cal.weekday_on_or_before(reference.earliest, 5)
            if rel == "previous":
                saturday -= timedelta(days=7)
            elif rel == "following":
                saturday = cal.weekday_after(reference.earliest, 5)
            return Resolved(saturday, saturday + _ONE_DAY, Precision.DAYS, reference=reference)

        return Reading(match.start(), match.end(), from_reference)
    direction = _WORD_DIRECTIONS.get(rel)

    def resolve(context: Context) -> Resolved:
        anchor = need_anchor(context)
        future = rel in {"next", "coming"} or (context.future and rel not in {"last", "past"})
        interval = _weekend(anchor, future=future, strictly=rel in {"last", "next"})
        return anchored(interval, Precision.DAYS)

    return with_prep(match, resolve, direction)


def _read_count(match: re.Match[str], vocab: Vocabulary) -> Reading | None:
    low, high = _number(match["n"], vocab)
    unit_word = _read(match, "unit")
    unit, direction_word = _unit_name(unit_word), _read(match, "dir")
    low, high = _unit_count(unit_word, low), _unit_count(unit_word, high)
    if direction_word in {"ago", "from now"}:
        sign = -1 if direction_word == "ago" else 1

        def from_anchor(context: Context) -> Resolved:
            anchor = need_anchor(context)
            near, far = cal.shift(anchor, unit, sign * low), cal.shift(anchor, unit, sign * high)
            (first, _), precision = cal.unit_interval(min(near, far), unit)
            (_, last), _ = cal.unit_interval(max(near, far), unit)
            if low != high:
                precision = cal.span_precision(first, last)
            return anchored((first, last), precision)

        direction: Direction = "past" if sign < 0 else "future"
        return Reading(match.start(), match.end(), from_anchor, direction=direction)
    if direction_word in {"before", "after"} and event_noun_after().match(
        match.string, match.end()
    ):
        return _relative_to_event(match)
    sign = 1 if direction_word in {"later", "after"} else -1

    def from_reference(context: Context) -> Resolved:
        reference = need_previous(context)
        if low == high:
            return _by_reference(reference, unit, sign * low)
        near, far = (
            _by_reference(reference, unit, sign * low),
            _by_reference(reference, unit, sign * high),
        )
        earliest, latest = min(near.earliest, far.earliest), max(near.latest, far.latest)
        return Resolved(earliest, latest, cal.span_precision(earliest, latest), reference=reference)

    return Reading(match.start(), match.end(), from_reference)


# The problem of "two days after the attack": counted from an event, which the events
# stage may resolve against that event's time.
EVENT_RELATIVE = "relative to another event, not to a date"


def _relative_to_event(match: re.Match[str]) -> Reading:
    def unresolvable(_context: Context) -> Resolved:
        raise Unresolvable(EVENT_RELATIVE)

    return Reading(match.start(), match.end(), unresolvable)


def _read_in_count(match: re.Match[str], vocab: Vocabulary) -> Reading | None:
    if re.match(r"\s+of\b", match.string[match.end() :]):
        return None
    low, high = _number(match["n"], vocab)
    unit_word = _read(match, "unit")
    unit = _unit_name(unit_word)
    low, high = _unit_count(unit_word, low), _unit_count(unit_word, high)
    # "d'ici deux semaines" (by) runs from the anchor as "within" does.
    within = prep_of(match) in {"within", "by"}

    def resolve(context: Context) -> Resolved:
        anchor = need_anchor(context)
        if within:
            latest = cal.shift(anchor, unit, high)
            return anchored((anchor, latest), cal.span_precision(anchor, latest))
        (first, _), precision = cal.unit_interval(cal.shift(anchor, unit, low), unit)
        (_, last), _ = cal.unit_interval(cal.shift(anchor, unit, high), unit)
        return anchored(
            (first, last), precision if low == high else cal.span_precision(first, last)
        )

    return Reading(match.start(), match.end(), resolve, direction="future")


def _read_past_count(match: re.Match[str], vocab: Vocabulary) -> Reading | None:
    # "the past days" without a number: a week of days, three of any longer unit.
    unit_word = _read(match, "unit")
    default = 7 if unit_word == "days" else 3
    high = _number(match["n"], vocab)[1] if match["n"] else default
    unit = _unit_name(unit_word)
    count = _unit_count(unit_word, high)
    # "depuis trois ans" has no relational word: the past ones.
    rel = _read(match, "rel") or "past"
    if rel == "following":

        def from_reference(context: Context) -> Resolved:
            reference = need_previous(context)
            earliest = reference.latest + _ONE_DAY
            latest = cal.shift(reference.latest, unit, count)
            return Resolved(
                earliest, latest, cal.span_precision(earliest, latest), reference=reference
            )

        return Reading(match.start(), match.end(), from_reference)
    forward = rel in {"next", "coming"}

    def resolve(context: Context) -> Resolved:
        anchor = need_anchor(context)
        if forward:
            latest = cal.shift(anchor, unit, count) - _ONE_DAY
            return anchored((anchor, latest), cal.span_precision(anchor, latest))
        earliest = cal.shift(anchor, unit, -count) + _ONE_DAY
        return anchored((earliest, anchor), cal.span_precision(earliest, anchor))

    direction: Direction = "future" if forward else "past"
    return Reading(match.start(), match.end(), resolve, direction=direction)


# phrase -> (days from the reference, follows the reference in time)
_PREVIOUS_PHRASES = {
    "the day before": -1,
    "the previous day": -1,
    "the preceding day": -1,
    "the previous night": -1,
    "the previous evening": -1,
    "the day after": 1,
    "the next day": 1,
    "the following day": 1,
    "the next morning": 1,
    "the following morning": 1,
    "the next night": 1,
    "the following night": 1,
    "the next evening": 1,
    "the following evening": 1,
}


def _read_previous(match: re.Match[str], _vocab: Vocabulary) -> Reading | None:
    phrase = _read(match, "phrase")
    offset = _PREVIOUS_PHRASES.get(phrase, 0)
    if phrase in {"the day before", "the day after"} and event_noun_after().match(
        match.string, match.end()
    ):
        return _relative_to_event(match)

    def resolve(context: Context) -> Resolved:
        return _by_reference(need_previous(context), "days", offset)

    return Reading(match.start(), match.end(), resolve)


def _season_interval(start_month: int, months: int, year: int) -> cal.Interval:
    first = date(year, start_month, 1)
    last = cal.shift(first, "months", months) - _ONE_DAY
    return first, last


def _read_season(match: re.Match[str], vocab: Vocabulary) -> Reading | None:
    name = _words(match["season"])
    rel = _read(match, "rel2", "rel")
    prep = prep_of(match)
    if not match["year"] and not prep and rel in {"", "the"} and " " not in name:
        return None
    if name == "fall" and not match["year"] and rel in {"", "the"} and prep in {"", "of"}:
        return None
    start_month, months = vocab.seasons[name]
    if match["year"]:
        interval = _season_interval(start_month, months, int(match["year"]))
        return with_prep(match, lambda _c: Resolved(*interval, Precision.SEASON))
    rel = _REL_WORDS.get(rel, rel)

    def resolve(context: Context) -> Resolved:
        anchor = need_anchor(context)
        # The seasons that start the year before, this year or next year, in order.
        seasons = [_season_interval(start_month, months, anchor.year + k) for k in (-2, -1, 0, 1)]
        if rel == "last":
            chosen = [s for s in seasons if s[1] < anchor][-1]
        elif rel == "next":
            chosen = next(s for s in seasons if s[0] > anchor)
        elif context.future and rel != "past":
            chosen = next(s for s in seasons if s[1] >= anchor)
        else:
            chosen = [s for s in seasons if s[0] <= anchor][-1]
        return anchored(chosen, Precision.SEASON)

    return with_prep(match, resolve, _WORD_DIRECTIONS.get(rel))


def _read_vague(match: re.Match[str], vocab: Vocabulary) -> Reading | None:
    vague = vocab.vague[_words(match["phrase"])]

    def resolve(context: Context) -> Resolved:
        anchor = need_anchor(context)
        if vague.forward:
            ((_, latest), _) = cal.unit_interval(
                cal.shift(anchor, vague.unit, vague.count), vague.unit
            )
            return anchored((anchor, latest), cal.span_precision(anchor, latest))
        ((earliest, _), _) = cal.unit_interval(
            cal.shift(anchor, vague.unit, -vague.count), vague.unit
        )
        return anchored((earliest, anchor), cal.span_precision(earliest, anchor))

    direction: Direction = "future" if vague.forward else "past"
    return Reading(match.start(), match.end(), resolve, direction=direction)


_RELATIVE_READERS: dict[str, Callable[[re.Match[str], Vocabulary], Reading | None]] = {
    "unit": _read_unit,
    "count": _read_count,
    "ago": _read_count,  # French "il y a deux semaines": the direction before the count
    "since_count": _read_past_count,  # French "depuis trois ans": the past three years
    "in_count": _read_in_count,
    "past_count": _read_past_count,
    "previous": _read_previous,
    "season": _read_season,
    "vague": _read_vague,
}
# Every rule's reader: what a match of the rule means, or None when it is not a time.
READERS: Mapping[str, Callable[[re.Match[str], Vocabulary], Reading | None]] = {
    **ABSOLUTE_READERS,
    **_RELATIVE_READERS,
}


def read_match(rule: str, match: re.Match[str]) -> Reading | None:
    """The reading of *match* by *rule*, or None when the words are not a time after all."""
    return READERS[rule](match, vocabulary())
