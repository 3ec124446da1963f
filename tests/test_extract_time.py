"""Tests for sahel_news.extract.time: finding time expressions and resolving them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sahel_news.data import load_entries
from sahel_news.errors import SahelNewsError
from sahel_news.extract.time import (
    TimeExpression,
    TimeResolutionError,
    find_times,
    precision_of,
    resolve_time,
)
from sahel_news.extract.time._patterns import _alternation, cue_patterns, patterns
from sahel_news.extract.time._relative import read_match
from sahel_news.extract.time._scan import Words, needs_of, plan, scan
from sahel_news.extract.time._vocab import vocabulary
from sahel_news.models import DateRange, Precision
from sahel_news.text._units import split_sentences

DOC = Path(__file__).resolve().parent.parent / "docs" / "time.md"
WED = "2024-06-05"  # the seed's publication date, a Wednesday

P = Precision
# (expression, anchor, future, earliest, latest, precision); dates checked by hand on a calendar.
CASES = [
    # weekdays: past tense means this week's, or the same day; future the next one
    ("on Monday", WED, False, "2024-06-03", "2024-06-03", P.DAY),
    ("Monday", WED, False, "2024-06-03", "2024-06-03", P.DAY),
    ("on Wednesday", WED, False, "2024-06-05", "2024-06-05", P.DAY),
    ("on Thursday", WED, False, "2024-05-30", "2024-05-30", P.DAY),
    ("on Monday", WED, True, "2024-06-10", "2024-06-10", P.DAY),
    ("on Wednesday", WED, True, "2024-06-12", "2024-06-12", P.DAY),
    ("last Monday", WED, True, "2024-06-03", "2024-06-03", P.DAY),
    ("last Wednesday", WED, False, "2024-05-29", "2024-05-29", P.DAY),
    ("next Monday", WED, False, "2024-06-10", "2024-06-10", P.DAY),
    ("on Tuesday night", WED, False, "2024-06-04", "2024-06-04", P.DAY),
    ("late on Tuesday", WED, False, "2024-06-04", "2024-06-04", P.DAY),
    ("Sunday morning", WED, False, "2024-06-02", "2024-06-02", P.DAY),
    ("on Monday", "2024-08-10", False, "2024-08-05", "2024-08-05", P.DAY),
    # months without a year: never a day invented
    ("In March", WED, False, "2024-03-01", "2024-03-31", P.MONTH),
    ("Earlier in January", WED, False, "2024-01-01", "2024-01-31", P.MONTH),
    ("this March", WED, False, "2024-03-01", "2024-03-31", P.MONTH),
    ("in July", WED, False, "2023-07-01", "2023-07-31", P.MONTH),
    ("in July", WED, True, "2024-07-01", "2024-07-31", P.MONTH),
    ("in March", WED, True, "2025-03-01", "2025-03-31", P.MONTH),
    ("in June", WED, False, "2024-06-01", "2024-06-05", P.MONTH),
    ("in December", "2024-01-15", False, "2023-12-01", "2023-12-31", P.MONTH),
    ("since March", WED, False, "2024-03-01", "2024-06-05", P.QUARTER),
    ("last July", WED, False, "2023-07-01", "2023-07-31", P.MONTH),
    ("last July", "2024-08-10", False, "2024-07-01", "2024-07-31", P.MONTH),
    ("last June", WED, False, "2023-06-01", "2023-06-30", P.MONTH),
    ("last May", WED, False, "2024-05-01", "2024-05-31", P.MONTH),
    ("next March", WED, False, "2025-03-01", "2025-03-31", P.MONTH),
    ("next July", WED, False, "2024-07-01", "2024-07-31", P.MONTH),
    # parts of months
    ("by mid-September", WED, False, "2024-09-11", "2024-09-20", P.PART_OF_MONTH),
    ("in mid-September", WED, False, "2023-09-11", "2023-09-20", P.PART_OF_MONTH),
    ("in mid-September", WED, True, "2024-09-11", "2024-09-20", P.PART_OF_MONTH),
    ("late May", WED, False, "2024-05-21", "2024-05-31", P.PART_OF_MONTH),
    ("late February", "2024-03-10", False, "2024-02-21", "2024-02-29", P.PART_OF_MONTH),
    ("early June", WED, False, "2024-06-01", "2024-06-05", P.PART_OF_MONTH),
    ("by the end of June", WED, False, "2024-06-21", "2024-06-30", P.PART_OF_MONTH),
    ("late May 2023", WED, False, "2023-05-21", "2023-05-31", P.PART_OF_MONTH),
    # calendar units
    ("last year", WED, False, "2023-01-01", "2023-12-31", P.YEAR),
    ("this year", WED, False, "2024-01-01", "2024-06-05", P.YEAR),
    ("this year", WED, True, "2024-06-05", "2024-12-31", P.YEAR),
    ("next year", WED, False, "2025-01-01", "2025-12-31", P.YEAR),
    ("last month", WED, False, "2024-05-01", "2024-05-31", P.MONTH),
    ("this month", WED, False, "2024-06-01", "2024-06-05", P.MONTH),
    ("next month", WED, False, "2024-07-01", "2024-07-31", P.MONTH),
    ("last week", WED, False, "2024-05-27", "2024-06-02", P.WEEK),
    ("this week", WED, False, "2024-06-03", "2024-06-05", P.WEEK),
    ("next week", WED, False, "2024-06-10", "2024-06-16", P.WEEK),
    ("last week", "2024-01-15", False, "2024-01-08", "2024-01-14", P.WEEK),
    ("earlier this year", WED, False, "2024-01-01", "2024-06-05", P.YEAR),
    ("later this month", WED, False, "2024-06-05", "2024-06-30", P.MONTH),
    ("early next year", WED, False, "2025-01-01", "2025-04-30", P.QUARTER),
    ("late last year", WED, False, "2023-09-01", "2023-12-31", P.QUARTER),
    ("the past week", WED, False, "2024-05-30", "2024-06-05", P.DAYS),
    ("over the past three years", WED, False, "2021-06-06", "2024-06-05", P.YEARS),
    ("the past year", WED, False, "2023-06-06", "2024-06-05", P.YEAR),
    # offsets from the anchor
    ("two weeks ago", WED, False, "2024-05-20", "2024-05-26", P.WEEK),
    ("three days ago", WED, False, "2024-06-02", "2024-06-02", P.DAY),
    ("a month ago", WED, False, "2024-05-01", "2024-05-31", P.MONTH),
    ("10 years ago", WED, False, "2014-01-01", "2014-12-31", P.YEAR),
    ("a few days ago", WED, False, "2024-05-31", "2024-06-03", P.DAYS),
    ("in two weeks", WED, False, "2024-06-17", "2024-06-23", P.WEEK),
    ("two weeks from now", WED, False, "2024-06-17", "2024-06-23", P.WEEK),
    ("in three days", WED, False, "2024-06-08", "2024-06-08", P.DAY),
    ("within two weeks", WED, False, "2024-06-05", "2024-06-19", P.MONTH),
    # vague
    ("in recent years", WED, False, "2021-01-01", "2024-06-05", P.YEARS),
    ("in recent months", WED, False, "2024-03-01", "2024-06-05", P.QUARTER),
    ("recently", WED, False, "2024-03-01", "2024-06-05", P.QUARTER),
    ("in recent days", WED, False, "2024-05-29", "2024-06-05", P.DAYS),
    ("for decades", WED, False, "2004-01-01", "2024-06-05", P.YEARS),
    ("since 2012", WED, False, "2012-01-01", "2024-06-05", P.YEARS),
    ("since Monday", WED, True, "2024-06-03", "2024-06-05", P.DAYS),
    # explicit dates
    ("June 5, 2024", None, False, "2024-06-05", "2024-06-05", P.DAY),
    ("5 June 2024", None, False, "2024-06-05", "2024-06-05", P.DAY),
    ("Wednesday, June 5, 2024", None, False, "2024-06-05", "2024-06-05", P.DAY),
    ("the 5th of June 2024", None, False, "2024-06-05", "2024-06-05", P.DAY),
    ("Jan. 9, 2023", None, False, "2023-01-09", "2023-01-09", P.DAY),
    ("June 5", WED, False, "2024-06-05", "2024-06-05", P.DAY),
    ("June 6", WED, False, "2023-06-06", "2023-06-06", P.DAY),
    ("June 6", WED, True, "2024-06-06", "2024-06-06", P.DAY),
    ("on 12 March", WED, False, "2024-03-12", "2024-03-12", P.DAY),
    ("July 26th", WED, False, "2023-07-26", "2023-07-26", P.DAY),
    ("February 29", "2025-06-01", False, "2024-02-29", "2024-02-29", P.DAY),
    ("2023-07-26", None, False, "2023-07-26", "2023-07-26", P.DAY),
    ("in 2023", None, False, "2023-01-01", "2023-12-31", P.YEAR),
    ("in July 2023", None, False, "2023-07-01", "2023-07-31", P.MONTH),
    ("between 2 and 4 June", WED, False, "2024-06-02", "2024-06-04", P.DAYS),
    ("June 2-4", WED, False, "2024-06-02", "2024-06-04", P.DAYS),
    ("June 5th and 6th", "2024-06-10", False, "2024-06-05", "2024-06-06", P.DAYS),
    ("from 28 to 30 July 2023", None, False, "2023-07-28", "2023-07-30", P.DAYS),
    ("early 2024", None, False, "2024-01-01", "2024-04-30", P.QUARTER),
    ("mid-2023", None, False, "2023-05-01", "2023-08-31", P.QUARTER),
    ("the end of 2024", None, False, "2024-09-01", "2024-12-31", P.QUARTER),
    ("Q3 2023", None, False, "2023-07-01", "2023-09-30", P.QUARTER),
    ("the first quarter of 2024", None, False, "2024-01-01", "2024-03-31", P.QUARTER),
    ("the 1990s", None, False, "1990-01-01", "1999-12-31", P.YEARS),
    ("in the early 2000s", None, False, "2000-01-01", "2003-12-31", P.YEARS),
    # ranges
    ("from March to May 2024", None, False, "2024-03-01", "2024-05-31", P.QUARTER),
    ("between March and May", WED, False, "2024-03-01", "2024-05-31", P.QUARTER),
    ("from November to February", WED, False, "2023-11-01", "2024-02-29", P.QUARTER),
    ("from October to December", WED, True, "2024-10-01", "2024-12-31", P.QUARTER),
    ("between 2020 and 2022", None, False, "2020-01-01", "2022-12-31", P.YEARS),
    ("2015-2020", None, False, "2015-01-01", "2020-12-31", P.YEARS),
    ("in 2019-20", None, False, "2019-01-01", "2020-12-31", P.YEARS),
    ("from Monday to Wednesday", WED, False, "2024-06-03", "2024-06-05", P.DAYS),
    ("between June 1 and June 3, 2024", WED, False, "2024-06-01", "2024-06-03", P.DAYS),
    ("from 2 June until 4 June", WED, False, "2024-06-02", "2024-06-04", P.DAYS),
    ("between June 1 and June 3, 2024", None, False, "2024-06-01", "2024-06-03", P.DAYS),
    ("from December 28 to January 3, 2024", None, False, "2023-12-28", "2024-01-03", P.DAYS),
    ("from Monday to Wednesday", "2024-06-04", False, "2024-05-27", "2024-05-29", P.DAYS),
    ("from Monday to Wednesday", "2024-06-04", True, "2024-06-10", "2024-06-12", P.DAYS),
    ("at the end of the month", WED, False, "2024-05-21", "2024-05-31", P.PART_OF_MONTH),
    ("at the end of the month", WED, True, "2024-06-21", "2024-06-30", P.PART_OF_MONTH),
    ("at the end of last month", WED, False, "2024-05-21", "2024-05-31", P.PART_OF_MONTH),
    ("by the end of the year", WED, False, "2024-09-01", "2024-12-31", P.QUARTER),
    ("this past weekend", WED, False, "2024-06-01", "2024-06-02", P.DAYS),
    # seasons (Northern meteorological, plus the Sahel's)
    ("in the summer", WED, False, "2024-06-01", "2024-06-05", P.SEASON),
    ("this summer", WED, True, "2024-06-05", "2024-08-31", P.SEASON),
    ("last summer", WED, False, "2023-06-01", "2023-08-31", P.SEASON),
    ("in the winter", WED, False, "2023-12-01", "2024-02-29", P.SEASON),
    ("next spring", WED, False, "2025-03-01", "2025-05-31", P.SEASON),
    ("the fall of 2023", None, False, "2023-09-01", "2023-11-30", P.SEASON),
    ("the rainy season", WED, True, "2024-06-05", "2024-09-30", P.SEASON),
    ("the dry season", "2024-01-15", False, "2023-10-01", "2024-01-15", P.SEASON),
    # weekends and days around the anchor
    ("the weekend", WED, False, "2024-06-01", "2024-06-02", P.DAYS),
    ("over the weekend", WED, False, "2024-06-01", "2024-06-02", P.DAYS),
    ("at the weekend", "2024-03-03", False, "2024-03-02", "2024-03-03", P.DAYS),
    ("this weekend", WED, True, "2024-06-08", "2024-06-09", P.DAYS),
    ("last weekend", "2024-03-03", False, "2024-02-24", "2024-02-25", P.DAYS),
    ("overnight", WED, False, "2024-06-04", "2024-06-05", P.DAYS),
    ("yesterday", WED, False, "2024-06-04", "2024-06-04", P.DAY),
    ("today", WED, False, "2024-06-05", "2024-06-05", P.DAY),
    ("tomorrow", WED, False, "2024-06-06", "2024-06-06", P.DAY),
    ("this morning", WED, False, "2024-06-05", "2024-06-05", P.DAY),
    ("last night", WED, False, "2024-06-04", "2024-06-04", P.DAY),
    ("the day before yesterday", WED, False, "2024-06-03", "2024-06-03", P.DAY),
]


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


class TestResolveTime:
    """resolve_time: one expression, one DateRange."""

    def test_case_table_has_no_duplicates(self):
        """Holds each (expression, anchor, tense) once."""
        keys = [case[:3] for case in CASES]
        assert len(keys) == len(set(keys))

    @pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case[0]}@{case[1]}/{case[2]}")
    def test_resolves(self, case):
        """Resolves each supported expression to the days and precision checked by hand."""
        text, anchor, future, earliest, latest, precision = case
        found = resolve_time(text, anchor=_day(anchor), future=future)
        assert (found.earliest, found.latest, found.precision) == (
            date.fromisoformat(earliest),
            date.fromisoformat(latest),
            precision,
        )
        assert found.expression == text

    def test_absolute_dates_carry_no_anchor(self):
        """Leaves the anchor of an absolute date empty and records it on a relative one."""
        anchor = date(2024, 6, 5)
        assert resolve_time("June 5, 2024", anchor=anchor).anchor is None
        assert resolve_time("on Monday", anchor=anchor).anchor == anchor

    @pytest.mark.parametrize("text", ["on Monday", "last July", "in March", "two weeks ago"])
    def test_relative_without_anchor_raises(self, text):
        """Raises TimeResolutionError, a SahelNewsError and ValueError, without an anchor."""
        with pytest.raises(TimeResolutionError) as caught:
            resolve_time(text, anchor=None)
        assert isinstance(caught.value, SahelNewsError)
        assert isinstance(caught.value, ValueError)
        assert "anchor" in caught.value.problem

    @pytest.mark.parametrize("text", ["", "hello", "the Long March", "on Monday and more words"])
    def test_not_a_time_raises(self, text):
        """Raises TimeResolutionError when the words are not exactly one time expression."""
        with pytest.raises(TimeResolutionError):
            resolve_time(text, anchor=date(2024, 6, 5))

    def test_strips_trailing_punctuation(self):
        """Accepts an expression with the comma that followed it in the sentence."""
        found = resolve_time("On Monday,", anchor=date(2024, 6, 5))
        assert found.earliest == date(2024, 6, 3)


MONDAY = DateRange(date(2024, 6, 3), date(2024, 6, 3), Precision.DAY, "on Monday", date(2024, 6, 5))
MARCH = DateRange(
    date(2024, 3, 1), date(2024, 3, 31), Precision.MONTH, "in March", date(2024, 6, 5)
)
PREVIOUS_CASES = [
    ("the day before", MONDAY, "2024-06-02", "2024-06-02", P.DAY),
    ("a day earlier", MONDAY, "2024-06-02", "2024-06-02", P.DAY),
    ("the previous day", MONDAY, "2024-06-02", "2024-06-02", P.DAY),
    ("a day later", MONDAY, "2024-06-04", "2024-06-04", P.DAY),
    ("the next day", MONDAY, "2024-06-04", "2024-06-04", P.DAY),
    ("the following day", MONDAY, "2024-06-04", "2024-06-04", P.DAY),
    ("two days later", MONDAY, "2024-06-05", "2024-06-05", P.DAY),
    ("a week later", MONDAY, "2024-06-10", "2024-06-10", P.DAY),
    ("the same day", MONDAY, "2024-06-03", "2024-06-03", P.DAY),
    ("the following week", MONDAY, "2024-06-10", "2024-06-16", P.WEEK),
    ("that year", MONDAY, "2024-01-01", "2024-12-31", P.YEAR),
    ("a month later", MARCH, "2024-04-01", "2024-04-30", P.MONTH),
    ("the day before", MARCH, "2024-02-29", "2024-03-30", P.MONTH),
]


class TestPreviousReference:
    """Expressions that refer to the time mentioned before them."""

    def test_case_table_has_no_duplicates(self):
        """Holds each (expression, reference) once."""
        keys = [(case[0], case[1].expression) for case in PREVIOUS_CASES]
        assert len(keys) == len(set(keys))

    @pytest.mark.parametrize(
        ("text", "previous", "earliest", "latest", "precision"), PREVIOUS_CASES
    )
    def test_resolves_against_previous(self, text, previous, earliest, latest, precision):
        """Moves the previous time by the stated amount, as exactly as the reference allows."""
        found = resolve_time(text, anchor=date(2024, 6, 5), previous=previous)
        assert (found.earliest, found.latest, found.precision) == (
            date.fromisoformat(earliest),
            date.fromisoformat(latest),
            precision,
        )
        assert found.anchor == previous.anchor

    def test_without_previous_raises(self):
        """Raises when "the day before" has nothing to refer to."""
        with pytest.raises(TimeResolutionError, match="earlier time"):
            resolve_time("the day before", anchor=date(2024, 6, 5))

    def test_chains_within_the_sentence(self):
        """Refers "the day before" to the weekday named earlier in the same sentence."""
        sentence = (
            "On Monday, Niger said its leader had met the delegation in Niamey the day before "
            "and discussed security."
        )
        found = find_times(sentence, anchor=date(2024, 6, 5))
        assert [t.text for t in found] == ["On Monday", "the day before"]
        assert found[1].range is not None
        assert found[1].range.earliest == date(2024, 6, 2)

    def test_uses_previous_sentence_time(self):
        """Falls back to *previous* when the sentence names no time before the expression."""
        found = find_times("The next day, the convoy left.", anchor=None, previous=MONDAY)
        assert found[0].range is not None
        assert found[0].range.earliest == date(2024, 6, 4)

    @pytest.mark.parametrize(
        "sentence",
        [
            "Talks began on Monday, two years after independence.",
            "Talks began on Monday, a day after Tabaski.",
            "Talks began on Monday, the day before the vote.",
        ],
    )
    def test_before_or_after_an_event_is_unresolved(self, sentence):
        """Leaves an offset from a named event unresolved instead of moving the last date."""
        found = find_times(sentence, anchor=date(2024, 6, 5))
        assert len(found) == 2
        assert found[1].range is None
        assert found[1].problem == "relative to another event, not to a date"

    def test_relative_to_an_event_is_unresolved(self):
        """Leaves "the day before the vote" unresolved: it points at an event, not a date."""
        found = find_times(
            "Troops deployed on Monday and the day before the vote.", anchor=date(2024, 6, 5)
        )
        assert found[-1].text == "the day before"
        assert found[-1].range is None
        assert found[-1].problem is not None


def _only(sentence: str, anchor: date | None = date(2024, 6, 5)) -> TimeExpression:
    found = find_times(sentence, anchor=anchor)
    assert len(found) == 1, found
    return found[0]


class TestFindTimes:
    """find_times: every time expression of a sentence, with tense from the sentence."""

    def test_seed_sentences(self):
        """Finds and resolves the times of the seed's sentences as a reader would."""
        anchor = date(2024, 6, 5)
        cases = {
            "Mali’s interim leader hosted the officials in Bamako on Monday, the government "
            "wrote.": ("on Monday", date(2024, 6, 3), date(2024, 6, 3), False),
            "In March, Putin and Goita committed to intensifying cooperation.": (
                "In March",
                date(2024, 3, 1),
                date(2024, 3, 31),
                False,
            ),
            "American troops in Niger are also set to withdraw by mid-September after the "
            "leaders canceled a deal.": (
                "by mid-September",
                date(2024, 9, 11),
                date(2024, 9, 20),
                True,
            ),
            "Relations have strengthened in recent years, despite concerns.": (
                "in recent years",
                date(2021, 1, 1),
                anchor,
                False,
            ),
        }
        for sentence, (text, earliest, latest, planned) in cases.items():
            found = _only(sentence, anchor)
            assert found.range is not None
            assert (found.text, found.range.earliest, found.range.latest, found.planned) == (
                text,
                earliest,
                latest,
                planned,
            )

    def test_seed_capture(self, seed_text):
        """Finds every time of the seed's body, chaining "the day before" to its Monday."""
        body = seed_text[seed_text.index("A high-ranking delegation") : seed_text.index("June 05")]
        anchor, previous, found = date(2024, 6, 5), None, []
        for start, end in split_sentences(body):
            for time in find_times(body[start:end], anchor=anchor, previous=previous):
                assert time.range is not None, time
                found.append((time.text, time.range.earliest, time.range.latest, time.planned))
                previous = time.range
        assert found == [
            ("on Monday", date(2024, 6, 3), date(2024, 6, 3), False),
            ("for decades", date(2004, 1, 1), anchor, False),
            ("on Tuesday", date(2024, 6, 4), date(2024, 6, 4), False),
            ("On Monday", date(2024, 6, 3), date(2024, 6, 3), False),
            ("the day before", date(2024, 6, 2), date(2024, 6, 2), False),
            ("in recent years", date(2021, 1, 1), anchor, False),
            ("by mid-September", date(2024, 9, 11), date(2024, 9, 20), True),
            ("In March", date(2024, 3, 1), date(2024, 3, 31), False),
            ("Earlier in January", date(2024, 1, 1), date(2024, 1, 31), False),
            ("last July", date(2023, 7, 1), date(2023, 7, 31), False),
        ]

    def test_said_that_splits_clauses(self):
        """Reads "said on Tuesday that the vote would ..." as a past Tuesday."""
        found = find_times(
            "The prime minister said on Tuesday that the vote would take place in July.",
            anchor=date(2024, 6, 5),
        )
        assert [(t.text, t.planned) for t in found] == [("on Tuesday", False), ("in July", True)]
        assert found[0].range is not None
        assert found[0].range.earliest == date(2024, 6, 4)

    def test_two_times_in_one_sentence(self):
        """Resolves "Earlier in January" and "last July" in one sentence, in order."""
        sentence = (
            "Earlier in January, Niger’s government, in power since the overthrow of President "
            "Mohamed Bazoum last July, agreed to develop military ties with Moscow."
        )
        found = find_times(sentence, anchor=date(2024, 6, 5))
        assert [(t.text, t.range.earliest if t.range else None) for t in found] == [
            ("Earlier in January", date(2024, 1, 1)),
            ("last July", date(2023, 7, 1)),
        ]

    @pytest.mark.parametrize(
        ("sentence", "text", "day"),
        [
            ("The junta will hold talks on Friday.", "on Friday", date(2024, 6, 7)),
            ("Talks are expected to resume on Monday.", "on Monday", date(2024, 6, 10)),
            ("Mali plans to open the embassy on 12 March.", "on 12 March", date(2025, 3, 12)),
            ("Goita is set to travel to Niamey on Tuesday.", "on Tuesday", date(2024, 6, 11)),
        ],
    )
    def test_future_tense_is_planned(self, sentence, text, day):
        """Reads a future-tense sentence's time forward from the anchor and marks it planned."""
        found = _only(sentence)
        assert found.text == text
        assert found.planned
        assert found.range is not None
        assert found.range.earliest == day

    def test_tense_is_read_clause_by_clause(self):
        """Reads a past clause's time backward even when another clause speaks of the future."""
        sentence = "The vote, which was postponed in March, will take place in July."
        found = find_times(sentence, anchor=date(2024, 6, 5))
        assert [(t.text, t.planned) for t in found] == [("in March", False), ("in July", True)]
        assert found[0].range is not None
        assert found[0].range.earliest == date(2024, 3, 1)
        assert found[1].range is not None
        assert found[1].range.earliest == date(2024, 7, 1)

    @pytest.mark.parametrize(
        "sentence",
        [
            "The mission withdrew from its camp on October 31, two months earlier than planned.",
            "The mission withdrew from its camp on October 31, as planned.",
            "The mission withdrew on October 31, sooner than scheduled.",
        ],
    )
    def test_comparison_with_a_plan_is_no_future_cue(self, sentence):
        """Reads "than planned", "as planned" as a comparison: the clause stays in the past."""
        found = find_times(sentence, anchor=date(2023, 11, 15))
        assert [(t.text, t.planned) for t in found] == [("on October 31", False)]
        assert found[0].range is not None
        assert found[0].range.earliest == date(2023, 10, 31)

    def test_stated_plan_beside_a_comparison_is_still_future(self):
        """Keeps a real future cue in a sentence that also compares with a plan."""
        found = find_times(
            "The troops will leave on October 31, as planned.", anchor=date(2023, 11, 15)
        )
        assert [(t.text, t.planned) for t in found] == [("on October 31", True)]
        assert found[0].range is not None
        assert found[0].range.earliest == date(2024, 10, 31)

    def test_future_argument_overrides_the_sentence(self):
        """Uses the tense the caller gives over the sentence's cues."""
        found = find_times("Talks took place on Monday.", anchor=date(2024, 6, 5), future=True)
        assert found[0].range is not None
        assert found[0].range.earliest == date(2024, 6, 10)

    def test_deadline_in_past_perfect_is_not_planned(self):
        """Reads "by March" in a past-perfect sentence as a past time, not a deadline."""
        found = _only("By March, the troops had left the base.")
        assert not found.planned
        assert found.range is not None
        assert found.range.earliest == date(2024, 3, 1)

    def test_deadline_said_to_be_future_resolves_forward(self):
        """Reads "by mid-September" forward when the caller says the sentence is future."""
        sentence = (
            "American troops in Niger must withdraw by mid-September after the leaders "
            "canceled a defense deal that had permitted their presence."
        )
        (found,) = find_times(sentence, anchor=date(2024, 6, 5), future=True)
        assert found.text == "by mid-September"
        assert found.planned
        assert found.range is not None
        assert (found.range.earliest, found.range.latest) == (date(2024, 9, 11), date(2024, 9, 20))

    def test_deadline_in_past_perfect_without_future_stays_past(self):
        """Keeps reading "by March" back from a past-perfect sentence when no tense is given."""
        (found,) = find_times("By March, the troops had left.", anchor=date(2024, 6, 5))
        assert not found.planned
        assert found.range is not None
        assert found.range.earliest == date(2024, 3, 1)

    def test_words_that_fix_the_tense_win(self):
        """Keeps "last July" in the past in a future-tense sentence."""
        found = _only("The junta will review the deal it signed last July.")
        assert not found.planned
        assert found.range is not None
        assert found.range.earliest == date(2023, 7, 1)

    def test_relative_without_anchor_reports_problem(self):
        """Returns a relative time unresolved, with a problem, when there is no anchor."""
        found = _only("Troops left on Monday.", anchor=None)
        assert found.range is None
        assert found.problem is not None
        assert "anchor" in found.problem

    def test_absolute_without_anchor_resolves(self):
        """Resolves an absolute date without an anchor."""
        found = _only("Troops left on June 3, 2024.", anchor=None)
        assert found.range is not None
        assert found.range.earliest == date(2024, 6, 3)

    def test_monday_meeting_is_a_time(self):
        """Resolves the weekday of "the Monday meeting"."""
        found = _only("Officials prepared the Monday meeting.")
        assert found.range is not None
        assert found.range.earliest == date(2024, 6, 3)

    @pytest.mark.parametrize(
        "sentence",
        [
            "The Long March ended decades of war.",
            "March on the capital, the crowd shouted.",
            "Troops may withdraw from the base.",
            "May God protect Mali, the minister said.",
            "Will Ross reported from Bamako.",
            "The 3rd battalion and the 12th regiment moved north.",
            "Turnout was 45% in 12 regions.",
            "Some 2 million people fled, and 2000 soldiers stayed.",
            "The convoy left at 10 a.m. and arrived at 4:30 p.m.",
            "Prices fall as the Arab Spring is recalled.",
            "Analysts recall the fall of Kabul.",
            "The Black September group and the Bloody Sunday inquiry were cited.",
            "About 2,000 villages and 1,500 cases were counted.",
            "The vote came two months earlier than planned.",
            "Aid arrived a week later than promised.",
        ],
    )
    def test_not_times(self, sentence):
        """Finds no time in words that only look like dates."""
        assert find_times(sentence, anchor=date(2024, 6, 5)) == []

    def test_offsets_slice_back(self):
        """Gives offsets that slice the sentence back to each expression's text."""
        sentence = "On Monday, and again on 12 March 2024 and last week, talks were held."
        found = find_times(sentence, anchor=date(2024, 6, 5))
        assert [sentence[t.start : t.end] for t in found] == [t.text for t in found]
        assert [t.text for t in found] == ["On Monday", "on 12 March 2024", "last week"]


