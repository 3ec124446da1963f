"""Tests for French time expressions: the French rules, resolved by the English readers."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sahel_news.data import using_language
from sahel_news.extract.time import TimeExpression, find_times, resolve_time
from sahel_news.extract.time._patterns import patterns
from sahel_news.extract.time._relative import read_match
from sahel_news.extract.time._scan import Words, plan, scan
from sahel_news.extract.time._vocab import vocabulary
from sahel_news.models import DateRange, Precision
from sahel_news.text import fold

P = Precision
WED = "2024-06-05"  # the publication date of most rows: a Wednesday
MONDAY = DateRange(date(2024, 6, 3), date(2024, 6, 3), P.DAY, "lundi", date(2024, 6, 5))
MARCH = DateRange(date(2024, 3, 1), date(2024, 3, 31), P.MONTH, "en mars", date(2024, 6, 5))


@contextmanager
def french() -> Iterator[None]:
    with using_language("fr"):
        yield


# (expression, anchor, future, earliest, latest, precision): worked out by hand on a
# calendar against the anchor (5 June 2024 is a Wednesday: Monday 3, Tuesday 4, Saturday 1,
# Sunday 2 June; Thursday 30 May), with the English rules of docs/time.md.
CASES = [
    # weekdays: past tense this week's (or the same day), future the next one
    ("lundi", WED, False, "2024-06-03", "2024-06-03", P.DAY),
    ("lundi", WED, True, "2024-06-10", "2024-06-10", P.DAY),
    ("mercredi", WED, False, "2024-06-05", "2024-06-05", P.DAY),
    ("lundi dernier", WED, True, "2024-06-03", "2024-06-03", P.DAY),
    ("lundi dernier", "2024-06-03", False, "2024-05-27", "2024-05-27", P.DAY),
    ("lundi prochain", WED, False, "2024-06-10", "2024-06-10", P.DAY),
    ("ce lundi", WED, False, "2024-06-03", "2024-06-03", P.DAY),
    ("jeudi soir", WED, False, "2024-05-30", "2024-05-30", P.DAY),
    ("le lundi", WED, False, "2024-06-03", "2024-06-03", P.DAY),
    ("dans la nuit de samedi à dimanche", WED, False, "2024-06-01", "2024-06-02", P.DAYS),
    ("du lundi au mercredi", WED, False, "2024-06-03", "2024-06-05", P.DAYS),
    # days named from the publication date
    ("hier", WED, False, "2024-06-04", "2024-06-04", P.DAY),
    ("hier lundi", "2024-06-04", False, "2024-06-03", "2024-06-03", P.DAY),
    # 3 March 2025 is a Monday, the day before 4 March 2025
    ("hier lundi 3 mars", "2025-03-04", False, "2025-03-03", "2025-03-03", P.DAY),
    ("avant-hier", WED, False, "2024-06-03", "2024-06-03", P.DAY),
    ("aujourd'hui", WED, False, "2024-06-05", "2024-06-05", P.DAY),
    ("aujourd’hui", WED, False, "2024-06-05", "2024-06-05", P.DAY),
    ("demain", WED, False, "2024-06-06", "2024-06-06", P.DAY),
    ("après-demain", WED, False, "2024-06-07", "2024-06-07", P.DAY),
    ("ce matin", WED, False, "2024-06-05", "2024-06-05", P.DAY),
    ("hier soir", WED, False, "2024-06-04", "2024-06-04", P.DAY),
    # a day of the month alone: this month's, or the last one's (the next one's, planned)
    ("le 13", WED, False, "2024-05-13", "2024-05-13", P.DAY),
    ("le 3", WED, False, "2024-06-03", "2024-06-03", P.DAY),
    ("le 13", WED, True, "2024-06-13", "2024-06-13", P.DAY),
    ("d'ici le 2", WED, False, "2024-07-02", "2024-07-02", P.DAY),
    # dates
    ("le 13 juin", WED, False, "2023-06-13", "2023-06-13", P.DAY),
    ("le 13 juin", WED, True, "2024-06-13", "2024-06-13", P.DAY),
    ("le 1er juin", WED, False, "2024-06-01", "2024-06-01", P.DAY),
    ("le 13 mai dernier", WED, False, "2024-05-13", "2024-05-13", P.DAY),
    ("le 20 juin prochain", WED, False, "2024-06-20", "2024-06-20", P.DAY),
    ("jeudi 20 juin 2024", None, False, "2024-06-20", "2024-06-20", P.DAY),
    ("20 juin 2024", None, False, "2024-06-20", "2024-06-20", P.DAY),
    ("le 26 juillet 2023", None, False, "2023-07-26", "2023-07-26", P.DAY),
    ("en février", WED, False, "2024-02-01", "2024-02-29", P.MONTH),
    ("en fevrier", WED, False, "2024-02-01", "2024-02-29", P.MONTH),
    ("2023-07-26", None, False, "2023-07-26", "2023-07-26", P.DAY),
    # months without a year
    ("en juin", WED, False, "2024-06-01", "2024-06-05", P.MONTH),
    ("en juillet", WED, False, "2023-07-01", "2023-07-31", P.MONTH),
    ("en juillet", WED, True, "2024-07-01", "2024-07-31", P.MONTH),
    ("en juin dernier", WED, False, "2023-06-01", "2023-06-30", P.MONTH),
    ("en juillet dernier", "2024-08-10", False, "2024-07-01", "2024-07-31", P.MONTH),
    ("en juillet prochain", WED, False, "2024-07-01", "2024-07-31", P.MONTH),
    ("au mois de mars", WED, False, "2024-03-01", "2024-03-31", P.MONTH),
    ("courant juillet", WED, False, "2023-07-01", "2023-07-31", P.MONTH),
    ("courant juillet", WED, True, "2024-07-01", "2024-07-31", P.MONTH),
    ("en août 2023", None, False, "2023-08-01", "2023-08-31", P.MONTH),
    # calendar units
    ("le mois dernier", WED, False, "2024-05-01", "2024-05-31", P.MONTH),
    ("le mois prochain", WED, False, "2024-07-01", "2024-07-31", P.MONTH),
    ("ce mois-ci", WED, False, "2024-06-01", "2024-06-05", P.MONTH),
    ("la semaine dernière", WED, False, "2024-05-27", "2024-06-02", P.WEEK),
    ("la semaine passée", WED, False, "2024-05-27", "2024-06-02", P.WEEK),
    ("la semaine prochaine", WED, False, "2024-06-10", "2024-06-16", P.WEEK),
    ("cette semaine", WED, False, "2024-06-03", "2024-06-05", P.WEEK),
    ("l'an dernier", WED, False, "2023-01-01", "2023-12-31", P.YEAR),
    ("l'année dernière", WED, False, "2023-01-01", "2023-12-31", P.YEAR),
    ("l’an passé", WED, False, "2023-01-01", "2023-12-31", P.YEAR),
    ("l'an prochain", WED, False, "2025-01-01", "2025-12-31", P.YEAR),
    ("cette année", WED, False, "2024-01-01", "2024-06-05", P.YEAR),
    ("ce week-end", WED, False, "2024-06-01", "2024-06-02", P.DAYS),
    ("ce week-end", WED, True, "2024-06-08", "2024-06-09", P.DAYS),
    # years, parts, quarters, decades
    ("en 2023", None, False, "2023-01-01", "2023-12-31", P.YEAR),
    ("depuis 2012", WED, False, "2012-01-01", "2024-06-05", P.YEARS),
    ("fin 2023", None, False, "2023-09-01", "2023-12-31", P.QUARTER),
    ("début 2024", None, False, "2024-01-01", "2024-04-30", P.QUARTER),
    ("mi-2024", None, False, "2024-05-01", "2024-08-31", P.QUARTER),
    ("au premier trimestre 2024", None, False, "2024-01-01", "2024-03-31", P.QUARTER),
    ("au second semestre 2023", None, False, "2023-07-01", "2023-12-31", P.YEAR),
    ("T3 2023", None, False, "2023-07-01", "2023-09-30", P.QUARTER),
    ("les années 1990", None, False, "1990-01-01", "1999-12-31", P.YEARS),
    ("de 2020 à 2022", None, False, "2020-01-01", "2022-12-31", P.YEARS),
    # parts of months: début 1-10, mi 11-20, fin 21-end
    ("mi-mai", WED, False, "2024-05-11", "2024-05-20", P.PART_OF_MONTH),
    ("à la mi-mai", WED, False, "2024-05-11", "2024-05-20", P.PART_OF_MONTH),
    ("début juin", WED, False, "2024-06-01", "2024-06-05", P.PART_OF_MONTH),
    ("fin juin", WED, False, "2023-06-21", "2023-06-30", P.PART_OF_MONTH),
    ("fin juin", WED, True, "2024-06-21", "2024-06-30", P.PART_OF_MONTH),
    ("fin mai 2024", None, False, "2024-05-21", "2024-05-31", P.PART_OF_MONTH),
    ("d'ici à la mi-septembre", WED, False, "2024-09-11", "2024-09-20", P.PART_OF_MONTH),
    ("d'ici fin juin", WED, False, "2024-06-21", "2024-06-30", P.PART_OF_MONTH),
    ("en fin de mois", WED, False, "2024-05-21", "2024-05-31", P.PART_OF_MONTH),
    ("en fin de mois", WED, True, "2024-06-21", "2024-06-30", P.PART_OF_MONTH),
    ("à la fin du mois", WED, False, "2024-05-21", "2024-05-31", P.PART_OF_MONTH),
    ("en fin d'année", WED, False, "2023-09-01", "2023-12-31", P.QUARTER),
    ("d'ici la fin de l'année", WED, False, "2024-09-01", "2024-12-31", P.QUARTER),
    # ranges and open ranges
    ("depuis juillet 2023", WED, False, "2023-07-01", "2024-06-05", P.YEAR),
    ("du 3 au 5 juin", WED, False, "2024-06-03", "2024-06-05", P.DAYS),
    ("du 3 au 5 juin 2025", None, False, "2025-06-03", "2025-06-05", P.DAYS),
    ("entre le 2 et le 4 juin", WED, False, "2024-06-02", "2024-06-04", P.DAYS),
    ("entre mars et mai", WED, False, "2024-03-01", "2024-05-31", P.QUARTER),
    ("de mars à mai 2024", None, False, "2024-03-01", "2024-05-31", P.QUARTER),
    # counts from the publication date
    ("il y a deux semaines", WED, False, "2024-05-20", "2024-05-26", P.WEEK),
    ("il y a trois jours", WED, False, "2024-06-02", "2024-06-02", P.DAY),
    ("il y a un mois", WED, False, "2024-05-01", "2024-05-31", P.MONTH),
    ("il y a dix ans", WED, False, "2014-01-01", "2014-12-31", P.YEAR),
    ("il y a sept ans", WED, False, "2017-01-01", "2017-12-31", P.YEAR),
    ("le 3 sept 2024", None, False, "2024-09-03", "2024-09-03", P.DAY),
    ("il y a quelques jours", WED, False, "2024-05-31", "2024-06-03", P.DAYS),
    ("dans deux semaines", WED, False, "2024-06-17", "2024-06-23", P.WEEK),
    ("d'ici deux semaines", WED, False, "2024-06-05", "2024-06-19", P.MONTH),
    ("depuis trois ans", WED, False, "2021-06-06", "2024-06-05", P.YEARS),
    ("les trois derniers jours", WED, False, "2024-06-03", "2024-06-05", P.DAYS),
    # seasons
    ("pendant la saison des pluies", WED, False, "2024-06-01", "2024-06-05", P.SEASON),
    ("pendant la saison des pluies", WED, True, "2024-06-05", "2024-09-30", P.SEASON),
    ("pendant l'hivernage", WED, True, "2024-06-05", "2024-09-30", P.SEASON),
    ("l'été dernier", WED, False, "2023-06-01", "2023-08-31", P.SEASON),
    # more French turns: a preposition with an article, a relational word after the noun
    ("au printemps", WED, False, "2024-03-01", "2024-05-31", P.SEASON),
    ("vers la mi-août", WED, False, "2023-08-11", "2023-08-20", P.PART_OF_MONTH),
    ("au cours du week-end", WED, False, "2024-06-01", "2024-06-02", P.DAYS),
    ("le week-end dernier", WED, False, "2024-06-01", "2024-06-02", P.DAYS),
    ("mardi matin", WED, False, "2024-06-04", "2024-06-04", P.DAY),
    ("samedi dernier", WED, False, "2024-06-01", "2024-06-01", P.DAY),
    ("depuis le début de l'année", WED, False, "2024-01-01", "2024-06-05", P.QUARTER),
    ("dans les prochains jours", WED, False, "2024-06-05", "2024-06-11", P.DAYS),
    ("l'année en cours", WED, False, "2024-01-01", "2024-06-05", P.YEAR),
    ("plus tôt ce mois-ci", WED, False, "2024-06-01", "2024-06-05", P.MONTH),
    ("d'ici 2030", None, False, "2030-01-01", "2030-12-31", P.YEAR),
    # vague phrases
    ("ces derniers jours", WED, False, "2024-05-29", "2024-06-05", P.DAYS),
    ("ces derniers mois", WED, False, "2024-03-01", "2024-06-05", P.QUARTER),
    ("récemment", WED, False, "2024-03-01", "2024-06-05", P.QUARTER),
    ("depuis des années", WED, False, "2021-01-01", "2024-06-05", P.YEARS),
]

# (expression, reference, earliest, latest, precision): moved from the time before it.
PREVIOUS_CASES = [
    ("la veille", MONDAY, "2024-06-02", "2024-06-02", P.DAY),
    ("le lendemain", MONDAY, "2024-06-04", "2024-06-04", P.DAY),
    ("le lendemain matin", MONDAY, "2024-06-04", "2024-06-04", P.DAY),
    ("le jour même", MONDAY, "2024-06-03", "2024-06-03", P.DAY),
    ("deux jours plus tard", MONDAY, "2024-06-05", "2024-06-05", P.DAY),
    ("trois jours après", MONDAY, "2024-06-06", "2024-06-06", P.DAY),
    ("une semaine plus tôt", MONDAY, "2024-05-27", "2024-05-27", P.DAY),
    ("deux jours auparavant", MONDAY, "2024-06-01", "2024-06-01", P.DAY),
    ("un mois plus tard", MARCH, "2024-04-01", "2024-04-30", P.MONTH),
]

# The same expressions in English (rows of tests/test_extract_time.py or docs/time.md):
# the one set of readers must give each pair the same days.
SAME_AS_ENGLISH = [
    ("lundi", "on Monday"),
    ("lundi dernier", "last Monday"),
    ("lundi prochain", "next Monday"),
    ("hier", "yesterday"),
    ("aujourd'hui", "today"),
    ("demain", "tomorrow"),
    ("ce matin", "this morning"),
    ("hier soir", "last night"),
    ("le 13", "on the 13th"),
    ("le 12 mars", "on 12 March"),
    ("en mars", "in March"),
    ("en juillet dernier", "last July"),
    ("en mars prochain", "next March"),
    ("le mois dernier", "last month"),
    ("le mois prochain", "next month"),
    ("la semaine dernière", "last week"),
    ("la semaine prochaine", "next week"),
    ("cette semaine", "this week"),
    ("l'an dernier", "last year"),
    ("cette année", "this year"),
    ("l'an prochain", "next year"),
    ("d'ici à la mi-septembre", "by mid-September"),
    ("à la mi-septembre", "in mid-September"),
    ("fin mai", "late May"),
    ("en fin de mois", "at the end of the month"),
    ("début 2024", "early 2024"),
    ("il y a deux semaines", "two weeks ago"),
    ("il y a trois jours", "three days ago"),
    ("dans deux semaines", "in two weeks"),
    ("depuis 2012", "since 2012"),
    ("en 2023", "in 2023"),
    ("T3 2023", "Q3 2023"),
    ("entre 2020 et 2022", "between 2020 and 2022"),
    ("pendant la saison des pluies", "during the rainy season"),
    ("récemment", "recently"),
]

# English sentences: read in French they may give fewer times, never other ones.
ENGLISH_SENTENCES = [
    "On Monday, Niger announced that its leader had met the delegation the day before.",
    "US troops are set to leave by mid-September.",
    "The junta said in a statement on 26 July 2023 that elections would follow in 2024.",
    "Two weeks ago, the army said it had killed dozens of militants near Menaka.",
    "Talks will resume next month in Lomé, an official said on Tuesday.",
    "In March, a convoy was ambushed between Gao and Ansongo; 2023-07-26 was the coup.",
    "Since 2012, more than 2,000 soldiers have been deployed, the minister said last year.",
    "The mission ran in 2019-20 and again from March to May 2024.",
]
# French sentences: read in English they give no time at all.
FRENCH_SENTENCES = [
    "Le sommet se tiendra le 13 juin à Bamako.",
    "Lundi, le Niger a annoncé que son président avait reçu la délégation la veille.",
    "BAMAKO, 5 juin (AFP) - Le gouvernement a annoncé hier lundi 3 juin la dissolution des partis.",
    "Il y a deux semaines, la MINUSMA a quitté la base de Tessalit.",
    "Les militaires ont pris le pouvoir le 26 juillet 2023 à Niamey.",
    "Les troupes françaises devront quitter le pays d'ici à la mi-septembre.",
    "Le scrutin aura lieu entre mars et mai, au premier trimestre 2025 au plus tôt.",
    "Des hommes armés ont attaqué le village dans la nuit de samedi à dimanche.",
    "Ces dernières semaines, les attaques se sont multipliées pendant la saison des pluies.",
]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _only(sentence: str, anchor: date | None = date(2024, 6, 5)) -> TimeExpression:
    found = find_times(sentence, anchor=anchor)
    assert len(found) == 1, found
    return found[0]


class TestResolveTime:
    """resolve_time in French: one expression, the days checked by hand."""

    def test_case_table_has_no_duplicates(self):
        """Holds each (expression, anchor, tense) once."""
        keys = [case[:3] for case in CASES]
        assert len(keys) == len(set(keys))

    @pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case[0]}@{case[1]}/{case[2]}")
    def test_resolves(self, case):
        """Resolves each French expression to the days and precision worked out by hand."""
        text, anchor, future, earliest, latest, precision = case
        with french():
            found = resolve_time(text, anchor=_day(anchor), future=future)
        assert (found.earliest, found.latest, found.precision) == (
            date.fromisoformat(earliest),
            date.fromisoformat(latest),
            precision,
        )
        assert found.expression == text

    @pytest.mark.parametrize(
        ("text", "previous", "earliest", "latest", "precision"), PREVIOUS_CASES
    )
    def test_resolves_against_previous(self, text, previous, earliest, latest, precision):
        """Moves the time before it, as "the day before" and "two days later" do."""
        with french():
            found = resolve_time(text, anchor=date(2024, 6, 5), previous=previous)
        assert (found.earliest, found.latest, found.precision) == (
            date.fromisoformat(earliest),
            date.fromisoformat(latest),
            precision,
        )

    @pytest.mark.parametrize(("french_text", "english_text"), SAME_AS_ENGLISH)
    @pytest.mark.parametrize("future", [False, True])
    @pytest.mark.parametrize("anchor", [date(2024, 6, 5), date(2024, 1, 31), date(2023, 12, 31)])
    def test_same_days_as_english(self, french_text, english_text, future, anchor):
        """Resolves each French expression exactly as its English twin, whatever the tense."""
        english = resolve_time(english_text, anchor=anchor, future=future)
        with french():
            found = resolve_time(french_text, anchor=anchor, future=future)
        assert (found.earliest, found.latest, found.precision) == (
            english.earliest,
            english.latest,
            english.precision,
        )

    @pytest.mark.parametrize("text", ["lundi", "en juin dernier", "il y a deux semaines", "le 13"])
    def test_relative_without_anchor_is_unresolved(self, text):
        """Reports the missing anchor, as in English."""
        with french():
            (found,) = find_times(text, anchor=None)
        assert found.range is None
        assert found.problem is not None
        assert "anchor" in found.problem


class TestFindTimesFrench:
    """find_times on French sentences: tense from the sentence, references, not-times."""

    def test_future_tense_is_planned(self):
        """Reads a date in a sentence in the futur forward from the anchor."""
        with french():
            found = _only("Le sommet se tiendra le 13 juin à Bamako.")
        assert found.planned
        assert found.range is not None
        assert found.range.earliest == date(2024, 6, 13)

    def test_weekday_in_future_sentence(self):
        """Reads "lundi" as next Monday when the verb is in the futur."""
        with french():
            found = _only("Le président se rendra à Niamey lundi.")
        assert found.range is not None
        assert found.range.earliest == date(2024, 6, 10)

    def test_tense_is_read_clause_by_clause(self):
        """Keeps "lundi" in the past clause and the deadline in the future one."""
        sentence = (
            "Le ministre a déclaré lundi que les troupes quitteront le pays "
            "d'ici à la mi-septembre."
        )
        with french():
            monday, deadline = find_times(sentence, anchor=date(2024, 6, 5))
        assert monday.range is not None
        assert monday.range.earliest == date(2024, 6, 3)
        assert not monday.planned
        assert deadline.planned
        assert deadline.range is not None
        assert deadline.range.earliest == date(2024, 9, 11)

    def test_the_day_before_refers_to_the_weekday(self):
        """Refers "la veille" to the weekday named before it in the sentence."""
        sentence = "Lundi, le Niger a annoncé que son président avait reçu la délégation la veille."
        with french():
            found = find_times(sentence, anchor=date(2024, 6, 5))
        assert [t.text for t in found] == ["Lundi", "la veille"]
        assert found[1].range is not None
        assert found[1].range.earliest == date(2024, 6, 2)

    @pytest.mark.parametrize(
        "sentence",
        [
            "La veille du scrutin, les partis ont suspendu leur campagne.",
            "Au lendemain de l'attaque, le gouvernement a décrété un deuil national.",
            "Lundi, deux jours après le coup d'Etat, la frontière a été fermée.",
        ],
    )
    def test_relative_to_an_event_is_unresolved(self, sentence):
        """Leaves a day counted from a named event unresolved, as in English."""
        with french():
            found = find_times(sentence, anchor=date(2024, 6, 5))
        assert found[-1].range is None
        assert found[-1].problem == "relative to another event, not to a date"

    def test_dateline_and_yesterday_with_date(self):
        """Reads "hier lundi 3 juin" as one expression, the date it names."""
        sentence = (
            "BAMAKO, 5 juin (AFP) - Le gouvernement a annoncé hier lundi 3 juin la dissolution."
        )
        with french():
            found = find_times(sentence, anchor=date(2024, 6, 5))
        assert [t.text for t in found] == ["5 juin", "hier lundi 3 juin"]
        assert found[1].range is not None
        assert found[1].range.earliest == date(2024, 6, 3)

    def test_offsets_are_into_the_text_as_written(self):
        """Scans the folded text but reports the words with their accents."""
        sentence = "Les élections, prévues en février dernier, ont été reportées à l’été prochain."
        with french():
            found = find_times(sentence, anchor=date(2024, 6, 5))
        assert [t.text for t in found] == ["en février dernier", "l’été prochain"]
        for t in found:
            assert sentence[t.start : t.end] == t.text

    @pytest.mark.parametrize(
        "sentence",
        [
            "Plus de 2000 soldats ont été déployés dans le nord.",
            "Ils ont été tués à Mopti.",  # "été" (summer) is also "been"
            "Le 13e régiment est arrivé à Gao.",
            "Le 1er ministre a parlé à la radio.",
            "La semaine la plus meurtrière a été signalée par l'ONU.",
            "Sept soldats ont été blessés.",
            "Le mois de la culture s'est ouvert à Niamey.",
        ],
    )
    def test_not_times(self, sentence):
        """Reads no time in numbers, ordinals, participles and bare units."""
        with french():
            assert find_times(sentence, anchor=date(2024, 6, 5)) == []


class TestLanguagesApart:
    """French words are not read in English text, and English text in French gives nothing wrong."""

    @pytest.mark.parametrize("sentence", FRENCH_SENTENCES)
    def test_french_sentence_in_english_gives_nothing(self, sentence):
        """Finds no time in a French sentence read with the English rules."""
        assert find_times(sentence, anchor=date(2024, 6, 5)) == []

    @pytest.mark.parametrize("sentence", ENGLISH_SENTENCES)
    def test_english_sentence_in_french_gives_nothing_wrong(self, sentence):
        """Finds in English text, read in French, only times English reads the same."""
        anchor = date(2024, 6, 5)
        english = find_times(sentence, anchor=anchor)
        with french():
            found = find_times(sentence, anchor=anchor)
        for time in found:
            assert time.range is not None
            assert any(
                other.range is not None
                and other.start <= time.start < time.end <= other.end
                and (other.range.earliest, other.range.latest)
                == (time.range.earliest, time.range.latest)
                for other in english
            ), time


FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
FR_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
EN_MONTHS = [calendar.month_name[m] for m in range(1, 13)]
EN_WEEKDAYS = [calendar.day_name[d] for d in range(7)]
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


def _day_words(day: date, language: str, form: int) -> str:
    """One way of writing *day* in *language*, with its weekday, month and year."""
    if language == "fr":
        number = "1er" if day.day == 1 and form % 2 else str(day.day)
        weekday, month = FR_WEEKDAYS[day.weekday()], FR_MONTHS[day.month - 1]
        if form % 3 == 0:
            month = month.capitalize()
        return [
            f"{weekday} {number} {month} {day.year}",
            f"le {number} {month} {day.year}",
            f"{number} {month} {day.year}",
            f"le {weekday} {number} {month} {day.year}",
        ][form % 4]
    weekday, month = EN_WEEKDAYS[day.weekday()], EN_MONTHS[day.month - 1]
    return [
        f"{weekday}, {day.day} {month} {day.year}",
        f"on {day.day} {month} {day.year}",
        f"{month} {day.day}, {day.year}",
        f"{weekday}, {month} {day.day}, {day.year}",
    ][form % 4]


# Pieces of French time expressions, to build texts from.
FR_PIECES = sorted(
    {
        *(word for case in CASES + PREVIOUS_CASES for word in case[0].split()),
        *FR_MONTHS,
        *FR_WEEKDAYS,
        *("le", "la", "l'", "d'", "de", "du", "au", "à", "en", "et", "a", "été", "dernier"),
        *("2024", "1er", "13", "31", "1990", "T2", "sept", "Niamey", ",", "-", "(", "’"),
        *("se", "tiendra", "avait", "que", "qui", "İ", "ſ", "É"),
    }
)
fr_texts = st.lists(st.sampled_from(FR_PIECES), max_size=12).map(" ".join)


class TestProperties:
    """Invariants of French expressions built from the vocabulary, in both languages."""

    @given(days, st.sampled_from(["fr", "en"]), st.integers(min_value=0, max_value=11))
    def test_dated_expression_holds_its_day(self, day, language, form):
        """Resolves a weekday-day-month-year date, in either language, to exactly that day."""
        text = _day_words(day, language, form)
        with using_language(language):
            found = find_times(text, anchor=date(2024, 6, 5))
        assert found, text
        ranges = [t.range for t in found if t.range is not None]
        assert any(r.earliest <= day <= r.latest for r in ranges), (text, found)
        assert all(t.range is not None for t in found)

    @given(days, st.sampled_from(FR_MONTHS), st.booleans())
    def test_month_name_resolves_to_its_month(self, anchor, month, future):
        """Puts "en <mois>" in that month, near the anchor, in any tense."""
        with french():
            found = resolve_time(f"en {month}", anchor=anchor, future=future)
        assert found.earliest.month == FR_MONTHS.index(month) + 1
        assert abs((found.earliest - anchor).days) <= 366

    @given(fr_texts, st.sampled_from(["fr", "en"]), days)
    def test_never_raises(self, text, language, anchor):
        """Returns expressions whose offsets slice back to their text, in either language."""
        with using_language(language):
            for found in find_times(text, anchor=anchor, previous=MONDAY):
                assert text[found.start : found.end] == found.text
                assert (found.range is None) == (found.problem is not None)


def _full_readings(text: str) -> list[tuple[str, int, int]]:
    scanned = fold(text)
    found = []
    for rule, pattern in patterns().items():
        for match in pattern.finditer(scanned):
            reading = read_match(rule, match)
            if reading is not None:
                found.append((rule, reading.start, reading.end))
    return sorted(found)


def _planned_readings(text: str) -> list[tuple[str, int, int]]:
    scanned = fold(text)
    found = []
    for (_, rule, pattern), starts in plan(Words(scanned)).rules:
        for match in scan(pattern, scanned, starts):
            reading = read_match(rule, match)
            if reading is not None:
                found.append((rule, reading.start, reading.end))
    return sorted(found)


class TestScanWindows:
    """The French windows find what a full scan of the French rules finds."""

    @pytest.mark.parametrize("text", sorted({c[0] for c in CASES + PREVIOUS_CASES}))
    def test_every_table_expression_is_found_as_by_a_full_scan(self, text):
        """Finds each French expression, alone and in a sentence, as a full scan does."""
        with french():
            for sentence in (
                text,
                f"Le ministre a dit vendredi que les pourparlers, {text}, ont eu lieu.",
            ):
                assert _planned_readings(sentence) == _full_readings(sentence)

    @given(fr_texts)
    def test_windowed_scan_equals_full_scan(self, text):
        """Finds the same readings, rule by rule, as a finditer over the whole text."""
        with french():
            assert _planned_readings(text) == _full_readings(text)


class TestVocabulary:
    """The French vocabulary: folded words, and the English reading of relational words."""

    def test_french_words_are_folded_and_read_in_english(self):
        """Keys the French table by folded words and reads its relational words in English."""
        with french():
            vocab = vocabulary()
        assert vocab.months["fevrier"] == 2
        assert vocab.months["aout"] == 8
        assert not vocab.names_capitalised
        assert vocab.readings["dernier"] == "last"
        assert vocab.readings["il y a"] == "ago"
        assert vocab.readings["la veille"] == "the day before"
        # a part is read by its English name too, which the readers look up
        assert vocab.parts["late"] == vocab.parts["fin"]
        assert "late" not in vocab.part_words

    def test_english_has_no_readings(self):
        """Leaves English words as they are: the readers' own language."""
        vocab = vocabulary()
        assert vocab.readings == {}
        assert vocab.names_capitalised
        assert vocab.part_words == frozenset(vocab.parts)
