"""The country recognizer: names, demonyms, capitals, seats, possessives and look-alikes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sahel_news.extract.entities import extract_entities
from sahel_news.extract.entities.countries import CountryRecognizer, find_countries
from sahel_news.models import Article, Part
from sahel_news.text import fold
from sahel_news.text._units import TextUnit


def article(*paragraphs: str, headline: str = "Officials meet for talks") -> Article:
    """An article with *paragraphs* as its body."""
    return Article(id="t", headline=headline, paragraphs=paragraphs)


def mentions(text: str) -> list[tuple[str, str]]:
    """(alpha3, mention text) of every country mention of one paragraph, in order."""
    found = extract_entities(article(text))
    pairs = [(c.alpha3, m.text, m.span.start) for c in found.countries for m in c.mentions]
    return [(code, text) for code, text, _ in sorted(pairs, key=lambda p: p[2])]


def codes(text: str) -> set[str]:
    """The alpha-3 codes of the countries of one paragraph (mentioned or implied)."""
    return {c.alpha3 for c in extract_entities(article(text)).countries}


# (text, [(alpha3, mention text), ...]) in reading order.
MENTION_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("Ivory Coast and Côte d'Ivoire", [("CIV", "Ivory Coast"), ("CIV", "Côte d'Ivoire")]),
    ("Troops left Côte d’Ivoire.", [("CIV", "Côte d’Ivoire")]),
    ("Burkina said it would act.", [("BFA", "Burkina")]),
    (
        "the US, the USA, America and the United States",
        [("USA", "US"), ("USA", "USA"), ("USA", "America"), ("USA", "United States")],
    ),
    ("Russia, the Russian Federation", [("RUS", "Russia"), ("RUS", "Russian Federation")]),
    ("Fighting in eastern DRC went on.", [("COD", "DRC")]),
    ("Britain and the UK", [("GBR", "Britain"), ("GBR", "UK")]),
    (
        "Malian, Nigerien, Burkinabe and Burkinabè officers",
        [("MLI", "Malian"), ("NER", "Nigerien"), ("BFA", "Burkinabe"), ("BFA", "Burkinabè")],
    ),
    (
        "Chadian, American, French and Russian envoys",
        [("TCD", "Chadian"), ("USA", "American"), ("FRA", "French"), ("RUS", "Russian")],
    ),
    ("Mali's army and Niger’s army", [("MLI", "Mali"), ("NER", "Niger")]),
    ("Moscow accused Paris of meddling.", [("RUS", "Moscow"), ("FRA", "Paris")]),
    ("Niamey’s leaders canceled the deal.", [("NER", "Niamey")]),
    ("The Kremlin welcomed the move.", [("RUS", "Kremlin")]),
    ("The Elysee said nothing.", [("FRA", "Elysee")]),
    ("The White House said nothing.", [("USA", "White House")]),
    ("Koulouba announced a decree.", [("MLI", "Koulouba")]),
    ("N'Djamena rejected the claim.", [("TCD", "N'Djamena")]),
    ("Ouagadougou and Bamako signed a pact.", [("BFA", "Ouagadougou"), ("MLI", "Bamako")]),
    ("Mali-Russia cooperation", [("MLI", "Mali"), ("RUS", "Russia")]),
    ("Nigeria and Niger", [("NGA", "Nigeria"), ("NER", "Niger")]),
    ("Nigerien and Nigerian troops", [("NER", "Nigerien"), ("NGA", "Nigerian")]),
    (
        "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea",
        [
            ("GIN", "Guinea"),
            ("GNB", "Guinea-Bissau"),
            ("GNQ", "Equatorial Guinea"),
            ("PNG", "Papua New Guinea"),
        ],
    ),
    ("Congo and DR Congo", [("COG", "Congo"), ("COD", "DR Congo")]),
    ("Sudan and South Sudan", [("SDN", "Sudan"), ("SSD", "South Sudan")]),
    ("Chad's army moved north.", [("TCD", "Chad")]),
    ("Jordan's king arrived.", [("JOR", "Jordan")]),
    ("Exports to Turkey rose.", [("TUR", "Turkey")]),
]


class TestCountryMentions:
    def test_case_table_has_no_duplicates(self):
        """The case table lists every text once."""
        texts = [text for text, _ in MENTION_CASES]
        assert len(texts) == len(set(texts))

    @pytest.mark.parametrize(("text", "expected"), MENTION_CASES)
    def test_finds_each_mention(self, text, expected):
        """Each name, alternative, demonym, possessive, capital and seat is found as written."""
        assert mentions(text) == expected


# Texts that name no country at all.
NO_COUNTRY = [
    "Boats sailed down the Niger River at dawn.",
    "Oil spills fouled the Niger Delta again.",
    "Pirates roam the Gulf of Guinea.",
    "Chad Johnson said the deal was fair.",
    "Michael Jordan visited the camp.",
    "Georgia Governor Brian Kemp spoke.",
    "They roasted a turkey and told us to wait.",
    "The Sahel, West Africa, the EU and ECOWAS met.",
    "The statement was issued in French.",
    "Latin America sent observers.",
    "The Washington Post reported it.",
]


class TestNoCountry:
    def test_table_has_no_duplicates(self):
        """The table lists every text once."""
        assert len(NO_COUNTRY) == len(set(NO_COUNTRY))

    @pytest.mark.parametrize("text", NO_COUNTRY)
    def test_look_alikes_and_regions_are_no_country(self, text):
        """Rivers, deltas, gulfs, people's names, regions and blocs are not countries."""
        assert codes(text) == set()


