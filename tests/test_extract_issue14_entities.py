"""Entities on real text: agency homes, title-case headlines, sentence-initial adverbs."""

from __future__ import annotations

import pytest

from sahel_news.models import Article, Country, Mention, Part, Span
from sahel_news.pipeline import parse_article


def _parsed(headline: str, *paragraphs: str) -> Article:
    body = "\n\n".join(paragraphs)
    return parse_article(f"{headline}\n\n{body}\n\nPublished: 5 June 2024 10:00 UTC\n")


def _one_mention() -> tuple[Mention, ...]:
    return (Mention("Niger", Span(Part.HEADLINE, 0, 0, 5)),)


def _headline_mentions(article: Article, actor_id: str) -> set[str]:
    actor = next(a for a in article.actors if a.id == actor_id)
    return {m.text for m in actor.mentions if m.span.part.value == "headline"}


def _people(article: Article) -> set[str]:
    return {a.name for a in article.actors if a.kind.value == "person"}


class TestAgencyHomes:
    """A news agency's home that no words of the text name is not what the article is about."""

    def test_the_home_of_the_filing_agency_is_marked(self):
        """Reuters files from Niamey: Britain is listed for the agency, marked as its home only."""
        article = _parsed(
            "Niger junta meets Chinese oil firm",
            "NIAMEY, June 4 (Reuters) - Niger's military government met executives of the "
            "Chinese oil firm CNPC on Tuesday, Reuters reported.",
        )
        by_code = {c.alpha3: c for c in article.countries}
        assert by_code["NER"].actor_home_only is False
        agency = next(a for a in article.actors if a.id == "reuters")
        assert by_code[agency.country].actor_home_only is True
        assert by_code[agency.country].mentions == ()

    def test_a_home_the_text_names_is_not_marked(self):
        """Once the text names the agency's country, the article is about it too."""
        article = _parsed(
            "France and Niger talk",
            "PARIS, June 4 (AFP) - France said on Tuesday it would talk to Niger, AFP reported.",
        )
        assert all(not c.actor_home_only for c in article.countries)

    def test_the_home_of_an_actor_that_takes_part_is_not_marked(self):
        """A person of Senegal named in the text involves Senegal, named or not."""
        article = _parsed("Sahel elections", "Ousmane Sonko urged the juntas to hold elections.")
        assert all(not c.actor_home_only for c in article.countries)

    def test_a_named_country_cannot_be_only_an_actors_home(self):
        """The flag and mentions contradict each other: refused."""
        niger = Country.from_code("NER")
        with pytest.raises(ValueError, match="only an actor's home"):
            Country(
                niger.alpha2,
                niger.alpha3,
                niger.numeric,
                niger.name,
                mentions=_one_mention(),
                actor_home_only=True,
            )


class TestTitleCaseHeadlines:
    """Words a title-case headline capitalises by style are not names."""

    def test_headline_verbs_are_not_part_of_a_name(self):
        """ "Zeine Holds Talks" names Zeine, not "Zeine Holds Talks"."""
        article = _parsed(
            "Niger Prime Minister Zeine Holds Talks With Iranian Envoy",
            "Prime Minister Ali Lamine Zeine held talks on Monday with an Iranian envoy, "
            "the government said. The two sides discussed energy and holds on trade.",
        )
        assert not any("Holds" in name or "Talks" in name for name in _people(article))

    def test_a_verb_of_the_lexicon_is_no_name_even_if_the_body_lacks_it(self):
        """ "Discusses" is a trigger verb: never a person's word in a title-case headline."""
        article = _parsed(
            "Mauritanian President Ghazouani Discusses Migration With Spanish Minister",
            "President Mohamed Ould Ghazouani met Spain's interior minister in Nouakchott.",
        )
        assert not any("Discusses" in name for name in _people(article))

    def test_mentions_quote_the_headline_as_written(self):
        """The headline is read de-capitalised, but its mentions keep its capitals."""
        article = _parsed(
            "Mali Junta Leader Goita Receives Russian Delegation In Bamako",
            "Colonel Assimi Goita received a Russian delegation in Bamako on Monday.",
        )
        assert "Goita" in _headline_mentions(article, "assimi-goita")
        for actor in article.actors:
            for mention in actor.mentions:
                assert article.quote_text(mention.span) == mention.text

    def test_a_sentence_case_headline_is_read_as_it_is(self):
        """Only a title-case headline is de-capitalised; a plain one keeps its reading."""
        article = _parsed(
            "Mali's Goita receives Russian delegation",
            "Colonel Assimi Goita received a Russian delegation in Bamako on Monday.",
        )
        assert "Goita" in _headline_mentions(article, "assimi-goita")


