"""The country recognizer: names, demonyms, capitals and seats from the country table.

Every surface form of ``countries.json`` (names, demonyms, capitals, seats; a leading "the"
dropped) goes into one regex (a trie-shaped alternation, longest form first), compiled
once. It runs on the folded text (accents and typographic apostrophes folded, same
length), case-sensitively and on word boundaries, so "Niger" never matches inside
"Nigeria" and "US" never matches "us". A hyphen is a boundary: "Mali-Russia" names both.

Context then decides:

* A capital or seat is the state when it acts ("Moscow accused", "Niamey's leaders",
  "accusing Paris of meddling"); after a locative word ("in", "at", "to", "from", "of",
  "the capital, ...") or in "Bamako-based" it is a place. A place still implies its country:
  the candidate is kept with ``implied=True`` (the country is listed with no mention).
* A form the table marks ambiguous (Chad, Jordan, Georgia, Niger, Congo, Paris, Washington,
  America, ...) is dropped when a capitalised word that is no title follows it ("Chad
  Johnson", "Niger Delta", "Washington Post"), when a lowercase geographic word follows it
  ("the Niger river"), when "the", "Gulf of", "River", "Latin", "Mr" and the like precede it,
  or when a capitalised word that opens no sentence precedes it ("Michael Jordan"). In a
  title-case text (every word of four letters or more capitalised) the capitalised-neighbour
  tests are skipped.
* A name after such a word ("in Togo", "the border with Libya", "in Mali and Niger") is
  still a mention, marked ``locative``: when "the army" or "the junta" takes its country
  from context, countries named as actors count before countries named as places.
* A place of ``places.json`` ("in Gao", "the Tillaberi region") implies its country, like a
  locative capital.
* A demonym used as a language ("in French.", "French-speaking") is dropped.
* A form two countries share (Congolese) is left for the merger to settle with ``choices``.

Mentions never include a possessive ("Mali's" gives the mention "Mali") nor a leading "the".
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

import attrs

from sahel_news.data import (
    country_table,
    current_language,
    month_names,
    place_table,
    register_cache,
    table_words,
    weekday_names,
    word_set,
)
from sahel_news.extract.entities.recognizer import (
    EntityCandidate,
    EntityLabel,
    built_candidate,
    new_candidate,
)
from sahel_news.lexicon._matcher import Tail, VocabularyTable
from sahel_news.lexicon._shared import table_hits, vocabulary_table
from sahel_news.text import fold
from sahel_news.text._units import TextUnit

__all__ = ["CountryRecognizer", "find_countries", "is_title_case"]


@register_cache
@functools.cache
def _locative_backwards() -> re.Pattern[str]:
    """What may stand right before a place ("in ", "the border with the ", "the capital, ").

    Written backwards: it is matched on the reversed text, from the place back, so that the
    regex engine makes one attempt instead of one at every character of the window. (Each
    phrase ends with white space; a word boundary reads the same both ways.) The words after which a
    name is a place ("in Bamako", "visiting Moscow") are ``locative_words`` of ``words.json``.
    """
    words = [fold(word) for word in table_words("words", "locative_words")]
    if current_language() == "fr":
        # "au Kremlin", "à la Maison Blanche", "de l'Élysée", "d'Alger", "la capitale, Bamako"
        whole = [w for w in words if not w.endswith("'")]
        elided = [w for w in words if w.endswith("'")]
        return re.compile(
            r"(?:'l|\s+(?:el|al|sel))?(?:\s+(?i:"
            + "|".join(re.escape(word[::-1]) for word in whole)
            + ")"
            + "".join(f"|{re.escape(word[::-1])}" for word in elided)
            + r")\b|\s+,?(?:[a-z]+\s+)?elatipac\b"
        )
    return re.compile(
        r"(?:\s+eht)?\s+(?i:"
        + "|".join(re.escape(word[::-1]) for word in words)
        + r"|htiw\s+s?(?:redrob|reitnorf))\b"
        r"|(?:\s+,?ytic)?\s+,?latipac\b"
    )


_LOCATIVE_WINDOW = 30


def _phrases(section: str) -> str:
    """The phrases of a ``words.json`` list as a regex alternation, any white space inside."""
    phrases = (fold(p) for p in table_words("words", section))
    return "|".join(re.escape(p).replace("\\ ", r"\s+") for p in phrases)


@register_cache
@functools.cache
def _not_a_country() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What makes an ambiguous form something else: a geographic noun or "-based" after it
    ("the Niger river"), or a word before it ("Gulf of Guinea", "Mr Chad", "South Sudan")."""
    after = re.compile(rf"\s+(?:{_phrases('geographic_nouns')})\b|-(?:based|speaking)\b")
    before = re.compile(rf"(?:\b(?:{_phrases('blocking_before')})\s+)$")
    return after, before


