"""Strict loading: JSON types are never coerced, and every problem is reported with its path."""

import json
import math
import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from sahel_news.convert import from_dataclass, from_dict, from_json, json_schema, to_dict, to_json
from sahel_news.convert.schema import DATETIME_PATTERN
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

    def test_integral_float_reads_as_its_integer(self):
        """3.0 is the integer 3 to JSON (and to JSON Schema), so it loads as the int 3."""
        document = to_dict(Diagnostic("zone-assumed", "assumed UTC", 3))
        document["line"] = 3.0
        line = from_dict(document, Diagnostic).line
        assert line == 3
        assert type(line) is int

    def test_fractional_float_for_an_int_is_refused(self):
        """3.5 is refused where an integer belongs."""
        document = to_dict(Diagnostic("zone-assumed", "assumed UTC", 3))
        document["line"] = 3.5
        assert problems(document, Diagnostic) == ["$.line: expected an integer, got number 3.5"]

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


def with_letter_case(text: str, upper_t: bool, upper_z: bool) -> str:
    """*text* (an RFC 3339 date-time) with its "T" and "Z" in the given case."""
    text = text.replace("T", "T" if upper_t else "t")
    return text[:-1] + ("Z" if upper_z else "z") if text.endswith("Z") else text


def rfc3339(moment: datetime) -> str:
    """*moment* written as RFC 3339 by hand: Z for UTC, else a +HH:MM offset."""
    text = moment.replace(tzinfo=None).isoformat()
    offset = moment.utcoffset()
    if not offset:
        return text + "Z"
    minutes = int(offset.total_seconds()) // 60
    sign, minutes = ("-", -minutes) if minutes < 0 else ("+", minutes)
    return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


OFFSETS = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
MOMENTS = st.datetimes(
    min_value=datetime(1000, 1, 1),  # noqa: DTZ001 - naive bounds; the zone is drawn
    max_value=datetime(9999, 12, 31),  # noqa: DTZ001
    timezones=st.just(UTC) | OFFSETS,
)
PUBLISHED_SCHEMA = json_schema(Article)["$defs"]["Article"]["properties"]["published"]["anyOf"][0]


class TestDateTimeLetterCase:
    """The loader and the JSON Schema agree on date-times, whatever the case of T and Z."""

    @pytest.mark.parametrize(
        "value", ["2024-06-05t19:49:00z", "2024-06-05t19:49:00Z", "2024-06-05T19:49:00z"]
    )
    def test_lower_case_t_and_z_load(self, value):
        """RFC 3339 allows a lower-case t and z: they load as the same instant."""
        document = article_dict()
        document["published"] = value
        assert from_dict(document, Article).published == datetime(2024, 6, 5, 19, 49, tzinfo=UTC)

    @given(MOMENTS, st.booleans(), st.booleans())
    def test_schema_and_loader_accept_the_same_date_times(self, moment, upper_t, upper_z):
        """Any aware date-time, in any letter case, passes the schema and loads as itself."""
        text = with_letter_case(rfc3339(moment), upper_t, upper_z)
        assert Draft202012Validator(PUBLISHED_SCHEMA).is_valid(text)
        document = article_dict()
        document["published"] = text
        assert from_dict(document, Article).published == moment

    @given(st.from_regex(DATETIME_PATTERN.replace("$", r"\Z")))
    def test_what_the_schema_pattern_allows_is_read_not_crashed_on(self, text):
        """A string of the schema's pattern loads, or is refused with one problem at its path."""
        document = article_dict()
        document["published"] = text
        try:
            published = from_dict(document, Article).published
        except ValidationError as error:
            (problem,) = error.problems
            assert problem.path == "$.published"
            assert re.search(r"is not a date-time: ", problem.message)
        else:
            assert published is not None


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
            "this version of sahel_news reads 1.0, 1.1, 1.2"
        )

    def test_missing_version_reads_as_current(self):
        """A document without schema_version is read as the current version."""
        document = article_dict()
        del document["schema_version"]
        assert from_dict(document, Article).schema_version == "1.2"

    def test_a_version_1_0_document_still_loads(self):
        """Version 1.0 had no inferred times: its documents load as they are, and say 1.0."""
        document = article_dict()
        document["schema_version"] = "1.0"
        loaded = from_dict(document, Article)
        assert loaded.schema_version == "1.0"
        assert all(event.inferred_time is None for event in loaded.events)

    def test_a_version_1_1_document_without_language_still_loads(self):
        """Version 1.1 had no language: its documents load with language None, and say 1.1."""
        document = article_dict()
        document["schema_version"] = "1.1"
        document.pop("language", None)
        loaded = from_dict(document, Article)
        assert (loaded.schema_version, loaded.language) == ("1.1", None)

    @pytest.mark.parametrize("code", ["FR", "french", "f", "fr-FR", ""])
    def test_a_language_that_is_no_code_is_refused_at_its_path(self, code):
        """$.language must be a lower-case ISO 639 code."""
        document = article_dict()
        document["language"] = code
        with pytest.raises(ValidationError) as caught:
            from_dict(document, Article)
        assert [p.path for p in caught.value.problems] == ["$.language"]


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


