"""The closed-class words the event reading leans on, per language.

The clause reading (``_clauses``), the participants (``_participants``), the type
decisions (``_types``) and the background test (``_background``) read a handful of
function words that no user would extend: the copula, negation, modal verbs, the
prepositions that tell a doer ("by", "par") from an object. They differ by language, and
so does a little grammar (a French verb says its tense in its ending: "attaquera",
"signerait"), so they live here, one `Grammar` per language, chosen by
`sahel_news.data.current_language`. The English one holds exactly the words the code held
before French was read; the open word lists stay in ``words.json`` (and ``fr/words.json``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from sahel_news.data import current_language, register_cache, table_words
from sahel_news.text._tokens import word_form

__all__ = ["Grammar", "folded_set", "grammar", "negated"]


class Grammar(NamedTuple):
    """One language's function words and endings, as folded tokens."""

    # relative pronouns opening an aside after a comma (", which ...")
    aside_openers: frozenset[str]
    # the ending of a participle that opens a clause after a comma (", accusing Paris")
    participle_suffix: str
    not_participles: frozenset[str]
    # ", a charge France has denied": a new clause with its own subject
    retorts: tuple[tuple[str, ...], ...]
    # the auxiliaries of the passive ("was killed", "a été tué")
    be: frozenset[str]
    # words before "be" that make it no passive (French reflexives: "s'est retiré")
    reflexives: frozenset[str]
    negations: frozenset[str]
    hypothetical: frozenset[str]
    conditions: frozenset[str]
    # the modal of a reported future ("said it would withdraw"), and what makes it a
    # past conditional ("would have")
    reported_modal: str
    perfect: str
    noun_will: frozenset[str]
    future: frozenset[str]
    ongoing: frozenset[str]
    denial: frozenset[str]
    announcing: frozenset[str]
    # the marker of an infinitive of purpose or complement ("to", "pour", "de")
    infinitive: frozenset[str]
    # the marker of an infinitive after an intent word ("plans to", "envisage de",
    # "s'apprête à"); French "à" folds to "a", the auxiliary, so it is read only there
    intent_markers: frozenset[str]
    # the particle that opens a French negation ("ne ... pas"), read with the negation
    # word after the verb
    negation_openers: frozenset[str]
    # whether an intent word may govern a bare infinitive ("compte signer", "doit partir")
    bare_infinitive: bool
    # nouns that make "saisir" a referral to a court or council, not a seizure
    referral_nouns: frozenset[str]
    # the copula forms of "is to" ("is to sign": planned)
    is_to: frozenset[str]
    # the tense a verb's own ending states: future ("signera"), conditional ("signerait")
    future_endings: tuple[str, ...]
    conditional_endings: tuple[str, ...]
    # English past-tense ending ("and called for protests": a fact of its own)
    past_suffix: str
    coordinators: frozenset[str]
    complementizers: frozenset[str]
    # the opening words of a source frame ("According to X,", "Selon X,")
    according: tuple[tuple[str, ...], ...]
    definite: frozenset[str]
    parties: frozenset[str]
    noun_complements: frozenset[str]
    clause_breaks: frozenset[str]
    # prepositions read as another (French "par" is "by", "de" is "of"); keys are folded
    canonical: Mapping[str, str]
    # words before a background noun that name its time or kind ("the coup of July 26")
    attached: frozenset[str]
    # adjunct openers that end a trigger's object ("leave Niger by September")
    adjuncts: frozenset[str]
    # words before an infinitive of leaving that an order or deadline governs
    order_markers: frozenset[str]
    denounce_prefix: str
    gap_stops: frozenset[str]
    plural_anaphors: frozenset[str]
    # words between a background preposition and its noun ("lors du sommet")
    background_links: frozenset[str]
    # whether the head of a modified noun comes before it ("le président du sommet")
    modifier_before: bool
    # words that may stand before a reporting verb after its subject ("has", "a")
    report_auxiliaries: tuple[str, ...]
    # words before a subject-less verb that give it the last event's doer ("and", "to")
    subject_carriers: frozenset[str]
    # how a time running from a start up to now opens ("since August", "depuis août")
    since_prefix: str
    # locative words that make a place of a city but not of an actor or country: French
    # "à", "au" also name a recipient ("a remis au Niger", "a demandé à la CEDEAO")
    weak_locatives: frozenset[str]
    # auxiliaries and adverbs between a coordinator and its verb ("et a rappelé")
    auxiliaries: frozenset[str]
    # whether a closing reporting frame may start at any comma, not only the last one: a
    # French frame names its speaker with appositions, each after a comma
    long_reporting_frames: bool
    # whether "N heures à X pour quitter" makes X (between the order and the verb) the
    # one expelled, not a second doer
    order_object_between: bool
    # whether a subject is read whole (French subjects run long), not its last four words
    long_subjects: bool
    # words a list of countries may hold besides commas and "and" ("le Niger, le Mali et
    # le Burkina Faso")
    list_fillers: frozenset[str]
    # a modal and participle that make a past conditional, hypothetical ("aurait dû", "aurait
    # pu"), read as two words before the trigger
    counterfactuals: frozenset[tuple[str, str]]
    # how many words a "*" in a trigger phrase stands for
    gap_words: int
    # words of a date that a trigger's gap passes over without counting them ("a rappelé
    # hier lundi 3 mars son ambassadeur"), with month and weekday names and numbers
    date_words: frozenset[str]
    # what names a medium, so that suspending it is a ban ("la diffusion de TV5Monde")
    media_nouns: frozenset[str]
    # whether "l'attaque de X contre Y" names the doer with "de" when "contre" follows
    of_agent_before_against: bool
    # whether an envoy's posting names the country relations are cut with ("rappelé son
    # ambassadeur en Algérie", "à Alger"): that country is the target, not a place
    envoy_posting_target: bool
    # whether a place commonly comes between a verb and its object ("a reçu mardi à
    # Niamey le ministre"), so that a place's role is not passed on to what follows it
    place_before_object: bool


