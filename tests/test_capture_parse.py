"""parse_layout: the layout variants a capture may come in."""

from __future__ import annotations

import pytest

from sahel_news.capture import parse_layout
from sahel_news.models import ChromeKind, Source


def _variants(seed: str) -> dict[str, str]:
    """The seed with the noise real captures carry, written from code (bytes a file mangles)."""
    lines = seed.split("\n")
    return {
        "crlf": seed.replace("\n", "\r\n"),
        "cr": seed.replace("\n", "\r"),
        "bom": "\ufeff" + seed,
        "bom_crlf": "\ufeff" + seed.replace("\n", "\r\n") + "\r\n",
        "nbsp": seed.replace("Russian defense", "Russian\u00a0defense").replace(
            "30.1 C", "30.1\u00a0C"
        ),
        "zero_width": seed.replace("Goita", "Goi\u200bta").replace("Read more", "Read\u200b more"),
        "trailing_spaces": "\n".join(line + "  \t" for line in lines),
        "leading_spaces": "\n".join("   " + line for line in lines),
        "blank_runs": seed.replace("\n\n", "\n\n\n\n"),
        "blank_lines_with_spaces": seed.replace("\n\n", "\n   \n"),
        "final_newline": seed + "\n",
        "final_newlines": seed + "\n\n\n",
        "leading_blank_lines": "\n\n" + seed,
        "form_feed": seed.replace("\n\nMost Popular", "\n\x0cMost Popular"),
    }


class TestNoise:
    """White-space and encoding noise does not change what is read."""

    @pytest.mark.parametrize(
        "variant",
        [
            "crlf",
            "cr",
            "bom",
            "bom_crlf",
            "nbsp",
            "zero_width",
            "trailing_spaces",
            "leading_spaces",
            "blank_runs",
            "blank_lines_with_spaces",
            "final_newline",
            "final_newlines",
            "leading_blank_lines",
            "form_feed",
        ],
    )
    def test_same_layout(self, seed_text: str, variant: str) -> None:
        """Read a noisy seed exactly as the clean seed, with the same id."""
        clean = parse_layout(seed_text)
        noisy = parse_layout(_variants(seed_text)[variant])
        assert noisy.headline == clean.headline
        assert noisy.standfirst == clean.standfirst
        assert noisy.paragraphs == clean.paragraphs
        assert noisy.related == clean.related
        assert noisy.published == clean.published
        assert noisy.page_date == clean.page_date
        assert noisy.chrome == clean.chrome
        assert noisy.id == clean.id

    def test_variant_list_is_complete(self, seed_text: str) -> None:
        """Test every variant the helper writes."""
        assert len(_variants(seed_text)) == 14


class TestMissingChrome:
    """Any chrome line may be missing."""

    def test_no_header(self, seed_text: str) -> None:
        """Read a capture without temperature and page date."""
        article = parse_layout(seed_text.split("\n", 3)[3])
        assert article.headline.startswith("Russian defense delegation")
        assert article.page_date is None
        assert article.chrome.temperature_celsius is None
        assert article.chrome.header == ()

    def test_no_temperature(self, seed_text: str) -> None:
        """Read the page date without a temperature above it."""
        article = parse_layout(seed_text.replace("30.1 C\n", ""))
        assert article.chrome.temperature_celsius is None
        assert [c.kind for c in article.chrome.header] == [ChromeKind.PAGE_DATE]

    def test_no_footer(self, seed_text: str) -> None:
        """Read a capture that stops after the body."""
        body_end = seed_text.index("\n\nJune 05, 2024")
        article = parse_layout(seed_text[:body_end])
        assert len(article.paragraphs) == 10
        assert article.published is None
        assert article.chrome.footer == ()
        assert "no_timestamp" in [d.code for d in article.diagnostics]

    def test_no_related(self, seed_text: str) -> None:
        """Read a capture without a "Read more" link."""
        text = seed_text.replace(
            "Read more\n\nLavrov assesses relations with key Sahel state\n\n", ""
        )
        article = parse_layout(text)
        assert article.related == ()
        assert len(article.paragraphs) == 10

    def test_headline_only(self) -> None:
        """Read a text that is only a headline, saying it has no body."""
        article = parse_layout("Mali junta extends transition")
        assert article.headline == "Mali junta extends transition"
        assert article.paragraphs == ()
        assert {"no_body", "no_timestamp"} <= {d.code for d in article.diagnostics}

    def test_headline_and_body(self) -> None:
        """Read headline and paragraphs with no standfirst when the first block is a sentence."""
        article = parse_layout("Mali junta extends transition\n\nThe junta said so.\n\nIt did.")
        assert article.standfirst is None
        assert article.paragraphs == ("The junta said so.", "It did.")


