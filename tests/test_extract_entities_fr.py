"""French countries and actors: names, demonyms, elisions, seats, titles, appositions, acronyms.

Every sentence here is written for these tests; the expected values were worked out by hand.
French text is read with the French tables (``Article.language == "fr"``); the country and
organisation tables are shared, so each French form finds the same id as its English one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sahel_news.data
from sahel_news.extract import extract_entities
from sahel_news.extract.entities.countries import is_title_case
from sahel_news.models import ActorKind, Article
from sahel_news.text import fold


def _read(text: str, *, headline: str = "Actualité", language: str = "fr") -> Article:
    return extract_entities(
        Article(id="t", headline=headline, paragraphs=(text,), language=language)
    )


def _countries(text: str) -> dict[str, list[str]]:
    return {c.alpha3: [m.text for m in c.mentions] for c in _read(text).countries}


def _actor(text: str, actor_id: str):
    found = _read(text)
    return next(a for a in found.actors if a.id == actor_id)


COUNTRY_CASES = [
    # names, with and without their articles and prepositions
    ("Le Mali et le Burkina Faso ont signé un accord.", {"MLI": ["Mali"], "BFA": ["Burkina Faso"]}),
    ("L'Algérie a rappelé son ambassadeur.", {"DZA": ["Algérie"]}),
    ("Des soldats venus d'Algérie sont arrivés.", {"DZA": ["Algérie"]}),
    ("Les élections au Mali sont reportées.", {"MLI": ["Mali"]}),
    ("Les exportations aux États-Unis ont chuté.", {"USA": ["États-Unis"]}),
    ("Il vit en Côte d'Ivoire depuis dix ans.", {"CIV": ["Côte d'Ivoire"]}),
    (
        "La Russie et le Tchad ont parlé du Niger.",
        {"RUS": ["Russie"], "TCD": ["Tchad"], "NER": ["Niger"]},
    ),
    (
        "La Chine, la Turquie et l'Égypte ont voté.",
        {"CHN": ["Chine"], "TUR": ["Turquie"], "EGY": ["Égypte"]},
    ),
    # the Niger/Nigeria trap: nigérien(ne)(s) is Niger, nigérian(e)(s) is Nigeria
    (
        "Les autorités nigériennes et les douaniers nigérians.",
        {"NER": ["nigériennes"], "NGA": ["nigérians"]},
    ),
    (
        "Une commerçante nigériane et un soldat nigérien.",
        {"NGA": ["nigériane"], "NER": ["nigérien"]},
    ),
    ("Le Niger ferme sa frontière avec le Nigeria.", {"NER": ["Niger"], "NGA": ["Nigeria"]}),
    # demonyms in every form, as adjectives and as nouns
    ("Les Maliennes et les Burkinabè ont défilé.", {"MLI": ["Maliennes"], "BFA": ["Burkinabè"]}),
    (
        "Des gendarmes ivoiriens et une ONG sénégalaise.",
        {"CIV": ["ivoiriens"], "SEN": ["sénégalaise"]},
    ),
    ("Des drones turcs et des instructeurs russes.", {"TUR": ["turcs"], "RUS": ["russes"]}),
    # capitals and seats stand for the state when they act ...
    ("Moscou a salué la décision de Pékin.", {"RUS": ["Moscou"], "CHN": []}),
    ("Koulouba a démenti, tout comme Kosyam.", {"MLI": ["Koulouba"], "BFA": ["Kosyam"]}),
    ("L'Élysée a confirmé l'appel ; le Kremlin s'est tu.", {"FRA": ["Élysée"], "RUS": ["Kremlin"]}),
    (
        "La Maison Blanche et le Quai d'Orsay ont réagi.",
        {"USA": ["Maison Blanche"], "FRA": ["Quai d'Orsay"]},
    ),
    # ... and are places after a locative word: the country is listed without a mention
    ("Le ministre a été reçu à l'Élysée puis au Kremlin.", {"FRA": [], "RUS": []}),
    ("Les négociations se tiennent à Alger.", {"DZA": []}),
    ("Il est rentré d'Alger mardi.", {"DZA": []}),
    # ambiguous forms are not countries when geography says otherwise
    ("Le fleuve Niger a débordé.", {}),
    ("Les pirates du golfe de Guinée.", {}),
    ("Le lac Tchad recule chaque année.", {}),
    # a demonym used as a language is no country
    ("Le communiqué est rédigé en français.", {}),
]


@pytest.mark.parametrize(("text", "expected"), COUNTRY_CASES)
def test_french_countries(text, expected):
    """French names, elisions, demonyms, capitals and seats give the expected countries."""
    assert _countries(text) == expected


ACTOR_CASES = [
    # (text, actor id, country, roles)
    (
        (
            "Le Président de la Transition, Chef de l'État, le capitaine Ibrahim Traoré, a reçu "
            "les ministres."
        ),
        "ibrahim-traore",
        "BFA",
        ("Président de la Transition", "Chef de l'État", "capitaine"),
    ),
    (
        "Le ministre malien des Affaires étrangères, Abdoulaye Diop, est à Dakar.",
        "abdoulaye-diop",
        "MLI",
        ("ministre des Affaires étrangères",),
    ),
    (
        "Abdoulaye Diop, ministre des Affaires étrangères, a reçu l'ambassadeur.",
        "abdoulaye-diop",
        "MLI",
        ("ministre des Affaires étrangères",),
    ),
    (
        (
            "Le ministre d'État, ministre de l'Intérieur, le général de division Moussa Sangaré, "
            "a présidé la réunion à Bamako."
        ),
        "moussa-sangare",
        "MLI",
        ("ministre d'État", "ministre de l'Intérieur", "général de division"),
    ),
    (
        (
            "Le porte-parole du gouvernement, le colonel-major Issa Ouédraogo, a démenti "
            "à Ouagadougou."
        ),
        "issa-ouedraogo",
        "BFA",
        ("porte-parole du gouvernement", "colonel-major"),
    ),
    (
        (
            "Le gouverneur de la région de Tillabéri, le général de brigade Hamidou Garba, "
            "a visité Ayorou."
        ),
        "hamidou-garba",
        "NER",
        ("gouverneur de la région de Tillabéri", "général de brigade"),
    ),
    (
        "L'ambassadeur de France au Niger, Pierre Lemaire, a été convoqué.",
        "pierre-lemaire",
        "FRA",
        ("ambassadeur de France au Niger",),
    ),
    (
        "Le président nigérien a reçu son homologue tchadien, Abakar Mahamat Saleh, à Niamey.",
        "abakar-mahamat-saleh",
        "TCD",
        ("homologue",),
    ),
    (
        "Le président nigérian Bola Tinubu a appelé au dialogue.",
        "bola-tinubu",
        "NGA",
        ("président",),
    ),
    (
        "Le Premier ministre tchadien, Allamaye Halina, a démissionné.",
        "allamaye-halina",
        "TCD",
        ("Premier ministre",),
    ),
    (
        "Une délégation malienne conduite par le ministre de l'Économie, Awa Keïta, est arrivée.",
        "awa-keita",
        "MLI",
        ("ministre de l'Économie",),
    ),
    (
        "« Rien n'est signé », a déclaré M. Seydou Konaté, commerçant à Gao.",
        "seydou-konate",
        None,
        ("commerçant",),
    ),
]


@pytest.mark.parametrize(("text", "actor_id", "country", "roles"), ACTOR_CASES)
def test_french_titles_and_appositions(text, actor_id, country, roles):
    """Titles, ranks, chains and appositions give the person, their country and roles."""
    actor = _actor(text, actor_id)
    assert actor.kind is ActorKind.PERSON
    assert (actor.country, actor.roles) == (country, roles)


def test_title_words_are_not_names():
    """No rank, title or particle word ends up in a name."""
    found = _read("S.E.M. Oumar Ag Ahmed, Mme Awa Diallo et le général d'armée Sadio Camara.")
    names = {a.name for a in found.actors}
    assert {"Oumar Ag Ahmed", "Awa Diallo", "Sadio Camara"} <= names


ORGANISATION_CASES = [
    ("La CEDEAO a levé ses sanctions.", "ecowas", None),
    ("Les pays de l'Alliance des États du Sahel (AES) se sont réunis.", "aes", None),
    ("Le GSIM a revendiqué l'attaque.", "jnim", None),
    ("Le Groupe de soutien à l'islam et aux musulmans a frappé.", "jnim", None),
    ("L'État islamique au Grand Sahara (EIGS) est actif.", "issp", None),
    ("L'UA et l'UE ont condamné ; l'ONU a appelé au calme.", "au", None),
    ("L'UA et l'UE ont condamné ; l'ONU a appelé au calme.", "eu", None),
    ("L'UA et l'UE ont condamné ; l'ONU a appelé au calme.", "un", None),
    ("Les FAMa ont repoussé l'attaque.", "mli-armed-forces", "MLI"),
    ("Les Volontaires pour la défense de la patrie ont été déployés.", "vdp", "BFA"),
    ("Le CNSP a dissous le gouvernement.", "ner-military-government", "NER"),
    ("Les instructeurs de Wagner sont partis.", "wagner", "RUS"),
    ("L'armée malienne a repris Kidal.", "mli-armed-forces", "MLI"),
    ("Le gouvernement nigérien a protesté.", "ner-government", "NER"),
    ("La junte burkinabè a suspendu RFI.", "bfa-military-government", "BFA"),
    ("Les autorités maliennes ont démenti.", "mli-government", "MLI"),
    (
        "Le Mali a voté. Les autorités de transition ont salué le résultat.",
        "mli-transitional-government",
        "MLI",
    ),
    ("Les troupes françaises ont quitté le Tchad.", "fra-armed-forces", "FRA"),
]


@pytest.mark.parametrize(("text", "actor_id", "country"), ORGANISATION_CASES)
def test_french_organisations_have_the_english_ids(text, actor_id, country):
    """French names and acronyms find the same organisation ids as the English ones."""
    actor = _actor(text, actor_id)
    assert actor.kind is not ActorKind.PERSON
    assert actor.country == country


def test_a_title_inside_a_role_is_no_organisation():
    """'du gouvernement' in the spokesman's title names no government."""
    found = _read("Le porte-parole du gouvernement, Issa Koné, a démenti.")
    assert [a.id for a in found.actors] == ["issa-kone"]