_NEXT_CAPITALISED = re.compile(r"\s+([A-Z][\w'-]*)")
_PREVIOUS_CAPITALISED = re.compile(r"(?<![\w'-])(?P<word>[A-Z][\w'-]*)\s+$")
_LANGUAGE_USE = re.compile(r"\b(?:in|speak|speaks|spoke|speaking)\s+$")
# French: "en français", "parle français", "francophones" is no demonym
_LANGUAGE_USE_FR = re.compile(r"\b(?:en|parle|parlent|parlant|parler)\s+$")
_SPACE_LOWERCASE = re.compile(r" [a-z]")
_COORDINATION = re.compile(r",? (?:and|or) |, ")
_WORD = re.compile(r"[A-Za-z][\w'-]*")
# A word of four letters or more that starts lowercase (a letter after no word character
# always starts a `_WORD`): one is enough to show a text is not in title case.
_LONG_LOWERCASE_WORD = re.compile(r"(?<![\w'-])[a-z][\w'-]{3}")


@register_cache
@functools.cache
def _neutral_neighbours() -> frozenset[str]:
    """Capitalised words that may stand next to a country name without making it another thing.

    ``neutral_neighbours`` of ``words.json``, and the month and weekday names, capitalised.
    """
    calendar = (*month_names(), *weekday_names())
    words = {fold(word) for word in word_set("neutral_neighbours")}
    return frozenset(words | {fold(name).capitalize() for name in calendar})


@attrs.frozen
class _Form:
    alpha3s: tuple[str, ...]
    kind: str
    ambiguous: bool
    # what its candidates hold, worked out once: the one code or the choices, and
    # whether a locative use only implies the country (a capital or seat)
    single: str | None = attrs.field(init=False)
    choices: tuple[str, ...] = attrs.field(init=False)
    place_kind: bool = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        single = self.alpha3s[0] if len(self.alpha3s) == 1 else None
        object.__setattr__(self, "single", single)
        object.__setattr__(self, "choices", self.alpha3s if single is None else ())
        object.__setattr__(self, "place_kind", self.kind in {"capital", "seat"})


_COUNTRY = EntityLabel.COUNTRY


@register_cache
@functools.cache
def _forms() -> dict[str, _Form]:
    codes: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    ambiguous: set[str] = set()
    for alpha3, entry in country_table().items():
        marked = {_key(form) for form in entry.ambiguous}
        groups = (
            ("name", entry.names),
            ("demonym", entry.demonyms),
            ("capital", entry.capitals),
            ("seat", entry.seats),
        )
        for kind, forms in groups:
            for form in forms:
                key = _key(form)
                if not key:
                    continue
                if alpha3 not in codes.setdefault(key, []):
                    codes[key].append(alpha3)
                kinds.setdefault(key, kind)
                if key in marked:
                    ambiguous.add(key)
    return {
        key: _Form(tuple(alphas), kinds[key], key in ambiguous or len(alphas) > 1)
        for key, alphas in codes.items()
    }


@vocabulary_table("countries")
def _country_table() -> VocabularyTable:
    return VocabularyTable(
        frozenset(_forms()), case_sensitive=True, tail=Tail.WORD_END, hyphen_joins=False
    )


def _key(form: str) -> str:
    folded = fold(form).strip()
    return folded.removeprefix("the ")


def is_title_case(text: str) -> bool:
    """Whether every word of four letters or more is capitalised, as in a title-case headline."""
    if _LONG_LOWERCASE_WORD.search(text):
        return False
    long_words = [w for w in _WORD.findall(text) if len(w) >= 4]
    return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)


def _ambiguous_rejected(folded: str, start: int, end: int, title_case: bool) -> bool:
    after = folded[end : end + 40]
    before = folded[max(0, start - 40) : start]
    geographic_after, blocking_before = _not_a_country()
    if geographic_after.match(after) or blocking_before.search(before):
        return True
    if title_case:
        return False
    following = _NEXT_CAPITALISED.match(after)
    neutral = _neutral_neighbours()
    if following and following.group(1) not in neutral:
        return True
    previous = _PREVIOUS_CAPITALISED.search(before)
    return bool(previous and previous.group("word") not in neutral)