class TestStandfirst:
    """The block under the headline is a standfirst only when it reads as one."""

    @pytest.mark.parametrize(
        ("block", "is_standfirst"),
        [
            ("Officials met the leaders of Mali and Niger", True),
            ("Officials met the leaders of Mali and Niger.", False),
            ("Is the junta here to stay?", False),
            ("“We will stay,” the junta said.", False),
            ("GAO (AFP) - Officials met the leaders", False),
        ],
    )
    def test_cases(self, block: str, is_standfirst: bool) -> None:
        """Take an unpunctuated block followed by a paragraph as the standfirst."""
        article = parse_layout(f"Mali junta talks\n\n{block}\n\nThe talks went on.")
        assert (article.standfirst == block) is is_standfirst
        assert len(article.paragraphs) == (1 if is_standfirst else 2)

    def test_single_block_is_body(self) -> None:
        """Keep a lone unpunctuated block as the body, not a standfirst."""
        article = parse_layout("Mali junta talks\n\nOfficials met the leaders of Mali and Niger")
        assert article.standfirst is None
        assert article.paragraphs == ("Officials met the leaders of Mali and Niger",)

    def test_long_block_is_body(self) -> None:
        """Keep a block longer than a standfirst can be as a paragraph."""
        block = "officials met " * 40
        article = parse_layout(f"Mali junta talks\n\n{block.strip()}\n\nThe talks went on.")
        assert article.standfirst is None


class TestBody:
    """Paragraphs, related links and chrome lines in the body."""

    def test_related_positions(self) -> None:
        """Count the paragraphs before each "Read more" link, also several in a row."""
        text = (
            "Headline here\n\nRead more\n\nFirst link\n\nOne.\n\nTwo.\n\nRead more\n\nSecond link"
            "\n\nRead also\n\nThird link\n\nThree."
        )
        article = parse_layout(text)
        assert [(r.title, r.after_paragraph) for r in article.related] == [
            ("First link", 0),
            ("Second link", 2),
            ("Third link", 2),
        ]
        assert article.paragraphs == ("One.", "Two.", "Three.")

    def test_related_after_standfirst(self) -> None:
        """Count a link between standfirst and first paragraph as after no paragraph."""
        text = "Headline here\n\nA standfirst\n\nRead more\n\nA link\n\nOne.\n\nTwo."
        article = parse_layout(text)
        assert article.standfirst == "A standfirst"
        assert [(r.title, r.after_paragraph) for r in article.related] == [("A link", 0)]

    def test_read_more_without_blank_line(self) -> None:
        """Take the line right below "Read more" as its title."""
        article = parse_layout("Headline here\n\nOne.\n\nRead more\nA link\n\nTwo.")
        assert [r.title for r in article.related] == ["A link"]
        assert article.paragraphs == ("One.", "Two.")

    def test_long_line_after_read_more_is_a_paragraph(self) -> None:
        """Keep a line too long for a title after "Read more" as a paragraph."""
        long_line = "The junta said it would stay in power. " * 10
        article = parse_layout(f"Headline here\n\nOne.\n\nRead more\n\n{long_line.strip()}")
        assert article.related == ()
        assert article.paragraphs == ("One.", long_line.strip())
        assert "related_title_missing" in [d.code for d in article.diagnostics]

    def test_wrapped_paragraphs(self) -> None:
        """Join the lines of one block into one paragraph."""
        article = parse_layout("Headline here\n\nThe junta said\non Monday that it\nwould stay.")
        assert article.paragraphs == ("The junta said on Monday that it would stay.",)

    def test_byline_and_caption(self) -> None:
        """Keep a byline and a photo caption out of the body, with their position."""
        text = (
            "Headline here\n\nBy Moussa Traoré\n\nOne.\n\nPhoto: Soldiers in Gao\n\n"
            "Two.\n\nShare this story"
        )
        article = parse_layout(text)
        assert article.paragraphs == ("One.", "Two.")
        assert [(c.text, c.kind, c.after_paragraph) for c in article.chrome.body] == [
            ("By Moussa Traoré", ChromeKind.BYLINE, 0),
            ("Photo: Soldiers in Gao", ChromeKind.CAPTION, 1),
            ("Share this story", ChromeKind.SHARE, 2),
        ]

    def test_repeated_headline(self) -> None:
        """Keep a headline repeated above the body as chrome."""
        article = parse_layout("Mali junta talks\n\nMALI JUNTA TALKS\n\nOne.")
        assert article.paragraphs == ("One.",)
        assert [(c.text, c.kind) for c in article.chrome.body] == [
            ("MALI JUNTA TALKS", ChromeKind.REPEATED_HEADLINE)
        ]

    def test_footer_needs_a_paragraph(self) -> None:
        """Start the footer only after a paragraph; above it a timestamp is body chrome."""
        article = parse_layout("Headline here\n\nJune 05, 2024 at 07:49PM\n\nOne.")
        assert article.paragraphs == ("One.",)
        assert [c.kind for c in article.chrome.body] == [ChromeKind.TIMESTAMP]
        assert article.published is not None

    def test_everything_after_footer_is_footer(self) -> None:
        """Keep text after the footer starts as footer chrome, and say so."""
        article = parse_layout("Headline here\n\nOne.\n\nMost Read\n\nAnother story title")
        assert article.paragraphs == ("One.",)
        assert [c.kind for c in article.chrome.footer] == [ChromeKind.FOOTER, ChromeKind.OTHER]
        assert (article.diagnostics[0].code, article.diagnostics[0].line) == ("footer_text", 7)


