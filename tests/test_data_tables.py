"""The shipped data tables: shape, ISO codes, surface-form collisions, FIPS traps, user tables."""

from __future__ import annotations

import json
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sahel_news
from sahel_news import data
from sahel_news.data import (
    PLACE_KINDS,
    DataTableError,
    add_data_dir,
    clear_caches,
    country_table,
    fips_table,
    load_entries,
    place_table,
    table_info,
)
from sahel_news.errors import SahelNewsError
from sahel_news.models import PlaceKind
from sahel_news.models.country import Country

# The 193 member states of the United Nations, by ISO 3166-1 alpha-3 code.
_UN_MEMBER_CODES = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE
DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM
GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT
KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO
MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL
POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF
SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR
USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""
UN_MEMBERS = tuple(_UN_MEMBER_CODES.split())

ISO_ALPHA3 = frozenset(c.alpha_3 for c in pycountry.countries)

PACKAGE_TABLES = sorted(
    item.name.removesuffix(".json")
    for item in resources.files("sahel_news.data").iterdir()
    if item.name.endswith(".json")
)


def fold(text: str) -> str:
    """Case, accents and apostrophe style removed, as the recognizers compare forms."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def country_forms(entry: data.CountryEntry) -> tuple[str, ...]:
    return entry.names + entry.demonyms + entry.capitals + entry.seats


def form_index() -> dict[str, set[str]]:
    """Folded surface form -> the alpha-3 codes of every entry that has it."""
    index: dict[str, set[str]] = defaultdict(set)
    for alpha3, entry in country_table().items():
        for form in country_forms(entry):
            index[fold(form)].add(alpha3)
    return index


def assert_no_duplicates(cases: Sequence[tuple[object, ...]]) -> None:
    keys = [case[0] for case in cases]
    assert len(keys) == len(set(keys)), "the case table repeats an input"


@pytest.fixture(autouse=True)
def _fresh_tables(monkeypatch: pytest.MonkeyPatch):
    """Every test starts and ends with no user folders and empty caches."""
    monkeypatch.delenv(data.ENV_VAR, raising=False)
    monkeypatch.setattr(data, "_extra_dirs", [])
    clear_caches()
    yield
    monkeypatch.undo()
    clear_caches()


class TestEveryTable:
    def test_the_package_ships_the_core_tables(self):
        """The country, place and FIPS tables are among the package's JSON files."""
        assert {"countries", "places", "fips"} <= set(PACKAGE_TABLES)

    @pytest.mark.parametrize("name", PACKAGE_TABLES)
    def test_table_carries_version_source_and_license(self, name):
        """Each table states a dotted version, a source note and a licence."""
        info = table_info(name)
        version = info.get("version")
        assert isinstance(version, str)
        assert all(part.isdigit() for part in version.split("."))
        assert isinstance(info.get("source"), str)
        assert info["source"].strip()
        assert isinstance(info.get("license"), str)
        assert info["license"].strip()

    @pytest.mark.parametrize("name", PACKAGE_TABLES)
    def test_table_has_entries(self, name):
        """Each table loads through load_entries and is not empty."""
        assert len(load_entries(name)) > 0

    @pytest.mark.parametrize("name", PACKAGE_TABLES)
    def test_table_file_is_utf8_json_object(self, name):
        """Each file parses as a JSON object with an entries list or object."""
        text = resources.files("sahel_news.data").joinpath(f"{name}.json").read_text("utf-8")
        document = json.loads(text)
        assert isinstance(document["entries"], list | dict)


