"""Corruption fuzzing: break one thing in a valid document and both gates must say where.

Each corruption takes the JSON dict of a generated article, breaks one value, and returns
the JSON path it broke. Our loader must refuse the document with a problem at that path;
where JSON Schema can say the rule, the published schema must refuse it too.
"""

import copy
import typing
from datetime import date, timedelta
from enum import Enum

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from sahel_news.convert import from_dict, json_schema, to_dict
from sahel_news.errors import SchemaVersionError, ValidationError
from sahel_news.models import Article, DateRange, Mention, Participant
from sahel_news.strategies import articles

# Hundreds of generated articles, each corrupted and checked by two gates: CI runs these
# with `-m slow`.
pytestmark = pytest.mark.slow

SCHEMA = Draft202012Validator(
    json_schema(Article), format_checker=Draft202012Validator.FORMAT_CHECKER
)
PRIMITIVES = (str, int, float, bool)


def records(document, cls, path="$"):
    """Every (path, dict, model class) of a document, the root first."""
    yield path, document, cls
    for field in attrs.fields(attrs.resolve_types(cls)):
        yield from _records_in(document[field.name], field.type, f"{path}.{field.name}")


def _records_in(value, tp, path):
    if value is None:
        return
    if isinstance(tp, type) and attrs.has(tp):
        yield from records(value, tp, path)
    elif typing.get_origin(tp) is tuple:
        for index, item in enumerate(value):
            yield from _records_in(item, typing.get_args(tp)[0], f"{path}[{index}]")
    elif typing.get_args(tp):  # X | None
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        yield from _records_in(value, inner, path)


def leaves(document):
    """Every (path, dict, key, type) of a non-null scalar field of a document."""
    for path, record, cls in records(document, Article):
        for field in attrs.fields(cls):
            tp = field.type
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if typing.get_origin(tp) is not tuple and len(args) == 1:
                tp = args[0]
            if record[field.name] is not None and (
                tp in (*PRIMITIVES, date)
                or issubclass(type(tp), type(Enum))
                or tp.__name__ == "datetime"
            ):
                yield f"{path}.{field.name}", record, field.name, tp


def pick(data, items, label):
    assert items, f"no {label} to corrupt"
    return data.draw(st.sampled_from(items), label=label)


def wrong_type(data, document):
    path, record, key, tp = pick(data, list(leaves(document)), "leaf")
    record[key] = "7" if tp in (int, float) else (0 if tp is bool else 7)
    return path


def bad_text(data, document):
    texts = [(p, r, k) for p, r, k, tp in leaves(document) if tp is str]
    path, record, key = pick(data, texts, "text")
    bad = data.draw(st.sampled_from(["\x00", "\x1b", "\x7f", "\x85", "\ud800", "\udfff"]))
    record[key] = record[key][:1] + bad + record[key][1:]
    return path


def huge_integer(data, document):
    numbers = [(p, r, k) for p, r, k, tp in leaves(document) if tp is int]
    path, record, key = pick(data, numbers, "integer")
    record[key] = data.draw(st.sampled_from([2**53, 2**63, 2**64, 10**30]))
    return path


def unknown_code(data, document):
    codes = [
        (path, record, key)
        for path, record, key, _ in leaves(document)
        if key in ("alpha2", "alpha3", "numeric", "country")
    ]
    path, record, key = pick(data, codes, "code")
    record[key] = {"alpha2": "QQ", "numeric": "999"}.get(key, "QQQ")
    return path


def bad_date(data, document):
    days = [(p, r, k) for p, r, k, tp in leaves(document) if tp is date]
    path, record, key = pick(data, days, "date")
    record[key] = data.draw(st.sampled_from(["2024-02-30", "05/06/2024", "2024-6-5", "June 5"]))
    return path


def naive_datetime(data, document):
    document["published"] = "2024-06-05T19:49:00"
    return "$.published"