# Expressions whose resolution depends on the anchor: past-tense readings must not pass it.
RELATIVE = [
    "on Monday",
    "on Sunday",
    "in March",
    "in December",
    "last July",
    "last week",
    "this week",
    "this month",
    "this year",
    "last year",
    "in mid-September",
    "early June",
    "two weeks ago",
    "three days ago",
    "a month ago",
    "10 years ago",
    "in recent years",
    "in recent months",
    "recently",
    "for decades",
    "June 6",
    "the weekend",
    "last weekend",
    "overnight",
    "yesterday",
    "today",
    "this morning",
    "last night",
    "in the summer",
    "in the winter",
    "the rainy season",
    "since March",
    "earlier this year",
    "the past week",
    "a few days ago",
    "between 2 and 4 June",
    "next week",
    "tomorrow",
    "by mid-September",
    "at the end of the month",
    "this past weekend",
    "since Monday",
    "the past few days",
    "over the past decade",
    "earlier this month",
    "late last year",
    "from Monday to Wednesday",
    "between March and May",
    "from November to February",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
EVERY_EXPRESSION = sorted({case[0] for case in CASES} | set(RELATIVE))
anchors = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))


class TestProperties:
    """Invariants over any anchor and any supported expression."""

    @given(anchors, st.sampled_from(RELATIVE))
    def test_past_readings_do_not_pass_the_anchor(self, anchor, text):
        """Never puts an unplanned past-tense time after the anchor; a day is a single day."""
        (found,) = find_times(text, anchor=anchor, future=False)
        assert found.range is not None
        assert found.range.earliest <= found.range.latest
        if not found.planned:
            assert found.range.latest <= anchor
        if found.range.precision is Precision.DAY:
            assert found.range.is_single_day

    @given(anchors, st.sampled_from(EVERY_EXPRESSION), st.booleans())
    def test_every_supported_expression_resolves(self, anchor, text, future):
        """Resolves every table expression for any anchor; an anchored past time stays before it."""
        (found,) = find_times(text, anchor=anchor, future=future)
        assert found.range is not None, found.problem
        assert found.text == text
        if found.range.precision is Precision.DAY:
            assert found.range.is_single_day
        if found.range.anchor == anchor and not found.planned:
            assert found.range.latest <= anchor

    @given(anchors, st.sampled_from(RELATIVE))
    def test_future_readings_do_not_precede_the_anchor(self, anchor, text):
        """Never puts a planned time wholly before the anchor."""
        (found,) = find_times(text, anchor=anchor, future=True)
        assert found.range is not None
        if found.planned:
            assert found.range.latest >= anchor

    @given(anchors, st.sampled_from(MONTHS))
    def test_last_month_name_is_within_the_past_year(self, anchor, month):
        """Puts "last <Month>" strictly before the anchor's month and within 12 months."""
        found = resolve_time(f"last {month}", anchor=anchor)
        first_of_anchor_month = anchor.replace(day=1)
        assert found.latest < first_of_anchor_month
        assert found.earliest >= first_of_anchor_month.replace(year=anchor.year - 1)
        assert found.precision is Precision.MONTH

    @given(st.text())
    def test_never_raises_on_any_text(self, text):
        """Returns expressions whose offsets slice back to their text, for any input."""
        for found in find_times(text, anchor=date(2024, 6, 5)):
            assert text[found.start : found.end] == found.text
            assert found.range is not None or found.problem is not None

    @given(st.dates(), st.lists(st.sampled_from(RELATIVE + MONTHS), max_size=4))
    def test_never_raises_at_calendar_edges(self, anchor, words):
        """Reports a problem instead of raising when an anchor sits at the calendar's edge."""
        for found in find_times(" and ".join(words), anchor=anchor, previous=MONDAY):
            assert (found.range is None) == (found.problem is not None)


