"""Table schemas (attrs entry classes, JSON Schema), merging user tables by id, and errors."""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sahel_news import data
from sahel_news.data import (
    PLACE_KINDS,
    TABLES,
    DataTableError,
    add_data_dir,
    clear_caches,
    json_schema,
    month_names,
    place_table,
    table_info,
    table_words,
    weekday_names,
    word_set,
)
from sahel_news.data._tables import LANGUAGE_TABLES
from sahel_news.extract.entities._gazetteer import gazetteer_actors, org_rules, vocabulary
from sahel_news.extract.events._lexicon import find_triggers
from sahel_news.text._tokens import tokenize
from sahel_news.text._units import split_sentences

PACKAGE_TABLES = sorted(
    item.name.removesuffix(".json")
    for item in resources.files("sahel_news.data").iterdir()
    if item.name.endswith(".json")
)
# Each language's own tables: (language, table) for every data/<code>/<table>.json.
LANGUAGE_TABLES_FOUND = sorted(
    (folder.name, item.name.removesuffix(".json"))
    for folder in resources.files("sahel_news.data").iterdir()
    if folder.is_dir() and re.fullmatch(r"[a-z]{2,3}", folder.name)
    for item in folder.iterdir()
    if item.name.endswith(".json")
)
# Lists a language may leave empty: English elides no words.
_MAY_BE_EMPTY = frozenset({"elisions"})
_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")


@pytest.fixture(autouse=True)
def _fresh_tables(monkeypatch: pytest.MonkeyPatch):
    """Every test starts and ends with no user folders and empty caches."""
    monkeypatch.delenv(data.ENV_VAR, raising=False)
    monkeypatch.setattr(data, "_extra_dirs", [])
    clear_caches()
    yield
    monkeypatch.undo()
    clear_caches()


def _check_sections(sections, entries, origin: str) -> None:
    """Every list is filled (but those that may be empty), and every entry structures
    through cattrs into what the trusted path builds."""
    for section in sections:
        where, body = data._section_body(section, entries, origin)
        assert body or section.key in _MAY_BE_EMPTY, f"{where} is empty"
        for index, raw in enumerate(body):
            locator = functools.partial(data._locator, section, where, index, raw)
            trusted = data._read_entry(section, raw, locator, origin, trusted=True)
            checked = data._read_entry(section, raw, locator, origin, trusted=False)
            assert checked == trusted


def package_document(name: str) -> dict:
    text = resources.files("sahel_news.data").joinpath(f"{name}.json").read_text("utf-8")
    return json.loads(text)


def write_table(folder: Path, name: str, entries: object, **extra: object) -> Path:
    document = {"version": "0.0.1", "source": "test", "license": "CC0-1.0", **extra}
    document["entries"] = entries
    path = folder / f"{name}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _place_key(place: data.PlaceEntry) -> str:
    return place.name if place.country is None else f"{place.name}/{place.country}"


def raise_message(call) -> str:
    with pytest.raises(DataTableError) as caught:
        call()
    return str(caught.value)


