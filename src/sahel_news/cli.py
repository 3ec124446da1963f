"""The ``sahel-news`` command: validate, print the JSON Schema, parse, export, index, query.

The only module of sahel_news that prints or exits. Every failure is one line per problem on
stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from datetime import UTC, date, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sahel_news.data import DataTableError
from sahel_news.errors import MissingDependencyError, ParseError, ValidationError

if TYPE_CHECKING:
    from sahel_news.corpus._inputs import CorpusInput
    from sahel_news.corpus._runner import Progress
    from sahel_news.models import Article

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_OUTPUT = 4
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

_EPILOG = """\
exit status:
  0    success (every document valid)
  1    invalid input: a document breaks the rules, a capture cannot be parsed,
       a file cannot be read or is not UTF-8 / JSON, a user data table
       (SAHEL_NEWS_DATA) is broken, a store cannot be opened or was written
       by a newer sahel-news, an optional extra is missing (sahel-news[html]
       for .html pages); export and index skip bad documents, write the rest,
       then exit 1
  2    bad command line: an unknown command or option, a --tz that is not UTC or
       an IANA zone name, an unknown model name
  3    internal error (please report it)
  4    the output cannot be written (standard output closed, disk full, ...)
  130  interrupted (Ctrl-C)
  141  output pipe closed early
"""
_PARSE_EPILOG = """\
many captures (several inputs, a directory, --manifest, --jsonl or -o DIR):
  each input is parsed on its own; a bad one is counted, listed in --errors and
  never stops the run. With -o DIR each input becomes DIR/<name>.json (the tree
  below a directory argument is mirrored); with --jsonl FILE one line per
  Article; with neither, JSON Lines on standard output. A rerun of the same
  command skips inputs already done and unchanged (a journal beside the output
  records them), so a run stopped by Ctrl-C or a crash resumes where it stopped.
  A progress bar shows on a terminal; otherwise, and with -q, only the summary.
  Status 1 then means at least one input failed. For one capture file, -o is
  the output file unless it names an existing directory or ends with /.

