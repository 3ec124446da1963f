"""The texts of an article and their sentences, with offsets: what every extractor walks."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from sahel_news.models import Article, Mention, Part, Span
from sahel_news.models._unchecked import unchecked

__all__ = ["Sentence", "TextUnit", "iter_sentences", "iter_texts", "mention", "split_sentences"]

# offsets here come from slicing the article's own checked texts, and the finished article
# checks every span against its text again
_span = unchecked(Span)
_mention = unchecked(Mention)


@attrs.frozen(slots=True)
class TextUnit:
    """One text of an article: the headline, the standfirst, a paragraph or a related title."""

    part: Part
    index: int
    text: str


@attrs.frozen(slots=True)
class Sentence:
    """A sentence of one text, with its offsets in that text."""

    part: Part
    index: int
    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return _span(self.part, self.index, self.start, self.end)


def iter_texts(article: Article) -> Iterator[TextUnit]:
    """Headline, standfirst, paragraphs, then related-link titles, in reading order."""
    yield TextUnit(Part.HEADLINE, 0, article.headline)
    if article.standfirst is not None:
        yield TextUnit(Part.STANDFIRST, 0, article.standfirst)
    for index, paragraph in enumerate(article.paragraphs):
        yield TextUnit(Part.PARAGRAPH, index, paragraph)
    for index, link in enumerate(article.related):
        yield TextUnit(Part.RELATED, index, link.title)


# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "cpl",
        "adm",
        "brig",
        "rev",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "no",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.n",
        "u.k",
        "e.u",
        "a.u",
        "inc",
        "ltd",
        "co",
        "corp",
        "approx",
        "est",
        "dept",
        "govt",
        "pres",
        "sen",
        "rep",
        "gov",
    ]
)
# A sentence ends at . ! or ? (with closing quotes or brackets after it), then white space;
# the group is the sentence's end trimmed of that white space.
_BOUNDARY = re.compile(r"([.!?][\"'”’)\]]*)\s+")
_SINGLE_INITIAL = re.compile(r"(?:^|\s)[A-Z]$")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# How far back from a full stop a word is read: longer than any abbreviation with its marks.
_WORD_WINDOW = 64
# A "sentence" longer than this with no boundary (a run-on line, a list, garbage) is cut
# into chunks of at most this many characters, at white space where there is some, so the
# work spent on one sentence stays bounded.
MAX_SENTENCE = 2000
_CUT_WINDOW = 200


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` offsets of the sentences of *text*, trimmed of outer white space.

    A sentence longer than `MAX_SENTENCE` characters is cut into chunks no longer than that.
    """
    bounds: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())  # later sentences start after the boundary's space
    for match in _BOUNDARY.finditer(text):
        after = match.end()
        if after < len(text) and text[after].islower():
            continue
        if _abbreviation_before(text, start, match.start()):
            continue
        end = match.end(1)
        if end > start:
            if end - start > MAX_SENTENCE:
                bounds.extend(_chunks(text, start, end))
            else:
                bounds.append((start, end))
        start = after
    end = len(text.rstrip())
    if end > start:
        bounds.extend(_chunks(text, start, end))
    return bounds


def _abbreviation_before(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends in an abbreviation or a single initial ("Mr", "J").

    Only the last few characters are read, so a long sentence costs no more than a short one.
    """
    words = text[max(start, end - _WORD_WINDOW) : end].rsplit(None, 1)
    if not words:
        return False
    last_word = words[-1]
    if len(last_word) == 1 and last_word in _CAPITALS:
        # three characters are enough for "<space>X\n", and too many for ^ to match falsely
        # (the pattern only matches where the last word is one capital)
        return bool(_SINGLE_INITIAL.search(text[max(start, end - 3) : end])) or (
            last_word.lower() in _ABBREVIATIONS
        )
    return last_word.lower().strip("(\"'“‘") in _ABBREVIATIONS


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut into pieces of at most `MAX_SENTENCE` characters, at white space."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = limit
        for position in range(limit, limit - _CUT_WINDOW, -1):
            if text[position].isspace():
                cut = position
                break
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end if piece_end > start else cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def iter_sentences(article: Article) -> Iterator[Sentence]:
    """Every sentence of every text of *article*, in reading order."""
    for unit in iter_texts(article):
        for start, end in split_sentences(unit.text):
            yield Sentence(unit.part, unit.index, start, end, unit.text[start:end])


def mention(unit: TextUnit | Sentence, start: int, end: int) -> Mention:
    """A Mention of ``[start, end)`` of a text unit (offsets into the unit's whole text).

    For a Sentence, *start* and *end* are offsets into the sentence's own text.
    """
    if isinstance(unit, Sentence):
        text = unit.text[start:end]
        return _mention(text, _span(unit.part, unit.index, unit.start + start, unit.start + end))
    return _mention(unit.text[start:end], _span(unit.part, unit.index, start, end))
