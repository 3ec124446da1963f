"""Round trips of every model through JSON, dicts and dataclass twins, and schema validity."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from sahel_news.convert import (
    from_dataclass,
    from_dict,
    from_json,
    json_schema,
    to_dataclass,
    to_dict,
    to_json,
    twin_of,
)
from sahel_news.models import MODELS, Article

MODEL_IDS = [model.__name__ for model in MODELS]


def validator_for(model):
    return Draft202012Validator(
        json_schema(model), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


VALIDATORS = {model: validator_for(model) for model in MODELS}


@pytest.mark.parametrize("model", MODELS, ids=MODEL_IDS)
class TestRoundTrips:
    @given(data=st.data())
    def test_json_text_round_trip(self, model, data):
        """Loading the JSON text of any object gives back an equal object."""
        obj = data.draw(st.from_type(model))
        assert from_json(to_json(obj), model) == obj

    @given(data=st.data())
    def test_json_bytes_round_trip(self, model, data):
        """Loading the UTF-8 bytes of the JSON (indented or not) gives back an equal object."""
        obj = data.draw(st.from_type(model))
        indent = data.draw(st.booleans())
        assert from_json(to_json(obj, indent=indent).encode(), model) == obj

    @given(data=st.data())
    def test_dict_round_trip(self, model, data):
        """Loading the dict of any object gives back an equal object."""
        obj = data.draw(st.from_type(model))
        assert from_dict(to_dict(obj), model) == obj

    @given(data=st.data())
    def test_dict_is_the_parsed_json(self, model, data):
        """`to_dict` is exactly what the JSON text says: plain JSON values, lists for tuples."""
        obj = data.draw(st.from_type(model))
        assert to_dict(obj) == json.loads(to_json(obj))

    @given(data=st.data())
    def test_dataclass_round_trip(self, model, data):
        """The dataclass twin of any object converts back to an equal object."""
        obj = data.draw(st.from_type(model))
        twin = to_dataclass(obj)
        assert type(twin) is twin_of(model)
        assert from_dataclass(twin) == obj

    @given(data=st.data())
    def test_json_validates_against_schema(self, model, data):
        """The JSON of any generated object is valid under the published JSON Schema."""
        obj = data.draw(st.from_type(model))
        errors = list(VALIDATORS[model].iter_errors(json.loads(to_json(obj))))
        assert errors == []


class TestArticleWire:
    @given(st.from_type(Article))
    def test_enums_dates_and_tuples_have_their_wire_form(self, article):
        """Enums are their values, PLOVER types upper case, dates ISO, tuples lists."""
        document = to_dict(article)
        assert isinstance(document["paragraphs"], list)
        for event in document["events"]:
            assert event["type"].isupper()
            assert event["status"].islower()
            if event["when"] is not None:
                assert len(event["when"]["earliest"]) == 10
        if document["published"] is not None:
            assert document["published"][-6] in "+-"
