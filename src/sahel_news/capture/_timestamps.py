"""Date and timestamp lines: recognise them cheaply, then read them with dateutil.

A line is a *date line* when every word of it is date vocabulary (month and weekday names,
``at``, ``AM``/``PM``, a known zone) and it names a year, a month and a day; it is a
*timestamp* when it also names an hour and a minute. dateutil reads it with explicit
defaults (never the clock); reading it twice with two different defaults tells which
fields the text really gave.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timedelta, tzinfo

import attrs
from dateutil import parser, tz

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
_LABELS = ("last updated", "first published", "published", "updated", "posted", "modified")

_MONTHS = {name.casefold(): n for n, names in enumerate(_INFO.MONTHS, 1) for name in names}
_WEEKDAYS = {name.casefold(): n for n, names in enumerate(_INFO.WEEKDAYS) for name in names}
_VOCABULARY = frozenset(
    {*_MONTHS, *_WEEKDAYS, *ZONES, *(w for w in _INFO.JUMP if w.strip(" .,;-/'"))}
    | {w for pair in _INFO.AMPM for w in pair}
    | {w for names in _INFO.HMS for w in names}
    | {"t", "a", "p"}
)
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_DIGIT = re.compile(r"\d")
_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
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
    """The month (1-12) a month name or abbreviation names (``Sept.`` too), or None."""
    return _MONTHS.get(word.casefold().rstrip("."))


def _strip_label(line: str) -> str:
    folded = line.casefold()
    for label in _LABELS:
        if folded.startswith(label):
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


def _parse(text: str, default: datetime) -> datetime | None:
    with warnings.catch_warnings():
        # Unknown zone names are filtered out before; this only guards dateutil's future.
        warnings.simplefilter("ignore")
        try:
            return parser.parse(text, default=default, tzinfos=_zone)
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
    try:
        value = datetime(  # noqa: DTZ001 - naive on purpose: the line names no zone
            int(match["year"]),
            month,
            int(match["day"]),
            hour,
            int(match["minute"] or 0),
            int(match["second"] or 0),
        )
    except ValueError:
        return None
    return DateReading(
        value=value,
        has_time=match["hour"] is not None,
        has_zone=False,
        weekday_mismatch=weekday is not None and weekday != value.weekday(),
    )


def read_date_line(line: str) -> DateReading | None:
    """Read *line* as a date or a timestamp, or None if it is something else.

    Args:
        line: one stripped line of a capture.
    """
    if len(line) > MAX_DATE_LINE or _DIGIT.search(line) is None:
        return None
    text = _strip_label(line)
    fast = _read_common(text)
    if fast is not None:
        return fast
    tokens = _TOKEN.findall(text)
    words = [t.casefold() for t in tokens if not t.isdigit()]
    if any(w not in _VOCABULARY for w in words):
        return None
    if not any(len(t) == 4 and t.isdigit() and 1900 <= int(t) <= 2199 for t in tokens):
        return None
    if not any(w in _MONTHS for w in words) and not _ISO_DATE.match(text):
        return None
    first = _parse(text, _FIRST_DEFAULT)
    second = _parse(text, _SECOND_DEFAULT)
    if first is None or second is None:
        return None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None
    has_time = (first.hour, first.minute) == (second.hour, second.minute)
    if not has_time:
        first = first.replace(hour=0, minute=0, second=0, microsecond=0)
    named = [_WEEKDAYS[w] for w in words if w in _WEEKDAYS]
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
