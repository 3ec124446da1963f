"""`sahel-news parse` over many captures: outputs, summary, exit statuses, and what goes wrong."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _corpus_maker import make_corpus
from sahel_news import cli

GOOD = "Talks in Bamako\n\nThe junta met ECOWAS envoys on Tuesday in Bamako, Mali.\n"
HUGE_BYTES = 16 * 1024 * 1024  # just over the runner's limit once the headline is added


def tree(root: Path) -> dict[str, bytes]:
    """Every file below *root* with its bytes, the journals (bookkeeping) left out."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "journal" not in path.name
    }


def sahel_news(*args, **kwargs):
    """Run the installed command as a user would, in a fresh process."""
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE} | kwargs
    return subprocess.run(
        [sys.executable, "-m", "sahel_news", *map(str, args)], check=False, **streams
    )


@pytest.fixture
def small(tmp_path):
    root = tmp_path / "in"
    broken = make_corpus(root, 12)
    return root, broken


class TestCorpusCommand:
    def test_directory_to_directory(self, small, tmp_path, capsys):
        """A directory becomes a mirrored tree of JSON files; failures exit 1 and are listed."""
        root, broken = small
        out, errors = tmp_path / "out", tmp_path / "errors.jsonl"
        status = cli.main(["parse", str(root), "-o", str(out), "--errors", str(errors), "-j", "1"])
        assert status == 1
        assert (out / "batch0" / "deep" / "c0000.json").is_file()
        listed = {Path(json.loads(line)["path"]) for line in errors.read_text().splitlines()}
        assert {p.relative_to(root).as_posix() for p in listed} == broken
        err = capsys.readouterr().err
        assert err.startswith(f"parsed 12, failed {len(broken)}, skipped 0 in ")
        assert "articles/s" in err

    def test_summary_lists_a_few_failures_without_an_errors_file(self, small, tmp_path, capsys):
        """Without --errors the summary names the first failures and how many more there are."""
        root, broken = small
        (root / "broken" / "one-more.txt").write_text("")
        assert cli.main(["parse", str(root), "--jsonl", str(tmp_path / "a.jsonl"), "-j", "1"]) == 1
        lines = capsys.readouterr().err.splitlines()
        assert len(lines) == 1 + 5 + 1
        assert lines[-1] == f"  ... and {len(broken) + 1 - 5} more (--errors FILE lists them all)"

    def test_jsonl_lines_are_articles_with_their_path(self, tmp_path, capsys):
        """--jsonl writes one Article per line, each with its file's URI as source.url."""
        for name in ("a.txt", "b.txt"):
            (tmp_path / name).write_text(GOOD)
        target = tmp_path / "all.jsonl"
        paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
        assert cli.main(["parse", *paths, "--jsonl", str(target), "-j", "1"]) == 0
        lines = target.read_text().splitlines()
        assert [json.loads(line)["source"]["url"] for line in lines] == [
            Path(p).resolve().as_uri() for p in paths
        ]

    def test_many_inputs_without_output_go_to_stdout(self, tmp_path, capsys):
        """With no -o and no --jsonl, many inputs print JSON Lines; the summary goes to stderr."""
        for name in ("a.txt", "b.txt"):
            (tmp_path / name).write_text(GOOD)
        assert cli.main(["parse", str(tmp_path), "-q", "-j", "1"]) == 0
        captured = capsys.readouterr()
        assert [json.loads(line)["headline"] for line in captured.out.splitlines()] == [
            "Talks in Bamako"
        ] * 2
        assert captured.err.startswith("parsed 2, failed 0, skipped 0")

    def test_manifest_metadata_reaches_the_article(self, tmp_path, capsys):
        """A manifest's url and published fill the Article's source and publication time."""
        (tmp_path / "a.txt").write_text(GOOD)
        (tmp_path / "m.csv").write_text(
            "path,url,outlet,published\na.txt,https://e.org/a,Example,2024-06-05\n"
        )
        out = tmp_path / "out"
        assert cli.main(["parse", "--manifest", str(tmp_path / "m.csv"), "-o", str(out)]) == 0
        document = json.loads((out / "a.json").read_text())
        assert document["source"] == {
            "url": "https://e.org/a",
            "outlet": "Example",
            "language": None,
        }
        assert document["published"] == "2024-06-05T00:00:00+00:00"

    def test_language_for_one_capture(self, tmp_path, capsys):
        """--language sets the source language of the one capture (any case), over detection."""
        (tmp_path / "a.txt").write_text(GOOD)
        assert cli.main(["parse", str(tmp_path / "a.txt"), "--no-extract"]) == 0
        detected = json.loads(capsys.readouterr().out)
        assert (detected["language"], detected["source"]["language"]) == ("en", None)
        argv = ["parse", str(tmp_path / "a.txt"), "--language", "FR", "--url", "https://e.org/a"]
        assert cli.main(argv) == 0
        document = json.loads(capsys.readouterr().out)
        assert document["language"] == "fr"
        assert document["source"] == {"url": "https://e.org/a", "outlet": None, "language": "fr"}

    def test_language_for_every_input_unless_the_manifest_gives_one(self, tmp_path, capsys):
        """In the corpus form --language is every input's language; a manifest's wins."""
        for name in ("a", "b", "c"):
            (tmp_path / f"{name}.txt").write_text(GOOD)
        (tmp_path / "m.csv").write_text("path,language\nb.txt,en\nc.txt,\n")
        out = tmp_path / "out"
        argv = ["parse", str(tmp_path / "a.txt"), "--manifest", str(tmp_path / "m.csv")]
        assert cli.main([*argv, "--language", "fr", "-o", str(out), "-q"]) == 0
        languages = {
            name: json.loads((out / f"{name}.json").read_text())["language"]
            for name in ("a", "b", "c")
        }
        assert languages == {"a": "fr", "b": "en", "c": "fr"}

    def test_language_wins_over_an_html_pages_own(self, tmp_path, capsys):
        """--language is the one HTML page's language, over the one the page declares."""
        page = str(Path(__file__).parent / "pages" / "article_tag.html")
        pytest.importorskip("trafilatura")
        assert cli.main(["parse", page, "--no-extract"]) == 0
        assert json.loads(capsys.readouterr().out)["source"]["language"] == "en"
        assert cli.main(["parse", page, "--no-extract", "--language", "fr"]) == 0
        document = json.loads(capsys.readouterr().out)
        assert (document["language"], document["source"]["outlet"]) == ("fr", "Sahel Daily")
        assert document["source"]["language"] == "fr"

    def test_help_documents_language(self, capsys):
        """`parse --help` lists --language."""
        assert cli.main(["parse", "--help"]) == 0
        assert "--language CODE" in capsys.readouterr().out

    def test_published_and_url_for_one_capture(self, tmp_path, capsys):
        """--published and --url describe the one capture of the one-file form."""
        (tmp_path / "a.txt").write_text(GOOD)
        path = str(tmp_path / "a.txt")
        args = ["parse", path, "--published", "2024-06-05", "--url", "https://e.org/a"]
        assert cli.main(args) == 0
        document = json.loads(capsys.readouterr().out)
        assert document["published"] == "2024-06-05T00:00:00+00:00"
        assert document["source"]["url"] == "https://e.org/a"

    def test_headline_for_one_plain_text(self, tmp_path, capsys):
        """--headline gives a text with no headline line its title from metadata."""
        body = "DAKAR - Gunmen attacked a convoy near Gao on Monday, the army said. " * 6
        (tmp_path / "a.txt").write_text(body.strip() + "\n")
        args = ["parse", str(tmp_path / "a.txt"), "--headline", "Convoy attacked near Gao"]
        assert cli.main(args) == 0
        document = json.loads(capsys.readouterr().out)
        assert document["headline"] == "Convoy attacked near Gao"
        assert document["paragraphs"]

    def test_strict_refuses_a_text_with_no_headline_line(self, tmp_path, capsys):
        """--strict reads captures only: a body-only text is a parse error, exit 1."""
        body = "DAKAR - Gunmen attacked a convoy near Gao on Monday, the army said. " * 6
        (tmp_path / "a.txt").write_text(body.strip() + "\n")
        assert cli.main(["parse", str(tmp_path / "a.txt"), "--strict"]) == 1
        assert "no plausible headline" in capsys.readouterr().err
        assert cli.main(["parse", str(tmp_path / "a.txt")]) == 0

    def test_strict_applies_to_every_capture_of_a_corpus(self, tmp_path, capsys):
        """In the corpus form --strict fails the body-only text and keeps the capture."""
        body = "DAKAR - Gunmen attacked a convoy near Gao on Monday, the army said. " * 6
        (tmp_path / "plain.txt").write_text(body.strip() + "\n")
        (tmp_path / "good.txt").write_text(GOOD)
        errors = tmp_path / "errors.jsonl"
        args = ["parse", str(tmp_path / "plain.txt"), str(tmp_path / "good.txt")]
        status = cli.main([*args, "--strict", "-o", str(tmp_path / "out"), "--errors", str(errors)])
        assert status == 1
        failed = [json.loads(line)["path"] for line in errors.read_text().splitlines()]
        assert [Path(p).name for p in failed] == ["plain.txt"]
        assert (tmp_path / "out" / "good.json").exists()

    def test_encoding_reads_latin1(self, tmp_path, capsys):
        """--encoding latin-1 reads a capture saved in Latin-1."""
        path = tmp_path / "a.txt"
        path.write_bytes("Manifestation à Bamako\n\nLes élèves ont défilé.\n".encode("latin-1"))
        assert cli.main(["parse", str(path), "--encoding", "latin-1", "--no-extract"]) == 0
        assert json.loads(capsys.readouterr().out)["headline"] == "Manifestation à Bamako"

    @pytest.mark.parametrize(
        ("extra", "message"),
        [
            (["--published", "June"], "argument --published"),
            (["--encoding", "klingon"], "unknown encoding 'klingon'"),
            (["--jobs", "0"], "argument --jobs"),
            (["--jsonl", "x.jsonl", "-o", "d"], "not both"),
            (["{dir}", "--url", "https://e.org"], "describe one capture"),
            (["--language", "elvish"], "argument --language: 'elvish' names no language"),
            (["--language", ""], "argument --language: '' names no language"),
            (["{dir}", "--language", "f1"], "argument --language: 'f1' names no language"),
        ],
    )
    def test_usage_errors(self, tmp_path, capsys, extra, message):
        """Bad corpus options are one line and status 2, before any work."""
        (tmp_path / "a.txt").write_text(GOOD)
        args = [a.replace("{dir}", str(tmp_path)) for a in extra]
        assert cli.main(["parse", str(tmp_path / "a.txt"), *args]) == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert line.startswith("sahel-news parse: error: ")
        assert message in line

    def test_colliding_outputs_are_a_usage_error(self, tmp_path, capsys):
        """Two inputs that would write the same <name>.json are refused before any work."""
        (tmp_path / "a.txt").write_text(GOOD)
        (tmp_path / "a.md").write_text(GOOD)
        files = [str(tmp_path / "a.txt"), str(tmp_path / "a.md")]
        assert cli.main(["parse", *files, "-o", str(tmp_path / "out")]) == 2
        assert "a.json" in capsys.readouterr().err

    def test_nothing_to_read_is_a_usage_error(self, capsys):
        """`parse` with no input and no manifest is a usage error."""
        assert cli.main(["parse"]) == 2
        assert "--manifest" in capsys.readouterr().err

    def test_help_documents_the_corpus_form(self, capsys):
        """`parse --help` explains resuming and lists status 4."""
        assert cli.main(["parse", "--help"]) == 0
        out = capsys.readouterr().out
        assert "resumes where it stopped" in out
        assert "  4 " in out


