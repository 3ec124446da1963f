"""Quotes in French: « … » marks, French reporting verbs, speakers found as in English."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from _event_annotate import annotate
from sahel_news.extract.quotes import extract_quotes
from sahel_news.models import Article

NBSP, NNBSP = "\u00a0", "\u202f"

GOITA = {"id": "assimi-goita", "name": "Assimi Goita", "country": "MLI", "surfaces": ["Goïta"]}
TIANI = {
    "id": "abdourahamane-tiani",
    "name": "Abdourahamane Tiani",
    "country": "NER",
    "surfaces": ["Abdourahamane Tiani"],
}


def _article(*paragraphs, countries=None, actors=(), language="fr"):
    article = Article(id="q", headline="Titre", paragraphs=paragraphs, language=language)
    return annotate(article, countries or {}, actors)


class TestFrenchQuotes:
    """extract_quotes on French text."""

    def test_guillemets_with_non_breaking_spaces(self):
        """« … » with the inner non-breaking spaces: the quote is the words inside."""
        article = _article(
            f"«{NBSP}Nous ne céderons à aucune pression{NBSP}», a déclaré Goïta.",
            countries={"MLI": []},
            actors=[GOITA],
        )
        (quote,) = extract_quotes(article)
        assert quote.text == "Nous ne céderons à aucune pression"
        assert quote.speaker == "assimi-goita"

    def test_narrow_non_breaking_spaces_and_selon(self):
        """« … » with narrow spaces, attributed by "selon X"."""
        article = _article(
            f"«{NNBSP}La décision est définitive et irrévocable{NNBSP}»,"
            " selon Abdourahamane Tiani.",
            countries={"NER": []},
            actors=[TIANI],
        )
        (quote,) = extract_quotes(article)
        assert quote.text == "La décision est définitive et irrévocable"
        assert quote.speaker == "abdourahamane-tiani"

    def test_speaker_before_the_quote(self):
        """`X a déclaré : « … »` (with the French space before the colon) gives the quote to X."""
        article = _article(
            "Le Mali a déclaré : « Notre choix est souverain et ne sera pas remis en cause ».",
            countries={"MLI": ["Mali"]},
        )
        (quote,) = extract_quotes(article)
        assert quote.speaker == "MLI"

    def test_reporting_verbs(self):
        """ "a indiqué", "a affirmé", "a précisé", "a souligné", "a ajouté" attribute quotes."""
        for verb in ("a indiqué", "a affirmé", "a précisé", "a souligné", "a ajouté"):
            article = _article(
                f"« Les patrouilles reprendront dès la semaine prochaine », {verb} Goïta.",
                countries={"MLI": []},
                actors=[GOITA],
            )
            assert extract_quotes(article)[0].speaker == "assimi-goita", verb

    def test_curly_quotes_in_french(self):
        """French papers also use “…”: read as in English, with a French verb."""
        article = _article(
            "“Nous irons jusqu'au bout de cette transition”, a affirmé Goïta.",
            countries={"MLI": []},
            actors=[GOITA],
        )
        assert extract_quotes(article)[0].speaker == "assimi-goita"

    def test_generic_speaker_is_the_last_reporting_country(self):
        """ "a indiqué le gouvernement" stands for the country that last announced something."""
        article = _article(
            "Le Niger a annoncé lundi la réouverture de ses ambassades.",
            "« Les deux parties ont convenu d'approfondir leur partenariat », a indiqué le"
            " gouvernement.",
            countries={"NER": ["Niger"]},
        )
        assert extract_quotes(article)[0].speaker == "NER"

    def test_scare_quotes_are_not_quotes(self):
        """Two words in guillemets without attribution are a term, not a quote."""
        assert extract_quotes(_article("Les « terroristes » ont fui vers le nord.")) == ()

    def test_english_text_keeps_english_marks(self):
        """An English article does not read « » as quotation marks."""
        article = _article(
            "« We will never bow to anyone », Goita said.", language="en", countries={}
        )
        assert extract_quotes(article) == ()

    @given(st.text(alphabet=st.sampled_from(list('ab «»“”",.a déclaré\u00a0\u202f')), max_size=80))
    def test_quotes_always_read_back(self, text):
        """Every quote's span reads as its text."""
        text = text.strip() or "x"
        article = Article(id="q", headline="h", paragraphs=(text,), language="fr")
        for quote in extract_quotes(article):
            assert article.quote_text(quote.span) == quote.text
