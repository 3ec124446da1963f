"""Line cleaning and line classification: what each line of a capture is."""

from __future__ import annotations

import json

import pytest

from sahel_news.capture._boilerplate import PhraseKind, boilerplate
from sahel_news.capture._lines import (
    LineKind,
    classify,
    clean_lines,
    ends_sentence,
    temperature_celsius,
)
from sahel_news.data import add_data_dir, clear_caches, load_entries, table_info
from sahel_news.errors import ParseError

CLASSIFIED: list[tuple[str, LineKind]] = [
    ("30.1 C", LineKind.TEMPERATURE),
    ("86°F", LineKind.TEMPERATURE),
    ("-3 °C", LineKind.TEMPERATURE),
    ("Thursday, June 20, 2024", LineKind.DATE),
    ("June 05, 2024 at 07:49PM", LineKind.TIMESTAMP),
    ("Read more", LineKind.READ_MORE),
    ("READ MORE:", LineKind.READ_MORE),
    ("Read also", LineKind.READ_MORE),
    ("Read more: Junta suspends French broadcasters", LineKind.READ_MORE_INLINE),
    ("Share this story", LineKind.SHARE),
    ("Share  this  story", LineKind.SHARE),
    ("Tweet", LineKind.SHARE),
    ("Most Popular Articles", LineKind.FOOTER),
    ("You may also like", LineKind.FOOTER),
    ("Advertisement", LineKind.BOILERPLATE),
    ("Skip to main content", LineKind.HEADER),
    ("By Amadou Keita", LineKind.BYLINE),
    ("BY AFP", LineKind.BYLINE),
    ("By Aïssata Diallo and John Smith", LineKind.BYLINE),
    ("(Reporting by Amadou Keita; Editing by Peter Graff)", LineKind.BYLINE),
    ("Photo: Soldiers patrol a street in Gao", LineKind.CAPTION),
    ("FILE PHOTO: Supporters of the junta rally in Niamey", LineKind.CAPTION),
    ("Soldiers at a checkpoint near Mopti. © AFP / Staff", LineKind.CAPTION),
    ("Delegates arrive in Bamako (Photo: Reuters)", LineKind.CAPTION),
    ("* * *", LineKind.DECORATION),
    ("Russian defense delegation holds talks with African allies", LineKind.TEXT),
    ("By Monday, the army had retaken the town.", LineKind.TEXT),
    ("By the numbers: displacement in the Sahel", LineKind.TEXT),
    ("Related-party deals rose in Mali's mining sector.", LineKind.TEXT),
    ("Sharing water is a source of conflict in the Sahel.", LineKind.TEXT),
    ("The 5 June 2024 attack killed 12 soldiers.", LineKind.TEXT),
    ("Most popular articles about the junta were read in Bamako.", LineKind.TEXT),
]


def test_table_has_no_duplicates() -> None:
    """List every line once."""
    lines = [line for line, _ in CLASSIFIED]
    assert len(lines) == len(set(lines))


class TestClassify:
    """classify judges one line by itself."""

    @pytest.mark.parametrize(("line", "kind"), CLASSIFIED)
    def test_cases(self, line: str, kind: LineKind) -> None:
        """Give each line of the table its kind."""
        assert classify(line).kind is kind

    def test_inline_title(self) -> None:
        """Carry the title of an inline "Read more: title" line."""
        found = classify("Read more — Sahel states form joint force")
        assert found.kind is LineKind.READ_MORE_INLINE
        assert found.title == "Sahel states form joint force"

    def test_long_line_is_text(self) -> None:
        """Read a very long line as text without looking further."""
        assert classify("By " + "word " * 200_000).kind is LineKind.TEXT


class TestTemperature:
    """Temperature lines give degrees Celsius."""

    @pytest.mark.parametrize(
        ("line", "celsius"),
        [
            ("30.1 C", 30.1),
            ("30,1 C", 30.1),
            ("86 F", 30.0),
            ("91 F", 32.8),
            ("-4°C", -4.0),
            ("32 ℉", 0.0),
        ],
    )
    def test_values(self, line: str, celsius: float) -> None:
        """Read Celsius as is and convert Fahrenheit, to a tenth of a degree."""
        assert temperature_celsius(line) == celsius

    @pytest.mark.parametrize("line", ["30.1", "C", "1000 C", "30.1 K", "about 30 C"])
    def test_not_temperatures(self, line: str) -> None:
        """Refuse lines that are not a bare temperature."""
        assert temperature_celsius(line) is None