# Words and marks the rules are built of, and some they are not, to build texts from.
SCAN_PIECES = sorted(
    {
        *(word for expression in EVERY_EXPRESSION for word in expression.split()),
        *MONTHS,
        *(month.lower() for month in MONTHS),
        *("Jan.", "Sept", "may", "Mon", "Q3", "2024", "1990s", "mid-2000s", "19", "4th", "15"),
        *("2024-06-05", "2023-24", "2019/20", "of", "the", "a", "and", "to", "as", "'s"),
        *("will", "Will", "had", "is", "set", "won't", "they'll", "’ll", "said", "that"),
        *("which", "Niger", "troops", "percent", "km", "2,000", "(", ")", ",", ";", "—", "-"),
        *("İ", "ı", "ſ", "\u212a", "é", "Σ"),
    }
)
scan_texts = st.lists(st.sampled_from(SCAN_PIECES), max_size=14).map(" ".join) | st.text(
    max_size=60
)


def _full_readings(text: str) -> list[tuple[str, int, int]]:
    """Every rule's readings from a plain finditer over the whole text: the reference."""
    found = []
    for rule, pattern in patterns().items():
        for match in pattern.finditer(text):
            reading = read_match(rule, match)
            if reading is not None:
                found.append((rule, reading.start, reading.end))
    return sorted(found)


