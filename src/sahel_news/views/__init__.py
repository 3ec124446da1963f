"""Views of parsed articles for people: a self-contained HTML page with highlighted entities."""

from sahel_news.views._page import KINDS, render_html

__all__ = ["KINDS", "render_html"]
