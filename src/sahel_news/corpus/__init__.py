"""Many captures at once: the batch API (parse_many) and the engine of ``sahel-news parse``."""

from sahel_news.corpus._batch import Capture, CaptureFailure, parse_many

__all__ = ["Capture", "CaptureFailure", "parse_many"]
