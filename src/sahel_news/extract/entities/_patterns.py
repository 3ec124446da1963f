"""Rule patterns for people and organisations that are in no gazetteer.

People: a title before a name ("Deputy Minister Yunus-Bek Yevkurov", "air force chief Alou
Boi Diarra"), an apposition after a title ("its transitional leader, Abdourahamane Tchiani"),
a title after a name ("Abdoulaye Diop, Mali's foreign minister,") and a verb of saying
("said Amadou Diallo", "Amadou Diallo said"). The words before the title give the country
("Malian", "Mali's", "Kremlin"; "its"/"his" ask the context), and a title joined by "and" to
an earlier one inherits its country ("Malian Defense Minister X and air force chief Y").

Organisations: a head of ``org_heads.json`` ("Defense Ministry", "military government",
"armed forces") with a country before it ("the Russian Defense Ministry", "Mali's military
regime", "the Sahel state's armed forces") or after it ("the military regimes of Mali and
Niger", "... of both countries"), or a bare "the junta" that takes its country from context.

Every regex is built once from the tables and cached; offsets are into the folded text,
which has the same length as the original.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import attrs

from sahel_news.data import current_language, register_cache, table_words, word_set
from sahel_news.extract.entities._gazetteer import (
    OrgTemplate,
    actor_forms,
    org_rules,
    slug,
    vocabulary,
)
from sahel_news.extract.entities.recognizer import EntityCandidate, EntityLabel, built_candidate
from sahel_news.lexicon._matcher import Tail, VocabularyTable
from sahel_news.lexicon._shared import lowercase, table_hits, vocabulary_table
from sahel_news.models import ActorKind
from sahel_news.text import fold

__all__ = ["find_actors", "find_organisations", "find_people"]

_NAME_WORD = r"(?:[A-Z]\.|(?:al|el|ad|as|an|ar)-[A-Z][\w'-]*|[A-Z][\w'-]*)"
_NON_SPACE = re.compile(r"\S+")
_NEXT_WORD = re.compile(r"\s*([\w'-]+)")
# Words joined by spaces, read in the reversed text: the words before a position, nearest
# first (`_words_before`): the first may follow the position after spaces or none, the next
# ones after at least one space each.
_FIRST_WORD_BACK = re.compile(r" *([\w'.-]+)")
_NEXT_WORD_BACK = re.compile(r" +([\w'.-]+)")
_POSSESSIVE = "'s"
_CONTEXT_WORDS = frozenset({"its", "his", "her", "their"})
_DETERMINERS = frozenset({"the", "a", "an"})
_COUNT_WORDS = {
    "both": 2,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
}
_GROUP_OF = re.compile(
    r"\s+of\s+(?:the\s+)?(?P<count>both|two|three|four|five)\s+(?:countries|states|nations)\b"
)
_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:neighbouring\s+|neighboring\s+|fellow\s+)?")
_AND_GAP = re.compile(r"\s*and\s*")
_OF_PHRASE = re.compile(r" (?:of|for) [^,.;:()\"]{1,90}")
_LIST_JOIN = re.compile(r"(?:,\s+and\s+|,\s+|\s+and\s+)")
# What joins two titles of one person ("President of the Transition, Head of State, Captain
# X"; "Prime Minister and Defence Minister X"): a comma, or "and" between capitalised titles.
_CHAIN_COMMA = re.compile(r", ?")
_CHAIN_AND = re.compile(r" and (?=[A-Z])")
_ROLE_OF_END = re.compile(r"[,.;:)]|$")
# "a Russian delegation led by ...": the delegation's country is its leader's.
_LED_BY = re.compile(r"\bdelegation,? (?:led|headed) by (?:the )?$")
_LED_BY_NAME = re.compile(r"\bdelegation,? (?:led|headed) by(?= [A-Z])")
_CONNECTORS = frozenset({"and", "of", "the", "for", "&"})
_REMIT_WORD = re.compile(r" (and|of|the|for|&|[A-Z][\w'-]*)")
_PARTY = re.compile(
    r"\bparty,? (?P<name>[A-Z][\w'-]*(?: (?:(?:of|for|the|and|de|du|des|la|le|les|pour|et) )*"
    r"[A-Z][\w'-]*){0,6})(?=[,.;:)]| \(|$)"
)


@attrs.frozen
class _Grammar:
    """The function words and joins the rules read, for one language.

    English is the default; French (``fr``) puts demonyms after the head ("le ministre
    malien", "l'armée malienne"), elides articles ("l'ambassadeur", "d'État"), links titles
    with "et" and an article ("Le président de la Transition, le général d'armée X") and
    writes "de/du/des" for "of".
    """

    context_words: frozenset[str]
    determiners: frozenset[str]
    definite: frozenset[str]
    group_of: re.Pattern[str]
    of: re.Pattern[str]
    of_starts: tuple[str, ...]
    and_gap: re.Pattern[str]
    of_phrase: re.Pattern[str]
    list_join: re.Pattern[str]
    chain_and: re.Pattern[str]
    led_by: re.Pattern[str]
    led_by_name: re.Pattern[str]
    connectors: frozenset[str]
    remit_word: re.Pattern[str]
    post: str
    # French: where a posting starts inside an of-phrase ("représentante du HCR au Tchad")
    posting: re.Pattern[str] | None = None
    # French only: an article that may open a chained title or an apposed name, and the
    # adjectives that may stand between a head and its demonym ("l'armée nationale malienne")
    chain_article: re.Pattern[str] | None = None
    demonym_after: bool = False
    adjectives_after: frozenset[str] = frozenset()
    described: str = r"(?:who|speaking|writing)\b|an? +"
    role_cut: tuple[str, ...] = (" in ", " at ", " from ")


_ENGLISH = _Grammar(
    context_words=_CONTEXT_WORDS,
    determiners=_DETERMINERS,
    definite=frozenset({"the", "its"}),
    group_of=_GROUP_OF,
    of=_OF,
    of_starts=(" of ",),
    and_gap=_AND_GAP,
    of_phrase=_OF_PHRASE,
    list_join=_LIST_JOIN,
    chain_and=_CHAIN_AND,
    led_by=_LED_BY,
    led_by_name=_LED_BY_NAME,
    connectors=_CONNECTORS,
    remit_word=_REMIT_WORD,
    post=r" (?:in|to) ",
)

_FR_OF = r"(?:de la |de l'|des |du |de |d'|pour (?:la |le |les |l')?)"
_FRENCH = _Grammar(
    context_words=frozenset({"son", "sa", "ses", "leur", "leurs"}),
    determiners=frozenset({"le", "la", "les", "l'", "un", "une", "d'"}),
    definite=frozenset({"le", "la", "les", "l'", "son", "sa", "ses", "leur", "leurs"}),
    group_of=re.compile(
        r"\s+(?:des|de ces)\s+(?P<count>deux|trois|quatre|cinq)\s+(?:pays|etats|nations)\b"
    ),
    of=re.compile(
        r"\s+(?:de la\s+|de l'|du\s+|des\s+|de\s+|d')(?:pays\s+voisins?\s+(?:du|de)\s+)?"
    ),
    of_starts=(" de ", " du ", " des ", " d'"),
    and_gap=re.compile(r"\s*et\s*"),
    # "de la Transition", "des Pêches et de l'Économie maritime", "de l'Intérieur, de la
    # Sécurité publique et de ...", "de la Commission de l'Union africaine (UA)"
    of_phrase=re.compile(
        rf"(?:,? et |, | ){_FR_OF}(?:[^,.;:()\"«»]|\([^()]{{1,15}}\)){{1,90}}"
        rf"(?:(?:,? et |, ){_FR_OF}(?:[^,.;:()\"«»]|\([^()]{{1,15}}\)){{1,90}})*"
    ),
    posting=re.compile(r" (?:a|au|aux|en) "),
    list_join=re.compile(r"(?:,\s+et\s+|,\s+|\s+et\s+)"),
    chain_and=re.compile(r" et (?=[A-Z])"),
    led_by=re.compile(
        r"\bdelegation(?: [\w'-]+){0,3},? (?:conduite|dirigee|menee) par (?:le |la |l')?$"
    ),
    led_by_name=re.compile(
        r"\bdelegation(?: [\w'-]+){0,3},? (?:conduite|dirigee|menee) par(?= [A-Z])"
    ),
    connectors=frozenset({"et", "de", "des", "du", "la", "le", "les", "l'", "d'", "&"}),
    remit_word=re.compile(r"(?: |(?<='))(et|de|des|du|la|les|l'|d'|&|[A-Za-z][\w-]*)"),
    post=r" (?:a|au|aux|en) ",
    chain_article=re.compile(r"(?:le |la |l')"),
    demonym_after=True,
    adjectives_after=frozenset(
        {
            "national",
            "nationale",
            "nationaux",
            "nationales",
            "regulier",
            "reguliere",
            "reguliers",
            "regulieres",
            "actuel",
            "actuelle",
            "nouveau",
            "nouvelle",
            "federal",
            "federale",
            "militaire",
            "ancien",
            "ancienne",
        }
    ),
    described=r"(?:qui|s'exprimant)\b|(?:un |une )?",
    role_cut=(" a ", " au ", " aux ", " en ", " de ", " du ", " des ", " d'", " chez ", " dans "),
)


@register_cache
@functools.cache
def _grammar() -> _Grammar:
    """The grammar of the language being read (`sahel_news.data.current_language`)."""
    return _FRENCH if current_language() == "fr" else _ENGLISH


_MILITARY_NOUN_NEXT = re.compile(
    r"[.,;:)\"']|\s+(?:said|says|has|had|have|is|was|were|are|will|would|and|of|on|in|to|"
    r"claimed|announced|denied|reported|launched|carried|killed|took|seized|withdrew|"
    r"entered|arrived|left|pulled|remains?|also)\b|$"
)


@register_cache
@functools.cache
def _person_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A name after a title (with what may stand between), and a name before one."""
    words = vocabulary()
    particles = "|".join(re.escape(p) for p in sorted(set(words.particles), key=len, reverse=True))
    name = rf"{_NAME_WORD}(?: +(?:(?:{particles}) +)?{_NAME_WORD}){{0,4}}"
    grammar = _grammar()
    of = grammar.of_phrase.pattern
    name_after = re.compile(
        rf"(?:(?P<of>{of}), ?"
        rf"|(?P<post>{grammar.post}[A-Z][^,.;:()\"]{{0,40}}), ?"
        rf"|(?P<comma>, ?| +))(?P<name>{name})"
    )
    name_before = re.compile(rf"(?P<name>{name}), +$")
    return name_after, name_before


# Title heads and organisation heads are matched whatever their case; ranks ("General",
# "Major") and verbs of saying ("said", not "Said") only as written.
@vocabulary_table("title-heads")
def _title_head_table() -> VocabularyTable:
    heads = frozenset(h.lower() for h in vocabulary().heads)
    return VocabularyTable(heads, case_sensitive=False, tail=Tail.NO_HYPHEN)


@vocabulary_table("ranks")
def _rank_table() -> VocabularyTable:
    return VocabularyTable(frozenset(vocabulary().ranks), case_sensitive=True, tail=Tail.NO_HYPHEN)


@vocabulary_table("speech-verbs")
def _speech_table() -> VocabularyTable:
    verbs = frozenset(vocabulary().speech_verbs)
    return VocabularyTable(verbs, case_sensitive=True, tail=Tail.NO_HYPHEN)


@vocabulary_table("organisation-heads")
def _org_head_table() -> VocabularyTable:
    heads = frozenset(t.lower() for t in org_rules().templates)
    return VocabularyTable(heads, case_sensitive=False, tail=Tail.NO_HYPHEN)


@register_cache
@functools.cache
def _name_source(*, more_words: tuple[int, int]) -> str:
    """The regex source of a name: a name word, then *more_words* (fewest, most) others,
    with a particle ("ould", "ag", "dan") allowed before each."""
    particles = "|".join(re.escape(p) for p in sorted(set(vocabulary().particles), key=len))
    fewest, most = more_words
    return rf"{_NAME_WORD}(?: +(?:(?:{particles}) +)?{_NAME_WORD}){{{fewest},{most}}}"


@register_cache
@functools.cache
def _speech_names() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The name right after a verb of saying, and the name right before one."""
    name = _name_source(more_words=(0, 4))
    return re.compile(rf" +(?P<name>{name})"), re.compile(rf"(?<![\w'-])(?P<name>{name}) +$")


_Spans = list[tuple[int, int]]


class _UnitText:
    """One text as the rules read it: folded, lowercased, its countries and its head words."""

    def __init__(self, text: str, folded: str, countries: Sequence[EntityCandidate]) -> None:
        self.text = text
        self.folded = folded
        self.lower = lowercase(folded)
        self.countries = _Countries(countries)
        self._backwards: str | None = None
        self.heads = table_hits("title-heads", folded)
        self.orgs = table_hits("organisation-heads", folded)
        self.speech = table_hits("speech-verbs", folded)
        self.ranks = table_hits("ranks", folded)

    @property
    def backwards(self) -> str:
        """The folded text reversed, for `_words_before` (made when first asked for)."""
        if self._backwards is None:
            self._backwards = self.folded[::-1]
        return self._backwards


def _titles(unit: _UnitText) -> Iterator[tuple[int, int]]:
    """The title words of the text, in order, without overlaps."""
    rank_spans = unit.ranks
    if not rank_spans:  # the heads alone are in order and apart already
        yield from unit.heads
        return
    spans = unit.heads + rank_spans
    last_end = -1
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start >= last_end:
            last_end = end
            yield start, end


def _clean_name(folded: str, start: int, end: int, *, keep: str) -> tuple[int, int] | None:
    """Trim a matched name to its valid tokens; *keep* says which end to keep ("left"/"right")."""
    not_names = vocabulary().not_names
    particles = _particle_set()
    text = folded[start:end]
    if text.endswith(_POSSESSIVE):
        text = text[:-2]
    tokens = text.split()
    # the good tokens are tokens[first:last]: from the kept end up to the first bad one
    first, last = 0, len(tokens)
    if keep == "left":
        last = 0
        while last < len(tokens) and not _bad_token(tokens[last], not_names, particles):
            last += 1
    else:
        first = last
        while first > 0 and not _bad_token(tokens[first - 1], not_names, particles):
            first -= 1
    while first < last and tokens[first] in particles:
        first += 1
    while first < last and tokens[last - 1] in particles:
        last -= 1
    if first == last:
        return None
    position = begin = 0
    for index in range(last):  # where the kept tokens start and end in the text
        position = text.find(tokens[index], position)
        if index == first:
            begin = position
        position += len(tokens[index])
    return start + begin, start + position


@register_cache
@functools.cache
def _particle_set() -> frozenset[str]:
    return frozenset(vocabulary().particles)


def _bad_token(token: str, not_names: frozenset[str], particles: frozenset[str]) -> bool:
    if token in particles:
        return False
    bare = token.rstrip(".")
    if token in not_names or bare in not_names:
        return True
    return len(bare) > 1 and bare.isupper()


def _words_before(folded: str, position: int, backwards: str) -> Iterator[tuple[int, int]]:
    """The words just before *position*, nearest first, stopping at punctuation.

    *backwards* is ``folded[::-1]``, read from *position* back at most 120 characters.
    Words are read one at a time, as the rules mostly stop at the first one or two.
    """
    size = len(folded)
    limit = size - max(0, position - 120)
    word = _FIRST_WORD_BACK.match(backwards, size - position, limit)
    while word is not None:
        back_start, back_end = word.span(1)
        yield size - back_end, size - back_start
        word = _NEXT_WORD_BACK.match(backwards, back_end, limit)


class _Countries:
    """The country candidates of one text, indexed by where they end and start.

    ``ending_at`` is built at once (every text with a title or a head asks it); the other
    indexes when first asked for, as most texts ask for none. (Plain attributes, not
    ``functools.cached_property``, whose lock costs more than these small indexes.)
    """

    __slots__ = ("_coded", "_countries", "_ends", "_named_at", "ending_at")

    def __init__(self, countries: Sequence[EntityCandidate]) -> None:
        self._countries = countries
        # end offset -> the first-listed country candidate ending there
        self.ending_at: dict[int, EntityCandidate] = {}
        for candidate in reversed(countries):
            self.ending_at[candidate.end] = candidate
        self._named_at: dict[int, EntityCandidate] | None = None
        self._coded: tuple[list[int], list[tuple[int, EntityCandidate]]] | None = None
        self._ends: list[int] | None = None

    @property
    def named_at(self) -> dict[int, EntityCandidate]:
        """Start offset -> the last-listed named (coded, not implied) country starting there."""
        if self._named_at is None:
            self._named_at = {
                c.start: c for c in self._countries if c.country is not None and not c.implied
            }
        return self._named_at

    def ending_word(self, word: str, end: int) -> EntityCandidate | None:
        """The country *word* (ending at *end*) is, or is the possessive of ("Mali's")."""
        return self.ending_at.get(end - 2 if word.endswith(_POSSESSIVE) else end)

    def within(self, start: int, end: int) -> str | None:
        """The code of the first-listed country wholly inside ``[start, end)``, if any."""
        if self._coded is None:
            with_code = sorted(
                (c.start, position, c)
                for position, c in enumerate(self._countries)
                if c.country is not None
            )
            self._coded = [s for s, _, _ in with_code], [(pos, c) for _, pos, c in with_code]
        coded_starts, coded = self._coded
        low = bisect.bisect_left(coded_starts, start)
        high = bisect.bisect_left(coded_starts, end, low)
        inside = [(position, c) for position, c in coded[low:high] if c.end <= end]
        return min(inside, key=lambda pc: pc[0])[1].country if inside else None

    def any_ending_between(self, low: int, high: int) -> bool:
        """Whether a country ends at an offset in ``[low, high]``."""
        if self._ends is None:
            self._ends = sorted(self.ending_at)
        ends = self._ends
        first = bisect.bisect_left(ends, low)
        return first < len(ends) and ends[first] <= high


def _ends_with_comma(folded: str, position: int) -> bool:
    """Whether ``folded[:position]``, white space trimmed, ends with a comma."""
    while position > 0 and folded[position - 1].isspace():
        position -= 1
    return position > 0 and folded[position - 1] == ","


@register_cache
@functools.cache
def _single_heads() -> frozenset[str]:
    return frozenset(h.lower() for h in vocabulary().heads if " " not in h)


@register_cache
@functools.cache
def _role_words() -> frozenset[str]:
    """What may stand before a title within its role: modifiers and one-word heads."""
    return vocabulary().modifiers | _single_heads()


@register_cache
@functools.cache
def _head_set() -> frozenset[str]:
    """The title heads as written in the table (folded), for lookups."""
    return frozenset(vocabulary().heads)


def _affiliation(
    folded: str, countries: _Countries, words: Iterator[tuple[int, int]]
) -> tuple[int, str | None, bool, int]:
    """Walk back over role modifiers: (role start, country, needs context, stop position).

    The stop position is where the role phrase begins, with its possessor or article.
    """
    role_words = _role_words()
    grammar = _grammar()
    role_start = -1
    stop = -1
    span = next(words, None)
    while span is not None:
        start, end = span
        word = folded[start:end]
        possessive = word.endswith(_POSSESSIVE)
        country = countries.ending_word(word, end)
        if country is not None:
            return role_start, country.country, False, start
        lowered = word.lower()
        if lowered in grammar.context_words:
            return role_start, None, True, start
        if lowered in role_words and not possessive:
            role_start = stop = start  # stacked titles: "Army spokesman Colonel X"
            span = next(words, None)
            continue
        if f" {word} " in grammar.of_starts:
            span = next(words, None)
            # "chief of staff": a head before "of" reads on; a modifier ("the army of
            # General X", "the government of Prime Minister X") names what the person leads
            if span is not None and folded[span[0] : span[1]].lower() in _single_heads():
                continue
            break
        if lowered in grammar.determiners:
            stop = start
        break
    return role_start, None, False, stop


class _Chain(NamedTuple):
    """Titles with no name of their own, waiting for the title that ends the chain.

    Each link holds its own role and the link before it, so a run of titles of any length
    costs one link per title (a tuple of every role so far would be copied per title).
    """

    next: int  # where the next title (or its article) must start
    role: str
    before: _Chain | None
    country: str | None
    needs: bool

    @property
    def roles(self) -> list[str]:
        """The roles of the chain, first to last."""
        roles: list[str] = []
        link: _Chain | None = self
        while link is not None:
            roles.append(link.role)
            link = link.before
        roles.reverse()
        return roles


def _chain_link(folded: str, end: int, *, capitalised: bool = True) -> int | None:
    """Where a title chained to the role ending at *end* would start, if something joins one.

    A comma joins any two titles; "and" only capitalised ones ("Prime Minister and Defence
    Minister X"), as "the defence minister and General X" are most often two people; a
    space, a rank right after ("Army spokesman Colonel X").
    """
    grammar = _grammar()
    of_phrase = grammar.of_phrase.match(folded, end)
    if of_phrase is not None and _ROLE_OF_END.match(folded, of_phrase.end()):
        end = of_phrase.end()
    join = _CHAIN_COMMA.match(folded, end)
    if join is None and capitalised:
        join = grammar.chain_and.match(folded, end)
    if join is not None:
        after = join.end()
        article = grammar.chain_article.match(folded, after) if grammar.chain_article else None
        if article is not None:  # "..., le général X": the article opens the next title
            after = article.end()
        following = _NEXT_WORD.match(folded, after)
        if following is None or not (
            _title_word(following.group(1))
            or (
                folded.startswith(".", following.end())
                and _title_word(following.group(1) + ".")  # "..., M. X"
            )
        ):
            return None  # no title after the comma: nothing to chain to
    if join is None and folded[end : end + 1] == " " and folded[end + 1 : end + 2].isupper():
        following = _NEXT_WORD.match(folded, end)
        if following is not None and following.group(1) in _rank_starts():
            return end + 1  # "Minister of the Armed Forces General X": a rank right after
    return join.end() if join is not None else None


@register_cache
@functools.cache
def _rank_starts() -> frozenset[str]:
    """The first word of every rank ("Lieutenant" of "Lieutenant General")."""
    return frozenset(rank.split()[0] for rank in vocabulary().ranks)


def _role_end(
    folded: str, head_end: int, of_phrase: re.Match[str] | None, found: re.Match[str] | None
) -> int:
    """Where the role ends: after its of-phrase when one closes it ("President of Faso,")."""
    if found is not None and found.re is _speech_names()[0]:
        return found.start("name") - 1  # "Minister of Mines X": the role stops at the name
    if of_phrase is None:
        return head_end
    return of_phrase.end() if _ROLE_OF_END.match(folded, of_phrase.end()) else head_end


@register_cache
@functools.cache
def _portfolios() -> frozenset[str]:
    """The remit words of ``titles.json`` ("mines", "energy"), lowercase."""
    return frozenset(fold(w).lower() for w in table_words("titles", "portfolios"))


def _portfolio_name(folded: str, position: int) -> re.Match[str] | None:
    """The name after "Minister of <remit>" with no comma between ("Minister of Mines X").

    *position* is where the remit begins (after "of", or after a head that ends in one).
    The remit is read word by word while its words are ``portfolios`` words (or "and",
    "of", "the"); the name is what follows, and there is none unless the remit holds at
    least one such word.
    """
    remit_words = _portfolios()
    grammar = _grammar()
    last_remit = -1
    while (word := grammar.remit_word.match(folded, position)) is not None:
        token = word.group(1)
        if token.lower() in remit_words:
            last_remit = word.end()
        elif token not in grammar.connectors:
            break
        position = word.end()
    if last_remit < 0:
        return None
    return _speech_names()[0].match(folded, last_remit)


def _delegation_country(unit: _UnitText, role_start: int) -> tuple[str | None, bool]:
    """The country of "a Malian delegation led by" before a role: (code, needs context)."""
    folded = unit.folded
    grammar = _grammar()
    reach = 60 if grammar.demonym_after else 40
    if folded.find("delegation", max(0, role_start - reach), role_start) < 0:
        return None, False
    led = grammar.led_by.search(folded, max(0, role_start - reach), role_start)
    if led is None:
        return None, False
    if grammar.demonym_after:  # "une délégation malienne conduite par"
        return unit.countries.within(led.start(), led.end()), False
    for start, end in _words_before(folded, led.start(), unit.backwards):
        word = folded[start:end]
        country = unit.countries.ending_word(word, end)
        if country is not None and country.country is not None:
            return country.country, False
        lowered = word.lower()
        if lowered in grammar.context_words:
            return None, True
        if lowered not in word_set("delegation_words"):
            break
    return None, False


def _title_word(word: str) -> bool:
    """Whether *word* opens a title ("Assistant", "Deputy", "General")."""
    return word.lower() in _role_words() or word in _rank_starts()


def _delegation_leaders(unit: _UnitText) -> Iterator[EntityCandidate]:
    """People named with no title as a delegation's leader ("a delegation led by X")."""
    folded = unit.folded
    name_after_verb = _speech_names()[0]
    for led in _grammar().led_by_name.finditer(folded):
        following = name_after_verb.match(folded, led.end())
        if following is None:
            continue
        span = _clean_name(folded, *following.span("name"), keep="left")
        if span is None:
            continue
        words = folded[span[0] : span[1]].split()
        if len(words) < 2 or _title_word(words[0]):  # a title: the title rules read it
            continue
        country, needs = _delegation_country(unit, following.start("name"))
        yield _titled_person(span, country, needs)


_PORTFOLIO_GOES_ON = re.compile(r" and [A-Z][\w'-]*(?: [A-Za-z][\w'-]*){0,4},")


def _past_portfolio(folded: str, found: re.Match[str]) -> re.Match[str] | None:
    """The name after a title, past a remit that runs on after its first comma.

    In "Minister of Public Health, Population and Social Affairs, Garba Hakimi" the words
    after the first comma still name the remit; the name follows the next comma.
    """
    if _PORTFOLIO_GOES_ON.match(folded, found.end("name")) is None:
        return found
    return _speech_names()[0].match(folded, folded.find(",", found.end("name")) + 1)


def _of_start(folded: str, end: int, grammar: _Grammar) -> int | None:
    """Where the remit starts when an "of" follows *end* ("Minister of Mines X"), if one does."""
    for start in grammar.of_starts:
        if folded.startswith(start, end):
            return end + len(start) - (start[-1] == " ")
    return None


def _demonym_after(unit: _UnitText, end: int) -> tuple[int, str | None]:
    """A demonym right after a French head ("ministre malien", "l'armée nationale malienne").

    Returns where the head now ends (after the demonym) and the demonym's country; or *end*
    and None when no demonym follows (one adjective of the grammar may stand between).
    """
    folded = unit.folded
    position = end
    for _ in range(2):
        if folded[position : position + 1] != " ":
            break
        candidate = unit.countries.named_at.get(position + 1)
        if candidate is not None and candidate.form == "demonym" and candidate.country:
            return candidate.end, candidate.country
        following = _NEXT_WORD.match(folded, position)
        if following is None or following.group(1).lower() not in _grammar().adjectives_after:
            break
        position = following.end()
    return end, None


def _titled_person(
    span: tuple[int, int], country: str | None, needs: bool, role: str | None = None
) -> EntityCandidate:
    """A person found by a title (or a delegation's lead), with what the text says of them."""
    return built_candidate(
        span[0],
        span[1],
        EntityLabel.PERSON,
        kind=ActorKind.PERSON,
        country=country,
        from_text=country is not None,
        needs_country=needs,
        role=role,
        name="title",
    )


def find_actors(
    text: str, folded: str, countries: Sequence[EntityCandidate]
) -> Iterator[EntityCandidate]:
    """`find_people`, then `find_organisations`, reading the text once for both."""
    unit = _UnitText(text, folded, countries)
    yield from _people(unit)
    yield from _organisations(unit)


def find_people(
    text: str, folded: str, countries: Sequence[EntityCandidate]
) -> Iterator[EntityCandidate]:
    """Person candidates of one text (names found by their titles and by verbs of saying).

    *folded* is ``fold(text)``; roles are read from *text*, as written.
    """
    return _people(_UnitText(text, folded, countries))


def _people(unit: _UnitText) -> Iterator[EntityCandidate]:
    name_after, name_before = _person_patterns()
    vocab = vocabulary()
    text, folded, countries_at = unit.text, unit.folded, unit.countries
    grammar = _grammar()
    previous: EntityCandidate | None = None
    chain: _Chain | None = None
    for head_start, title_end in _titles(unit):
        head_end, country_after = title_end, None
        if grammar.demonym_after:  # "le ministre malien des Affaires étrangères"
            head_end, country_after = _demonym_after(unit, title_end)
        found = name_after.match(folded, head_end)
        of_start = _of_start(folded, head_end, grammar) if found is None else None
        if of_start is not None:
            found = _portfolio_name(folded, of_start)
        elif (
            found is None
            and folded.startswith(" and ", head_end)
            and " of " in folded[head_start:head_end]
        ):
            found = _portfolio_name(folded, head_end)  # "Minister of Defence and Veterans X"
        if found is not None and found.re is name_after and found.group("of"):
            found = _past_portfolio(folded, found)
        if (
            found is None
            and "," not in folded[max(0, head_start - 60) : head_start]
            and _chain_link(folded, head_end) is None
        ):
            continue  # no name after the title, no apposition before it, no title after it
        head_text = folded[head_start:head_end]
        words = _words_before(folded, head_start, unit.backwards)
        role_start, country, needs, stop = _affiliation(folded, countries_at, words)
        if country is None and country_after is not None:  # "son homologue tchadien": Chad
            country, needs = country_after, False
        start_of_role = role_start if role_start >= 0 else head_start
        of_phrase = grammar.of_phrase.match(folded, head_end)
        role_end = _role_end(folded, head_end, of_phrase, found)
        role = text[start_of_role:role_end].rstrip(" ,")
        if head_end > title_end and role_end >= head_end:  # the demonym is no part of the role
            role = (text[start_of_role:title_end] + text[head_end:role_end]).rstrip(" ,")
        if role_end == head_end and head_text.lower() in vocab.not_roles:
            role = ""
        if (
            country is None
            and not needs
            and previous is not None
            and previous.from_text
            and grammar.and_gap.fullmatch(folded, previous.end, start_of_role) is not None
        ):
            country = previous.country
        if country is None and not needs and of_phrase is not None:
            of_end = of_phrase.end()
            if grammar.posting is not None:  # "l'ambassadeur de France au Niger": France
                posting = grammar.posting.search(folded, of_phrase.start(), of_end)
                of_end = posting.start() if posting is not None else of_end
            country = countries_at.within(of_phrase.start(), of_end)
        if country is None and not needs:
            country, needs = _delegation_country(unit, stop if stop >= 0 else start_of_role)
        chained = None
        if chain is not None and (
            chain.next in (start_of_role, stop) or start_of_role < chain.next <= head_start
        ):
            chained = chain
            if start_of_role < chain.next:  # the modifiers read back belong to the last title
                start_of_role = chain.next
                role = text[start_of_role:role_end]
        chain = None
        if chained is not None and country is None and not needs:
            country, needs = chained.country, chained.needs
        span = None
        if found:
            span = _clean_name(folded, found.start("name"), found.end("name"), keep="left")
            if span is not None and folded[span[0] : span[1]].lower() in _head_set():
                span = None
        if stop < 0:
            stop = start_of_role
        if span is None and chained is None and stop > 0 and _ends_with_comma(folded, stop):
            apposed = name_before.search(folded, max(0, stop - 80), stop)
            if apposed:
                span = _clean_name(folded, *apposed.span("name"), keep="right")
        if span is None:
            capitalised = text[start_of_role : start_of_role + 1].isupper()
            link = _chain_link(folded, role_end, capitalised=capitalised)
            if link is not None:
                chain = _Chain(link, role, chained, country, needs)
            continue
        for chained_role in chained.roles if chained is not None else ():
            if chained_role:
                yield _titled_person(span, country, needs, chained_role)
        previous = _titled_person(span, country, needs, role or None)
        yield previous
    name_after_verb, name_before_verb = _speech_names()
    for said_start, said_end in unit.speech:
        spans = []
        following = name_after_verb.match(folded, said_end)
        if following:
            spans.append(_clean_name(folded, *following.span("name"), keep="left"))
        previous_word = folded[max(0, said_start - 40) : said_start].rsplit(None, 1)
        preceding = (
            name_before_verb.search(folded, max(0, said_start - 80), said_start)
            if previous_word and previous_word[-1][:1].isupper()
            else None
        )
        if preceding:
            spans.append(_clean_name(folded, *preceding.span("name"), keep="right"))
        for span in spans:
            if span is not None:
                yield built_candidate(
                    span[0], span[1], EntityLabel.PERSON, kind=ActorKind.PERSON, name="speech"
                )
    if ", " in folded:
        yield from _described_people(unit)
    if "led by" in folded or "headed by" in folded or (grammar.demonym_after and " par " in folded):
        yield from _delegation_leaders(unit)


@register_cache
@functools.cache
def _described_pattern() -> re.Pattern[str]:
    """A full name opening a clause, then a comma and what says it is a person's:
    "who", a participle of speaking, or "a"/"an" and a description."""
    name = _name_source(more_words=(1, 4))
    grammar = _grammar()
    if grammar is _ENGLISH:
        return re.compile(
            rf"(?:^|(?<=[.,;:] )|(?<=[\"“] ))(?P<name>{name}), +"
            r"(?:(?:who|speaking|writing)\b"
            r"|an? +(?P<role>[^,.;:()]{2,60}?)(?=[,.;:()]| who\b))"
        )
    # French: "Moussa Sawadogo, commerçant à Ouagadougou," (an article is optional), also
    # after a verb of saying ("», raconte Amina Abakar, une mère de famille")
    # a verb of saying is read forwards (one lookbehind per verb, tried at every character,
    # made the pattern several times slower); the name's group is the same either way
    verbs = sorted({v for v in _speech_verb_words() if " " not in v and v.islower()})
    after_verb = f"|\\b(?:{'|'.join(map(re.escape, verbs))}) " if verbs else ""
    return re.compile(
        rf"(?:^|(?<=[.,;:] )|(?<=[\"“«] ){after_verb})(?P<name>{name}), +"
        r"(?:(?:qui|s'exprimant)\b"
        r"|(?:une? +)?(?P<role>[a-z][^,.;:()«»]{1,60}?)(?=[,.;:()]| qui\b))"
    )


@register_cache
@functools.cache
def _person_nouns() -> frozenset[str]:
    """``person_nouns`` of ``words.json``, folded and lowercase."""
    return frozenset(fold(w).lower() for w in word_set("person_nouns"))


def _speech_verb_words() -> tuple[str, ...]:
    """The verbs of saying of ``titles.json`` (folded)."""
    return vocabulary().speech_verbs


def _described_people(unit: _UnitText) -> Iterator[EntityCandidate]:
    """People named once by their full name and described as a person.

    "Moussa Sawadogo, a gold trader in Ouagadougou, said", "Aminata Kaboré, who fled the
    village, said", "Issa Koné, speaking for the government": no title, but the clause says
    a person is meant. The description's last noun must be one of ``words.json``'s
    ``person_nouns`` ("Sahel Minerals, a British firm" describes no person).
    """
    person_nouns = _person_nouns()
    noun_first = _grammar().demonym_after  # French: "commerçant à Ouagadougou"
    folded = unit.folded
    for found in _described_pattern().finditer(folded):
        role = found.group("role")
        if role is not None:
            described = role
            for cut in _grammar().role_cut:
                described = described.split(cut, 1)[0]
            words = described.split()
            head = (words[0] if noun_first else words[-1]).lower() if words else ""
            if noun_first and head in _single_heads():
                continue  # "X, ambassadeur de Russie": the title rules read it
            if head not in person_nouns:
                continue
            role = unit.text[found.start("role") : found.start("role") + len(described)]
        span = _clean_name(folded, *found.span("name"), keep="right")
        if span is None or " " not in folded[span[0] : span[1]]:
            continue
        yield built_candidate(
            span[0],
            span[1],
            EntityLabel.PERSON,
            kind=ActorKind.PERSON,
            role=role,
            name="described",
        )


def _descriptor_set(folded: str, stop: int) -> frozenset[str] | None:
    rules = org_rules()
    before = folded[max(0, stop - 40) : stop].lower().rstrip()
    if not before.endswith(_POSSESSIVE):
        return None
    before = before[:-2]
    for phrase, set_name in rules.descriptors.items():
        if before.endswith(phrase) and (
            len(before) == len(phrase) or not before[-len(phrase) - 1].isalnum()
        ):
            return rules.country_sets[set_name]
    return None


def _countries_after(folded: str, countries: _Countries, end: int) -> tuple[list[str], int, int]:
    """Countries listed in "of Mali and Niger" after *end*: (codes, count asked, new end)."""
    grammar = _grammar()
    group = grammar.group_of.match(folded, end)
    if group:
        return [], _COUNT_WORDS[group.group("count")], group.end()
    of = grammar.of.match(folded, end)
    if not of:
        return [], 0, end
    by_start = countries.named_at
    codes: list[str] = []
    cursor = of.end()
    new_end = end
    while cursor in by_start:
        candidate = by_start[cursor]
        codes.append(candidate.country or "")
        new_end = candidate.end
        joiner = grammar.list_join.match(folded, candidate.end)
        if not joiner:
            break
        cursor = joiner.end()
    return codes, 0, new_end


def find_organisations(
    folded: str, countries: Sequence[EntityCandidate]
) -> Iterator[EntityCandidate]:
    """Organisation candidates from the heads of ``org_heads.json`` (per-country bodies)."""
    return _organisations(_UnitText(folded, folded, countries))


def _organisations(unit: _UnitText) -> Iterator[EntityCandidate]:
    rules = org_rules()
    vocab = vocabulary()
    grammar = _grammar()
    folded, countries_at = unit.folded, unit.countries
    for start, end in unit.orgs:
        form = unit.lower[start:end]
        template = rules.templates[form]
        if grammar.demonym_after:  # "l'armée malienne", "le gouvernement nigérien"
            demonym_end, country = _demonym_after(unit, end)
            if country is not None:
                yield _org(start, demonym_end, template, country)
                continue
        if (
            not template.context
            and form not in template.context_forms
            and _of_start(folded, end, grammar) is None
            and "'s" not in folded[max(0, start - 40) : start]
            and not countries_at.any_ending_between(start - 40, start)
        ):
            continue  # a body that needs an owner, with no country or possessor near it
        if template.kind is ActorKind.MILITARY:
            following = _NEXT_WORD.match(folded, end)
            next_word = following.group(1).lower() if following else ""
            if next_word in _head_set() or next_word in vocab.modifiers:
                continue
            if form == "military" and not _MILITARY_NOUN_NEXT.match(folded, end):
                continue
        elif template.id == "military-government" and _before_a_head(folded, end):
            continue  # "the junta leader" names a person, not the junta
        yield from _org_candidates(unit, (start, end), form, template)
    if "party" in unit.lower:
        yield from _parties(unit)


def _before_a_head(folded: str, end: int) -> bool:
    """Whether a title head ("leader", "spokesman") is the word right after *end*."""
    following = _NEXT_WORD.match(folded, end)
    return following is not None and following.group(1).lower() in _single_heads()


def _parties(unit: _UnitText) -> Iterator[EntityCandidate]:
    """Parties named after the word "party" ("his party, Les Transformateurs,").

    A party acts for no state, even in power; one the gazetteer knows is left to it.
    """
    folded = unit.folded
    not_names = vocabulary().not_names
    heads = _single_heads()
    known = actor_forms()
    for found in _PARTY.finditer(folded):
        name = found.group("name")
        first = name.split()[0]
        if first in not_names or first.lower() in heads or name in known:
            continue
        yield built_candidate(
            found.start("name"),
            found.end("name"),
            EntityLabel.ORGANISATION,
            name=name,
            id=slug(name),
            kind=ActorKind.POLITICAL_PARTY,
        )


def _org_candidates(
    unit: _UnitText,
    span: tuple[int, int],
    form: str,
    template: OrgTemplate,
) -> Iterator[EntityCandidate]:
    start, end = span
    rules = org_rules()
    folded, countries = unit.folded, unit.countries
    words = _words_before(folded, start, unit.backwards)
    mention_start = start
    owner: EntityCandidate | None = None
    definite = False
    possessive_word = False
    first_word_end = -1
    also: list[str] = []
    for word_start, word_end in words:
        if first_word_end < 0:
            first_word_end = word_end
        word = folded[word_start:word_end]
        is_possessive = word.endswith(_POSSESSIVE)
        country = countries.ending_word(word, word_end)
        if country is not None and country.country is not None:
            owner = country
            mention_start = min(word_start, country.start)  # "Burkina Faso's army"
            also = _coordinated_owners(folded, countries, words)
            break
        lowered = word.lower()
        if lowered in rules.adjectives and not is_possessive:
            continue
        definite = lowered in _grammar().definite
        possessive_word = is_possessive
        break
    restrict_name = template.restrict
    if owner is not None and owner.country is not None:
        yield _org(mention_start, end, template, owner.country)
        for code in also:
            yield _org(mention_start, end, template, code)
        return
    codes, count, new_end = _countries_after(folded, countries, end)
    if codes:
        for code in dict.fromkeys(codes):
            yield _org(start, new_end, template, code)
        return
    context_ok = template.context or form in template.context_forms
    choices: frozenset[str] | None = None
    if possessive_word:
        choices = _descriptor_set(folded, first_word_end)
        if choices is None:
            return
        context_ok = True
    elif count:
        context_ok = True
    elif not definite:
        return
    if not context_ok:
        return
    if choices is None and restrict_name is not None:
        choices = rules.country_sets.get(restrict_name)
    yield built_candidate(
        start,
        new_end if count else end,
        EntityLabel.ORGANISATION,
        name=template.name,
        id=template.id,
        kind=template.kind,
        needs_country=True,
        choices=tuple(sorted(choices or ())),
        context_count=count or 1,
        form="per_country",
    )


def _coordinated_owners(
    folded: str, countries: _Countries, words: Iterator[tuple[int, int]]
) -> list[str]:
    """The other owners of "Mali's and Niger's juntas": countries joined by "and" before.

    *words* are the words before the owner, nearest first.
    """
    joiner = next(words, None)
    if joiner is None or folded[joiner[0] : joiner[1]] != "and":
        return []
    owner = next(words, None)
    if owner is None:
        return []
    start, end = owner
    country = countries.ending_word(folded[start:end], end)
    return [country.country] if country is not None and country.country is not None else []


def _org(start: int, end: int, template: OrgTemplate, country: str) -> EntityCandidate:
    return built_candidate(
        start,
        end,
        EntityLabel.ORGANISATION,
        name=template.name,
        id=template.id,
        kind=template.kind,
        country=country,
        from_text=True,
        form="per_country",
    )
