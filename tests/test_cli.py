"""The sahel-news command: exit statuses, one line per problem, never a traceback."""

import json

import pytest

import sahel_news.data
from sahel_news import cli
from sahel_news.convert import from_json, to_json
from sahel_news.errors import ParseError
from sahel_news.models import Article, Span


def write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


VALID = to_json(Article(id="a1", headline="Talks in Bamako", paragraphs=("They met.",)))
# A zoneless feed timestamp at 7:49 pm on 5 June 2024, to be read in the --tz zone.
CAPTURE = "Talks in Bamako\n\nThe junta met envoys.\n\nJune 05, 2024 at 07:49PM"


class TestValidate:
    def test_valid_files_exit_zero(self, tmp_path, capsys):
        """Every file valid: status 0 and "ok" per file."""
        path = write(tmp_path, "a.json", VALID)
        assert cli.main(["validate", path]) == 0
        assert capsys.readouterr().out == f"{path}: ok\n"

    def test_each_problem_is_one_line_with_file_and_path(self, tmp_path, capsys):
        """An invalid document gives one stderr line per problem with file and JSON path."""
        document = json.loads(VALID)
        document["headline"] = 3
        document["extra"] = 1
        path = write(tmp_path, "bad.json", json.dumps(document))
        assert cli.main(["validate", path]) == 1
        assert capsys.readouterr().err.splitlines() == [
            f"{path}: $.headline: expected a string, got number 3",
            f"{path}: $.extra: unknown key",
        ]

    def test_not_json_is_one_line_with_the_line_number(self, tmp_path, capsys):
        """A file that is not JSON gives one line naming the file and the line."""
        path = write(tmp_path, "broken.json", '{\n"id": "a1",\n"headline": }')
        assert cli.main(["validate", path]) == 1
        (line,) = capsys.readouterr().err.splitlines()
        assert line.startswith(f"{path}: $: not valid JSON: line 3")

    def test_model_option_validates_other_documents(self, tmp_path, capsys):
        """--model Event checks an Event document; the same text is no Article."""
        event = {
            "id": "e1",
            "type": "CONSULT",
            "trigger": {
                "text": "talks",
                "span": {"part": "headline", "index": 0, "start": 0, "end": 5},
            },
            "evidence": [{"part": "headline", "index": 0, "start": 0, "end": 5}],
        }
        path = write(tmp_path, "event.json", json.dumps(event))
        assert cli.main(["validate", "--model", "event", path]) == 0
        assert capsys.readouterr().out == f"{path}: ok\n"
        assert cli.main(["validate", path]) == 1
        assert f"{path}: $.headline: required field missing" in capsys.readouterr().err

    def test_model_option_reports_the_model_rules(self, tmp_path, capsys):
        """--model Actor reports an Actor's problems at their paths."""
        path = write(tmp_path, "actor.json", json.dumps({"id": "X Y", "name": "", "kind": "army"}))
        assert cli.main(["validate", "--model", "Actor", path]) == 1
        err = capsys.readouterr().err.splitlines()
        assert any(line.startswith(f"{path}: $.kind: 'army' is not one of") for line in err)
        assert any(line.startswith(f"{path}: $.id: ") for line in err)
        assert any(line.startswith(f"{path}: $.name: ") for line in err)

    def test_unknown_validate_model_is_a_usage_error(self, tmp_path, capsys):
        """An unknown --model is a usage error (status 2) in one line."""
        path = write(tmp_path, "a.json", VALID)
        assert cli.main(["validate", "--model", "Nope", path]) == 2
        assert "unknown model 'Nope'" in capsys.readouterr().err

    def test_one_bad_file_fails_the_run_but_all_are_checked(self, tmp_path, capsys):
        """Status 1 if any file is invalid; the valid ones are still reported."""
        good = write(tmp_path, "a.json", VALID)
        missing = str(tmp_path / "missing.json")
        assert cli.main(["validate", missing, good]) == 1
        captured = capsys.readouterr()
        assert f"{good}: ok" in captured.out
        assert captured.err.startswith(f"{missing}: cannot read")


