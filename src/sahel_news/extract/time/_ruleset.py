"""The shape of one language's surface rules for time expressions (see ``_language``)."""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

__all__ = ["RuleSet"]


@attrs.frozen
class RuleSet:
    """One language's surface rules for time expressions."""

    rules: tuple[tuple[str, str], ...]
    # rule -> (core family, fixed words before the core, vocabulary families adding words)
    windows: Mapping[str, tuple[str, int, tuple[str, ...]]]
    # Core families whose cores are fixed words of the rules, not vocabulary.
    fixed_cores: Mapping[str, frozenset[str]]
    # Whether the text is scanned with its accents and apostrophes folded (``text.fold``:
    # same length, so offsets hold), the vocabulary keyed by folded words.
    fold: bool
    # Whether month and weekday names are capitalised (English): a lower-case one is not a
    # name ("may"), and one after a capitalised word belongs to a name ("Black September").
    names_capitalised: bool
    # After "before"/"after", what names an event ("the day before the vote").
    event_noun_after: re.Pattern[str]
    range_start: re.Pattern[str]  # a range's first end starts so ("from ...")
    range_opener: re.Pattern[str]  # ... or stands after this ("between ")
    range_link_word: re.Pattern[str]  # the second end starts so ("to ...")
    range_link: re.Pattern[str]  # ... or this stands between the ends
    past_perfect: re.Pattern[str]
    past_perfect_words: frozenset[bytes]  # a text needs one of these for past_perfect
    compared: re.Pattern[str]  # after a time: a comparison ("... than planned")
    comparing: re.Pattern[str]  # before a cue: it compares ("than planned")
    # A pattern of future-tense verb forms beside the future cue phrases, if any.
    future_forms: str | None = None
