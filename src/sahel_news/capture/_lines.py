"""Capture text to clean lines, and what each line is (temperature, date, byline, text...).

Every rule looks at one stripped line with string methods or short anchored regexes, so
reading a capture is linear in its length.
"""

from __future__ import annotations

import re
from enum import StrEnum

import attrs

from sahel_news.capture._boilerplate import Boilerplate, PhraseKind, boilerplate, phrase_key
from sahel_news.capture._timestamps import MAX_DATE_LINE, DateReading, read_date_line
from sahel_news.errors import ParseError
from sahel_news.models import Diagnostic

__all__ = [
    "Classified",
    "LineKind",
    "classify",
    "clean_lines",
    "ends_sentence",
    "temperature_celsius",
    "without_invisibles",
]

# Removed: byte-order marks and zero-width characters that editors and sites leave behind.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"
# Read as a plain space: no-break, narrow, figure, thin and ideographic spaces, tabs.
_SPACES = "\u00a0\u202f\u2007\u2009\u200a\u3000\t"
_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\n\r"
_TRANSLATION = str.maketrans(dict.fromkeys(_INVISIBLE, "") | dict.fromkeys(_SPACES, " "))
# C0/C1 controls that are not line breaks, and lone surrogates: not text.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
_JUNK_SHARE = 0.01
_JUNK_FLOOR = 8

# Any number of decimals after a point, so every temperature render_capture writes reads
# back; at most two after a comma, where "1,000" would be a thousands separator.
_TEMPERATURE = re.compile(r"(-?\d{1,3}(?:\.\d+|,\d{1,2})?) ?(?:°|º)? ?([CF])")
_TEMPERATURE_SIGNS = {"℃": "C", "℉": "F"}
# Room for the longest decimal of a float between -1000 and 1000 (down to 0.0001 in size).
_MAX_TEMPERATURE_LINE = 28
_MAX_BYLINE = 200
_MAX_BYLINE_WORDS = 30
_MAX_CAPTION = 300
_CREDIT_TAIL = 60
_ALPHANUMERIC = re.compile(r"[^\W_]")
_CLOSERS = "\"'”’»)]"
_SENTENCE_ENDS = ".!?…:"


class LineKind(StrEnum):
    """What one line of a capture is."""

    TEMPERATURE = "temperature"
    DATE = "date"
    TIMESTAMP = "timestamp"
    READ_MORE = "read_more"
    READ_MORE_INLINE = "read_more_inline"
    BYLINE = "byline"
    CAPTION = "caption"
    SHARE = "share"
    FOOTER = "footer"
    BOILERPLATE = "boilerplate"
    HEADER = "header"
    DECORATION = "decoration"
    TEXT = "text"


@attrs.frozen(slots=True)
class Classified:
    """A line's kind, with the date it reads as or the related title it carries."""

    kind: LineKind
    reading: DateReading | None = None
    title: str | None = None


_TEXT = Classified(LineKind.TEXT)
_PHRASE_KINDS = {
    PhraseKind.READ_MORE: LineKind.READ_MORE,
    PhraseKind.SHARE: LineKind.SHARE,
    PhraseKind.FOOTER: LineKind.FOOTER,
    PhraseKind.BOILERPLATE: LineKind.BOILERPLATE,
    PhraseKind.HEADER: LineKind.HEADER,
}


def _nothing_to_clean(text: str) -> bool:
    """Whether every character is printable, a space or a line end (the common case).

    str.isprintable is slow on non-ASCII text, so the plain ASCII is dropped first (in C,
    on the UTF-8 bytes) and only the rest is looked at.
    """
    try:
        rest = text.encode("utf-8").translate(None, _PLAIN_ASCII).decode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return rest.isprintable()


