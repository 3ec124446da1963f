"""Placeholder: the entities helper replaces this module."""

from __future__ import annotations

from sahel_news.models import Article


def extract_entities(article: Article) -> Article:
    """The article with its countries and actors found (not yet written)."""
    return article
