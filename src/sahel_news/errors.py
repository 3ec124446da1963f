"""The error hierarchy: every error the library raises on bad input is one of these."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "MissingExtraError",
    "ParseError",
    "Problem",
    "SahelNewsError",
    "SchemaVersionError",
    "ValidationError",
]


class SahelNewsError(Exception):
    """Base class of every error sahel_news raises on purpose."""


@attrs.frozen
class Problem:
    """One thing wrong with a value: where (a JSON path such as ``$.events[2].when``) and why."""

    path: str
    message: str

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
    def at(cls, path: str, message: str) -> ValidationError:
        """Build an error with one problem."""
        return cls([Problem(path, message)])

    def under(self, base: str) -> ValidationError:
        """The same problems with every path put below *base* (``$.events[2]``)."""
        return type(self)(
            [Problem(_join(base, p.path), p.message) for p in self.problems],
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


class MissingExtraError(SahelNewsError, ImportError):
    """A feature needs an optional extra that is not installed; the message names it."""

    def __init__(self, feature: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs the optional extra sahel-news[{extra}]: "
            f"pip install 'sahel-news[{extra}]'"
        )
