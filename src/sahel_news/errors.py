"""The error hierarchy: every error the library raises on bad input is one of these."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "PROBLEM_CODES",
    "InputError",
    "MissingDependencyError",
    "ParseError",
    "Problem",
    "SahelNewsError",
    "SchemaVersionError",
    "StoreError",
    "StoreVersionError",
    "ValidationError",
]


class SahelNewsError(Exception):
    """Base class of every error sahel_news raises on purpose."""


#: The codes a `Problem` can carry; docs/validation.md says what each means.
PROBLEM_CODES = frozenset(
    {
        "missing",
        "unknown_key",
        "repeated_key",
        "wrong_type",
        "bad_value",
        "bad_text",
        "too_large",
        "too_deep",
        "not_json",
        "span_mismatch",
        "dangling_ref",
        "duplicate",
        "inconsistent",
        "schema_version",
    }
)


@attrs.frozen
class Problem:
    """One thing wrong with a value: where (a JSON path such as ``$.events[2].when``) and why.

    ``code`` is a stable machine-readable kind (one of `PROBLEM_CODES`, ``bad_value`` unless
    said otherwise), ``value`` the offending input as short JSON text (None when there is no
    value to show, as for a missing key).
    """

    path: str
    message: str
    code: str = "bad_value"
    value: str | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _join(base: str, child: str) -> str:
    if not child or child == "$":
        return base
    child = child.removeprefix("$")
    if child.startswith(("[", ".")):
        return base + child
    return f"{base}.{child}"


class ValidationError(SahelNewsError, ValueError):
    """A model value or a document breaks the rules; ``problems`` lists every one with its path.

    Raised when building an invalid model object and when loading an invalid document. Paths
    are relative (``earliest``) when raised by a model's own checks, and absolute JSON paths
    (``$.events[2].when.earliest``) when raised by the loaders in ``sahel_news``.
    """

    def __init__(self, problems: Iterable[Problem], *, summary: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            msg = "a ValidationError needs at least one problem"
            raise ValueError(msg)
        head = summary or (
            "1 problem" if len(self.problems) == 1 else f"{len(self.problems)} problems"
        )
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{head}:\n{lines}")

    @classmethod
    def at(
        cls, path: str, message: str, *, code: str = "bad_value", value: str | None = None
    ) -> ValidationError:
        """Build an error with one problem."""
        return cls([Problem(path, message, code, value)])

    def under(self, base: str) -> ValidationError:
        """The same problems with every path put below *base* (``$.events[2]``)."""
        return type(self)(
            [attrs.evolve(p, path=_join(base, p.path)) for p in self.problems],
        )


class SchemaVersionError(ValidationError):
    """A document declares a ``schema_version`` this version of sahel_news does not read."""


class ParseError(SahelNewsError, ValueError):
    """A capture cannot be read as an article; ``line`` is 1-based, or None for the whole text."""

    def __init__(self, reason: str, *, line: int | None = None) -> None:
        self.reason = reason
        self.line = line
        where = f"line {line}: " if line is not None else ""
        super().__init__(f"{where}{reason}")


class InputError(SahelNewsError, ValueError):
    """An input file cannot be read as Articles.

    ``where`` names the file, with ``:LINE`` for a line of a JSONL file; ``reasons`` says
    why, one line each (a JSON path and a message for a document that breaks the rules).
    """

    def __init__(self, where: str, reasons: Iterable[str]) -> None:
        self.where = where
        self.reasons: tuple[str, ...] = tuple(reasons) or ("cannot be read",)
        super().__init__("\n".join(f"{where}: {reason}" for reason in self.reasons))


class MissingDependencyError(SahelNewsError, ImportError):
    """A feature needs an optional extra that is not installed (``pip install sahel-news[X]``)."""

    def __init__(self, feature: str, extra: str) -> None:
        self.extra = extra
        super().__init__(f"{feature} needs the {extra!r} extra: pip install 'sahel-news[{extra}]'")


class StoreError(SahelNewsError):
    """A store cannot be opened or written: not there, not a sahel-news store, or damaged."""


class StoreVersionError(StoreError):
    """A store was written by a newer sahel-news, with a store schema this version cannot read."""