class TestSentenceOpeners:
    """Connectives that open a sentence are not people."""

    @pytest.mark.parametrize("opener", ["Separately", "Elsewhere", "Additionally", "Nevertheless"])
    def test_an_opener_is_not_a_person(self, opener):
        """ "Separately Bouba Diallo told reporters" names Bouba Diallo, not "Separately ..."."""
        article = _parsed(
            "Burkina news", f"{opener} Bouba Diallo told reporters the road would reopen."
        )
        assert "Bouba Diallo" in _people(article)
        assert not any(opener in name for name in _people(article))


class TestFullNamesWithoutTitle:
    """People named once by their full name, with no title, are people."""

    def test_a_name_after_according_to_is_a_person(self):
        """ "according to Moussa Diallo, a trader": a person, found by the phrase."""
        article = _parsed(
            "Market prices", "Prices have doubled, according to Moussa Diallo, a trader."
        )
        assert "Moussa Diallo" in _people(article)

    def test_a_sentence_initial_according_to_is_read_too(self):
        """ "According to Fatime Haroun Issa, ..." names her."""
        article = _parsed(
            "Polling staff", "According to Fatime Haroun Issa, the grant covers 500 stations."
        )
        assert "Fatime Haroun Issa" in _people(article)

    @pytest.mark.parametrize(
        ("sentence", "name", "role"),
        [
            (
                (
                    "Meanwhile, Moussa Sawadogo, a gold trader in Ouagadougou, said miners would "
                    "suffer."
                ),
                "Moussa Sawadogo",
                "gold trader",
            ),
            (
                (
                    '"We will not accept delays," Mahaman Moustapha Barke, a ministry official, '
                    "told reporters."
                ),
                "Mahaman Moustapha Barke",
                "ministry official",
            ),
            (
                "Aminata Kabore, who fled the village last week, said the army left.",
                "Aminata Kabore",
                None,
            ),
            (
                "Issa Kone, speaking for the government, said the measure was needed.",
                "Issa Kone",
                None,
            ),
        ],
    )
    def test_a_full_name_described_as_a_person_is_one(self, sentence, name, role):
        """ "X Y, a gold trader", "X Y, who fled", "X Y, speaking for": a person, no title."""
        article = _parsed("Sahel news", sentence)
        (person,) = [a for a in article.actors if a.name == name]
        assert person.kind.value == "person"
        assert person.roles == ((role,) if role else ())

    def test_a_description_of_no_person_names_none(self):
        """ "Sahel Minerals, a British firm": a firm is no person."""
        assert not _people(_parsed("Mining", "Sahel Minerals, a British firm, said output rose."))

    def test_a_described_namesake_is_not_the_gazetteer_person(self):
        """ "Aminata Kabore, who fled" is not the former president Roch Kaboré."""
        article = _parsed("Displaced", "Aminata Kabore, who fled the village, said the army left.")
        assert all(a.id != "roch-kabore" for a in article.actors)


class TestLongTitles:
    """State-media titles: long remits, "for" phrases, local titles."""

    @pytest.mark.parametrize(
        ("sentence", "name", "role"),
        [
            (
                (
                    "The Minister of Public Health, Population and Social Affairs, Garba Hakimi, "
                    "took part."
                ),
                "Garba Hakimi",
                "Minister of Public Health, Population and Social Affairs",
            ),
            (
                (
                    "Meanwhile, the Commissioner for Food Security, Fatimetou Mint Abdel Malick, "
                    "announced the dispatch of wheat."
                ),
                "Fatimetou Mint Abdel Malick",
                "Commissioner for Food Security",
            ),
            (
                "The Wali of Hodh Ech Chargui, Isselmou Ould Sidi, visited the camp.",
                "Isselmou Ould Sidi",
                "Wali of Hodh Ech Chargui",
            ),
        ],
    )
    def test_the_name_after_a_long_title_is_the_person(self, sentence, name, role):
        """A remit that runs on past a comma is still the title; the name comes after it."""
        article = _parsed("State media", sentence)
        people = [a for a in article.actors if a.kind.value == "person"]
        assert [p.name for p in people] == [name]
        assert role in people[0].roles
