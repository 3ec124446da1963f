"""Problems carry a stable code, the deepest path and the offending value; limits never crash."""

import json

import pytest
from jsonschema import Draft202012Validator

from sahel_news.convert import from_dict, from_json, json_schema, to_dict, to_json
from sahel_news.errors import PROBLEM_CODES, ValidationError
from sahel_news.models import Article, Mention, Part, Span

SCHEMA = Draft202012Validator(
    json_schema(Article), format_checker=Draft202012Validator.FORMAT_CHECKER
)


def article_dict():
    """A small valid article with one country mention in the headline."""
    from sahel_news.models import Country

    return to_dict(
        Article(
            id="a1",
            headline="Mali talks",
            paragraphs=("Officials met.",),
            countries=(
                Country.from_code("MLI", mentions=(Mention("Mali", Span(Part.HEADLINE, 0, 0, 4)),)),
            ),
        )
    )


def problems(document):
    with pytest.raises(ValidationError) as caught:
        from_dict(document, Article)
    return caught.value.problems


class TestCodes:
    def test_each_problem_has_a_documented_code_path_and_value(self):
        """A wrong type, an unknown key and a missing key each carry their code and value."""
        document = article_dict()
        document["headline"] = 42
        document["colour"] = "red"
        del document["id"]
        found = {(p.code, p.path, p.value) for p in problems(document)}
        assert found == {
            ("wrong_type", "$.headline", "42"),
            ("unknown_key", "$.colour", '"red"'),
            ("missing", "$.id", None),
        }
        assert all(p.code in PROBLEM_CODES for p in problems(document))

    def test_blank_headline_is_reported_with_other_problems(self):
        """A blank headline is reported in the same pass as a wrong type elsewhere."""
        document = article_dict()
        document["headline"] = "   "
        document["published_zone_assumed"] = "yes"
        assert {p.path for p in problems(document)} == {
            "$.headline",
            "$.published_zone_assumed",
        }

    def test_span_mismatch_and_dangling_codes(self):
        """A mention that does not read as its text is a span_mismatch at its span."""
        document = article_dict()
        document["countries"][0]["mentions"][0]["text"] = "Mal√"
        (problem,) = problems(document)
        assert (problem.code, problem.path) == ("span_mismatch", "$.countries[0].mentions[0].span")

    def test_long_values_are_shortened(self):
        """The value shown is cut to about 60 characters."""
        document = article_dict()
        document["headline"] = ["x" * 500]
        (problem,) = problems(document)
        assert problem.code == "wrong_type"
        assert len(problem.value) <= 60


class TestLimits:
    def test_deep_nesting_is_an_error_not_a_crash(self):
        """A thousand nested arrays give a ValidationError, never RecursionError."""
        with pytest.raises(ValidationError) as caught:
            from_json("[" * 1000 + "]" * 1000, Article)
        assert caught.value.problems[0].path.startswith("$")

    def test_deep_nesting_inside_a_field_names_its_path(self):
        """Nesting past the limit inside a document is reported as too_deep at a path."""
        with pytest.raises(ValidationError) as caught:
            from_json(
                '{"id": "a1", "headline": "x", "extra": ' + "[" * 100 + "]" * 100 + "}", Article
            )
        (problem,) = caught.value.problems
        assert problem.code == "too_deep"
        assert problem.path.startswith("$.extra[0]")

    @pytest.mark.parametrize("end", [2**64, 2**53])
    def test_huge_span_end_is_reported_at_span_end(self, end):
        """A span end beyond 2**53 - 1 is too_large at span.end, from a dict or from JSON."""
        document = article_dict()
        document["countries"][0]["mentions"][0]["span"]["end"] = end
        paths = {(p.code, p.path) for p in problems(document)}
        assert ("too_large", "$.countries[0].mentions[0].span.end") in paths
        with pytest.raises(ValidationError) as caught:
            from_json(json.dumps(document), Article)
        assert ("too_large", "$.countries[0].mentions[0].span.end") in {
            (p.code, p.path) for p in caught.value.problems
        }
        assert not SCHEMA.is_valid(document)


class TestText:
    @pytest.mark.parametrize(
        "headline", ["Mali \ud800 talks", "Mali\x00 talks", "Mali\x1b talks", "Mali\x85"]
    )
    def test_bad_characters_are_refused_by_loader_and_schema(self, headline):
        """Lone surrogates and control characters are bad_text for the loader and the schema."""
        document = article_dict()
        document["headline"] = headline
        (problem,) = [p for p in problems(document) if p.path == "$.headline"]
        assert problem.code == "bad_text"
        assert not SCHEMA.is_valid(document)
        with pytest.raises(ValidationError):
            from_json(json.dumps(document), Article)

    @pytest.mark.parametrize("bad", ["\x85", "\x9f", "\x00"])
    def test_bad_characters_are_found_escaped_or_raw(self, bad):
        """A bad character is refused whether the JSON escapes it or holds it raw (C1)."""
        document = article_dict()
        document["paragraphs"] = [f"Officials{bad} met."]
        escaped = json.dumps(document)
        raw = json.dumps(document, ensure_ascii=False)
        for text in (escaped, escaped.encode(), raw.encode() if bad != "\x00" else escaped):
            with pytest.raises(ValidationError) as caught:
                from_json(text, Article)
            assert [(p.code, p.path) for p in caught.value.problems] == [
                ("bad_text", "$.paragraphs[0]")
            ]

    def test_tab_and_newline_are_text(self):
        """Tab and line feed are allowed in a paragraph and round-trip through JSON."""
        document = article_dict()
        document["paragraphs"] = ["Officials\tmet.\nThen left."]
        article = from_dict(document, Article)
        assert from_json(to_json(article), Article) == article
        assert SCHEMA.is_valid(document)
