"""Placeholder: the capture helper replaces this module."""

from __future__ import annotations

from datetime import tzinfo

from dateutil import tz

from sahel_news.errors import ParseError
from sahel_news.models import Article, Source


def parse_layout(
    text: str, *, source: Source | None = None, default_tz: tzinfo = tz.UTC
) -> Article:
    """Read the layout of a capture (not yet written)."""
    raise ParseError("layout parsing is not written yet")
