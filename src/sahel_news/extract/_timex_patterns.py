"""The scanner's regular expressions, built from the vocabulary at first use and cached.

Every pattern is a chain of literal alternations and single quantifiers over disjoint
classes, so matching is linear in the text: no nested quantifiers, no overlapping repeats.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from sahel_news.data import register_cache
from sahel_news.extract._timex_vocab import vocabulary

__all__ = ["RULES", "cue_patterns", "patterns", "rules_for"]

_PREP = r"on|since|by|until|till|from|before|after|as\s+of|of|in|through|to"
_MONTH_PREP = (
    r"earlier\s+in|later\s+in|early\s+in|late\s+in|in|since|by|until|till|throughout|through"
    r"|during|from|before|after|of|as\s+of|around|to"
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
)


# The words a rule cannot match without: a text lacking them skips the rule.
_NEEDS = {
    "day_month": "month",
    "month_day": "month",
    "day_range": "month",
    "month_day_range": "month",
    "month_range": "month",
    "month_year": "month",
    "part_month": "month",
    "month": "month",
    "iso": "digit",
    "year_range": "digit",
    "year": "digit",
    "quarter": "digit",
    "decade": "digit",
    "weekday": "weekday",
    "season": "season",
}
_WORD = re.compile(r"[a-z]+")


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of *words*, longest first, spaces matching any run of spaces."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    if not ordered:
        # An empty group would match everywhere; this one matches nowhere.
        return r"(?!x)x"
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@register_cache
@functools.cache
def patterns() -> Mapping[str, re.Pattern[str]]:
    """Each rule's compiled pattern, in priority order."""
    vocab = vocabulary()
    fills = {
        "<M>": _alternation(vocab.months),
        "<WD>": _alternation(vocab.weekdays),
        "<N>": r"\d{1,3}|" + _alternation(vocab.numbers),
        "<PART>": _alternation(vocab.parts),
        "<SEASON>": _alternation(vocab.seasons),
        "<VAGUE>": _alternation(vocab.vague),
    }
    compiled: dict[str, re.Pattern[str]] = {}
    for name, template in RULES:
        source = template
        for token, alternation in fills.items():
            source = source.replace(token, f"(?:{alternation})")
        compiled[name] = re.compile(source, re.IGNORECASE)
    return compiled


@register_cache
@functools.cache
def cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The future-tense and past-tense cue patterns."""
    vocab = vocabulary()
    future = re.compile(rf"(?<!\w)(?:{_alternation(vocab.future_cues)})\b", re.IGNORECASE)
    past = re.compile(rf"(?<!\w)(?:{_alternation(vocab.past_cues)})\b", re.IGNORECASE)
    return future, past


@register_cache
@functools.cache
def _trigger_words() -> Mapping[str, frozenset[str]]:
    vocab = vocabulary()
    return {
        "month": frozenset(vocab.months),
        "weekday": frozenset(vocab.weekdays),
        "season": frozenset(word.split()[0] for word in vocab.seasons),
    }


def rules_for(text: str) -> list[tuple[int, str, re.Pattern[str]]]:
    """The (priority, name, pattern) of the rules that could match in *text*."""
    words = set(_WORD.findall(text.lower()))
    has_digit = any(c.isdigit() for c in text)
    triggers = _trigger_words()
    chosen = []
    for priority, (name, pattern) in enumerate(patterns().items()):
        need = _NEEDS.get(name)
        if need == "digit" and not has_digit:
            continue
        if need is not None and need in triggers and words.isdisjoint(triggers[need]):
            continue
        chosen.append((priority, name, pattern))
    return chosen