class TestCapitalsAsPlaces:
    def test_locative_capital_implies_its_country_without_a_mention(self):
        """A capital after "in" is a place: its country is listed with no mention."""
        found = extract_entities(article("Talks were held in Niamey on Sunday."))
        assert [(c.alpha3, c.mentions) for c in found.countries] == [("NER", ())]

    def test_apposed_capital_is_a_place(self):
        """ "the capital, Bamako" names the city, not the state."""
        found = extract_entities(article("He spoke in the capital, Bamako, on Monday."))
        assert [(c.alpha3, c.mentions) for c in found.countries] == [("MLI", ())]

    def test_capital_as_subject_is_the_state(self):
        """A capital that acts ("Moscow agreed") is a mention of the state."""
        assert mentions("Moscow agreed to send instructors.") == [("RUS", "Moscow")]

    def test_capital_with_a_verb_of_accusing_is_the_state(self):
        """ "accusing Paris of meddling" names France, the state."""
        assert mentions("They cut ties, accusing Paris of meddling.") == [("FRA", "Paris")]

    def test_title_case_preposition_makes_a_place(self):
        """A title-case "In Moscow" is a place, as "in Moscow" is."""
        found = extract_entities(article("Talks.", headline="Leaders Meet In Moscow For Talks"))
        assert [(c.alpha3, c.mentions) for c in found.countries] == [("RUS", ())]

    def test_based_compound_is_a_place(self):
        """ "Bamako-based" names the city."""
        found = extract_entities(article("A Bamako-based analyst disagreed."))
        assert [(c.alpha3, c.mentions) for c in found.countries] == [("MLI", ())]


class TestSpans:
    def test_possessive_is_not_part_of_the_mention(self):
        """ "Mali’s" gives the mention "Mali", its span ending before the apostrophe."""
        found = extract_entities(article("Mali’s interim leader spoke."))
        (country,) = found.countries
        (only,) = country.mentions
        assert (only.text, only.span.start, only.span.end) == ("Mali", 0, 4)

    def test_headline_and_related_titles_count(self):
        """Mentions in the headline and in related-link titles are found with their part."""
        from sahel_news.models import RelatedLink

        base = Article(
            id="t",
            headline="Chad and Sudan sign pact",
            paragraphs=("Officials met.",),
            related=(RelatedLink("Algeria hosts talks", 1),),
        )
        found = extract_entities(base)
        parts = {(c.alpha3, m.span.part) for c in found.countries for m in c.mentions}
        assert parts == {
            ("TCD", Part.HEADLINE),
            ("SDN", Part.HEADLINE),
            ("DZA", Part.RELATED),
        }

    def test_title_case_headline_keeps_ambiguous_names(self):
        """In a title-case headline, "Chad Rejects ..." still names Chad."""
        found = extract_entities(
            article("Officials met.", headline="Chad Rejects French Demand For Talks")
        )
        assert {c.alpha3 for c in found.countries} == {"TCD", "FRA"}

    def test_recognizer_matches_the_cached_function(self):
        """The recognizer yields exactly what find_countries finds for the unit's text."""
        unit = TextUnit(Part.PARAGRAPH, 0, "Mali and Niger")
        assert tuple(CountryRecognizer().recognize(unit)) == find_countries(unit.text)


class TestFold:
    def test_fold_keeps_length(self):
        """Folding maps each character to one, so offsets carry over."""
        text = "Goïta’s “Côte d’Ivoire” – Nigérien"
        assert len(fold(text)) == len(text)
        assert fold(text) == "Goita's \"Cote d'Ivoire\" - Nigerien"

    @given(st.text())
    def test_fold_never_changes_length(self, text):
        """Any text folds to a text of the same length."""
        assert len(fold(text)) == len(text)


WORDS = [
    "Mali",
    "Niger",
    "Nigeria",
    "Chad",
    "Paris",
    "in",
    "the",
    "Niger River",
    "Mali’s",
    "Russian",
    "Moscow",
    "said",
    ",",
    "President",
    "Goita",
    "junta",
    "Guinea-Bissau",
    "Gulf of Guinea",
    "Congolese",
    "US",
    "and",
]


class TestProperties:
    @given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
    def test_every_country_mention_reads_as_its_text(self, words):
        """Every mention found lies in the article and reads as its text (the Article checks)."""
        text = " ".join(words)
        found = extract_entities(article(text))
        for country in found.countries:
            for one in country.mentions:
                assert found.quote_text(one.span) == one.text

    @given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
    def test_extraction_is_idempotent(self, words):
        """Extracting twice gives the same countries and actors as extracting once."""
        once = extract_entities(article(" ".join(words)))
        assert extract_entities(once) == once
