"""Wire datelines at the start of the first paragraph."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from sahel_news.capture import parse_layout
from sahel_news.capture._dateline import find_dateline

# (paragraph start, dateline text, place, (month, day) or None, year, agency)
Case = tuple[str, str, str, tuple[int, int] | None, int | None, str | None]
DATELINES: list[Case] = [
    (
        "BAMAKO, June 5 (Reuters) - Mali's army",
        "BAMAKO, June 5 (Reuters) -",
        "BAMAKO",
        (6, 5),
        None,
        "Reuters",
    ),
    (
        "MOSCOW, September 2. /TASS/. Russia is",
        "MOSCOW, September 2. /TASS/.",
        "MOSCOW",
        (9, 2),
        None,
        "TASS",
    ),
    ("NIAMEY (AFP) — Niger's junta", "NIAMEY (AFP) —", "NIAMEY", None, None, "AFP"),
    ("NIAMEY, Niger (AP) — The junta", "NIAMEY, Niger (AP) —", "NIAMEY", None, None, "AP"),
    (
        "DAKAR, 5 June (Xinhua) -- Senegal's",
        "DAKAR, 5 June (Xinhua) --",
        "DAKAR",
        (6, 5),
        None,
        "Xinhua",
    ),
    (
        "OUAGADOUGOU, Sept. 2, 2023 (AIP) – The",
        "OUAGADOUGOU, Sept. 2, 2023 (AIP) –",
        "OUAGADOUGOU",
        (9, 2),
        2023,
        "AIP",
    ),
    ("GAO, Mali — Residents of Gao", "GAO, Mali —", "GAO", None, None, None),
    ("Bamako (APS) - Le gouvernement", "Bamako (APS) -", "Bamako", None, None, "APS"),
    (
        "N'DJAMENA, May 6 (Reuters) - Chadians",
        "N'DJAMENA, May 6 (Reuters) -",
        "N'DJAMENA",
        (5, 6),
        None,
        "Reuters",
    ),
]

NOT_DATELINES = [
    "Mali, Burkina Faso and Niger - the three juntas - left ECOWAS.",
    "Mali - a country of 22 million - is landlocked.",
    "The junta said on Monday - without giving details - that it had won.",
    "A high-ranking delegation from the Russian Defense Ministry has visited Niger.",
    "UN - The world body said it would leave.",
]


def test_tables_have_no_duplicates() -> None:
    """List every case once."""
    starts = [row[0] for row in DATELINES] + NOT_DATELINES
    assert len(starts) == len(set(starts))


class TestFindDateline:
    """find_dateline reads the place, date and agency of a dateline."""

    @pytest.mark.parametrize("case", DATELINES, ids=[row[1] for row in DATELINES])
    def test_cases(self, case: Case) -> None:
        """Read the dateline's text, place, month and day, year and agency."""
        paragraph, *expected = case
        found = find_dateline(paragraph)
        assert found is not None
        assert [found.text, found.place, found.month_day, found.year, found.agency] == expected
        assert paragraph.startswith(found.text)

    @pytest.mark.parametrize("paragraph", NOT_DATELINES)
    def test_not_datelines(self, paragraph: str) -> None:
        """Find no dateline in ordinary sentences with dashes."""
        assert find_dateline(paragraph) is None


class TestArticleDateline:
    """parse_layout records the dateline of the first paragraph, leaving the text intact."""

    def test_resolved_against_publication(self) -> None:
        """Resolve the dateline's day in the publication year, and span the paragraph start."""
        text = (
            "Mali army retakes town\n\nBAMAKO, June 5 (Reuters) - The army said so.\n\n"
            "June 05, 2024 at 07:49PM"
        )
        article = parse_layout(text)
        assert article.paragraphs[0] == "BAMAKO, June 5 (Reuters) - The army said so."
        assert article.dateline is not None
        assert article.dateline.date == date(2024, 6, 5)
        assert article.quote_text(article.dateline.span) == "BAMAKO, June 5 (Reuters) -"
        assert article.published == datetime(2024, 6, 5, 19, 49, tzinfo=UTC)

    def test_year_before(self) -> None:
        """Place a late-December dateline of a January article in the year before."""
        text = (
            "Year ends with attacks\n\nGAO, December 30 (AFP) - Two attacks.\n\n"
            "2025-01-02T08:00:00Z"
        )
        article = parse_layout(text)
        assert article.dateline is not None
        assert article.dateline.date == date(2024, 12, 30)

    def test_page_date_anchor(self) -> None:
        """Fall back to the page date's year when there is no timestamp."""
        text = "Thursday, June 20, 2024\n\nArmy retakes town\n\nGAO, June 18 (AFP) - Fighting."
        article = parse_layout(text)
        assert article.dateline is not None
        assert article.dateline.date == date(2024, 6, 18)

    def test_no_anchor(self) -> None:
        """Leave the date empty, and say why, when no year is known."""
        article = parse_layout("Army retakes town\n\nGAO, June 18 (AFP) - Fighting.")
        assert article.dateline is not None
        assert article.dateline.date is None
        assert "dateline_date_unresolved" in [d.code for d in article.diagnostics]

    def test_only_first_paragraph(self) -> None:
        """Look for a dateline in the first paragraph only."""
        text = "Army retakes town\n\nFighting went on.\n\nGAO, June 18 (AFP) - More fighting."
        assert parse_layout(text).dateline is None

    def test_dateline_paragraph_is_not_standfirst(self) -> None:
        """Keep an unpunctuated first block with a dateline as a paragraph."""
        text = "Army retakes town\n\nGAO (AFP) - Fighting went on\n\nMore fighting."
        article = parse_layout(text)
        assert article.standfirst is None
        assert article.dateline is not None