class TestHeader:
    """Lines above the headline."""

    def test_site_name_above_page_date(self) -> None:
        """Take a line just above the page date as site chrome, not as the headline."""
        article = parse_layout("Sahel Daily\nThursday, June 20, 2024\n\nHeadline here\n\nOne.")
        assert article.headline == "Headline here"
        assert [(c.text, c.kind) for c in article.chrome.header] == [
            ("Sahel Daily", ChromeKind.OTHER),
            ("Thursday, June 20, 2024", ChromeKind.PAGE_DATE),
        ]
        assert ("header_line_assumed", 1) in [(d.code, d.line) for d in article.diagnostics]

    def test_navigation_phrases(self) -> None:
        """Keep navigation phrases above the headline as header chrome."""
        article = parse_layout("Skip to main content\nMenu\n\nHeadline here\n\nOne.")
        assert article.headline == "Headline here"
        assert [c.text for c in article.chrome.header] == ["Skip to main content", "Menu"]

    def test_two_page_dates(self) -> None:
        """Keep the first page date and report the second."""
        article = parse_layout("June 20, 2024\nJune 21, 2024\n\nHeadline here\n\nOne.")
        assert str(article.page_date) == "2024-06-20"
        assert "several_page_dates" in [d.code for d in article.diagnostics]

    def test_wrong_weekday(self) -> None:
        """Keep a page date whose weekday is wrong, and say so."""
        article = parse_layout("Friday, June 20, 2024\n\nHeadline here\n\nOne.")
        assert str(article.page_date) == "2024-06-20"
        assert "page_date_weekday_mismatch" in [d.code for d in article.diagnostics]

    def test_wrapped_headline(self) -> None:
        """Join a headline line with the lower-case line that continues it."""
        article = parse_layout("ECOWAS lifts sanctions\non Niger\n\nOne.")
        assert article.headline == "ECOWAS lifts sanctions on Niger"
        assert article.diagnostics[0].code == "no_timestamp"


class TestArticleFields:
    """What parse_layout fills, and what it leaves alone."""

    def test_source_kept(self, seed_text: str) -> None:
        """Record the source given."""
        source = Source(url="https://example.org/a", outlet="Example", language="en")
        assert parse_layout(seed_text, source=source).source == source

    def test_id_follows_content(self, seed_text: str) -> None:
        """Give different captures different ids."""
        assert parse_layout(seed_text).id != parse_layout(seed_text.replace("Mali", "Chad")).id

    def test_type_error(self) -> None:
        """Refuse bytes: the caller decodes."""
        with pytest.raises(TypeError):
            parse_layout(b"Headline")  # type: ignore[arg-type]
