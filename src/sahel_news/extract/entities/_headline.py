"""Title-case headlines: words capitalised by the style, not because they are names.

"Niger Prime Minister Zeine Holds Talks With Iranian Envoy" capitalises every word, so
"Holds" and "Talks" look like a name's words to rules that read capitals. For recognition
only, a title-case headline is read with the words the style capitalised in lower case:
the words the article's body writes in lower case, and the verbs of the trigger lexicon and
of saying. Names never appear in lower case in the body, so they keep their capitals; title
words and other words that are never names are left as they are. Mentions still quote the
headline as written (the lower-cased text has the same length, so offsets carry over).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from sahel_news.data import TriggerGroup, register_cache, table_entries, word_set
from sahel_news.extract.entities._gazetteer import vocabulary
from sahel_news.models import Part
from sahel_news.text import Doc
from sahel_news.text._units import TextUnit

__all__ = ["recognition_units"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")
# A headline is title-case when at least this share of its words of four letters or more
# start with a capital (function words such as "to", "of" are often left lower case).
_TITLE_SHARE = 0.8
_MIN_WORDS = 3


def recognition_units(doc: Doc) -> Sequence[TextUnit]:
    """The Doc's texts as the recognizers read them: a title-case headline de-capitalised."""
    units = doc.units
    if not units or units[0].part is not Part.HEADLINE or not _title_case(units[0].text):
        return units
    headline = units[0]
    common = _body_words(doc) | _style_words()
    never_names = vocabulary().not_names

    def lower(match: re.Match[str]) -> str:
        word = match.group()
        capitalised = word[0].isupper() and word[1:].islower()
        if capitalised and word not in never_names and word.lower() in common:
            return word.lower()
        return word

    read = _WORD.sub(lower, headline.text)
    if read == headline.text:
        return units
    return [TextUnit(headline.part, headline.index, read), *units[1:]]


def _title_case(text: str) -> bool:
    long_words = [w for w in _WORD.findall(text) if len(w) >= 4]
    if len(long_words) < _MIN_WORDS:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised >= _TITLE_SHARE * len(long_words)


def _body_words(doc: Doc) -> frozenset[str]:
    """The words the article's body and standfirst write in lower case."""
    found: set[str] = set()
    for unit in doc.units[1:]:
        if unit.part is not Part.RELATED:
            found.update(_LOWER_WORD.findall(unit.text))
    return frozenset(found)


@register_cache
@functools.cache
def _style_words() -> frozenset[str]:
    """The words of the trigger lexicon's phrases and the verbs of saying and reporting."""
    words: set[str] = set(word_set("quote_verbs")) | set(word_set("reporting_verbs"))
    for group in table_entries("triggers", TriggerGroup):
        for phrases in (group.verbs, group.nouns):
            for phrase in phrases or ():
                words.update(w for w in phrase.lower().split() if w.isalpha())
    return frozenset(words)
