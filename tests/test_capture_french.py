"""French captures: dates, chrome, related links, datelines and plain text, read as English.

The capture layer reads a text before its language is known, so every rule here works in
any capture. Expected values were written by reading the lines and the captures under
tests/captures/layout/fr_*.txt (invented text).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sahel_news.capture import parse_layout, render_capture
from sahel_news.capture._boilerplate import PhraseKind, boilerplate
from sahel_news.capture._lines import LineKind, classify
from sahel_news.capture._plain import one_line_paragraphs
from sahel_news.capture._timestamps import month_number, read_date_line
from sahel_news.data import user_data
from sahel_news.models import Article, ChromeKind, Part, RelatedLink
from sahel_news.strategies._capture import layout_articles

LAYOUT = Path(__file__).parent / "captures" / "layout"
CAPTURE = "Titre de l'article\n\nLe texte dit ceci.\n\n{line}"

# (line, the naive datetime it names): French timestamps name no zone unless they say one.
TIMESTAMPS: list[tuple[str, datetime]] = [
    ("5 juin 2024 à 19h49", datetime(2024, 6, 5, 19, 49)),  # noqa: DTZ001
    ("05/06/2024 19:49", datetime(2024, 6, 5, 19, 49)),  # noqa: DTZ001
    ("Publié le jeudi 20 juin 2024 à 10h15", datetime(2024, 6, 20, 10, 15)),  # noqa: DTZ001
    ("Mis à jour le 6 juin 2024 à 08h02", datetime(2024, 6, 6, 8, 2)),  # noqa: DTZ001
    ("Mis à jour le 6 juin 2024 à 8h02", datetime(2024, 6, 6, 8, 2)),  # noqa: DTZ001
    ("Dernière mise à jour : 6 juin 2024 à 08h02", datetime(2024, 6, 6, 8, 2)),  # noqa: DTZ001
    ("5 juin 2024 à 19 h 49", datetime(2024, 6, 5, 19, 49)),  # noqa: DTZ001
    ("Le 5 août 2024 à 19H49", datetime(2024, 8, 5, 19, 49)),  # noqa: DTZ001
    ("1er juin 2024 à 07h05", datetime(2024, 6, 1, 7, 5)),  # noqa: DTZ001
    ("mardi 5 mars 2024, 19:49", datetime(2024, 3, 5, 19, 49)),  # noqa: DTZ001
    ("5 févr. 2024 à 19h49", datetime(2024, 2, 5, 19, 49)),  # noqa: DTZ001
    ("5 fevrier 2024 à 19h49", datetime(2024, 2, 5, 19, 49)),  # noqa: DTZ001
]
ZONED: list[tuple[str, datetime]] = [
    ("5 juin 2024 19:49 GMT", datetime(2024, 6, 5, 19, 49, tzinfo=UTC)),
    ("Publié le 5 août 2024 à 19h49 GMT", datetime(2024, 8, 5, 19, 49, tzinfo=UTC)),
]
PAGE_DATES: list[tuple[str, date]] = [
    ("jeudi 20 juin 2024", date(2024, 6, 20)),
    ("Jeudi 20 juin 2024", date(2024, 6, 20)),
    ("20 juin 2024", date(2024, 6, 20)),
    ("1er juin 2024", date(2024, 6, 1)),
    ("samedi 1er juin 2024", date(2024, 6, 1)),
    ("20/06/2024", date(2024, 6, 20)),
    ("Publié le 5 juin 2024", date(2024, 6, 5)),
    ("14 juillet 2024", date(2024, 7, 14)),
    ("25 déc. 2023", date(2023, 12, 25)),
    ("dimanche 25 décembre 2022", date(2022, 12, 25)),
]
# Lines that are no date, each with the English line it mirrors (read the same way).
NOT_DATES: list[tuple[str, str]] = [
    ("31 février 2024", "February 31, 2024"),  # no such day
    ("juin 2024", "June 2024"),  # no day
    ("5 juin à 19h49", "June 5 at 7:49PM"),  # no year: never filled in from a clock
    ("L'attaque du 5 juin 2024 a fait 12 morts", "The 5 June 2024 attack killed 12 soldiers"),
    ("il y a 3 heures", "3 hours ago"),  # relative feed stamps are not read in English either
    ("5 juin 2024 19:49 XYZ", "5 June 2024 19:49 XYZ"),  # an unknown zone is not guessed
    ("06/25/2024", "June 25 2024 at 25:00"),  # only month first / no such hour: no date
    ("Accueil > Politique", "Home > World"),  # breadcrumbs are text in both
]
# (line, the kind it is): French chrome, one line per English counterpart.
CHROME: list[tuple[str, LineKind]] = [
    ("Lire aussi", LineKind.READ_MORE),
    ("À lire aussi", LineKind.READ_MORE),
    ("A lire aussi", LineKind.READ_MORE),
    ("LIRE AUSSI", LineKind.READ_MORE),
    ("Voir aussi :", LineKind.READ_MORE),
    ("Les plus lus", LineKind.FOOTER),
    ("Articles les plus populaires", LineKind.FOOTER),
    ("Les plus populaires", LineKind.FOOTER),
    ("Dans la même rubrique", LineKind.FOOTER),
    ("Commentaires", LineKind.FOOTER),
    ("Partager", LineKind.SHARE),
    ("Partager sur Facebook", LineKind.SHARE),
    ("Abonnez-vous", LineKind.BOILERPLATE),
    ("Publicité", LineKind.BOILERPLATE),
    ("Accueil", LineKind.HEADER),
    ("28°C", LineKind.TEMPERATURE),
    ("28 °C", LineKind.TEMPERATURE),
    ("Par Aminata Sanogo", LineKind.BYLINE),
    ("Crédit photo : des soldats à Gao", LineKind.CAPTION),
    ("Des soldats à Gao. © AFP", LineKind.CAPTION),
    ("Par ailleurs, le ministre a parlé", LineKind.TEXT),
]
INLINE_RELATED: list[tuple[str, str]] = [
    ("Lire aussi : Le Mali rappelle son ambassadeur", "Le Mali rappelle son ambassadeur"),
    ("À lire aussi - Le Niger ferme sa frontière", "Le Niger ferme sa frontière"),
    ("LIRE AUSSI : La CEDEAO se réunit à Abuja", "La CEDEAO se réunit à Abuja"),
    ("Voir aussi : Sécheresse au Sahel", "Sécheresse au Sahel"),
]
# (dateline paragraph, text, place, date, agency); the capture is published 2024-06-05.
DATELINES: list[tuple[str, str, str, date | None, str | None]] = [
    (
        "BAMAKO, 5 juin (AFP) - Le texte.",
        "BAMAKO, 5 juin (AFP) -",
        "BAMAKO",
        date(2024, 6, 5),
        "AFP",
    ),
    ("NIAMEY (Reuters) - Le texte.", "NIAMEY (Reuters) -", "NIAMEY", None, "Reuters"),
    (
        "Niamey, 14 mars 2024 (ANP) – Le texte.",
        "Niamey, 14 mars 2024 (ANP) –",
        "Niamey",
        date(2024, 3, 14),
        "ANP",
    ),
    (
        "OUAGADOUGOU, 1er juin (AIB) - Le texte.",
        "OUAGADOUGOU, 1er juin (AIB) -",
        "OUAGADOUGOU",
        date(2024, 6, 1),
        "AIB",
    ),
    (
        "DAKAR, 30 décembre (APS) - Le texte.",
        "DAKAR, 30 décembre (APS) -",
        "DAKAR",
        date(2023, 12, 30),
        "APS",
    ),
]


def _published(line: str) -> Article:
    return parse_layout(CAPTURE.format(line=line))


def test_tables_have_no_duplicates() -> None:
    """List every case once."""
    lines = [t[0] for t in TIMESTAMPS + ZONED] + [p[0] for p in PAGE_DATES]
    lines += [n[0] for n in NOT_DATES] + [c[0] for c in CHROME]
    assert len(lines) == len(set(lines))


class TestDates:
    """French date and timestamp lines read as the English ones do."""

    @pytest.mark.parametrize(("line", "expected"), TIMESTAMPS)
    def test_timestamps(self, line: str, expected: datetime) -> None:
        """Read a French timestamp's date and time; its zone is assumed (UTC by default)."""
        reading = read_date_line(line)
        assert reading is not None
        assert (reading.has_time, reading.has_zone) == (True, False)
        assert reading.value == expected
        article = _published(line)
        assert article.published == expected.replace(tzinfo=UTC)
        assert article.published_zone_assumed
        assert [c.kind for c in article.chrome.footer] == [ChromeKind.TIMESTAMP]

    @pytest.mark.parametrize(("line", "expected"), ZONED)
    def test_zoned_timestamps(self, line: str, expected: datetime) -> None:
        """Keep a zone the French timestamp names."""
        article = _published(line)
        assert article.published == expected
        assert not article.published_zone_assumed

    @pytest.mark.parametrize(("line", "expected"), PAGE_DATES)
    def test_page_dates(self, line: str, expected: date) -> None:
        """Read a French date without a time as the page date in the header, never as the
        publication time."""
        reading = read_date_line(line)
        assert reading is not None
        assert not reading.has_time
        assert reading.day == expected
        article = parse_layout(f"{line}\n\nTitre de l'article\n\nLe texte dit ceci.")
        assert article.page_date == expected
        assert article.published is None

    @pytest.mark.parametrize(("line", "english"), NOT_DATES)
    def test_not_dates(self, line: str, english: str) -> None:
        """Refuse what is no whole date, as the English line it mirrors is refused."""
        assert read_date_line(english) is None
        assert read_date_line(line) is None
        assert classify(line).kind is classify(english).kind is LineKind.TEXT

    def test_weekday_mismatch(self) -> None:
        """Flag a French weekday that is not the date's, keeping the date, as in English."""
        french = parse_layout("vendredi 20 juin 2024\n\nTitre\n\nLe texte dit ceci.")
        english = parse_layout("Friday, June 20, 2024\n\nTitle\n\nThe text says so.")
        assert french.page_date == english.page_date == date(2024, 6, 20)
        codes = [(d.code, d.line) for d in french.diagnostics]
        assert codes == [(d.code, d.line) for d in english.diagnostics]
        assert ("page_date_weekday_mismatch", 1) in codes

    def test_update_is_chrome_as_in_english(self) -> None:
        """Take the first timestamp ('Publié le') as the publication time and keep the update
        ('Mis à jour le') as timestamp chrome with several_timestamps, as English does with
        'Published' and 'Updated'."""
        template = "Titre\n\n{0}\n\n{1}\n\nLe texte dit ceci."
        french = parse_layout(
            template.format("Publié le 5 juin 2024 à 19h49", "Mis à jour le 6 juin 2024 à 08h02")
        )
        english = parse_layout(
            template.format("Published June 5, 2024 7:49 PM", "Updated June 6, 2024 8:02 AM")
        )
        assert french.published == english.published == datetime(2024, 6, 5, 19, 49, tzinfo=UTC)
        assert [c.kind for c in french.chrome.body] == [c.kind for c in english.chrome.body]
        assert [c.kind for c in french.chrome.body] == [ChromeKind.TIMESTAMP] * 2
        assert [(d.code, d.line) for d in french.diagnostics] == [
            (d.code, d.line) for d in english.diagnostics
        ]
        assert ("several_timestamps", 5) in [(d.code, d.line) for d in french.diagnostics]

    @pytest.mark.parametrize(
        ("stamp", "standfirst"),
        [
            (
                "Publié le : 05/06/2024 - 19:49",
                "Les trois pays reprochent à l'organisation son silence",
            ),
            ("Published June 5, 2024 7:49 PM", "The three states blame the bloc for its silence"),
        ],
    )
    def test_timestamp_under_the_standfirst(self, stamp: str, standfirst: str) -> None:
        """Keep a timestamp below the standfirst as body chrome, the body going on below it
        (a timestamp starts the footer only after a block that ends a sentence)."""
        article = parse_layout(
            f"Titre\n\n{standfirst}\n\n{stamp}\n\nPremier paragraphe.\n\nSecond paragraphe."
            "\n\nLes plus lus"
        )
        assert article.standfirst == standfirst
        assert article.paragraphs == ("Premier paragraphe.", "Second paragraphe.")
        assert [(c.text, c.kind, c.after_paragraph) for c in article.chrome.body] == [
            (stamp, ChromeKind.TIMESTAMP, 0)
        ]
        assert article.published == datetime(2024, 6, 5, 19, 49, tzinfo=UTC)
        again = parse_layout(render_capture(article))
        assert (again.standfirst, again.paragraphs, again.chrome) == (
            article.standfirst,
            article.paragraphs,
            article.chrome,
        )

    @pytest.mark.parametrize(
        ("french", "english"),
        [
            ("BAMAKO, 31 février 2024 (AFP) -", "BAMAKO, February 31, 2024 (AFP) -"),
            ("BAMAKO, 30 février (AFP) -", "BAMAKO, February 30 (AFP) -"),
        ],
    )
    def test_bad_dateline_dates(self, french: str, english: str) -> None:
        """Give a dateline naming no real date the diagnostic an English one gets."""
        capture = "Titre\n\n{0} Le texte dit ceci.\n\n2024-06-05T19:49:00Z"
        fr, en = parse_layout(capture.format(french)), parse_layout(capture.format(english))
        assert fr.dateline is not None
        assert en.dateline is not None
        assert fr.dateline.date is en.dateline.date is None
        assert [d.code for d in fr.diagnostics] == [d.code for d in en.diagnostics]
        assert "dateline_date_unresolved" in [d.code for d in fr.diagnostics]

    def test_bad_date_in_the_body_is_text(self) -> None:
        """Read '31 février 2024' below the headline as text, as 'February 31, 2024' is."""
        fr = parse_layout("Titre\n\nLe texte dit ceci.\n\n31 février 2024")
        en = parse_layout("Title\n\nThe text says so.\n\nFebruary 31, 2024")
        assert fr.paragraphs[-1] == "31 février 2024"
        assert en.paragraphs[-1] == "February 31, 2024"
        assert [d.code for d in fr.diagnostics] == [d.code for d in en.diagnostics]

    @pytest.mark.parametrize(
        ("word", "month"),
        [("juin", 6), ("Juin", 6), ("août", 8), ("aout", 8), ("févr.", 2), ("déc", 12)],
    )
    def test_month_names(self, word: str, month: int) -> None:
        """Know French month names and their abbreviations, with or without accents."""
        assert month_number(word) == month

    def test_names_come_from_the_french_table(self, tmp_path: Path) -> None:
        """Read French month names from the French time_words table, user tables included."""
        (tmp_path / "fr").mkdir()
        (tmp_path / "fr" / "time_words.json").write_text(
            '{"entries": [{"kind": "month", "word": "jnv", "value": 1, "abbreviation": true}]}',
            encoding="utf-8",
        )
        assert read_date_line("5 jnv 2024") is None
        with user_data(tmp_path):
            reading = read_date_line("5 jnv 2024")
            assert reading is not None
            assert reading.day == date(2024, 1, 5)
        assert read_date_line("5 jnv 2024") is None

    def test_english_is_unchanged(self) -> None:
        """Read 'mar' as March, the English abbreviation, not as French 'mardi'."""
        reading = read_date_line("5 Mar 2024")
        assert reading is not None
        assert reading.day == date(2024, 3, 5)


