"""render_capture and the round trip parse_layout(render_capture(a))."""

from __future__ import annotations

from datetime import UTC, date, datetime

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
