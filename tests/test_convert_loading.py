"""Strict loading: JSON types are never coerced, and every problem is reported with its path."""

import json
import math
from datetime import date

import pytest

from sahel_news.convert import from_dict, from_json, to_dict, to_json
from sahel_news.errors import SchemaVersionError, ValidationError
from sahel_news.models import (
    Actor,
    ActorKind,
    Article,
    Chrome,
    Country,
    DateRange,
    Diagnostic,
    Event,
    Mention,
    Part,
    Participant,
    PloverType,
    Precision,
    Span,
)

HEADLINE = "Mali and Niger hold talks in Bamako"


def article_dict():
    """A small valid article document, written out by hand."""
    trigger = Mention("talks", Span(Part.HEADLINE, 0, 20, 25))
    article = Article(
        id="a1",
        headline=HEADLINE,
        paragraphs=("Officials met on Monday.",),
        countries=(
            Country.from_code("MLI", mentions=(Mention("Mali", Span(Part.HEADLINE, 0, 0, 4)),)),
            Country.from_code("NER"),
        ),
        actors=(Actor("assimi-goita", "Assimi Goïta", ActorKind.PERSON, "MLI"),),
        events=(
            Event(
                "e1",
                PloverType.CONSULT,
                trigger,
                (Span(Part.HEADLINE, 0, 0, len(HEADLINE)),),
                (Participant("MLI"), Participant("assimi-goita")),
            ),
        ),
    )
    return to_dict(article)


def problems(document, cls=Article):
    with pytest.raises(ValidationError) as caught:
        from_dict(document, cls)
    return [str(problem) for problem in caught.value.problems]


class TestStrictScalars:
    def test_string_for_an_int_is_refused(self):
        """The string "1" is no integer."""
        document = article_dict()
        document["countries"][0]["mentions"][0]["span"]["start"] = "0"
        assert problems(document) == [
            "$.countries[0].mentions[0].span.start: expected an integer, got string '0'"
        ]

    def test_number_for_a_string_is_refused(self):
        """The number 1 is no string."""
        document = article_dict()
        document["headline"] = 1
        assert problems(document) == ["$.headline: expected a string, got number 1"]

    @pytest.mark.parametrize("value", [0, 1, "true", None])
    def test_only_true_and_false_are_booleans(self, value):
        """0, 1, "true" and null are refused where a boolean belongs."""
        document = article_dict()
        document["published_zone_assumed"] = value
        assert problems(document)[0].startswith("$.published_zone_assumed: expected true or false")

    def test_float_for_an_int_is_refused(self):
        """1.0 is refused where an integer belongs."""
        document = to_dict(Diagnostic("zone-assumed", "assumed UTC", 3))
        document["line"] = 3.0
        assert problems(document, Diagnostic) == ["$.line: expected an integer, got number 3.0"]

    def test_int_is_accepted_for_a_float(self):
        """JSON has one number type, so 30 reads as 30.0 where a float belongs."""
        chrome = from_dict({"temperature_celsius": 30}, Chrome)
        assert chrome.temperature_celsius == 30.0
        assert isinstance(chrome.temperature_celsius, float)

    def test_non_finite_float_cannot_be_written(self):
        """NaN is refused on the way out: JSON cannot carry it."""
        with pytest.raises(ValidationError):
            to_json(Chrome(temperature_celsius=math.nan))

    def test_enum_value_must_be_its_string(self):
        """An enum is its lowercase value; its name or a number is refused."""
        document = article_dict()
        document["actors"][0]["kind"] = "PERSON"
        assert problems(document)[0].startswith("$.actors[0].kind: 'PERSON' is not one of person")

    def test_plover_type_is_upper_case(self):
        """PLOVER types are their upper-case names; the lower-case word is refused."""
        document = article_dict()
        assert document["events"][0]["type"] == "CONSULT"
        document["events"][0]["type"] = "consult"
        assert problems(document)[0].startswith("$.events[0].type: 'consult' is not one of")

    def test_string_is_not_an_array(self):
        """A string where a list belongs is refused, not split into characters."""
        document = article_dict()
        document["paragraphs"] = "Officials met."
        assert problems(document) == [
            "$.paragraphs: expected an array, got string 'Officials met.'"
        ]


