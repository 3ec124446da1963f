"""Plain text that is not a capture: no headline line, a whole article on one line.

These rules decide when the first line of text is no headline (so the text is read as body
only), what stands in for the missing headline, and how a one-line article is cut into
paragraphs. docs/capture-format.md ("Plain text") is the specification.
"""

from __future__ import annotations

from sahel_news.capture._dateline import find_dateline
from sahel_news.capture._lines import ends_sentence, without_invisibles
from sahel_news.text._sentences import sentence_bounds

__all__ = [
    "derived_headline",
    "given_headline",
    "headline_problem",
    "one_line_paragraphs",
]

_DATELINE_TAIL = " -–—:"
_ELLIPSIS = "…"


def given_headline(headline: object) -> str | None:
    """A headline passed from metadata, cleaned as a capture's lines are, on one line.

    Invisible characters are dropped and runs of white space (line breaks too) made one
    space. A blank headline (an empty cell of a spreadsheet) counts as none.

    Raises:
        TypeError: if *headline* is neither None nor a str.
    """
    if headline is None:
        return None
    if not isinstance(headline, str):
        raise TypeError(f"headline must be a str or None, not {type(headline).__name__}")
    return " ".join(without_invisibles(headline).split()) or None


def headline_problem(candidate: str, limit: int) -> str | None:
    """Why the first line of text is no plausible headline, or None if it may be one.

    Args:
        candidate: the first line of text (a wrapped headline joined).
        limit: the longest a headline may be.
    """
    if len(candidate) > limit:
        return (
            f"the first line of text is {len(candidate):,} characters long "
            f"(a headline has at most {limit})"
        )
    if not any(c.isalpha() for c in candidate):
        return f"the first line of text {candidate[:40]!r} has no letters"
    dateline = find_dateline(candidate)
    if dateline is not None:
        return f"the first line of text opens with the dateline {dateline.text!r}"
    if ends_sentence(candidate):
        return "the first line of text ends a sentence"
    return None


def _cut(text: str, limit: int) -> str:
    """*text* cut to at most *limit* characters at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    space = text.rfind(" ", 0, limit)
    cut = space if space > limit // 2 else limit - 1
    return text[:cut].rstrip() + _ELLIPSIS


def derived_headline(paragraph: str, limit: int) -> str:
    """The headline that stands in for a missing one: the first sentence of *paragraph*.

    A wire dateline opening the paragraph is left out, and a sentence longer than *limit*
    is cut at a word boundary and ends with an ellipsis.

    Args:
        paragraph: a stripped, non-blank paragraph.
        limit: the longest the headline may be.
    """
    rest = paragraph
    dateline = find_dateline(paragraph)
    if dateline is not None:
        rest = paragraph[len(dateline.text) :].lstrip(_DATELINE_TAIL + " ") or paragraph
    return _cut(_first_sentence(rest), limit)


def one_line_paragraphs(line: str) -> list[str]:
    """The sentences of a one-line article, each as written: the paragraphs it is read as.

    A wire dateline opening the line stays with the first sentence, whatever full stops it
    holds (``MOSCOW, September 2. /TASS/.``).
    """
    dateline = find_dateline(line)
    skip = len(dateline.text) if dateline is not None else 0
    return [line[start:end] for start, end in sentence_bounds(line, skip)]


def _first_sentence(text: str) -> str:
    """The first sentence of a stripped, non-empty *text* (all of it if it has one sentence)."""
    # Only the start is needed: look at a bounded window, then fall back to the whole text.
    window = text[:2000]
    bounds = sentence_bounds(window)
    if len(bounds) > 1:
        start, end = bounds[0]
        return window[start:end]
    return text
