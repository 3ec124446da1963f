"""parse_layout: a plain-text capture to an Article skeleton (layout fields and chrome only).

The layout, top to bottom (docs/capture-format.md is the specification): header chrome
(temperature, page date, site furniture), the headline, an optional standfirst, body
paragraphs separated by blank lines with "Read more" links and chrome lines among them,
then the footer (the feed timestamp, "Most Popular Articles", ...).

Plain text that is not a capture is read too, unless ``strict=True``: a text whose first
line is no plausible headline is read as body only (its headline given, or its first
sentence), a text without blank lines gets its paragraphs from its lines, and an article
on one line is cut into sentences.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, tzinfo

from dateutil import tz

from sahel_news.capture._boilerplate import boilerplate
from sahel_news.capture._dateline import find_dateline, to_dateline
from sahel_news.capture._lines import (
    Classified,
    LineKind,
    classify,
    clean_lines,
    ends_sentence,
    temperature_celsius,
)
from sahel_news.capture._plain import (
    derived_headline,
    given_headline,
    headline_problem,
    one_line_paragraphs,
)
from sahel_news.capture._published import settle_published
from sahel_news.capture._timestamps import DateReading
from sahel_news.errors import ParseError
from sahel_news.models import (
    Article,
    Chrome,
    ChromeKind,
    ChromeLine,
    Dateline,
    Diagnostic,
    RelatedLink,
    Source,
)

__all__ = ["HEADLINE_DERIVED", "MAX_HEADLINE", "MAX_STANDFIRST", "article_id", "parse_layout"]

MAX_HEADLINE = 300
MAX_STANDFIRST = 400
# How far below an unknown top line a temperature or page date may sit and still make
# that line site furniture ("Sahel Daily" above "30.1 C") rather than the headline.
_HEADER_LOOKAHEAD = 5

# Chrome kinds of lines below the headline; a temperature or a date there is just "other".
_CHROME_KINDS = {
    LineKind.TIMESTAMP: ChromeKind.TIMESTAMP,
    LineKind.BYLINE: ChromeKind.BYLINE,
    LineKind.CAPTION: ChromeKind.CAPTION,
    LineKind.SHARE: ChromeKind.SHARE,
    LineKind.FOOTER: ChromeKind.FOOTER,
    LineKind.BOILERPLATE: ChromeKind.BOILERPLATE,
    LineKind.READ_MORE: ChromeKind.BOILERPLATE,
}
_HEADER_KINDS = _CHROME_KINDS | {
    LineKind.TEMPERATURE: ChromeKind.TEMPERATURE,
    LineKind.DATE: ChromeKind.PAGE_DATE,
}
_HEADER_ANCHORS = frozenset({LineKind.TEMPERATURE, LineKind.DATE})
_FOOTER_STARTS = frozenset({LineKind.TIMESTAMP, LineKind.FOOTER})
# The diagnostic of an Article whose headline is its first sentence (render_capture leaves
# such a headline out, so the text reads back the same).
HEADLINE_DERIVED = "headline_from_first_sentence"


def article_id(lines: list[str]) -> str:
    """A stable id from the cleaned lines: ``a-`` and 16 hex digits of their SHA-256.

    Blank-line runs count as one, so captures differing only in white space, line endings
    or invisible characters get the same id.
    """
    # A loop, not a regex: re.sub over a long non-ASCII text is several times slower.
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    digest = hashlib.sha256("\n".join(kept).encode("utf-8", "surrogatepass")).hexdigest()
    return f"a-{digest[:16]}"


def _same_words(first: str, second: str) -> bool:
    return len(first) == len(second) and first.casefold() == second.casefold()


def _zone_label(moment: datetime) -> str:
    """The zone *moment* was read in, for people: its IANA key or name, and its UTC offset.

    The offset is always said: a zone's abbreviation alone may hide it (dateutil reads
    ``UTC+3`` as a zone called "UTC" three hours ahead).
    """
    offset = moment.utcoffset() or timedelta(0)
    minutes = round(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    offset_text = f"UTC{sign}{hours:02d}:{rest:02d}" if minutes else "UTC"
    name = getattr(moment.tzinfo, "key", None) or moment.tzname()
    if not name or name == offset_text:
        return offset_text
    return f"{name} ({offset_text})"


class _Reader:
    """One pass over the cleaned lines of a capture, collecting the layout."""

    def __init__(self, lines: list[str], diagnostics: list[Diagnostic]) -> None:
        self.lines = lines
        self.diagnostics = diagnostics
        self.kinds: list[Classified | None] = [None] * len(lines)
        self.vocabulary = boilerplate()
        self.header: list[ChromeLine] = []
        self.body_chrome: list[ChromeLine] = []
        self.footer: list[ChromeLine] = []
        self.blocks: list[str] = []
        # Where each block starts (a line index) and how many lines it joins.
        self.block_lines: list[tuple[int, int]] = []
        self.related: list[RelatedLink] = []
        self.dates: list[tuple[int, DateReading]] = []
        self.header_dates: list[tuple[int, DateReading]] = []
        self.page_date: date | None = None
        self.temperature: float | None = None
        self.buffer: list[str] = []
        self.buffer_start = 0
        self.footer_text_noted = False
        # Whether a block that ends a sentence (a paragraph, not a standfirst) was read.
        self.sentence_read = False
        self.repeated_headline = False

    def kind(self, index: int) -> Classified:
        known = self.kinds[index]
        if known is None:
            known = self.kinds[index] = classify(self.lines[index], self.vocabulary)
        return known

    def note(self, code: str, message: str, index: int | None) -> None:
        self.diagnostics.append(Diagnostic(code, message, None if index is None else index + 1))

    # -- header ----------------------------------------------------------------------

    def _absorbs(self, index: int) -> int | None:
        """The index of a temperature or page date below *index* in the same block, if any."""
        for ahead in range(index + 1, min(index + 1 + _HEADER_LOOKAHEAD, len(self.lines))):
            if not self.lines[ahead]:
                return None
            if self.kind(ahead).kind in _HEADER_ANCHORS:
                return ahead
        return None

    def _header_line(self, index: int, kind: Classified) -> None:
        text = self.lines[index]
        chrome = _HEADER_KINDS.get(kind.kind, ChromeKind.OTHER)
        if kind.kind is LineKind.TEMPERATURE and self.temperature is None:
            self.temperature = temperature_celsius(text)
        elif kind.kind is LineKind.DATE and kind.reading is not None:
            if self.page_date is None:
                self.page_date = kind.reading.day
                if kind.reading.weekday_mismatch:
                    self.note(
                        "page_date_weekday_mismatch",
                        f"the page date {text!r} names the wrong weekday; the date is kept",
                        index,
                    )
            else:
                self.note("several_page_dates", f"a second page date {text!r} is ignored", index)
        elif kind.kind is LineKind.TIMESTAMP and kind.reading is not None:
            self.header_dates.append((index, kind.reading))
        self.header.append(ChromeLine(text, chrome))

    def read_header(self, *, strict: bool = True) -> int:
        """Read the header chrome; return the index of the first line of text."""
        index = 0
        while index < len(self.lines):
            if not self.lines[index]:
                index += 1
                continue
            kind = self.kind(index)
            if kind.kind is not LineKind.TEXT:
                self._header_line(index, kind)
                index += 1
                continue
            anchor = self._absorbs(index)
            if anchor is None:
                return index
            for other in range(index, anchor):
                self.note(
                    "header_line_assumed",
                    f"{self.lines[other]!r} above the page date or temperature is taken as "
                    "site chrome",
                    other,
                )
                self._header_line(other, self.kind(other))
            index = anchor
        if strict:
            raise ParseError("no plausible headline: every line is site chrome or blank")
        raise ParseError("no text to read: every line is site chrome or blank")

    # -- body ------------------------------------------------------------------------

    def flush(self) -> None:
        if self.buffer:
            self.sentence_read = self.sentence_read or ends_sentence(self.buffer[-1])
            self.blocks.append(" ".join(self.buffer))
            self.block_lines.append((self.buffer_start, len(self.buffer)))
            self.buffer = []

    def add_text(self, index: int, *, by_line: bool) -> None:
        """Add a text line to the block being read; with *by_line*, a line is a paragraph
        unless it is cut short (no sentence end) and the next starts in lower case."""
        line = self.lines[index]
        if by_line and self.buffer and (ends_sentence(self.buffer[-1]) or not line[:1].islower()):
            self.flush()
        if not self.buffer:
            self.buffer_start = index
        self.buffer.append(line)

    def lines_are_paragraphs(self, start: int) -> bool:
        """Whether the body from line *start* has two or more text lines, no blank line
        between any two of them before the footer, and most of them end a sentence.

        Paragraphs one per line end sentences; the lines of one hard-wrapped paragraph
        mostly do not, and they stay one paragraph, as in a capture.
        """
        text_lines = sentence_ends = 0
        blank_after_text = False
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            if not line:
                blank_after_text = text_lines > 0
                continue
            kind = self.kind(index).kind
            if kind in _FOOTER_STARTS and text_lines:
                break
            if kind is LineKind.TEXT:
                if blank_after_text:
                    return False
                text_lines += 1
                sentence_ends += ends_sentence(line)
        return text_lines >= 2 and 2 * sentence_ends > text_lines

    def _chrome(self, index: int, kind: Classified) -> None:
        self.flush()
        chrome = _CHROME_KINDS.get(kind.kind, ChromeKind.OTHER)
        if kind.kind is LineKind.TIMESTAMP and kind.reading is not None:
            self.dates.append((index, kind.reading))
        elif kind.kind is LineKind.DATE:
            self.note(
                "date_without_time",
                f"the date line {self.lines[index]!r} has no time; it is kept as chrome and "
                "not read as the publication time",
                index,
            )
        self.body_chrome.append(ChromeLine(self.lines[index], chrome, len(self.blocks)))

    def _footer_line(self, index: int, kind: Classified) -> None:
        text = self.lines[index]
        if kind.kind is LineKind.TIMESTAMP and kind.reading is not None:
            self.dates.append((index, kind.reading))
        elif kind.kind is LineKind.TEXT and not self.footer_text_noted:
            self.footer_text_noted = True
            self.note(
                "footer_text",
                f"text after the footer began is kept as chrome: {text[:60]!r}",
                index,
            )
        self.footer.append(ChromeLine(text, _CHROME_KINDS.get(kind.kind, ChromeKind.OTHER)))

    def headline(self, index: int) -> tuple[str, int]:
        """The headline starting at *index* and its last line: a wrapped headline goes on
        with a line that starts in lower case, directly below it."""
        headline = self.lines[index]
        last = index
        while (
            last + 1 < len(self.lines)
            and self.lines[last + 1][:1].islower()
            and len(headline) + 1 + len(self.lines[last + 1]) <= MAX_HEADLINE
            and self.kind(last + 1).kind is LineKind.TEXT
        ):
            last += 1
            headline = f"{headline} {self.lines[last]}"
        return headline, last

    def read_body(
        self, headline: str | None, last_headline_line: int, *, by_line: bool = False
    ) -> None:
        waiting_title: int | None = None
        in_footer = False
        for index in range(last_headline_line + 1, len(self.lines)):
            line = self.lines[index]
            if not line:
                if self.buffer:
                    self.flush()
                continue
            kind = self.kind(index)
            if in_footer:
                self._footer_line(index, kind)
                continue
            if waiting_title is not None:
                if kind.kind is LineKind.TEXT and len(line) <= MAX_HEADLINE:
                    self.related.append(RelatedLink(line, len(self.blocks)))
                    waiting_title = None
                    continue
                self._orphan_read_more(waiting_title)
                waiting_title = None
            if kind.kind is LineKind.TEXT:
                # A headline repeated above the first paragraph (after a standfirst, maybe).
                if (
                    headline is not None
                    and not self.repeated_headline
                    and len(self.blocks) <= 1
                    and not self.buffer
                    and _same_words(line, headline)
                ):
                    self.repeated_headline = True
                    self.body_chrome.append(
                        ChromeLine(line, ChromeKind.REPEATED_HEADLINE, len(self.blocks))
                    )
                else:
                    self.add_text(index, by_line=by_line)
            elif kind.kind is LineKind.READ_MORE:
                self.flush()
                waiting_title = index
            elif kind.kind is LineKind.READ_MORE_INLINE and kind.title is not None:
                self.flush()
                self.related.append(RelatedLink(kind.title, len(self.blocks)))
            elif self._starts_footer(kind.kind):
                self.flush()
                in_footer = True
                self._footer_line(index, kind)
            else:
                self._chrome(index, kind)
        self.flush()
        if waiting_title is not None:
            self._orphan_read_more(waiting_title)

    def _starts_footer(self, kind: LineKind) -> bool:
        """Whether a line of this kind starts the footer here.

        A footer phrase does once a block has been read; a timestamp once a block that
        ends a sentence has been: one below the standfirst ("Publié le ..." under the
        chapô) is body chrome, and the body goes on below it.
        """
        if kind is LineKind.FOOTER:
            return bool(self.blocks or self.buffer)
        if kind is LineKind.TIMESTAMP:
            return self.sentence_read or bool(self.buffer and ends_sentence(self.buffer[-1]))
        return False

    def _orphan_read_more(self, index: int) -> None:
        self.note(
            "related_title_missing",
            f"{self.lines[index]!r} is not followed by a title; it is kept as chrome",
            index,
        )
        self.body_chrome.append(
            ChromeLine(self.lines[index], ChromeKind.BOILERPLATE, len(self.blocks))
        )

    def split_one_line(self) -> None:
        """Read a body that is a single line as one paragraph per sentence."""
        if len(self.blocks) != 1 or self.block_lines[0][1] != 1:
            return
        line = self.blocks[0]
        paragraphs = one_line_paragraphs(line)
        if len(paragraphs) < 2:
            return
        index = self.block_lines[0][0]
        extra = len(paragraphs) - 1
        self.blocks = paragraphs
        self.block_lines = [(index, 1)] * len(paragraphs)
        # What stood after the line now stands after its last sentence.
        self.related = [
            RelatedLink(r.title, r.after_paragraph and r.after_paragraph + extra, r.url)
            for r in self.related
        ]
        self.body_chrome = [
            ChromeLine(c.text, c.kind, c.after_paragraph and c.after_paragraph + extra)
            for c in self.body_chrome
        ]
        self.note(
            "one_line_split",
            f"the text is one line of {len(line):,} characters: it is read as "
            f"{len(paragraphs)} paragraphs, one per sentence",
            index,
        )

    # -- decisions -------------------------------------------------------------------

    def take_standfirst(self) -> str | None:
        """Take the first block as the standfirst when it reads as one (see the spec)."""
        if len(self.blocks) < 2:
            return None
        first = self.blocks[0]
        if ends_sentence(first) or len(first) > MAX_STANDFIRST or find_dateline(first):
            return None
        self.blocks.pop(0)
        self.block_lines.pop(0)
        self.related = [
            RelatedLink(r.title, max(r.after_paragraph - 1, 0), r.url) for r in self.related
        ]
        self.body_chrome = [
            ChromeLine(c.text, c.kind, max(c.after_paragraph - 1, 0)) for c in self.body_chrome
        ]
        return first

    def published(self, default_tz: tzinfo) -> tuple[datetime | None, bool]:
        """The publication time: the first timestamp below the headline, else above it.

        A date and time in the header may be when the page was viewed; the feed timestamp
        below the headline is the better witness of publication.
        """
        candidates = self.dates + self.header_dates
        if not candidates:
            self.note("no_timestamp", "no publication timestamp found", None)
            return None, False
        index, reading = candidates[0]
        for later, _ in candidates[1:]:
            self.note(
                "several_timestamps",
                f"another timestamp {self.lines[later]!r} is not the publication time "
                f"(that is line {index + 1})",
                later,
            )
        if not reading.has_zone:
            zone = _zone_label(reading.value.replace(tzinfo=default_tz))
            self.note(
                "zone_assumed",
                f"the timestamp {self.lines[index]!r} names no time zone; read in {zone}",
                index,
            )
        return reading.aware(default_tz), not reading.has_zone

    def dateline(self, anchor: date | None) -> Dateline | None:
        if not self.blocks:
            return None
        parts = find_dateline(self.blocks[0])
        if parts is None:
            return None
        found = to_dateline(parts, anchor)
        if parts.month_day is not None and found.date is None:
            self.note(
                "dateline_date_unresolved",
                f"the dateline {parts.text!r} gives a month and day but no year could be "
                "found (no publication timestamp or page date)"
                if anchor is None
                else f"the dateline {parts.text!r} names a date that does not exist",
                None,
            )
        return found


def _check_headline(line: str, index: int) -> None:
    if len(line) > MAX_HEADLINE:
        raise ParseError(
            f"no plausible headline: the first line of text is {len(line):,} characters long "
            f"(a headline has at most {MAX_HEADLINE})",
            line=index + 1,
        )
    if not any(c.isalpha() for c in line):
        raise ParseError(
            f"no plausible headline: the first line of text {line[:40]!r} has no letters",
            line=index + 1,
        )


def _read_below_headline(reader: _Reader, headline: str, last: int, *, strict: bool) -> str | None:
    """Read the body under a headline that ends on line *last*; return the standfirst."""
    lines = reader.lines
    following = last + 1
    if following < len(lines) and lines[following] and reader.kind(following).kind is LineKind.TEXT:
        reader.note(
            "two_headline_candidates",
            "the line after the headline follows it without a blank line: "
            f"{lines[following][:60]!r}; the first line is the headline",
            following,
        )
    by_line = not strict and _by_line(reader, following)
    reader.read_body(headline, last, by_line=by_line)
    standfirst = reader.take_standfirst()
    if not reader.blocks:
        reader.note("no_body", "the capture has a headline but no body paragraphs", None)
    return standfirst


def _by_line(reader: _Reader, start: int) -> bool:
    if not reader.lines_are_paragraphs(start):
        return False
    while not reader.lines[start]:
        start += 1
    reader.note(
        "lines_as_paragraphs",
        "no blank line separates the paragraphs: each line is read as one (a line that "
        "does not end a sentence goes on with a next line in lower case)",
        start,
    )
    return True


def _read_body_only(
    reader: _Reader, top: int, given: str | None, problem: str | None
) -> tuple[str, str | None]:
    """Read the text from line *top* on as body; return the headline and the standfirst.

    The headline is *given*, or else the first sentence of the body (with a diagnostic
    saying so and why the first line was no headline, *problem*).
    """
    reader.read_body(given, top - 1, by_line=_by_line(reader, top))
    reader.split_one_line()
    if given is not None:
        if problem is None:
            reader.note(
                "given_headline_not_in_text",
                f"the first line {reader.lines[top][:60]!r} could be a headline but is not "
                "the given one; it is read as body",
                top,
            )
        standfirst = reader.take_standfirst()
        if not reader.blocks:
            reader.note("no_body", "the text has a headline but no body paragraphs", None)
        return given, standfirst
    for (start, _), block in zip(reader.block_lines, reader.blocks, strict=True):
        if any(c.isalpha() for c in block):
            reader.note(
                HEADLINE_DERIVED,
                f"no headline: {problem}; the first sentence stands in for it",
                start,
            )
            return derived_headline(block, MAX_HEADLINE), None
    raise ParseError("no text to read: no line of text has a letter", line=top + 1)


def parse_layout(
    text: str,
    *,
    source: Source | None = None,
    default_tz: tzinfo = tz.UTC,
    headline: str | None = None,
    strict: bool = False,
    published: date | datetime | None = None,
) -> Article:
    """Read the layout of a capture, or of plain text, into an Article with no entities.

    A text whose first line of text is no plausible headline (too long, no letters, ends a
    sentence, opens with a dateline) is read as body only: its headline is *headline* when
    given, else its first sentence (diagnostic ``headline_from_first_sentence``). A text
    without blank lines gets its paragraphs from its lines, and a one-line text is cut
    into sentences. docs/capture-format.md says it all.

    Args:
        text: the capture, as plain text (any line endings; a BOM is ignored).
        source: where the capture came from, recorded on the Article.
        default_tz: the zone a timestamp without one is read in; the Article then says
            the zone was assumed.
        headline: the headline from metadata (a feed, a scraper, a spreadsheet), if any;
            a first line of text with the same words is taken as its line, any other is
            read as body. Blank counts as none.
        strict: read captures only, as the capture format says: no plausible headline is
            a ParseError, paragraphs are only ever separated by blank lines, and a
            *headline* must have the same words as the capture's.
        published: when the capture was published, if the caller knows (a date, or a
            datetime read in *default_tz* if naive). It stands in when the capture has no
            timestamp; when the capture has one, the capture wins and a diagnostic says
            if they disagree. Without either, a date in ``source.url``'s path is used.

    Raises:
        ParseError: if the text is empty, binary or has no letters, or (strict) has no
            plausible headline or another one than *headline* (with the line).
        TypeError: if *text* is not a str, *headline* is neither a str nor None, or
            *published* is neither a date nor a datetime.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_layout reads a str, not {type(text).__name__}")
    given = given_headline(headline)
    lines, diagnostics = clean_lines(text)
    if not any(lines):
        raise ParseError("the capture is empty (no text, only white space)")
    reader = _Reader(lines, diagnostics)
    top = reader.read_header(strict=strict)
    candidate, last = reader.headline(top)
    standfirst: str | None
    if given is not None and _same_words(candidate, given):
        title = candidate
        standfirst = _read_below_headline(reader, title, last, strict=strict)
    elif strict:
        _check_headline(candidate, top)
        if given is not None:
            raise ParseError(
                f"the capture's headline {candidate[:60]!r} is not the given headline "
                f"{given[:60]!r}",
                line=top + 1,
            )
        title = candidate
        standfirst = _read_below_headline(reader, title, last, strict=strict)
    else:
        problem = headline_problem(candidate, MAX_HEADLINE)
        if given is None and problem is None:
            title = candidate
            standfirst = _read_below_headline(reader, title, last, strict=strict)
        else:
            title, standfirst = _read_body_only(reader, top, given, problem)
    found, found_assumed = reader.published(default_tz)
    candidates = reader.dates + reader.header_dates
    published, assumed = settle_published(
        found,
        found_assumed,
        found_line=candidates[0][0] + 1 if candidates else None,
        given=published,
        url=source.url if source is not None else None,
        default_tz=default_tz,
        diagnostics=reader.diagnostics,
    )
    anchor = published.date() if published is not None else reader.page_date
    return Article(
        id=article_id(lines),
        headline=title,
        standfirst=standfirst,
        paragraphs=tuple(reader.blocks),
        related=tuple(reader.related),
        published=published,
        published_zone_assumed=assumed,
        page_date=reader.page_date,
        dateline=reader.dateline(anchor),
        chrome=Chrome(
            header=tuple(reader.header),
            body=tuple(reader.body_chrome),
            footer=tuple(reader.footer),
            temperature_celsius=reader.temperature,
        ),
        source=source if source is not None else Source(),
        diagnostics=tuple(sorted(reader.diagnostics, key=lambda d: (d.line is None, d.line or 0))),
    )
