"""Reading corpora: Article JSON files, JSONL files and directories, errors that say where."""

import io

import pytest

from sahel_news.convert import to_json
from sahel_news.errors import InputError
from sahel_news.models import Article
from sahel_news.outputs import read_articles

ONE = Article(id="a1", headline="Talks in Bamako", paragraphs=("They met.",))
TWO = Article(id="a2", headline="Talks in Niamey", paragraphs=("They met again.",))


def jsonl(*articles):
    return "".join(to_json(a) + "\n" for a in articles)


class TestLayouts:
    def test_json_file(self, tmp_path):
        """A .json file is one Article."""
        (tmp_path / "a.json").write_text(to_json(ONE, indent=True), encoding="utf-8")
        assert list(read_articles([tmp_path / "a.json"])) == [ONE]

    def test_jsonl_file_skips_blank_lines(self, tmp_path):
        """A .jsonl file is one Article per line; blank lines are skipped."""
        (tmp_path / "c.jsonl").write_text(jsonl(ONE) + "\n  \n" + jsonl(TWO), encoding="utf-8")
        assert list(read_articles([str(tmp_path / "c.jsonl")])) == [ONE, TWO]

    def test_directory_in_sorted_order_with_subdirectories(self, tmp_path):
        """A directory gives its .json/.jsonl files, sorted, subdirectories included."""
        (tmp_path / "b").mkdir()
        (tmp_path / "b" / "x.ndjson").write_text(jsonl(TWO), encoding="utf-8")
        (tmp_path / "a.json").write_text(to_json(ONE), encoding="utf-8")
        (tmp_path / "notes.txt").write_text("not an article", encoding="utf-8")
        assert list(read_articles([tmp_path])) == [ONE, TWO]

    def test_a_stream_is_jsonl(self):
        """An open binary stream is read as JSONL, its errors named after the stream."""
        stream = io.BytesIO((jsonl(ONE) + "[]\n").encode())
        errors = []
        assert list(read_articles([stream], on_error=errors.append)) == [ONE]
        assert [e.where for e in errors] == ["<stream>:2"]

    def test_inputs_in_the_order_given(self, tmp_path):
        """Inputs are read in the order named on the command line."""
        (tmp_path / "1.json").write_text(to_json(ONE), encoding="utf-8")
        (tmp_path / "2.json").write_text(to_json(TWO), encoding="utf-8")
        names = [tmp_path / "2.json", tmp_path / "1.json"]
        assert [a.id for a in read_articles(names)] == ["a2", "a1"]


class TestErrors:
    def test_jsonl_error_names_the_line_and_path(self, tmp_path):
        """A bad line of a JSONL file names the file, the line and the JSON path."""
        path = tmp_path / "c.jsonl"
        path.write_text(jsonl(ONE) + '{"id": "a3", "headline": 3}\n', encoding="utf-8")
        with pytest.raises(InputError) as caught:
            list(read_articles([path]))
        assert caught.value.where == f"{path}:2"
        assert "$.headline: expected a string, got number 3" in caught.value.reasons

    def test_missing_file(self, tmp_path):
        """A missing input is an InputError, not an OSError."""
        with pytest.raises(InputError, match="no such file or directory"):
            list(read_articles([tmp_path / "gone.json"]))

    def test_on_error_collects_and_goes_on(self, tmp_path):
        """With on_error, bad inputs are handed over and the good ones still read."""
        (tmp_path / "c.jsonl").write_text(jsonl(ONE) + "not json\n" + jsonl(TWO), encoding="utf-8")
        errors = []
        found = list(read_articles([tmp_path / "c.jsonl", tmp_path / "x"], on_error=errors.append))
        assert found == [ONE, TWO]
        assert [e.where for e in errors] == [f"{tmp_path / 'c.jsonl'}:2", str(tmp_path / "x")]
