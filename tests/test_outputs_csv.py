"""CSV exports: RFC 4180, spreadsheet-safe, and read back without losing a cell."""

import csv
import io

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _rows import rows
from sahel_news.convert.exports import ACLED_COLUMNS
from sahel_news.errors import InputError
from sahel_news.outputs import (
    AcledRow,
    ActorRow,
    CountryRow,
    EventRow,
    read_csv,
    write_csv,
)
from sahel_news.outputs._tables import columns, defaults, rows_of
from sahel_news.strategies import articles

TABLES = [EventRow, ActorRow, CountryRow, AcledRow]


def round_trip(items, row_type, *, bom=True):
    stream = io.BytesIO()
    write_csv(items, row_type, stream, bom=bom)
    return read_csv(io.BytesIO(stream.getvalue()), row_type)


def csv_bytes(items, row_type, *, bom=True):
    stream = io.BytesIO()
    write_csv(items, row_type, stream, bom=bom)
    return stream.getvalue()


class TestRoundTrips:
    @pytest.mark.slow  # many generated articles: CI runs it with -m slow
    @pytest.mark.parametrize("row_type", TABLES)
    @given(corpus=st.lists(articles(max_events=4), max_size=3))
    def test_generated_articles_lose_no_field(self, row_type, corpus):
        """Every table of generated Articles reads back from CSV equal, field by field."""
        items = list(rows_of(row_type, corpus))
        assert round_trip(items, row_type) == items

    @pytest.mark.parametrize("row_type", TABLES)
    @given(data=st.data())
    def test_arbitrary_cells_lose_nothing(self, row_type, data):
        """Cells with commas, quotes, line breaks, formulas and separators come back as written."""
        items = data.draw(st.lists(rows(row_type), max_size=4))
        assert round_trip(items, row_type, bom=data.draw(st.booleans())) == items


def older_csv(items, row_type, width):
    """*items* as CSV of the table's first *width* columns, as a file written before the
    later columns were added."""
    full = csv_bytes(items, row_type, bom=False).decode()
    records = list(csv.reader(io.StringIO(full, newline="")))
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(record[:width] for record in records)
    return out.getvalue().encode()


def at_defaults(row, width):
    """*row* with every column after the first *width* at its default."""
    names = [name for name, _ in columns(type(row))][width:]
    return attrs.evolve(row, **{name: defaults(type(row))[name] for name in names})


OLDER_WIDTHS = {EventRow: 26, ActorRow: 9, CountryRow: 7, AcledRow: 12}


class TestOlderFiles:
    @pytest.mark.parametrize("row_type", TABLES)
    # one file per example, and what is tested is the missing columns, not the cells (the
    # round-trip properties draw those): a few dozen examples say it
    @settings(max_examples=25)
    @given(data=st.data())
    def test_a_file_without_the_new_columns_reads_with_their_defaults(self, row_type, data):
        """A CSV written before schema 1.2's columns reads back, the new cells at defaults."""
        width = OLDER_WIDTHS[row_type]
        items = data.draw(st.lists(rows(row_type), max_size=3))
        older = older_csv(items, row_type, width)
        got = read_csv(io.BytesIO(older), row_type)
        assert got == [at_defaults(row, width) for row in items]

    def test_a_header_that_lacks_a_needed_column_is_refused(self):
        """Only columns with a default may be missing: a header cut before them is an error."""
        older = older_csv([], EventRow, 25)  # no evidence_span
        with pytest.raises(InputError, match="<csv>:1: header is article_id,"):
            read_csv(io.BytesIO(older), EventRow)

    @pytest.mark.parametrize(("cell", "value"), [("true", True), ("FALSE", False), ("True", True)])
    def test_yes_no_cells_in_any_case(self, cell, value):
        """actor_home_only reads true/false in any case (a spreadsheet may save TRUE)."""
        header = ",".join(name for name, _ in columns(CountryRow))
        data = f"{header}\r\na,GBR,GB,826,United Kingdom,0,,{cell},en\r\n".encode()
        (row,) = read_csv(io.BytesIO(data), CountryRow)
        assert (row.actor_home_only, row.language) == (value, "en")
        assert b",true," in csv_bytes([attrs.evolve(row, actor_home_only=True)], CountryRow)

    def test_a_bad_yes_no_cell_names_its_column(self):
        """A yes/no cell that is neither is an error naming the line and the column."""
        header = ",".join(name for name, _ in columns(CountryRow))
        data = f"{header}\r\na,GBR,GB,826,United Kingdom,0,,yes,\r\n".encode()
        with pytest.raises(InputError, match=r"<csv>:2: column actor_home_only: 'yes' is not"):
            read_csv(io.BytesIO(data), CountryRow)


