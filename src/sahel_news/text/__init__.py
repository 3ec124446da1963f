"""Text as every component reads it: the Doc of an article, one Unicode fold, words, sentences.

Nothing here knows about entities or events: the Doc holds an article's texts, folded once
(`fold`), their sentences and each sentence's words, for the extraction components to read.
"""

from sahel_news.text._doc import Doc
from sahel_news.text._fold import fold
from sahel_news.text._language import LanguageReading, detect_language, with_language

__all__ = ["Doc", "LanguageReading", "detect_language", "fold", "with_language"]
