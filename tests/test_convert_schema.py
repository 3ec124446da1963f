"""The JSON Schema is generated from the models and says what JSON Schema can say."""

import attrs
import pycountry
import pytest
from jsonschema import Draft202012Validator

from sahel_news.convert import json_schema
from sahel_news.convert.schema import DRAFT, unknown_validators
from sahel_news.models import MODELS, Article, Country, Precision


class TestJsonSchema:
    @pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
    def test_schema_is_a_valid_draft_2020_12_schema(self, model):
        """Every model's schema passes the draft 2020-12 meta-schema."""
        schema = json_schema(model)
        assert schema["$schema"] == DRAFT
        Draft202012Validator.check_schema(schema)

    @pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
    def test_objects_are_closed_and_list_required_fields(self, model):
        """Each object forbids unknown keys and requires exactly the fields without default."""
        definition = json_schema(model)["$defs"][model.__name__]
        assert definition["additionalProperties"] is False
        assert list(definition["properties"]) == [f.name for f in attrs.fields(model)]
        assert definition["required"] == [
            f.name for f in attrs.fields(model) if f.default is attrs.NOTHING
        ]

    def test_every_model_validator_is_known(self):
        """Each validator on a model field maps to schema keywords (none is silently dropped)."""
        assert unknown_validators() == []

    def test_country_codes_are_the_iso_lists(self):
        """Country codes are enums of the current ISO 3166-1 codes, taken from pycountry."""
        defs = json_schema(Country)["$defs"]
        assert set(defs["Alpha3Code"]["enum"]) == {c.alpha_3 for c in pycountry.countries}
        assert set(defs["Alpha2Code"]["enum"]) == {c.alpha_2 for c in pycountry.countries}
        assert "466" in defs["NumericCode"]["enum"]

    def test_enums_are_their_values(self):
        """Enum definitions list the JSON words."""
        defs = json_schema(Article)["$defs"]
        assert defs["Precision"]["enum"] == [p.value for p in Precision]
        assert "ASSAULT" in defs["PloverType"]["enum"]

    def test_dates_have_formats_and_patterns(self):
        """Dates and datetimes carry their format and a pattern that needs the offset."""
        article = json_schema(Article)["$defs"]["Article"]["properties"]
        published = article["published"]["anyOf"][0]
        assert published["format"] == "date-time"
        validator = Draft202012Validator(published)
        assert validator.is_valid("2024-06-05T19:49:00+01:00")
        assert not validator.is_valid("2024-06-05T19:49:00")
        assert article["page_date"]["anyOf"][0]["format"] == "date"

    def test_ids_have_the_id_pattern(self):
        """Ids carry the id pattern: lowercase words, no spaces."""
        actor = json_schema(Article)["$defs"]["Actor"]["properties"]["id"]
        validator = Draft202012Validator(actor)
        assert validator.is_valid("assimi-goita")
        assert not validator.is_valid("Assimi Goita")

    def test_each_call_returns_a_fresh_dict(self):
        """Changing a returned schema does not change the next one."""
        json_schema(Article)["title"] = "changed"
        assert json_schema(Article)["title"] == "Article"

    def test_non_attrs_class_is_refused(self):
        """Only attrs classes have a schema."""
        with pytest.raises(TypeError):
            json_schema(dict)
