"""What each scanner rule means: a match becomes a Reading that resolves against a context."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal, NamedTuple

from sahel_news.extract.time import _calendar as cal
from sahel_news.extract.time._language import rule_set
from sahel_news.extract.time._patterns import EVENT_NOUN_AFTER
from sahel_news.extract.time._vocab import Vocabulary, vocabulary
from sahel_news.models import DateRange, Precision

__all__ = [
    "ABSOLUTE_READERS",
    "EVENT_NOUN_AFTER",
    "Context",
    "Direction",
    "Reading",
    "Resolved",
    "Unresolvable",
    "anchored",
    "coarser",
    "event_noun_after",
    "group_words",
    "need_anchor",
    "need_previous",
    "part_days",
    "part_months",
    "prep_of",
    "rel_direction",
    "with_prep",
]

Direction = Literal["past", "future"] | None
_ORDER = list(Precision)
_NOT_A_DATE_AFTER = re.compile(
    r"\s*(?:million|billion|thousand|hundred|people|soldiers|troops|civilians|dead|killed|km|%"
    r"|percent|per\s+cent)\b",
    re.IGNORECASE,
)
_CAPITALISED_WORD_BEFORE = re.compile(r"([A-Z][\w’'-]*)\s+$")
# Anything but what may stand before a sentence's first word.
_NOT_OPENING = re.compile(r"[^\s\"'“‘(\[\-–—]")


class Unresolvable(Exception):  # noqa: N818 - a control-flow signal carrying the problem text
    """A reading cannot be resolved in this context; the message is the problem."""


class Context(NamedTuple):
    """What a reading is resolved against."""

    anchor: date | None
    previous: DateRange | None
    future: bool


class Resolved(NamedTuple):
    """A resolved interval, and what it was resolved against."""

    earliest: date
    latest: date
    precision: Precision
    uses_anchor: bool = False
    reference: DateRange | None = None


class Reading(NamedTuple):
    """One matched expression: how to resolve it and what its words say about tense.

    (Plain named tuples: a sentence builds several of these, and attrs classes cost more.)
    """

    start: int
    end: int
    resolve: Callable[[Context], Resolved]
    direction: Direction = None
    deadline: bool = False
    since: bool = False


def coarser(first: Precision, second: Precision) -> Precision:
    """The coarser of two precisions."""
    return first if _ORDER.index(first) >= _ORDER.index(second) else second


def need_anchor(context: Context) -> date:
    if context.anchor is None:
        raise Unresolvable("a relative time needs the publication date as anchor")
    return context.anchor


def need_previous(context: Context) -> DateRange:
    if context.previous is None:
        raise Unresolvable("refers to an earlier time, but none was found before it")
    return context.previous


def anchored(interval: cal.Interval, precision: Precision) -> Resolved:
    return Resolved(interval[0], interval[1], precision, uses_anchor=True)


def _absolute(interval: cal.Interval, precision: Precision) -> Resolved:
    return Resolved(interval[0], interval[1], precision)


def _capitalised(word: str, vocab: Vocabulary) -> bool:
    """Whether a month or weekday name is written as one (always, where names are lower case)."""
    return word[:1].isupper() or not vocab.names_capitalised


def event_noun_after() -> re.Pattern[str]:
    """After "before"/"after", what names an event, in the current language."""
    return rule_set().event_noun_after


def group_words(match: re.Match[str], name: str) -> str:
    """The words of group *name* (lower case, spaces collapsed), as English reads them.

    A language's ``reading`` words give the English of its relational words ("dernier"
    -> "last"); "" when the rule has no such group or it matched nothing.
    """
    value = match[name] if name in match.re.groupindex else None
    if not value:
        return ""
    words = " ".join(value.lower().split())
    readings = vocabulary().readings
    return readings.get(words, words) if readings else words


def prep_of(match: re.Match[str]) -> str:
    return group_words(match, "prep")


def _start(match: re.Match[str], prep: str | None = None) -> int:
    """Where the expression starts: "before"/"after" are cues, not part of the time.

    *prep* is ``prep_of(match)`` when the caller has it already.
    """
    if (prep_of(match) if prep is None else prep) in {"before", "after"}:
        rest = match.string[match.end("prep") : match.end()]
        return match.end("prep") + len(rest) - len(rest.lstrip())
    return match.start()


def _preceded_by_name(match: re.Match[str], group: str, vocab: Vocabulary) -> bool:
    """Whether a capitalised non-date word precedes: "Long March", "Black September"."""
    end = match.start(group)
    window = max(0, end - 40)
    found = _CAPITALISED_WORD_BEFORE.search(match.string, window, end)
    if not vocab.names_capitalised:
        return False
    if found is None or _NOT_OPENING.search(match.string, 0, found.start()) is None:
        return False
    word = found.group(1).lower()
    return word not in vocab.weekdays and word not in vocab.months


_LEADING_DIGITS = re.compile(r"\d+")


def _day_number(text: str) -> int:
    """The number of a day as written: "5", "5th", "1er"."""
    found = _LEADING_DIGITS.match(text)
    return int(found.group()) if found is not None else 0


def part_days(year: int, month: int, part: str, vocab: Vocabulary) -> cal.Interval:
    first, last = vocab.parts[part].days
    end = cal.last_day(year, month)
    return date(year, month, min(first, end)), date(year, month, min(last, end))


def part_months(year: int, part: str, vocab: Vocabulary) -> cal.Interval:
    first, last = vocab.parts[part].months
    return date(year, first, 1), cal.month_interval(year, last)[1]


_EDGE_PART = {"end": "late", "beginning": "early", "start": "early", "middle": "mid"}


def _part_of(match: re.Match[str]) -> str | None:
    part = group_words(match, "part")
    if part:
        return part
    edge = group_words(match, "edge")
    if edge:
        return _EDGE_PART.get(edge, edge)
    return None


def _read_iso(match: re.Match[str], _vocab: Vocabulary) -> Reading | None:
    try:
        day = date(int(match["iy"]), int(match["im"]), int(match["id"]))
    except ValueError:
        return None
    return Reading(_start(match), match.end(), lambda _c: _absolute((day, day), Precision.DAY))


def _read_day(match: re.Match[str], vocab: Vocabulary) -> Reading | None:
    if not _capitalised(match["month"], vocab) or _NOT_A_DATE_AFTER.match(
        match.string, match.end()
    ):
        return None
    month = vocab.months[match["month"].lower()]
    day = _day_number(match["day"])
    if not 1 <= day <= 31:
        return None
    if match["year"]:
        try:
            exact = date(int(match["year"]), month, day)
        except ValueError:
            return None
        return Reading(
            _start(match), match.end(), lambda _c: _absolute((exact, exact), Precision.DAY)
        )
    if day > cal.last_day(2024, month):
        return None

    def resolve(context: Context) -> Resolved:
        anchor = need_anchor(context)
        try:
            found = cal.day_year(month, day, anchor, future=context.future)
        except ValueError as error:
            raise Unresolvable(str(error)) from None
        return anchored((found, found), Precision.DAY)

    # "le 13 juin dernier": a relational word after the date fixes its direction.
    return with_prep(match, resolve, rel_direction(group_words(match, "rel")))


def with_prep(
    match: re.Match[str], resolve: Callable[[Context], Resolved], direction: Direction = None
) -> Reading:
    prep = prep_of(match)
    return Reading(
        _start(match, prep),
        match.end(),
        resolve,
        direction="past" if prep == "since" else direction,
        deadline=prep == "by",
        since=prep == "since",
    )


def _read_day_range(match: re.Match[str], vocab: Vocabulary) -> Reading | None:
    if not _capitalised(match["month"], vocab):
        return None
    month = vocab.months[match["month"].lower()]
    first, last = _day_number(match["day1"]), _day_number(match["day2"])
    if not 1 <= first < last <= cal.last_day(2024, month):
        return None
    if match["year"]:
        year = int(match["year"])
        if last > cal.last_day(year, month):
            return None
        interval = (date(year, month, first), date(year, month, last))
        return Reading(match.start(), match.end(), lambda _c: _absolute(interval, Precision.DAYS))

    def resolve(context: Context) -> Resolved:
        anchor = need_anchor(context)
        year = cal.day_year(month, first, anchor, future=context.future).year
        return anchored((date(year, month, first), date(year, month, last)), Precision.DAYS)

    return Reading(match.start(), match.end(), resolve)


def _read_month_year(match: re.Match[str], vocab: Vocabulary) -> Reading | None:
    if not _capitalised(match["month"], vocab):
        return None
    month, year = vocab.months[match["month"].lower()], int(match["year"])
    part = _part_of(match)
    if part is not None:
        interval = part_days(year, month, part, vocab)
        return with_prep(match, lambda _c: _absolute(interval, Precision.PART_OF_MONTH))
    whole = cal.month_interval(year, month)
    return with_prep(match, lambda _c: _absolute(whole, Precision.MONTH))


def _month_by_rel(month: int, rel: str, anchor: date, future: bool) -> int:
    if rel == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel in {"next", "coming"}:
        return anchor.year if month > anchor.month else anchor.year + 1
    if rel == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    return cal.month_year(month, anchor, future=future)


def _read_month_range(match: re.Match[str], vocab: Vocabulary) -> Reading | None:
    if not (_capitalised(match["month"], vocab) and _capitalised(match["month2"], vocab)):
        return None
    if not prep_of(match) and not match["year"]:
        return None
    first = vocab.months[match["month"].lower()]
    last = vocab.months[match["month2"].lower()]
    if first == last:
        return None

    def interval(year: int) -> cal.Interval:
        start_year = year if first < last else year - 1
        return date(start_year, first, 1), cal.month_interval(year, last)[1]

    if match["year"]:
        fixed = interval(int(match["year"]))
        return Reading(
            match.start(),
            match.end(),
            lambda _c: _absolute(fixed, cal.span_precision(*fixed)),
        )

    def resolve(context: Context) -> Resolved:
        anchor = need_anchor(context)
        year = cal.month_year(last if context.future else first, anchor, future=context.future)
        if not context.future and first > last:
            year += 1
        if context.future and first > last:
            year = max(year, cal.month_year(first, anchor, future=True) + 1)
        found = interval(year)
        return anchored(found, cal.span_precision(*found))

    return Reading(match.start(), match.end(), resolve)


def _read_year_range(match: re.Match[str], _vocab: Vocabulary) -> Reading | None:
    first = int(match["year"])
    second = match["year2"]
    last = int(second) if len(second) == 4 else first - first % 100 + int(second)
    if last <= first or (len(second) == 2 and last - first > 20):
        return None
    fixed = (date(first, 1, 1), date(last, 12, 31))
    return with_prep(match, lambda _c: _absolute(fixed, Precision.YEARS))


def rel_direction(rel: str) -> Direction:
    if rel in {"last", "past", "previous", "preceding"}:
        return "past"
    if rel in {"next", "coming"}:
        return "future"
    return None


def _read_part_month(match: re.Match[str], vocab: Vocabulary) -> Reading | None:
    if not _capitalised(match["month"], vocab):
        return None
    month = vocab.months[match["month"].lower()]
    part = _part_of(match)
    if part is None or part not in vocab.parts:
        return None
    rel = group_words(match, "rel")

    def resolve(context: Context) -> Resolved:
        anchor = need_anchor(context)
        year = _month_by_rel(month, rel, anchor, context.future)
        interval = part_days(year, month, part, vocab)
        # "in mid-September" read forward on 21 September is next year's, and read
        # backward on 5 September last year's.
        if not rel and context.future and interval[1] < anchor:
            interval = part_days(year + 1, month, part, vocab)
        elif not rel and not context.future and interval[0] > anchor:
            interval = part_days(year - 1, month, part, vocab)
        return anchored(interval, Precision.PART_OF_MONTH)

    return with_prep(match, resolve, rel_direction(rel))


def _read_month(match: re.Match[str], vocab: Vocabulary) -> Reading | None:
    word = match["month"].lower()
    if not _capitalised(match["month"], vocab):
        return None
    rel = group_words(match, "rel")
    if word in vocab.abbreviations and not vocab.names_capitalised:
        # A lower-case abbreviation is a word too ("sept", seven): only with a day or year.
        return None
    if not prep_of(match) and not rel:
        if word in vocab.ambiguous_months or word in vocab.abbreviations:
            return None
        if _preceded_by_name(match, "month", vocab):
            return None
    month = vocab.months[word]

    def resolve(context: Context) -> Resolved:
        anchor = need_anchor(context)
        year = _month_by_rel(month, rel, anchor, context.future)
        return anchored(cal.month_interval(year, month), Precision.MONTH)

    return with_prep(match, resolve, rel_direction(rel))


_HALVES = {
    "first half": (1, 6),
    "second half": (7, 12),
    "first quarter": (1, 3),
    "second quarter": (4, 6),
    "third quarter": (7, 9),
    "fourth quarter": (10, 12),
    "last quarter": (10, 12),
}


def _read_year(match: re.Match[str], vocab: Vocabulary) -> Reading | None:
    year = int(match["year"])
    part = _part_of(match)
    if not prep_of(match) and part is None:
        return None
    if part is None:
        whole = cal.year_interval(year)
        return with_prep(match, lambda _c: _absolute(whole, Precision.YEAR))
    if part in _HALVES:
        first, last = _HALVES[part]
        interval = (date(year, first, 1), cal.month_interval(year, last)[1])
        precision = Precision.QUARTER if last - first == 2 else cal.span_precision(*interval)
    else:
        interval, precision = part_months(year, part, vocab), Precision.QUARTER
    return with_prep(match, lambda _c: _absolute(interval, precision))


def _read_quarter(match: re.Match[str], _vocab: Vocabulary) -> Reading | None:
    year, quarter = int(match["year"]), int(match["q"])
    interval = (date(year, 3 * quarter - 2, 1), cal.month_interval(year, 3 * quarter)[1])
    return with_prep(match, lambda _c: _absolute(interval, Precision.QUARTER))


_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def _read_decade(match: re.Match[str], _vocab: Vocabulary) -> Reading | None:
    decade = int(match["decade"])
    part = group_words(match, "part")
    first, last = _DECADE_PARTS.get(part, (0, 9))
    interval = (date(decade + first, 1, 1), date(decade + last, 12, 31))
    return with_prep(match, lambda _c: _absolute(interval, Precision.YEARS))


def _read_weekday(match: re.Match[str], vocab: Vocabulary) -> Reading | None:
    if not _capitalised(match["wd"], vocab):
        return None
    prep = prep_of(match)
    if not prep and not match["mod"] and _preceded_by_name(match, "wd", vocab):
        return None
    weekday = vocab.weekdays[match["wd"].lower()]
    # "lundi dernier": the relational word may follow the name.
    rel = group_words(match, "rel") or prep

    def resolve(context: Context) -> Resolved:
        anchor = need_anchor(context)
        if rel == "last":
            day = cal.weekday_on_or_before(anchor - timedelta(days=1), weekday)
        elif rel == "next" or context.future:
            day = cal.weekday_after(anchor, weekday)
        else:
            day = cal.weekday_on_or_before(anchor, weekday)
        return anchored((day, day), Precision.DAY)

    return with_prep(match, resolve, rel_direction(rel))


_RELATIVE_DAYS: dict[str, tuple[int, Direction]] = {
    "the day before yesterday": (-2, "past"),
    "the day after tomorrow": (2, "future"),
    "yesterday": (-1, "past"),
    "today": (0, None),
    "tonight": (0, None),
    "tomorrow": (1, "future"),
    "last night": (-1, "past"),
    "this morning": (0, None),
    "this afternoon": (0, None),
    "this evening": (0, None),
}


def _read_relative_day(match: re.Match[str], _vocab: Vocabulary) -> Reading | None:
    word = group_words(match, "word")
    if word == "overnight":

        def overnight(context: Context) -> Resolved:
            anchor = need_anchor(context)
            return anchored((anchor - timedelta(days=1), anchor), Precision.DAYS)

        return Reading(match.start(), match.end(), overnight, direction="past")
    offset, direction = _RELATIVE_DAYS[word]

    def resolve(context: Context) -> Resolved:
        day = need_anchor(context) + timedelta(days=offset)
        return anchored((day, day), Precision.DAY)

    return Reading(match.start(), match.end(), resolve, direction=direction)


def _read_ordinal_day(match: re.Match[str], _vocab: Vocabulary) -> Reading | None:
    """ "on the 13th": that day of the anchor's month, or of the month before (after, for a
    plan or a deadline) when the anchor's month has not reached (has passed) it."""
    day = int(match["day"])
    prep = prep_of(match)

    def resolve(context: Context) -> Resolved:
        anchor = need_anchor(context)
        ahead = context.future or prep in {"by", "until", "till"}
        found = cal.day_of_month_near(anchor, day, future=ahead)
        return anchored((found, found), Precision.DAY)

    return with_prep(match, resolve)


ABSOLUTE_READERS: dict[str, Callable[[re.Match[str], Vocabulary], Reading | None]] = {
    "iso": _read_iso,
    "day_month": _read_day,
    "month_day": _read_day,
    "day_range": _read_day_range,
    "month_day_range": _read_day_range,
    "month_range": _read_month_range,
    "year_range": _read_year_range,
    "month_year": _read_month_year,
    "part_month": _read_part_month,
    "month": _read_month,
    "year": _read_year,
    "quarter": _read_quarter,
    "decade": _read_decade,
    "weekday": _read_weekday,
    "relative_day": _read_relative_day,
    "ordinal_day": _read_ordinal_day,
}
