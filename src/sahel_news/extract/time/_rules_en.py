"""The English surface of time expressions: the rules the scanner runs on English text.

Every pattern is a chain of literal alternations and single quantifiers over disjoint
classes, so matching is linear in the text: no nested quantifiers, no overlapping repeats.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from sahel_news.extract.time._ruleset import RuleSet

__all__ = ["ENGLISH", "EVENT_NOUN_AFTER", "FIXED_CORES", "RULES", "WINDOWS"]

_PREP = r"on|since|by|until|till|from|before|after|as\s+of|of|in|through|to"
_MONTH_PREP = (
    r"earlier\s+in|later\s+in|early\s+in|late\s+in|in|since|by|until|till|throughout|through"
    r"|during|from|before|after|of|as\s+of|around|to|for"
)
_YEAR_PREP = (
    r"earlier\s+in|later\s+in|early\s+in|late\s+in|in|since|by|until|till|throughout|through"
    r"|during|from|before|after|of|as\s+of|around|to"
)
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"1[89]\d\d|20\d\d"
_EDGE = r"the\s+(?P<edge>end|beginning|start|middle)\s+of\s+"
_TO = r"\s*(?:-|–|—|\bto\b|\band\b|\buntil\b|\btill\b|\bthrough\b)\s*"

# (rule name, template); <M>, <WD>, <N>, <PART>, <SEASON>, <VAGUE> are filled from the vocabulary.
RULES: tuple[tuple[str, str], ...] = (
    ("iso", rf"\b(?:(?P<prep>{_PREP})\s+)?(?P<iy>\d{{4}})-(?P<im>\d\d)-(?P<id>\d\d)\b"),
    (
        "day_month",
        (
            rf"\b(?:(?P<prep>{_PREP})\s+)?(?:(?P<wd><WD>),?\s+)?(?:the\s+)?(?P<day>{_DAY})\s+"
            rf"(?:of\s+)?(?P<month><M>)\b(?:\.?,?\s+(?P<year>{_YEAR})\b)?"
        ),
    ),
    (
        "month_day",
        (
            rf"\b(?:(?P<prep>{_PREP})\s+)?(?:(?P<wd><WD>),?\s+)?(?P<month><M>)\.?\s+(?P<day>{_DAY})\b"
            rf"(?!\s*%)(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
    ),
    (
        "day_range",
        (
            rf"\b(?:(?P<prep>between|from)\s+)?(?P<day1>{_DAY}){_TO}(?P<day2>{_DAY})\s+(?:of\s+)?"
            rf"(?P<month><M>)\b(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
    ),
    (
        "month_day_range",
        (
            rf"\b(?:(?P<prep>between|from)\s+)?(?P<month><M>)\.?\s+(?P<day1>{_DAY}){_TO}"
            rf"(?P<day2>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
    ),
    (
        "month_range",
        (
            rf"\b(?:(?P<prep>between|from)\s+)?(?P<month><M>){_TO}(?P<month2><M>)\b"
            rf"(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
    ),
    (
        "year_range",
        (
            rf"\b(?:(?P<prep>between|from|in|during|since)\s+)?(?P<year>{_YEAR})"
            rf"\s*(?:-|–|—|/|\bto\b|\band\b|\buntil\b)\s*(?P<year2>{_YEAR}|\d\d)\b(?![-/]\d)"
        ),
    ),
    (
        "month_year",
        (
            rf"\b(?:(?P<prep>{_MONTH_PREP})\s+)?(?:(?P<part><PART>)[\s-]+|{_EDGE})?(?P<month><M>)\b"
            rf",?\s+(?:of\s+)?(?P<year>{_YEAR})\b"
        ),
    ),
    (
        "part_month",
        (
            rf"\b(?:(?P<prep>{_MONTH_PREP})\s+)?(?:(?P<part><PART>)[\s-]+|{_EDGE})"
            rf"(?:(?P<rel>last|this|next)\s+)?(?P<month><M>)\b"
        ),
    ),
    (
        "month",
        (
            rf"\b(?:(?P<prep>{_MONTH_PREP})\s+)?(?:(?P<rel>last|this|next|past|coming)\s+)?"
            rf"(?P<month><M>)\b"
        ),
    ),
    (
        "year",
        (
            rf"\b(?:(?P<prep>{_YEAR_PREP})\s+)?(?:(?P<part><PART>)[\s-]+|the\s+(?P<edge>end|beginning"
            rf"|start|middle|first\s+half|second\s+half|first\s+quarter|second\s+quarter"
            rf"|third\s+quarter|fourth\s+quarter|last\s+quarter)\s+of\s+)?(?P<year>{_YEAR})\b"
            rf"(?!\s*%|[.,]\d)"
        ),
    ),
    ("quarter", rf"\b(?:(?P<prep>{_YEAR_PREP})\s+)?Q(?P<q>[1-4])\s+(?P<year>{_YEAR})\b"),
    (
        "decade",
        (
            rf"\b(?:(?P<prep>{_YEAR_PREP})\s+)?(?:the\s+)?(?:(?P<part><PART>)[\s-]+)?"
            r"(?P<decade>1[89]\d0|20\d0)s\b"
        ),
    ),
    (
        "weekday",
        (
            r"\b(?:(?P<mod>early|late|overnight)\s+)?(?:(?P<prep>on|since|by|until|till|from|before"
            r"|after|last|this|next|as\s+of)\s+)?(?P<wd><WD>)\b"
            r"(?:\s+(?P<tod>morning|afternoon|evening|night))?"
        ),
    ),
    (
        "relative_day",
        (
            r"\b(?:(?P<pre>earlier|later|early|late)\s+)?(?P<word>the\s+day\s+before\s+yesterday"
            r"|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight|overnight|last\s+night"
            r"|this\s+(?:morning|afternoon|evening))\b(?:\s+(?P<tod>morning|afternoon|evening|night))?"
        ),
    ),
    (
        "unit",
        (
            r"\b(?:(?P<prep>in|during|over|at|on|by|from|since|until|till|for|within|throughout"
            r"|as\s+of)\s+)?(?:(?P<pre>earlier|later|early|late|mid)[\s-]+)?"
            r"(?:the\s+(?P<edge>end|beginning|start|middle)\s+of\s+)?"
            r"(?P<rel>last|this|next|the\s+past|the\s+previous|the\s+preceding|the\s+coming"
            r"|the\s+following|the\s+same|that|the\s+current|the|this\s+past)\s+"
            r"(?P<unit>weekend|week|month|year|decade)\b"
        ),
    ),
    (
        "count",
        (
            r"\b(?P<n><N>)\s+(?P<unit>days?|weeks?|months?|years?|decades?)(?:'|’)?\s+"
            r"(?P<dir>ago|earlier|later|before|after|previously|from\s+now|prior)\b"
        ),
    ),
    (
        "in_count",
        (
            r"\b(?P<prep>in|within)\s+(?:the\s+next\s+)?(?P<n><N>)\s+"
            r"(?P<unit>days?|weeks?|months?|years?|decades?)\b(?:(?:'s|’s|'|’)?\s+time\b)?"
        ),
    ),
    (
        "past_count",
        (
            r"\b(?:(?P<prep>over|in|during|for|within|throughout)\s+)?the\s+(?P<rel>past|last"
            r"|previous|preceding|next|coming|following)\s+(?:(?P<n><N>)\s+)?"
            r"(?P<unit>days|weeks|months|years|decades)\b"
        ),
    ),
    (
        "previous",
        (
            r"\b(?P<phrase>the\s+day\s+before|the\s+day\s+after|the\s+previous\s+day"
            r"|the\s+preceding\s+day|the\s+next\s+day|the\s+following\s+day|the\s+same\s+day"
            r"|that\s+day|the\s+previous\s+(?:night|evening)|the\s+(?:next|following)\s+"
            r"(?:morning|night|evening)|that\s+(?:morning|afternoon|night|evening))\b"
        ),
    ),
    (
        "season",
        (
            rf"\b(?:(?P<prep>in|during|over|by|since|until|till|through|throughout|for|before|after"
            rf"|of)\s+)?(?:(?P<rel>this\s+past|this|last|next|the\s+coming|the\s+past|the|that)\s+)?"
            rf"(?:(?P<part><PART>)[\s-]+)?(?P<season><SEASON>)\b(?:\s+(?:of\s+)?(?P<year>{_YEAR})\b)?"
        ),
    ),
    ("vague", r"\b(?P<phrase><VAGUE>)\b"),
    (
        "ordinal_day",
        (
            # "on the 13th": a day of the month the story is in (or the one before, or the
            # next for a plan); never "the 13th of May" (day_month), "the 13th century"
            r"\b(?P<prep>on|by|since|until|till|from|before|after)\s+the\s+"
            r"(?P<day>3[01]|[12][0-9]|[1-9])(?:st|nd|rd|th)\b"
            r"(?!\s+(?:of\s+)?(?:<M>)\b|[\s-]+[A-Za-z])"
        ),
    ),
)


# Where each rule's matches can start, for the scanner's windows (see ``_timex_scan``): the
# core word every match holds whole, and the most words (runs of ``\w``) a match can hold
# before it: a fixed count read off the rule above, plus the longest phrase of the named
# vocabulary families. Change a rule, change its window; tests/test_extract_time.py checks
# that a windowed scan finds what a full scan finds.
WINDOWS: dict[str, tuple[str, int, tuple[str, ...]]] = {
    "iso": ("four_digits", 2, ()),  # as of | 2024-06-05
    "day_month": ("month", 5, ("weekday",)),  # as of | Monday, | the 5th of | May
    "month_day": ("month", 2, ("weekday",)),  # as of | Monday, | May
    "day_range": ("month", 5, ()),  # between 5 and 7 of | May
    "month_day_range": ("month", 1, ()),  # from | May
    "month_range": ("month", 1, ()),  # from | May
    "year_range": ("year", 1, ()),  # between | 2019
    "month_year": ("month", 5, ("part",)),  # earlier in | the end of / mid- | May
    "part_month": ("month", 6, ("part",)),  # earlier in | the end of / mid- | last | May
    "month": ("month", 3, ()),  # earlier in | last | May
    "year": ("year", 6, ("part",)),  # earlier in | the first half of / mid- | 2024
    "quarter": ("year", 3, ()),  # earlier in | Q1 | 2024
    "decade": ("decade", 3, ("part",)),  # earlier in | the | mid- | 1990s
    "weekday": ("weekday", 3, ()),  # late | as of | Monday
    "relative_day": ("relative_day", 4, ()),  # late | the day before | yesterday
    "unit": ("unit", 8, ()),  # as of | early | the end of | the past | week
    "count": ("count_unit", 1, ("number",)),  # a couple of / 12 | days
    "in_count": ("count_unit", 4, ("number",)),  # within | the next | a few / 12 | days
    "past_count": ("plural_unit", 4, ("number",)),  # over | the | past | a few / 12 | days
    "previous": ("previous", 2, ()),  # the previous | day
    "season": ("season", 3, ("part",)),  # in | this past | late | rainy season
    "vague": ("vague", 0, ()),  # (the words of the phrase before its core)
    "ordinal_day": ("ordinal", 2, ()),  # on | the | 13th
}


_UNITS = ("day", "week", "month", "year", "decade")
# Core words of the rules whose cores are fixed words, not vocabulary.
FIXED_CORES: Mapping[str, frozenset[str]] = {
    "relative_day": frozenset(
        [
            "yesterday",
            "today",
            "tomorrow",
            "tonight",
            "overnight",
            "night",
            "morning",
            "afternoon",
            "evening",
        ]
    ),
    "unit": frozenset(["weekend", *_UNITS]),
    "count_unit": frozenset([*_UNITS, *(f"{u}s" for u in _UNITS)]),
    "plural_unit": frozenset(f"{u}s" for u in _UNITS),
    "previous": frozenset(["day", "night", "morning", "afternoon", "evening"]),
}
# After "before"/"after", a word that is not a conjunction or preposition names an event:
# "the day before the vote", "two years after independence".
EVENT_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|but|when|while|as|in|at|on|with|to|from|for|by|that|amid)\b)[\w“\"'‘]",
    re.IGNORECASE,
)

ENGLISH = RuleSet(
    rules=RULES,
    windows=WINDOWS,
    fixed_cores=FIXED_CORES,
    fold=False,
    names_capitalised=True,
    event_noun_after=EVENT_NOUN_AFTER,
    range_start=re.compile(r"(?:from|between)\s", re.IGNORECASE),
    range_opener=re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE),
    range_link_word=re.compile(r"(?:until|till|to|through)\s", re.IGNORECASE),
    range_link=re.compile(r"\s*(?:-|–|—|to|and|until|till|through)\s*", re.IGNORECASE),
    past_perfect=re.compile(r"\bhad\b", re.IGNORECASE),
    past_perfect_words=frozenset([b"had"]),
    # "two months earlier than planned", "later than expected": a comparison, not a date
    compared=re.compile(r"\s+than\b", re.IGNORECASE),
    comparing=re.compile(r"\b(?:than|as)\s+$", re.IGNORECASE),
)
