"""render_capture and the round trip parse_layout(render_capture(a))."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sahel_news.capture import parse_layout, render_capture
from sahel_news.models import Article, Chrome, ChromeKind, ChromeLine, RelatedLink
from sahel_news.strategies._capture import _noisy, captures, layout_articles

LAYOUT_FIELDS = (
    "headline",
    "standfirst",
    "paragraphs",
    "related",
    "published",
    "published_zone_assumed",
    "page_date",
    "dateline",
    "chrome",
)


def layout_of(article: Article) -> dict[str, object]:
    """The layout fields of an article (what the round trip keeps)."""
    return {name: getattr(article, name) for name in LAYOUT_FIELDS}


class TestRender:
    """render_capture writes the capture layout."""

    def test_seed_byte_for_byte(self, seed_text: str) -> None:
        """Render the parsed seed to the seed, byte for byte."""
        assert render_capture(parse_layout(seed_text)) == seed_text

    def test_minimal(self) -> None:
        """Write a headline alone as one line with no final newline."""
        assert render_capture(Article(id="a-1", headline="Mali junta talks")) == "Mali junta talks"

    def test_blocks(self) -> None:
        """Write standfirst, paragraphs, links and chrome as blocks in reading order."""
        article = Article(
            id="a-1",
            headline="Mali junta talks",
            standfirst="A standfirst",
            paragraphs=("One.", "Two."),
            related=(RelatedLink("A link", 1),),
            chrome=Chrome(
                body=(ChromeLine("By Moussa Traoré", ChromeKind.BYLINE, 0),),
                footer=(ChromeLine("Most Read", ChromeKind.FOOTER),),
            ),
        )
        assert render_capture(article) == (
            "Mali junta talks\n\nA standfirst\n\nBy Moussa Traoré\n\nOne.\n\n"
            "Read more\n\nA link\n\nTwo.\n\nMost Read"
        )

    def test_synthesised_lines(self) -> None:
        """Write temperature, page date and time in the seed's form when no chrome line has them."""
        article = Article(
            id="a-1",
            headline="Mali junta talks",
            paragraphs=("One.",),
            published=datetime(2024, 6, 5, 19, 49, tzinfo=UTC),
            published_zone_assumed=True,
            page_date=date(2024, 6, 20),
            chrome=Chrome(temperature_celsius=30.1),
        )
        assert render_capture(article) == (
            "30.1 C\nThursday, June 20, 2024\n\nMali junta talks\n\nOne.\n\n"
            "June 05, 2024 at 07:49PM"
        )

    def test_synthesised_aware_timestamp(self) -> None:
        """Write a publication time with a known zone in ISO 8601."""
        article = Article(
            id="a-1",
            headline="Mali junta talks",
            paragraphs=("One.",),
            published=datetime(2024, 6, 5, 19, 49, tzinfo=UTC),
        )
        assert render_capture(article).endswith("\n\n2024-06-05T19:49:00+00:00")
        assert parse_layout(render_capture(article)).published == article.published


def with_values(
    published: datetime | None,
    *,
    assumed: bool = True,
    temperature: float | None = None,
    page_date: date | None = None,
) -> Article:
    """A layout article whose time, temperature and page date have no chrome line of their own."""
    return Article(
        id="a-1",
        headline="Mali junta talks",
        paragraphs=("The junta met envoys.",),
        published=published,
        published_zone_assumed=assumed and published is not None,
        page_date=page_date,
        chrome=Chrome(temperature_celsius=temperature),
    )


def read_values(article: Article) -> tuple[object, ...]:
    """What a rendering of *article* reads back as: its time, zone flag, temperature, page date."""
    again = parse_layout(render_capture(article))
    return (
        again.published,
        again.published_zone_assumed,
        again.chrome.temperature_celsius,
        again.page_date,
    )


PLUS_TWO = timezone(timedelta(hours=2))
# A fixed offset (whole quarter hours up to 14 h either way) or a zone of the tz database.
ZONES = st.one_of(
    st.integers(-56, 56).map(lambda quarters: timezone(timedelta(minutes=15 * quarters))),
    st.timezones(),
)
# Times whose UTC date stays inside the years a capture's timestamp is read in (1900-2199).
TIMES = st.datetimes(
    min_value=datetime(1901, 1, 1),  # noqa: DTZ001 - bounds of naive values; zones drawn
    max_value=datetime(2198, 12, 31),  # noqa: DTZ001
    timezones=ZONES,
)
# The documented domain: under 1000 degrees in size, and 0 or at least 0.0001 in size.
TEMPERATURES = st.floats(
    min_value=-1000, max_value=1000, exclude_min=True, exclude_max=True
).filter(lambda celsius: celsius == 0 or abs(celsius) >= 1e-4)


