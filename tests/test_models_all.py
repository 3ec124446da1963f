"""The models package names every public class once, in `__all__`, sorted isort-style."""

import inspect
from datetime import date

import attrs
import pytest

import sahel_news.convert
from sahel_news import models


def isort_key(name):
    """Constants first, then classes, then functions (ruff RUF022's order)."""
    kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
    return kind, name


class TestModelsAll:
    def test_all_is_sorted_and_unique(self):
        """`models.__all__` is sorted (constants, classes, functions) without duplicates."""
        assert models.__all__ == sorted(set(models.__all__), key=isort_key)

    def test_all_lists_every_public_class(self):
        """Every public class defined in the models package is in `__all__`."""
        public = {
            name
            for name, value in vars(models).items()
            if inspect.isclass(value)
            and not name.startswith("_")
            and value.__module__.startswith("sahel_news.models")
        }
        assert public <= set(models.__all__)

    def test_models_tuple_holds_every_attrs_class(self):
        """MODELS lists every attrs class of `__all__`."""
        attrs_classes = {
            getattr(models, name)
            for name in models.__all__
            if inspect.isclass(getattr(models, name)) and attrs.has(getattr(models, name))
        }
        assert attrs_classes == set(models.MODELS)


class TestConvertAll:
    def test_convert_exports_the_conversion_functions(self):
        """`sahel_news.convert` exports the eight conversion functions, sorted."""
        assert sahel_news.convert.__all__ == sorted(sahel_news.convert.__all__)
        assert {
            "to_dict",
            "from_dict",
            "to_json",
            "from_json",
            "to_dataclass",
            "from_dataclass",
            "twin_of",
            "json_schema",
        } <= set(sahel_news.convert.__all__)


class TestModelEdgeValues:
    def test_id_with_trailing_newline_is_refused(self):
        """An id is refused when a line break follows otherwise valid characters."""
        with pytest.raises(sahel_news.ValidationError, match="is not an id"):
            sahel_news.Diagnostic("zone_assumed\n", "message")

    def test_temperature_must_be_finite(self):
        """A chrome temperature of NaN or infinity is refused."""
        for value in (float("nan"), float("inf")):
            with pytest.raises(sahel_news.ValidationError, match="finite"):
                sahel_news.Chrome(temperature_celsius=value)


def _article(**changes):
    fields = {"id": "a1", "headline": "Junta meets envoys", "paragraphs": ("Mali said so.",)}
    fields.update(changes)
    return sahel_news.Article(**fields)


WRONG_TYPES = [
    ("actor kind as a plain string", lambda: sahel_news.Actor("a", "A", "person")),
    ("paragraphs as a list", lambda: _article(paragraphs=["Mali said so."])),
    ("paragraphs as a string", lambda: _article(paragraphs="Mali said so.")),
    (
        "a bool offset",
        lambda: sahel_news.Span(sahel_news.Part.HEADLINE, 0, True, 1),
    ),
    ("an int headline", lambda: _article(headline=5)),
    ("a date string", lambda: _article(page_date="2024-06-20")),
    ("a dict chrome", lambda: _article(chrome={})),
]


class TestConstructionTypes:
    def test_table_has_no_duplicates(self):
        """Each wrong-type case is listed once."""
        names = [name for name, _ in WRONG_TYPES]
        assert len(names) == len(set(names))

    @pytest.mark.parametrize(("case", "build"), WRONG_TYPES, ids=[n for n, _ in WRONG_TYPES])
    def test_wrong_type_is_a_type_error(self, case, build):
        """A value of the wrong Python type is refused at construction with a TypeError."""
        with pytest.raises(TypeError, match="must be"):
            build()

    def test_line_separator_breaks_one_line(self):
        """A headline holding U+2028 (a line break to str.splitlines) is refused."""
        with pytest.raises(sahel_news.ValidationError, match="single line"):
            _article(headline="Junta\u2028meets envoys")

    def test_diagnostic_lines_start_at_one(self):
        """A diagnostic on line 0 is refused: line numbers are 1-based."""
        with pytest.raises(sahel_news.ValidationError, match="start at 1"):
            sahel_news.Diagnostic("zone_assumed", "message", line=0)

    def test_assumed_zone_needs_a_published_time(self):
        """An article cannot say its zone was assumed when it has no published time."""
        with pytest.raises(sahel_news.ValidationError, match="published_zone_assumed"):
            _article(published_zone_assumed=True)


class TestInferredTime:
    """An inferred time says what it was read from, and never sits beside a stated one."""

    _DAY = sahel_news.DateRange(
        date(2024, 6, 4),
        date(2024, 6, 4),
        sahel_news.Precision.DAY,
        "on Tuesday",
    )
    _SOURCE = sahel_news.Mention(
        "on Tuesday", sahel_news.Span(sahel_news.Part.PARAGRAPH, 0, 10, 20)
    )

    def test_a_continuation_needs_its_words(self):
        """A time inferred from the discourse names the expression it came from."""
        with pytest.raises(sahel_news.ValidationError, match="needs the words it came from"):
            sahel_news.InferredTime(self._DAY, sahel_news.TimeBasis.CONTINUATION)

    def test_the_publication_date_has_no_words(self):
        """A time inferred from the publication date has no source in the text."""
        with pytest.raises(sahel_news.ValidationError, match="read from no words"):
            sahel_news.InferredTime(self._DAY, sahel_news.TimeBasis.PUBLICATION, self._SOURCE)

    def test_an_event_has_a_stated_or_an_inferred_time_not_both(self):
        """A guess is never shown beside, or as, a statement."""
        inferred = sahel_news.InferredTime(
            self._DAY, sahel_news.TimeBasis.CONTINUATION, self._SOURCE
        )
        trigger = sahel_news.Mention("met", sahel_news.Span(sahel_news.Part.PARAGRAPH, 0, 0, 3))
        with pytest.raises(sahel_news.ValidationError, match="no inferred one"):
            sahel_news.Event(
                "e1",
                sahel_news.PloverType.CONSULT,
                trigger,
                (trigger.span,),
                when=self._DAY,
                inferred_time=inferred,
            )

    def test_a_source_outside_its_text_is_refused_by_the_article(self):
        """The inferred time's words must be where the span says, like every mention."""
        trigger = sahel_news.Mention("met", sahel_news.Span(sahel_news.Part.PARAGRAPH, 0, 0, 3))
        event = sahel_news.Event(
            "e1",
            sahel_news.PloverType.CONSULT,
            trigger,
            (trigger.span,),
            inferred_time=sahel_news.InferredTime(
                self._DAY, sahel_news.TimeBasis.CONTINUATION, self._SOURCE
            ),
        )
        with pytest.raises(sahel_news.ValidationError, match=r"inferred_time\.source"):
            _article(paragraphs=("met the envoy on Monday.",), events=(event,))
