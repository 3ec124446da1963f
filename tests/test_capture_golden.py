"""Golden tests: the seed and every fictional capture in tests/captures/layout/."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from sahel_news.capture import parse_layout, render_capture
from sahel_news.models import ChromeKind, ChromeLine, Part, RelatedLink

LAYOUT = Path(__file__).parent / "captures" / "layout"


class TestSeed:
    """examples/seed.txt, checked value by value against its own text."""

    @pytest.fixture
    def lines(self, seed_text: str) -> list[str]:
        return seed_text.split("\n")

    def test_headline(self, seed_text: str, lines: list[str]) -> None:
        """Read the headline from the first line after the header block."""
        article = parse_layout(seed_text)
        assert article.headline == "Russian defense delegation holds talks with African allies"
        assert article.headline == lines[3]

    def test_standfirst(self, seed_text: str, lines: list[str]) -> None:
        """Read the unpunctuated sentence under the headline as the standfirst."""
        article = parse_layout(seed_text)
        assert article.standfirst == lines[5]
        assert article.standfirst is not None
        assert article.standfirst.startswith("High-ranking officials met with the leaders")
        assert article.standfirst.endswith("military regimes of both countries")

    def test_paragraphs(self, seed_text: str, lines: list[str]) -> None:
        """Keep the ten body paragraphs in order, without chrome, link or footer."""
        article = parse_layout(seed_text)
        assert len(article.paragraphs) == 10
        assert article.paragraphs[0].startswith("A high-ranking delegation")
        assert article.paragraphs[-1].endswith("security situation in the region.")
        expected = [lines[7], *[lines[i] for i in range(13, 30, 2)]]
        assert list(article.paragraphs) == expected
        assert "Read more" not in article.paragraphs
        assert all("Most Popular" not in p for p in article.paragraphs)

    def test_related(self, seed_text: str, lines: list[str]) -> None:
        """Read the title after "Read more" as a related link after the first paragraph."""
        article = parse_layout(seed_text)
        assert lines[9] == "Read more"
        assert article.related == (
            RelatedLink("Lavrov assesses relations with key Sahel state", after_paragraph=1),
        )
        assert article.related[0].title == lines[11]

    def test_published(self, seed_text: str, lines: list[str]) -> None:
        """Read the feed timestamp as 2024-06-05 19:49 in UTC, with the zone assumed."""
        article = parse_layout(seed_text)
        assert lines[31] == "June 05, 2024 at 07:49PM"
        assert article.published == datetime(2024, 6, 5, 19, 49, tzinfo=UTC)
        assert article.published_zone_assumed is True
        assert [d.code for d in article.diagnostics] == ["zone_assumed"]
        assert article.diagnostics[0].line == 32

    def test_page_date_and_temperature(self, seed_text: str, lines: list[str]) -> None:
        """Keep the page date and the temperature of the header apart from the timestamp."""
        article = parse_layout(seed_text)
        assert lines[0] == "30.1 C"
        assert lines[1] == "Thursday, June 20, 2024"
        assert article.page_date == date(2024, 6, 20)
        assert article.chrome.temperature_celsius == 30.1
        assert article.chrome.header == (
            ChromeLine("30.1 C", ChromeKind.TEMPERATURE),
            ChromeLine("Thursday, June 20, 2024", ChromeKind.PAGE_DATE),
        )

    def test_footer(self, seed_text: str, lines: list[str]) -> None:
        """Keep the timestamp and "Most Popular Articles" as footer chrome."""
        article = parse_layout(seed_text)
        assert lines[-1] == "Most Popular Articles"
        assert article.chrome.footer == (
            ChromeLine("June 05, 2024 at 07:49PM", ChromeKind.TIMESTAMP),
            ChromeLine("Most Popular Articles", ChromeKind.FOOTER),
        )
        assert article.chrome.body == ()

    def test_layout_only(self, seed_text: str) -> None:
        """Fill no entity fields and find no dateline in the seed."""
        article = parse_layout(seed_text)
        assert (article.countries, article.actors, article.events, article.quotes) == (
            (),
            (),
            (),
            (),
        )
        assert article.dateline is None

    def test_id_is_stable(self, seed_text: str) -> None:
        """Give the seed the same id every time, and the same id with CRLF line ends."""
        first = parse_layout(seed_text).id
        assert first == parse_layout(seed_text).id
        assert first == parse_layout(seed_text.replace("\n", "\r\n")).id
        assert first.startswith("a-")
        assert len(first) == 18

    def test_renders_byte_for_byte(self, seed_text: str) -> None:
        """Render the parsed seed back to exactly the seed text."""
        assert render_capture(parse_layout(seed_text)) == seed_text


WAT = timezone(timedelta(hours=1))
MSK = timezone(timedelta(hours=3))

# Expected values written by reading each capture.
FIXTURES: dict[str, dict[str, Any]] = {
    "wire_bamako.txt": {
        "headline": "Mali junta says army retook northern town from rebels",
        "standfirst": None,
        "paragraphs": 4,
        "first": "BAMAKO, June 5 (Reuters) - Mali's army",
        "last": "Neither side gave a toll for the fighting.",
        "published": datetime(2024, 6, 5, 18, 12, tzinfo=UTC),
        "assumed": False,
        "dateline": ("BAMAKO, June 5 (Reuters) -", "BAMAKO", date(2024, 6, 5), "Reuters"),
        "body": [("By Amadou Keita", ChromeKind.BYLINE, 0), (None, ChromeKind.BYLINE, 4)],
        "footer": [ChromeKind.TIMESTAMP, ChromeKind.FOOTER],
        "diagnostics": [],
    },
    "tass_moscow.txt": {
        "headline": (
            "Russia ready to expand military cooperation with Burkina Faso - deputy minister"
        ),
        "standfirst": None,
        "paragraphs": 3,
        "first": "MOSCOW, September 2. /TASS/. Russia is ready",
        "last": "Kassoum Coulibaly.",
        "published": datetime(2024, 9, 2, 14, 5, tzinfo=MSK),
        "assumed": False,
        "dateline": ("MOSCOW, September 2. /TASS/.", "MOSCOW", date(2024, 9, 2), "TASS"),
        "footer": [ChromeKind.TIMESTAMP],
        "diagnostics": [],
    },
    "local_press_niamey.txt": {
        "headline": "Niger suspends military accord with Washington",
        "standfirst": "Authorities say the agreement was imposed unilaterally",
        "paragraphs": 4,
        "first": "Niger's ruling military council said on Saturday",
        "last": "stationed in Niger as of last year.",
        "related": [
            ("Sahel states form joint force against jihadists", 2),
            ("Junta orders French troops to leave by year end", 3),
        ],
        "published": datetime(2024, 3, 11, 8, 30, tzinfo=UTC),
        "assumed": True,
        "page_date": date(2024, 3, 11),
        "temperature": 32.8,  # 91 F
        "header": [ChromeKind.OTHER, ChromeKind.TEMPERATURE, ChromeKind.PAGE_DATE],
        "body": [
            ("By Issoufou Hama", ChromeKind.BYLINE, 0),
            (None, ChromeKind.CAPTION, 0),
            ("Share this story", ChromeKind.SHARE, 1),
            ("Advertisement", ChromeKind.BOILERPLATE, 1),
        ],
        "footer": [ChromeKind.TIMESTAMP, ChromeKind.FOOTER, ChromeKind.OTHER, ChromeKind.OTHER],
        "diagnostics": [("header_line_assumed", 1), ("zone_assumed", 33), ("footer_text", 37)],
    },
    "headline_and_body.txt": {
        "headline": "Floods displace thousands in central Mali",
        "standfirst": None,
        "paragraphs": 3,
        "first": "Heavy rains have flooded",
        "last": "temporary shelters in schools.",
        "published": None,
        "assumed": False,
        "diagnostics": [("no_timestamp", None)],
    },
    "repeated_headline.txt": {
        "headline": "Chad holds presidential vote after three-year transition",
        "standfirst": None,
        "paragraphs": 3,
        "first": "N'DJAMENA (AFP) — Chadians voted",
        "last": "the electoral agency said.",
        "published": datetime(2024, 5, 6, 19, 49, tzinfo=UTC),
        "assumed": False,
        "dateline": ("N'DJAMENA (AFP) —", "N'DJAMENA", None, "AFP"),
        "body": [
            (
                "Chad holds presidential vote after three-year transition",
                ChromeKind.REPEATED_HEADLINE,
                0,
            ),
            ("By Mariam Abakar", ChromeKind.BYLINE, 0),
        ],
        "footer": [ChromeKind.TIMESTAMP, ChromeKind.SHARE],
        "diagnostics": [],
    },
    "gmt_with_standfirst.txt": {
        "headline": "Mauritania's president sworn in for second term",
        "standfirst": "The ceremony in Nouakchott was attended by several West African leaders",
        "paragraphs": 3,
        "first": "Mohamed Ould Ghazouani took the oath",
        "last": "Opposition candidates had rejected the results.",
        "published": datetime(2024, 8, 1, 16, 20, tzinfo=UTC),
        "assumed": False,
        "footer": [ChromeKind.TIMESTAMP, ChromeKind.FOOTER, ChromeKind.OTHER],
        "diagnostics": [("footer_text", 15)],
    },
    "wrapped_paragraphs.txt": {
        "headline": "ECOWAS lifts sanctions on Niger after months of pressure",
        "standfirst": None,
        "paragraphs": 3,
        "first": "West African leaders meeting in Abuja on Saturday lifted most of the economic",
        "last": "targeted sanctions on members of the junta.",
        "published": datetime(2024, 2, 24, 18, 15, tzinfo=UTC),
        "assumed": True,
        "footer": [ChromeKind.TIMESTAMP],
        "diagnostics": [("zone_assumed", 13)],
    },
    "inline_related.txt": {
        "headline": "Burkina Faso expels three French diplomats",
        "standfirst": "Ouagadougou accused them of subversive activities",
        "paragraphs": 3,
        "first": "The foreign ministry said",
        "last": "French special forces last year.",
        "related": [("Junta suspends French broadcasters", 1)],
        "published": datetime(2024, 4, 18, 21, 3, tzinfo=UTC),
        "assumed": True,
        "body": [("Read more", ChromeKind.BOILERPLATE, 3)],
        "footer": [ChromeKind.TIMESTAMP],
        "diagnostics": [("related_title_missing", 13), ("zone_assumed", 15)],
    },
    "header_timestamp.txt": {
        "headline": "Senegal's new president names prime minister",
        "standfirst": None,
        "paragraphs": 2,
        "first": "Bassirou Diomaye Faye named",
        "last": "brought Faye to power.",
        "published": datetime(2024, 4, 2, 10, 15, tzinfo=UTC),
        "assumed": True,
        "header": [ChromeKind.TIMESTAMP],
        "diagnostics": [("zone_assumed", 1)],
    },
    "two_headline_candidates.txt": {
        "headline": "Gold mine collapse kills dozens in Mali",
        "standfirst": "Search for survivors continues",
        "paragraphs": 2,
        "first": "At least 40 people were killed",
        "last": "survivors on Saturday.",
        "published": datetime(2024, 2, 17, 11, 2, tzinfo=UTC),
        "assumed": True,
        "footer": [ChromeKind.TIMESTAMP],
        "diagnostics": [("two_headline_candidates", 2), ("zone_assumed", 8)],
    },
    "captions_and_share.txt": {
        "headline": "Humanitarian convoy reaches besieged town of Djibo",
        "standfirst": None,
        "paragraphs": 3,
        "first": "DJIBO, Burkina Faso, May 14 (Reuters) - A convoy",
        "last": "more supplies next week.",
        "published": datetime(2024, 5, 15, 7, 30, tzinfo=WAT),
        "assumed": False,
        "dateline": (
            "DJIBO, Burkina Faso, May 14 (Reuters) -",
            "DJIBO",
            date(2024, 5, 14),
            "Reuters",
        ),
        "body": [
            ("Photo: Trucks carrying food aid wait at a checkpoint", ChromeKind.CAPTION, 0),
            ("Share on Facebook", ChromeKind.SHARE, 1),
            ("Tweet", ChromeKind.SHARE, 1),
            ("* * *", ChromeKind.OTHER, 1),
        ],
        "footer": [ChromeKind.TIMESTAMP, ChromeKind.FOOTER, ChromeKind.OTHER],
        "diagnostics": [("footer_text", 21)],
    },
}


# The French captures (issue 16), expected values written by reading each capture.
FIXTURES.update(
    {
        "fr_wire_bamako.txt": {
            "headline": "Mali : la junte annonce la réouverture de la frontière avec l'Algérie",
            "standfirst": None,
            "paragraphs": 3,
            "first": "BAMAKO, 5 juin (AFP) - Les autorités de transition",
            "last": "trafic des camions de marchandises.",
            "related": [("Le Mali et l'Algérie rappellent leurs ambassadeurs", 2)],
            "published": datetime(2024, 6, 5, 19, 49, tzinfo=UTC),
            "assumed": True,
            "dateline": ("BAMAKO, 5 juin (AFP) -", "BAMAKO", date(2024, 6, 5), "AFP"),
            "body": [],
            "footer": [ChromeKind.TIMESTAMP, ChromeKind.FOOTER, ChromeKind.OTHER, ChromeKind.OTHER],
            "diagnostics": [("zone_assumed", 11), ("footer_text", 15)],
        },
        "fr_local_niamey.txt": {
            "headline": (
                "Niger : le gouvernement lance une campagne de vaccination dans la région de "
                "Tillabéri"
            ),
            "standfirst": "Plus de deux cent mille enfants sont concernés par l'opération",
            "paragraphs": 3,
            "first": "Niamey, 20 juin 2024 (ANP) – Le ministre de la Santé",
            "last": "les villages les plus éloignés à moto.",
            "related": [("Tillabéri : reprise des cours dans une dizaine d'écoles", 2)],
            "published": datetime(2024, 6, 20, 10, 15, tzinfo=UTC),
            "assumed": True,
            "page_date": date(2024, 6, 20),
            "temperature": 28.0,
            "dateline": ("Niamey, 20 juin 2024 (ANP) –", "Niamey", date(2024, 6, 20), "ANP"),
            "header": [
                ChromeKind.OTHER,
                ChromeKind.OTHER,
                ChromeKind.TEMPERATURE,
                ChromeKind.PAGE_DATE,
            ],
            "body": [
                ("Publié le jeudi 20 juin 2024 à 10h15", ChromeKind.TIMESTAMP, 0),
                ("Mis à jour le 20 juin 2024 à 14h02", ChromeKind.TIMESTAMP, 0),
                ("Par Ibrahim Moussa", ChromeKind.BYLINE, 0),
                ("Partager", ChromeKind.SHARE, 2),
                ("Abonnez-vous", ChromeKind.BOILERPLATE, 3),
            ],
            "footer": [ChromeKind.FOOTER],
            "diagnostics": [
                ("header_line_assumed", 2),
                ("zone_assumed", 8),
                ("several_timestamps", 10),
            ],
        },
        "fr_ouaga_figures.txt": {
            "headline": (
                "Burkina : les commerçants de Ouagadougou protestent contre la hausse des taxes"
            ),
            "standfirst": None,
            "paragraphs": 2,
            "first": "OUAGADOUGOU, 1er juin (AIB) - Plusieurs centaines",
            "last": "a indiqué un responsable du syndicat.",
            "related": [("Burkina : la mairie suspend la collecte des loyers", 1)],
            "published": datetime(2024, 6, 1, 19, 49, tzinfo=UTC),
            "assumed": True,
            "dateline": ("OUAGADOUGOU, 1er juin (AIB) -", "OUAGADOUGOU", date(2024, 6, 1), "AIB"),
            "body": [
                ("Crédit photo : des boutiques fermées au marché Rood Woko", ChromeKind.CAPTION, 1),
                ("Voir aussi", ChromeKind.BOILERPLATE, 2),
            ],
            "footer": [ChromeKind.TIMESTAMP, ChromeKind.FOOTER, ChromeKind.FOOTER],
            "diagnostics": [("related_title_missing", 13), ("zone_assumed", 15)],
        },
    }
)

FIXTURES["francophone_ouagadougou.txt"] = {
    "headline": "Le gouvernement burkinabè annonce un recrutement de volontaires",
    "standfirst": None,
    "paragraphs": 3,
    "first": "OUAGADOUGOU (AIP) - Le gouvernement a lancé mardi",
    "last": "dans les mairies et les préfectures.",
    "related": [("Le Burkina Faso suspend deux radios étrangères", 2)],
    "published": datetime(2024, 5, 22, 9, 30, tzinfo=UTC),
    "assumed": False,
    "page_date": date(2024, 5, 22),
    "temperature": 29.0,
    "dateline": ("OUAGADOUGOU (AIP) -", "OUAGADOUGOU", None, "AIP"),
    "header": [ChromeKind.OTHER, ChromeKind.OTHER, ChromeKind.TEMPERATURE, ChromeKind.PAGE_DATE],
    "body": [
        ("Par Salif Ouédraogo", ChromeKind.BYLINE, 0),
        ("Publicité", ChromeKind.BOILERPLATE, 1),
        ("Partager", ChromeKind.SHARE, 3),
    ],
    "footer": [ChromeKind.TIMESTAMP, ChromeKind.FOOTER],
    "diagnostics": [("header_line_assumed", 2)],
}


def _noisy_bytes(text: str) -> bytes:
    """The capture as a careless site saves it: BOM, CRLF, no-break and trailing spaces."""
    lines = [line.replace(" ", "\u00a0", 1) + " \t" for line in text.split("\n")]
    return "\ufeff".encode() + "\r\n".join(lines).encode("utf-8")


def test_every_capture_has_expectations() -> None:
    """Cover every capture file of tests/captures/layout with a golden entry."""
    names = [p.name for p in LAYOUT.glob("*.txt")]
    assert sorted(names) == sorted(FIXTURES)


@pytest.mark.parametrize("name", sorted(FIXTURES))
class TestFixtureCaptures:
    """Each fictional capture reads as its expectations say."""

    def test_layout(self, name: str) -> None:
        """Read headline, standfirst and paragraphs as expected."""
        expected = FIXTURES[name]
        article = parse_layout((LAYOUT / name).read_text(encoding="utf-8"))
        assert article.headline == expected["headline"]
        assert article.standfirst == expected["standfirst"]
        assert len(article.paragraphs) == expected["paragraphs"]
        assert article.paragraphs[0].startswith(expected["first"])
        assert article.paragraphs[-1].endswith(expected["last"])
        assert [(r.title, r.after_paragraph) for r in article.related] == expected.get(
            "related", []
        )

    def test_dates(self, name: str) -> None:
        """Read publication time, zone assumption, page date and temperature as expected."""
        expected = FIXTURES[name]
        article = parse_layout((LAYOUT / name).read_text(encoding="utf-8"))
        assert article.published == expected["published"]
        if expected["published"] is not None:
            assert article.published is not None
            assert article.published.utcoffset() == expected["published"].utcoffset()
        assert article.published_zone_assumed is expected["assumed"]
        assert article.page_date == expected.get("page_date")
        assert article.chrome.temperature_celsius == expected.get("temperature")

    def test_dateline(self, name: str) -> None:
        """Record the dateline's text, place, date and agency, spanning the paragraph start."""
        expected = FIXTURES[name].get("dateline")
        article = parse_layout((LAYOUT / name).read_text(encoding="utf-8"))
        if expected is None:
            assert article.dateline is None
            return
        dateline = article.dateline
        assert dateline is not None
        assert (dateline.text, dateline.place, dateline.date, dateline.agency) == expected
        assert dateline.span.part is Part.PARAGRAPH
        assert article.paragraphs[0][: dateline.span.end] == dateline.text

    def test_chrome(self, name: str) -> None:
        """Sort header, body and footer chrome lines into the expected kinds."""
        expected = FIXTURES[name]
        article = parse_layout((LAYOUT / name).read_text(encoding="utf-8"))
        assert [c.kind for c in article.chrome.header] == expected.get("header", [])
        body = [(c.kind, c.after_paragraph) for c in article.chrome.body]
        assert body == [(kind, at) for _, kind, at in expected.get("body", [])]
        for line, (text, _, _) in zip(article.chrome.body, expected.get("body", []), strict=True):
            assert text is None or line.text == text
        assert [c.kind for c in article.chrome.footer] == expected.get("footer", [])

    def test_diagnostics(self, name: str) -> None:
        """Say what was assumed, with the line it was assumed at."""
        article = parse_layout((LAYOUT / name).read_text(encoding="utf-8"))
        assert [(d.code, d.line) for d in article.diagnostics] == FIXTURES[name]["diagnostics"]

    def test_noisy_bytes(self, name: str, tmp_path: Path) -> None:
        """Read the capture saved with a BOM, CRLF and stray spaces exactly as the clean file."""
        clean_text = (LAYOUT / name).read_text(encoding="utf-8")
        noisy_file = tmp_path / name
        noisy_file.write_bytes(_noisy_bytes(clean_text))
        with noisy_file.open(encoding="utf-8", newline="") as stream:
            noisy_text = stream.read()
        assert "\r\n" in noisy_text
        assert noisy_text.startswith("\ufeff")
        clean, noisy = parse_layout(clean_text), parse_layout(noisy_text)
        for field in ("id", "headline", "standfirst", "paragraphs", "related", "published"):
            assert getattr(noisy, field) == getattr(clean, field)
        assert (noisy.chrome, noisy.dateline, noisy.page_date) == (
            clean.chrome,
            clean.dateline,
            clean.page_date,
        )

    def test_round_trip(self, name: str) -> None:
        """Render the parsed capture to a text that parses to the same article."""
        article = parse_layout((LAYOUT / name).read_text(encoding="utf-8"))
        again = parse_layout(render_capture(article))
        for field in ("headline", "standfirst", "paragraphs", "related", "published"):
            assert getattr(again, field) == getattr(article, field)
        assert again.chrome == article.chrome
        assert again.dateline == article.dateline
