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

from sahel_news.data import register_cache
from sahel_news.extract._actor_gazetteer import OrgTemplate, org_rules, vocabulary
from sahel_news.extract.recognizer import (
    EntityCandidate,
    EntityLabel,
    WordPattern,
    alternation,
)
from sahel_news.models import ActorKind

__all__ = ["find_organisations", "find_people"]

_NAME_WORD = r"(?:[A-Z]\.|(?:al|el|ad|as|an|ar)-[A-Z][\w'-]*|[A-Z][\w'-]*)"
_NON_SPACE = re.compile(r"\S+")
_NEXT_WORD = re.compile(r"\s*([\w'-]+)")
# Words joined by spaces, read in the reversed text: the words before a position, nearest first.
_WORDS_BACK = re.compile(r" *[\w'.-]+(?: +[\w'.-]+)*")
_POSSESSIVE = "'s"
_CONTEXT_WORDS = frozenset({"its", "his", "her", "their"})
_DETERMINERS = frozenset({"the", "a", "an"})
_COUNT_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
_GROUP_OF = re.compile(
    r"\s+of\s+(?:the\s+)?(?P<count>both|two|three|four|five)\s+(?:countries|states|nations)\b"
)
_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:neighbouring\s+|neighboring\s+|fellow\s+)?")
_AND_GAP = re.compile(r"\s*and\s*")
_OF_PHRASE = re.compile(r" of [^,.;:()\"]{1,60}")
_LIST_JOIN = re.compile(r"(?:,\s+and\s+|,\s+|\s+and\s+)")
_MILITARY_NOUN_NEXT = re.compile(
    r"[.,;:)\"']|\s+(?:said|says|has|had|have|is|was|were|are|will|would|and|of|on|in|to|"
    r"claimed|announced|denied|reported|launched|carried|killed|took|seized|withdrew|"
    r"entered|arrived|left|pulled|remains?|also)\b|$"
)


@register_cache
@functools.cache
def _person_patterns() -> tuple[
    tuple[WordPattern, WordPattern, re.Pattern[str]],
    re.Pattern[str],
    re.Pattern[str],
    WordPattern,
]:
    words = vocabulary()
    particles = "|".join(re.escape(p) for p in sorted(set(words.particles), key=len, reverse=True))
    name = rf"{_NAME_WORD}(?: +(?:(?:{particles}) +)?{_NAME_WORD}){{0,4}}"
    head_forms = {h.lower() for h in words.heads}
    heads = alternation(head_forms)
    ranks = alternation(set(words.ranks))
    # Heads match the lowercased text, ranks ("General", "Major") only as capitalised.
    title = (
        WordPattern.compile(head_forms, r"(?![\w-])"),
        WordPattern.compile(set(words.ranks), r"(?![\w-])"),
        re.compile(rf"(?<![\w-])(?:(?i:{heads})|{ranks})(?![\w-])"),
    )
    name_after = re.compile(
        rf"(?:(?P<of> of [^,.;:()\"]{{1,60}}), ?|(?P<comma>, ?| +))(?P<name>{name})"
    )
    name_before = re.compile(rf"(?P<name>{name}), +$")
    speech = WordPattern.compile(set(words.speech_verbs), r"(?![\w-])")
    return title, name_after, name_before, speech


