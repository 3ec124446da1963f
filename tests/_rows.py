"""Hypothesis strategies for table rows with arbitrary cell text (commas, quotes, '=', ';')."""

from __future__ import annotations

from hypothesis import strategies as st

from sahel_news.outputs._tables import Kind, columns

# Any character a UTF-8 file can hold (no lone surrogates).
_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
_NON_EMPTY = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12)
_TRICKY = st.sampled_from(["=1+2", "+x", "-5", "@SUM(A1)", "'quoted", "a;b", "a\\;b", "\\", " "])
_CELLS = {
    Kind.TEXT: _TEXT | _TRICKY,
    Kind.OPTIONAL_TEXT: st.none() | _NON_EMPTY | _TRICKY,
    Kind.INTEGER: st.integers(-(2**62), 2**62),
    Kind.OPTIONAL_DATE: st.none() | st.dates(),
    Kind.TEXT_LIST: st.lists(_NON_EMPTY | _TRICKY, max_size=4).map(tuple),
    Kind.BOOLEAN: st.booleans(),
}


def rows(row_type: type) -> st.SearchStrategy[object]:
    """Rows of *row_type* whose cells are anything their kind allows."""
    return st.builds(row_type, **{name: _CELLS[kind] for name, kind in columns(row_type)})
