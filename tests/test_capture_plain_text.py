"""Plain text as people have it: no headline, one-line articles, single newlines, datelines.

Every text here is written for these tests (fictional events, in the styles of wire copy,
state media, regional press, RSS descriptions and copy-paste).
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from sahel_news.capture import parse_layout, render_capture
from sahel_news.capture.parse import MAX_HEADLINE
from sahel_news.errors import ParseError
from sahel_news.models import Article, ChromeKind
from sahel_news.pipeline import parse_article

DERIVED = "headline_from_first_sentence"


@attrs.frozen
class Case:
    """A text, and what reading it must give."""

    text: str
    headline: str
    paragraphs: int
    dateline: tuple[str, str | None, date | None] | None = None  # place, agency, date
    codes: frozenset[str] = frozenset()


def _codes(article: Article) -> set[str]:
    return {d.code for d in article.diagnostics}


CASES = {
    "wire_dash_dateline": Case(
        "DAKAR - At least 15 civilians were killed when gunmen stormed a weekly market in "
        "western Niger on Sunday, two local officials said.\n\n"
        "The attackers came on motorbikes and burned stalls before riding off towards the "
        "border with Mali, one of the officials said.\n\n"
        "No group has claimed the attack.",
        "At least 15 civilians were killed when gunmen stormed a weekly market in western "
        "Niger on Sunday, two local officials said.",
        3,
        ("DAKAR", None, None),
        frozenset({DERIVED}),
    ),
    "xinhua_one_line_with_stamp": Case(
        "NIAMEY, Dec. 22 (Xinhua) -- Niger's transitional authorities on Sunday extended a "
        "night curfew in the Tillaberi region by three months, according to a decree read on "
        "state television. The curfew, first imposed in August, bans motorbikes from dusk to "
        "dawn. Officials said it had cut the number of raids on villages near Burkina Faso."
        "\n\nDecember 22, 2024 at 09:15PM",
        "Niger's transitional authorities on Sunday extended a night curfew in the Tillaberi "
        "region by three months, according to a decree read on state television.",
        3,
        ("NIAMEY", "Xinhua", date(2024, 12, 22)),
        frozenset({DERIVED, "one_line_split", "zone_assumed"}),
    ),
    "tass_one_line": Case(
        "MOSCOW, March 4. /TASS/. Russia is ready to train more officers from the Sahel "
        "states, a deputy defence minister said on Monday. He spoke after talks with a "
        "delegation from Burkina Faso. The two sides signed no new agreement.",
        "Russia is ready to train more officers from the Sahel states, a deputy defence "
        "minister said on Monday.",
        3,
        ("MOSCOW", "TASS", None),
        frozenset({DERIVED, "one_line_split", "dateline_date_unresolved"}),
    ),
    "ap_place_and_country": Case(
        "BAMAKO, Mali (AP) — Mali's military rulers have suspended the activities of two "
        "civic groups, accusing them of disturbing public order.\n\n"
        "The decree was read on state television late on Wednesday.",
        "Mali's military rulers have suspended the activities of two civic groups, accusing "
        "them of disturbing public order.",
        2,
        ("BAMAKO", "AP", None),
        frozenset({DERIVED}),
    ),
    "afp_mixed_case_place": Case(
        "Ouagadougou (AFP) - Burkina Faso's junta has dissolved the national electoral "
        "commission, saying it cost too much.\n\n"
        "Elections will be organised by the interior ministry, a government spokesman said.",
        "Burkina Faso's junta has dissolved the national electoral commission, saying it "
        "cost too much.",
        2,
        ("Ouagadougou", "AFP", None),
        frozenset({DERIVED}),
    ),
    "state_media_dated": Case(
        "Niamey, 14 March 2024 (ANP) – The Head of State, General Abdourahamane Tiani, "
        "received on Thursday a delegation of traditional chiefs from the Tahoua region.\n\n"
        "The talks focused on social cohesion and the return of displaced families.",
        "The Head of State, General Abdourahamane Tiani, received on Thursday a delegation "
        "of traditional chiefs from the Tahoua region.",
        2,
        ("Niamey", "ANP", date(2024, 3, 14)),
        frozenset({DERIVED}),
    ),
    "aps_day_first": Case(
        "ALGIERS, 3 June (APS) - Algeria's foreign minister received the ambassador of "
        "Mauritania on Monday to discuss trade across their shared border.\n\n"
        "3 June 2024 10:30 GMT",
        "Algeria's foreign minister received the ambassador of Mauritania on Monday to "
        "discuss trade across their shared border.",
        1,
        ("ALGIERS", "APS", date(2024, 6, 3)),
        frozenset({DERIVED}),
    ),
    "rss_two_sentences": Case(
        "Gunmen killed at least 12 villagers in northern Burkina Faso on Saturday, security "
        "sources said. The army has launched a search for the attackers.",
        "Gunmen killed at least 12 villagers in northern Burkina Faso on Saturday, security "
        "sources said.",
        2,
        None,
        frozenset({DERIVED, "one_line_split"}),
    ),
    "rss_one_sentence": Case(
        "Mauritania's president on Tuesday named a new prime minister, the presidency said "
        "in a statement.",
        "Mauritania's president on Tuesday named a new prime minister, the presidency said "
        "in a statement.",
        1,
        None,
        frozenset({DERIVED}),
    ),
    "rss_truncated": Case(
        "Chad's transitional government said on Monday that it had ended a defence "
        "cooperation accord with France, a move that [...]",
        "Chad's transitional government said on Monday that it had ended a defence "
        "cooperation accord with France, a move that [...]",
        1,
        None,
        frozenset({DERIVED}),
    ),
    "spreadsheet_cell_quotes": Case(
        "“We will not negotiate with armed groups,” the minister told reporters in Bamako. "
        "He said the army had retaken two villages near Ségou. “The operation goes on,” he "
        "added. Residents said the roads were still closed! Some asked: “When can we go "
        "home?” No date was given.",
        "“We will not negotiate with armed groups,” the minister told reporters in Bamako.",
        6,
        None,
        frozenset({DERIVED, "one_line_split"}),
    ),
    "abbreviations_stay_whole": Case(
        "Gen. Assimi Goita met U.S. envoys in Bamako on Jan. 12 to discuss security. "
        "Col. A. Diarra and Mr. Keita attended. The talks lasted three hours.",
        "Gen. Assimi Goita met U.S. envoys in Bamako on Jan. 12 to discuss security.",
        3,
        None,
        frozenset({DERIVED, "one_line_split"}),
    ),
    "scraper_paragraphs_run_together": Case(
        "Floods have forced more than 20,000 people from their homes in central Mali, the "
        "civil protection agency said on Friday.The Niger river burst its banks near Mopti "
        "after a week of heavy rain.Aid groups said they needed boats to reach villages cut "
        "off by the water, and that the U.S. and the EU had pledged help.",
        "Floods have forced more than 20,000 people from their homes in central Mali, the "
        "civil protection agency said on Friday.",
        3,
        None,
        frozenset({DERIVED, "one_line_split"}),
    ),
    "scraper_single_newlines": Case(
        "The African Union on Monday called on the Sahel juntas to set dates for elections.\n"
        "In a statement, the commission said transitions must not drag on.\n"
        "The bloc suspended Niger after the coup last year.",
        "The African Union on Monday called on the Sahel juntas to set dates for elections.",
        3,
        None,
        frozenset({DERIVED, "lines_as_paragraphs"}),
    ),
    "scraper_headline_then_single_newlines": Case(
        "Chad reopens border crossing with Sudan\n"
        "Chad reopened its main eastern border crossing on Friday after a month-long "
        "closure.\n"
        "The crossing at Adré is the main route for aid into Darfur.\n"
        "Aid agencies welcomed the decision.",
        "Chad reopens border crossing with Sudan",
        3,
        None,
        frozenset({"two_headline_candidates", "lines_as_paragraphs"}),
    ),
    "single_newlines_with_heading_and_wrap": Case(
        "Farmers in the Mopti region say they cannot reach their fields.\n"
        "Background\n"
        "Armed groups have laid siege to several towns in central Mali since\n"
        "early last year, cutting roads and markets.\n"
        "The army says it is clearing the main roads.",
        "Farmers in the Mopti region say they cannot reach their fields.",
        4,
        None,
        frozenset({DERIVED, "lines_as_paragraphs"}),
    ),
    "first_paragraph_too_long": Case(
        "The Economic Community of West African States said on Thursday that it would keep "
        "its doors open to Mali, Burkina Faso and Niger, whose military governments left the "
        "bloc in January, and that citizens of the three countries would keep their right to "
        "travel and work in member states until further notice, pending talks on a new "
        "framework for trade and security cooperation across the region.\n\n"
        "The announcement came at the end of a summit in Abuja.",
        "The Economic Community of West African States said on Thursday that it would keep "
        "its doors open to Mali, Burkina Faso and Niger, whose military governments left the "
        "bloc in January, and that citizens of the three countries would keep their right to "
        "travel and work in member states until further…",
        2,
        None,
        frozenset({DERIVED}),
    ),
    "copy_paste_byline_first": Case(
        "By Fatoumata Sidibé\n\n"
        "Several hundred people marched through Bamako on Friday to demand the reopening of "
        "schools closed by the strike.\n\n"
        "Teachers say they have not been paid for three months.",
        "Several hundred people marched through Bamako on Friday to demand the reopening of "
        "schools closed by the strike.",
        2,
        None,
        frozenset({DERIVED, "no_timestamp"}),
    ),
    "copy_paste_page_date_first": Case(
        "Thursday, June 20, 2024\n\n"
        "Residents of Timbuktu said food prices had doubled since the blockade began.\n\n"
        "Boats on the river are the only supply route left.",
        "Residents of Timbuktu said food prices had doubled since the blockade began.",
        2,
        None,
        frozenset({DERIVED}),
    ),
    "regional_press_french_place": Case(
        "Ouagadougou – Le gouvernement burkinabè a annoncé mardi le recrutement de cinq "
        "mille volontaires pour la défense de la patrie.\n\n"
        "Les candidats ont deux semaines pour s'inscrire.",
        "Ouagadougou – Le gouvernement burkinabè a annoncé mardi le recrutement de cinq "
        "mille volontaires pour la défense de la patrie.",
        2,
        None,
        frozenset({DERIVED}),
    ),
    "question_first_line": Case(
        "Will the junta hold elections this year?\n\n"
        "The transition charter sets no date, and the parties have been dissolved.",
        "Will the junta hold elections this year?",
        2,
        None,
        frozenset({DERIVED}),
    ),
    "footer_after_one_line": Case(
        "NOUAKCHOTT (AFP) - Mauritania has registered 5,000 new refugees from Mali this "
        "month, the UN said. Most arrived at the Mbera camp.\n\n"
        "Most Popular Articles\n\nGold output rises in western Mali",
        "Mauritania has registered 5,000 new refugees from Mali this month, the UN said.",
        2,
        ("NOUAKCHOTT", "AFP", None),
        frozenset({DERIVED, "one_line_split", "footer_text"}),
    ),
}


class TestShapes:
    """Each hand-written text reads to its headline, paragraphs, dateline and diagnostics."""

    @pytest.mark.parametrize("name", sorted(CASES))
    def test_headline(self, name: str) -> None:
        """Take the headline line, or the first sentence without its dateline."""
        case = CASES[name]
        headline = parse_layout(case.text).headline
        assert headline == case.headline
        assert len(headline) <= MAX_HEADLINE

    @pytest.mark.parametrize("name", sorted(CASES))
    def test_paragraph_count(self, name: str) -> None:
        """Find as many paragraphs as the text has (lines, sentences or blocks)."""
        case = CASES[name]
        assert len(parse_layout(case.text).paragraphs) == case.paragraphs

    @pytest.mark.parametrize("name", sorted(CASES))
    def test_dateline(self, name: str) -> None:
        """Recognise a dateline opening the body: place, agency and date."""
        case = CASES[name]
        found = parse_layout(case.text).dateline
        if case.dateline is None:
            assert found is None
        else:
            assert found is not None
            assert (found.place, found.agency, found.date) == case.dateline

    @pytest.mark.parametrize("name", sorted(CASES))
    def test_diagnostics(self, name: str) -> None:
        """Say what was assumed: the derived headline, split lines, line paragraphs."""
        case = CASES[name]
        codes = _codes(parse_layout(case.text))
        assert case.codes <= codes
        assert (DERIVED in codes) == (DERIVED in case.codes)

    @pytest.mark.parametrize("name", sorted(CASES))
    def test_paragraphs_are_original_characters(self, name: str) -> None:
        """Keep every paragraph as written: a slice of one line, or lines joined by a space."""
        case = CASES[name]
        article = parse_layout(case.text)
        lines = case.text.splitlines()
        for paragraph in article.paragraphs:
            assert any(paragraph in line for line in lines) or paragraph in " ".join(lines)
        if article.dateline is not None:
            assert article.quote_text(article.dateline.span) == article.dateline.text

    @pytest.mark.parametrize("name", sorted(CASES))
    def test_strict_keeps_the_capture_reading(self, name: str) -> None:
        """Read with strict=True as before: the first line is the headline, or a ParseError."""
        case = CASES[name]
        if len(case.text.split("\n", 1)[0]) > MAX_HEADLINE:
            with pytest.raises(ParseError, match="no plausible headline"):
                parse_layout(case.text, strict=True)
            return
        article = parse_layout(case.text, strict=True)
        assert article.headline in case.text.splitlines()
        assert not _codes(article) & {DERIVED, "lines_as_paragraphs", "one_line_split"}


class TestOneLine:
    """An article on one line is cut at its sentence ends into paragraphs."""

    def test_sentences_in_order(self) -> None:
        """Give the sentences in order, joined back to the line with one space each."""
        text = CASES["spreadsheet_cell_quotes"].text
        article = parse_layout(text)
        assert " ".join(article.paragraphs) == text
        assert article.paragraphs[2] == "“The operation goes on,” he added."
        assert article.paragraphs[4] == "Some asked: “When can we go home?”"

    def test_dateline_full_stops_are_no_end(self) -> None:
        """Keep a TASS dateline with its first sentence despite its full stops."""
        article = parse_layout(CASES["tass_one_line"].text)
        assert article.paragraphs[0].startswith("MOSCOW, March 4. /TASS/. Russia is ready")

    def test_links_after_the_line_follow_the_last_sentence(self) -> None:
        """Move a link that stood after the one line to after its last sentence."""
        article = parse_layout("One thing happened. Another followed.\n\nRead more\n\nA title")
        assert len(article.paragraphs) == 2
        assert [(r.title, r.after_paragraph) for r in article.related] == [("A title", 2)]

    def test_diagnostic_names_the_line(self) -> None:
        """Name the line that was cut and the number of paragraphs."""
        article = parse_layout("Sahel Daily\n30.1 C\n\nOne thing happened. Another followed.")
        split = next(d for d in article.diagnostics if d.code == "one_line_split")
        assert split.line == 4
        assert "2 paragraphs" in split.message

    def test_headline_capture_is_not_cut(self) -> None:
        """Leave a one-line paragraph under a real headline whole (a capture as before)."""
        article = parse_layout("Mali junta talks\n\nThe junta met. Envoys left. Nobody spoke.")
        assert article.paragraphs == ("The junta met. Envoys left. Nobody spoke.",)


class TestSingleNewlines:
    """A text with no blank line between paragraphs gets its paragraphs from its lines."""

    def test_wrapped_line_is_joined(self) -> None:
        """Join a line that stops mid-sentence with a next line in lower case."""
        article = parse_layout(CASES["single_newlines_with_heading_and_wrap"].text)
        assert article.paragraphs[1] == "Background"
        assert article.paragraphs[2] == (
            "Armed groups have laid siege to several towns in central Mali since "
            "early last year, cutting roads and markets."
        )

    def test_hard_wrapped_paragraph_stays_whole(self) -> None:
        """Join the lines of one hard-wrapped paragraph, mostly cut mid-sentence, as before."""
        text = (
            "ECOWAS lifts sanctions\n\n"
            "West African leaders meeting in Abuja lifted most of the sanctions imposed on\n"
            "Niger after the coup, citing the hardship of its people, and kept those on\n"
            "Members of the junta.\n\nFebruary 24, 2024 at 06:15PM"
        )
        article = parse_layout(text)
        assert article == parse_layout(text, strict=True)
        assert len(article.paragraphs) == 1

    def test_blank_lines_anywhere_keep_blocks(self) -> None:
        """Read blocks as before when blank lines separate the text lines."""
        text = "Headline here\n\nFirst line of a paragraph\nSecond Line.\n\nAnother one."
        article = parse_layout(text)
        assert article.paragraphs == ("First line of a paragraph Second Line.", "Another one.")

    def test_footer_does_not_count(self) -> None:
        """Read lines as paragraphs even when a blank line stands before the footer."""
        text = "Headline here\nOne.\nTwo.\n\nJune 05, 2024 at 07:49PM\n\nMost Read\n\nOld story"
        article = parse_layout(text)
        assert article.paragraphs == ("One.", "Two.")
        assert article.chrome.footer[0].kind is ChromeKind.TIMESTAMP

    def test_standfirst_line(self) -> None:
        """Read a line under the headline that ends no sentence as the standfirst."""
        text = "Niger suspends accord\nThe junta acts on its threat\nIt said so.\nIt left."
        article = parse_layout(text)
        assert article.standfirst == "The junta acts on its threat"
        assert article.paragraphs == ("It said so.", "It left.")


class TestGivenHeadline:
    """A headline from metadata is the Article's headline; the text is read as body."""

    def test_body_only_text(self) -> None:
        """Use the given headline and keep every line of the text as body."""
        text = CASES["rss_two_sentences"].text
        article = parse_layout(text, headline="Gunmen kill 12 in northern Burkina")
        assert article.headline == "Gunmen kill 12 in northern Burkina"
        assert len(article.paragraphs) == 2
        assert DERIVED not in _codes(article)

    def test_same_headline_in_text(self) -> None:
        """Take a first line with the same words as the headline's line (a capture)."""
        text = "Mali dissolves parties\n\nThe decree was read on television."
        given = parse_layout(text, headline="  mali DISSOLVES\nparties ")
        assert given == parse_layout(text)

    def test_other_first_line(self) -> None:
        """Read a plausible first line that is not the given headline as body, and say so."""
        text = "Security: a new plan for the north\n\nThe army will add ten bases.\n\nIt said."
        article = parse_layout(text, headline="Mali army unveils plan")
        assert article.headline == "Mali army unveils plan"
        assert article.standfirst == "Security: a new plan for the north"
        assert "given_headline_not_in_text" in _codes(article)

    def test_cleaned_like_the_text(self) -> None:
        """Clean a given headline as the text is: no BOM, no zero-width or no-break spaces."""
        text = "Mali dissolves parties\n\nThe decree was read on television."
        given = parse_layout(text, headline="\ufeffMali\u00a0dissolves\u200b parties")
        assert given == parse_layout(text)

    def test_blank_counts_as_none(self) -> None:
        """Treat a blank headline (an empty spreadsheet cell) as no headline."""
        text = CASES["rss_one_sentence"].text
        assert parse_layout(text, headline=" \t") == parse_layout(text)

    def test_not_a_string(self) -> None:
        """Refuse a headline that is not a str, as a mistake in the calling code."""
        with pytest.raises(TypeError, match="headline"):
            parse_layout("Some text.", headline=12)  # type: ignore[arg-type]

    def test_strict_refuses_another_headline(self) -> None:
        """Refuse, when strict, a capture whose headline is not the given one."""
        with pytest.raises(ParseError, match="not the given headline") as error:
            parse_layout("Mali junta talks\n\nIt did.", headline="Other", strict=True)
        assert error.value.line == 1

    def test_strict_accepts_the_same_headline(self) -> None:
        """Read, when strict, a capture whose headline is the given one."""
        text = "Mali junta talks\n\nIt did."
        assert parse_layout(text, headline="Mali junta talks", strict=True).headline == (
            "Mali junta talks"
        )

    def test_parse_article_passes_it_on(self) -> None:
        """Pass headline and strict through parse_article."""
        text = CASES["rss_one_sentence"].text
        article = parse_article(text, headline="New prime minister", extract=False)
        assert article.headline == "New prime minister"
        with pytest.raises(ParseError):
            parse_article("x" * (MAX_HEADLINE + 1), strict=True, extract=False)


