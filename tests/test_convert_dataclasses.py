"""Dataclass twins: generated, frozen, nested all the way, and validated on the way back."""

import dataclasses
import pickle
import typing

import pytest

from sahel_news.convert import dataclasses as twins
from sahel_news.convert import from_dataclass, to_dataclass, twin_of
from sahel_news.errors import ValidationError
from sahel_news.models import MODELS, Article, Event, Mention, Part, Span


class TestTwins:
    @pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
    def test_every_model_has_a_frozen_dataclass_twin(self, model):
        """Each twin is a frozen dataclass with the model's name and fields, in order."""
        twin = twin_of(model)
        assert dataclasses.is_dataclass(twin)
        assert twin.__dataclass_params__.frozen
        assert twin.__name__ == model.__name__
        assert [f.name for f in dataclasses.fields(twin)] == [
            a.name for a in __import__("attrs").fields(model)
        ]

    def test_annotations_name_the_twins(self):
        """Nested models are annotated with their twins, not the attrs classes."""
        hints = typing.get_type_hints(twin_of(Event))
        assert hints["trigger"] is twin_of(Mention)
        assert hints["evidence"] == tuple[twin_of(Span), ...]

    def test_twin_of_is_stable_and_reachable_by_name(self):
        """The same twin comes back each time and is an attribute of its module."""
        assert twin_of(Article) is twin_of(Article)
        assert twins.Article is twin_of(Article)

    def test_twins_pickle(self):
        """A twin instance survives pickling."""
        twin = to_dataclass(Span(Part.HEADLINE, 0, 0, 4))
        assert pickle.loads(pickle.dumps(twin))  # noqa: S301 - our own bytes == twin

    def test_invalid_twin_is_refused_on_the_way_back(self):
        """Twins do not check, so from_dataclass validates like the JSON loader."""
        bad = twin_of(Span)(part=Part.HEADLINE, index=0, start=5, end=1)
        with pytest.raises(ValidationError, match=r"\$.end: end 1 is before start 5"):
            from_dataclass(bad)

    def test_non_twins_are_refused(self):
        """Only twins convert back, and only attrs objects convert to twins."""
        with pytest.raises(TypeError):
            from_dataclass(object())
        with pytest.raises(TypeError):
            twin_of(int)
