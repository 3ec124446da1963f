"""Placeholder: the capture helper replaces this module."""

from __future__ import annotations

from sahel_news.models import Article


def render_capture(article: Article) -> str:
    """Write an Article back in the capture layout (not yet written)."""
    raise NotImplementedError
