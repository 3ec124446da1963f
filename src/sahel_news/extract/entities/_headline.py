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
from collections.abc import Sequence

from sahel_news.data import TriggerGroup, register_cache, table_entries, word_set
from sahel_news.extract.entities._gazetteer import vocabulary
from sahel_news.extract.entities.countries import is_title_case
from sahel_news.models import Part
from sahel_news.text import Doc
from sahel_news.text._units import TextUnit

__all__ = ["recognition_units"]


def recognition_units(doc: Doc) -> Sequence[TextUnit]:
    """The Doc's texts as the recognizers read them: a title-case headline de-capitalised."""
    units = doc.units
    if not units or units[0].part is not Part.HEADLINE or not is_title_case(units[0].folded):
        return units
    headline = units[0]
    common = _body_words(doc) | _style_words()
    never_names = vocabulary().not_names
    read = list(headline.text)
    for sentence in doc.sentences:
        if sentence.part is not Part.HEADLINE:
            continue
        words = sentence.words
        for norm, start, end in zip(words.norms, words.starts, words.ends, strict=True):
            at = sentence.start + start
            word = headline.text[at : sentence.start + end]
            capitalised = word[0].isupper() and word[1:].islower()
            if capitalised and word not in never_names and norm in common:
                read[at : at + len(word)] = word.lower()
    text = "".join(read)
    if text == headline.text:
        return units
    return [TextUnit(headline.part, headline.index, text), *units[1:]]


def _body_words(doc: Doc) -> frozenset[str]:
    """The words the article's standfirst and body write in lower case (the Doc's words)."""
    found: set[str] = set()
    for sentence in doc.sentences:
        if sentence.part in {Part.HEADLINE, Part.RELATED}:
            continue
        text, words = sentence.text, sentence.words
        found.update(
            norm
            for norm, start in zip(words.norms, words.starts, strict=True)
            if text[start].islower()
        )
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