def _is_locative(folded: str, start: int, end: int) -> bool:
    if folded.startswith("-based", end):
        return True
    window = folded[max(0, start - _LOCATIVE_WINDOW) : start]
    return _locative_backwards().match(window[::-1]) is not None


@register_cache
@functools.lru_cache(maxsize=2048)
def find_countries(text: str) -> tuple[EntityCandidate, ...]:
    """The country candidates of *text*, in order (cached: the actor recognizer reuses them)."""
    return _scan(text)


def _scan(text: str) -> tuple[EntityCandidate, ...]:
    table = _forms()
    language_use = _LANGUAGE_USE_FR if current_language() == "fr" else _LANGUAGE_USE
    folded = fold(text)
    title_case: bool | None = None
    found: list[EntityCandidate] = []
    for start, end in table_hits("countries", folded):
        form = table[folded[start:end]]
        if form.ambiguous and len(form.alpha3s) == 1:
            if title_case is None:
                title_case = is_title_case(folded)
            if _ambiguous_rejected(folded, start, end, title_case):
                continue
        if form.kind == "demonym" and (
            folded.startswith("-speaking", end)
            or (
                language_use.search(folded[max(0, start - 12) : start])
                and not _followed_by_word(folded, end)
            )
        ):
            continue
        locative = form.kind != "demonym" and (
            _is_locative(folded, start, end) or _joined_to_locative(folded, found, start)
        )
        found.append(
            new_candidate(
                (
                    start,
                    end,
                    _COUNTRY,
                    None,
                    None,
                    None,
                    form.single,
                    None,
                    False,
                    locative and form.place_kind,
                    form.choices,
                    False,
                    1,
                    form.kind,
                    locative,
                )
            )
        )
    return _merge_places(folded, found)


def _joined_to_locative(folded: str, found: list[EntityCandidate], start: int) -> bool:
    """Whether "in Mali and Niger" makes this second country a place like the first."""
    if not found or not found[-1].locative:
        return False
    return bool(_COORDINATION.fullmatch(folded, found[-1].end, start))


def _merge_places(folded: str, countries: list[EntityCandidate]) -> tuple[EntityCandidate, ...]:
    """The country candidates, with the countries implied by gazetteer places among them."""
    found = table_hits("places", folded)
    if not found:  # most texts name no place; the countries are in order already
        return tuple(countries)
    places = _place_forms()
    taken = sorted((c.start, c.end) for c in countries)
    starts = [start for start, _ in taken]
    reach = list(itertools.accumulate((end for _, end in taken), max))  # furthest end so far
    extra = [
        built_candidate(
            start,
            end,
            EntityLabel.COUNTRY,
            country=places[folded[start:end]],
            implied=True,
            locative=True,
            form="place",
        )
        for start, end in found
        if not _overlaps_any(starts, reach, start, end)
    ]
    return tuple(sorted((*countries, *extra), key=lambda c: c.start))


def _overlaps_any(starts: list[int], reach: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a stretch of the sorted *starts* (with their *reach*)."""
    before_end = bisect.bisect_left(starts, end)
    return before_end > 0 and reach[before_end - 1] > start


@register_cache
@functools.cache
def _place_forms() -> dict[str, str]:
    """The folded forms of the places of ``places.json`` that lie in one country -> alpha-3."""
    countries = country_table()
    forms: dict[str, str] = {}
    for place in place_table():
        # Capitals come from the country table, with its rules for ambiguous forms.
        if place.country is None or place.country not in countries or place.kind == "capital":
            continue
        for name in (place.name, *place.aliases):
            forms.setdefault(fold(name), place.country)
    return forms


@vocabulary_table("places")
def _place_table() -> VocabularyTable:
    return VocabularyTable(
        frozenset(_place_forms()), case_sensitive=True, tail=Tail.NO_HYPHENATED_WORD
    )


def _followed_by_word(folded: str, end: int) -> bool:
    return bool(_SPACE_LOWERCASE.match(folded, end))


class CountryRecognizer:
    """The default country recognizer (see the module's docstring for its rules)."""

    def recognize(self, unit: TextUnit) -> tuple[EntityCandidate, ...]:
        """The country candidates of *unit*, in order."""
        return find_countries(unit.text)
