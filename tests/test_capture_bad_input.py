"""Bad input: parse_layout raises ParseError with a line and a reason, or reads an Article."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sahel_news.capture import parse_layout
from sahel_news.capture.parse import MAX_HEADLINE
from sahel_news.errors import ParseError
from sahel_news.models import Article


def _parse_or_error(
    text: str, *, strict: bool = False, headline: str | None = None
) -> Article | ParseError:
    try:
        return parse_layout(text, strict=strict, headline=headline)
    except ParseError as error:
        return error


class TestRefused:
    """Texts that are not a capture give a ParseError naming the line and the reason."""

    @pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\r\n \t\r\n", "\ufeff", "\u200b\n\u00a0"])
    def test_empty(self, text: str) -> None:
        """Refuse an empty or blank text."""
        with pytest.raises(ParseError, match="empty") as error:
            parse_layout(text)
        assert error.value.line is None

    def test_binary(self) -> None:
        """Refuse random bytes decoded as Latin-1, as binary data."""
        junk = random.Random(7).randbytes(4096).decode("latin-1")  # noqa: S311 - fixed junk
        with pytest.raises(ParseError, match="binary") as error:
            parse_layout(junk)
        assert error.value.line is not None

    def test_binary_with_nul(self) -> None:
        """Refuse a text with a NUL, naming its line."""
        with pytest.raises(ParseError) as error:
            parse_layout("Headline\n\nBody\n\x00\x01\x02")
        assert error.value.line == 4

    @pytest.mark.parametrize("strict", [True, False])
    def test_only_chrome(self, strict: bool) -> None:
        """Refuse a text that is all chrome, strict or not: there is nothing to read."""
        with pytest.raises(ParseError, match="every line is site chrome") as error:
            parse_layout("30.1 C\nThursday, June 20, 2024\n\nMost Popular Articles", strict=strict)
        assert "no plausible headline" in error.value.reason or not strict

    def test_no_letters_strict(self) -> None:
        """Refuse a headline line without a letter when strict, naming its line."""
        with pytest.raises(ParseError, match="no letters") as error:
            parse_layout("30.1 C\n\n12345 678\n\nBody.", strict=True)
        assert error.value.line == 3

    def test_no_letters_at_all(self) -> None:
        """Refuse a text in which no line of text has a letter, naming its first line."""
        with pytest.raises(ParseError, match="no line of text has a letter") as error:
            parse_layout("30.1 C\n\n12345 678\n\n90 12")
        assert error.value.line == 3

    def test_single_long_line_strict(self) -> None:
        """Refuse a 1 MB single line when strict: it is no headline."""
        with pytest.raises(ParseError, match="characters long") as error:
            parse_layout("word " * 200_000, strict=True)
        assert error.value.line == 1

    def test_headline_limit_strict(self) -> None:
        """Accept a headline at the limit and refuse one past it when strict."""
        assert parse_layout("a" * MAX_HEADLINE, strict=True).headline == "a" * MAX_HEADLINE
        with pytest.raises(ParseError):
            parse_layout("a" * (MAX_HEADLINE + 1), strict=True)


class TestLarge:
    """Large texts are read in one pass (sizes kept moderate; the benchmark goes to 50 MB)."""

    def test_few_megabytes(self, seed_text: str) -> None:
        """Read a 3 MB capture with thousands of paragraphs."""
        head, body = seed_text.split("\n\nA high-ranking", 1)
        paragraph = "A high-ranking" + body.split("\n\n")[0]
        count = 3_000_000 // len(paragraph)
        text = head + "\n\n" + "\n\n".join([paragraph] * count) + "\n\nJune 05, 2024 at 07:49PM"
        article = parse_layout(text)
        assert len(article.paragraphs) == count
        assert article.published is not None

    def test_single_long_line(self) -> None:
        """Read a 1 MB line with no sentence end as one paragraph, its start as headline."""
        article = parse_layout("word " * 200_000)
        assert article.paragraphs == (("word " * 200_000).strip(),)
        assert len(article.headline) <= MAX_HEADLINE
        assert article.headline.endswith("word…")
        assert article.diagnostics[0].code == "headline_from_first_sentence"

    def test_one_line_of_many_sentences(self) -> None:
        """Read a 1 MB line of sentences as one paragraph per sentence."""
        article = parse_layout("The army said so. " * 50_000)
        assert len(article.paragraphs) == 50_000
        assert set(article.paragraphs) == {"The army said so."}

    def test_long_paragraph_line(self) -> None:
        """Read a 1 MB paragraph under a real headline."""
        article = parse_layout("Headline here\n\n" + "word " * 200_000)
        assert len(article.paragraphs[0]) == 1_000_000 - 1

    def test_many_short_lines(self) -> None:
        """Read 200,000 short lines without blank lines as one paragraph each."""
        article = parse_layout("Headline here\n\n" + "ab.\n" * 200_000)
        assert len(article.paragraphs) == 200_000

    def test_many_short_lines_strict(self) -> None:
        """Read 200,000 short lines without blank lines as one paragraph when strict."""
        article = parse_layout("Headline here\n\n" + "ab.\n" * 200_000, strict=True)
        assert len(article.paragraphs) == 1

    def test_many_blank_lines(self) -> None:
        """Read a capture with a million blank lines."""
        article = parse_layout("Headline here" + "\n" * 1_000_000 + "One.")
        assert article.paragraphs == ("One.",)


_LAYOUT_LINES = st.sampled_from(
    [
        "",
        "",
        "30.1 C",
        "Thursday, June 20, 2024",
        "June 05, 2024 at 07:49PM",
        "2024-06-05T19:49:00Z",
        "Read more",
        "Read more: A title",
        "Most Popular Articles",
        "Share this story",
        "By Moussa Traoré",
        "Photo: Soldiers in Gao",
        "* * *",
        "BAMAKO, June 5 (Reuters) - The army said so.",
        "MOSCOW, February 30. /TASS/. Nothing.",
        "Mali junta extends transition",
        "The junta said so on Monday.",
        "officials met the leaders",
        "\ufeff",
        "\u00a0",
        "\r",
        "12345",
        "\x07",
    ]
)


class TestProperties:
    """Arbitrary text never breaks the parser."""

    @given(st.text(), st.booleans(), st.none() | st.text(max_size=20))
    def test_any_text(self, text: str, strict: bool, headline: str | None) -> None:
        """Give a valid Article or a ParseError for any text, strict or not, any headline."""
        result = _parse_or_error(text, strict=strict, headline=headline)
        assert isinstance(result, Article | ParseError)
        if isinstance(result, ParseError):
            assert result.reason

    @given(
        st.lists(st.one_of(_LAYOUT_LINES, st.text(max_size=30)), max_size=40),
        st.booleans(),
        st.none() | _LAYOUT_LINES,
    )
    def test_layout_like_lines(self, lines: list[str], strict: bool, headline: str | None) -> None:
        """Give a valid Article or a ParseError for any mixture of layout-like lines."""
        result = _parse_or_error("\n".join(lines), strict=strict, headline=headline)
        assert isinstance(result, Article | ParseError)

    @given(st.lists(_LAYOUT_LINES, max_size=40), st.sampled_from(["\n", "\r\n", "\r"]))
    def test_layout_lines_parse_twice_alike(self, lines: list[str], newline: str) -> None:
        """Read the same text to the same Article every time (no hidden state or clock)."""
        text = newline.join(lines)
        first, second = _parse_or_error(text), _parse_or_error(text)
        if isinstance(first, Article):
            assert first == second
        else:
            assert isinstance(second, ParseError)
            assert (first.reason, first.line) == (second.reason, second.line)

    @given(st.binary(min_size=1), st.booleans())
    def test_bytes_decoded(self, data: bytes, strict: bool) -> None:
        """Give an Article or a ParseError for any bytes decoded with replacement."""
        result = _parse_or_error(data.decode("utf-8", errors="replace"), strict=strict)
        assert isinstance(result, Article | ParseError)