def bad_enum(data, document):
    enums = [(p, r, k) for p, r, k, tp in leaves(document) if issubclass(type(tp), type(Enum))]
    path, record, key = pick(data, enums, "enum")
    record[key] = data.draw(st.sampled_from(["PERSON", "nonsense", "Headline", ""]))
    return path


def unknown_key(data, document):
    path, record, _ = pick(data, list(records(document, Article)), "record")
    record["surplus"] = True
    return f"{path}.surplus"


def missing_key(data, document):
    required = [
        (path, record, field.name)
        for path, record, cls in records(document, Article)
        for field in attrs.fields(cls)
        if field.default is attrs.NOTHING
    ]
    path, record, key = pick(data, required, "required field")
    del record[key]
    return f"{path}.{key}"


def dangling_reference(data, document):
    refs = [(p, r) for p, r, cls in records(document, Article) if cls is Participant]
    path, record = pick(data, refs, "participant")
    record["ref"] = "nobody-in-this-article"
    return f"{path}.ref"


def span_past_end(data, document):
    found = [(p, r) for p, r, cls in records(document, Article) if cls is Mention]
    path, record = pick(data, found, "mention")
    record["span"]["start"] += 10_000
    record["span"]["end"] += 10_000
    return f"{path}.span"


def earliest_after_latest(data, document):
    ranges = [(p, r) for p, r, cls in records(document, Article) if cls is DateRange]
    path, record = pick(data, ranges, "date range")
    record["earliest"] = (date.fromisoformat(record["latest"]) + timedelta(days=3)).isoformat()
    return f"{path}.earliest"


SCHEMA_EXPRESSES = [
    wrong_type,
    bad_text,
    huge_integer,
    unknown_code,
    bad_date,
    naive_datetime,
    bad_enum,
    unknown_key,
    missing_key,
]
LOADER_ONLY = [dangling_reference, span_past_end, earliest_after_latest]

# Sizes that make every corruption find something to break.
RICH = articles(min_actors=2, max_events=3).filter(
    lambda a: a.events and any(e.when for e in a.events) and a.page_date is not None
)


def loader_problems(document):
    with pytest.raises(ValidationError) as caught:
        from_dict(document, Article)
    return [problem.path for problem in caught.value.problems]


class TestCorruptions:
    @pytest.mark.parametrize("corrupt", SCHEMA_EXPRESSES + LOADER_ONLY, ids=lambda f: f.__name__)
    @given(article=RICH, data=st.data())
    def test_loader_names_the_corrupted_path(self, corrupt, article, data):
        """The loader refuses a corrupted document with a problem at the corrupted path."""
        document = copy.deepcopy(to_dict(article))
        path = corrupt(data, document)
        assert path in loader_problems(document)

    @pytest.mark.parametrize("corrupt", SCHEMA_EXPRESSES, ids=lambda f: f.__name__)
    @given(article=RICH, data=st.data())
    def test_schema_refuses_what_it_can_express(self, corrupt, article, data):
        """The published JSON Schema refuses the corruptions JSON Schema can express."""
        document = copy.deepcopy(to_dict(article))
        corrupt(data, document)
        assert not SCHEMA.is_valid(document)

    @pytest.mark.parametrize("corrupt", LOADER_ONLY, ids=lambda f: f.__name__)
    @given(article=RICH, data=st.data())
    def test_schema_cannot_express_whole_document_rules(self, corrupt, article, data):
        """Dangling references, spans past the end and reversed ranges pass the schema."""
        document = copy.deepcopy(to_dict(article))
        corrupt(data, document)
        assert SCHEMA.is_valid(document)

    @given(article=RICH, version=st.sampled_from(["0.9", "2.0", "1.0.1", "v1"]))
    def test_unknown_schema_version_is_refused_by_both(self, article, version):
        """An unknown schema_version raises SchemaVersionError and fails the schema."""
        document = copy.deepcopy(to_dict(article))
        document["schema_version"] = version
        with pytest.raises(SchemaVersionError) as caught:
            from_dict(document, Article)
        assert [p.path for p in caught.value.problems] == ["$.schema_version"]
        assert not SCHEMA.is_valid(document)
