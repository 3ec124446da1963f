"""Layout parsing: capture text -> Article skeleton, and the renderer back to text."""

from sahel_news.capture.parse import parse_layout
from sahel_news.capture.render import render_capture

__all__ = ["parse_layout", "render_capture"]
