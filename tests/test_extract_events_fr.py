"""Events read in French: the French trigger lexicon, clause framing and participants.

The sentences are our own. Entities are hand-listed (``annotate``), so that what is tested
is the event reading alone, whatever the entity step finds in French.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _event_annotate import annotate
from sahel_news.data import TriggerGroup, table_entries, using_language
from sahel_news.extract.events import extract_events
from sahel_news.models import Article, Event, EventStatus, PloverType

OCCURRED, PLANNED, DENIED = EventStatus.OCCURRED, EventStatus.PLANNED, EventStatus.DENIED
HYPOTHETICAL, ONGOING = EventStatus.HYPOTHETICAL, EventStatus.ONGOING

COUNTRIES = {
    "MLI": ["Mali", "Bamako"],
    "NER": ["Niger", "Niamey"],
    "BFA": ["Burkina Faso"],
    "DZA": ["Algérie"],
    "FRA": ["France", "Paris"],
    "RUS": ["Russie"],
    "BEN": ["Bénin"],
    "TCD": ["Tchad"],
}
ACTORS = [
    {"id": "ecowas", "name": "ECOWAS", "kind": "intergovernmental", "surfaces": ["CEDEAO"]},
    {"id": "jnim", "name": "JNIM", "kind": "armed_group", "surfaces": ["JNIM"]},
    {"id": "assimi-goita", "name": "Assimi Goita", "country": "MLI", "surfaces": ["Assimi Goïta"]},
    {
        "id": "abdourahamane-tiani",
        "name": "Abdourahamane Tiani",
        "country": "NER",
        "surfaces": ["Abdourahamane Tiani"],
    },
    {"id": "tv5monde", "name": "TV5 Monde", "kind": "media", "surfaces": ["TV5 Monde"]},
    {
        "id": "un-security-council",
        "name": "UN Security Council",
        "kind": "intergovernmental",
        "surfaces": ["Conseil de sécurité"],
    },
]


def _article(*paragraphs: str) -> Article:
    """A French article of *paragraphs*, with the countries and actors they name."""
    text = " ".join(paragraphs)
    article = Article(
        id="fr",
        headline="Actualité du Sahel",
        paragraphs=paragraphs,
        language="fr",
        published=datetime(2024, 6, 5, 10, tzinfo=UTC),
    )
    countries = {
        code: [s for s in surfaces if s in text]
        for code, surfaces in COUNTRIES.items()
        if any(s in text for s in surfaces)
    }
    actors = [a for a in ACTORS if any(s in text for s in a["surfaces"])]
    for actor in actors:
        if "country" in actor:
            countries.setdefault(str(actor["country"]), [])
    return extract_events(annotate(article, countries, actors))


def _refs(event: Event, role: str) -> list[str]:
    return sorted(p.ref for p in event.participants if p.role.value == role)


# (sentence, trigger, type, sources, targets, status): worked out by hand from
# docs/events.md's decisions, which are the English ones
CASES = [
    # verbs in the forms news uses: passé composé, passive, futur, conditionnel, negation
    ("Le JNIM a attaqué un camp militaire.", "attaqué", "ASSAULT", ["jnim"], [], OCCURRED),
    ("Le camp a été attaqué par le JNIM.", "attaqué", "ASSAULT", ["jnim"], [], OCCURRED),
    ("Le JNIM attaquera les convois.", "attaquera", "ASSAULT", ["jnim"], [], PLANNED),
    ("Le JNIM aurait attaqué un poste.", "attaqué", "ASSAULT", ["jnim"], [], OCCURRED),
    ("Le JNIM n'a pas attaqué la ville.", "attaqué", "ASSAULT", ["jnim"], [], DENIED),
    ("Le JNIM pourrait attaquer la ville.", "attaquer", "ASSAULT", ["jnim"], [], HYPOTHETICAL),
    ("Le Tchad continue de combattre le JNIM.", "combattre", "ASSAULT", ["TCD"], ["jnim"], ONGOING),
    # futur proche, intent, reported future
    ("Le Niger va signer un accord avec la Russie.", "signer", "AGREE", ["NER"], ["RUS"], PLANNED),
    ("Le Mali s'apprête à signer un accord.", "signer", "AGREE", ["MLI"], [], PLANNED),
    ("Le Niger a indiqué qu'il signerait l'accord.", "signerait", "AGREE", [], [], PLANNED),
    (
        "Le Niger envisage de se retirer de la CEDEAO.",
        "se retirer",
        "SANCTION",
        ["NER"],
        ["ecowas"],
        PLANNED,
    ),
    (
        "Le Burkina Faso a annoncé qu'il allait se retirer de la CEDEAO.",
        "se retirer",
        "SANCTION",
        [],
        ["ecowas"],
        PLANNED,
    ),
    ("Le Niger prévoit de nationaliser la mine.", "nationaliser", "COERCE", ["NER"], [], PLANNED),
    # withdrawal decided by its object, as English "withdraw"
    (
        "Le Mali, le Burkina Faso et le Niger se sont retirés de la CEDEAO.",
        "se sont retirés",
        "SANCTION",
        ["BFA", "MLI", "NER"],
        ["ecowas"],
        OCCURRED,
    ),
    ("La France a retiré ses troupes du Niger.", "retiré", "RETREAT", ["FRA"], ["NER"], OCCURRED),
    ("Le Mali a quitté la CEDEAO.", "quitté", "SANCTION", ["MLI"], ["ecowas"], OCCURRED),
    ("Les soldats français ont quitté le Niger.", "quitté", "RETREAT", [], ["NER"], OCCURRED),
    (
        "La France a remis au Tchad la base de Faya.",
        "remis au Tchad la base",
        "RETREAT",
        ["FRA"],
        [],
        OCCURRED,
    ),
    # reflexives, audiences and the passive of a visit
    (
        "Assimi Goïta s'est entretenu avec Abdourahamane Tiani.",
        "s'est entretenu avec",
        "CONSULT",
        ["assimi-goita"],
        ["abdourahamane-tiani"],
        OCCURRED,
    ),
    (
        "Abdourahamane Tiani a été reçu par Assimi Goïta.",
        "reçu",
        "CONSULT",
        ["assimi-goita"],
        ["abdourahamane-tiani"],
        OCCURRED,
    ),
    (
        "Assimi Goïta a reçu en audience l'ambassadeur de Russie.",
        "reçu en audience",
        "CONSULT",
        ["assimi-goita"],
        ["RUS"],
        OCCURRED,
    ),
    (
        "Des pourparlers ont eu lieu entre le Niger et le Bénin.",
        "pourparlers",
        "CONSULT",
        ["NER"],
        ["BEN"],
        OCCURRED,
    ),
    # sanctions, rejections, accusations
    (
        "Le Niger a rappelé son ambassadeur.",
        "rappelé son ambassadeur",
        "SANCTION",
        ["NER"],
        [],
        OCCURRED,
    ),
    (
        "Le Mali a expulsé l'ambassadeur de France.",
        "expulsé",
        "SANCTION",
        ["MLI"],
        ["FRA"],
        OCCURRED,
    ),
    (
        "Le Tchad a mis fin à l'accord de défense avec la France.",
        "mis fin",
        "SANCTION",
        ["TCD"],
        ["FRA"],
        OCCURRED,
    ),
    (
        "Le Niger a dénoncé les accords militaires avec la France.",
        "dénoncé les accords",
        "SANCTION",
        ["NER"],
        ["FRA"],
        OCCURRED,
    ),
    (
        "Depuis le coup d'État, le Niger a rompu ses relations avec la France.",
        "rompu ses relations",
        "SANCTION",
        ["NER"],
        ["FRA"],
        OCCURRED,
    ),
    ("Le Mali a suspendu TV5 Monde.", "suspendu", "COERCE", ["MLI"], ["tv5monde"], OCCURRED),
    (
        "Le Mali a rejeté les accusations de l'Algérie.",
        "rejeté",
        "REJECT",
        ["MLI"],
        ["DZA"],
        OCCURRED,
    ),
    (
        "Le Mali ne reconnaît pas les autorités du Niger.",
        "reconnaît",
        "REJECT",
        ["MLI"],
        ["NER"],
        OCCURRED,
    ),
    (
        "L'Algérie a accusé le Mali de préparer une attaque contre le Niger.",
        "accusé",
        "ACCUSE",
        ["DZA"],
        ["MLI"],
        OCCURRED,
    ),
    (
        "Le Mali a saisi le Conseil de sécurité.",
        "saisi",
        "ACCUSE",
        ["MLI"],
        ["un-security-council"],
        OCCURRED,
    ),
    # the other types
    ("Le Tchad a libéré les otages.", "libéré", "RETREAT", ["TCD"], [], OCCURRED),
    (
        "La CEDEAO a levé les sanctions contre le Niger.",
        "levé les sanctions",
        "CONCEDE",
        ["ecowas"],
        ["NER"],
        OCCURRED,
    ),
    ("La CEDEAO a menacé le Niger.", "menacé", "THREATEN", ["ecowas"], ["NER"], OCCURRED),
    (
        "Le Niger a demandé au Bénin de rouvrir la frontière.",
        "demandé",
        "REQUEST",
        ["NER"],
        ["BEN"],
        OCCURRED,
    ),
    (
        "La Russie a déployé des instructeurs au Burkina Faso.",
        "déployé",
        "MOBILIZE",
        ["RUS"],
        ["BFA"],
        OCCURRED,
    ),
    (
        "Le Burkina Faso a salué le soutien de la Russie.",
        "salué",
        "SUPPORT",
        ["BFA"],
        ["RUS"],
        OCCURRED,
    ),
    (
        "La Russie a livré des vivres au Tchad.",
        "livré des vivres",
        "AID",
        ["RUS"],
        ["TCD"],
        OCCURRED,
    ),
    (
        "Le Niger a fermé sa frontière avec le Bénin.",
        "fermé sa frontière",
        "SANCTION",
        ["NER"],
        ["BEN"],
        OCCURRED,
    ),
    (
        "Des milliers de personnes ont manifesté à Niamey contre la France.",
        "manifesté",
        "PROTEST",
        [],
        ["FRA"],
        OCCURRED,
    ),
    ("Le Mali et la Russie coopèrent.", "coopèrent", "COOPERATE", ["MLI", "RUS"], [], OCCURRED),
]


class TestFrenchSentences:
    """Case table: French sentence -> (type, sources, targets, status)."""

    @pytest.mark.parametrize(
        ("sentence", "trigger", "kind", "sources", "targets", "status"),
        CASES,
        ids=[case[0][:40] for case in CASES],
    )
    def test_sentence(self, sentence, trigger, kind, sources, targets, status):  # noqa: PLR0917
        """The sentence gives one event of that trigger with the worked-out reading."""
        events = [e for e in _article(sentence).events if e.trigger.text == trigger]
        assert len(events) == 1, [(e.trigger.text, e.type) for e in _article(sentence).events]
        (event,) = events
        assert event.type is PloverType(kind)
        assert _refs(event, "source") == sources
        assert _refs(event, "target") == targets
        assert event.status is status

    def test_expulsion_order(self):
        """ "48 heures ... pour quitter le territoire" is an expulsion, as "48 hours to leave"."""
        (event,) = _article(
            "Le Niger a donné 48 heures à l'ambassadeur de France pour quitter le territoire."
        ).events
        assert event.type is PloverType.SANCTION
        assert event.cameo == "166"

    def test_recalled_envoy_is_161_and_a_bloc_left_is_160(self):
        """An envoy recalled reduces relations (161); a bloc left ends membership (160)."""
        assert _article("Le Niger a rappelé son ambassadeur.").events[0].cameo == "161"
        assert _article("Le Mali a quitté la CEDEAO.").events[0].cameo == "160"

    @pytest.mark.parametrize(
        "sentence",
        [
            "Le Niger a rappelé hier lundi 3 mars son ambassadeur.",
            "Le Niger a rappelé le 3 mars 2025 son ambassadeur.",
            "Le Niger a rappelé lundi matin son ambassadeur.",
        ],
    )
    def test_a_date_inside_a_trigger_gap_is_passed_over(self, sentence):
        """A date between the verb and its object does not count against the gap."""
        (event,) = _article(sentence).events
        assert (event.type, event.cameo) == (PloverType.SANCTION, "161")

    def test_words_that_are_no_date_still_count_against_the_gap(self):
        """Five ordinary words between "rappelé" and "ambassadeur" are too many."""
        events = _article(
            "Le Niger a rappelé aux partenaires de la sous-région son ambassadeur."
        ).events
        assert [e.cameo for e in events] != ["161"]

    def test_a_control_complement_is_no_second_event(self):
        """ "accusé le Mali de préparer une attaque": one ACCUSE; Niger takes part as other."""
        (event,) = _article(
            "L'Algérie a accusé le Mali de préparer une attaque contre le Niger."
        ).events
        assert event.type is PloverType.ACCUSE
        assert _refs(event, "other") == ["NER"]

    def test_purpose_clause_belongs_to_its_verb(self):
        """ "ont manifesté pour exiger": one PROTEST, the demand is its purpose."""
        events = _article(
            "Des centaines de personnes ont manifesté pour exiger des réformes."
        ).events
        assert [e.type for e in events] == [PloverType.PROTEST]

    @pytest.mark.parametrize(
        "sentence",
        [
            "Depuis le coup d'État, le Niger a rompu ses relations avec la France.",
            "Lors du sommet, le Niger a rompu ses relations avec la France.",
            "À l'issue du sommet, le Niger a rompu ses relations avec la France.",
            "En marge du sommet, le Niger a rompu ses relations avec la France.",
        ],
    )
    def test_background_nouns_are_no_events(self, sentence):
        """ "depuis le coup d'État", "lors du sommet": background, as "since the coup"."""
        assert [e.type for e in _article(sentence).events] == [PloverType.SANCTION]

    def test_an_event_noun_modifying_another_is_background(self):
        """ "le président du sommet" names the chair, not a summit."""
        events = _article("Le président du sommet de la CEDEAO a appelé le Niger au calme.").events
        assert [e.type for e in events] == [PloverType.REQUEST]

    def test_a_past_conditional_is_hypothetical(self):
        """ "aurait dû évacuer": what should have happened did not."""
        (event,) = _article("Sans accord, le Mali aurait dû évacuer ses troupes.").events
        assert event.status is HYPOTHETICAL

    def test_the_three_states_are_the_last_list_of_countries(self):
        """ "les trois États" after "le Niger, le Mali et le Burkina Faso": all three."""
        events = _article(
            "Le Niger, le Mali et le Burkina Faso se sont retirés de la CEDEAO.",
            "Dans un communiqué, les trois États accusent la CEDEAO de trahison.",
        ).events
        accuse = next(e for e in events if e.type is PloverType.ACCUSE)
        assert _refs(accuse, "source") == ["BFA", "MLI", "NER"]

    def test_adverbs_inside_reflexive_compounds(self):
        """ "s'est ensuite entretenu avec" is the meeting of "s'est entretenu avec"."""
        (event,) = _article("Assimi Goïta s'est ensuite entretenu avec Abdourahamane Tiani.").events
        assert event.type is PloverType.CONSULT
        assert _refs(event, "target") == ["abdourahamane-tiani"]

    def test_n_djamena_is_no_negation(self):
        """The elided-looking N' of N'Djamena negates nothing."""
        (event,) = _article("N'Djamena a mis fin à l'accord de défense avec la France.").events
        assert event.status is OCCURRED

    def test_english_is_read_in_english(self):
        """The same article in English keeps the English lexicon."""
        article = Article(
            id="en",
            headline="Sahel news",
            paragraphs=("Mali attacked the town.",),
            published=datetime(2024, 6, 5, 10, tzinfo=UTC),
        )
        events = extract_events(annotate(article, {"MLI": ["Mali"]})).events
        assert [(e.trigger.text, e.type) for e in events] == [("attacked", PloverType.ASSAULT)]


# Modes whose type the object decides, or that name no event without one.
_DECIDED = frozenset({"withdraw", "leave", "hand-over", "suspend", "seize", "recognize", "ease"})


def _french_forms() -> list[tuple[str, PloverType]]:
    with using_language("fr"):
        groups = table_entries("triggers", TriggerGroup)
    forms: list[tuple[str, PloverType]] = []
    for group in groups:
        if group.type is None or group.mode in _DECIDED or group.id == "accuse-111-disapprove":
            continue
        phrases = (*(group.verbs or ()), *(group.nouns or ()))
        forms.extend((p, PloverType(group.type)) for p in phrases if "*" not in p)
    return forms


FORMS = _french_forms()


class TestFrenchLexicon:
    """Every French trigger form, between two actors, yields its type and never crashes."""

    def test_all_sixteen_types_have_french_triggers(self):
        """The French table covers every PLOVER type."""
        with using_language("fr"):
            groups = table_entries("triggers", TriggerGroup)
        assert {PloverType(g.type) for g in groups if g.type is not None} == set(PloverType)

    @settings(max_examples=150, deadline=None)
    @given(
        st.sampled_from(FORMS),
        st.sampled_from(["Le Mali {} le Niger.", "Selon Bamako, le JNIM {} le Tchad hier."]),
    )
    def test_a_trigger_form_gives_its_type(self, form, frame):
        """A sentence built from a trigger form and actor names reads as the form's type."""
        phrase, kind = form
        article = _article(frame.format(phrase))
        assert kind in {e.type for e in article.events}, (phrase, article.events)

    @settings(max_examples=100, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [p for p, _ in FORMS[::7]]
                + ["le", "Mali", "Niger", "a", "n'", "pas", "de", ",", "«", "»", "qui", "par", "à"]
            ),
            max_size=25,
        )
    )
    def test_any_sequence_of_french_words_never_crashes(self, words):
        """Triggers, names and function words in any order give valid events."""
        article = _article(" ".join(words) or "Rien.")
        for event in article.events:
            assert article.quote_text(event.trigger.span) == event.trigger.text


class TestTriggersInsideNames:
    def test_a_trigger_word_inside_an_organisation_name_is_no_event(self):
        """The "soutien" of "Groupe de soutien à l'islam et aux musulmans" is no SUPPORT."""
        from sahel_news import parse_article

        article = parse_article(
            "Attaque près de Gao\n\n"
            "Des combattants du Groupe de soutien à l'islam et aux musulmans (GSIM) ont attaqué "
            "lundi une base près de Gao, a indiqué l'armée.\n\n"
            "Publié le 5 juin 2024"
        )
        assert "jnim" in {a.id for a in article.actors}
        assert [e.type.value for e in article.events] == ["ASSAULT"]
        (attack,) = article.events
        assert "jnim" in {p.ref for p in attack.participants}
