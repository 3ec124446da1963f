"""Quotes: words in quotation marks, with the actor or country the text attributes them to.

A quote is the text between “curly” or "straight" marks in one text of the article. The
speaker is read from the attribution around it (`“...,” the ministry said`, `said Goita`,
`X said: “...”`): an actor mentioned there, else a country; a generic speaker ("the
military government", "the junta", "the army") stands for the country that last reported
something in the preceding sentences ("Niger announced that ..."). Scare quotes of a few
words with no attribution are not quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sahel_news.extract._event_clauses import REPORTING
from sahel_news.extract._text import TextUnit, iter_texts, split_sentences
from sahel_news.models import Article, Part, Quote, Span

__all__ = ["extract_quotes"]

_QUOTED = re.compile(r"“([^”“]{1,3000})”|\"([^\"\n]{1,3000})\"")
_VERBS = (
    r"said|says|told|tells|added|adds|stated|wrote|declared|insisted|noted|warned|announced"
    r"|explained|stressed"
)
_AFTER = re.compile(rf"^[\s,]*(?P<np>[^.;“”\"]{{1,90}}?)\s+(?:{_VERBS})\b", re.IGNORECASE)
_AFTER_INVERTED = re.compile(rf"^[\s,]*(?:{_VERBS})\s+(?P<np>[^.,;“”\"]{{1,90}})", re.IGNORECASE)
_BEFORE = re.compile(
    rf"(?P<np>[^.;“”\"]{{1,90}}?)\s+(?:{_VERBS})(?:\s+\w+){{0,3}}?\s*[:,]?\s*$", re.IGNORECASE
)
_GENERIC = frozenset(
    [
        "government",
        "junta",
        "authorities",
        "ministry",
        "presidency",
        "army",
        "military",
        "regime",
        "statement",
        "spokesman",
        "spokesperson",
        "communique",
        "communiqué",
        "council",
    ]
)
_MIN_WORDS = 4

_Mentions = list[tuple[str, bool, int, int]]


def _mentions_by_text(article: Article) -> dict[tuple[Part, int], _Mentions]:
    index: dict[tuple[Part, int], _Mentions] = {}
    for actor in article.actors:
        for m in actor.mentions:
            index.setdefault((m.span.part, m.span.index), []).append(
                (actor.id, True, m.span.start, m.span.end)
            )
    for country in article.countries:
        for m in country.mentions:
            index.setdefault((m.span.part, m.span.index), []).append(
                (country.alpha3, False, m.span.start, m.span.end)
            )
    return index


def _speaker_in(mentions: _Mentions, start: int, end: int) -> str | None:
    inside = [m for m in mentions if start <= m[2] and m[3] <= end]
    actors = [m for m in inside if m[1]]
    chosen = actors or inside
    return min(chosen, key=lambda m: m[2])[0] if chosen else None


_REPORTS = re.compile(
    r"[\s,]*(?:(?:also|has|have|had|then|later)\s+){0,2}(?:"
    + "|".join(sorted(REPORTING - {"according"}))
    + r")\b",
    re.IGNORECASE,
)


def _reporter(text: str, mentions: _Mentions) -> str | None:
    """The entity that reports in *text* ("Niger also announced ..."), if any."""
    for ref, _is_actor, _start, end in sorted(mentions, key=lambda m: m[2]):
        if _REPORTS.match(text, end):
            return ref
    return None


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """The quotes of *article* in reading order, each with its speaker where the text says.

    Args:
        article: an article whose actors and countries are found (speakers refer to them).
    """
    index = _mentions_by_text(article)
    quotes: list[Quote] = []
    reporter: str | None = None
    for unit in iter_texts(article):
        if unit.part is Part.RELATED:
            continue
        mentions = index.get((unit.part, unit.index), [])
        if "“" in unit.text or '"' in unit.text:
            for match in _QUOTED.finditer(unit.text):
                group = 1 if match.group(1) is not None else 2
                quote = _quote(unit, match, group, mentions=mentions, reporter=reporter)
                if quote is not None:
                    quotes.append(quote)
        if not mentions:
            continue  # no one to report anything
        for start, end in split_sentences(unit.text):
            if "“" in unit.text[start:end]:
                continue
            sentence_mentions = [
                (r, a, s - start, e - start) for r, a, s, e in mentions if start <= s and e <= end
            ]
            found = _reporter(unit.text[start:end], sentence_mentions)
            if found is not None:
                reporter = found
    return tuple(quotes)


def _quote(
    unit: TextUnit,
    match: re.Match[str],
    group: int,
    *,
    mentions: Sequence[tuple[str, bool, int, int]],
    reporter: str | None,
) -> Quote | None:
    part, index, text = unit.part, unit.index, unit.text
    start, end = match.start(group), match.end(group)
    while end > start and text[end - 1] in " ,":
        end -= 1
    while start < end and text[start] == " ":
        start += 1
    if end <= start:
        return None
    words = text[start:end].split()
    speaker, attributed = _attribution(text, match, list(mentions), reporter)
    if not attributed and len(words) < _MIN_WORDS:
        return None
    return Quote(text[start:end], Span(part, index, start, end), speaker)


def _attribution(
    text: str, match: re.Match[str], mentions: _Mentions, reporter: str | None
) -> tuple[str | None, bool]:
    after = text[match.end() :]
    stop = text.rfind(". ", 0, match.start())
    line_start = stop + 2 if stop >= 0 else 0
    before = text[line_start : match.start()]
    spans: list[tuple[int, int, str]] = []
    for pattern, offset, source in (
        (_AFTER, match.end(), after),
        (_AFTER_INVERTED, match.end(), after),
    ):
        found = pattern.match(source)
        if found:
            spans.append((offset + found.start("np"), offset + found.end("np"), found["np"]))
            break
    found_before = _BEFORE.search(before)
    if not spans and found_before:
        offset = line_start
        spans.append(
            (offset + found_before.start("np"), offset + found_before.end("np"), found_before["np"])
        )
    if not spans:
        return None, False
    np_start, np_end, words = spans[0]
    speaker = _speaker_in(mentions, np_start, np_end)
    if speaker is None and _GENERIC.intersection(words.lower().split()):
        speaker = reporter
    return speaker, True