class TestPackageTables:
    def test_every_table_file_has_a_layout(self):
        """Every JSON table of the package has a declared layout, and every layout a file."""
        assert sorted(TABLES) == PACKAGE_TABLES

    @pytest.mark.parametrize("name", PACKAGE_TABLES)
    def test_version_is_semantic(self, name):
        """Every table's version is MAJOR.MINOR.PATCH."""
        assert _SEMVER.fullmatch(table_info(name)["version"])

    @pytest.mark.parametrize(("language", "name"), LANGUAGE_TABLES_FOUND)
    def test_language_table_validates_through_cattrs(self, language, name):
        """A language's table is one the tables allow per language, and every entry is sound."""
        assert name in LANGUAGE_TABLES
        text = resources.files("sahel_news.data").joinpath(language, f"{name}.json").read_text()
        document = json.loads(text)
        assert _SEMVER.fullmatch(document["version"])
        origin = f"sahel_news/data/{language}/{name}.json"
        entries = document["entries"]
        given = [s for s in TABLES[name] if s.key is None or s.key in entries]
        assert given, f"{origin} gives no list"
        _check_sections(given, entries, origin)

    @pytest.mark.parametrize("name", PACKAGE_TABLES)
    def test_table_validates_through_cattrs(self, name):
        """Every package entry structures through cattrs into what the trusted path builds."""
        document = package_document(name)
        _check_sections(TABLES[name], document["entries"], f"sahel_news/data/{name}.json")

    @pytest.mark.parametrize("name", PACKAGE_TABLES)
    def test_table_validates_against_its_json_schema(self, name):
        """Every package table is valid under the JSON Schema made from its entry classes."""
        schema = json_schema(name)
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(package_document(name), schema)

    @pytest.mark.parametrize("name", PACKAGE_TABLES)
    def test_json_schema_refuses_an_unknown_key(self, name):
        """The JSON Schema of a table refuses a misspelt entry key, as the loader does."""
        document = package_document(name)
        entries = document["entries"]
        if isinstance(entries, list):
            entries[0] = {**entries[0], "alias": ["x"]}
        else:
            entries["misspelt"] = []
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(document, json_schema(name))

    @pytest.mark.parametrize("name", PACKAGE_TABLES)
    def test_ids_are_unique_in_the_package(self, name):
        """No two package entries of a section share an id, so merging by id loses none."""
        document = package_document(name)
        for section in TABLES[name]:
            _where, body = data._section_body(section, document["entries"], name)
            ids = [data.entry_id(section, raw) for raw in body]
            if section.entry is None:
                continue  # a word list; a repeated word is one word
            assert None not in ids
            assert len(ids) == len(set(ids))


class TestOneSourceOfMonths:
    def test_month_names_come_from_time_words(self):
        """The twelve month names and their abbreviations are read from time_words.json."""
        assert month_names()[:2] == ("january", "february")
        assert len(month_names()) == 12
        assert "sept" in month_names(abbreviated=True)
        assert weekday_names()[0] == "monday"

    def test_no_word_list_repeats_a_month(self):
        """No other table lists a month or weekday name: they are read from time_words.json."""
        calendar = {*month_names(), *month_names(abbreviated=True), *weekday_names()}
        for name in ("titles", "words"):
            for section in TABLES[name]:
                words = {w.lower() for w in table_words(name, section.key)}
                assert not words & calendar, (name, section.key)

    def test_month_abbreviations_stop_no_sentence(self):
        """ "Jan." before a capital ends no sentence, because time_words.json says it is one."""
        assert split_sentences("Talks ended on Jan. Friday came.") == [(0, 32)]

    def test_months_and_weekdays_are_no_names(self):
        """Month and weekday names are never taken for a person's name."""
        assert {"January", "Sept", "Monday"} <= vocabulary().not_names


