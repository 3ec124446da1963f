"""Time expressions: find them in a sentence and resolve them to DateRanges against an anchor.

The anchor is the publication date; nothing here reads the clock. A scanner runs a fixed set
of linear patterns built from ``time_words.json`` over the text, keeps the leftmost-longest
matches, and resolves each against the anchor, the sentence's tense and the time before it
("the day before" follows the last resolved time). See docs/time.md for every expression.
The rules and the vocabulary are those of the current language (``using_language``):
French has rules of its own (``_rules_fr``), read into the same readers.
"""

from __future__ import annotations

import bisect
import functools
import re
from datetime import date, timedelta

import attrs

from sahel_news.data import register_cache, table_words
from sahel_news.errors import SahelNewsError
from sahel_news.extract.time import _calendar as cal
from sahel_news.extract.time._language import rule_set
from sahel_news.extract.time._patterns import cue_patterns
from sahel_news.extract.time._relative import READERS
from sahel_news.extract.time._rules import Context, Reading, Resolved, Unresolvable
from sahel_news.extract.time._scan import Needs, Words, needs_of, plan, scan
from sahel_news.extract.time._vocab import vocabulary
from sahel_news.models import DateRange, Precision
from sahel_news.models._unchecked import unchecked
from sahel_news.text import fold

__all__ = ["TimeExpression", "TimeResolutionError", "find_times", "precision_of", "resolve_time"]

# Where a clause breaks: at a mark, or before a word opening a clause. The matches of the
# two never overlap, so together they find what one alternation of both finds.
_MARK_BREAK = re.compile(r"[,;:()\u2013\u2014]")


@register_cache
@functools.cache
def _word_breaks() -> tuple[re.Pattern[str], frozenset[bytes]]:
    """The words opening a clause (``clause_break_words`` of ``words.json``): as a pattern
    of the word between spaces, and as the byte strings a text must hold for one to match."""
    words = table_words("words", "clause_break_words")
    whole = [word for word in words if not word.endswith("'")]
    source = r"\s(?:" + "|".join(map(re.escape, whole)) + r")\s"
    # An elided word ("qu'") opens a clause with the word it is joined to.
    elided = [word for word in words if word.endswith("'")]
    if elided:
        source += r"|\s(?:" + "|".join(map(re.escape, elided)) + ")"
    pattern = re.compile(source)
    # A text's tokens are its runs of word characters: "qu'il" needs the token "qu".
    return pattern, frozenset(_first_run(word).encode() for word in words)


def _first_run(word: str) -> str:
    found = re.match(r"\w+", word)
    return found.group() if found is not None else word


_WEEK = timedelta(days=7)
_TRAILING = " \t\n.,;:!?\"'’”)"


# A cue kind: its pattern, and what its phrases need.
_Cue = tuple[re.Pattern[str], Needs]


class TimeResolutionError(SahelNewsError, ValueError):
    """A time expression cannot be resolved; ``problem`` says why."""

    def __init__(self, expression: str, problem: str) -> None:
        self.expression = expression
        self.problem = problem
        super().__init__(f"{expression!r}: {problem}")


@attrs.frozen(slots=True)
class TimeExpression:
    """One time expression of a text: where it is, what it says, and the days it means.

    ``range`` is None when it cannot be resolved, and ``problem`` then says why. ``planned``
    marks a deadline or a future time ("by mid-September", "next month", "will ... in July").
    """

    start: int
    end: int
    text: str
    range: DateRange | None
    planned: bool
    problem: str | None


def _scan(words: Words) -> list[Reading]:
    """The leftmost-longest non-overlapping readings of a text, in order."""
    text = words.text
    vocab = vocabulary()
    compared = rule_set().compared
    candidates: list[tuple[int, int, int, Reading]] = []
    for (priority, rule, pattern), starts in plan(words).rules:
        reader = READERS[rule]
        for match in scan(pattern, text, starts):
            reading = reader(match, vocab)
            if (
                reading is not None
                and reading.end > reading.start
                and not compared.match(text, reading.end)
            ):
                candidates.append((reading.start, reading.start - reading.end, priority, reading))
    if len(candidates) > 1:
        candidates.sort(key=lambda c: c[:3])
    chosen: list[Reading] = []
    covered = 0
    for start, _, _, reading in candidates:
        if start >= covered:
            chosen.append(reading)
            covered = reading.end
    return chosen


def _is_cue(text: str, start: int, end: int) -> bool:
    # "Will" capitalised is a name far more often than a sentence-initial question, and
    # "than planned", "as scheduled" compare with a plan rather than state one.
    comparing = rule_set().comparing
    return text[start:end] != "Will" and not comparing.search(text, max(0, start - 6), start)


