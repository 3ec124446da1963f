"""The flat tables: one row per event, actor and country, carrying what the Article says."""

import attrs
import pytest
from hypothesis import given

from sahel_news.convert.exports import ACLED_COLUMNS, to_acled_rows, to_plover
from sahel_news.outputs import (
    AcledRow,
    ActorRow,
    CountryRow,
    EventRow,
    acled_rows,
    actor_rows,
    country_rows,
    event_countries,
    event_rows,
    format_span,
)
from sahel_news.outputs._tables import Kind, columns
from sahel_news.pipeline import parse_article
from sahel_news.strategies import articles


@pytest.fixture(scope="module")
def seed_article(seed_text):
    return parse_article(seed_text)


class TestColumns:
    def test_acled_rows_keep_the_acled_column_order(self):
        """AcledRow's columns are ACLED_COLUMNS, in order."""
        assert tuple(name for name, _ in columns(AcledRow)) == ACLED_COLUMNS

    @pytest.mark.parametrize("row_type", [EventRow, ActorRow, CountryRow, AcledRow])
    def test_every_field_has_a_kind(self, row_type):
        """Every column of every table is one of the six kinds the writers carry."""
        assert len(columns(row_type)) == len(attrs.fields(row_type))
        assert all(isinstance(kind, Kind) for _, kind in columns(row_type))


# The columns each table had before schema 1.2's were appended: readers rely on them.
BEFORE_1_2 = {
    EventRow: "article_id event_id type mode status context cameo earliest latest precision "
    "time_expression place place_country source_ids source_names source_countries target_ids "
    "target_names target_countries other_ids other_names other_countries trigger trigger_span "
    "evidence evidence_span",
    ActorRow: "article_id actor_id name kind country roles aliases mentions first_mention",
    CountryRow: "article_id alpha3 alpha2 numeric name mentions first_mention",
    AcledRow: "event_id_cnty event_date time_precision event_type sub_event_type actor1 actor2 "
    "country iso location source notes",
}


class TestColumnOrder:
    @pytest.mark.parametrize("row_type", list(BEFORE_1_2))
    def test_older_columns_keep_their_names_and_places(self, row_type):
        """New columns come after every older one, which keep their names and order."""
        names = [name for name, _ in columns(row_type)]
        old = BEFORE_1_2[row_type].split()
        assert names[: len(old)] == old
        assert len(names) > len(old)


class TestSeedRows:
    def test_the_hosting_in_bamako(self, seed_article):
        """The seed's 'hosted' event reads as a row with date, place, sides and sentence."""
        row = next(r for r in event_rows(seed_article) if r.trigger == "hosted")
        assert (row.type, row.status, row.precision) == ("CONSULT", "occurred", "day")
        assert str(row.earliest) == str(row.latest) == "2024-06-03"
        assert (row.place, row.place_country) == ("Bamako", "MLI")
        assert row.source_ids == ("assimi-goita",)
        assert row.source_names == ("Assimi Goïta",)
        assert row.target_countries == ("RUS",)
        assert row.evidence.startswith("Mali’s interim leader, Assimi Goita, hosted")
        assert row.trigger_span.startswith("paragraph:1:")

    def test_country_participants_are_their_own_country(self, seed_article):
        """A country taking part appears by its code, its name and itself as country."""
        row = next(r for r in event_rows(seed_article) if r.event_id == "e3")
        assert row.source_ids == ("NER", "MLI")
        assert row.source_names == ("Niger", "Mali")
        assert row.source_countries == ("NER", "MLI")

    def test_actor_and_country_rows(self, seed_article):
        """Actor and country rows carry ids, codes and mention counts."""
        goita = next(r for r in actor_rows(seed_article) if r.actor_id == "assimi-goita")
        assert (goita.kind, goita.country) == ("person", "MLI")
        assert goita.mentions >= 2
        mali = next(r for r in country_rows(seed_article) if r.alpha3 == "MLI")
        assert (mali.alpha2, mali.numeric) == ("ML", "466")

    def test_inferred_time_is_apart_from_the_stated_one(self, seed_article):
        """An event dated by the story only fills the inferred columns; the stated stay empty."""
        row = next(r for r in event_rows(seed_article) if r.event_id == "e8")
        assert (row.earliest, row.latest, row.precision, row.time_expression) == (None,) * 4
        assert str(row.inferred_earliest) == str(row.inferred_latest) == "2024-06-02"
        assert (row.inferred_precision, row.inferred_basis) == ("day", "continuation")
        assert row.inferred_expression == "the day before"
        source = seed_article.events[7].inferred_time.source
        assert row.inferred_source_span == format_span(source.span)
        lead = next(r for r in event_rows(seed_article) if r.event_id == "e1")
        assert (lead.inferred_basis, lead.inferred_source_span) == ("publication", None)
        hosted = next(r for r in event_rows(seed_article) if r.trigger == "hosted")
        assert hosted.inferred_earliest is hosted.inferred_basis is None

    def test_acled_and_plover_keep_the_stated_date(self, seed_article):
        """ACLED and PLOVER dates are the stated time; the inferred one has its own fields."""
        acled = {r.event_id_cnty.rsplit("-", 1)[1]: r for r in acled_rows(seed_article)}
        assert (acled["e8"].event_date, acled["e8"].time_precision) == ("", "")
        assert (acled["e8"].inferred_event_date, acled["e8"].inferred_time_precision) == (
            "2024-06-02",
            "1",
        )
        assert acled["e8"].inferred_time_basis == "continuation"
        assert acled["e5"].event_date == "2024-06-03"
        assert acled["e5"].inferred_event_date == acled["e5"].inferred_time_basis == ""
        plover = {r["event_id"].rsplit("-", 1)[1]: r for r in to_plover(seed_article)}
        assert plover["e8"]["event_date"] is plover["e8"]["date_earliest"] is None
        assert plover["e8"]["inferred_date_earliest"] == "2024-06-02"
        assert plover["e8"]["inferred_basis"] == "continuation"
        assert plover["e5"]["inferred_date_earliest"] is None
        assert plover["e5"]["language"] == "en"

    def test_language_and_actor_home_only(self, seed_article):
        """Every event, actor and country row carries the article's language."""
        french = attrs.evolve(seed_article, language="fr")
        for build in (event_rows, actor_rows, country_rows):
            assert {r.language for r in build(seed_article)} == {"en"}
            assert {r.language for r in build(french)} == {"fr"}
        assert not any(r.actor_home_only for r in country_rows(seed_article))

    def test_acled_rows_are_to_acled_rows(self, seed_article):
        """acled_rows holds exactly what to_acled_rows gives."""
        assert [attrs.asdict(r) for r in acled_rows(seed_article)] == to_acled_rows(seed_article)