class TestChrome:
    """French site furniture is chrome of the same kinds as its English counterparts."""

    @pytest.mark.parametrize(("line", "kind"), CHROME)
    def test_kinds(self, line: str, kind: LineKind) -> None:
        """Classify each French chrome line."""
        assert classify(line).kind is kind

    @pytest.mark.parametrize(("line", "title"), INLINE_RELATED)
    def test_inline_related(self, line: str, title: str) -> None:
        """Read 'Lire aussi : <titre>' as a related link kept at its place in the body."""
        article = parse_layout(f"Titre\n\nPremier paragraphe.\n\n{line}\n\nSecond paragraphe.")
        assert article.related == (RelatedLink(title, 1),)
        assert article.paragraphs == ("Premier paragraphe.", "Second paragraphe.")

    def test_related_marker_then_title(self) -> None:
        """Take the line after 'À lire aussi' as the title, as after 'Read more'."""
        article = parse_layout(
            "Titre\n\nPremier paragraphe.\n\nÀ lire aussi\n\nLe Niger ferme sa frontière\n\n"
            "Second paragraphe."
        )
        assert article.related == (RelatedLink("Le Niger ferme sa frontière", 1),)

    def test_no_break_space_before_colon(self) -> None:
        """Read French typography (a no-break space before ':') as a plain space."""
        article = parse_layout("Titre\n\nUn.\n\nLire aussi\u00a0: Le titre lié\n\nDeux.")
        assert article.related == (RelatedLink("Le titre lié", 1),)

    def test_footer_phrases_start_the_footer(self) -> None:
        """Start the footer at 'Les plus lus', keeping the titles after it as footer text."""
        article = parse_layout(
            "Titre\n\nLe texte dit ceci.\n\nLes plus lus\n\nLa junte prolonge la transition"
        )
        assert article.paragraphs == ("Le texte dit ceci.",)
        assert [c.kind for c in article.chrome.footer] == [ChromeKind.FOOTER, ChromeKind.OTHER]
        assert [d.code for d in article.diagnostics] == ["footer_text", "no_timestamp"]

    def test_every_kind_has_french_phrases(self) -> None:
        """Hold French phrases for each whole-line kind and the date labels."""
        table = boilerplate()
        french = {"lire aussi", "partager", "les plus lus", "abonnez-vous", "accueil"}
        assert {table.whole_lines[p] for p in french} == {
            PhraseKind.READ_MORE,
            PhraseKind.SHARE,
            PhraseKind.FOOTER,
            PhraseKind.BOILERPLATE,
            PhraseKind.HEADER,
        }
        assert {"publié le", "mis à jour le", "updated"} <= set(table.date_labels)


