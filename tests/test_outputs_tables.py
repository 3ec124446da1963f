"""The flat tables: one row per event, actor and country, carrying what the Article says."""

import attrs
import pytest
from hypothesis import given

from sahel_news.convert.exports import ACLED_COLUMNS, to_acled_rows
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
        """Every column of every table is one of the five kinds the writers carry."""
        assert len(columns(row_type)) == len(attrs.fields(row_type))
        assert all(isinstance(kind, Kind) for _, kind in columns(row_type))


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
    def test_event_countries_cover_place_and_participants(self, article):
        """An event involves its place's country and every participant country named."""
        for row, event in zip(event_rows(article), article.events, strict=True):
            involved = set(event_countries(article, event))
            named = {*row.source_countries, *row.target_countries, *row.other_countries}
            assert named <= involved
            if row.place_country:
                assert row.place_country in involved
