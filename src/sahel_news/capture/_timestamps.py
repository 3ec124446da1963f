"""Date and timestamp lines: recognise them cheaply, then read them with dateutil.

A line is a *date line* when every word of it is date vocabulary of one language (month
and weekday names, ``at`` / ``à``, ``AM``/``PM``, a known zone) and it names a year, a
month and a day; it is a *timestamp* when it also names an hour and a minute. The capture
layer runs before a text's language is known, so it reads English and French dates alike:
English with dateutil's own vocabulary, French with a `parserinfo` whose month and weekday
names come from the French ``time_words.json``. dateutil reads the line with explicit
defaults (never the clock); reading it twice with two different defaults tells which
fields the text really gave.
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo

import attrs
from dateutil import parser, tz

from sahel_news.capture._boilerplate import boilerplate
from sahel_news.data import (
    TimeWord,
    month_names,
    register_cache,
    table_entries,
    using_language,
    weekday_names,
)
from sahel_news.text._fold import fold

__all__ = [
    "MAX_DATE_LINE",
    "DateReading",
    "format_feed_timestamp",
    "format_page_date",
    "month_number",
    "read_date_line",
]

MAX_DATE_LINE = 80

_INFO = parser.parserinfo()
_FIRST_DEFAULT = datetime(2001, 1, 1, 0, 0, 0)  # noqa: DTZ001 - a placeholder, never a real time
_SECOND_DEFAULT = datetime(2002, 2, 2, 1, 1, 1)  # noqa: DTZ001 - ditto

# Zone abbreviations a Sahel capture may carry; dateutil warns on any it does not know.
ZONES: dict[str, tzinfo] = {
    "utc": tz.UTC,
    "gmt": tz.UTC,
    "z": tz.UTC,
    "wat": tz.tzoffset("WAT", 3600),
    "cet": tz.tzoffset("CET", 3600),
    "cest": tz.tzoffset("CEST", 7200),
    "bst": tz.tzoffset("BST", 3600),
    "cat": tz.tzoffset("CAT", 7200),
    "eat": tz.tzoffset("EAT", 10800),
    "msk": tz.tzoffset("MSK", 10800),
    "est": tz.tzoffset("EST", -18000),
    "edt": tz.tzoffset("EDT", -14400),
}
# Words French dates carry between their parts: "le 5 juin 2024 à 19h49", "1er juin".
_FRENCH_JUMP = ("à", "le", "er", "et")


@attrs.frozen(slots=True)
class _Calendar:
    """One language's date vocabulary: the parserinfo dateutil reads with, and the words."""

    info: parser.parserinfo
    months: dict[str, int]
    weekdays: dict[str, int]
    vocabulary: frozenset[str]


def _calendar(info: parser.parserinfo, extra: Iterable[str] = ()) -> _Calendar:
    months = {name.casefold(): n for n, names in enumerate(info.MONTHS, 1) for name in names}
    weekdays = {name.casefold(): n for n, names in enumerate(info.WEEKDAYS) for name in names}
    vocabulary = frozenset(
        {*months, *weekdays, *ZONES, *(w for w in info.JUMP if w.strip(" .,;-/'")), *extra}
        | {w for pair in info.AMPM for w in pair}
        | {w for names in info.HMS for w in names}
        | {"t", "a", "p"}
    )
    return _Calendar(info, months, weekdays, vocabulary)


_ENGLISH = _calendar(_INFO)
_MONTHS = _ENGLISH.months
_WEEKDAYS = _ENGLISH.weekdays


def _french_words() -> Iterable[tuple[str, str, int]]:
    """The French month and weekday words of the French ``time_words.json``: (kind, word,
    value). Full names in order from `month_names` and `weekday_names`; abbreviations
    (``janv``, ``févr``) with the month each names."""
    with using_language("fr"):
        for value, word in enumerate(month_names(), 1):
            yield "month", word, value
        for entry in table_entries("time_words", TimeWord):
            if entry.kind == "month" and entry.abbreviation:
                yield "month", " ".join(entry.word.lower().split()), int(entry.value)
        for value, word in enumerate(weekday_names()):
            yield "weekday", word, value


@register_cache
@functools.cache
def _french() -> _Calendar:
    """The French calendar: month and weekday names from the French time words (each also
    without its accents, as ASCII-only sites write them: ``aout``, ``fevrier``)."""
    months: list[list[str]] = [[] for _ in range(12)]
    weekdays: list[list[str]] = [[] for _ in range(7)]
    for kind, word, value in _french_words():
        names = months[value - 1] if kind == "month" else weekdays[value]
        for form in dict.fromkeys((word, fold(word))):
            if form not in names:
                names.append(form)

    # dateutil reads its vocabulary from class attributes; its stubs type the names as
    # pairs and triples, where any number of names per month is read.
    class _FrenchInfo(parser.parserinfo):
        JUMP = [*parser.parserinfo.JUMP, *_FRENCH_JUMP]  # noqa: RUF012 - dateutil's shape
        MONTHS = [tuple(names) for names in months]  # type: ignore[misc]  # noqa: RUF012
        WEEKDAYS = [tuple(names) for names in weekdays]  # type: ignore[misc]  # noqa: RUF012

    return _calendar(_FrenchInfo(dayfirst=True), _FRENCH_JUMP)


