"""Quotes: quoted words with the speaker the text attributes them to."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from _event_annotate import annotate
from sahel_news.extract.quotes import extract_quotes
from sahel_news.models import Article, Part


def _article(*paragraphs, countries=None, actors=()):
    article = Article(id="q", headline="Headline", paragraphs=paragraphs)
    return annotate(article, countries or {}, actors)


GOITA = {"id": "assimi-goita", "name": "Assimi Goita", "country": "MLI", "surfaces": ["Goita"]}


class TestQuotes:
    """extract_quotes"""

    def test_speaker_after_the_quote(self):
        """`“...,” Goita said` gives the quote to Goita, without the closing comma."""
        article = _article(
            "“We will not bow to pressure from anyone,” Goita said.",
            countries={"MLI": []},
            actors=[GOITA],
        )
        (quote,) = extract_quotes(article)
        assert quote.text == "We will not bow to pressure from anyone"
        assert quote.speaker == "assimi-goita"
        assert quote.span.part is Part.PARAGRAPH

    def test_inverted_attribution(self):
        """`“...,” said Goita` gives the quote to Goita."""
        article = _article(
            "“Our partners must respect us now,” said Goita.", countries={"MLI": []}, actors=[GOITA]
        )
        assert extract_quotes(article)[0].speaker == "assimi-goita"

    def test_speaker_before_the_quote(self):
        """`Mali said: "..."` gives the quote to Mali (straight quotes too)."""
        article = _article(
            'Mali said: "The decision is final and not negotiable."', countries={"MLI": ["Mali"]}
        )
        (quote,) = extract_quotes(article)
        assert quote.speaker == "MLI"
        assert quote.text == "The decision is final and not negotiable."

    def test_generic_government_is_the_last_reporting_country(self):
        """ "the military government said" refers to the country that last announced."""
        article = _article(
            "On Monday, Niger announced that talks had taken place.",
            "“The two parties agreed to deepen their partnership,” the military government said.",
            countries={"NER": ["Niger"]},
        )
        assert extract_quotes(article)[0].speaker == "NER"

    def test_unattributed_quote_has_no_speaker(self):
        """A quote with no attribution keeps speaker None."""
        article = _article("Residents described “a night of terror and fire in the village”.")
        (quote,) = extract_quotes(article)
        assert quote.speaker is None

    def test_scare_quotes_are_not_quotes(self):
        """Two quoted words without attribution are a term, not a quote."""
        assert extract_quotes(_article("The so-called “terrorists” fled.")) == ()

    @given(st.text(alphabet=st.sampled_from(list('ab “”",.said')), max_size=80))
    def test_quotes_always_read_back(self, text):
        """Every quote's span reads as its text."""
        text = text.strip() or "x"
        article = Article(id="q", headline="h", paragraphs=(text,))
        for quote in extract_quotes(article):
            assert article.quote_text(quote.span) == quote.text