_EN = Grammar(
    aside_openers=frozenset({"which", "who", "whose", "whom"}),
    participle_suffix="ing",
    not_participles=frozenset({"including", "according", "during", "notwithstanding", "regarding"}),
    retorts=tuple(
        (a, n) for a in ("a", "an") for n in ("charge", "claim", "accusation", "allegation")
    ),
    be=frozenset({"is", "are", "was", "were", "been", "being", "be", "get", "got", "gets"}),
    reflexives=frozenset(),
    negations=frozenset({"not", "n't", "never", "no"}),
    hypothetical=frozenset({"could", "would", "might", "should", "if", "unless"}),
    conditions=frozenset({"if", "unless"}),
    reported_modal="would",
    perfect="have",
    noun_will=frozenset(
        {"the", "their", "its", "his", "her", "our", "common", "political", "good"}
    ),
    future=frozenset({"will", "'ll", "shall"}),
    ongoing=frozenset({"continue", "continues", "continued", "continuing", "still", "ongoing"}),
    denial=frozenset({"denied", "denies", "deny", "denying"}),
    announcing=frozenset({"announced", "announces", "unveiled", "ordered", "orders", "decreed"}),
    infinitive=frozenset({"to"}),
    intent_markers=frozenset({"to"}),
    negation_openers=frozenset(),
    bare_infinitive=False,
    referral_nouns=frozenset(),
    is_to=frozenset({"is", "are", "was"}),
    future_endings=(),
    conditional_endings=(),
    past_suffix="ed",
    coordinators=frozenset({"and", "or"}),
    complementizers=frozenset({"that"}),
    according=(("according", "to"),),
    definite=frozenset({"the", "this", "that"}),
    parties=frozenset({"parties", "sides"}),
    noun_complements=frozenset({"to", "of", "that", "for"}),
    clause_breaks=frozenset(
        {",", ";", ":", "but", "while", "after", "before", "when", "although", "whereas", "which"}
    ),
    canonical={},
    attached=frozenset({"of", "in"}),
    adjuncts=frozenset({"by", "under", "after", "before", "following", "amid", "until", "despite"}),
    order_markers=frozenset({"to"}),
    denounce_prefix="denounc",
    gap_stops=frozenset(["and", "or", "with", "by", "that", "to", "from", "against", "of", "met"]),
    plural_anaphors=frozenset(
        [
            "both",
            "they",
            "these",
            "those",
            "two",
            "three",
            "countries",
            "states",
            "juntas",
            "governments",
            "regimes",
            "colonies",
            "neighbours",
            "neighbors",
            "allies",
            "authorities",
            "nations",
        ]
    ),
    background_links=frozenset(),
    modifier_before=False,
    report_auxiliaries=("also", "has", "have", "had", "then", "later"),
    subject_carriers=frozenset({"and", "to"}),
    since_prefix="since ",
    weak_locatives=frozenset(),
    place_before_object=False,
    auxiliaries=frozenset(),
    long_reporting_frames=False,
    order_object_between=False,
    envoy_posting_target=False,
    long_subjects=False,
    list_fillers=frozenset(),
    counterfactuals=frozenset(),
    gap_words=3,
    date_words=frozenset({"yesterday", "today", "tomorrow"}),
    media_nouns=frozenset(),
    of_agent_before_against=False,
)