@pytest.mark.slow  # many generated articles: CI runs it with -m slow
class TestGeneratedRows:
    @given(articles())
    def test_one_row_per_thing(self, article):
        """There is one event, actor and country row per event, actor and country."""
        assert [r.event_id for r in event_rows(article)] == [e.id for e in article.events]
        assert [r.actor_id for r in actor_rows(article)] == [a.id for a in article.actors]
        assert [r.alpha3 for r in country_rows(article)] == [c.alpha3 for c in article.countries]

    @given(articles())
    def test_spans_read_back_as_the_trigger(self, article):
        """The trigger span written in a row points at the trigger's text."""
        for row, event in zip(event_rows(article), article.events, strict=True):
            assert row.trigger_span == format_span(event.trigger.span)
            assert article.quote_text(event.trigger.span) == row.trigger

    @given(articles())
    def test_new_columns_carry_the_article(self, article):
        """Stated and inferred time columns come from when and inferred_time, never both;
        language is the article's; actor_home_only the country's."""
        for row, event in zip(event_rows(article), article.events, strict=True):
            stated = (row.earliest, row.latest, row.precision, row.time_expression)
            inferred = (
                row.inferred_earliest,
                row.inferred_latest,
                row.inferred_precision,
                row.inferred_expression,
                row.inferred_basis,
            )
            assert (stated != (None,) * 4) == (event.when is not None)
            assert (inferred != (None,) * 5) == (event.inferred_time is not None)
            assert None in stated or None in inferred
            if event.inferred_time is not None:
                guess = event.inferred_time.range
                assert (row.inferred_earliest, row.inferred_latest) == (
                    guess.earliest,
                    guess.latest,
                )
                assert row.inferred_basis == event.inferred_time.basis.value
                source = event.inferred_time.source
                assert row.inferred_source_span == (source and format_span(source.span))
            assert row.language == article.language
        for row, country in zip(country_rows(article), article.countries, strict=True):
            assert (row.actor_home_only, row.language) == (
                country.actor_home_only,
                article.language,
            )
        assert {r.language for r in actor_rows(article)} <= {article.language}

    @given(articles())
    def test_event_countries_cover_place_and_participants(self, article):
        """An event involves its place's country and every participant country named."""
        for row, event in zip(event_rows(article), article.events, strict=True):
            involved = set(event_countries(article, event))
            named = {*row.source_countries, *row.target_countries, *row.other_countries}
            assert named <= involved
            if row.place_country:
                assert row.place_country in involved