def _planned_readings(text: str) -> list[tuple[str, int, int]]:
    """The readings the scanner finds: the plan's rules, tried at its starts."""
    found = []
    for (_, rule, pattern), starts in plan(Words(text)).rules:
        for match in scan(pattern, text, starts):
            reading = read_match(rule, match)
            if reading is not None:
                found.append((rule, reading.start, reading.end))
    return sorted(found)


class TestScanWindows:
    """The scanner tries each rule only near its core words, and finds what a full scan finds."""

    @pytest.mark.parametrize("text", EVERY_EXPRESSION + [c[0] for c in PREVIOUS_CASES])
    def test_every_table_expression_is_found_as_by_a_full_scan(self, text):
        """Finds each supported expression, alone and in a sentence, as a full scan does."""
        for sentence in (text, f"Officials said on Friday that talks, {text} and after, went on."):
            assert _planned_readings(sentence) == _full_readings(sentence)

    @given(scan_texts)
    def test_windowed_scan_equals_full_scan(self, text):
        """Finds the same readings, rule by rule, as a finditer over the whole text."""
        # A text with a letter that folds onto ASCII (dotless i, long s) keeps the old scan.
        assume(Words(text).windowed)
        assert _planned_readings(text) == _full_readings(text)

    @given(scan_texts)
    def test_cue_tries_find_every_cue(self, text):
        """Finds every tense cue a plain alternation of the phrases finds, where its words
        say one may match."""
        words = Words(text)
        vocab = vocabulary()
        cues = (vocab.future_cues, vocab.past_cues)
        for pattern, phrases in zip(cue_patterns(), cues, strict=True):
            plain = re.compile(rf"(?<!\w)(?:{_alternation(phrases)})\b", re.IGNORECASE)
            expected = [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in pattern.finditer(text)] == expected
            if expected:
                assert needs_of(phrases).may_match_in(words)

    @given(scan_texts)
    def test_word_places_are_whole_words(self, text):
        """Finds a word where it stands whole, as a split into runs of word characters does."""
        words = Words(text)
        assume(words.windowed)
        runs = [(m.start(), m.group()) for m in re.finditer(r"\w+", words.lowered)]
        for word in ("may", "day", "monday", "had", "2024"):
            assert words.places(word) == [at for at, run in runs if run == word]
        assert [at for at, _ in words.digit_words()] == [
            at for at, run in runs if re.match(r"\d", run)
        ]
        assert words.digits == bool(re.search(r"\d", text))

    @pytest.mark.parametrize(
        "text",
        [
            "We may, or may not, go.",  # lower-case months only: no month rule at all
            "They may meet in May, and may again in late May 2024 or on 5 May.",
            "Talks that day ended; the day before, and the day after, nothing.",
        ],
    )
    def test_repeated_cores_are_found_as_by_a_full_scan(self, text):
        """Merges the windows of a core word standing more than once, as a full scan finds."""
        assert _planned_readings(text) == _full_readings(text)

    def test_text_without_time_words_plans_nothing(self):
        """Plans no rule at all for a sentence without a time word or a digit."""
        assert plan(Words("The junta expelled the French ambassador.")).rules == ()