_DE = frozenset({"de", "d'", "du", "des"})

_FR = Grammar(
    aside_openers=frozenset({"qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles"}),
    participle_suffix="ant",
    not_participles=frozenset(
        {
            "pendant",
            "durant",
            "avant",
            "cependant",
            "maintenant",
            "concernant",
            "suivant",
            "nonobstant",
            "moyennant",
            "auparavant",
            "neanmoins",
            "important",
            "importants",
        }
    ),
    retorts=(
        ("une", "accusation"),
        ("des", "accusations"),
        ("ce", "que"),
        ("ce", "qu'"),
    ),
    be=frozenset(
        {
            "ete",
            "est",
            "sont",
            "etait",
            "etaient",
            "fut",
            "furent",
            "sera",
            "seront",
            "serait",
            "seraient",
            "etre",
        }
    ),
    reflexives=frozenset({"s'", "se", "me", "m'", "nous", "vous", "t'", "te"}),
    # "ne" and "n'" alone say nothing: French negation is "ne ... pas", "n'a jamais", and
    # "N'Djamena" would pass for one
    negations=frozenset({"pas", "jamais", "aucun", "aucune", "nullement", "ni", "guere"}),
    hypothetical=frozenset(
        {
            "pourrait",
            "pourraient",
            "pourrais",
            "pourrions",
            "risque",
            "risquent",
            "si",
            "eventuel",
            "eventuelle",
            "eventuellement",
        }
    ),
    conditions=frozenset({"si"}),
    reported_modal="",
    perfect="",
    noun_will=frozenset(),
    future=frozenset(
        {
            "va",
            "vont",
            "allait",
            "allaient",
            "ira",
            "iront",
            "devrait",
            "devraient",
            "doit",
            "doivent",
            "devait",
            "devaient",
            "devra",
            "devront",
        }
    ),
    ongoing=frozenset(
        {
            "continue",
            "continuent",
            "continuait",
            "continuaient",
            "poursuit",
            "poursuivent",
            "poursuivait",
            "toujours",
            "train",
            "cours",
        }
    ),
    denial=frozenset(
        {
            "dement",
            "dementent",
            "dementi",
            "dementait",
            "dementaient",
            "nie",
            "nient",
            "niait",
            "niaient",
        }
    ),
    announcing=frozenset(
        {
            "annonce",
            "annoncent",
            "annoncait",
            "annoncaient",
            "ordonne",
            "ordonnent",
            "decrete",
            "decretent",
            "devoile",
        }
    ),
    infinitive=frozenset({"pour"}),
    intent_markers=frozenset({"de", "d'", "a"}),
    negation_openers=frozenset({"ne", "n'"}),
    bare_infinitive=True,
    referral_nouns=frozenset(
        {
            "justice",
            "cour",
            "tribunal",
            "tribunaux",
            "conseil",
            "cpi",
            "onu",
            "nations",
            "juridictions",
        }
    ),
    is_to=frozenset(),
    future_endings=("ra", "ront", "rons", "rez", "rai"),
    conditional_endings=("rait", "raient", "rions", "riez", "rais"),
    past_suffix="",
    coordinators=frozenset({"et", "ou"}),
    complementizers=frozenset({"que", "qu'"}),
    according=(("selon",), ("d'", "apres")),
    definite=frozenset({"le", "la", "l'", "les", "ce", "cet", "cette", "ces", "du", "des", "au"}),
    parties=frozenset({"parties", "camps"}),
    noun_complements=frozenset({"de", "d'", "a", "que", "qu'", "pour", "du", "des", "au"}),
    clause_breaks=frozenset(
        {
            ",",
            ";",
            ":",
            "mais",
            "tandis",
            "alors",
            "apres",
            "avant",
            "lorsque",
            "quand",
            "bien",
            "qui",
            "dont",
        }
    ),
    canonical={
        "par": "by",
        "de": "of",
        "d'": "of",
        "du": "of",
        "des": "of",
        "entre": "between",
        "avec": "with",
        "contre": "against",
        "a": "to",
        "au": "to",
        "aux": "to",
        "pour": "for",
        "sur": "on",
        "envers": "towards",
        "aupres": "with",
        "et": "and",
        "ou": "or",
    },
    attached=frozenset({"de", "d'", "du", "en", "le"}),
    adjuncts=frozenset(
        {
            "par",
            "sous",
            "apres",
            "avant",
            "suite",
            "malgre",
            "jusqu'",
            "jusqu'a",
            "depuis",
            "dans",
            "d'ici",
            "conformement",
            "lors",
            "pendant",
        }
    ),
    order_markers=frozenset({"de", "d'", "pour"}),
    denounce_prefix="denonc",
    gap_stops=frozenset(
        ["et", "ou", "avec", "par", "que", "qu'", "a", "au", "aux", "contre", "entre", "pour"]
    ),
    plural_anaphors=frozenset(
        [
            "ils",
            "elles",
            "deux",
            "trois",
            "etats",
            "juntes",
            "gouvernements",
            "regimes",
            "voisins",
            "allies",
            "nations",
        ]
    ),
    background_links=_DE | {"l'", "la", "le", "les"},
    modifier_before=True,
    report_auxiliaries=(
        "a",
        "ont",
        "avait",
        "avaient",
        "aussi",
        "egalement",
        "également",
        "encore",
        "ensuite",
        "alors",
        "déjà",
        "deja",
    ),
    subject_carriers=frozenset({"et", "de", "d'", "pour"}),
    since_prefix="depuis ",
    weak_locatives=frozenset({"a", "au", "aux"}),
    place_before_object=True,
    auxiliaries=frozenset(
        {
            "a",
            "ont",
            "avait",
            "avaient",
            "aura",
            "auront",
            "est",
            "sont",
            "etait",
            "etaient",
            "s'",
            "se",
            "egalement",
            "aussi",
            "ensuite",
            "deja",
            "immediatement",
            "aussitot",
        }
    ),
    long_reporting_frames=True,
    order_object_between=True,
    envoy_posting_target=True,
    long_subjects=True,
    list_fillers=frozenset({"le", "la", "l'", "les"}),
    counterfactuals=frozenset(
        (modal, participle)
        for modal in ("aurait", "auraient", "aurais", "aurions")
        for participle in ("du", "pu")
    ),
    # French objects carry more determiners and adjectives ("a rappelé le même jour ses
    # ambassadeurs")
    gap_words=4,
    date_words=frozenset(
        {"hier", "avant-hier", "demain", "aujourd'hui", "matin", "soir", "dernier", "derniere"}
    ),
    media_nouns=frozenset(
        {
            "diffusion",
            "diffusions",
            "emission",
            "emissions",
            "programmes",
            "medias",
            "media",
            "chaine",
            "chaines",
            "radio",
            "radios",
            "journal",
            "journaux",
            "television",
            "signal",
            "parution",
            "quotidien",
            "hebdomadaire",
        }
    ),
    of_agent_before_against=True,
)

