"""export and write_export: every format, whole files only."""

import io
import json

import pytest

from sahel_news.outputs import EventRow, export, read_csv, read_parquet, write_export
from sahel_news.outputs._tables import event_rows
from sahel_news.pipeline import parse_article


@pytest.fixture(scope="module")
def seed_article(seed_text):
    return parse_article(seed_text)


class TestFormats:
    def test_plover_jsonl_is_one_record_per_line(self, seed_article):
        """plover-jsonl writes one to_plover record per event, one per line."""
        stream = io.BytesIO()
        count = write_export([seed_article], "plover-jsonl", stream)
        lines = stream.getvalue().decode().splitlines()
        assert count == len(lines) == len(seed_article.events)
        assert json.loads(lines[0])["event_id"] == f"{seed_article.id}-e1"

    def test_events_csv_file_reads_back(self, seed_article, tmp_path):
        """events-csv writes the event rows, which read back the same."""
        out = tmp_path / "events.csv"
        assert export([seed_article], "events-csv", out) == len(seed_article.events)
        with out.open("rb") as stream:
            assert read_csv(stream, EventRow) == event_rows(seed_article)

    def test_parquet_is_a_directory_of_tables(self, seed_article, tmp_path):
        """parquet writes events, actors, countries and acled tables into a directory."""
        pytest.importorskip("pyarrow")
        out = tmp_path / "tables"
        export([seed_article], "parquet", out)
        assert sorted(p.name for p in out.iterdir()) == [
            "acled.parquet",
            "actors.parquet",
            "countries.parquet",
            "events.parquet",
        ]
        assert read_parquet(out / "events.parquet", EventRow) == event_rows(seed_article)

    def test_unknown_format(self, seed_article):
        """An unknown format is a ValueError naming the choices."""
        with pytest.raises(ValueError, match="choose one of plover-jsonl"):
            write_export([seed_article], "xlsx", io.BytesIO())


class TestWholeFilesOnly:
    def test_output_has_the_usual_permissions(self, seed_article, tmp_path):
        """The written file is readable as any new file would be, not private to its owner."""
        out = tmp_path / "events.csv"
        probe = tmp_path / "probe"
        probe.touch()
        export([seed_article], "events-csv", out)
        assert out.stat().st_mode & 0o777 == probe.stat().st_mode & 0o777

    def test_a_failure_leaves_the_old_file(self, seed_article, tmp_path):
        """If reading fails half-way, the output keeps its old content and no temp file stays."""
        out = tmp_path / "events.csv"
        out.write_text("old", encoding="utf-8")

        def corpus():
            yield seed_article
            raise RuntimeError("disk gone")

        with pytest.raises(RuntimeError):
            export(corpus(), "events-csv", out)
        assert out.read_text(encoding="utf-8") == "old"
        assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]