class TestCountryTable:
    def test_un_member_list_is_complete(self):
        """The test's UN list holds 193 distinct current ISO codes."""
        assert len(UN_MEMBERS) == 193
        assert len(set(UN_MEMBERS)) == 193
        assert set(UN_MEMBERS) <= ISO_ALPHA3

    def test_every_key_is_a_current_iso_code(self):
        """Every key of the table is a current ISO 3166-1 alpha-3 code."""
        assert set(country_table()) <= ISO_ALPHA3

    def test_every_un_member_has_an_entry(self):
        """All 193 UN member states are in the table."""
        assert set(UN_MEMBERS) - set(country_table()) == set()

    @pytest.mark.parametrize("alpha3", ["PSE", "VAT", "TWN", "HKG", "ESH"])
    def test_observers_and_territories_news_names_are_covered(self, alpha3):
        """Palestine, the Holy See and territories news names have entries."""
        assert alpha3 in country_table()

    def test_kosovo_is_left_out(self):
        """Kosovo, with no ISO 3166-1 code, is not in the table."""
        assert "XKX" not in country_table()
        assert "kosovo" not in form_index()

    def test_every_entry_has_a_name(self):
        """Every entry names its country at least once."""
        assert all(entry.names for entry in country_table().values())

    DISPLAY_NAMES = (
        ("MLI", "Mali"),
        ("NER", "Niger"),
        ("NGA", "Nigeria"),
        ("BFA", "Burkina Faso"),
        ("TCD", "Chad"),
        ("CIV", "Côte d'Ivoire"),
        ("COD", "DR Congo"),
        ("COG", "Congo"),
        ("RUS", "Russia"),
        ("USA", "United States"),
        ("GBR", "United Kingdom"),
        ("MMR", "Myanmar"),
        ("SWZ", "Eswatini"),
        ("PSE", "Palestine"),
    )

    def test_display_name_table_has_no_duplicates(self):
        """The display-name case table names each country once."""
        assert_no_duplicates(self.DISPLAY_NAMES)

    @pytest.mark.parametrize(("alpha3", "display"), DISPLAY_NAMES)
    def test_first_name_is_the_short_display_name(self, alpha3, display):
        """The first name is the short name news writes, not the ISO long form."""
        assert country_table()[alpha3].names[0] == display

    FORMS = (
        ("Niger", "NER"),
        ("Nigeria", "NGA"),
        ("Nigerien", "NER"),
        ("Nigériens", "NER"),
        ("Nigerian", "NGA"),
        ("Niamey", "NER"),
        ("Bamako", "MLI"),
        ("Malians", "MLI"),
        ("Koulouba", "MLI"),
        ("Burkinabe", "BFA"),
        ("Burkinabè", "BFA"),
        ("Burkina", "BFA"),
        ("Ouagadougou", "BFA"),
        ("Kosyam", "BFA"),
        ("N'Djamena", "TCD"),
        ("Ndjamena", "TCD"),
        ("Chadian", "TCD"),
        ("Guinea", "GIN"),
        ("Guinea-Bissau", "GNB"),
        ("Bissau-Guinean", "GNB"),
        ("Equatorial Guinea", "GNQ"),
        ("Papua New Guinea", "PNG"),
        ("Congo", "COG"),
        ("Congo-Brazzaville", "COG"),
        ("DRC", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("Sudan", "SDN"),
        ("South Sudan", "SSD"),
        ("South Sudanese", "SSD"),
        ("Dominica", "DMA"),
        ("Dominican Republic", "DOM"),
        ("Austria", "AUT"),
        ("Australia", "AUS"),
        ("North Korea", "PRK"),
        ("South Korea", "KOR"),
        ("Ivory Coast", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Ivorian", "CIV"),
        ("Russian Federation", "RUS"),
        ("the Kremlin", "RUS"),
        ("Moscow", "RUS"),
        ("the US", "USA"),
        ("U.S.", "USA"),
        ("USA", "USA"),
        ("America", "USA"),
        ("the White House", "USA"),
        ("Washington", "USA"),
        ("Britain", "GBR"),
        ("U.K.", "GBR"),
        ("Downing Street", "GBR"),
        ("the Elysee", "FRA"),
        ("the Élysée", "FRA"),
        ("Quai d'Orsay", "FRA"),
        ("Frenchman", "FRA"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Czech Republic", "CZE"),
        ("Burma", "MMR"),
        ("Swaziland", "SWZ"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Aso Rock", "NGA"),
        ("Abuja", "NGA"),
        ("Algiers", "DZA"),
        ("Nouakchott", "MRT"),
        ("Dakar", "SEN"),
        ("Rabat", "MAR"),
        ("Beijing", "CHN"),
        ("London", "GBR"),
        ("Paris", "FRA"),
    )

    def test_form_table_has_no_duplicates(self):
        """The surface-form case table lists each form once."""
        assert_no_duplicates(self.FORMS)

    @pytest.mark.parametrize(("form", "alpha3"), FORMS)
    def test_form_belongs_to_the_right_country(self, form, alpha3):
        """A trap-prone surface form maps to its own country and no other."""
        assert form_index()[fold(form)] == {alpha3}

    def test_shared_forms_are_ambiguous_in_every_owner(self):
        """A form found in two entries is marked ambiguous in both."""
        table = country_table()
        clashes = {}
        for form, owners in form_index().items():
            if len(owners) > 1:
                unmarked = {a for a in owners if form not in {fold(x) for x in table[a].ambiguous}}
                if unmarked:
                    clashes[form] = sorted(unmarked)
        assert clashes == {}

    def test_congolese_is_shared_and_ambiguous(self):
        """Congolese belongs to both Congos and needs context in both."""
        table = country_table()
        assert form_index()["congolese"] == {"COG", "COD"}
        assert "Congolese" in table["COG"].ambiguous
        assert "Congolese" in table["COD"].ambiguous

    def test_ambiguous_forms_are_forms_of_the_entry(self):
        """Every ambiguous form is one of the entry's own names, demonyms, capitals or seats."""
        for alpha3, entry in country_table().items():
            assert set(entry.ambiguous) <= set(country_forms(entry)), alpha3

    def test_no_form_repeats_within_an_entry(self):
        """No entry lists the same form twice, in one field or across fields."""
        for alpha3, entry in country_table().items():
            forms = country_forms(entry)
            assert len(forms) == len(set(forms)), alpha3

    @pytest.mark.parametrize(
        ("alpha3", "form"),
        [
            ("TCD", "Chad"),
            ("NER", "Niger"),
            ("JOR", "Jordan"),
            ("GEO", "Georgia"),
            ("TUR", "Turkey"),
            ("GIN", "Guinea"),
            ("COG", "Congo"),
            ("USA", "Washington"),
            ("FRA", "Paris"),
        ],
    )
    def test_everyday_words_are_marked_ambiguous(self, alpha3, form):
        """Country forms that are also names, rivers, states or birds need context."""
        assert form in country_table()[alpha3].ambiguous

    @pytest.mark.parametrize(
        "bloc", ["Sahel", "West Africa", "EU", "European Union", "ECOWAS", "AES", "Africa"]
    )
    def test_regions_and_blocs_are_not_countries(self, bloc):
        """Regions and blocs are no surface form of any country."""
        assert fold(bloc) not in form_index()

    def test_names_feed_country_lookup(self):
        """Country.lookup finds a country by an alternative name of the table."""
        assert Country.lookup("Ivory Coast").alpha3 == "CIV"
        assert Country.lookup("Congo-Kinshasa").alpha3 == "COD"
        assert Country.from_code("RUS").name == "Russia"

    @given(st.sampled_from(sorted(form_index().items())))
    def test_unambiguous_forms_have_one_owner(self, item):
        """A form no entry marks ambiguous belongs to exactly one country."""
        form, owners = item
        table = country_table()
        marked = any(form in {fold(x) for x in table[a].ambiguous} for a in owners)
        assert marked or len(owners) == 1


FIPS_TRAPS = [
    ("NER", "NG"),
    ("NGA", "NI"),
    ("BFA", "UV"),
    ("TCD", "CD"),
    ("COD", "CG"),
    ("COG", "CF"),
    ("DEU", "GM"),
    ("ESP", "SP"),
    ("DZA", "AG"),
    ("BEN", "BN"),
    ("MLI", "ML"),
    ("MRT", "MR"),
    ("SEN", "SG"),
    ("GIN", "GV"),
    ("GNB", "PU"),
    ("GMB", "GA"),
    ("SDN", "SU"),
    ("SSD", "OD"),
    ("RUS", "RS"),
    ("USA", "US"),
    ("FRA", "FR"),
    ("GBR", "UK"),
    ("CHN", "CH"),
    ("MAR", "MO"),
    ("LBY", "LY"),
    ("CMR", "CM"),
    ("CIV", "IV"),
    ("GHA", "GH"),
    ("TGO", "TO"),
    ("SLE", "SL"),
    ("LBR", "LI"),
    ("UKR", "UP"),
    ("TUR", "TU"),
    ("IRN", "IR"),
    ("ISR", "IS"),
    ("JPN", "JA"),
    ("KOR", "KS"),
    ("PRK", "KN"),
    ("CAF", "CT"),
    ("GNQ", "EK"),
    ("AUT", "AU"),
    ("AUS", "AS"),
    ("DMA", "DO"),
    ("DOM", "DR"),
    ("ESH", "WI"),
]


class TestFipsTable:
    def test_trap_table_has_no_duplicates(self):
        """The FIPS case table lists each country once."""
        assert_no_duplicates(FIPS_TRAPS)

    @pytest.mark.parametrize(("alpha3", "fips"), FIPS_TRAPS)
    def test_trap_maps_right(self, alpha3, fips):
        """Countries whose FIPS code differs from ISO alpha-2 get the FIPS code."""
        assert fips_table()[alpha3] == fips

    def test_codes_are_two_upper_case_letters(self):
        """Every FIPS code is two upper-case ASCII letters."""
        for code in fips_table().values():
            assert len(code) == 2
            assert code.isascii()
            assert code.isalpha()
            assert code.isupper()

    def test_codes_are_unique(self):
        """No two countries share a FIPS code."""
        codes = list(fips_table().values())
        assert len(codes) == len(set(codes))

    def test_every_country_but_palestine_has_a_code(self):
        """Only Palestine, split by FIPS into West Bank and Gaza, lacks a code."""
        assert set(country_table()) - set(fips_table()) == {"PSE"}

    def test_keys_are_countries_of_the_table(self):
        """The FIPS table names no country the country table lacks."""
        assert set(fips_table()) <= set(country_table())

    @given(st.sampled_from(sorted(fips_table().items())))
    def test_mapping_inverts(self, pair):
        """A FIPS code leads back to the one alpha-3 code it came from."""
        alpha3, fips = pair
        inverse = {code: key for key, code in fips_table().items()}
        assert inverse[fips] == alpha3


class TestPlaceTable:
    def test_kinds_match_the_place_kind_enum(self):
        """PLACE_KINDS holds exactly the PlaceKind values."""
        assert set(PLACE_KINDS) == {kind.value for kind in PlaceKind}

    def test_every_kind_is_a_place_kind(self):
        """Every place's kind is a PlaceKind value."""
        assert {place.kind for place in place_table()} <= set(PLACE_KINDS)

    def test_every_country_is_a_current_iso_code(self):
        """Every place lies in a current ISO country, or in none for cross-border features."""
        countries = {place.country for place in place_table()} - {None}
        assert countries <= ISO_ALPHA3

    def test_every_country_has_a_country_entry(self):
        """Every place's country is a key of the country table, so recognizers can resolve it."""
        countries = {place.country for place in place_table()} - {None}
        assert countries <= set(country_table())

    def test_capitals_agree_with_the_country_table(self):
        """A place of kind capital is one of its country's capitals in countries.json."""
        table = country_table()
        for place in place_table():
            if place.kind == "capital":
                assert place.country is not None
                assert place.name in table[place.country].capitals, place.name

    def test_gazetteer_is_large(self):
        """The gazetteer lists at least 150 places."""
        assert len(place_table()) >= 150

    def test_no_surface_form_belongs_to_two_places(self):
        """A name or alias, folded, names one place only."""
        owners: dict[str, set[str]] = defaultdict(set)
        for place in place_table():
            for form in (place.name, *place.aliases):
                owners[fold(form)].add(place.name)
        assert {form: names for form, names in owners.items() if len(names) > 1} == {}

    def test_accented_forms_have_a_plain_alias(self):
        """Every accented name or alias has its unaccented spelling among the forms."""
        for place in place_table():
            forms = {place.name, *place.aliases}
            for form in forms:
                plain = "".join(
                    ch
                    for ch in unicodedata.normalize("NFKD", form)
                    if not unicodedata.combining(ch)
                )
                assert plain in forms, form

    def test_no_country_is_a_place(self):
        """No place shares a surface form with a country name."""
        country_names = {fold(n) for e in country_table().values() for n in e.names}
        clashes = [p.name for p in place_table() if fold(p.name) in country_names]
        assert clashes == []

    PLACES = (
        ("Bamako", "MLI", "capital"),
        ("Niamey", "NER", "capital"),
        ("Ouagadougou", "BFA", "capital"),
        ("N'Djamena", "TCD", "capital"),
        ("Nouakchott", "MRT", "capital"),
        ("Dakar", "SEN", "capital"),
        ("Abuja", "NGA", "capital"),
        ("Algiers", "DZA", "capital"),
        ("Moscow", "RUS", "capital"),
        ("Paris", "FRA", "capital"),
        ("Washington", "USA", "capital"),
        ("Timbuktu", "MLI", "city"),
        ("Kidal", "MLI", "town"),
        ("Ménaka", "MLI", "town"),
        ("Tinzaouaten", "MLI", "town"),
        ("Agadez", "NER", "city"),
        ("Tillabéri", "NER", "town"),
        ("Djibo", "BFA", "town"),
        ("Bobo-Dioulasso", "BFA", "city"),
        ("Abéché", "TCD", "city"),
        ("Tamanrasset", "DZA", "city"),
        ("Maiduguri", "NGA", "city"),
        ("Niger State", "NGA", "region"),
        ("Lake Chad", None, "other"),
    )

    def test_place_case_table_has_no_duplicates(self):
        """The place case table lists each place once."""
        assert_no_duplicates(self.PLACES)

    @pytest.mark.parametrize(("name", "country", "kind"), PLACES)
    def test_place_has_its_country_and_kind(self, name, country, kind):
        """Key Sahel places sit in the right country with the right kind."""
        found = [p for p in place_table() if p.name == name]
        assert [(p.country, p.kind) for p in found] == [(country, kind)]

    @pytest.mark.parametrize(
        ("alias", "name"),
        [
            ("Tombouctou", "Timbuktu"),
            ("Menaka", "Ménaka"),
            ("Tillaberi", "Tillabéri"),
            ("Segou", "Ségou"),
            ("Tin Zaouatene", "Tinzaouaten"),
            ("Ndjamena", "N'Djamena"),
        ],
    )
    def test_spelling_variants_are_aliases(self, alias, name):
        """French and unaccented spellings are aliases of the place."""
        (place,) = (p for p in place_table() if p.name == name)
        assert alias in place.aliases


def write_table(folder: Path, name: str, entries: object, **notes: str) -> Path:
    document = {"version": "0.0.1", "source": "test", "license": "CC0-1.0", **notes}
    document["entries"] = entries
    path = folder / f"{name}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


class TestUserTables:
    def test_env_folder_overrides_a_country(self, tmp_path, monkeypatch):
        """A user countries.json named by SAHEL_NEWS_DATA replaces a package entry."""
        write_table(tmp_path, "countries", {"MLI": {"names": ["Mali Republic"]}})
        monkeypatch.setenv(data.ENV_VAR, str(tmp_path))
        clear_caches()
        assert country_table()["MLI"].names == ("Mali Republic",)
        assert country_table()["NER"].names[0] == "Niger"

    def test_added_folder_extends_the_fips_table(self, tmp_path):
        """A folder given to add_data_dir adds and overrides FIPS codes."""
        write_table(tmp_path, "fips", {"NER": "ZZ", "ATA": "AY"})
        add_data_dir(tmp_path)
        assert fips_table()["NER"] == "ZZ"
        assert fips_table()["ATA"] == "AY"
        assert fips_table()["NGA"] == "NI"

    def test_user_places_add_and_replace(self, tmp_path):
        """User places are appended, and one with a package place's name and country replaces it."""
        write_table(
            tmp_path,
            "places",
            [
                {"name": "Kidal", "aliases": ["Kidal town"], "country": "MLI", "kind": "city"},
                {"name": "Tinfadimata", "country": "MLI", "kind": "town"},
            ],
        )
        add_data_dir(tmp_path)
        kidal = [p for p in place_table() if p.name == "Kidal"]
        assert [(p.kind, p.aliases) for p in kidal] == [("city", ("Kidal town",))]
        assert place_table()[-1].name == "Tinfadimata"

    def test_clear_caches_forgets_user_tables(self, tmp_path, monkeypatch):
        """After the env var goes and caches clear, package entries come back."""
        write_table(tmp_path, "fips", {"NER": "ZZ"})
        monkeypatch.setenv(data.ENV_VAR, str(tmp_path))
        clear_caches()
        assert fips_table()["NER"] == "ZZ"
        monkeypatch.delenv(data.ENV_VAR)
        clear_caches()
        assert fips_table()["NER"] == "NG"

    def test_add_data_dir_rejects_a_missing_folder(self, tmp_path):
        """add_data_dir raises DataTableError for a path that is not a folder."""
        with pytest.raises(DataTableError, match="not a folder"):
            add_data_dir(tmp_path / "nowhere")

    def test_broken_json_names_the_file(self, tmp_path):
        """A user table that is not JSON raises DataTableError naming its path."""
        path = tmp_path / "countries.json"
        path.write_text('{"entries": {', encoding="utf-8")
        add_data_dir(tmp_path)
        with pytest.raises(DataTableError) as caught:
            country_table()
        assert str(path) in str(caught.value)

    def test_table_without_entries_names_the_file(self, tmp_path):
        """A user table with no entries raises DataTableError naming its path."""
        path = tmp_path / "places.json"
        path.write_text('{"version": "1"}', encoding="utf-8")
        add_data_dir(tmp_path)
        with pytest.raises(DataTableError) as caught:
            place_table()
        assert str(path) in str(caught.value)

    @pytest.mark.parametrize(
        ("entry", "field"),
        [
            ({"name": "Kaya", "country": "BFA", "kind": "village"}, "kind"),
            ({"name": "Kaya", "country": "bf", "kind": "town"}, "country"),
            ({"name": "", "country": "BFA", "kind": "town"}, "name"),
            ({"name": "Kaya", "aliases": "Kaya city", "kind": "town"}, "aliases"),
            ("Kaya", "expected an object"),
        ],
    )
    def test_bad_place_names_file_and_entry(self, tmp_path, entry, field):
        """A malformed user place raises DataTableError naming the file, entry and field."""
        path = write_table(tmp_path, "places", [entry])
        add_data_dir(tmp_path)
        with pytest.raises(DataTableError) as caught:
            place_table()
        message = str(caught.value)
        assert str(path) in message
        assert "entries[0]" in message
        assert field in message

    @pytest.mark.parametrize(
        "entries", [{"NER": "ng"}, {"NER": "NGA"}, {"NER": "N1"}, {"ner": "NG"}, ["NG"]]
    )
    def test_bad_fips_names_the_file(self, tmp_path, entries):
        """A malformed user FIPS table raises DataTableError naming its path."""
        path = write_table(tmp_path, "fips", entries)
        add_data_dir(tmp_path)
        with pytest.raises(DataTableError) as caught:
            fips_table()
        assert str(path) in str(caught.value)

    def test_bad_country_field_names_the_entry(self, tmp_path):
        """A user country whose names are not strings raises DataTableError naming it."""
        write_table(tmp_path, "countries", {"MLI": {"names": "Mali"}})
        add_data_dir(tmp_path)
        with pytest.raises(DataTableError, match=r"MLI\.names"):
            country_table()

    @given(
        kind=st.sampled_from(PLACE_KINDS),
        country=st.sampled_from(sorted(ISO_ALPHA3)) | st.none(),
        name=st.text(st.characters(categories=("L",)), min_size=1, max_size=12),
    )
    def test_any_valid_user_place_loads_as_written(self, kind, country, name):
        """A well-formed user place comes back from place_table with the values it was given."""
        entry = {"name": name, "aliases": [name + " town"], "country": country, "kind": kind}
        with tempfile.TemporaryDirectory() as folder:
            write_table(Path(folder), "places", [entry])
            data._extra_dirs[:] = [Path(folder)]
            clear_caches()
            try:
                (loaded,) = (p for p in place_table() if (p.name, p.country) == (name, country))
            finally:
                data._extra_dirs.clear()
                clear_caches()
        assert (loaded.name, loaded.aliases, loaded.country, loaded.kind) == (
            name,
            (name + " town",),
            country,
            kind,
        )


class TestUserTableErrors:
    def test_a_latin1_user_table_is_a_data_table_error(self, tmp_path, monkeypatch):
        """A user table that is not UTF-8 raises DataTableError naming the file."""
        (tmp_path / "places.json").write_bytes(b'{"entries": [{"name": "S\xe9gou"}]}')
        monkeypatch.setenv("SAHEL_NEWS_DATA", str(tmp_path))
        data.clear_caches()
        try:
            with pytest.raises(data.DataTableError, match=r"places\.json: not UTF-8"):
                data.place_table()
        finally:
            monkeypatch.delenv("SAHEL_NEWS_DATA")
            data.clear_caches()

    def test_data_table_error_is_a_sahel_news_error(self):
        """DataTableError is one of the library's errors, so callers can catch them all."""
        assert issubclass(data.DataTableError, SahelNewsError)


class TestCountryNamesFollowUserTables:
    def test_lookup_sees_a_user_alternative_name(self, tmp_path, monkeypatch):
        """Country.lookup knows a name added by a user table once the caches are cleared."""
        Country.lookup("Mali")  # fill the caches first, so a stale cache would show
        (tmp_path / "countries.json").write_text(
            '{"entries": {"BFA": {"names": ["Burkina", "Faso Land"]}}}', encoding="utf-8"
        )
        monkeypatch.setenv("SAHEL_NEWS_DATA", str(tmp_path))
        data.clear_caches()
        try:
            country = Country.lookup("Faso Land")
            assert (country.alpha3, country.name) == ("BFA", "Burkina")
        finally:
            monkeypatch.delenv("SAHEL_NEWS_DATA")
            data.clear_caches()
        assert Country.from_code("BFA").name == "Burkina Faso"


class TestScopedUserData:
    """`user_data` adds a folder for a block of code and removes it after."""

    def test_tables_apply_inside_the_block_only(self, tmp_path):
        """A user place is known inside the block and forgotten after it."""
        entry = {"name": "Kébémer", "aliases": [], "country": "SEN", "kind": "town"}
        write_table(tmp_path, "places", [entry])
        names = lambda: {p.name for p in data.place_table()}  # noqa: E731
        assert "Kébémer" not in names()
        with sahel_news.user_data(tmp_path) as folder:
            assert folder == tmp_path
            assert "Kébémer" in names()
        assert "Kébémer" not in names()

    def test_the_folder_goes_even_after_an_error(self, tmp_path):
        """An exception inside the block still removes the folder."""
        write_table(tmp_path, "places", [])
        with pytest.raises(RuntimeError), sahel_news.user_data(tmp_path):
            raise RuntimeError
        with pytest.raises(data.DataTableError, match="not a data folder in use"):
            sahel_news.remove_data_dir(tmp_path)

    def test_nested_uses_of_one_folder_undo_in_order(self, tmp_path):
        """The same folder used twice stays in use until the outer block ends."""
        entry = {"name": "Kébémer", "aliases": [], "country": "SEN", "kind": "town"}
        write_table(tmp_path, "places", [entry])
        with sahel_news.user_data(tmp_path):
            with sahel_news.user_data(tmp_path):
                pass
            assert "Kébémer" in {p.name for p in data.place_table()}

    def test_a_missing_folder_is_refused(self, tmp_path):
        """A path that is no folder is refused before anything changes."""
        with (
            pytest.raises(data.DataTableError, match="not a folder"),
            sahel_news.user_data(tmp_path / "absent"),
        ):
            pass  # pragma: no cover

    def test_a_user_place_without_accents_is_found_by_every_stage(self, tmp_path):
        """ "in Kebemer" finds the user's "Kébémer" as the country and as the event's place."""
        entry = {"name": "Kébémer", "aliases": [], "country": "SEN", "kind": "town"}
        write_table(tmp_path, "places", [entry])
        text = (
            "Gunmen attack market town\n\n"
            "Gunmen attacked a market in Kebemer on Monday, officials said.\n\n"
            "June 05, 2024 at 07:49PM\n"
        )
        with sahel_news.user_data(tmp_path):
            article = sahel_news.parse_article(text)
        assert [c.alpha3 for c in article.countries] == ["SEN"]
        attack = next(e for e in article.events if e.trigger.text == "attacked")
        assert attack.where is not None
        assert (attack.where.name, attack.where.country) == ("Kébémer", "SEN")