class TestDatelines:
    """French datelines give place, date and agency as English ones do."""

    @pytest.mark.parametrize(("paragraph", "text", "place", "when", "agency"), DATELINES)
    def test_datelines(
        self, paragraph: str, text: str, place: str, when: date | None, agency: str | None
    ) -> None:
        """Record the dateline, its date resolved against the publication date."""
        article = parse_layout(f"Titre\n\n{paragraph}\n\n2024-06-05T19:49:00Z")
        dateline = article.dateline
        assert dateline is not None
        assert (dateline.text, dateline.place, dateline.date, dateline.agency) == (
            text,
            place,
            when,
            agency,
        )
        assert dateline.span.part is Part.PARAGRAPH
        assert article.quote_text(dateline.span) == text


class TestPlainText:
    """French texts without a headline line are read as English ones are."""

    def test_one_line_article(self) -> None:
        """Cut a one-line French article into sentences, not after M., Mme, Dr or S.E.M."""
        line = (
            "BAMAKO, 5 juin (AFP) - Le président de la transition a reçu M. Traoré et "
            "Mme Diallo mercredi. S.E.M. Assimi Goïta a salué le Dr Keita. "
            "Mgr. Zerbo était présent."
        )
        assert one_line_paragraphs(line) == [
            (
                "BAMAKO, 5 juin (AFP) - Le président de la transition a reçu M. Traoré et "
                "Mme Diallo mercredi."
            ),
            "S.E.M. Assimi Goïta a salué le Dr Keita.",
            "Mgr. Zerbo était présent.",
        ]
        article = parse_layout(line)
        assert article.headline == (
            "Le président de la transition a reçu M. Traoré et Mme Diallo mercredi."
        )
        assert article.dateline is not None
        assert article.dateline.agency == "AFP"
        assert len(article.paragraphs) == 3
        assert " ".join(article.paragraphs) == line

    def test_lines_as_paragraphs(self) -> None:
        """Read a French text with no blank line one paragraph per line."""
        article = parse_layout(
            "Le Tchad rouvre sa frontière avec le Soudan\n"
            "Le Tchad a rouvert vendredi son principal poste frontalier après un mois de\n"
            "fermeture, a indiqué le gouverneur.\n"
            "Les humanitaires ont salué la décision."
        )
        assert article.headline == "Le Tchad rouvre sa frontière avec le Soudan"
        assert article.paragraphs == (
            (
                "Le Tchad a rouvert vendredi son principal poste frontalier après un mois de "
                "fermeture, a indiqué le gouverneur."
            ),
            "Les humanitaires ont salué la décision.",
        )