def french_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The full French month names (January first) and weekday names (Monday first)."""
    info = _french().info
    return (
        tuple(max(names, key=len) for names in info.MONTHS),
        tuple(max(names, key=len) for names in info.WEEKDAYS),
    )


_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_DIGIT = re.compile(r"\d")
_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
# Day, month and year in figures, read day first as French and West African sites write
# them (``05/06/2024 19:49``); a date that reads only month first (``06/25/2024``) is none.
_NUMERIC_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
# French hours: "19h49", "19 h 49", "19H49", read as dateutil's "19h49".
_FRENCH_HOUR = re.compile(r"(?<!\d)(\d{1,2}) ?[hH] ?(\d{2})(?!\d)")
# The commonest layouts, read without dateutil (which is slow): ``Thursday, June 20, 2024``
# and ``June 05, 2024 at 07:49PM``. Anything else goes to dateutil.
_MONTH_FIRST = re.compile(
    r"(?:(?P<weekday>[A-Za-z]+),? )?(?P<month>[A-Za-z]+)\.? (?P<day>\d{1,2}),? (?P<year>\d{4})"
    r"(?:,? (?:at )?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?: ?(?P<half>[AaPp])\.?[Mm]\.?)?)?"
)


@attrs.frozen(slots=True)
class DateReading:
    """What a date line says: the value, whether it gave a time and whether it gave a zone.

    ``value`` is naive when the line named no zone. ``weekday_mismatch`` is set when the line
    names a weekday that is not the weekday of its date.
    """

    value: datetime
    has_time: bool
    has_zone: bool
    weekday_mismatch: bool = False

    @property
    def day(self) -> date:
        """The calendar date the line names (in its own zone)."""
        return self.value.date()

    def aware(self, default_tz: tzinfo) -> datetime:
        """The value, read in *default_tz* when the line named no zone."""
        return self.value if self.has_zone else self.value.replace(tzinfo=default_tz)


def month_number(word: str) -> int | None:
    """The month (1-12) an English or French month name or abbreviation names (``Sept.``,
    ``juin``, ``févr.`` too), or None."""
    key = word.casefold().rstrip(".")
    found = _MONTHS.get(key)
    return found if found is not None else _french().months.get(key)


def _strip_label(line: str) -> str:
    """*line* without a date label opening it (``Updated:``, ``Publié le``)."""
    folded = line.casefold()
    for label in boilerplate().date_labels:
        if folded.startswith(label) and not folded[len(label) : len(label) + 1].isalpha():
            rest = line[len(label) :].lstrip()
            return rest[1:].lstrip() if rest.startswith(":") else rest
    return line


def _zone(name: str | None, offset: int | None) -> tzinfo | None:
    # A callable, not a dict: with a dict dateutil may fall back to the machine's local zone.
    if name and name.casefold() in ZONES:
        return ZONES[name.casefold()]
    if offset is None:
        return None
    return tz.UTC if offset == 0 else tz.tzoffset(None, offset)


def _parse(
    text: str, default: datetime, info: parser.parserinfo, *, dayfirst: bool = False
) -> datetime | None:
    with warnings.catch_warnings():
        # Unknown zone names are filtered out before; this only guards dateutil's future.
        warnings.simplefilter("ignore")
        try:
            return parser.parse(
                text, parserinfo=info, default=default, tzinfos=_zone, dayfirst=dayfirst
            )
        # ArithmeticError: dateutil reads "2027:4000…" through decimal.Decimal, which raises
        # decimal.InvalidOperation (not a ValueError) on a number that long.
        except (ValueError, ArithmeticError, TypeError, AttributeError):
            return None


def _read_common(text: str) -> DateReading | None:
    match = _MONTH_FIRST.fullmatch(text)
    if match is None:
        return None
    month = month_number(match["month"])
    weekday = _WEEKDAYS.get(match["weekday"].casefold()) if match["weekday"] else None
    if month is None or (match["weekday"] and weekday is None):
        return None
    hour = int(match["hour"]) if match["hour"] else 0
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"] in "Pp" else 0)
    return _reading(match, month, hour, weekday)


def _reading(
    match: re.Match[str], month: int, hour: int, weekday: int | None
) -> DateReading | None:
    """The reading of a date line matched by a fast pattern (its day, year, minute, second)."""
    try:
        value = datetime(  # noqa: DTZ001 - naive on purpose: the line names no zone
            int(match["year"]),
            month,
            int(match["day"]),
            hour,
            int(match["minute"] or 0),
            int(match.groupdict().get("second") or 0),
        )
    except ValueError:
        return None
    return DateReading(
        value=value,
        has_time=match["hour"] is not None,
        has_zone=False,
        weekday_mismatch=weekday is not None and weekday != value.weekday(),
    )


# The commonest French layouts, read without dateutil too: ``jeudi 20 juin 2024``,
# ``le 1er juin 2024``, ``5 juin 2024 à 19h49``, ``5 juin 2024 - 19:49``.
_DAY_FIRST = re.compile(
    r"(?:(?P<weekday>[^\W\d_]+),? )?(?:le )?(?P<day>\d{1,2})(?:er)? (?P<month>[^\W\d_]+)\.? "
    r"(?P<year>\d{4})(?:,? (?:à |- )?(?P<hour>\d{1,2}) ?[hH:] ?(?P<minute>\d{2}))?",
    re.IGNORECASE,
)


def _read_french_common(text: str) -> DateReading | None:
    match = _DAY_FIRST.fullmatch(text)
    if match is None:
        return None
    calendar = _french()
    month = calendar.months.get(match["month"].casefold())
    weekday = calendar.weekdays.get(match["weekday"].casefold()) if match["weekday"] else None
    if month is None or (match["weekday"] and weekday is None):
        return None
    return _reading(match, month, int(match["hour"] or 0), weekday)


def _calendar_of(words: list[str]) -> _Calendar | None:
    """The language whose date vocabulary holds every word, English first; None if neither."""
    for calendar in (_ENGLISH, _french()):
        if all(w in calendar.vocabulary for w in words):
            return calendar
    return None


def read_date_line(line: str) -> DateReading | None:
    """Read *line* as a date or a timestamp, English or French, or None if it is neither.

    Args:
        line: one stripped line of a capture.
    """
    if len(line) > MAX_DATE_LINE or _DIGIT.search(line) is None:
        return None
    text = _strip_label(line)
    fast = _read_common(text) or _read_french_common(text)
    if fast is not None:
        return fast
    tokens = _TOKEN.findall(text)
    words = [t.casefold() for t in tokens if not t.isdigit()]
    calendar = _calendar_of(words)
    if calendar is None:
        return None
    if not any(len(t) == 4 and t.isdigit() and 1900 <= int(t) <= 2199 for t in tokens):
        return None
    numeric = _NUMERIC_DATE.match(text)
    if (
        not any(w in calendar.months for w in words)
        and not _ISO_DATE.match(text)
        and numeric is None
    ):
        return None
    if calendar is not _ENGLISH:
        text = _FRENCH_HOUR.sub(r"\1h\2", text)
    first = _parse(text, _FIRST_DEFAULT, calendar.info, dayfirst=numeric is not None)
    second = _parse(text, _SECOND_DEFAULT, calendar.info, dayfirst=numeric is not None)
    if first is None or second is None:
        return None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None
    if numeric is not None and (first.day, first.month) != (int(numeric[1]), int(numeric[2])):
        return None  # dateutil fell back to month first: not a day-first date
    has_time = (first.hour, first.minute) == (second.hour, second.minute)
    if not has_time:
        first = first.replace(hour=0, minute=0, second=0, microsecond=0)
    named = [calendar.weekdays[w] for w in words if w in calendar.weekdays]
    return DateReading(
        value=first,
        has_time=has_time,
        has_zone=first.tzinfo is not None,
        weekday_mismatch=bool(named) and named[0] != first.weekday(),
    )


def format_feed_timestamp(value: datetime) -> str:
    """A timestamp in the feed-reader form of the seed, ``June 05, 2024 at 07:49PM``."""
    hour = value.hour % 12 or 12
    half = "AM" if value.hour < 12 else "PM"
    month = _INFO.MONTHS[value.month - 1][-1]
    return f"{month} {value.day:02d}, {value.year} at {hour:02d}:{value.minute:02d}{half}"


def format_page_date(day: date) -> str:
    """A page date in the form of the seed, ``Thursday, June 20, 2024``."""
    weekday = _INFO.WEEKDAYS[day.weekday()][-1]
    return f"{weekday}, {_INFO.MONTHS[day.month - 1][-1]} {day.day}, {day.year}"


def resolve_month_day(month: int, day: int, anchor: date) -> date | None:
    """The date with this month and day nearest before *anchor* (up to a week after it).

    A dateline's date falls on or shortly before the publication; one more than a week
    after the anchor belongs to the year before.
    """
    for year in (anchor.year, anchor.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate - anchor <= timedelta(days=7):
            return candidate
    return None
