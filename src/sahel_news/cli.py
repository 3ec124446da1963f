"""The ``sahel-news`` command: validate documents, print the JSON Schema, parse captures.

The only module of sahel_news that prints or exits. Every failure is one line per problem on
stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, tzinfo
from importlib import metadata
from pathlib import Path

from sahel_news.errors import ParseError, ValidationError

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

_EPILOG = """\
exit status:
  0    success (every document valid)
  1    invalid input: a document breaks the rules, a capture cannot be parsed,
       a file cannot be read or is not UTF-8 / JSON
  2    bad command line: an unknown command or option, a --tz that is not UTC or
       an IANA zone name, an unknown model name
  3    internal error (please report it)
  130  interrupted (Ctrl-C)
  141  output pipe closed early
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


def _version() -> str:
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
        help="read a plain-text capture and print the Article as JSON",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse.add_argument("file", metavar="FILE", help="capture file, or - for stdin")
    parse.add_argument("-o", "--output", metavar="OUT", help="write the JSON here, not stdout")
    parse.add_argument(
        "--tz", default="UTC", metavar="ZONE",
        help="time zone of timestamps that name none: UTC (the default) or an IANA name "
        "such as Africa/Bamako",
    )  # fmt: skip
    parse.add_argument(
        "--no-extract", action="store_true", help="read the layout only (no entities, events)"
    )
    return parser


def _read_bytes(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as error:
        raise _CommandError(f"{name}: cannot read: {error.strerror or error}") from None


def _decode(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _CommandError(
            f"{name}:{line}: not UTF-8: byte {data[error.start]:#04x} at offset {error.start}"
        ) from None


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


def _zone(name: str) -> tzinfo:
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
    raise _UsageError("parse", f"argument --tz: unknown time zone {name!r} ({hint})")


def _parse(name: str, output: str | None, zone_name: str, *, extract: bool) -> int:
    from sahel_news.convert import to_json  # noqa: PLC0415 - loaded per command
    from sahel_news.pipeline import parse_article  # noqa: PLC0415

    zone = _zone(zone_name)
    where = "<stdin>" if name == "-" else name
    text = _decode(where, _read_bytes(name))
    try:
        article = parse_article(text, default_tz=zone, extract=extract)
    except ParseError as error:
        location = f"{where}:{error.line}" if error.line is not None else where
        raise _CommandError(f"{location}: cannot parse: {error.reason}") from None
    except ValidationError as error:
        raise _CommandError(*(f"{where}: {problem}" for problem in error.problems)) from None
    document = to_json(article, indent=True) + "\n"
    if output is None:
        sys.stdout.write(document)
        sys.stdout.flush()
    else:
        try:
            Path(output).write_text(document, encoding="utf-8")
        except OSError as error:
            raise _CommandError(f"{output}: cannot write: {error.strerror or error}") from None
    return EXIT_OK


def _print_errors(lines: Sequence[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    if args.command == "validate":
        return _validate(args.files, args.model)
    if args.command == "schema":
        return _schema(args.model)
    return _parse(args.file, args.output, args.tz, extract=not args.no_extract)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line *argv* (default: ``sys.argv[1:]``) and return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse exits on --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
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
        # The reader went away: send what is left to nowhere so the interpreter's final
        # flush does not fail again, and report it as a shell would.
        with contextlib.suppress(OSError, ValueError):  # stdout may be no real file
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as error:  # noqa: BLE001 - the promise: never a traceback
        print(f"sahel-news: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