"""


class _CommandError(Exception):
    """Lines to print on stderr, then exit with status 1."""

    def __init__(self, *lines: str) -> None:
        super().__init__(*lines)
        self.lines = lines


class _UsageError(Exception):
    """A bad value on the command line: one line on stderr, then exit with status 2."""

    def __init__(self, command: str, message: str) -> None:
        super().__init__(f"sahel-news {command}: error: {message}")


class _OutputError(Exception):
    """The output cannot be written: one line on stderr, then exit with status 4."""


def _version() -> str:
    from importlib import metadata  # noqa: PLC0415 - slow to import; only --version needs it

    try:
        return metadata.version("sahel-news")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "unknown"


def _model_names() -> dict[str, type]:
    from sahel_news.models import MODELS  # noqa: PLC0415 - keeps `--help` fast

    return {model.__name__: model for model in MODELS}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sahel-news",
        description="Typed, validated records from plain-text news captures about the Sahel.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check JSON documents (Articles, or --model) against the rules",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="JSON documents to check")
    validate.add_argument(
        "--model", default="Article", metavar="MODEL",
        help="what each document is, in any case (default: Article); one of "
        + ", ".join(sorted(_model_names())),
    )  # fmt: skip

    schema = commands.add_parser("schema", help="print the JSON Schema of a model")
    schema.add_argument(
        "model", nargs="?", default="Article", metavar="MODEL",
        help="model name, in any case (default: Article); one of "
        + ", ".join(sorted(_model_names())),
    )  # fmt: skip

    parse = commands.add_parser(
        "parse",
        help="read plain-text captures and write each Article as JSON",
        description="Read one capture and print its Article as JSON, or read many (files, "
        "directories, a manifest) into a directory or a JSON Lines file.",
        epilog=_PARSE_EPILOG + _EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse.add_argument(
        "inputs", nargs="*", metavar="INPUT",
        help="capture files, HTML pages (.html, .htm; needs sahel-news[html]), directories "
        "(walked, sorted), or - for stdin",
    )  # fmt: skip
    parse.add_argument(
        "-o", "--output", metavar="OUT",
        help="one capture: write the JSON to this file; many: the directory for <name>.json",
    )  # fmt: skip
    parse.add_argument("--jsonl", metavar="FILE", help="write one Article per line to FILE")
    parse.add_argument(
        "--errors", metavar="FILE", help="list the failed inputs in FILE (JSON Lines)"
    )
    parse.add_argument(
        "--manifest", metavar="FILE",
        help="JSONL or CSV listing path and any of id, url, outlet, language, published",
    )  # fmt: skip
    parse.add_argument(
        "--glob", metavar="PATTERN", help="in directories, read only files matching (*.txt)"
    )
    parse.add_argument(
        "--published", metavar="DATE",
        help="when the one capture was published (2024-06-04 or an ISO date-time)",
    )  # fmt: skip
    parse.add_argument("--url", metavar="URL", help="where the one capture came from")
    parse.add_argument(
        "--headline", metavar="TEXT",
        help="the one capture's headline, for a plain text that has none of its own",
    )  # fmt: skip
    parse.add_argument(
        "--language", metavar="CODE",
        help="the language of every input (an ISO 639 code or tag: en, fr, fr-FR), unless "
        "the manifest gives one; without it, the language is detected from the text",
    )  # fmt: skip
    parse.add_argument(
        "--strict", action="store_true",
        help="read captures in the documented format only: refuse a text with no headline line",
    )  # fmt: skip
    parse.add_argument(
        "--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)"
    )
    parse.add_argument(
        "--encoding", default="utf-8", metavar="CODEC",
        help="encoding of the captures (default utf-8; a UTF-8/16 byte-order mark wins)",
    )  # fmt: skip
    parse.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, only the summary"
    )
    parse.add_argument(
        "--tz", default="UTC", metavar="ZONE",
        help="time zone of timestamps that name none: UTC (the default) or an IANA name "
        "such as Africa/Bamako",
    )  # fmt: skip
    parse.add_argument(
        "--no-extract", action="store_true", help="read the layout only (no entities, events)"
    )
    _add_output_commands(commands)
    _add_show(commands)
    return parser


def _add_show(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    show = commands.add_parser(
        "show",
        help="write an article as one HTML page with its entities highlighted",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument(
        "file", metavar="FILE",
        help="a capture, an HTML page (.html, .htm), an Article JSON document (.json), "
        "or - for a capture on stdin",
    )  # fmt: skip
    show.add_argument("-o", "--output", metavar="OUT", help="write the page here, not stdout")
    show.add_argument(
        "--tz", default="UTC", metavar="ZONE",
        help="time zone of timestamps that name none: UTC (the default) or an IANA name",
    )  # fmt: skip


def _read_bytes(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as error:
        raise _CommandError(f"{name}: cannot read: {error.strerror or error}") from None


def _validate(files: Sequence[str], model_name: str = "Article") -> int:
    from sahel_news.convert import from_json  # noqa: PLC0415 - loaded per command

    model = _model(model_name, "validate")
    status = EXIT_OK
    for name in files:
        try:
            from_json(_read_bytes(name), model)
        except _CommandError as failure:
            _print_errors(failure.lines)
            status = EXIT_INVALID
        except ValidationError as error:
            _print_errors([f"{name}: {problem}" for problem in error.problems])
            status = EXIT_INVALID
        else:
            print(f"{name}: ok")
    return status


def _model(name: str, command: str = "schema") -> type:
    """The model called *name*, ignoring case (``article`` is Article)."""
    models = _model_names()
    by_folded = {model_name.casefold(): model for model_name, model in models.items()}
    model = by_folded.get(name.casefold())
    if model is None:
        raise _UsageError(
            command, f"unknown model {name!r}; choose one of {', '.join(sorted(models))}"
        )
    return model


def _schema(model_name: str) -> int:
    from sahel_news.convert import json_schema  # noqa: PLC0415 - loaded per command

    print(json.dumps(json_schema(_model(model_name)), indent=2, ensure_ascii=False))
    return EXIT_OK


# In the tz database but no place's zone: "localtime" is the machine's own zone (what a
# missing --tz must never silently become), "Factory" a placeholder for "not set".
_NOT_ZONES = frozenset({"localtime", "Factory"})


def _zone(name: str, command: str = "parse") -> tzinfo:
    """The zone an exact IANA name (or ``UTC``) names; never a path, offset or local zone."""
    import zoneinfo  # noqa: PLC0415 - only the parse command needs the tz database

    if name == "UTC":
        return UTC
    known = zoneinfo.available_timezones() - _NOT_ZONES
    if name in known:
        return zoneinfo.ZoneInfo(name)
    hint = "use UTC or an IANA name such as Africa/Bamako"
    near = sorted(key for key in known if key.casefold() == name.casefold())
    if near:
        hint = f"did you mean {near[0]!r}?"
    raise _UsageError(command, f"argument --tz: unknown time zone {name!r} ({hint})")


def _write_stdout(text: str) -> None:
    """Write to standard output now, turning a closed or full stdout into _OutputError."""
    with _stdout_errors():
        stdout = _stdout()
        stdout.write(text)
        stdout.flush()


def _stdout() -> Any:
    """Standard output, or _OutputError when the command was started with it closed."""
    if sys.stdout is None:
        raise _OutputError("sahel-news: cannot write the output: standard output is closed")
    return sys.stdout


@contextlib.contextmanager
def _stdout_errors() -> Iterator[None]:
    """Turn a failed write to standard output (full disk, closed file) into _OutputError;
    a broken pipe goes on to main, which reports it as a shell would."""
    try:
        yield
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise _OutputError(f"sahel-news: cannot write to standard output: {reason}") from None


def _read_stdin() -> bytes:
    return sys.stdin.buffer.read() if sys.stdin is not None else b""


def _metadata(args: argparse.Namespace) -> dict[str, str]:
    """The --published, --url and --headline of a single capture, checked."""
    from sahel_news.corpus._batch import published_of  # noqa: PLC0415 - loaded per command

    known: dict[str, str] = {}
    if args.published is not None:
        try:
            published_of(args.published)
        except ValueError as error:
            raise _UsageError("parse", f"argument --published: {error}") from None
        known["published"] = args.published
    if args.url is not None:
        if not args.url.strip():
            raise _UsageError("parse", "argument --url: an empty URL")
        known["url"] = args.url
    if args.headline is not None:
        if not args.headline.strip():
            raise _UsageError("parse", "argument --headline: an empty headline")
        known["headline"] = args.headline
    return known


def _language(command: str, code: str | None) -> str | None:
    """The --language of *command*, checked: its ISO 639 code ("fr-FR" is "fr")."""
    from sahel_news.text._language import language_code  # noqa: PLC0415 - loaded per command

    if code is None:
        return None
    found = language_code(code)
    if found is None:
        raise _UsageError(
            command,
            f"argument --language: {code!r} names no language (an ISO 639 code or a tag "
            "such as en, fr or fr-FR)",
        )
    return found


def _is_one_capture(args: argparse.Namespace) -> bool:
    """Whether the command is the one-capture form: one file or -, JSON to stdout or -o."""
    if len(args.inputs) != 1 or args.manifest or args.jsonl or args.errors or args.glob:
        return False
    if args.inputs[0] != "-" and Path(args.inputs[0]).is_dir():
        return False
    output = args.output
    return output is None or not (output.endswith(("/", os.sep)) or Path(output).is_dir())


def _check_encoding(name: str) -> None:
    import codecs  # noqa: PLC0415

    try:
        codecs.lookup(name)
    except LookupError:
        raise _UsageError("parse", f"argument --encoding: unknown encoding {name!r}") from None


def _parse(args: argparse.Namespace) -> int:
    zone = _zone(args.tz)
    _check_encoding(args.encoding)
    if args.jobs is not None and args.jobs < 1:
        raise _UsageError("parse", f"argument --jobs: must be at least 1, not {args.jobs}")
    if not args.inputs and not args.manifest:
        raise _UsageError("parse", "give a capture file, a directory, - or --manifest FILE")
    if args.output and args.jsonl:
        raise _UsageError("parse", "give -o DIR or --jsonl FILE, not both")
    known = _metadata(args)
    language = _language("parse", args.language)
    if known and (len(args.inputs) != 1 or args.manifest or Path(args.inputs[0]).is_dir()):
        raise _UsageError(
            "parse", "--published, --url and --headline describe one capture file (or -)"
        )
    if _is_one_capture(args):
        return _parse_one(args, zone, known, language)
    return _parse_corpus(args, zone, known, language)


def _parse_one(
    args: argparse.Namespace, zone: tzinfo, known: dict[str, str], language: str | None
) -> int:
    from sahel_news.convert import to_json  # noqa: PLC0415 - loaded per command
    from sahel_news.corpus._batch import published_of  # noqa: PLC0415
    from sahel_news.corpus._decode import decode_capture  # noqa: PLC0415
    from sahel_news.models import Source  # noqa: PLC0415
    from sahel_news.pipeline import parse_article  # noqa: PLC0415

    name = args.inputs[0]
    where = "<stdin>" if name == "-" else name
    if _is_html(name):
        article = _parse_page(
            where,
            _read_bytes(name),
            zone,
            extract=not args.no_extract,
            url=known.get("url"),
            published=published_of(known.get("published")),
            language=language,
        )
        return _write_article(args.output, to_json(article, indent=True) + "\n")
    try:
        text = decode_capture(_read_bytes(name), args.encoding)
    except ParseError as error:
        raise _CommandError(f"{where}:{error.line}: {error.reason}") from None
    source = (
        Source(url=known.get("url"), language=language)
        if "url" in known or language is not None
        else None
    )
    try:
        article = parse_article(
            text,
            default_tz=zone,
            extract=not args.no_extract,
            source=source,
            published=published_of(known.get("published")),
            headline=known.get("headline"),
            strict=args.strict,
        )
    except ParseError as error:
        location = f"{where}:{error.line}" if error.line is not None else where
        raise _CommandError(f"{location}: cannot parse: {error.reason}") from None
    except ValidationError as error:
        raise _CommandError(*(f"{where}: {problem}" for problem in error.problems)) from None
    return _write_article(args.output, to_json(article, indent=True) + "\n")


def _write_article(output: str | None, document: str) -> int:
    """Write *document* to stdout, or to the file *output* (whole or not at all)."""
    if output is None:
        _write_stdout(document)
    else:
        from sahel_news.corpus._runner import write_atomically  # noqa: PLC0415

        try:
            write_atomically(Path(output), document)
        except OSError as error:
            reason = error.strerror or str(error)
            raise _OutputError(f"{output}: cannot write: {reason}") from None
    return EXIT_OK


_HTML_SUFFIXES = frozenset({".html", ".htm"})


def _is_html(name: str) -> bool:
    return name != "-" and Path(name).suffix.lower() in _HTML_SUFFIXES


def _parse_page(
    where: str,
    data: bytes,
    zone: tzinfo,
    *,
    extract: bool,
    url: str | None = None,
    published: date | None = None,
    language: str | None = None,
) -> Article:
    """An HTML page's article; the page's bytes go whole to trafilatura, which finds the charset.

    A *language* given wins over the one the page declares, as a manifest's does.
    """
    import attrs  # noqa: PLC0415

    from sahel_news.capture._html import parse_html, read_page  # noqa: PLC0415 - per command
    from sahel_news.pipeline import parse_article  # noqa: PLC0415

    try:
        if language is None:
            return parse_html(data, url=url, published=published, default_tz=zone, extract=extract)
        page = read_page(data, url=url, published=published)
        try:
            return parse_article(
                page.text,
                source=attrs.evolve(page.source, language=language),
                published=page.published,
                default_tz=zone,
                extract=extract,
            )
        except ParseError as error:  # as parse_html says it: no lines of an unseen capture
            raise ParseError(f"the page's main text: {error.reason}") from None
    except MissingDependencyError as error:
        raise _CommandError(f"sahel-news: {error}") from None
    except ParseError as error:
        raise _CommandError(f"{where}: cannot parse: {error.reason}") from None


def _show(name: str, output: str | None, zone_name: str) -> int:
    """Write the article in *name* (capture, HTML page or Article JSON) as a highlighted page."""
    from sahel_news.convert import from_json  # noqa: PLC0415 - loaded per command
    from sahel_news.corpus._decode import decode_capture  # noqa: PLC0415
    from sahel_news.models import Article as ArticleModel  # noqa: PLC0415
    from sahel_news.pipeline import parse_article  # noqa: PLC0415
    from sahel_news.views import render_html  # noqa: PLC0415

    zone = _zone(zone_name, "show")
    where = "<stdin>" if name == "-" else name
    data = _read_bytes(name)
    if _is_html(name):
        return _write_article(output, render_html(_parse_page(where, data, zone, extract=True)))
    try:
        if name != "-" and Path(name).suffix.lower() == ".json":
            article = from_json(data, ArticleModel)
        else:
            article = parse_article(decode_capture(data), default_tz=zone)
    except ParseError as error:
        location = f"{where}:{error.line}" if error.line is not None else where
        raise _CommandError(f"{location}: cannot parse: {error.reason}") from None
    except ValidationError as error:
        raise _CommandError(*(f"{where}: {problem}" for problem in error.problems)) from None
    return _write_article(output, render_html(article))


def _all_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _corpus_inputs(
    args: argparse.Namespace, known: dict[str, str], language: str | None = None
) -> list[CorpusInput]:
    import attrs  # noqa: PLC0415

    from sahel_news.corpus._inputs import InputError, find_inputs, read_manifest  # noqa: PLC0415
    from sahel_news.corpus._runner import JOURNAL_NAME  # noqa: PLC0415

    excluded = [Path(p) for p in (args.output, args.jsonl, args.errors) if p]
    if args.jsonl:
        excluded.append(Path(args.jsonl + ".journal"))
    if args.output:
        excluded.append(Path(args.output) / JOURNAL_NAME)
    try:
        inputs = find_inputs(args.inputs, glob=args.glob, excluded=excluded)
        if args.manifest:
            inputs += read_manifest(Path(args.manifest))
    except InputError as error:
        raise _CommandError(str(error)) from None
    if known and len(inputs) == 1:
        inputs = [attrs.evolve(inputs[0], metadata={**inputs[0].metadata, **known})]
    if language is not None:  # every input's, unless the manifest gives it one
        inputs = [
            item
            if item.metadata.get("language")
            else attrs.evolve(item, metadata={**item.metadata, "language": language})
            for item in inputs
        ]
    return inputs


class _Bar:
    """A progress bar on stderr (tqdm), or nothing when stderr is no terminal or with -q."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.bar: Any = None
        self.shown = 0
        if enabled and sys.stderr is not None and sys.stderr.isatty():
            from tqdm import tqdm  # noqa: PLC0415 - only on a terminal

            self.bar = tqdm(total=total, unit="capture", dynamic_ncols=True, file=sys.stderr)

    def update(self, progress: Progress) -> None:
        if self.bar is None:
            return
        self.bar.update(progress.done - self.shown)
        self.shown = progress.done
        if progress.failed:
            self.bar.set_postfix(failed=progress.failed, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


_FAILURES_SHOWN = 5


def _summary(progress: Progress, errors_file: str | None, *, interrupted: bool) -> list[str]:
    counts = (
        f"parsed {progress.parsed}, failed {progress.failed}, skipped {progress.skipped} "
        f"in {progress.elapsed:.1f} s ({progress.rate:.1f} articles/s)"
    )
    earlier = len(progress.failures) - progress.failed
    if earlier:
        counts += f"; {earlier} skipped input{'s' if earlier > 1 else ''} failed before"
    lines = [f"sahel-news: interrupted: {counts}; rerun to resume" if interrupted else counts]
    if progress.failures and errors_file is None:
        for record in progress.failures[:_FAILURES_SHOWN]:
            where = f"{record.path}:{record.line}" if record.line is not None else record.path
            lines.append(f"  {where}: {record.error}: {record.message}")
        more = len(progress.failures) - _FAILURES_SHOWN
        if more > 0:
            lines.append(f"  ... and {more} more (--errors FILE lists them all)")
    elif progress.failures:
        lines.append(f"  the failed inputs are listed in {errors_file}")
    return lines


def _parse_corpus(
    args: argparse.Namespace, zone: tzinfo, known: dict[str, str], language: str | None = None
) -> int:
    from sahel_news.corpus._batch import ParseOptions  # noqa: PLC0415 - loaded per command
    from sahel_news.corpus._inputs import InputError  # noqa: PLC0415
    from sahel_news.corpus._runner import Progress, RunOptions, run_corpus  # noqa: PLC0415

    inputs = _corpus_inputs(args, known, language)
    options = RunOptions(
        output_dir=Path(args.output) if args.output else None,
        jsonl=Path(args.jsonl) if args.jsonl else None,
        errors=Path(args.errors) if args.errors else None,
        jobs=args.jobs or _all_cores(),
        parse=ParseOptions(
            default_tz=zone,
            extract=not args.no_extract,
            encoding=args.encoding,
            strict=args.strict,
        ),
        zone_name=args.tz,
    )
    progress = Progress(total=len(inputs))
    bar = _Bar(len(inputs), enabled=not args.quiet)
    try:
        run_corpus(
            inputs,
            options,
            progress,
            on_progress=bar.update,
            emit=_write_stdout,
            read_stdin=_read_stdin,
        )
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the summary
        bar.close()
        _print_errors(_summary(progress, args.errors, interrupted=True))
        return EXIT_INTERRUPTED
    except InputError as error:
        raise _UsageError("parse", str(error)) from None
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        where = error.filename or args.jsonl or args.output or "the output"
        raise _OutputError(f"{where}: cannot write: {error.strerror or error}") from None
    finally:
        bar.close()
    _print_errors(_summary(progress, args.errors, interrupted=False))
    return EXIT_INVALID if progress.failures else EXIT_OK


def _print_errors(lines: Sequence[str]) -> None:
    if sys.stderr is None:  # print(file=None) would write to stdout instead
        return
    for line in lines:
        print(line, file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    if args.command in _OUTPUT_COMMANDS:
        return _OUTPUT_COMMANDS[args.command](args)
    if args.command == "validate":
        return _validate(args.files, args.model)
    if args.command == "schema":
        return _schema(args.model)
    if args.command == "show":
        return _show(args.file, args.output, args.tz)
    return _parse(args)


def _silence_stdout() -> None:
    """Send what is left for stdout to nowhere, so the interpreter's final flush cannot fail
    again after the one-line error."""
    if sys.stdout is None:
        return
    with contextlib.suppress(OSError, ValueError):  # stdout may be no real file
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


# ---- export, index, query: where the results go ------------------------------------------

# sahel_news.outputs.FORMATS, written out so that `--help` loads nothing
_EXPORT_FORMATS = (
    "plover-jsonl",
    "acled-csv",
    "events-csv",
    "actors-csv",
    "countries-csv",
    "parquet",
)
_PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
_STATUSES = ("occurred", "ongoing", "planned", "announced", "denied", "hypothetical")
_INPUTS_HELP = (
    "Article JSON files, JSONL files (.jsonl, .ndjson), directories of them, "
    "or - for JSONL on stdin"
)


def _day(text: str, *, last: bool) -> date:
    """A day from YYYY-MM-DD, or the first (*last*: the last) day of YYYY-MM or YYYY."""
    try:
        if len(text) == 4 and text.isdigit():
            return date(int(text), 12, 31) if last else date(int(text), 1, 1)
        if len(text) == 7 and text[4] == "-":
            first = date(int(text[:4]), int(text[5:]), 1)
            if not last:
                return first
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return following - timedelta(days=1)
        return date.fromisoformat(text)
    except ValueError:
        message = f"{text!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
        raise argparse.ArgumentTypeError(message) from None


def _count(text: str) -> int:
    """A whole number of 1 or more, for --batch-size and --limit."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return value


def _add_output_commands(commands: Any) -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    export = commands.add_parser(
        "export",
        help="write Articles as PLOVER JSONL, CSV tables or Parquet",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    export.add_argument("inputs", nargs="+", metavar="INPUT", help=_INPUTS_HELP)
    export.add_argument(
        "--format",
        required=True,
        choices=_EXPORT_FORMATS,
        metavar="F",
        help="one of " + ", ".join(_EXPORT_FORMATS),
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="the file to write (default, or -: stdout); for parquet, a directory (required)",
    )
    export.add_argument(
        "--no-bom", action="store_true", help="CSV without the UTF-8 byte order mark"
    )

    index = commands.add_parser(
        "index",
        help="load Articles into a SQLite store (re-indexing replaces)",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    index.add_argument("db", metavar="DB", help="the store, made if it is not there")
    index.add_argument("inputs", nargs="+", metavar="INPUT", help=_INPUTS_HELP)
    index.add_argument(
        "--batch-size",
        type=_count,
        default=200,
        metavar="N",
        help="articles per transaction (default: 200)",
    )

    query = commands.add_parser(
        "query",
        help="print a timeline of the stored events that match",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    query.add_argument("db", metavar="DB", help="a store made by `sahel-news index`")
    query.add_argument(
        "--country",
        action="append",
        default=[],
        metavar="ISO3",
        help="the event involves this country (repeat: all of them)",
    )
    query.add_argument(
        "--actor", metavar="ID_OR_NAME", help="a participant has this id, name or alias"
    )
    query.add_argument(
        "--type",
        action="append",
        default=[],
        type=str.upper,
        choices=_PLOVER_TYPES,
        metavar="PLOVER",
        help="the event has this PLOVER type (repeat: any of them)",
    )
    query.add_argument(
        "--status",
        action="append",
        default=[],
        type=str.lower,
        choices=_STATUSES,
        metavar="STATUS",
        help="one of " + ", ".join(_STATUSES) + " (repeat: any of them)",
    )
    query.add_argument(
        "--since",
        type=lambda t: _day(t, last=False),
        metavar="DATE",
        help="the event's dates reach this day or later",
    )
    query.add_argument(
        "--until",
        type=lambda t: _day(t, last=True),
        metavar="DATE",
        help="the event's dates reach this day or earlier",
    )
    query.add_argument(
        "--language",
        action="append",
        default=[],
        metavar="CODE",
        help="the event's article is in this language, an ISO 639 code or tag such as fr "
        "(repeat: any of them)",
    )
    query.add_argument("--limit", type=_count, metavar="N", help="at most N events")
    query.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="table (default), json or csv",
    )
    query.add_argument(
        "--no-bom", action="store_true", help="CSV without the UTF-8 byte order mark"
    )


def _inputs(names: Sequence[str]) -> list[Any]:
    """The paths named on the command line, with ``-`` as stdin (read as JSONL)."""
    stdin = [sys.stdin.buffer] if "-" in names else []
    return [stdin[0] if name == "-" else name for name in names]


def _input_reporter() -> tuple[list[str], Any]:
    """A list that collects the input errors, and the callback that prints and collects them."""
    failures: list[str] = []

    def report(error: Any) -> None:
        lines = [f"{error.where}: {reason}" for reason in error.reasons]
        _print_errors(lines)
        failures.extend(lines)

    return failures, report


def _export(args: argparse.Namespace) -> int:
    from sahel_news.errors import MissingDependencyError  # noqa: PLC0415 - loaded per command
    from sahel_news.outputs import export, read_articles, write_export  # noqa: PLC0415

    if args.format == "parquet" and args.output in {None, "-"}:
        raise _UsageError("export", "the parquet format writes a directory: give -o DIR")
    failures, report = _input_reporter()
    articles = read_articles(_inputs(args.inputs), on_error=report)
    try:
        if args.output in {None, "-"}:
            with _stdout_errors():
                stdout = _stdout().buffer
                write_export(articles, args.format, stdout, bom=not args.no_bom)
                stdout.flush()
        else:
            count = export(articles, args.format, args.output, bom=not args.no_bom)
            print(f"{args.output}: {count} rows ({args.format})")
    except MissingDependencyError as error:
        raise _CommandError(f"sahel-news export: {error}") from None
    except BrokenPipeError:
        raise  # stdout closed early: main reports it as a shell would
    except OSError as error:
        raise _CommandError(f"{args.output}: cannot write: {error.strerror or error}") from None
    return EXIT_INVALID if failures else EXIT_OK


def _index(args: argparse.Namespace) -> int:
    from sahel_news.errors import StoreError  # noqa: PLC0415 - loaded per command
    from sahel_news.outputs import read_articles  # noqa: PLC0415
    from sahel_news.store import Store  # noqa: PLC0415

    failures, report = _input_reporter()
    try:
        with Store(args.db, create=True) as store:
            done = store.index(
                read_articles(_inputs(args.inputs), on_error=report), batch_size=args.batch_size
            )
            size = len(store)
    except StoreError as error:
        raise _CommandError(str(error)) from None
    print(
        f"{args.db}: {done.total} articles read: {done.added} added, {done.replaced} replaced, "
        f"{done.unchanged} unchanged; the store holds {size}"
    )
    return EXIT_INVALID if failures else EXIT_OK


def _participants(ids: tuple[str, ...], names: tuple[str, ...]) -> str:
    return ", ".join(names) if names else ", ".join(ids)


def _timeline(rows: Sequence[Any]) -> str:
    table = [("WHEN", "PRECISION", "TYPE", "STATUS", "WHO", "WHERE", "ARTICLE", "EVIDENCE")]
    for row in rows:
        when = "" if row.earliest is None else row.earliest.isoformat()
        if row.latest is not None and row.latest != row.earliest:
            when += f"..{row.latest.isoformat()}"
        who = _participants(row.source_ids, row.source_names)
        targets = _participants(row.target_ids, row.target_names)
        if targets:
            who = f"{who} -> {targets}" if who else f"-> {targets}"
        where = row.place or ""
        if row.place_country:
            where = f"{where} ({row.place_country})"
        table.append(
            (
                when or "undated",
                row.precision or "",
                row.type,
                row.status,
                who,
                where,
                f"{row.article_id}#{row.event_id}",
                " ".join(row.evidence.split()),
            )
        )
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]) - 1)]
    lines = []
    for line in table:
        cells = [cell.ljust(width) for cell, width in zip(line, widths, strict=False)]
        lines.append("  ".join([*cells, line[-1]]) + "\n")
    return "".join(lines)


def _query(args: argparse.Namespace) -> int:
    from sahel_news.errors import StoreError, ValidationError  # noqa: PLC0415 - per command
    from sahel_news.outputs import EventRow, json_row, write_csv  # noqa: PLC0415
    from sahel_news.store import Store  # noqa: PLC0415

    languages = [_language("query", code) for code in args.language]
    try:
        with Store(args.db) as store:
            rows = store.timeline(
                countries=args.country,
                actor=args.actor,
                types=args.type,
                statuses=args.status,
                since=args.since,
                until=args.until,
                languages=[code for code in languages if code],
                limit=args.limit,
            )
    except ValidationError as error:
        raise _UsageError("query", f"argument --country: {error.problems[0].message}") from None
    except StoreError as error:
        raise _CommandError(str(error)) from None
    if args.format == "csv":
        with _stdout_errors():
            stdout = _stdout().buffer
            write_csv(rows, EventRow, stdout, bom=not args.no_bom)
            stdout.flush()
    elif args.format == "json":
        _write_stdout(
            json.dumps([json_row(row) for row in rows], ensure_ascii=False, indent=2) + "\n"
        )
    else:
        _write_stdout(_timeline(rows))
    return EXIT_OK


_OUTPUT_COMMANDS = {"export": _export, "index": _index, "query": _query}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line *argv* (default: ``sys.argv[1:]``) and return the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # argparse exits on --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        _print_errors(["sahel-news: interrupted"])
        return EXIT_INTERRUPTED
    try:
        return _run(args)
    except _CommandError as failure:
        _print_errors(failure.lines)
        return EXIT_INVALID
    except _UsageError as failure:
        _print_errors([str(failure)])
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("sahel-news: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        _print_errors(["sahel-news: the output pipe closed early; the output is incomplete"])
        return EXIT_BROKEN_PIPE
    except _OutputError as failure:
        _silence_stdout()
        _print_errors([str(failure)])
        return EXIT_OUTPUT
    except DataTableError as error:  # a user's table (SAHEL_NEWS_DATA) is broken
        print(f"sahel-news: data table: {error}", file=sys.stderr)
        return EXIT_INVALID
    except Exception as error:  # noqa: BLE001 - the promise: never a traceback
        print(f"sahel-news: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
