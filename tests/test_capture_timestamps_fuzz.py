"""Timestamp-like lines never let a dateutil exception escape: a line is a date, or it is not."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sahel_news.capture._timestamps import DateReading, read_date_line
from sahel_news.errors import ParseError
from sahel_news.pipeline import parse_article

_WORDS = st.sampled_from(
    ["Jun", "June", "Sept.", "Wednesday", "Wed", "at", "AM", "pm", "GMT", "WAT", "UTC", "Z", "T",
     "Published", "Updated:", "of", "h", "m", "s",
     "juin", "févr.", "jeudi", "à", "le", "1er", "Publié le", "Mis à jour le", "19h49"]
)  # fmt: skip
_NUMBERS = st.one_of(
    st.integers(0, 9999).map(str),
    st.sampled_from(["2024", "2027", "1900", "2199"]),
    st.text("0123456789", min_size=5, max_size=40),
)
_SEPARATORS = st.sampled_from(["", " ", ":", "/", "-", ".", ",", "+", "T", " at "])
_TIMESTAMP_LIKE = st.lists(
    st.tuples(st.one_of(_WORDS, _NUMBERS), _SEPARATORS), min_size=1, max_size=8
).map(lambda parts: "".join(word + sep for word, sep in parts).strip())


class TestTimestampFuzz:
    @given(_TIMESTAMP_LIKE)
    @example("Jun2027:40000000000000000000000000000")
    @example("June 5 2024 99999999999999999999:00")
    @example("2024-06-05T19:49:00+99999999999999999999")
    def test_a_timestamp_like_line_is_read_or_refused(self, line: str) -> None:
        """A timestamp-like line reads as a DateReading or as None, never as an exception."""
        reading = read_date_line(line)
        assert reading is None or isinstance(reading, DateReading)

    @given(_TIMESTAMP_LIKE)
    @example("Jun2027:40000000000000000000000000000")
    def test_parse_article_raises_only_parse_error(self, line: str) -> None:
        """A capture made of timestamp-like lines parses or raises ParseError, nothing else."""
        for text in (line, f"Talks in Bamako\n\nThe envoys met.\n\n{line}"):
            with contextlib.suppress(ParseError):
                parse_article(text, extract=False)

    def test_overlong_number_after_month_is_no_date(self) -> None:
        """The fuzz finding reads as a headline, not as a decimal.InvalidOperation."""
        article = parse_article("Jun2027:40000000000000000000000000000", extract=False)
        assert article.headline == "Jun2027:40000000000000000000000000000"
        assert article.published is None

    def test_decimal_error_is_caught_where_it_starts(self) -> None:
        """read_date_line itself returns None for the line that made dateutil raise."""
        assert read_date_line("Jun2027:40000000000000000000000000000") is None

    @pytest.mark.parametrize("line", ["Jun 2027:4" + "0" * n for n in (10, 30, 60)])
    def test_long_minutes_are_no_timestamp(self, line: str) -> None:
        """A month, a year and a colon before a long number is not a timestamp."""
        assert read_date_line(line) is None