class TestMergeById:
    def test_a_user_place_replaces_in_place(self, tmp_path):
        """A user place with a package place's id takes its position."""
        before = [p.name for p in place_table()].index("Kidal")
        write_table(tmp_path, "places", [{"name": "Kidal", "country": "MLI", "kind": "city"}])
        add_data_dir(tmp_path)
        assert [p.name for p in place_table()].index("Kidal") == before
        assert place_table()[before].kind == "city"

    def test_remove_takes_a_place_out(self, tmp_path):
        """'remove' takes the package place of that id out."""
        write_table(tmp_path, "places", [], remove=["Kidal/MLI"])
        add_data_dir(tmp_path)
        assert "Kidal" not in {p.name for p in place_table()}

    def test_remove_takes_an_actor_out(self, tmp_path):
        """'remove' in organisations.json takes ECOWAS out of the gazetteer."""
        write_table(tmp_path, "organisations", [], remove=["ecowas"])
        add_data_dir(tmp_path)
        assert "ecowas" not in gazetteer_actors()
        assert "aes" in gazetteer_actors()

    def test_user_titles_add_to_a_list(self, tmp_path):
        """A user list of titles.json adds words instead of replacing the package's list."""
        write_table(tmp_path, "titles", {"ranks": ["Comrade"]}, remove={"ranks": ["Sheikh"]})
        add_data_dir(tmp_path)
        ranks = vocabulary().ranks
        assert "Comrade" in ranks
        assert "General" in ranks
        assert "Sheikh" not in ranks

    def test_a_user_abbreviation_keeps_a_sentence_whole(self, tmp_path):
        """A word added to words.json's abbreviations stops splitting sentences after it."""
        text = "See cf. Smith for more."
        assert len(split_sentences(text)) == 2
        write_table(tmp_path, "words", {"abbreviations": ["cf"]})
        add_data_dir(tmp_path)
        assert len(split_sentences(text)) == 1
        assert "mr" in word_set("abbreviations")

    def test_a_user_trigger_group_replaces_the_package_group(self, tmp_path):
        """A trigger group with a package id replaces it: its dropped phrases match no more."""
        assert find_triggers(tokenize("Mali received the envoy"))
        group = {"id": "consult-043-host", "type": "CONSULT", "cameo": "043", "verbs": ["hosts"]}
        write_table(tmp_path, "triggers", [group])
        add_data_dir(tmp_path)
        assert not find_triggers(tokenize("Mali received the envoy"))
        (match,) = find_triggers(tokenize("Mali hosts the envoy"))
        assert match.entry.cameo == "043"

    def test_a_trigger_group_without_id_is_added(self, tmp_path):
        """A user trigger group with no id is added next to the package's."""
        group = {"type": "ASSAULT", "cameo": "190", "verbs": ["raided"]}
        write_table(tmp_path, "triggers", [group])
        add_data_dir(tmp_path)
        (match,) = find_triggers(tokenize("Gunmen raided the camp"))
        assert match.entry.cameo == "190"

    def test_removing_an_unknown_id_is_an_error(self, tmp_path):
        """Removing an id no earlier table holds names the file and the id."""
        path = write_table(tmp_path, "places", [], remove=["Atlantis/MLI"])
        add_data_dir(tmp_path)
        message = raise_message(place_table)
        assert message.startswith(str(path))
        assert "'Atlantis/MLI'" in message

    def test_a_user_table_may_name_some_lists_only(self, tmp_path):
        """A user org_heads.json with adjectives only keeps every package template and set."""
        write_table(tmp_path, "org_heads", {"adjectives": ["putschist"]})
        add_data_dir(tmp_path)
        rules = org_rules()
        assert "putschist" in rules.adjectives
        assert "junta" in rules.templates
        assert "military_ruled" in rules.country_sets

    @settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(choice=st.data())
    def test_merging_is_a_mapping_by_id(self, tmp_path, choice):
        """Adding, replacing and removing places gives what an ordered mapping by id gives."""
        package = {_place_key(p): p for p in place_table()}
        removed = choice.draw(st.lists(st.sampled_from(sorted(package)), unique=True, max_size=4))
        user = choice.draw(
            st.lists(
                st.builds(
                    data.PlaceEntry,
                    name=st.sampled_from(["Kidal", "Gao", "Newtown", "Oldtown"]),
                    country=st.sampled_from(["MLI", "NER", None]),
                    kind=st.sampled_from(PLACE_KINDS),
                ),
                unique_by=_place_key,
                max_size=5,
            )
        )
        entries = [{"name": p.name, "country": p.country, "kind": p.kind} for p in user]
        folder = tmp_path / "merge"
        folder.mkdir(exist_ok=True)
        write_table(folder, "places", entries, remove=removed)
        expected = dict(package)
        for place in user:
            expected[_place_key(place)] = place
        for ident in removed:
            del expected[ident]
        data._extra_dirs[:] = [folder]
        clear_caches()
        try:
            merged = place_table()
        finally:
            data._extra_dirs.clear()
            clear_caches()
        assert list(merged) == list(expected.values())

    def test_later_folders_win(self, tmp_path):
        """Of two user folders, the later one's entry is the one kept."""
        first, second = tmp_path / "a", tmp_path / "b"
        first.mkdir()
        second.mkdir()
        write_table(first, "fips", {"NER": "ZZ"})
        write_table(second, "fips", {"NER": "ZY"})
        add_data_dir(first)
        add_data_dir(second)
        assert data.fips_table()["NER"] == "ZY"