class TestSpreadsheetSafety:
    def test_bom_crlf_and_quoting(self):
        """The file starts with a BOM, ends lines with CRLF, and quotes what needs it."""
        row = AcledRow(*(["x"] * 11), 'He said "no", then\nleft')
        data = csv_bytes([row], AcledRow)
        assert data.startswith(b"\xef\xbb\xbfevent_id_cnty,")
        assert data.count(b"\r\n") == 2
        # notes, then the three inferred-time columns appended in schema 1.2 (blank here)
        assert data.endswith(b',"He said ""no"", then\nleft",,,\r\n')

    def test_without_bom(self):
        """bom=False starts with the header itself."""
        assert csv_bytes([], AcledRow, bom=False).startswith(b"event_id_cnty,")

    @pytest.mark.parametrize("cell", ["=HYPERLINK(1)", "+1", "-1", "@A1", "\tx", "\rx", "'x"])
    def test_formula_like_cells_start_with_an_apostrophe(self, cell):
        """A cell a spreadsheet could run as a formula is written as text with an apostrophe."""
        row = AcledRow(*(["x"] * 11), cell)
        (record,) = list(csv.reader(io.StringIO(csv_bytes([row], AcledRow, bom=False).decode())))[
            1:
        ]
        assert record[ACLED_COLUMNS.index("notes")] == "'" + cell
        assert round_trip([row], AcledRow) == [row]

    def test_the_standard_library_reads_it(self):
        """Python's csv module reads the header and cells with no special options."""
        row = AcledRow(*(f"c{i}, with comma" for i in range(12)))
        text = csv_bytes([row], AcledRow).decode("utf-8-sig")
        records = list(csv.DictReader(io.StringIO(text, newline="")))
        assert records[0]["notes"] == "c11, with comma"


class TestBadInput:
    @pytest.mark.parametrize("row_type", [EventRow, CountryRow])
    @given(body=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
    def test_anything_after_a_good_header_gives_rows_or_an_input_error(self, row_type, body):
        """Whatever follows the header, reading returns rows or raises InputError, nothing else."""
        header = csv_bytes([], row_type)
        try:
            rows = read_csv(io.BytesIO(header + body), row_type)
        except InputError as error:
            where = error.where
        else:
            where = "<csv>:ok"
            assert all(isinstance(row, row_type) for row in rows)
        assert where.startswith("<csv>:")

    def test_wrong_header(self):
        """A CSV of another table says which header it expected, on line 1."""
        data = csv_bytes([], ActorRow)
        with pytest.raises(InputError, match=r"^t\.csv:1: header is article_id,") as caught:
            read_csv(io.BytesIO(data), CountryRow, where="t.csv")
        assert caught.value.where == "t.csv:1"

    def test_bad_cell_names_line_and_column(self):
        """A cell that is not its column's kind names the line and the column."""
        header = ",".join(name for name in ("article_id", "alpha3", "alpha2", "numeric", "name"))
        data = f"{header},mentions,first_mention\r\na,MLI,ML,466,Mali,many,\r\n".encode()
        with pytest.raises(InputError, match=r"t\.csv:2: column mentions: 'many' is not integer"):
            read_csv(io.BytesIO(data), CountryRow, where="t.csv")

    def test_short_record(self):
        """A record with too few cells is an error on its line."""
        data = csv_bytes([], AcledRow) + b"a,b\r\n"
        with pytest.raises(InputError, match=r"<csv>:2: 2 cells, expected 15"):
            read_csv(io.BytesIO(data), AcledRow)

    def test_not_utf8(self):
        """Bytes that are not UTF-8 are an InputError, not a UnicodeDecodeError."""
        with pytest.raises(InputError, match="not CSV"):
            read_csv(io.BytesIO(b"\xff\xfe\x00a"), AcledRow)
