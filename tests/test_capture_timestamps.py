"""Date and timestamp lines: which lines are dates, and what they say."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from dateutil import parser, tz

from sahel_news.capture import parse_layout
from sahel_news.capture._timestamps import (
    format_feed_timestamp,
    format_page_date,
    read_date_line,
    resolve_month_day,
)

PLUS2 = timezone(timedelta(hours=2))
WAT = timezone(timedelta(hours=1))

# (line, the datetime it names, whether it gives a time, whether it gives a zone)
TIMESTAMPS: list[tuple[str, datetime, bool]] = [
    ("June 05, 2024 at 07:49PM", datetime(2024, 6, 5, 19, 49), False),  # noqa: DTZ001
    ("June 5, 2024 at 7:49 PM", datetime(2024, 6, 5, 19, 49), False),  # noqa: DTZ001
    ("June 5, 2024 7:49 p.m.", datetime(2024, 6, 5, 19, 49), False),  # noqa: DTZ001
    ("June 05, 2024 at 12:05AM", datetime(2024, 6, 5, 0, 5), False),  # noqa: DTZ001
    ("Jun 5, 2024 19:49", datetime(2024, 6, 5, 19, 49), False),  # noqa: DTZ001
    ("2024-06-05 19:49", datetime(2024, 6, 5, 19, 49), False),  # noqa: DTZ001
    ("2024-06-05T19:49:00Z", datetime(2024, 6, 5, 19, 49, tzinfo=UTC), True),
    ("2024-06-05T21:49:00+02:00", datetime(2024, 6, 5, 21, 49, tzinfo=PLUS2), True),
    ("Wed, 05 Jun 2024 19:49:00 +0000", datetime(2024, 6, 5, 19, 49, tzinfo=UTC), True),
    ("Wed, 05 Jun 2024 21:49:00 +0200", datetime(2024, 6, 5, 21, 49, tzinfo=PLUS2), True),
    ("5 June 2024 19:49 GMT", datetime(2024, 6, 5, 19, 49, tzinfo=UTC), True),
    ("5 June 2024 19:49 UTC", datetime(2024, 6, 5, 19, 49, tzinfo=UTC), True),
    ("5 June 2024 20:49 WAT", datetime(2024, 6, 5, 20, 49, tzinfo=WAT), True),
    ("Updated: June 5, 2024 7:49 pm", datetime(2024, 6, 5, 19, 49), False),  # noqa: DTZ001
    ("Published 5 June 2024, 19:49 GMT", datetime(2024, 6, 5, 19, 49, tzinfo=UTC), True),
    ("Wednesday, May 15, 2024 07:30 WAT", datetime(2024, 5, 15, 7, 30, tzinfo=WAT), True),
]

PAGE_DATES: list[tuple[str, date]] = [
    ("Thursday, June 20, 2024", date(2024, 6, 20)),
    ("June 20, 2024", date(2024, 6, 20)),
    ("20 June 2024", date(2024, 6, 20)),
    ("Thu 20 Jun 2024", date(2024, 6, 20)),
    ("2024-06-20", date(2024, 6, 20)),
    ("Sept. 2, 2024", date(2024, 9, 2)),
    ("Monday, 11 March 2024", date(2024, 3, 11)),
]

NOT_DATES = [
    "June 2024",  # no day
    "June 5 at 7:49PM",  # no year: never filled in from a clock
    "The 5 June 2024 attack killed 12 soldiers",
    "Mali 2024",
    "30.1 C",
    "2024",
    "Read more",
    "June 31, 2024",  # no such day
    "June 5, 2024 at 13:49PM",  # 13 PM
    "5 June 2024 19:49 XYZ",  # an unknown zone is not guessed
]


def test_tables_have_no_duplicates() -> None:
    """List every case once."""
    lines = [t[0] for t in TIMESTAMPS] + [p[0] for p in PAGE_DATES] + NOT_DATES
    assert len(lines) == len(set(lines))


class TestReadDateLine:
    """read_date_line tells dates and timestamps from other lines."""

    @pytest.mark.parametrize(("line", "expected", "has_zone"), TIMESTAMPS)
    def test_timestamps(self, line: str, expected: datetime, has_zone: bool) -> None:
        """Read a timestamp's date, time and zone."""
        reading = read_date_line(line)
        assert reading is not None
        assert reading.has_time
        assert reading.has_zone is has_zone
        assert reading.value == expected
        assert reading.value.utcoffset() == expected.utcoffset()

    @pytest.mark.parametrize(("line", "expected"), PAGE_DATES)
    def test_page_dates(self, line: str, expected: date) -> None:
        """Read a date line as a date without a time."""
        reading = read_date_line(line)
        assert reading is not None
        assert not reading.has_time
        assert reading.day == expected

    @pytest.mark.parametrize("line", NOT_DATES)
    def test_not_dates(self, line: str) -> None:
        """Refuse lines that do not name a whole date."""
        assert read_date_line(line) is None

    @pytest.mark.parametrize(("line", "expected", "has_zone"), TIMESTAMPS)
    def test_agrees_with_dateutil(self, line: str, expected: datetime, has_zone: bool) -> None:
        """Read the same value as dateutil does (the fast path included)."""
        reading = read_date_line(line)
        assert reading is not None
        text = line.split(":", 1)[1] if line.startswith("Updated") else line
        text = text.removeprefix("Published ")
        zones = {"WAT": tz.tzoffset("WAT", 3600)}
        assert reading.value == parser.parse(text, default=datetime(2001, 1, 1), tzinfos=zones)  # noqa: DTZ001

    def test_weekday_mismatch(self) -> None:
        """Flag a weekday that is not the date's weekday, keeping the date."""
        reading = read_date_line("Friday, June 20, 2024")
        assert reading is not None
        assert reading.weekday_mismatch
        assert reading.day == date(2024, 6, 20)

    def test_french_dates(self) -> None:
        """Read jeudi 20 juin 2024 as 20 June 2024 (tests/test_capture_french.py has more)."""
        reading = read_date_line("jeudi 20 juin 2024")
        assert reading is not None
        assert reading.day == date(2024, 6, 20)

    def test_numeric_dates(self) -> None:
        """Read 20/06/2024 day first; refuse 06/20/2024, which reads only month first."""
        reading = read_date_line("20/06/2024")
        assert reading is not None
        assert reading.day == date(2024, 6, 20)
        assert read_date_line("06/20/2024") is None


