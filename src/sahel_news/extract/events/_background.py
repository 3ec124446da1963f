"""Event nouns that name an earlier happening as background, not as news of their own.

"Since the coup", "emerged from the coup", "after the withdrawal": a definite event noun
governed by a preposition of time or source dates or explains something else, and the
event it names, if it is told at all, is told elsewhere. "The Summit on Financing for
Development" is a name. Neither is a new event (issue 14; docs/events.md, "Background").
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from sahel_news.data import register_cache
from sahel_news.extract.events._grammar import folded_set, grammar
from sahel_news.extract.events._lexicon import TriggerMatch

__all__ = ["is_background"]

_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "'s"})
# How many determiners, dates and adjectives may stand between the preposition and the noun
# ("since the July 2023 military coup").
_REACH = 5


@register_cache
@functools.cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    between = folded_set("noun_markers") | folded_set("nominal_determiners")
    return folded_set("background_prepositions"), between, folded_set("event_noun_modifiers")


def is_background(
    norms: Sequence[str],
    text: str,
    starts: Sequence[int],
    trigger: TriggerMatch,
    *,
    title_case: bool,
    names_participant: bool = False,
) -> bool:
    """Whether a nominal trigger names a happening only as background.

    Args:
        norms: the sentence's folded words.
        text: the sentence as written.
        starts: each word's offset in *text*.
        trigger: a trigger of the sentence, used as a noun.
        title_case: whether the text may capitalise every word (a headline), so that a
            capital says nothing.
        names_participant: whether an actor or country follows the noun as its own
            participant ("since the overthrow of President Bazoum last July"): the one
            telling of that happening, kept as an event.
    """
    if not title_case and trigger.first > 0 and text[trigger.start : trigger.start + 1].isupper():
        return True  # "the Summit on Financing for Development": part of a name
    prepositions, between, modifiers = _words()
    g = grammar()
    following = trigger.last + 1
    if following < len(norms) and norms[following] in modifiers:
        return True  # "the summit chair": the event noun modifies another
    if g.modifier_before and _modifies_before(norms, trigger, modifiers, g.background_links):
        return True  # "le président du sommet": the event noun modifies another
    links = g.background_links
    definite_words = g.definite | _DEFINITE if links else _DEFINITE
    definite = False
    index = trigger.first - 1
    for _ in range(_REACH):
        if index < 0:
            return False
        word = norms[index]
        if word in prepositions:
            return definite and not names_participant
        if word in definite_words or _capitalised(text, starts, index):
            definite = True  # "since the coup", "after Niamey summit": a known happening
        elif not (word in between or word in links or word.isdigit()):
            return False
        index -= 1
    return False


def _modifies_before(
    norms: Sequence[str],
    trigger: TriggerMatch,
    modifiers: frozenset[str],
    links: frozenset[str],
) -> bool:
    """Whether a noun the event noun modifies stands before it ("le président du sommet")."""
    index = trigger.first - 1
    crossed = False
    while index >= 0 and norms[index] in links and trigger.first - index <= 3:
        index -= 1
        crossed = True
    return crossed and index >= 0 and norms[index] in modifiers


def _capitalised(text: str, starts: Sequence[int], index: int) -> bool:
    """Whether word *index* is written with a capital ("the Niger coup", "the July coup")."""
    return text[starts[index] : starts[index] + 1].isupper()