@register_cache
@functools.cache
def _speech_names() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The name right after a verb of saying, and the name right before one."""
    particles = "|".join(re.escape(p) for p in sorted(set(vocabulary().particles), key=len))
    name = rf"{_NAME_WORD}(?: +(?:(?:{particles}) +)?{_NAME_WORD}){{0,4}}"
    return re.compile(rf" +(?P<name>{name})"), re.compile(rf"(?<![\w'-])(?P<name>{name}) +$")


@functools.lru_cache(maxsize=64)
def _lowered(folded: str) -> str:
    """``folded.lower()`` (cached: the title, speech and organisation rules all ask for it)."""
    return folded.lower()


def _titles(
    patterns: tuple[WordPattern, WordPattern, re.Pattern[str]], folded: str
) -> Iterator[tuple[int, int]]:
    """The title words of *folded*, in order, without overlaps."""
    heads, ranks, any_case = patterns
    lower = _lowered(folded)
    if len(lower) != len(folded):
        yield from (m.span() for m in any_case.finditer(folded))
        return
    spans = [m.span() for m in heads.matches(lower)]
    spans += [m.span() for m in ranks.matches(folded)]
    last_end = -1
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start >= last_end:
            last_end = end
            yield start, end


def _clean_name(folded: str, start: int, end: int, *, keep: str) -> tuple[int, int] | None:
    """Trim a matched name to its valid tokens; *keep* says which end to keep ("left"/"right")."""
    words = vocabulary()
    text = folded[start:end]
    if text.endswith(_POSSESSIVE):
        end -= 2
        text = text[:-2]
    tokens = [(m.start() + start, m.end() + start) for m in _NON_SPACE.finditer(text)]
    bad = [_bad_token(folded[s:e], words.not_names, words.particles) for s, e in tokens]
    if keep == "left":
        good = []
        for span, is_bad in zip(tokens, bad, strict=True):
            if is_bad:
                break
            good.append(span)
    else:
        good = []
        for span, is_bad in zip(reversed(tokens), reversed(bad), strict=True):
            if is_bad:
                break
            good.insert(0, span)
    while good and folded[good[0][0] : good[0][1]] in words.particles:
        good.pop(0)
    while good and folded[good[-1][0] : good[-1][1]] in words.particles:
        good.pop()
    if not good:
        return None
    return good[0][0], good[-1][1]


def _bad_token(token: str, not_names: frozenset[str], particles: tuple[str, ...]) -> bool:
    if token in particles:
        return False
    bare = token.rstrip(".")
    if token in not_names or bare in not_names:
        return True
    return len(bare) > 1 and bare.isupper()


def _words_before(folded: str, position: int) -> list[tuple[int, int]]:
    """The words just before *position*, nearest first, stopping at punctuation."""
    chain = _WORDS_BACK.match(folded[max(0, position - 120) : position][::-1])
    if chain is None:
        return []
    result: list[tuple[int, int]] = []
    end = position
    for word in chain.group().split(" "):
        if word:
            result.append((end - len(word), end))
            end -= len(word)
        end -= 1  # the space after (in reading order, before) the word
    return result


class _Countries:
    """The country candidates of one text, indexed by where they end and start."""

    def __init__(self, countries: Sequence[EntityCandidate]) -> None:
        self.ending_at: dict[int, EntityCandidate] = {}
        for candidate in countries:
            self.ending_at.setdefault(candidate.end, candidate)  # the first listed wins
        # the last listed wins, as a dict built in order would have it
        self.named_at = {c.start: c for c in countries if c.country is not None and not c.implied}
        with_code = sorted(
            (c.start, position, c) for position, c in enumerate(countries) if c.country is not None
        )
        self._coded_starts = [start for start, _, _ in with_code]
        self._coded = [(position, c) for _, position, c in with_code]
        self._ends = sorted(c.end for c in countries)

    def within(self, start: int, end: int) -> str | None:
        """The code of the first-listed country wholly inside ``[start, end)``, if any."""
        low = bisect.bisect_left(self._coded_starts, start)
        high = bisect.bisect_left(self._coded_starts, end, low)
        inside = [(position, c) for position, c in self._coded[low:high] if c.end <= end]
        return min(inside, key=lambda pc: pc[0])[1].country if inside else None

    def any_ending_between(self, low: int, high: int) -> bool:
        """Whether a country ends at an offset in ``[low, high]``."""
        first = bisect.bisect_left(self._ends, low)
        return first < len(self._ends) and self._ends[first] <= high


def _ends_with_comma(folded: str, position: int) -> bool:
    """Whether ``folded[:position]``, white space trimmed, ends with a comma."""
    while position > 0 and folded[position - 1].isspace():
        position -= 1
    return position > 0 and folded[position - 1] == ","


@register_cache
@functools.cache
def _single_heads() -> frozenset[str]:
    return frozenset(h.lower() for h in vocabulary().heads if " " not in h)


def _affiliation(
    folded: str, countries: _Countries, words: list[tuple[int, int]]
) -> tuple[int, str | None, bool, int]:
    """Walk back over role modifiers: (role start, country, needs context, stop position).

    The stop position is where the role phrase begins, with its possessor or article.
    """
    vocab = vocabulary()
    role_start = -1
    stop = -1
    for index, (start, end) in enumerate(words):
        word = folded[start:end]
        bare = word[:-2] if word.endswith(_POSSESSIVE) else word
        country_end = end - 2 if word.endswith(_POSSESSIVE) else end
        country = countries.ending_at.get(country_end)
        if country is not None:
            return role_start, country.country, False, start
        if word.lower() in _CONTEXT_WORDS:
            return role_start, None, True, start
        lowered = bare.lower()
        if (lowered in vocab.modifiers or lowered in _single_heads()) and not word.endswith(
            _POSSESSIVE
        ):
            role_start = stop = start  # stacked titles: "Army spokesman Colonel X"
            continue
        if word == "of" and index + 1 < len(words):
            following_start, following_end = words[index + 1]
            if folded[following_start:following_end].lower() in vocab.modifiers | _single_heads():
                continue
        if word.lower() in _DETERMINERS:
            stop = start
        break
    return role_start, None, False, stop


def find_people(
    text: str, folded: str, countries: Sequence[EntityCandidate]
) -> Iterator[EntityCandidate]:
    """Person candidates of one text (names found by their titles and by verbs of saying).

    *folded* is ``fold(text)``; roles are read from *text*, as written.
    """
    title, name_after, name_before, speech = _person_patterns()
    vocab = vocabulary()
    countries_at = _Countries(countries)
    previous: EntityCandidate | None = None
    for head_start, head_end in _titles(title, folded):
        found = name_after.match(folded, head_end)
        if found is None and "," not in folded[max(0, head_start - 60) : head_start]:
            continue  # no name after the title, and no apposition before it
        head_text = folded[head_start:head_end]
        words = _words_before(folded, head_start)
        role_start, country, needs, stop = _affiliation(folded, countries_at, words)
        start_of_role = role_start if role_start >= 0 else head_start
        role = text[start_of_role:head_end]
        if head_text.lower() in vocab.not_roles:
            role = ""
        if (
            country is None
            and not needs
            and previous is not None
            and previous.from_text
            and _AND_GAP.fullmatch(folded, previous.end, start_of_role) is not None
        ):
            country = previous.country
        of_phrase = _OF_PHRASE.match(folded, head_end)
        if country is None and not needs and of_phrase is not None:
            country = countries_at.within(of_phrase.start(), of_phrase.end())
        span = None
        if found:
            span = _clean_name(folded, found.start("name"), found.end("name"), keep="left")
            if span is not None and folded[span[0] : span[1]].lower() in vocab.heads:
                span = None
        if stop < 0:
            stop = start_of_role
        if span is None and stop > 0 and _ends_with_comma(folded, stop):
            apposed = name_before.search(folded, max(0, stop - 80), stop)
            if apposed:
                span = _clean_name(folded, *apposed.span("name"), keep="right")
        if span is None:
            continue
        previous = EntityCandidate(
            span[0],
            span[1],
            EntityLabel.PERSON,
            kind=ActorKind.PERSON,
            country=country,
            from_text=country is not None,
            needs_country=needs,
            role=role or None,
            name="title",
        )
        yield previous
    name_after_verb, name_before_verb = _speech_names()
    for said in speech.matches(folded):
        spans = []
        following = name_after_verb.match(folded, said.end())
        if following:
            spans.append(_clean_name(folded, *following.span("name"), keep="left"))
        previous_word = folded[max(0, said.start() - 40) : said.start()].rsplit(None, 1)
        preceding = (
            name_before_verb.search(folded, max(0, said.start() - 80), said.start())
            if previous_word and previous_word[-1][:1].isupper()
            else None
        )
        if preceding:
            spans.append(_clean_name(folded, *preceding.span("name"), keep="right"))
        for span in spans:
            if span is not None:
                yield EntityCandidate(
                    span[0], span[1], EntityLabel.PERSON, kind=ActorKind.PERSON, name="speech"
                )


@register_cache
@functools.cache
def _org_pattern() -> tuple[WordPattern, re.Pattern[str]]:
    """The heads on lowercased text, and the same ignoring case (for texts lower() resizes)."""
    forms = alternation(org_rules().templates)
    return (
        WordPattern.compile(org_rules().templates, r"(?![\w-])"),
        re.compile(rf"(?<![\w-])(?i:{forms})(?![\w-])"),
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
    group = _GROUP_OF.match(folded, end)
    if group:
        return [], _COUNT_WORDS[group.group("count")], group.end()
    of = _OF.match(folded, end)
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
        joiner = _LIST_JOIN.match(folded, candidate.end)
        if not joiner:
            break
        cursor = joiner.end()
    return codes, 0, new_end


def find_organisations(
    folded: str, countries: Sequence[EntityCandidate]
) -> Iterator[EntityCandidate]:
    """Organisation candidates from the heads of ``org_heads.json`` (per-country bodies)."""
    rules = org_rules()
    vocab = vocabulary()
    countries_at = _Countries(countries)
    lowered, any_case = _org_pattern()
    lower = _lowered(folded)
    matches = lowered.matches(lower) if len(lower) == len(folded) else any_case.finditer(folded)
    for match in matches:
        form = match.group().lower()
        template = rules.templates[form]
        start, end = match.span()
        if (
            not template.context
            and form not in template.context_forms
            and not folded.startswith(" of ", end)
            and "'s" not in folded[max(0, start - 40) : start]
            and not countries_at.any_ending_between(start - 40, start)
        ):
            continue  # a body that needs an owner, with no country or possessor near it
        if template.kind is ActorKind.MILITARY:
            following = _NEXT_WORD.match(folded, end)
            next_word = following.group(1).lower() if following else ""
            if next_word in vocab.heads or next_word in vocab.modifiers:
                continue
            if form == "military" and not _MILITARY_NOUN_NEXT.match(folded, end):
                continue
        yield from _org_candidates(folded, countries_at, (start, end), form, template)


def _org_candidates(
    folded: str,
    countries: _Countries,
    span: tuple[int, int],
    form: str,
    template: OrgTemplate,
) -> Iterator[EntityCandidate]:
    start, end = span
    rules = org_rules()
    words = _words_before(folded, start)
    mention_start = start
    owner: EntityCandidate | None = None
    definite = False
    possessive_word = False
    also: list[str] = []
    for index, (word_start, word_end) in enumerate(words):
        word = folded[word_start:word_end]
        is_possessive = word.endswith(_POSSESSIVE)
        country = countries.ending_at.get(word_end - 2 if is_possessive else word_end)
        if country is not None and country.country is not None:
            owner = country
            mention_start = word_start
            also = _coordinated_owners(folded, countries, words[index + 1 :])
            break
        lowered = word.lower()
        if lowered in rules.adjectives and not is_possessive:
            continue
        definite = lowered in {"the", "its"}
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
        choices = _descriptor_set(folded, words[0][1] if words else start)
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
    yield EntityCandidate(
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
    folded: str, countries: _Countries, words: list[tuple[int, int]]
) -> list[str]:
    """The other owners of "Mali's and Niger's juntas": countries joined by "and" before."""
    if len(words) < 2 or folded[words[0][0] : words[0][1]] != "and":
        return []
    start, end = words[1]
    word = folded[start:end]
    country = countries.ending_at.get(end - 2 if word.endswith(_POSSESSIVE) else end)
    return [country.country] if country is not None and country.country is not None else []


def _org(start: int, end: int, template: OrgTemplate, country: str) -> EntityCandidate:
    return EntityCandidate(
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