# (table, entries, remove or None, what the message must hold)
_BROKEN = [
    (
        "triggers",
        [{"id": "raid", "type": "ASSAULT", "verbs": ["raid"]}, {"id": "x", "verbs": "raided"}],
        None,
        ["entries[1] ('x')", "expected a list of strings", "entries[1].verbs"],
    ),
    (
        "triggers",
        [{"id": "x", "type": "ASSAULT", "verb": ["raid"]}],
        None,
        ["extra fields", "verb"],
    ),
    ("triggers", [{"id": "x", "type": "NOPE", "verbs": ["raid"]}], None, ["('x')", "PLOVER type"]),
    ("people", [{"id": "p", "name": "P", "country": 3}], None, ["entries[0] ('p')", "country"]),
    ("people", [{"id": "p", "name": "P", "country": "ZZZ"}], None, ["('p')", "unknown country"]),
    ("places", [{"name": "Kaya", "kind": "village"}], None, ["entries[0] ('Kaya')", "kind"]),
    ("places", [], {"Kidal": []}, ["remove: expected a list of ids"]),
    ("time_words", [{"kind": "month", "word": "Brumaire", "value": 13}], None, ["1 to 12"]),
    ("time_words", [{"kind": "era", "word": "x"}], None, ["entries[0] ('x')", "kind"]),
    ("boilerplate", [{"kind": "ads", "phrase": "Sponsored"}], None, ["('Sponsored')", "kind"]),
    ("words", {"abbreviations": [""]}, None, ["entries.abbreviations[0]", "non-blank"]),
    ("words", {"abreviations": ["cf"]}, None, ["entries: unknown list 'abreviations'"]),
    ("words", {}, {"abreviations": ["cf"]}, ["remove: unknown list 'abreviations'"]),
    ("titles", {}, ["Comrade"], ["remove: expected an object"]),
    ("countries", {"MLI": {"names": "Mali"}}, None, ["entries.MLI", "MLI.names"]),
    ("org_heads", {"templates": [{"id": "t", "forms": []}]}, None, ["('t')", "at least one form"]),
    ("org_heads", {"templates": [{"id": "t", "forms": ["x"], "kind": "cabal"}]}, None, ["kind"]),
]


def _load_everything() -> None:
    for name in PACKAGE_TABLES:
        data._load(name)
    vocabulary()
    gazetteer_actors()
    org_rules()
    find_triggers(tokenize("x"))
    split_sentences("x. Y")
    from sahel_news.capture._boilerplate import boilerplate
    from sahel_news.extract.time._vocab import vocabulary as time_vocabulary

    boilerplate()
    time_vocabulary()


class TestBrokenUserTables:
    @pytest.mark.parametrize(("name", "entries", "remove", "expected"), _BROKEN)
    def test_message_names_file_entry_and_reason(self, tmp_path, name, entries, remove, expected):
        """A broken user table's error starts with its path and says which entry and why."""
        extra = {} if remove is None else {"remove": remove}
        path = write_table(tmp_path, name, entries, **extra)
        add_data_dir(tmp_path)
        message = raise_message(_load_everything)
        assert message.startswith(f"{path}: ")
        for part in expected:
            assert part in message

    @settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        entries=st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=5),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.sampled_from(["name", "country", "kind", "aliases"]), inner)
            ),
            max_leaves=8,
        ),
        name=st.sampled_from(["places", "people", "triggers", "words", "countries"]),
    )
    def test_any_user_table_loads_or_raises_a_data_table_error(self, tmp_path, entries, name):
        """Whatever a user table holds, loading it succeeds or raises DataTableError only."""
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        write_table(folder, name, entries)
        data._extra_dirs[:] = [folder]
        clear_caches()
        message = ""
        try:
            data._load(name)
        except DataTableError as error:
            message = str(error)
        finally:
            data._extra_dirs.clear()
            clear_caches()
        assert not message or message.startswith(str(folder))
