"""Parquet exports: the same tables through pyarrow, read back unchanged."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _rows import rows
from sahel_news.errors import InputError
from sahel_news.outputs import AcledRow, ActorRow, CountryRow, EventRow, read_parquet, write_parquet
from sahel_news.outputs._tables import rows_of
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
