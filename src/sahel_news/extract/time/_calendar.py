"""Calendar arithmetic for time expressions: months, weeks, parts and picking the right year."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from sahel_news.models import Precision

__all__ = [
    "Interval",
    "day_of_month_near",
    "day_year",
    "last_day",
    "month_interval",
    "month_year",
    "shift",
    "span_precision",
    "unit_interval",
    "week_interval",
    "weekday_after",
    "weekday_on_or_before",
    "year_interval",
]

Interval = tuple[date, date]


def last_day(year: int, month: int) -> int:
    """The number of days of *month* in *year*.

    Raises:
        calendar.IllegalMonthError: *month* is not 1 to 12.
    """
    return calendar.monthrange(year, month)[1]


def month_interval(year: int, month: int) -> Interval:
    """The first and last day of a calendar month."""
    return date(year, month, 1), date(year, month, last_day(year, month))


def year_interval(year: int) -> Interval:
    """The first and last day of a calendar year."""
    return date(year, 1, 1), date(year, 12, 31)


def week_interval(day: date) -> Interval:
    """The Monday-to-Sunday week holding *day*."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def unit_interval(day: date, unit: str) -> tuple[Interval, Precision]:
    """The calendar *unit* ("days", "weeks", "months", "years") holding *day*."""
    if unit == "days":
        return (day, day), Precision.DAY
    if unit == "weeks":
        return week_interval(day), Precision.WEEK
    if unit == "months":
        return month_interval(day.year, day.month), Precision.MONTH
    return year_interval(day.year), Precision.YEAR


def shift(day: date, unit: str, count: int) -> date:
    """*day* moved by *count* (negative: back) *unit*s.

    A month or year on lands on the same day of the month, or on the month's last day when
    it has fewer (31 March + 1 month = 30 April): ``dateutil.relativedelta`` counts them.

    Raises:
        ValueError: the year falls outside the calendar (1 to 9999).
        OverflowError: so does the day, moved by days or weeks.
    """
    if unit == "days":
        return day + timedelta(days=count)
    if unit == "weeks":
        return day + timedelta(weeks=count)
    if unit == "months":
        return day + relativedelta(months=count)
    return day + relativedelta(years=count)


def month_year(month: int, anchor: date, *, future: bool) -> int:
    """The year of the most recent *month* not after the anchor's, or the next one if *future*."""
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def day_year(month: int, day: int, anchor: date, *, future: bool) -> date:
    """The most recent *month*/*day* on or before the anchor, or the next one if *future*.

    Raises:
        ValueError: no year near the anchor has that day (30 February).
    """
    step = 1 if future else -1
    year = anchor.year
    for _ in range(9):
        try:
            candidate = date(year, month, day)
        except ValueError:
            year += step
            continue
        if (candidate >= anchor) if future else (candidate <= anchor):
            return candidate
        year += step
    raise ValueError(f"no {month:02d}-{day:02d} near {anchor.isoformat()}")


def weekday_on_or_before(anchor: date, weekday: int) -> date:
    """The last *weekday* (0 = Monday) on or before the anchor."""
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_after(anchor: date, weekday: int) -> date:
    """The first *weekday* (0 = Monday) strictly after the anchor."""
    return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)


def span_precision(earliest: date, latest: date) -> Precision:
    """The precision a vague range of this length is known to: days, a month, a quarter, ..."""
    days = (latest - earliest).days + 1
    if days == 1:
        return Precision.DAY
    if days <= 14:
        return Precision.DAYS
    if days <= 62:
        return Precision.MONTH
    if days <= 183:
        return Precision.QUARTER
    if days <= 366:
        return Precision.YEAR
    return Precision.YEARS


def day_of_month_near(anchor: date, day: int, *, future: bool) -> date:
    """The nearest date with day-of-month *day* on or before *anchor* (after it, if *future*).

    A month without that day (the 31st of June) is skipped.
    """
    step = 1 if future else -1
    year, month = anchor.year, anchor.month
    for _ in range(13):
        if day <= calendar.monthrange(year, month)[1]:
            found = date(year, month, day)
            if (found >= anchor) if future else (found <= anchor):
                return found
        month += step
        if month == 0:
            year, month = year - 1, 12
        elif month == 13:
            year, month = year + 1, 1
    msg = f"no month near {anchor.isoformat()} has a day {day}"
    raise ValueError(msg)