class TestFormats:
    """The seed's timestamp and page-date forms are written back exactly."""

    def test_feed_timestamp(self) -> None:
        """Write the seed's timestamp form with a zero-padded day and 12-hour clock."""
        value = datetime(2024, 6, 5, 19, 49, tzinfo=UTC)
        assert format_feed_timestamp(value) == "June 05, 2024 at 07:49PM"
        assert format_feed_timestamp(value.replace(hour=0, minute=5)) == "June 05, 2024 at 12:05AM"

    def test_page_date(self) -> None:
        """Write the seed's page-date form with the weekday."""
        assert format_page_date(date(2024, 6, 20)) == "Thursday, June 20, 2024"


class TestResolveMonthDay:
    """A month and day is placed in the year of its anchor, or the year before."""

    @pytest.mark.parametrize(
        ("month", "day", "anchor", "expected"),
        [
            (6, 5, date(2024, 6, 5), date(2024, 6, 5)),
            (6, 4, date(2024, 6, 5), date(2024, 6, 4)),
            (12, 30, date(2025, 1, 2), date(2024, 12, 30)),
            (1, 2, date(2024, 12, 30), date(2024, 1, 2)),
            (6, 10, date(2024, 6, 5), date(2024, 6, 10)),
            (2, 29, date(2023, 3, 1), None),
        ],
    )
    def test_cases(self, month: int, day: int, anchor: date, expected: date | None) -> None:
        """Take the date on or before the anchor, allowing a week after it."""
        assert resolve_month_day(month, day, anchor) == expected


