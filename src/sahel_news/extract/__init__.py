"""Extraction: countries, actors, events, quotes and times from an Article's text."""

from sahel_news.extract.entities import extract_entities
from sahel_news.extract.events import extract_events

__all__ = ["extract_entities", "extract_events"]
