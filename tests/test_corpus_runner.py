"""The corpus run: inputs in order, outputs written whole, and a rerun that resumes exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _corpus_maker import make_corpus
from sahel_news.corpus._inputs import InputError, find_inputs, read_manifest
from sahel_news.corpus._runner import (
    JOURNAL_NAME,
    Progress,
    RunOptions,
    journal_path,
    run_corpus,
)

GOOD = "Talks in Bamako\n\nThe junta met ECOWAS envoys on Tuesday in Bamako, Mali.\n"


def tree(root: Path) -> dict[str, bytes]:
    """Every output file below *root* with its bytes; the journal is bookkeeping, left out."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != JOURNAL_NAME and not path.name.endswith(".journal")
    }


def run(inputs, options, *, stop_after=None):
    """Run the corpus; with *stop_after*, a Ctrl-C arrives after that many inputs."""
    progress = Progress(total=len(inputs))

    def watch(progress):
        if stop_after is not None and progress.done >= stop_after:
            raise KeyboardInterrupt

    run_corpus(inputs, options, progress, on_progress=watch)
    return progress


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    broken = make_corpus(root, 24)
    return root, broken


class TestFindInputs:
    def test_directories_are_walked_sorted_with_keys_below_them(self, tmp_path):
        """A directory gives its files in sorted order, hidden ones left out, keyed below it."""
        for name in ["b/z.txt", "a.txt", "b/.hidden.txt", ".git/x.txt", "c.md"]:
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text("x")
        found = find_inputs([str(tmp_path)])
        assert [i.key for i in found] == ["a", "b/z", "c"]

    def test_glob_filters_walked_files(self, tmp_path):
        """--glob keeps the walked files whose name matches."""
        for name in ["a.txt", "b.md", "sub/c.txt"]:
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text("x")
        assert [i.key for i in find_inputs([str(tmp_path)], glob="*.txt")] == ["a", "sub/c"]

    def test_outputs_inside_the_input_are_left_out(self, tmp_path):
        """The run's own output directory is never read as input."""
        (tmp_path / "a.txt").write_text("x")
        (tmp_path / "out").mkdir()
        (tmp_path / "out" / "a.json").write_text("{}")
        found = find_inputs([str(tmp_path)], excluded=[tmp_path / "out"])
        assert [i.key for i in found] == ["a"]

    def test_missing_path_is_an_input_error(self, tmp_path):
        """A path that names nothing is refused by name."""
        with pytest.raises(InputError, match="no-such"):
            find_inputs([str(tmp_path / "no-such")])


class TestManifest:
    def test_csv_and_jsonl_give_the_same_inputs(self, tmp_path):
        """Both manifest forms give paths below the manifest and the metadata columns."""
        (tmp_path / "a.txt").write_text(GOOD)
        (tmp_path / "m.csv").write_text(
            "path,url,published,title,extra\na.txt,https://e.org/x,2024-06-05,Talks,1\n"
        )
        row = {"path": "a.txt", "url": "https://e.org/x", "published": "2024-06-05"}
        (tmp_path / "m.jsonl").write_text(json.dumps(row | {"headline": "Talks"}) + "\n")
        from_csv, from_jsonl = (
            read_manifest(tmp_path / "m.csv"),
            read_manifest(tmp_path / "m.jsonl"),
        )
        assert from_csv == from_jsonl
        (only,) = from_csv
        assert only.path == tmp_path / "a.txt"
        assert dict(only.metadata) == {
            "url": "https://e.org/x",
            "published": "2024-06-05",
            "headline": "Talks",
        }

    @pytest.mark.parametrize(
        ("content", "message"),
        [("{not json\n", r"m.jsonl:1: not JSON"), ('{"id": "x"}\n', r"m.jsonl:1: no 'path'")],
    )
    def test_bad_rows_name_their_line(self, tmp_path, content, message):
        """A bad manifest line is an InputError with the manifest's name and the line."""
        (tmp_path / "m.jsonl").write_text(content)
        with pytest.raises(InputError, match=message):
            read_manifest(tmp_path / "m.jsonl")