class TestPublication:
    """parse_layout turns the timestamp into Article.published."""

    CAPTURE = "Mali junta extends transition\n\nThe junta said so on Monday.\n\n{stamp}\n"

    @pytest.mark.parametrize(("line", "expected", "has_zone"), TIMESTAMPS)
    def test_every_form(self, line: str, expected: datetime, has_zone: bool) -> None:
        """Read each timestamp form as the publication time, assuming UTC where none is named."""
        article = parse_layout(self.CAPTURE.format(stamp=line))
        assert article.published == (expected if has_zone else expected.replace(tzinfo=UTC))
        assert article.published_zone_assumed is not has_zone
        assert ("zone_assumed" in [d.code for d in article.diagnostics]) is not has_zone

    def test_default_tz(self) -> None:
        """Read a timestamp without a zone in the default_tz given."""
        niamey = tz.gettz("Africa/Lagos")
        article = parse_layout(
            self.CAPTURE.format(stamp="June 05, 2024 at 07:49PM"), default_tz=niamey
        )
        assert article.published == datetime(2024, 6, 5, 18, 49, tzinfo=UTC)
        assert article.published_zone_assumed

    def test_zone_given_ignores_default(self) -> None:
        """Keep a named zone whatever default_tz is."""
        article = parse_layout(
            self.CAPTURE.format(stamp="5 June 2024 19:49 GMT"), default_tz=tz.gettz("Asia/Tokyo")
        )
        assert article.published == datetime(2024, 6, 5, 19, 49, tzinfo=UTC)
        assert not article.published_zone_assumed

    def test_page_date_is_not_publication(self) -> None:
        """Never take the header's page date as the publication time, or the reverse."""
        text = "Thursday, June 20, 2024\n\nHeadline here\n\nBody text.\n\nJune 05, 2024 at 07:49PM"
        article = parse_layout(text)
        assert article.page_date == date(2024, 6, 20)
        assert article.published == datetime(2024, 6, 5, 19, 49, tzinfo=UTC)

    def test_page_date_only(self) -> None:
        """Leave published empty when only a page date is given."""
        article = parse_layout("Thursday, June 20, 2024\n\nHeadline here\n\nBody text.")
        assert article.page_date == date(2024, 6, 20)
        assert article.published is None
        assert [d.code for d in article.diagnostics] == ["no_timestamp"]

    def test_several_timestamps(self) -> None:
        """Take the first timestamp and report the others with their lines."""
        text = "Headline here\n\nBody text.\n\nJune 05, 2024 at 07:49PM\n\n5 June 2024 21:00 GMT"
        article = parse_layout(text)
        assert article.published == datetime(2024, 6, 5, 19, 49, tzinfo=UTC)
        several = [d for d in article.diagnostics if d.code == "several_timestamps"]
        assert [d.line for d in several] == [7]

    def test_feed_timestamp_beats_header_timestamp(self) -> None:
        """Prefer the timestamp below the headline to a date and time in the header."""
        text = (
            "Thursday, June 20, 2024 10:42\n\nHeadline here\n\nBody text.\n\n"
            "June 05, 2024 at 07:49PM"
        )
        article = parse_layout(text)
        assert article.published == datetime(2024, 6, 5, 19, 49, tzinfo=UTC)
        assert article.page_date is None
        several = [d for d in article.diagnostics if d.code == "several_timestamps"]
        assert [d.line for d in several] == [1]

    def test_date_without_time_in_body(self) -> None:
        """Keep a bare date line in the body as chrome, not as the publication time."""
        text = "Headline here\n\nJune 5, 2024\n\nBody text."
        article = parse_layout(text)
        assert article.published is None
        assert article.paragraphs == ("Body text.",)
        assert [c.text for c in article.chrome.body] == ["June 5, 2024"]
        assert "date_without_time" in [d.code for d in article.diagnostics]