# The fr_* captures of tests/captures/layout: their expectations are golden entries of
# test_capture_golden.py; here what French typography and rendering add.
FRENCH_CAPTURES = sorted(p.name for p in LAYOUT.glob("fr_*.txt"))


@pytest.mark.parametrize("name", FRENCH_CAPTURES)
class TestFrenchCaptures:
    """Each invented French capture renders to a fixed point and reads through its noise."""

    def test_round_trip(self, name: str) -> None:
        """Render the parsed capture to a text that reads back the same and renders the same."""
        article = parse_layout((LAYOUT / name).read_text(encoding="utf-8"))
        text = render_capture(article)
        again = parse_layout(text)
        for field in ("headline", "standfirst", "paragraphs", "related", "published"):
            assert getattr(again, field) == getattr(article, field)
        assert (again.chrome, again.dateline, again.page_date) == (
            article.chrome,
            article.dateline,
            article.page_date,
        )
        assert render_capture(again) == text

    def test_noisy(self, name: str) -> None:
        """Read the capture with CRLF, a BOM and no-break spaces as the clean one."""
        clean_text = (LAYOUT / name).read_text(encoding="utf-8")
        noisy_text = "\ufeff" + clean_text.replace(" : ", "\u00a0: ").replace("\n", " \r\n")
        clean, noisy = parse_layout(clean_text), parse_layout(noisy_text)
        for field in ("id", "headline", "paragraphs", "related", "published", "dateline"):
            assert getattr(noisy, field) == getattr(clean, field)


