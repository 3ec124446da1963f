"""Highlights in one text: which spans to mark, nested where one holds another, as HTML."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

import attrs

__all__ = ["Highlight", "marked_html"]


@attrs.frozen
class Highlight:
    """Characters ``[start, end)`` of a text, of one kind, with the words its hover shows."""

    start: int
    end: int
    kind: str
    label: str
    title: str


@attrs.define
class _Node:
    highlight: Highlight
    children: list[_Node] = attrs.field(factory=list)


def _merged(highlights: Iterable[Highlight]) -> list[Highlight]:
    """One highlight per span and kind, their hovers joined; empty spans dropped."""
    by_place: dict[tuple[int, int, str], Highlight] = {}
    for highlight in highlights:
        if highlight.end <= highlight.start:
            continue
        key = (highlight.start, highlight.end, highlight.kind)
        known = by_place.get(key)
        if known is None:
            by_place[key] = highlight
        elif highlight.title not in known.title.split("\n\n"):
            by_place[key] = attrs.evolve(known, title=f"{known.title}\n\n{highlight.title}")
    return list(by_place.values())


def _forest(highlights: Iterable[Highlight], order: dict[str, int]) -> list[_Node]:
    """Highlights as a forest: a span inside another is its child; a crossing one is dropped.

    HTML elements nest but cannot cross, so of two spans that overlap without one holding
    the other, the one that starts later is not marked (it stays listed in the legend).
    """
    ordered = sorted(
        _merged(highlights), key=lambda h: (h.start, -h.end, order.get(h.kind, len(order)))
    )
    roots: list[_Node] = []
    stack: list[_Node] = []
    for highlight in ordered:
        while stack and stack[-1].highlight.end <= highlight.start:
            stack.pop()
        node = _Node(highlight)
        if not stack:
            roots.append(node)
        elif highlight.end <= stack[-1].highlight.end:
            stack[-1].children.append(node)
        else:
            continue
        stack.append(node)
    return roots


def _write(text: str, nodes: list[_Node], start: int, end: int, out: list[str]) -> None:
    position = start
    for node in nodes:
        mark = node.highlight
        out.append(escape(text[position : mark.start], quote=False))
        out.append(
            f'<mark class="ent ent-{mark.kind}" data-label="{escape(mark.label)}" '
            f'title="{escape(mark.title)}">'
        )
        _write(text, node.children, mark.start, mark.end, out)
        out.append("</mark>")
        position = mark.end
    out.append(escape(text[position:end], quote=False))


def marked_html(text: str, highlights: Iterable[Highlight], order: dict[str, int]) -> str:
    """*text* escaped for HTML, each highlight a ``<mark>`` of class ``ent ent-KIND``.

    Spans past the end of *text* are clipped to it. *order* ranks kinds for spans that
    coincide: the lower rank is the outer element.
    """
    clipped = (
        attrs.evolve(h, start=min(h.start, len(text)), end=min(h.end, len(text)))
        for h in highlights
    )
    out: list[str] = []
    _write(text, _forest(clipped, order), 0, len(text), out)
    return "".join(out)
