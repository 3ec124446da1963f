"""The generated fast loader and the detailed loader agree on every document.

The fast loader must refuse whatever the models refuse (the detailed loader then names the
problems); these properties break one value of a generated article's document at random
and compare the two.
"""

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sahel_news.convert import _fast, to_dict
from sahel_news.convert._converter import FAST
from sahel_news.convert._detailed import load_detailed
from sahel_news.errors import ValidationError
from sahel_news.models import Article
from sahel_news.strategies import articles

REPLACEMENTS = st.sampled_from(
    [None, "", " ", "x", "X Y", "MLI", "QQQ", "\x00", "\ud800", -1, 0, 1, 3.0, 2.5, 2**60,
     True, False, [], {}, ["x"], {"x": 1}, "2024-02-30", "2024-06-05", "other"]
)  # fmt: skip


def slots(document, path=()):
    """Every (container, key) of a document: dict keys and list indices."""
    if isinstance(document, dict):
        for key, value in document.items():
            yield document, key
            yield from slots(value)
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield document, index
            yield from slots(value)


def detailed(document):
    try:
        return load_detailed(document, Article)
    except ValidationError:
        return None


def fast(document, *, check_text=True):
    try:
        return _fast.loader(Article, check_text=check_text)(document)
    except Exception:  # noqa: BLE001 - the fast path signals refusal with any exception
        return None


class TestFastPath:
    @given(articles())
    def test_fast_loader_builds_every_valid_article(self, article):
        """Both variants of the fast loader rebuild a generated article exactly."""
        document = to_dict(article)
        assert fast(document) == article
        assert fast(document, check_text=False) == article

    @given(articles(min_actors=1, max_events=2), REPLACEMENTS, st.data())
    def test_fast_and_detailed_agree_on_a_broken_value(self, article, value, data):
        """With one value replaced, what the fast loader builds the detailed one builds too.

        The fast loader may leave a valid document to the detailed one (``3.0`` for an
        integer), never accept one the detailed loader refuses.
        """
        document = copy.deepcopy(to_dict(article))
        container, key = data.draw(st.sampled_from(list(slots(document))), label="slot")
        container[key] = value
        by_fast = fast(document)
        assert by_fast is None or by_fast == detailed(document)

    @pytest.mark.slow  # many generated articles: CI runs it with -m slow
    @given(articles(min_actors=1, max_events=2), st.data())
    def test_fast_refuses_a_surplus_key_anywhere(self, article, data):
        """An unknown key in any object is refused by the fast loader."""
        document = copy.deepcopy(to_dict(article))
        objects = [c for c, k in slots(document) if isinstance(c, dict)] + [document]
        target = data.draw(st.sampled_from(objects), label="object")
        target["surplus"] = 1
        assert fast(document) is None
        with pytest.raises(ValidationError):
            load_detailed(document, Article)

    @pytest.mark.slow  # many generated articles: CI runs it with -m slow
    @given(articles())
    def test_generated_dumper_writes_what_cattrs_writes(self, article):
        """The generated dumper gives the very dict the cattrs converter gives."""
        assert _fast.dumper(Article)(article) == FAST.unstructure(article)