class TestEndsSentence:
    """ends_sentence looks through closing quotes and brackets."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The junta said so.", True),
            ("“We will stay,” he said.”", True),
            ("Did it work?", True),
            ("He left (for good.)", True),
            ("according to the military regimes of both countries", False),
            ("Sahel states form joint force", False),
            ("", False),
        ],
    )
    def test_cases(self, text: str, expected: bool) -> None:
        """Say whether the text closes a sentence."""
        assert ends_sentence(text) is expected


class TestCleanLines:
    """clean_lines strips each line and drops invisible characters."""

    def test_line_endings(self) -> None:
        """Split on LF, CRLF and CR alike."""
        assert clean_lines("a\r\nb\rc\nd")[0] == ["a", "b", "c", "d"]

    def test_invisible_and_spaces(self) -> None:
        """Drop a BOM and zero-width spaces, read no-break spaces as spaces, strip lines."""
        lines, diagnostics = clean_lines("\ufeffMali\u00a0junta\u200b \t\n  Niger\u202fnews  ")
        assert lines == ["Mali junta", "Niger news"]
        assert diagnostics == []

    def test_stray_control(self) -> None:
        """Drop a stray control character and say so with its line."""
        lines, diagnostics = clean_lines("Headline\n\nBody\x07 text.")
        assert lines == ["Headline", "", "Body text."]
        assert [(d.code, d.line) for d in diagnostics] == [("control_characters_removed", 3)]

    def test_nul_is_binary(self) -> None:
        """Refuse a text with a NUL as binary, naming the line."""
        with pytest.raises(ParseError) as error:
            clean_lines("Headline\n\nBo\x00dy")
        assert error.value.line == 3
        assert "binary" in error.value.reason


class TestBoilerplateTable:
    """boilerplate.json loads, has every group, and users can extend it."""

    def test_loads(self) -> None:
        """Load the table with its version, source and licence notes."""
        info = table_info("boilerplate")
        assert {"version", "source", "license"} <= set(info)
        table = boilerplate()
        assert table.whole_lines["most popular articles"] is PhraseKind.FOOTER
        assert table.whole_lines["read more"] is PhraseKind.READ_MORE

    def test_every_kind_used(self) -> None:
        """Hold at least one phrase of every kind, and no phrase twice."""
        entries = load_entries("boilerplate")
        kinds = {e["kind"] for e in entries}
        assert kinds == {k.value for k in PhraseKind}
        pairs = [(e["kind"], e["phrase"]) for e in entries]
        assert len(pairs) == len(set(pairs))

    @pytest.mark.parametrize("key", sorted(boilerplate().whole_lines))
    def test_phrases_classify_as_their_kind(self, key: str) -> None:
        """Read every whole-line phrase of the table as the kind the table gives it."""
        expected = {
            PhraseKind.READ_MORE: LineKind.READ_MORE,
            PhraseKind.SHARE: LineKind.SHARE,
            PhraseKind.FOOTER: LineKind.FOOTER,
            PhraseKind.BOILERPLATE: LineKind.BOILERPLATE,
            PhraseKind.HEADER: LineKind.HEADER,
        }[boilerplate().whole_lines[key]]
        assert classify(key.capitalize()).kind is expected

    def test_user_table_adds_phrases(self, tmp_path: object) -> None:
        """Read a user's table after the package's, adding its phrases."""
        from pathlib import Path

        folder = Path(str(tmp_path))
        document = {
            "version": "1",
            "source": "test",
            "license": "MIT",
            "entries": [{"kind": "footer", "phrase": "Autres actualités"}],
        }
        (folder / "boilerplate.json").write_text(json.dumps(document), encoding="utf-8")
        assert classify("Autres actualités").kind is LineKind.TEXT
        from sahel_news import data

        add_data_dir(folder)
        try:
            assert classify("Autres actualités").kind is LineKind.FOOTER
            assert classify("Most Popular Articles").kind is LineKind.FOOTER
        finally:
            data._extra_dirs.remove(folder)
            clear_caches()
        assert classify("Autres actualités").kind is LineKind.TEXT