class TestArgumentTypes:
    """A wrong argument type is a mistake in the calling code: TypeError, not ValidationError."""

    @pytest.mark.parametrize("data", [None, 42, {"id": "a1"}, ["{}"]])
    def test_from_json_needs_text_or_bytes(self, data):
        """from_json refuses data that is not str or bytes with a TypeError naming its type."""
        with pytest.raises(TypeError, match="data must be JSON text or bytes, got "):
            from_json(data, Article)

    @pytest.mark.parametrize(
        "cls", ["Article", dict, object, int, None, Article(id="a1", headline="x")]
    )
    def test_loaders_need_a_model_class(self, cls):
        """from_json and from_dict refuse a cls that is not one of the models."""
        with pytest.raises(TypeError, match=r"cls must be a model class \(Actor, Article, "):
            from_json("{}", cls)
        with pytest.raises(TypeError, match=r"cls must be a model class"):
            from_dict({}, cls)

    @pytest.mark.parametrize("obj", ["x", None, {"id": "a1"}, 3.5])
    def test_writers_need_a_model_object(self, obj):
        """to_json and to_dict refuse an object that is neither a model nor its twin."""
        with pytest.raises(TypeError, match="expected an instance of a sahel_news model"):
            to_json(obj)
        with pytest.raises(TypeError, match="expected an instance of a sahel_news model"):
            to_dict(obj)

    def test_bytearray_and_memoryview_are_bytes(self):
        """from_json reads a bytearray or a memoryview like bytes."""
        data = to_json(Span(Part.HEADLINE, 0, 0, 4)).encode()
        assert from_json(bytearray(data), Span) == from_json(memoryview(data), Span)

    @pytest.mark.parametrize("data", [[], "headline", None, 3])
    def test_bad_data_is_still_a_validation_error(self, data):
        """A document of the wrong shape, given as data, is bad data: ValidationError."""
        with pytest.raises(ValidationError, match=r"\$: expected an object"):
            from_dict(data, Article)
        with pytest.raises(ValidationError, match=r"\$: expected an object"):
            from_json(json.dumps(data), Article)

    def test_twins_still_convert(self):
        """to_dict accepts a dataclass twin, and from_dataclass still validates."""
        span = Span(Part.HEADLINE, 0, 0, 4)
        twin = __import__("sahel_news.convert", fromlist=["to_dataclass"]).to_dataclass(span)
        assert to_dict(twin) == to_dict(span)
        assert from_dataclass(twin) == span


@pytest.fixture(params=["orjson", "json"])
def backend(request, monkeypatch):
    """Each JSON back end in turn: orjson, and the standard library used without it."""
    if request.param == "json":
        monkeypatch.setattr("sahel_news.convert.json.orjson", None)
    return request.param


@pytest.mark.usefixtures("backend")
class TestRepeatedKeys:
    """An object that repeats a key is refused: JSON parsers disagree on which value wins."""

    @pytest.mark.parametrize(
        ("text", "path"),
        [
            ('{"id": "a1", "headline": "x", "id": "a2"}', "$.id"),
            (
                (
                    '{"id":"a1","headline":"x","paragraphs":["One."],"chrome":{"temperature_celsius":1,'
                    '"temperature_celsius":2}}'
                ),
                "$.chrome.temperature_celsius",
            ),
            (
                (
                    '{"id": "a1", "headline": "x", "related": [{"title": "t", '
                    '"after_paragraph": 0}, {"title": "u", "title": "u", "after_paragraph": 0}]}'
                ),
                "$.related[1].title",
            ),
            # The same key twice, the second written with an escape.
            ('{"id": "a1", "headline": "x", "\\u0069d": "a1"}', "$.id"),
        ],
    )
    def test_repeated_key_is_refused_at_its_path(self, text, path):
        """A repeated key is one problem at its JSON path, from text and from bytes alike."""
        for data in (text, text.encode()):
            with pytest.raises(ValidationError) as caught:
                from_json(data, Article)
            assert [(p.path, p.message) for p in caught.value.problems] == [(path, "key repeated")]

    @pytest.mark.parametrize(
        "text",
        [
            '{"id": "a1", "headline": "At 19:49: talks", "paragraphs": ["a: b: c."]}',
            '{"id": "a1", "headline": "x", "paragraphs": ["\\u003a \\"q\\": x."]}',
            '{"id": "a1", "headline": "x", "source": {"url": "https://a.example/x:y"}}',
        ],
    )
    def test_colons_in_text_are_no_repeated_keys(self, text):
        """Colons and escapes inside strings do not look like repeated keys."""
        assert from_json(text, Article).id == "a1"

    def test_not_json_after_a_repeated_key_is_not_json(self):
        """Text that repeats a key and then breaks off is reported as not JSON."""
        with pytest.raises(ValidationError, match="not valid JSON"):
            from_json('{"id": "a1", "source": {"url": "x", "url": "y"}, "headline": ', Article)

    @given(st.dictionaries(st.text(max_size=5), st.text(max_size=5), min_size=1))
    def test_repeating_any_key_is_refused(self, members):
        """Writing any object with one of its members twice is refused; once, it parses."""
        body = ",".join(f"{json.dumps(k)}:{json.dumps(v)}" for k, v in members.items())
        first = next(iter(members))
        twice = f'{{"id":"a1","headline":"x","source":{{{body},{json.dumps(first)}:"x"}}}}'
        with pytest.raises(ValidationError) as caught:
            from_json(twice, Article)
        assert caught.value.problems[0].message == "key repeated"


class TestByteOrderMark:
    """A UTF-8 byte order mark at the start is skipped, as the capture parser does."""

    def test_bom_is_skipped_in_text_and_bytes(self):
        """A document with a leading BOM loads like the same document without it."""
        text = to_json(Span(Part.HEADLINE, 0, 0, 4))
        assert from_json("\ufeff" + text, Span) == from_json(text, Span)
        assert from_json(b"\xef\xbb\xbf" + text.encode(), Span) == from_json(text, Span)

    def test_bom_elsewhere_is_not_json(self):
        """A BOM anywhere but the start is not skipped."""
        with pytest.raises(ValidationError, match="not valid JSON"):
            from_json(' \ufeff{"part": "headline"}', Span)
