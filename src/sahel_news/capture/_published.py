"""The publication time from the caller's metadata, or from the date in the source URL.

The capture's own timestamp is the best witness; a time the caller knows (a feed entry, a
scraper's CSV column) stands in when the capture has none; a date in the URL's path
(``/2024/06/04/``, ``/20240604/``, ``/2024-06-04-slug``, after htmldate's URL rules) is the
last resort. Every choice other than the capture's own is said in a diagnostic.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo
from urllib.parse import urlsplit

from sahel_news.models import Diagnostic

__all__ = ["date_in_url", "settle_published"]

# A publication time and a metadata time within this of each other agree: feeds round to
# the minute and drop the seconds.
_SAME_MOMENT = timedelta(minutes=1)
_URL_DATES = (
    re.compile(r"/(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?=[/_.-]|$)"),
    re.compile(r"/(?P<year>\d{4})[-_](?P<month>\d{2})[-_](?P<day>\d{2})(?=[/_.-]|$)"),
    re.compile(r"/(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?=[/_.-]|$)"),
)
_YEARS = range(1900, 2200)


def date_in_url(url: str) -> date | None:
    """The calendar date written in the path of *url*, or None if there is none.

    Only the path is read (not the host or the query), and only a real date in the years
    1900-2199 counts: ``/2024/13/45/`` and ``/12345678/`` are no dates.
    """
    try:
        path = urlsplit(url).path
    except ValueError:  # an unbalanced "[" in the host
        return None
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
            if year not in _YEARS:
                continue
            try:
                return date(year, month, day)
            except ValueError:
                continue
    return None


def _as_moment(value: date | datetime, default_tz: tzinfo) -> tuple[datetime, bool]:
    """*value* as an aware datetime, and whether its zone (or its time) was assumed."""
    if isinstance(value, datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            return value, False
        return value.replace(tzinfo=default_tz), True
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=default_tz), True
    raise TypeError(f"published must be a date or a datetime, not {type(value).__name__}")


def _disagrees(found: datetime, given: date | datetime, default_tz: tzinfo) -> bool:
    if not isinstance(given, datetime):
        return found.date() != given
    moment, _ = _as_moment(given, default_tz)
    return abs(found - moment) >= _SAME_MOMENT


def settle_published(
    found: datetime | None,
    found_assumed: bool,
    *,
    found_line: int | None,
    given: date | datetime | None,
    url: str | None,
    default_tz: tzinfo,
    diagnostics: list[Diagnostic],
) -> tuple[datetime | None, bool]:
    """The publication time and whether its zone was assumed, from the capture or metadata.

    Args:
        found: the capture's own publication time, if it has one.
        found_assumed: whether the capture's timestamp named no zone.
        found_line: the 1-based line of the capture's timestamp.
        given: the publication date or time the caller knows, if any.
        url: the source URL, if known.
        default_tz: the zone a date or a naive time is read in.
        diagnostics: the capture's diagnostics; the one that says why is added here, and
            ``no_timestamp`` is dropped when metadata or the URL stands in.

    Raises:
        TypeError: if *given* is neither a date nor a datetime.
    """
    if given is not None:
        moment, assumed = _as_moment(given, default_tz)
        if found is not None:
            if _disagrees(found, given, default_tz):
                diagnostics.append(
                    Diagnostic(
                        "published_metadata_disagrees",
                        f"the capture's timestamp {found.isoformat()} is kept; the given "
                        f"publication time {given.isoformat()} disagrees with it",
                        found_line,
                    )
                )
            return found, found_assumed
        _drop_no_timestamp(diagnostics)
        diagnostics.append(
            Diagnostic(
                "published_from_metadata",
                f"the capture has no timestamp; the given publication time "
                f"{given.isoformat()} is used" + _assumption(given, default_tz),
            )
        )
        return moment, assumed
    if found is not None or url is None:
        return found, found_assumed
    day = date_in_url(url)
    if day is None:
        return None, False
    _drop_no_timestamp(diagnostics)
    diagnostics.append(
        Diagnostic(
            "published_from_url",
            f"the capture has no timestamp; the date {day.isoformat()} in its URL is used"
            + _assumption(day, default_tz),
        )
    )
    return datetime.combine(day, time(), tzinfo=default_tz), True


def _assumption(given: date | datetime, default_tz: tzinfo) -> str:
    if isinstance(given, datetime):
        if given.tzinfo is not None and given.utcoffset() is not None:
            return ""
        return f" (no zone given: read in {_zone_name(given, default_tz)})"
    return f" (no time given: midnight in {_zone_name(given, default_tz)} is assumed)"


def _zone_name(given: date, default_tz: tzinfo) -> str:
    moment = datetime.combine(given, time(), tzinfo=default_tz)
    return getattr(default_tz, "key", None) or moment.tzname() or "UTC"


def _drop_no_timestamp(diagnostics: list[Diagnostic]) -> None:
    diagnostics[:] = [d for d in diagnostics if d.code != "no_timestamp"]