_GRAMMARS = {"en": _EN, "fr": _FR}


@register_cache
@functools.cache
def grammar() -> Grammar:
    """The grammar of the language being read (English for a language without one)."""
    return _GRAMMARS.get(current_language(), _EN)


@register_cache
@functools.cache
def folded_set(section: str) -> frozenset[str]:
    """The words of list *section* of ``words.json`` as tokens carry them (folded, lower-case).

    French lists are written with their accents ("déclaré"); tokens are folded ("declare").
    """
    return frozenset(word_form(word) for word in table_words("words", section))


def negated(norms: Sequence[str], first: int, last: int, floor: int = 0) -> bool:
    """Whether a negation stands around the trigger at tokens ``[first, last]``.

    English: "not", "never" among the three words before it ("did not recognise").
    French also: "ne"/"n'" just before it and "pas", "jamais" just after it ("ne
    reconnaît pas", "ne se sont pas"), besides "n'a pas reconnu". Words before *floor* (the
    clause's start) do not count.
    """
    g = grammar()
    if not g.negations.isdisjoint(norms[max(floor, first - 3) : first]):
        return True
    openers = g.negation_openers
    if not openers or openers.isdisjoint(norms[max(floor, first - 2) : first]):
        return False
    return not g.negations.isdisjoint(norms[last + 1 : last + 3])