class TestOutputTrouble:
    def test_closed_stdout_is_one_line_and_status_4(self, tmp_path):
        """`parse seed.txt >&-` says stdout is closed, with status 4 and no traceback."""
        (tmp_path / "a.txt").write_text(GOOD)
        done = sahel_news("parse", tmp_path / "a.txt", stdout=subprocess.DEVNULL)
        assert done.returncode == 0  # the control: an open stdout works
        closed = subprocess.run(  # noqa: S602 - the test is what a shell's >&- does
            f'"{sys.executable}" -m sahel_news parse "{tmp_path / "a.txt"}" >&-',
            shell=True,
            stderr=subprocess.PIPE,
            check=False,
        )
        assert closed.returncode == 4
        assert closed.stderr.decode().splitlines() == [
            "sahel-news: cannot write the output: standard output is closed"
        ]

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
    def test_full_stdout_is_one_line_and_status_4(self, tmp_path):
        """Writing to a full device is one line naming the reason, status 4."""
        (tmp_path / "a.txt").write_text(GOOD)
        with Path("/dev/full").open("wb") as full:
            done = sahel_news("parse", tmp_path / "a.txt", stdout=full, stderr=subprocess.PIPE)
        assert done.returncode == 4
        assert done.stderr.decode().strip().endswith("No space left on device")

    def test_broken_pipe_is_one_line_and_status_141(self, tmp_path):
        """A reader that goes away early gives a one-line error and status 141."""
        for number in range(30):
            (tmp_path / f"c{number}.txt").write_text(GOOD.replace("Talks", f"Talks {number}"))
        process = subprocess.Popen(
            [sys.executable, "-m", "sahel_news", "parse", str(tmp_path), "-j", "1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        process.stdout.read(10)
        process.stdout.close()
        status = process.wait(timeout=60)
        err = process.stderr.read().decode()
        process.stderr.close()
        assert status == 141
        assert "Traceback" not in err
        assert "sahel-news: the output pipe closed early; the output is incomplete" in err

    def test_python_dash_m_runs_the_command(self):
        """`python -m sahel_news --version` works like the script."""
        done = sahel_news("--version")
        assert done.returncode == 0
        assert done.stdout.decode().startswith("sahel-news ")


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("big") / "in"
    broken = make_corpus(root, 300, huge_bytes=HUGE_BYTES)
    return root, broken


def _interrupt_at(args, delay, how, cwd):
    process = subprocess.Popen(
        [sys.executable, "-m", "sahel_news", *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=cwd,
    )
    time.sleep(delay)
    process.send_signal(how)
    _, err = process.communicate(timeout=120)
    return process.returncode, err.decode()


@pytest.mark.slow
class TestCorpusEndToEnd:
    """A corpus of 300 generated captures and 6 broken ones, parsed by the real command."""

    def test_jobs_1_and_2_write_identical_outputs(self, big_corpus, tmp_path):
        """--jobs 1 and --jobs 2 write the same files, the same JSONL and the same errors."""
        root, broken = big_corpus
        for jobs in (1, 2):
            where = tmp_path / f"jobs{jobs}"
            for output in (["-o", where / "out"], ["--jsonl", where / "all.jsonl"]):
                done = sahel_news(
                    "parse", root, *output, "--errors", where / "errors.jsonl", "-j", jobs
                )
                assert done.returncode == 1, done.stderr
        assert tree(tmp_path / "jobs1") == tree(tmp_path / "jobs2")
        errors = (tmp_path / "jobs1" / "errors.jsonl").read_text().splitlines()
        listed = {Path(json.loads(line)["path"]).relative_to(root).as_posix() for line in errors}
        assert listed == broken
        assert len(tree(tmp_path / "jobs1" / "out")) == 300

    @pytest.mark.parametrize("output", ["dir", "jsonl"])
    def test_interrupted_runs_resume_to_identical_outputs(self, big_corpus, tmp_path, output):
        """SIGINT or SIGKILL at random moments, then a rerun: byte-identical to one whole run."""
        root, _ = big_corpus

        def args(where):
            target = ["-o", where / "out"] if output == "dir" else ["--jsonl", where / "all.jsonl"]
            return ["parse", root, *target, "--errors", where / "errors.jsonl", "-j", "2"]

        started = time.monotonic()
        assert sahel_news(*args(tmp_path / "whole")).returncode == 1
        whole_time = time.monotonic() - started
        rng = random.Random(f"resume-{output}")  # noqa: S311 - moments, not secrets
        for attempt, how in enumerate([signal.SIGINT, signal.SIGKILL] * 3):
            where = tmp_path / f"cut{attempt}"
            status, err = _interrupt_at(args(where), rng.uniform(0.05, whole_time), how, tmp_path)
            if how == signal.SIGINT:
                assert status in (130, 1), err  # 1: the run finished before the signal
                assert "Traceback" not in err
            assert sahel_news(*args(where)).returncode == 1
            assert tree(where) == tree(tmp_path / "whole"), f"attempt {attempt} ({how.name})"

    def test_ctrl_c_early_is_130_without_traceback(self, big_corpus, tmp_path):
        """Ctrl-C in the first fraction of a second exits 130 and prints no traceback.

        Before Python itself has started and imported the package, a Ctrl-C can only be
        Python's own; the delays start once `--version` would have answered.
        """
        root, _ = big_corpus
        started = time.monotonic()
        assert sahel_news("--version").returncode == 0
        ready = time.monotonic() - started
        for factor in (1.0, 1.3, 1.7, 2.2, 3.0):
            status, err = _interrupt_at(
                ["parse", root, "-o", tmp_path / f"out{factor}", "-j", "2"],
                ready * factor,
                signal.SIGINT,
                tmp_path,
            )
            assert status == 130, (factor, err)
            assert "Traceback" not in err
            assert err.startswith("sahel-news: interrupted"), err


class TestWorkersEnd:
    @pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
    def test_no_leftover_workers(self):
        """Nothing this module started is still running (the runs stop their workers)."""
        proc = Path("/proc")
        assert not [p for p in proc.iterdir() if p.name.isdigit() and _is_worker_of_us(p.name)]


def _is_worker_of_us(pid):
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().split()
        command = Path(f"/proc/{pid}/cmdline").read_text()
    except OSError:
        return False
    return int(stat[3]) == os.getpid() and "spawn_main" in command