class TestRun:
    def test_directory_output_and_errors_file(self, corpus, tmp_path):
        """Each good input becomes <key>.json; the errors file lists exactly the broken ones."""
        root, broken = corpus
        inputs = find_inputs([str(root)])
        options = RunOptions(output_dir=tmp_path / "out", errors=tmp_path / "errors.jsonl")
        progress = run(inputs, options)
        assert (progress.parsed, progress.failed) == (24, len(broken))
        listed = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
        assert {Path(r["path"]).relative_to(root).as_posix() for r in listed} == broken
        assert {r["error"] for r in listed} == {"ParseError"}
        written = tree(tmp_path / "out")
        assert len(written) == 24
        assert "batch0/deep/c0000.json" in written

    def test_rerun_skips_everything_done(self, corpus, tmp_path):
        """A second run parses nothing and still lists the failures of the first."""
        root, broken = corpus
        inputs = find_inputs([str(root)])
        options = RunOptions(output_dir=tmp_path / "out", errors=tmp_path / "errors.jsonl")
        run(inputs, options)
        first = tree(tmp_path)
        again = run(inputs, options)
        assert (again.parsed, again.failed, again.skipped) == (0, 0, 24 + len(broken))
        assert len(again.failures) == len(broken)
        assert tree(tmp_path) == first

    @pytest.mark.parametrize("mode", ["dir", "jsonl"])
    @pytest.mark.parametrize("stop_after", [1, 7, 20])
    def test_interrupted_then_resumed_equals_uninterrupted(
        self, corpus, tmp_path, mode, stop_after
    ):
        """Stopped by Ctrl-C and rerun, the outputs are byte for byte those of one whole run."""
        root, _ = corpus
        inputs = find_inputs([str(root)])

        def options(where):
            if mode == "dir":
                return RunOptions(output_dir=where / "out", errors=where / "errors.jsonl")
            return RunOptions(jsonl=where / "all.jsonl", errors=where / "errors.jsonl")

        run(inputs, options(tmp_path / "whole"))
        with pytest.raises(KeyboardInterrupt):
            run(inputs, options(tmp_path / "cut"), stop_after=stop_after)
        resumed = run(inputs, options(tmp_path / "cut"))
        assert resumed.skipped >= stop_after
        assert tree(tmp_path / "cut") == tree(tmp_path / "whole")

    def test_torn_lines_are_repaired(self, corpus, tmp_path):
        """After a crash tore the last JSONL line and journal line, a rerun is exact."""
        root, _ = corpus
        inputs = find_inputs([str(root)])
        whole = RunOptions(jsonl=tmp_path / "whole.jsonl")
        run(inputs, whole)
        cut = RunOptions(jsonl=tmp_path / "cut.jsonl")
        with pytest.raises(KeyboardInterrupt):
            run(inputs, cut, stop_after=9)
        with (tmp_path / "cut.jsonl").open("ab") as file:
            file.write(b'{"schema_version": "1.0", "id": "a-tor')
        with journal_path(cut).open("ab") as file:
            file.write(b'{"key": "batch3/c00')
        run(inputs, cut)
        assert (tmp_path / "cut.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()

    def test_changed_input_is_parsed_again(self, tmp_path):
        """An input whose bytes changed is parsed again; one that now fails loses its output."""
        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "a.txt").write_text(GOOD)
        (tmp_path / "in" / "b.txt").write_text(GOOD)
        options = RunOptions(output_dir=tmp_path / "out")
        run(find_inputs([str(tmp_path / "in")]), options)
        (tmp_path / "in" / "a.txt").write_text(GOOD.replace("Talks", "Fresh talks"))
        (tmp_path / "in" / "b.txt").write_text("")
        again = run(find_inputs([str(tmp_path / "in")]), options)
        assert (again.parsed, again.failed, again.skipped) == (1, 1, 0)
        assert "Fresh talks" in (tmp_path / "out" / "a.json").read_text()
        assert not (tmp_path / "out" / "b.json").exists()

    def test_other_options_start_afresh(self, tmp_path):
        """A rerun with options that change the output does not skip anything."""
        (tmp_path / "a.txt").write_text(GOOD)
        inputs = find_inputs([str(tmp_path / "a.txt")])
        run(inputs, RunOptions(output_dir=tmp_path / "out"))
        from sahel_news.corpus._batch import ParseOptions

        layout_only = RunOptions(output_dir=tmp_path / "out", parse=ParseOptions(extract=False))
        again = run(inputs, layout_only)
        assert (again.parsed, again.skipped) == (1, 0)

    def test_two_inputs_for_one_output_are_refused(self, tmp_path):
        """Two inputs that would write the same <key>.json are an InputError before any work."""
        (tmp_path / "a.txt").write_text(GOOD)
        (tmp_path / "a.md").write_text(GOOD)
        inputs = find_inputs([str(tmp_path / "a.txt"), str(tmp_path / "a.md")])
        with pytest.raises(InputError, match=r"a\.json"):
            run(inputs, RunOptions(output_dir=tmp_path / "out"))
        assert not (tmp_path / "out").exists()

    def test_bad_manifest_published_fails_that_input_only(self, tmp_path):
        """A manifest row whose published is no date fails with its id; the others parse."""
        (tmp_path / "a.txt").write_text(GOOD)
        (tmp_path / "b.txt").write_text(GOOD)
        (tmp_path / "m.csv").write_text("path,id,published\na.txt,first,June\nb.txt,second,\n")
        errors = tmp_path / "errors.jsonl"
        progress = run(read_manifest(tmp_path / "m.csv"), RunOptions(errors=errors))
        assert (progress.parsed, progress.failed) == (1, 1)
        (record,) = [json.loads(line) for line in errors.read_text().splitlines()]
        assert (record["id"], record["error"]) == ("first", "ValueError")
        assert "not an ISO date" in record["message"]

    def test_manifest_title_is_the_headline_of_plain_text(self, tmp_path):
        """A manifest's title column becomes the headline of a text that has none."""
        body = "The junta met ECOWAS envoys on Tuesday in Bamako, Mali. They talked for hours.\n"
        (tmp_path / "a.txt").write_text(body)
        (tmp_path / "m.csv").write_text("path,title\na.txt,Talks in Bamako\n")
        run(read_manifest(tmp_path / "m.csv"), RunOptions(jsonl=tmp_path / "all.jsonl"))
        (line,) = (tmp_path / "all.jsonl").read_text().splitlines()
        assert json.loads(line)["headline"] == "Talks in Bamako"

    def test_file_names_that_are_not_utf8(self, tmp_path):
        """A file name that is not UTF-8 is written, journalled and listed (escaped)."""
        import os

        folder = tmp_path / "in"
        folder.mkdir()
        (folder / os.fsdecode(b"\xffok.txt")).write_bytes(GOOD.encode())
        (folder / os.fsdecode(b"\xfe\xffbad.txt")).write_bytes(b"")
        errors = tmp_path / "errors.jsonl"
        options = RunOptions(output_dir=tmp_path / "out", errors=errors)
        progress = run(find_inputs([str(folder)]), options)
        assert (progress.parsed, progress.failed) == (1, 1)
        assert (tmp_path / "out" / os.fsdecode(b"\xffok.json")).is_file()
        (record,) = [json.loads(line) for line in errors.read_text().splitlines()]
        assert record["path"].endswith(os.fsdecode(b"\xfe\xffbad.txt"))
        assert run(find_inputs([str(folder)]), options).skipped == 2

    def test_too_large_input_fails_unread(self, tmp_path):
        """An input over the size limit is a failure that says the size and the limit."""
        (tmp_path / "big.txt").write_text(GOOD * 10)
        progress = run(find_inputs([str(tmp_path / "big.txt")]), RunOptions(max_bytes=100))
        (failure,) = progress.failures
        assert "more than the limit of 100" in failure.message
