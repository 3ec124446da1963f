"""What differs between languages in reading times: the surface rules, not the resolution.

A language gives the scanner its rules (``RULES``: the same rule names and group names in
every language, so the same readers of ``_rules``/``_relative`` apply), their windows, the
fixed core words of the windows, and the few sentence-level patterns of ``find_times``
(range links, comparisons, the past perfect). What its words mean is data: the
``reading`` words of its ``time_words.json`` give the English reading of each French
relational word ("dernier" -> "last", "il y a" -> "ago", "la veille" -> "the day
before"), which the readers look up before they compare. English is the language of the
readers, so it has no readings and its rules are the original ones.
"""

from __future__ import annotations

import functools

from sahel_news.data import current_language, register_cache
from sahel_news.extract.time._rules_en import ENGLISH
from sahel_news.extract.time._rules_fr import FRENCH
from sahel_news.extract.time._ruleset import RuleSet

__all__ = ["RuleSet", "rule_set"]

_RULE_SETS = {"en": ENGLISH, "fr": FRENCH}


@register_cache
@functools.cache
def rule_set() -> RuleSet:
    """The rule set of the current language (``sahel_news.data.current_language``).

    A language without rules of its own reads with the English ones.
    """
    return _RULE_SETS.get(current_language(), ENGLISH)