# A French capture in the seed's canonical layout: it renders back byte for byte.
CANONICAL = (
    "28.5 C\n"
    "jeudi 20 juin 2024\n"
    "\n"
    "Le Niger et le Tchad renforcent leur coopération sécuritaire\n"
    "\n"
    "Les deux pays ont signé un accord à Niamey\n"
    "\n"
    "NIAMEY, 19 juin (ANP) - Les ministres de la Défense du Niger et du Tchad ont signé "
    "mercredi un accord de coopération militaire.\n"
    "\n"
    "Partager\n"
    "\n"
    "« Nos armées patrouilleront ensemble », a déclaré un porte-parole.\n"
    "\n"
    "Publié le 19 juin 2024 à 18h30\n"
    "\n"
    "Les plus lus"
)


def test_canonical_french_capture_renders_byte_for_byte() -> None:
    """Render a French capture in the canonical layout back to exactly its text."""
    article = parse_layout(CANONICAL)
    assert article.page_date == date(2024, 6, 20)
    assert article.published == datetime(2024, 6, 19, 18, 30, tzinfo=UTC)
    assert article.dateline is not None
    assert article.dateline.date == date(2024, 6, 19)
    assert article.standfirst == "Les deux pays ont signé un accord à Niamey"
    assert render_capture(article) == CANONICAL


