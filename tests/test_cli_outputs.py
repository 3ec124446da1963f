"""The export, index and query commands: formats, summaries, errors in one line each."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from sahel_news import cli
from sahel_news.convert import to_json
from sahel_news.models import Article
from sahel_news.pipeline import parse_article


@pytest.fixture(scope="module")
def seed_article(seed_text):
    return parse_article(seed_text)


@pytest.fixture
def seed_json(seed_article, tmp_path):
    path = tmp_path / "seed.json"
    path.write_text(to_json(seed_article), encoding="utf-8")
    return str(path)


@pytest.fixture
def store(seed_json, tmp_path, capsys):
    db = str(tmp_path / "s.sqlite")
    assert cli.main(["index", db, seed_json]) == 0
    capsys.readouterr()
    return db


class TestExport:
    def test_csv_to_a_file(self, seed_json, seed_article, tmp_path, capsys):
        """export -o writes the file and says how many rows."""
        out = tmp_path / "events.csv"
        assert cli.main(["export", seed_json, "--format", "events-csv", "-o", str(out)]) == 0
        assert capsys.readouterr().out == f"{out}: {len(seed_article.events)} rows (events-csv)\n"
        assert out.read_bytes().startswith(b"\xef\xbb\xbfarticle_id,event_id,type,")

    def test_to_stdout_without_bom(self, seed_json, capsys):
        """Without -o, a stream format goes to stdout; --no-bom leaves the BOM out."""
        assert cli.main(["export", seed_json, "--format", "countries-csv", "--no-bom"]) == 0
        records = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        assert "MLI" in {r["alpha3"] for r in records}

    def test_plover_jsonl(self, seed_json, capsys):
        """plover-jsonl prints one JSON record per line (-o - is stdout too)."""
        assert cli.main(["export", seed_json, "--format", "plover-jsonl", "-o", "-"]) == 0
        first = json.loads(capsys.readouterr().out.splitlines()[0])
        assert first["event_type"] == "CONSULT"

    def test_parquet_needs_a_directory(self, seed_json, capsys):
        """parquet without -o is a usage error."""
        assert cli.main(["export", seed_json, "--format", "parquet"]) == 2
        assert "give -o DIR" in capsys.readouterr().err

    def test_parquet_without_pyarrow(self, seed_json, tmp_path, capsys, monkeypatch):
        """Without pyarrow, parquet is one line naming the extra to install, status 1."""
        from sahel_news.errors import MissingDependencyError
        from sahel_news.outputs import _parquet

        def missing():
            raise MissingDependencyError("Parquet export", "parquet")

        monkeypatch.setattr(_parquet, "_pyarrow", missing)
        argv = ["export", seed_json, "--format", "parquet", "-o", str(tmp_path / "t")]
        assert cli.main(argv) == 1
        assert "pip install 'sahel-news[parquet]'" in capsys.readouterr().err

    def test_closed_stdout_is_a_broken_pipe(self, seed_json, monkeypatch):
        """A reader that goes away gives status 141, not a write error."""

        class Closed(io.BytesIO):
            def write(self, data):
                raise BrokenPipeError

        monkeypatch.setattr("sys.stdout", io.TextIOWrapper(Closed()))
        assert cli.main(["export", seed_json, "--format", "plover-jsonl"]) == 141

    def test_bad_document_is_reported_and_skipped(self, seed_json, tmp_path, capsys):
        """A bad input is one stderr line; the others are still written; status 1."""
        bad = tmp_path / "bad.jsonl"
        bad.write_text('{"id": "x"}\n', encoding="utf-8")
        out = tmp_path / "a.csv"
        status = cli.main(["export", str(bad), seed_json, "--format", "acled-csv", "-o", str(out)])
        assert status == 1
        captured = capsys.readouterr()
        assert captured.err == f"{bad}:1: $.headline: required field missing\n"
        assert "Russian Defense Ministry" in out.read_text(encoding="utf-8-sig")

    def test_unknown_format_is_a_usage_error(self, seed_json, capsys):
        """An unknown --format is a usage error (status 2)."""
        assert cli.main(["export", seed_json, "--format", "xlsx"]) == 2


class TestIndex:
    def test_summary_and_idempotence(self, seed_json, tmp_path, capsys):
        """index reports what it did; a second run leaves the article unchanged."""
        db = str(tmp_path / "s.sqlite")
        assert cli.main(["index", db, seed_json]) == 0
        assert cli.main(["index", db, seed_json]) == 0
        assert capsys.readouterr().out.splitlines() == [
            f"{db}: 1 articles read: 1 added, 0 replaced, 0 unchanged; the store holds 1",
            f"{db}: 1 articles read: 0 added, 0 replaced, 1 unchanged; the store holds 1",
        ]

    def test_jsonl_from_stdin(self, seed_article, tmp_path, capsys, monkeypatch):
        """- reads JSONL from stdin, so parse and index can be piped together."""
        data = (to_json(seed_article) + "\n").encode()
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
        db = str(tmp_path / "s.sqlite")
        assert cli.main(["index", db, "-"]) == 0
        assert capsys.readouterr().out.endswith(
            "1 added, 0 replaced, 0 unchanged; the store holds 1\n"
        )

    def test_not_a_store(self, seed_json, tmp_path, capsys):
        """Indexing into a file that is not a store is one line and status 1."""
        path = tmp_path / "x.sqlite"
        path.write_text("text " * 200, encoding="utf-8")
        assert cli.main(["index", str(path), seed_json]) == 1
        (line,) = capsys.readouterr().err.splitlines()
        assert line.startswith(f"{path}: not a sahel-news store")


class TestQuery:
    def test_table(self, store, capsys):
        """The table has a header and one line per event, in date order."""
        assert cli.main(["query", store, "--country", "MLI", "--country", "RUS"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].split()[:4] == ["WHEN", "PRECISION", "TYPE", "STATUS"]
        assert lines[1].startswith("2024-03-01..2024-03-31  month")
        assert "Assimi Goïta -> Russian Defense Ministry" in "\n".join(lines)

    def test_json_with_filters(self, store, capsys):
        """--format json prints the matching events as a JSON array."""
        argv = ["query", store, "--type", "retreat", "--status", "planned", "--format", "json"]
        assert cli.main(argv) == 0
        (event,) = json.loads(capsys.readouterr().out)
        assert (event["event_id"], event["earliest"]) == ("e9", "2024-09-11")

    def test_csv_since_a_month(self, store, capsys):
        """--since YYYY-MM starts at the first day of the month; csv is the events table."""
        assert cli.main(["query", store, "--since", "2024-06", "--format", "csv"]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
        assert {r["event_id"] for r in rows} == {"e5", "e6", "e7", "e9"}

    def test_until_a_year_is_its_last_day(self, store, capsys):
        """--until YYYY reaches the end of that year."""
        assert cli.main(["query", store, "--until", "2023", "--format", "json"]) == 0
        assert [e["event_id"] for e in json.loads(capsys.readouterr().out)] == ["e13"]

    def test_actor(self, store, capsys):
        """--actor matches an actor's name ignoring case and accents."""
        assert cli.main(["query", store, "--actor", "vladimir putin", "--format", "json"]) == 0
        assert [e["event_id"] for e in json.loads(capsys.readouterr().out)] == ["e12"]

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["--country", "XX"], "argument --country: 'XX' is not a current ISO 3166-1 code"),
            (["--since", "June"], "argument --since: 'June' is not a date"),
            (["--type", "HUG"], "argument --type: invalid choice: 'HUG'"),
        ],
    )
    def test_bad_filters_are_usage_errors(self, store, capsys, argv, message):
        """A bad filter value is a usage error naming the option."""
        assert cli.main(["query", store, *argv]) == 2
        assert message in capsys.readouterr().err

    def test_language(self, seed_article, tmp_path, capsys):
        """--language keeps the events of articles in that language (any case; repeat: any)."""
        french = attrs.evolve(seed_article, id="seed-fr", language="fr")
        assert seed_article.language == "en"
        path = tmp_path / "both.jsonl"
        path.write_text(f"{to_json(seed_article)}\n{to_json(french)}\n", encoding="utf-8")
        db = str(tmp_path / "s.sqlite")
        assert cli.main(["index", db, str(path)]) == 0
        capsys.readouterr()

        def articles(*argv):
            assert cli.main(["query", db, *argv, "--format", "json"]) == 0
            events = json.loads(capsys.readouterr().out)
            assert {e["language"] for e in events} <= {"en", "fr"}
            return sorted({(e["article_id"], e["language"]) for e in events})

        assert articles("--language", "fr") == [("seed-fr", "fr")]
        assert articles("--language", "EN") == [(seed_article.id, "en")]
        both = articles("--language", "fr", "--language", "en")
        assert both == articles() == sorted([(seed_article.id, "en"), ("seed-fr", "fr")])
        assert articles("--language", "de") == []

    def test_bad_language_is_a_usage_error(self, store, capsys):
        """A --language that names no language is one line and status 2."""
        assert cli.main(["query", store, "--language", "elvish"]) == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert line == (
            "sahel-news query: error: argument --language: 'elvish' names no language"
            " (an ISO 639 code or a tag such as en, fr or fr-FR)"
        )

    def test_missing_store(self, tmp_path, capsys):
        """Querying a store that is not there is one line and status 1."""
        assert cli.main(["query", str(tmp_path / "none.sqlite")]) == 1
        assert "no store there" in capsys.readouterr().err

    def test_empty_store_prints_only_the_header(self, tmp_path, capsys):
        """A store without events prints the header and nothing else."""
        path = tmp_path / "a.json"
        path.write_text(to_json(Article(id="a1", headline="Quiet day")), encoding="utf-8")
        db = str(tmp_path / "s.sqlite")
        cli.main(["index", db, str(path)])
        capsys.readouterr()
        assert cli.main(["query", db]) == 0
        assert len(capsys.readouterr().out.splitlines()) == 1