def clean_lines(text: str) -> tuple[list[str], list[Diagnostic]]:
    """The stripped lines of *text* (1-based line n is item n-1), and what was cleaned.

    Line breaks are those of `str.splitlines` (LF, CRLF, CR, form feed, ...). Byte-order
    marks and zero-width characters are dropped, exotic spaces become plain spaces, and a
    few stray control characters are dropped with a diagnostic.

    Raises:
        ParseError: if the text holds a NUL or more than 1% control characters (binary data).
    """
    lines = text.splitlines()
    if _nothing_to_clean(text):
        return [line.strip() for line in lines], []
    controls = 0
    first_control: int | None = None
    for number, line in enumerate(lines):
        # Nearly every line is printable: only the others need a closer look.
        if not line.isprintable():
            line, removed = _CONTROL.subn("", line.translate(_TRANSLATION))  # noqa: PLW2901
            if removed and first_control is None:
                first_control = number
            controls += removed
        lines[number] = line.strip()
    diagnostics: list[Diagnostic] = []
    if first_control is not None:
        if "\x00" in text or controls > max(_JUNK_FLOOR, len(text) * _JUNK_SHARE):
            raise ParseError(
                f"{controls} control characters: this is binary data, not a text capture",
                line=first_control + 1,
            )
        diagnostics.append(
            Diagnostic(
                "control_characters_removed",
                f"removed {controls} control characters",
                first_control + 1,
            )
        )
    return lines, diagnostics


def without_invisibles(text: str) -> str:
    """*text* without byte-order marks and zero-width characters, exotic spaces made plain."""
    return text.translate(_TRANSLATION)


def temperature_celsius(line: str) -> float | None:
    """The temperature a line like ``30.1 C`` or ``86°F`` gives, in °C, or None."""
    if len(line) > _MAX_TEMPERATURE_LINE:
        return None
    for sign, letter in _TEMPERATURE_SIGNS.items():
        line = line.replace(sign, letter)
    match = _TEMPERATURE.fullmatch(line)
    if match is None:
        return None
    value = float(match.group(1).replace(",", "."))
    if match.group(2) == "F":
        return round((value - 32) * 5 / 9, 1)
    return value


def ends_sentence(text: str) -> bool:
    """Whether *text* ends with sentence punctuation (before any closing quote or bracket)."""
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in _SENTENCE_ENDS


def _is_byline(line: str, prefix: re.Pattern[str]) -> bool:
    if len(line) > _MAX_BYLINE or (ends_sentence(line) and not line.endswith(")")):
        return False
    match = prefix.match(line)
    if match is None:
        return False
    rest = line[match.end() :].lstrip()
    return bool(rest) and rest[0].isupper() and len(line.split()) <= _MAX_BYLINE_WORDS


def _is_caption(line: str, vocabulary: Boilerplate) -> bool:
    if len(line) > _MAX_CAPTION:
        return False
    # A credit closes a caption ("... © AFP / Souleymane Ag Anara"): look at the tail only.
    return bool(
        vocabulary.caption_prefix.match(line)
        or vocabulary.caption_credit.search(line, max(len(line) - _CREDIT_TAIL, 0))
    )


def _short_line(line: str, vocabulary: Boilerplate) -> Classified | None:
    if len(line) <= _MAX_TEMPERATURE_LINE and temperature_celsius(line) is not None:
        return Classified(LineKind.TEMPERATURE)
    reading = read_date_line(line)
    if reading is not None:
        return Classified(LineKind.TIMESTAMP if reading.has_time else LineKind.DATE, reading)
    if len(line) <= vocabulary.longest_phrase + 8:
        phrase = vocabulary.whole_lines.get(phrase_key(line))
        if phrase is not None:
            return Classified(_PHRASE_KINDS[phrase])
    return None


def classify(line: str, vocabulary: Boilerplate | None = None) -> Classified:
    """What one stripped, non-blank line is, judged by itself.

    Args:
        line: a stripped, non-blank line.
        vocabulary: the boilerplate vocabulary (by default, the loaded table).
    """
    if vocabulary is None:
        vocabulary = boilerplate()
    size = len(line)
    if size <= MAX_DATE_LINE:
        short = _short_line(line, vocabulary)
        if short is not None:
            return short
    inline = vocabulary.read_more_inline.match(line)
    if inline is not None:
        return Classified(LineKind.READ_MORE_INLINE, title=line[inline.end() :].strip())
    if size > _MAX_CAPTION:
        # Too long for a byline, a caption or a decoration: the commonest case, text.
        return _TEXT
    if _is_byline(line, vocabulary.byline_prefix):
        return Classified(LineKind.BYLINE)
    if _is_caption(line, vocabulary):
        return Classified(LineKind.CAPTION)
    if _ALPHANUMERIC.search(line) is None:
        return Classified(LineKind.DECORATION)
    return _TEXT
