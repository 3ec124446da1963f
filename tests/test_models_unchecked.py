"""Unchecked construction: same values as the checked constructors, and never leaking bad ones.

The extractors build spans, mentions, events and actors with `unchecked`; these tests pin that
such a constructor makes exactly what the class would, and that every article the pipeline
produces passes the checked constructors when rebuilt from its own dict.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sahel_news import Article, ValidationError, from_dict, to_dict
from sahel_news import models as m
from sahel_news.models._unchecked import evolved, unchecked
from sahel_news.pipeline import parse_article
from sahel_news.strategies import captures

_CAPTURES = sorted(Path(__file__).parent.joinpath("captures").rglob("*.txt"))
_MODELS = [
    m.Span,
    m.Mention,
    m.Actor,
    m.DateRange,
    m.Place,
    m.Participant,
    m.Event,
    m.Quote,
    m.Diagnostic,
    m.Article,
]


def _fields(value: object) -> dict[str, object]:
    return {f.name: getattr(value, f.name) for f in attrs.fields(type(value))}


class TestUnchecked:
    @pytest.mark.parametrize("model", _MODELS, ids=lambda model: model.__name__)
    @given(data=st.data())
    def test_builds_what_the_class_builds(self, model, data):
        """An unchecked constructor given a valid value's fields makes an equal value."""
        value = data.draw(st.from_type(model))
        fields = _fields(value)
        positional = {k: v for k, v in fields.items() if not attrs.fields_dict(model)[k].kw_only}
        keyword = {k: v for k, v in fields.items() if attrs.fields_dict(model)[k].kw_only}
        built = unchecked(model)(*positional.values(), **keyword)
        assert type(built) is model
        assert built == value

    def test_fills_defaults_and_factories(self):
        """Omitted fields get the class's defaults, and factories make a fresh value."""
        article = unchecked(m.Article)("a1", "A headline")
        assert article == m.Article("a1", "A headline")
        assert article.chrome == m.Chrome()
        assert article.countries == ()

    def test_runs_no_check(self):
        """It builds what the class refuses: the caller vouches for the values."""
        with pytest.raises(ValidationError):
            m.Span(m.Part.PARAGRAPH, 0, 5, 1)
        span = unchecked(m.Span)(m.Part.PARAGRAPH, 0, 5, 1)
        assert (span.start, span.end) == (5, 1)

    def test_refuses_factories_that_take_self(self):
        """A factory reading the half-built instance cannot be honoured, so it is refused."""

        @attrs.frozen
        class Odd:
            a: int
            b: int = attrs.field(default=attrs.Factory(lambda self: self.a, takes_self=True))

        with pytest.raises(TypeError, match="taking self"):
            unchecked(Odd)


class TestEvolved:
    @pytest.mark.slow  # many generated articles: CI runs it with -m slow
    @given(st.from_type(m.Article), st.from_type(m.Article))
    def test_matches_attrs_evolve(self, article, other):
        """A copy with changed fields equals what attrs.evolve makes from the same changes."""
        changes = {"id": other.id, "diagnostics": other.diagnostics, "source": other.source}
        assert evolved(article, **changes) == attrs.evolve(article, **changes)

    def test_runs_no_check(self):
        """It copies without the whole-article checks the next stage will run."""
        article = m.Article("a1", "A headline")
        stray = m.Mention("Mali", m.Span(m.Part.PARAGRAPH, 3, 0, 4))
        staged = evolved(article, countries=(m.Country.from_code("MLI", mentions=(stray,)),))
        assert staged.countries[0].mentions == (stray,)
        with pytest.raises(ValidationError, match=r"countries\[0\]\.mentions\[0\]"):
            attrs.evolve(staged)

    def test_refuses_unknown_fields(self):
        """A change naming no field is a TypeError, as with attrs.evolve."""
        with pytest.raises(TypeError, match="no field colour"):
            evolved(m.Article("a1", "A headline"), colour="red")


class TestExtractedArticlesAreValid:
    @pytest.mark.parametrize(
        "path",
        [Path(__file__).parent.parent / "examples" / "seed.txt", *_CAPTURES],
        ids=lambda path: path.name,
    )
    def test_capture_rebuilds_through_the_checks(self, path):
        """Every extracted article of the fixtures passes every check when rebuilt."""
        article = parse_article(path.read_text(encoding="utf-8"))
        assert from_dict(to_dict(article), Article) == article

    @given(captures())
    def test_generated_capture_rebuilds_through_the_checks(self, text):
        """Every extracted article of a generated capture passes every check when rebuilt."""
        article = parse_article(text)
        assert from_dict(to_dict(article), Article) == article
