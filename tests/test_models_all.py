"""The models package names every public class once, in `__all__`, sorted isort-style."""

import inspect

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
