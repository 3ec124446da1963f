"""Text as every extractor reads it: an article's parts, one Unicode fold, sentences."""

from sahel_news.text._fold import fold

__all__ = ["fold"]