def _has_cue(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> bool:
    stop = len(text) if end is None else end
    return any(_is_cue(text, m.start(), m.end()) for m in pattern.finditer(text, start, stop))


@register_cache
@functools.cache
def _cues() -> tuple[_Cue, _Cue]:
    """The future and the past cues: the pattern, and the words its phrases need."""
    vocab = vocabulary()
    future, past = cue_patterns()
    # Future verb forms ("se tiendra") are no phrases: a text may hold one anywhere.
    future_needs = needs_of(vocab.future_cues) if not rule_set().future_forms else needs_of([""])
    return (future, future_needs), (past, needs_of(vocab.past_cues))


class _Tenses:
    """The tense cues of one text, read at first need: per clause, and for the whole text.

    A cue kind none of whose phrases has all its words in the text is never looked for; a
    clause is searched for cues only between its breaks.
    """

    __slots__ = ("_breaks", "_clauses", "_future_anywhere", "_words")

    def __init__(self, words: Words) -> None:
        self._words = words
        self._breaks: list[int] | None = None
        self._future_anywhere: bool | None = None
        self._clauses: dict[int, bool] = {}

    def _holds(self, cue: _Cue, left: int, right: int) -> bool:
        """Whether a cue of this kind stands in ``[left, right)`` of the text."""
        pattern, needs = cue
        if not needs.may_match_in(self._words):
            return False
        # The search ends at the clause's break, as if the text ended there.
        return _has_cue(pattern, self._words.text, left, right)

    def _clause_breaks(self) -> list[int]:
        if self._breaks is None:
            text = self._words.text
            found = [m.start() for m in _MARK_BREAK.finditer(text)]
            word_break, break_words = _word_breaks()
            if self._words.may_hold(break_words):
                found.extend(m.start() for m in word_break.finditer(text))
                found.sort()
            self._breaks = [0, *found, len(text)]
        return self._breaks

    def future_anywhere(self) -> bool:
        if self._future_anywhere is None:
            self._future_anywhere = self._holds(_cues()[0], 0, len(self._words.text))
        return self._future_anywhere

    def past_perfect(self) -> bool:
        words = self._words
        language = rule_set()
        return (
            words.may_hold(language.past_perfect_words)
            and language.past_perfect.search(words.text) is not None
        )

    def _clause_future(self, reading: Reading) -> bool:
        # A clause's cues decide its tense, else the text's future cues. With no future
        # cue anywhere, no clause holds one either: the text is read back, clause or not.
        if not self.future_anywhere():
            return False
        breaks = self._clause_breaks()
        left = breaks[bisect.bisect_right(breaks, reading.start) - 1]
        known = self._clauses.get(left)
        if known is None:
            right = breaks[bisect.bisect_left(breaks, reading.end)]
            future, past = _cues()
            known = self._holds(future, left, right) or not self._holds(past, left, right)
            self._clauses[left] = known
        return known

    def of(self, reading: Reading, future: bool | None) -> bool:
        """Whether *reading* is read forward from the anchor."""
        if reading.direction is not None:
            return reading.direction == "future"
        if reading.deadline:
            # "By March, the troops had left": a past-perfect text with no future cue looks
            # back from its "by"; any other "by" is a deadline, and so is one the caller
            # says is in the future.
            return bool(future) or self.future_anywhere() or not self.past_perfect()
        if future is not None:
            return future
        return self._clause_future(reading)


def _finish(resolved: Resolved, reading: Reading, context: Context, words: str) -> DateRange:
    """The DateRange of a resolved reading: "since" opened to the anchor, clamped by tense."""
    earliest, latest, precision = resolved.earliest, resolved.latest, resolved.precision
    anchor = context.anchor
    opened = False
    if reading.since:
        if anchor is None:
            raise Unresolvable("an open range ('since ...') needs the publication date")
        # "since 2012" read against an earlier anchor cannot run to it: it stays 2012.
        opened = earliest <= anchor
        if opened:
            latest = anchor
            precision = cal.span_precision(earliest, latest)
    elif resolved.uses_anchor and anchor is not None:
        # A past event said to happen "this week" happened before publication, and a
        # planned one "this week" after it.
        if not context.future and earliest <= anchor < latest:
            latest = anchor
        elif context.future and not reading.deadline and earliest < anchor <= latest:
            earliest = anchor
    used = anchor if (resolved.uses_anchor or opened) else None
    if resolved.reference is not None:
        used = resolved.reference.anchor
    return _date_range(earliest, latest, precision, words, used)


_new_range = unchecked(DateRange)


def _date_range(
    earliest: date, latest: date, precision: Precision, words: str, anchor: date | None
) -> DateRange:
    """``DateRange(...)`` without re-checking the field types resolution guarantees.

    The range's own rules (the order of the days, a day precision's single day) still run,
    from the model, and raise as the checked constructor does; so does blank wording.
    """
    if not words.strip():
        return DateRange(earliest, latest, precision, words, anchor)
    resolved = _new_range(earliest, latest, precision, words, anchor)
    resolved.__attrs_post_init__()
    return resolved


def _express(
    text: str, reading: Reading, anchor: date | None, previous: DateRange | None, future: bool
) -> TimeExpression:
    words = text[reading.start : reading.end]
    context = Context(anchor, previous, future)
    try:
        found = _finish(reading.resolve(context), reading, context, words)
    except Unresolvable as error:
        return TimeExpression(reading.start, reading.end, words, None, future, str(error))
    except (ValueError, OverflowError):
        problem = "falls outside the calendar's range"
        return TimeExpression(reading.start, reading.end, words, None, future, problem)
    return TimeExpression(reading.start, reading.end, words, found, future, None)


def find_times(
    text: str,
    *,
    anchor: date | None,
    previous: DateRange | None = None,
    future: bool | None = None,
) -> list[TimeExpression]:
    """Every time expression of *text* (a sentence), resolved in order.

    An expression such as "the day before", "a day later" or "the next day" refers to the
    last resolved time before it in *text*, or else to *previous* (the last time of the
    earlier sentences). With *future* None the tense comes from the sentence itself ("will",
    "is set to", "plans to", "next ..."), clause by clause.

    Args:
        text: one sentence (or any text; offsets are into it).
        anchor: the publication date relative expressions are resolved against, or None.
        previous: the time the preceding sentences ended on.
        future: force the tense of expressions whose words do not fix it.
    """
    # A language read with its accents folded is scanned so: same length, same offsets.
    scanned = fold(text) if rule_set().fold else text
    words = Words(scanned)
    readings = _scan(words)
    if not readings:
        return []
    found: list[TimeExpression] = []
    reference = previous
    tenses = _Tenses(words)
    last: Reading | None = None
    for reading in readings:
        expression = _express(text, reading, anchor, reference, tenses.of(reading, future))
        if found and last is not None and expression.range is not None:
            first = found[-1]
            if expression.range.anchor is None and (
                first.range is None or first.range.anchor is not None
            ):
                # "between June 1 and June 3, 2024": the first end takes the year of the
                # absolute second end, not the anchor's.
                first = _express(text, last, expression.range.latest, None, future=False)
                if first.range is not None:
                    first = attrs.evolve(first, range=attrs.evolve(first.range, anchor=None))
            if (joined := _join_range(text, scanned, first, expression)) is not None:
                found[-1] = expression = joined
                last = None
                reference = expression.range
                continue
        found.append(expression)
        last = reading
        if expression.range is not None:
            reference = expression.range
    return found


def _weekday_pair(first: DateRange, second: DateRange) -> bool:
    return (
        first.anchor is not None
        and first.precision is second.precision is Precision.DAY
        and (first.earliest - second.earliest).days < 7
    )


def _join_range(
    text: str, scanned: str, first: TimeExpression, second: TimeExpression
) -> TimeExpression | None:
    """ "from Monday to Wednesday" as one range, when both ends are resolved and in order.

    *scanned* is *text* as the scanner read it (folded, in a language read so).
    """
    if first.range is None or second.range is None:
        return None
    language = rule_set()
    # Most pairs stand apart: only a link word between them ("to", "-") can join them.
    linked = language.range_link.fullmatch(scanned, first.end, second.start) or (
        not scanned[first.end : second.start].strip()
        and language.range_link_word.match(scanned, second.start, second.end)
    )
    if not linked:
        return None
    opener = language.range_opener.search(scanned, max(0, first.start - 16), first.start)
    start = opener.start() if opener is not None else first.start
    if opener is None and not language.range_start.match(scanned, first.start, first.end):
        return None
    earliest, latest = first.range.earliest, second.range.latest
    if earliest > latest and _weekday_pair(first.range, second.range):
        # "from Monday to Wednesday" told on a Tuesday: last week's in the past, next
        # week's in the future.
        if second.planned:
            latest += _WEEK
        else:
            earliest -= _WEEK
    if earliest > latest:
        return None
    words = text[start : second.end]
    joined = DateRange(
        earliest,
        latest,
        cal.span_precision(earliest, latest),
        words,
        first.range.anchor or second.range.anchor,
    )
    return TimeExpression(start, second.end, words, joined, first.planned or second.planned, None)


def resolve_time(
    expression: str,
    *,
    anchor: date | None,
    previous: DateRange | None = None,
    future: bool = False,
) -> DateRange:
    """Resolve one time expression (the whole of *expression*) to the days it means.

    Args:
        expression: the words, such as "last July" or "by mid-September".
        anchor: the publication date relative expressions are resolved against, or None.
        previous: the time "the day before" and the like refer to.
        future: whether the sentence speaks of the future (words like "last" win over it).

    Raises:
        TimeResolutionError: the words are not one time expression, or need an anchor or a
            previous time that was not given.
    """
    text = expression.strip().rstrip(_TRAILING)
    times = find_times(text, anchor=anchor, previous=previous, future=future)
    if len(times) != 1 or times[0].start != 0 or times[0].end != len(text):
        raise TimeResolutionError(expression, "not one time expression")
    found = times[0]
    if found.range is None:
        raise TimeResolutionError(expression, found.problem or "cannot be resolved")
    return found.range


def precision_of(earliest: date, latest: date) -> Precision:
    """The precision a vague range of these days is known to: a day, days, a month, a quarter...

    Args:
        earliest: the first day of the range.
        latest: the last day of the range (not before *earliest*).
    """
    return cal.span_precision(earliest, latest)