class TestSchema:
    def test_default_is_the_article_schema(self, capsys):
        """`schema` prints the Article schema as JSON."""
        assert cli.main(["schema"]) == 0
        assert json.loads(capsys.readouterr().out)["title"] == "Article"

    def test_named_model(self, capsys):
        """`schema Span` prints the Span schema."""
        assert cli.main(["schema", "Span"]) == 0
        assert json.loads(capsys.readouterr().out)["$ref"] == "#/$defs/Span"

    def test_unknown_model_is_a_usage_error_in_one_line(self, capsys):
        """An unknown model name is a bad command line: one line, status 2."""
        assert cli.main(["schema", "Nope"]) == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert line.startswith("sahel-news schema: error: unknown model 'Nope'; choose one of ")
        assert "Article" in line

    @pytest.mark.parametrize("name", ["article", "ARTICLE", "dateRange"])
    def test_model_names_ignore_case(self, name, capsys):
        """`schema article` prints the Article schema: model names ignore case."""
        assert cli.main(["schema", name]) == 0
        expected = "DateRange" if name == "dateRange" else "Article"
        assert json.loads(capsys.readouterr().out)["title"] == expected


class TestParse:
    def test_seed_capture_prints_an_article(self, seed_text, tmp_path, capsys):
        """Parsing the seed capture prints indented JSON that loads back as an Article."""
        path = write(tmp_path, "seed.txt", seed_text)
        assert cli.main(["parse", path]) == 0
        out = capsys.readouterr().out
        assert out.startswith('{\n  "schema_version"')
        assert from_json(out, Article).headline.startswith("Russian defense delegation")

    def test_output_file(self, seed_text, tmp_path):
        """With -o the JSON goes to the file."""
        path = write(tmp_path, "seed.txt", seed_text)
        out = tmp_path / "out.json"
        assert (
            cli.main(["parse", path, "-o", str(out), "--no-extract", "--tz", "Africa/Bamako"]) == 0
        )
        assert from_json(out.read_bytes(), Article).actors == ()

    def test_stdin(self, seed_text, monkeypatch, capsys):
        """`-` reads the capture from stdin as bytes."""
        import io

        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(seed_text.encode())))
        assert cli.main(["parse", "-", "--no-extract"]) == 0
        assert '"headline"' in capsys.readouterr().out

    def test_invalid_utf8_names_line_and_offset(self, tmp_path, capsys):
        """Bytes that are not UTF-8 are one line with the line and the byte offset."""
        path = write(tmp_path, "latin1.txt", "Headline\n\nMali’s".encode() + b"\xe9t\xe9")
        assert cli.main(["parse", path]) == 1
        # "Headline\n\n" is 10 bytes, "Mali" 4, the apostrophe 3 and "s" 1: é is byte 18.
        err = capsys.readouterr().err
        assert err == f"{path}:3: not UTF-8: byte 0xe9 at offset 18\n"

    def test_parse_error_is_one_line(self, tmp_path, monkeypatch, capsys):
        """A ParseError is reported on one line with file and line, status 1."""

        def refuse(*args, **kwargs):
            raise ParseError("no headline found", line=4)

        monkeypatch.setattr("sahel_news.pipeline.parse_article", refuse)
        path = write(tmp_path, "c.txt", "x")
        assert cli.main(["parse", path]) == 1
        assert capsys.readouterr().err == f"{path}:4: cannot parse: no headline found\n"

    @pytest.mark.parametrize(
        "zone",
        [
            "Mars/Olympus",
            "",
            "UTC+3",
            "GMT-1",
            "+01:00",
            "../../../etc/passwd",
            "/usr/share/zoneinfo/Africa/Bamako",
            "localtime",
            "Factory",
            "EST5EDT,M3.2.0,M11.1.0",
            "africa/bamako",
        ],
    )
    def test_zone_that_is_no_iana_name_is_a_usage_error(self, zone, tmp_path, capsys):
        """A --tz that is not UTC or an IANA zone name is refused in one line, status 2."""
        path = write(tmp_path, "c.txt", CAPTURE)
        assert cli.main(["parse", path, "--tz", zone, "--no-extract"]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        (line,) = captured.err.splitlines()
        assert line.startswith(
            f"sahel-news parse: error: argument --tz: unknown time zone {zone!r} ("
        )

    def test_zone_in_the_wrong_case_is_named(self, tmp_path, capsys):
        """A zone name in the wrong case is refused with the right spelling suggested."""
        path = write(tmp_path, "c.txt", CAPTURE)
        assert cli.main(["parse", path, "--tz", "africa/bamako"]) == 2
        assert "did you mean 'Africa/Bamako'?" in capsys.readouterr().err

    @pytest.mark.parametrize(
        ("zone", "published", "named"),
        [
            ("UTC", "2024-06-05T19:49:00+00:00", "read in UTC"),
            ("Africa/Lagos", "2024-06-05T19:49:00+01:00", "read in Africa/Lagos (UTC+01:00)"),
            ("Africa/Bamako", "2024-06-05T19:49:00+00:00", "read in Africa/Bamako (UTC)"),
            ("Europe/Moscow", "2024-06-05T19:49:00+03:00", "read in Europe/Moscow (UTC+03:00)"),
        ],
    )
    def test_zone_is_used_and_named(self, zone, published, named, tmp_path, capsys):
        """An IANA --tz reads a zoneless timestamp, and the diagnostic names that zone."""
        path = write(tmp_path, "c.txt", CAPTURE)
        assert cli.main(["parse", path, "--tz", zone, "--no-extract"]) == 0
        document = json.loads(capsys.readouterr().out)
        assert document["published"] == published
        (message,) = [d["message"] for d in document["diagnostics"] if d["code"] == "zone_assumed"]
        assert message.endswith(named)


class TestExits:
    def test_version(self, capsys):
        """`--version` prints the version and exits 0."""
        assert cli.main(["--version"]) == 0
        assert capsys.readouterr().out.startswith("sahel-news ")

    def test_usage_error_is_status_2(self, capsys):
        """A missing command is a usage error."""
        assert cli.main([]) == 2
        assert "usage:" in capsys.readouterr().err

    def test_help_documents_exit_statuses(self, capsys):
        """`--help` lists the exit statuses."""
        assert cli.main(["--help"]) == 0
        assert "130" in capsys.readouterr().out

    @pytest.mark.parametrize(
        ("error", "status"), [(KeyboardInterrupt(), 130), (BrokenPipeError(), 141)]
    )
    def test_interrupt_and_broken_pipe(self, monkeypatch, capsys, error, status):
        """Ctrl-C exits 130 and a closed pipe 141, without a traceback."""

        def boom(args):
            raise error

        monkeypatch.setattr(cli, "_run", boom)
        assert cli.main(["schema"]) == status
        assert "Traceback" not in capsys.readouterr().err

    def test_internal_error_is_one_line(self, monkeypatch, capsys):
        """An unexpected exception is one line, status 3, no traceback."""

        def boom(args):
            raise RuntimeError(Span)

        monkeypatch.setattr(cli, "_run", boom)
        assert cli.main(["schema"]) == 3
        assert len(capsys.readouterr().err.splitlines()) == 1


class TestUserTables:
    def test_a_broken_user_table_is_invalid_input_not_an_internal_error(
        self, tmp_path, capsys, monkeypatch, seed_text
    ):
        """A user's broken table exits 1 with the file and the reason, never 3."""
        (tmp_path / "places.json").write_text('{"entries": [{"name": 7}]}', encoding="utf-8")
        capture = tmp_path / "seed.txt"
        capture.write_text(seed_text, encoding="utf-8")
        monkeypatch.setenv("SAHEL_NEWS_DATA", str(tmp_path))
        sahel_news.data.clear_caches()
        try:
            assert cli.main(["parse", str(capture)]) == 1
        finally:
            monkeypatch.delenv("SAHEL_NEWS_DATA")
            sahel_news.data.clear_caches()
        error = capsys.readouterr().err
        assert error.startswith("sahel-news: data table: ")
        assert str(tmp_path / "places.json") in error
