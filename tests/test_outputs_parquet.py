"""Parquet exports: the same tables through pyarrow, read back unchanged."""

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _rows import rows
from sahel_news.errors import InputError
from sahel_news.outputs import AcledRow, ActorRow, CountryRow, EventRow, read_parquet, write_parquet
from sahel_news.outputs._tables import columns, defaults, rows_of
from sahel_news.strategies import articles

pa = pytest.importorskip("pyarrow")
TABLES = [EventRow, ActorRow, CountryRow, AcledRow]


class TestRoundTrips:
    @pytest.mark.slow  # many generated articles: CI runs it with -m slow
    @pytest.mark.parametrize("row_type", TABLES)
    @given(corpus=st.lists(articles(max_events=4), max_size=3))
    def test_generated_articles_lose_no_field(self, row_type, corpus, tmp_path_factory):
        """Every table of generated Articles reads back from Parquet equal, field by field."""
        path = tmp_path_factory.mktemp("parquet") / "t.parquet"
        items = list(rows_of(row_type, corpus))
        assert write_parquet(items, row_type, path) == len(items)
        assert read_parquet(path, row_type) == items

    @pytest.mark.parametrize("row_type", TABLES)
    @given(data=st.data())
    def test_arbitrary_cells_lose_nothing(self, row_type, data, tmp_path_factory):
        """Any text, number, date or list comes back as written."""
        path = tmp_path_factory.mktemp("parquet") / "t.parquet"
        items = data.draw(st.lists(rows(row_type), max_size=4))
        write_parquet(items, row_type, path)
        assert read_parquet(path, row_type) == items


class TestTypes:
    def test_columns_are_typed(self, tmp_path):
        """Dates are date32, lists list<string>, counts int64: no text stand-ins."""
        import pyarrow.parquet as pq

        path = tmp_path / "e.parquet"
        write_parquet([], EventRow, path)
        schema = pq.read_schema(path)
        assert schema.field("earliest").type == pa.date32()
        assert schema.field("source_ids").type == pa.list_(pa.string())
        write_parquet([], ActorRow, path)
        assert pq.read_schema(path).field("mentions").type == pa.int64()


class TestOlderFiles:
    @pytest.mark.parametrize(
        ("row_type", "width"), [(EventRow, 26), (ActorRow, 9), (CountryRow, 7), (AcledRow, 12)]
    )
    # one file per example, and what is tested is the missing columns, not the cells (the
    # round-trip properties draw those): a few dozen examples say it
    @settings(max_examples=25)
    @given(data=st.data())
    def test_a_file_without_the_new_columns_reads_with_their_defaults(
        self, row_type, width, data, tmp_path_factory
    ):
        """A Parquet file written before schema 1.2's columns reads back, new cells at defaults."""
        import pyarrow.parquet as pq

        path = tmp_path_factory.mktemp("parquet") / "t.parquet"
        items = data.draw(st.lists(rows(row_type), max_size=3))
        write_parquet(items, row_type, path)
        table = pq.read_table(path)
        pq.write_table(table.select(list(range(width))), path)
        spec = columns(row_type)
        expected = [
            attrs.evolve(row, **{name: defaults(row_type)[name] for name, _ in spec[width:]})
            for row in items
        ]
        assert read_parquet(path, row_type) == expected

    def test_a_file_that_lacks_a_needed_column_is_refused(self, tmp_path):
        """Only columns with a default may be missing."""
        import pyarrow.parquet as pq

        path = tmp_path / "e.parquet"
        write_parquet([], EventRow, path)
        pq.write_table(pq.read_table(path).select(list(range(25))), path)
        with pytest.raises(InputError, match="not those of the EventRow table"):
            read_parquet(path, EventRow)

    def test_yes_no_is_bool(self, tmp_path):
        """actor_home_only is a Parquet bool."""
        import pyarrow.parquet as pq

        path = tmp_path / "c.parquet"
        write_parquet([], CountryRow, path)
        assert pq.read_schema(path).field("actor_home_only").type == pa.bool_()


class TestBadInput:
    def test_other_table(self, tmp_path):
        """Reading a file as another table is an InputError naming the table."""
        path = tmp_path / "a.parquet"
        write_parquet([], ActorRow, path)
        with pytest.raises(InputError, match="not those of the CountryRow table"):
            read_parquet(path, CountryRow)

    def test_not_parquet(self, tmp_path):
        """A file that is not Parquet is an InputError naming it."""
        path = tmp_path / "x.parquet"
        path.write_text("hello", encoding="utf-8")
        with pytest.raises(InputError, match="not a Parquet file"):
            read_parquet(path, EventRow)