_MARKERS = st.sampled_from(
    ["Lire aussi", "À lire aussi", "A lire aussi", "LIRE AUSSI", "Voir aussi"]
)


class TestRoundTripProperty:
    """The render -> parse round trip over drawn articles, French chrome included."""

    # the render properties of test_capture_render.py draw French chrome too; this one adds
    # the markers, which a few dozen articles cover
    @settings(max_examples=50)
    @given(layout_articles(), _MARKERS, st.booleans())
    def test_french_related_markers(self, article: Article, marker: str, inline: bool) -> None:
        """Read a rendering whose 'Read more' markers are French (on their own line, or
        before the title as 'Lire aussi : <titre>') to the same layout as the rendering."""
        text = render_capture(article)
        french = text.replace(
            "\n\nRead more\n\n", f"\n\n{marker} : " if inline else f"\n\n{marker}\n\n"
        )
        again, expected = parse_layout(french), parse_layout(text)
        assert again.related == expected.related == article.related
        assert (again.paragraphs, again.chrome) == (expected.paragraphs, expected.chrome)


class TestRenderInFrench:
    def test_an_article_read_in_french_writes_lire_aussi_and_reads_back(self):
        """A French article's related links are written under "Lire aussi" and read back."""
        from sahel_news import parse_article, render_capture

        text = (
            "Le Mali et le Niger renforcent leur coopération\n\n"
            "Les deux pays ont signé un accord de défense lundi à Niamey, selon un communiqué.\n\n"
            "Lire aussi\n\n"
            "Les ministres de l'AES se réunissent à Bamako\n\n"
            "Les délégations se retrouveront en juillet pour un nouveau sommet des chefs d'État."
        )
        article = parse_article(text, extract=False)
        assert article.language == "fr"
        written = render_capture(article)
        assert "\n\nLire aussi\n\n" in written
        assert "Read more" not in written
        again = parse_article(written, extract=False)
        assert again.related == article.related
        assert again.paragraphs == article.paragraphs