# (earliest, latest, precision): day counts checked by hand.
PRECISION_CASES = [
    ("2024-06-05", "2024-06-05", P.DAY),
    ("2024-06-01", "2024-06-14", P.DAYS),
    ("2024-06-01", "2024-06-30", P.MONTH),
    ("2024-04-01", "2024-06-30", P.QUARTER),
    ("2024-01-01", "2024-12-31", P.YEAR),
    ("2019-01-01", "2020-12-31", P.YEARS),
]


class TestPrecisionOf:
    """precision_of: how exactly a range of days is known."""

    def test_table_has_no_duplicates(self):
        """Holds each range once."""
        assert len({case[:2] for case in PRECISION_CASES}) == len(PRECISION_CASES)

    @pytest.mark.parametrize(("earliest", "latest", "precision"), PRECISION_CASES)
    def test_range_length_gives_precision(self, earliest, latest, precision):
        """Names a one-day range a day, two weeks days, a month a month, and so on."""
        found = precision_of(date.fromisoformat(earliest), date.fromisoformat(latest))
        assert found is precision


class TestVocabulary:
    """The time_words table."""

    def test_table_loads_with_every_kind(self):
        """Holds months, weekdays, numbers, seasons, parts, cues and vague phrases."""
        kinds = {entry["kind"] for entry in load_entries("time_words")}
        assert kinds == {
            "month",
            "weekday",
            "number",
            "season",
            "part",
            "future_cue",
            "past_cue",
            "vague",
        }

    def test_user_table_adds_words(self, tmp_path, monkeypatch):
        """Reads a user's time_words.json too: a French month name resolves after adding it."""
        from sahel_news.data import clear_caches

        (tmp_path / "time_words.json").write_text(
            '{"version": "1", "source": "test", "license": "MIT", "entries": '
            '[{"kind": "month", "word": "juillet", "value": 7}]}',
            encoding="utf-8",
        )
        monkeypatch.setenv("SAHEL_NEWS_DATA", str(tmp_path))
        clear_caches()
        try:
            found = resolve_time("in Juillet 2023", anchor=None)
            assert found.earliest == date(2023, 7, 1)
        finally:
            monkeypatch.delenv("SAHEL_NEWS_DATA")
            clear_caches()

    def test_user_words_beyond_ascii_are_still_found(self, tmp_path, monkeypatch):
        """Finds a user's vague phrase with no ASCII word, and "in May" beside it, as before."""
        from sahel_news.data import clear_caches

        (tmp_path / "time_words.json").write_text(
            '{"version": "1", "source": "test", "license": "MIT", "entries": '
            '[{"kind": "vague", "word": "naguère", "value": {"unit": "years", "count": 2}}]}',
            encoding="utf-8",
        )
        monkeypatch.setenv("SAHEL_NEWS_DATA", str(tmp_path))
        clear_caches()
        try:
            found = find_times("Naguère, in May, the talks stalled.", anchor=date(2024, 6, 5))
            assert [t.text for t in found] == ["Naguère", "in May"]
            assert found[0].range is not None
            assert found[0].range.earliest == date(2022, 1, 1)
        finally:
            monkeypatch.delenv("SAHEL_NEWS_DATA")
            clear_caches()


