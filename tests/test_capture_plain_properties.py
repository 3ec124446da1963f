"""Properties of the plain-text reading over every capture the documented format allows."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sahel_news.capture import parse_layout, render_capture
from sahel_news.models import Article
from sahel_news.pipeline import parse_article
from sahel_news.strategies._capture import _noisy, captures, layout_articles

# Each property draws whole captures (and one runs the extraction): a few seconds each.
pytestmark = pytest.mark.slow


def _without_headline(article: Article) -> str:
    """The capture of *article* with its headline line taken out."""
    lines = render_capture(article).split("\n")
    index = lines.index(article.headline)
    return "\n".join(lines[:index] + lines[index + 2 :])


def _same_body(read: Article, expected: Article) -> bool:
    """Whether *read* has the paragraphs of *expected*, or (when a lone paragraph line of
    a text without headline line was cut into its sentences) the same sentences."""
    if any(d.code == "one_line_split" for d in read.diagnostics):
        return " ".join(read.paragraphs) == " ".join(expected.paragraphs)
    return read.paragraphs == expected.paragraphs


class TestCapturesAsBefore:
    """Captures in the documented format read exactly as they did before plain text."""

    @given(captures())
    def test_strict_and_plain_agree(self, text: str) -> None:
        """Read every capture to the same Article with strict=True and without."""
        assert parse_layout(text) == parse_layout(text, strict=True)

    @given(layout_articles())
    def test_given_headline_changes_nothing(self, article: Article) -> None:
        """Read a capture given its own headline as metadata to the same Article."""
        text = render_capture(article)
        assert parse_layout(text, headline=article.headline) == parse_layout(text)


class TestHeadlineRemoved:
    """A capture without its headline line is still read, body and all."""

    @given(layout_articles(), st.data())
    def test_keeps_every_paragraph(self, article: Article, data: st.DataObject) -> None:
        """Read a capture whose headline line is gone, keeping every body paragraph."""
        assume(article.paragraphs)
        text = data.draw(_noisy(_without_headline(article)))
        assert _same_body(parse_layout(text), article)

    @given(layout_articles())
    def test_dateline_kept(self, article: Article) -> None:
        """Recognise the same dateline once the headline line is gone."""
        assume(article.paragraphs)
        again = parse_layout(_without_headline(article))
        if article.dateline is None:
            assert again.dateline is None
        else:
            assert again.dateline is not None
            assert (again.dateline.text, again.dateline.place, again.dateline.agency) == (
                article.dateline.text,
                article.dateline.place,
                article.dateline.agency,
            )

    @given(layout_articles())
    def test_headline_given_back(self, article: Article) -> None:
        """Read the capture without its headline, given the headline, to the same layout."""
        assume(article.paragraphs)
        # A "Read more" above the first line of text is header chrome (a documented limit).
        assume(all(link.after_paragraph for link in article.related))
        original = parse_layout(render_capture(article))
        again = parse_layout(_without_headline(article), headline=article.headline)
        assert (again.headline, again.standfirst) == (original.headline, original.standfirst)
        assert _same_body(again, original)


class TestOneLine:
    """An article's paragraphs joined onto one line read as its sentences."""

    @given(layout_articles())
    def test_sentences_join_back(self, article: Article) -> None:
        """Cut a one-line article into paragraphs that join back to the line."""
        assume(article.paragraphs)
        line = " ".join(article.paragraphs)
        again = parse_layout(line)
        assert " ".join(again.paragraphs) == line
        assert len(again.paragraphs) >= len(article.paragraphs)

    @given(layout_articles())
    def test_same_countries(self, article: Article) -> None:
        """Find the same countries in the paragraphs as blocks and joined onto one line."""
        assume(article.paragraphs)
        blocks = parse_article("\n\n".join(article.paragraphs))
        line = parse_article(" ".join(article.paragraphs))
        assert {c.alpha3 for c in line.countries} == {c.alpha3 for c in blocks.countries}