class TestCounts:
    @pytest.mark.parametrize(
        "argv",
        [
            ["index", "db.sqlite", "x.json", "--batch-size", "0"],
            ["query", "db.sqlite", "--limit", "-1"],
        ],
    )
    def test_counts_must_be_positive(self, argv, capsys):
        """--batch-size and --limit below 1 are usage errors."""
        assert cli.main(argv) == 2
        assert "is not a whole number of 1 or more" in capsys.readouterr().err

    def test_limit(self, store, capsys):
        """--limit keeps the earliest events."""
        assert cli.main(["query", store, "--limit", "2", "--format", "json"]) == 0
        assert [e["event_id"] for e in json.loads(capsys.readouterr().out)] == ["e13", "e14"]


class TestStdoutTrouble:
    """export and query to a closed or full standard output: one line, status 4."""

    @pytest.mark.parametrize(
        "command",
        [
            ["export", "{doc}", "--format", "events-csv"],
            ["query", "{db}", "--format", "csv"],
            ["query", "{db}", "--format", "json"],
            ["query", "{db}"],
        ],
    )
    def test_closed_stdout_is_status_4(self, command, seed_json, store, monkeypatch, capsys):
        """With stdout closed at start, the command says so instead of an internal error."""
        args = [part.format(doc=seed_json, db=store) for part in command]
        monkeypatch.setattr("sys.stdout", None)
        assert cli.main(args) == cli.EXIT_OUTPUT
        assert capsys.readouterr().err.splitlines() == [
            "sahel-news: cannot write the output: standard output is closed"
        ]

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
    @pytest.mark.parametrize("command", ["export", "query"])
    def test_full_stdout_is_status_4(self, command, seed_json, store):
        """Writing to a full device names the reason, with status 4."""
        args = {
            "export": ["export", str(seed_json), "--format", "acled-csv"],
            "query": ["query", str(store), "--format", "csv"],
        }[command]
        with Path("/dev/full").open("wb") as full:
            done = subprocess.run(
                [sys.executable, "-m", "sahel_news", *args],
                stdout=full,
                stderr=subprocess.PIPE,
                check=False,
            )
        assert done.returncode == cli.EXIT_OUTPUT
        assert done.stderr.decode().strip().endswith("No space left on device")
