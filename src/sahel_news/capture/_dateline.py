"""Wire datelines opening a first paragraph: ``BAMAKO, June 5 (Reuters) -``, ``MOSCOW,
September 2. /TASS/.``, ``NIAMEY (AFP) —``, and French ones: ``BAMAKO, 5 juin (AFP) -``,
``OUAGADOUGOU, 1er juin (AIB) -`` (month names of both languages, the first of the month
written ``1er``).

Only the first 200 characters of the paragraph are looked at, with short anchored
patterns, so this is constant time per article.
"""

from __future__ import annotations

import re
from datetime import date

import attrs

from sahel_news.capture._timestamps import month_number, resolve_month_day
from sahel_news.models import Dateline, Part, Span

__all__ = ["DatelineParts", "find_dateline", "to_dateline"]

_WINDOW = 200
_MAX_HEAD = 100
_MAX_AGENCY = 30
_MAX_PLACE_WORDS = 4
_SLASH_AGENCY = re.compile(r"\. ?/([A-Z][A-Za-z-]{1,20})/\.?")
_DASH = re.compile(r" (?:--|[-–—]) ")
_DAY = re.compile(r"(\d{1,2})(?:er)?")
_PLACE_CHARS = frozenset("'’.-")


@attrs.frozen(slots=True)
class DatelineParts:
    """A dateline found in a paragraph, before its date is resolved against a year."""

    text: str
    place: str
    month_day: tuple[int, int] | None
    year: int | None
    agency: str | None


def _is_place_word(word: str) -> bool:
    return bool(word) and word[0].isupper() and all(c.isalpha() or c in _PLACE_CHARS for c in word)


def _month_day(part: str) -> tuple[int, int] | None:
    words = part.split()
    if len(words) != 2:
        return None
    first, second = words
    return _two_words_month_day(first, second)


def _dated(part: str) -> tuple[tuple[int, int], int] | None:
    """A month, day and year in one part, as state media write them: ``14 March 2024``."""
    words = part.split()
    if len(words) != 3 or len(words[2]) != 4 or not words[2].isdigit():
        return None
    month_day = _two_words_month_day(words[0], words[1])
    return None if month_day is None else (month_day, int(words[2]))


def _two_words_month_day(first: str, second: str) -> tuple[int, int] | None:
    if (number := _DAY.fullmatch(first)) and month_number(second):
        month, day = month_number(second), int(number[1])
    elif (number := _DAY.fullmatch(second)) and month_number(first):
        month, day = month_number(first), int(number[1])
    else:
        return None
    return (month, day) if month and 1 <= day <= 31 else None


def _split_agency(head: str) -> tuple[str, str | None]:
    if not head.endswith(")"):
        return head, None
    opening = head.rfind("(")
    inner = head[opening + 1 : -1].strip()
    if opening <= 0 or not inner or len(inner) > _MAX_AGENCY:
        return head, None
    if any(c.isdigit() for c in inner) or not inner[0].isupper():
        return head, None
    return head[:opening].rstrip(), inner


def find_dateline(paragraph: str) -> DatelineParts | None:
    """The dateline opening *paragraph*, or None if it does not open with one."""
    window = paragraph[:_WINDOW]
    agency: str | None = None
    slash = _SLASH_AGENCY.search(window)
    dash = _DASH.search(window)
    if slash is not None and (dash is None or slash.start() < dash.start()):
        head, agency, end = window[: slash.start()], slash.group(1), slash.end()
    elif dash is not None:
        head, end = window[: dash.start()], dash.end() - 1
    else:
        return None
    head = head.strip()
    if not head or len(head) > _MAX_HEAD:
        return None
    if agency is None:
        head, agency = _split_agency(head)
    parts = [part.strip() for part in head.split(",")]
    place = parts[0]
    words = place.split()
    if not 1 <= len(words) <= _MAX_PLACE_WORDS or not all(_is_place_word(w) for w in words):
        return None
    month_day: tuple[int, int] | None = None
    year: int | None = None
    for part in parts[1:]:
        if month_day is None and _month_day(part) is not None:
            month_day = _month_day(part)
        elif month_day is None and (dated := _dated(part)) is not None:
            month_day, year = dated
        elif month_day is not None and len(part) == 4 and part.isdigit():
            year = int(part)
        elif (
            month_day is None
            and year is None
            and part.split()
            and all(_is_place_word(w) for w in part.split())
        ):
            continue  # a region or country after the place: ``NIAMEY, Niger (AP) —``
        else:
            return None
    all_capitals = place.upper() == place and sum(c.isalpha() for c in place) >= 3
    if not (all_capitals or agency or month_day):
        return None
    text = paragraph[:end].rstrip()
    return DatelineParts(text=text, place=place, month_day=month_day, year=year, agency=agency)


def to_dateline(parts: DatelineParts, anchor: date | None) -> Dateline:
    """The Dateline record, its date resolved with its own year or against *anchor*."""
    when: date | None = None
    if parts.month_day is not None:
        month, day = parts.month_day
        if parts.year is not None:
            try:
                when = date(parts.year, month, day)
            except ValueError:
                when = None
        elif anchor is not None:
            when = resolve_month_day(month, day, anchor)
    return Dateline(
        text=parts.text,
        span=Span(Part.PARAGRAPH, 0, 0, len(parts.text)),
        place=parts.place,
        date=when,
        agency=parts.agency,
    )