def test_french_headlines_are_read_as_sentence_case():
    """A French headline is sentence case: the title-case reading never starts."""
    headline = "Mali : le président Assimi Goïta reçoit l'ambassadeur de Russie"
    assert not is_title_case(fold(headline))
    found = _read("Une audience a eu lieu à Koulouba.", headline=headline)
    goita = next(a for a in found.actors if a.id == "assimi-goita")
    assert goita.roles == ("président",)
    assert {c.alpha3 for c in found.countries} == {"MLI", "RUS"}


def test_english_is_read_as_before():
    """The shared tables' French forms change nothing in English text."""
    found = _read("Moscow accused Paris of meddling in Niger.", language="en")
    assert {c.alpha3: [m.text for m in c.mentions] for c in found.countries} == {
        "RUS": ["Moscow"],
        "FRA": ["Paris"],
        "NER": ["Niger"],
    }


def _french_demonyms() -> list[tuple[str, str]]:
    """(alpha-3, form) for every lower-case demonym of countries.json (French adjectives)
    that names one country alone and is not marked ambiguous."""
    path = Path(sahel_news.data.__file__).parent / "countries.json"
    entries = json.loads(path.read_text(encoding="utf-8"))["entries"]
    owners: dict[str, set[str]] = {}
    for code, entry in entries.items():
        for form in entry["demonyms"]:
            owners.setdefault(fold(form), set()).add(code)
    return sorted(
        (code, form)
        for code, entry in entries.items()
        for form in entry["demonyms"]
        if form[:1].islower() and form not in entry["ambiguous"] and len(owners[fold(form)]) == 1
    )


FRENCH_DEMONYMS = _french_demonyms()


def test_the_table_has_french_demonyms_in_every_form():
    """Masculine, feminine, singular and plural forms are all there."""
    forms = {fold(form) for _, form in FRENCH_DEMONYMS}  # matched with accents folded
    wanted = [
        "malien", "malienne", "maliens", "maliennes",
        "nigérien", "nigérienne", "nigériens", "nigériennes",
        "nigérian", "nigériane", "nigérians", "nigérianes",
        "burkinabè", "burkinabé", "tchadiennes", "ivoirienne", "françaises", "turques",
    ]  # fmt: skip
    assert {fold(form) for form in wanted} <= forms


@settings(max_examples=60, deadline=None)
@given(
    pair=st.sampled_from(FRENCH_DEMONYMS),
    noun=st.sampled_from(["soldats", "autorités", "commerçants", "experts", "élus"]),
)
def test_every_french_demonym_finds_its_country(pair, noun):
    """Any French demonym form, after a plural noun, names its country and no other."""
    code, form = pair
    found = _countries(f"Les {noun} {form} ont été reçus hier.")
    assert found == {code: [form]}