class TestRender:
    """A headline-less text renders without the derived headline, and reads back the same."""

    @pytest.mark.parametrize(
        "name", ["wire_dash_dateline", "xinhua_one_line_with_stamp", "rss_two_sentences"]
    )
    def test_round_trip(self, name: str) -> None:
        """Read the rendering back to the same headline, paragraphs and dateline."""
        article = parse_layout(CASES[name].text)
        again = parse_layout(render_capture(article))
        assert (again.headline, again.paragraphs, again.dateline) == (
            article.headline,
            article.paragraphs,
            article.dateline,
        )

    def test_no_headline_block(self) -> None:
        """Write the paragraphs first: the derived headline was never a line of the text."""
        article = parse_layout(CASES["wire_dash_dateline"].text)
        assert render_capture(article) == CASES["wire_dash_dateline"].text


class TestEntities:
    """The whole pipeline reads headline-less texts: countries, with the dateline's."""

    def test_dateline_country(self) -> None:
        """Find the country of the dateline place of a headline-less text."""
        article = parse_article(CASES["footer_after_one_line"].text)
        assert {c.alpha3 for c in article.countries} >= {"MRT", "MLI"}

    def test_one_line_countries(self) -> None:
        """Find the countries of a one-line article, with valid spans in every paragraph."""
        article = parse_article(CASES["xinhua_one_line_with_stamp"].text)
        assert {c.alpha3 for c in article.countries} >= {"NER", "BFA"}
        for country in article.countries:
            for mention in country.mentions:
                assert article.quote_text(mention.span) == mention.text
