"""Publication metadata: the caller's time stands in for a missing timestamp, then the URL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sahel_news.capture._published import date_in_url
from sahel_news.models import Source
from sahel_news.pipeline import parse_article

BODY = (
    "Talks in Bamako\n\nThe junta met envoys on Tuesday in Bamako, Mali. "
    "Gunmen attacked a village near Mopti yesterday.\n"
)
STAMPED = BODY + "\nJune 05, 2024 at 07:49PM\n"


def codes(article):
    return [d.code for d in article.diagnostics]


class TestPublishedMetadata:
    def test_date_anchors_relative_dates(self):
        """A given date becomes the publication day and resolves "yesterday" against it."""
        article = parse_article(BODY, published=date(2024, 6, 5))
        assert article.published == datetime(2024, 6, 5, tzinfo=UTC)
        assert article.published_zone_assumed
        assert "published_from_metadata" in codes(article)
        assert "no_timestamp" not in codes(article)
        assert {e.when.earliest for e in article.events if e.when} == {date(2024, 6, 4)}

    def test_aware_datetime_is_kept_as_given(self):
        """An aware datetime is the publication time, with no zone assumed."""
        moment = datetime(2024, 6, 5, 9, 30, tzinfo=timezone(timedelta(hours=1)))
        article = parse_article(BODY, published=moment, extract=False)
        assert article.published == moment
        assert not article.published_zone_assumed

    def test_naive_datetime_is_read_in_default_tz(self):
        """A naive datetime is read in default_tz and the zone is said to be assumed."""
        zone = ZoneInfo("Africa/Lagos")
        article = parse_article(
            BODY,
            published=datetime(2024, 6, 5, 9, 30),  # noqa: DTZ001 - naive on purpose
            default_tz=zone,
            extract=False,
        )
        assert article.published == datetime(2024, 6, 5, 9, 30, tzinfo=zone)
        assert article.published_zone_assumed
        (message,) = [d.message for d in article.diagnostics if d.code.startswith("published")]
        assert "Africa/Lagos" in message

    def test_capture_wins_and_disagreement_is_said(self):
        """With its own timestamp the capture wins; a different given date gets a diagnostic."""
        article = parse_article(STAMPED, published=date(2024, 6, 7), extract=False)
        assert article.published == datetime(2024, 6, 5, 19, 49, tzinfo=UTC)
        (diagnostic,) = [d for d in article.diagnostics if d.code == "published_metadata_disagrees"]
        assert diagnostic.line == 5

    @pytest.mark.parametrize(
        "agreeing", [date(2024, 6, 5), datetime(2024, 6, 5, 19, 49, 30, tzinfo=UTC)]
    )
    def test_agreement_is_silent(self, agreeing):
        """A given time on the same day (or within the minute) raises no diagnostic."""
        article = parse_article(STAMPED, published=agreeing, extract=False)
        assert "published_metadata_disagrees" not in codes(article)

    def test_wrong_type_is_a_type_error(self):
        """A string is not a publication time."""
        with pytest.raises(TypeError, match="date or a datetime"):
            parse_article(BODY, published="2024-06-05", extract=False)  # type: ignore[arg-type]


class TestDateInUrl:
    @pytest.mark.parametrize(
        ("url", "expected"),
        [
            ("https://example.org/2024/06/04/mali-talks/", date(2024, 6, 4)),
            ("https://example.org/amp/20240604/mali-talks", date(2024, 6, 4)),
            ("https://example.org/news/2024-06-04-mali-talks.html", date(2024, 6, 4)),
            ("https://example.org/2024/6/4", date(2024, 6, 4)),
            ("https://example.org/2024/13/45/story", None),
            ("https://example.org/12345678/story", None),
            ("https://example.org/story?date=2024-06-04", None),
            ("https://20240604.example.org/story", None),
            ("https://example.org/story-2024", None),
            ("http://[::1/2024/06/04/", None),
        ],
    )
    def test_cases(self, url, expected):
        """The URL path's date in the three common layouts; no date elsewhere or invalid."""
        assert date_in_url(url) == expected

    @given(st.dates(date(1900, 1, 1), date(2199, 12, 31)), st.sampled_from(["/", "-", ""]))
    def test_every_date_reads_back(self, day, separator):
        """Any date written in a URL path in a known layout reads back as that date."""
        written = separator.join([f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}"])
        assert date_in_url(f"https://example.org/world/{written}/story") == day

    @given(st.text(max_size=80))
    def test_any_text_is_a_date_or_none(self, url):
        """Any string gives a date or None, never an exception."""
        assert date_in_url(url) is None or isinstance(date_in_url(url), date)

    def test_url_date_used_when_nothing_else(self):
        """With no timestamp and no given time, the URL's date anchors the article."""
        source = Source(url="https://example.org/2024/06/04/talks")
        article = parse_article(BODY, source=source, extract=False)
        assert article.published == datetime(2024, 6, 4, tzinfo=UTC)
        assert "published_from_url" in codes(article)

    def test_given_time_beats_url(self):
        """A given publication time wins over the URL's date."""
        source = Source(url="https://example.org/2024/06/04/talks")
        article = parse_article(BODY, source=source, published=date(2024, 6, 9), extract=False)
        assert article.published == datetime(2024, 6, 9, tzinfo=UTC)

    def test_capture_timestamp_beats_url(self):
        """The capture's own timestamp wins over the URL's date, silently."""
        source = Source(url="https://example.org/2024/01/01/talks")
        article = parse_article(STAMPED, source=source, extract=False)
        assert article.published == datetime(2024, 6, 5, 19, 49, tzinfo=UTC)
        assert "published_from_url" not in codes(article)