class TestSynthesisedValues:
    """A time, temperature or page date with no chrome line is written so that it reads back."""

    def test_assumed_zone_time_reads_back_as_the_same_instant(self) -> None:
        """Read an assumed-zone time at +02:00 back as the same instant, not two hours off."""
        published = datetime(2024, 6, 5, 19, 49, tzinfo=PLUS_TWO)
        assert read_values(with_values(published)) == (published, True, None, None)

    def test_assumed_zone_time_is_written_in_utc(self) -> None:
        """Write 19:49 at +02:00 with an assumed zone as 5:49 pm, the UTC wall time."""
        text = render_capture(with_values(datetime(2024, 6, 5, 19, 49, tzinfo=PLUS_TWO)))
        assert text.endswith("\n\nJune 05, 2024 at 05:49PM")

    def test_assumed_zone_time_keeps_its_seconds(self) -> None:
        """Write an assumed-zone time with seconds in ISO form without zone, seconds and all."""
        published = datetime(2024, 6, 5, 19, 49, 30, 250000, tzinfo=PLUS_TWO)
        text = render_capture(with_values(published))
        assert text.endswith("\n\n2024-06-05 17:49:30.250000")
        assert read_values(with_values(published))[:2] == (published, True)

    def test_temperature_with_three_decimals_reads_back(self) -> None:
        """Write 30.123 °C as ``30.123 C`` and read it back as 30.123."""
        article = with_values(None, temperature=30.123)
        assert render_capture(article).startswith("30.123 C\n\n")
        assert read_values(article) == (None, False, 30.123, None)

    @pytest.mark.parametrize(
        ("celsius", "line"),
        [
            (30.0, "30 C"),
            (-4.5, "-4.5 C"),
            (1e-05, "0.00001 C"),
            (0.1 + 0.2, "0.30000000000000004 C"),
        ],
    )
    def test_temperature_is_a_plain_decimal(self, celsius: float, line: str) -> None:
        """Write the shortest decimal that reads back, never in exponent form."""
        assert render_capture(with_values(None, temperature=celsius)).split("\n")[0] == line

    @given(
        TIMES,
        st.booleans(),
        TEMPERATURES,
        st.none() | st.dates(date(1900, 1, 1), date(2199, 12, 31)),
    )
    def test_values_read_back(
        self, published: datetime, assumed: bool, celsius: float, page_date: date | None
    ) -> None:
        """Read back any time (zone given or assumed), temperature and page date of the domain."""
        article = with_values(published, assumed=assumed, temperature=celsius, page_date=page_date)
        # As instants: Python never finds an ambiguous local time equal to one in another zone.
        instant = published.astimezone(UTC)
        again, *rest = read_values(article)
        assert again is not None
        assert (again.astimezone(UTC), *rest) == (instant, assumed, celsius, page_date)


class TestBadArguments:
    """A wrong argument type is a programming error: TypeError, not a data error."""

    @pytest.mark.parametrize("value", ["x", None, {"headline": "x"}, Chrome()])
    def test_non_article_is_a_type_error(self, value: object) -> None:
        """Refuse anything but an Article with a TypeError naming what it got."""
        with pytest.raises(TypeError, match="render_capture needs an Article, got "):
            render_capture(value)  # type: ignore[arg-type]


class TestRoundTrip:
    """Parsing a rendered layout article gives its layout back."""

    @given(layout_articles())
    def test_layout_articles(self, article: Article) -> None:
        """Read back every layout field of a rendered article."""
        assert layout_of(parse_layout(render_capture(article))) == layout_of(article)

    @given(layout_articles())
    def test_render_is_a_fixed_point(self, article: Article) -> None:
        """Render a parsed rendering to the same text again."""
        text = render_capture(article)
        assert render_capture(parse_layout(text)) == text

    @pytest.mark.slow
    @given(layout_articles(), st.data())
    def test_noise_does_not_matter(self, article: Article, data: st.DataObject) -> None:
        """Read a noisy capture to the same layout and id as its clean rendering."""
        clean_text = render_capture(article)
        noisy_text = data.draw(_noisy(clean_text))
        noisy, clean = parse_layout(noisy_text), parse_layout(clean_text)
        assert layout_of(noisy) == layout_of(article)
        assert noisy.id == clean.id

    @given(captures())
    def test_captures_read(self, text: str) -> None:
        """Read every drawn capture, and its rendering back to the same layout."""
        article = parse_layout(text)
        assert layout_of(parse_layout(render_capture(article))) == layout_of(article)

    @pytest.mark.slow
    @given(layout_articles(), captures())
    def test_strategies_give_valid_values(self, article: Article, text: str) -> None:
        """Draw layout-only articles and non-empty capture texts."""
        assert (article.countries, article.actors, article.events) == ((), (), ())
        assert text.strip()


def test_public_names() -> None:
    """Export parse_layout and render_capture, and nothing else, from sahel_news.capture."""
    import sahel_news.capture
    import sahel_news.strategies._capture

    assert sahel_news.capture.__all__ == ["parse_layout", "render_capture"]
    assert sahel_news.strategies._capture.__all__ == ["captures", "layout_articles"]