class TestDates:
    @pytest.mark.parametrize("value", ["2024-6-5", "20240605", "2024-06-05T00:00:00", "June 5"])
    def test_dates_are_iso_days(self, value):
        """A date is YYYY-MM-DD and nothing else."""
        document = article_dict()
        document["page_date"] = value
        assert problems(document)[0].startswith("$.page_date: ")

    def test_naive_datetime_is_refused(self):
        """A datetime without an offset is refused."""
        document = article_dict()
        document["published"] = "2024-06-05T19:49:00"
        assert problems(document) == [
            (
                "$.published: '2024-06-05T19:49:00' has no UTC offset; "
                "a datetime must be aware (add Z or +HH:MM)"
            )
        ]

    @pytest.mark.parametrize("value", ["2024-06-05T19:49:00Z", "2024-06-05T19:49:00.5+01:00"])
    def test_aware_datetimes_load(self, value):
        """RFC 3339 datetimes with Z or an offset load."""
        document = article_dict()
        document["published"] = value
        assert from_dict(document, Article).published.utcoffset() is not None


class TestProblems:
    def test_every_problem_is_listed(self):
        """Several problems in one document are all reported, each at its path."""
        document = article_dict()
        document["headline"] = 5
        del document["actors"][0]["name"]
        document["events"][0]["colour"] = "red"
        assert problems(document) == [
            "$.headline: expected a string, got number 5",
            "$.actors[0].name: required field missing",
            "$.events[0].colour: unknown key",
        ]

    def test_model_checks_are_put_below_the_json_path(self):
        """A model's own relative path (earliest) is reported below where it was met."""
        document = article_dict()
        document["events"][0]["when"] = to_dict(
            DateRange(date(2024, 6, 1), date(2024, 6, 1), Precision.DAY, "on June 1")
        )
        document["events"][0]["when"]["earliest"] = "2024-06-05"
        assert problems(document) == [
            "$.events[0].when.earliest: 2024-06-05 is after latest 2024-06-01"
        ]

    def test_whole_article_checks_have_absolute_paths(self):
        """A reference to no actor of the article is reported at its full path."""
        document = article_dict()
        document["events"][0]["participants"][1]["ref"] = "sadio-camara"
        assert problems(document) == [
            (
                "$.events[0].participants[1].ref: 'sadio-camara' is neither an actor id "
                "nor a country of the article"
            )
        ]

    def test_non_object_root_is_refused(self):
        """A list is not an article."""
        assert problems([]) == ["$: expected an object, got array"]

    def test_validation_error_is_a_value_error(self):
        """Callers may catch ValueError."""
        with pytest.raises(ValueError, match="required field missing"):
            from_dict({}, Span)


class TestSchemaVersion:
    def test_unknown_version_is_refused_before_structuring(self):
        """A future schema version is refused with SchemaVersionError, whatever else is wrong."""
        document = article_dict()
        document["schema_version"] = "2.0"
        document["headline"] = 5
        with pytest.raises(SchemaVersionError) as caught:
            from_dict(document, Article)
        assert str(caught.value.problems[0]) == (
            "$.schema_version: this document has schema version '2.0'; "
            "this version of sahel_news reads 1.0"
        )

    def test_missing_version_reads_as_current(self):
        """A document without schema_version is read as the current version."""
        document = article_dict()
        del document["schema_version"]
        assert from_dict(document, Article).schema_version == "1.0"


class TestJsonText:
    def test_not_json_names_line_and_column(self):
        """Text that is not JSON is one problem at $ naming its line and column."""
        with pytest.raises(ValidationError) as caught:
            from_json('{\n  "id": "a1",\n  "headline": }', Article)
        (problem,) = caught.value.problems
        assert problem.path == "$"
        assert "line 3 column" in problem.message

    def test_bytes_that_are_not_utf8_name_the_offset(self):
        """Bytes that are not UTF-8 are refused, naming the first bad byte's offset."""
        with pytest.raises(ValidationError) as caught:
            from_json(b'{"id": "\xff"}', Article)
        assert caught.value.problems[0].message == "not UTF-8: byte 0xff at offset 8"

    @pytest.mark.parametrize(
        "text", ['{"temperature_celsius": NaN}', '{"temperature_celsius": 1e999}']
    )
    def test_non_finite_numbers_are_refused(self, text):
        """NaN and numbers too large for a float are refused."""
        with pytest.raises(ValidationError):
            from_json(text, Chrome)

    def test_text_is_unescaped_utf8(self):
        """Non-ASCII text is written as itself, not as escapes."""
        text = to_json(Actor("assimi-goita", "Assimi Goïta", ActorKind.PERSON))
        assert "Goïta" in text
        assert json.loads(text)["name"] == "Assimi Goïta"
