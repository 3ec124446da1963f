"""Where a fact sits in an article's text."""

from __future__ import annotations

import attrs

from sahel_news.errors import ValidationError
from sahel_news.models._checks import non_empty_text, non_negative, typed
from sahel_news.models._enums import Part

__all__ = ["Mention", "Span"]

_SINGLE_TEXT_PARTS = frozenset({Part.HEADLINE, Part.STANDFIRST})


@attrs.frozen(slots=True)
class Span:
    """Characters ``[start, end)`` of one text of an article.

    ``part`` names the text (headline, standfirst, a paragraph, a related link's title) and
    ``index`` which paragraph or related link, counted from 0; it is 0 for the headline and
    the standfirst.
    """

    part: Part = attrs.field(validator=typed(Part))
    index: int = attrs.field(validator=[typed(int), non_negative])
    start: int = attrs.field(validator=[typed(int), non_negative])
    end: int = attrs.field(validator=[typed(int), non_negative])

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError.at(
                "end", f"end {self.end} is before start {self.start}", code="inconsistent"
            )
        if self.part in _SINGLE_TEXT_PARTS and self.index != 0:
            raise ValidationError.at(
                "index", f"a {self.part.value} span has index 0, got {self.index}"
            )

    def __len__(self) -> int:
        return self.end - self.start


@attrs.frozen(slots=True)
class Mention:
    """A piece of text as written, and where it is."""

    text: str = attrs.field(validator=[typed(str), non_empty_text])
    span: Span = attrs.field(validator=typed(Span))

    def __attrs_post_init__(self) -> None:
        if len(self.span) != len(self.text):
            raise ValidationError.at(
                "span",
                f"covers {len(self.span)} characters but the text {self.text!r} "
                f"has {len(self.text)}",
                code="span_mismatch",
            )
