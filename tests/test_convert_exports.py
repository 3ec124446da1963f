"""Event exports: PLOVER records, ACLED rows and FIPS 10-4 codes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _event_annotate import load_capture
from sahel_news.convert.exports import (
    ACLED_COLUMNS,
    PLOVER_FIELDS,
    fips_to_iso,
    iso_to_fips,
    to_acled_rows,
    to_plover,
)
from sahel_news.data import fips_table
from sahel_news.errors import ValidationError

TRAPS = [("NER", "NG"), ("NGA", "NI"), ("BFA", "UV"), ("TCD", "CD"), ("COD", "CG")]


class TestFips:
    """iso_to_fips and fips_to_iso"""

    def test_trap_table_has_no_duplicates(self):
        """Each trap appears once."""
        assert len(set(TRAPS)) == len(TRAPS)

    @pytest.mark.parametrize(("alpha3", "fips"), TRAPS)
    def test_codes_that_differ_from_iso(self, alpha3, fips):
        """FIPS is not ISO: NG is Niger, NI Nigeria, UV Burkina Faso, CD Chad."""
        assert iso_to_fips(alpha3) == fips
        assert fips_to_iso(fips) == alpha3

    @given(st.sampled_from(sorted(fips_table())))
    def test_round_trip_over_every_covered_country(self, alpha3):
        """alpha-3 -> FIPS -> alpha-3 gives the country back."""
        assert fips_to_iso(iso_to_fips(alpha3)) == alpha3

    def test_unknown_codes_raise(self):
        """Codes outside the table raise ValidationError."""
        with pytest.raises(ValidationError):
            iso_to_fips("XXX")
        with pytest.raises(ValidationError):
            fips_to_iso("QQ")


@pytest.fixture(scope="module")
def chad():
    return load_capture("c04_chad_aid")[0]


class TestPlover:
    """to_plover"""

    def test_one_record_per_event_with_every_field(self, chad):
        """Each event gives one JSON-ready record with the documented fields."""
        records = to_plover(chad)
        assert len(records) == len(chad.events)
        assert all(tuple(r) == PLOVER_FIELDS for r in records)
        json.dumps(records)

    def test_record_reads_the_event(self, chad):
        """The phone call record names Déby and Guterres, Chad, on 5 February 2024."""
        (record,) = [r for r in to_plover(chad) if r["trigger"] == "spoke by phone"]
        assert record["event_type"] == "CONSULT"
        assert record["actor_names"] == ["Mahamat Idriss Déby"]
        assert record["actor_countries"] == ["TCD"]
        assert record["recipient_names"] == ["António Guterres"]
        assert record["event_date"] == "2024-02-05"
        assert record["precision"] == "day"
        assert "spoke by phone" in str(record["source_text"])


class TestAcled:
    """to_acled_rows"""

    def test_rows_write_with_dictwriter(self, chad):
        """Rows are all strings and write as CSV in ACLED_COLUMNS order."""
        rows = to_acled_rows(chad)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
        assert buffer.getvalue().splitlines()[0] == ",".join(ACLED_COLUMNS)
        assert all(isinstance(v, str) for row in rows for v in row.values())

    def test_attack_row_is_a_battle_in_chad(self, chad):
        """The convoy attack is a Battles row in Chad (numeric ISO 148) at Adré, day precision."""
        (row,) = [r for r in to_acled_rows(chad) if "Gunmen attacked" in r["notes"]]
        assert row["event_type"] == "Battles"
        assert row["event_date"] == "2024-02-04"
        assert row["time_precision"] == "1"
        assert row["iso"] == "148"
        assert row["country"] == "Chad"
        assert row["location"] == "Adré"