class TestKnownGaps:
    """Expressions not handled yet, pinned so that fixing one is noticed."""

    @pytest.mark.xfail(strict=True, reason="no Islamic calendar: Ramadan, Tabaski, Mawlid")
    def test_religious_holiday(self):
        """Resolves "during Ramadan" to the fast that ended before a June 2024 anchor."""
        found = resolve_time("during Ramadan", anchor=date(2024, 6, 5))
        assert (found.earliest, found.latest) == (date(2024, 3, 11), date(2024, 4, 9))

    @pytest.mark.xfail(strict=True, reason="numeric d/m/y dates are ambiguous (US vs. day-first)")
    def test_numeric_slash_date(self):
        """Resolves "26/07/2023" as a day-first date."""
        assert resolve_time("26/07/2023", anchor=None).earliest == date(2023, 7, 26)

    @pytest.mark.xfail(strict=True, reason="times relative to a named event are not resolved")
    def test_relative_to_event(self):
        """Resolves "two days after the coup" once the coup's date is known."""
        resolve_time("two days after the coup", anchor=date(2024, 6, 5))


DOC_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|\s*$")


def _doc_rows() -> list[tuple[str, str, str, str, str, str]]:
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = DOC_ROW.match(line)
        if match:
            rows.append(tuple(cell.strip() for cell in match.groups()))
    return rows  # type: ignore[return-value]


class TestDocTable:
    """docs/time.md's table of expressions is a test too."""

    def test_table_is_found_and_unique(self):
        """Finds a table of many rows with no repeated row."""
        rows = _doc_rows()
        assert len(rows) >= 40
        assert len(rows) == len(set(rows))

    @pytest.mark.parametrize("row", _doc_rows(), ids=lambda row: row[0])
    def test_row_resolves_as_documented(self, row):
        """Resolves each documented expression to the days and precision the doc states."""
        text, anchor, tense, earliest, latest, precision = row
        found = resolve_time(
            text, anchor=_day(anchor if anchor != "—" else None), future=tense == "future"
        )
        assert found.earliest.isoformat() == earliest
        assert found.latest.isoformat() == latest
        assert found.precision.value == precision
