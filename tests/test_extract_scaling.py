"""Long texts: bounded sentences and indexed look-ups read what the plain rules read.

Speed itself is measured by benchmarks/bench_scaling.py; these tests pin that the
bounded and indexed forms give the same answers as the plain ones, and what happens
to a run-on "sentence" longer than the cap.
"""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from _event_annotate import annotate
from sahel_news.data import abbreviations
from sahel_news.extract.entities._merge import Hit, _Context, _Intervals
from sahel_news.extract.events import extract_events
from sahel_news.extract.quotes import extract_quotes
from sahel_news.models import Article, ParticipantRole, PloverType
from sahel_news.pipeline import parse_article
from sahel_news.text._sentences import MAX_SENTENCE, split_sentences

_BOUNDARY = re.compile(r"([.!?…]+[\"'”’»)\]]*)(\s*)")
_SINGLE_INITIAL = re.compile(r"(?:^|\s)[A-Z]$")


def _plain_split(text: str) -> list[tuple[int, int]]:
    """split_sentences as first written: reading the whole sentence so far at each stop."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        following = text[match.end() : match.end() + 2]
        if not following.strip():
            continue  # the end of the text
        if not match.group(2):
            # glued: "said.The" ends a sentence, "3.5" and "U.S.Army" do not
            before_stop = text[match.start() - 1 : match.start()]
            if not (before_stop.islower() and following[0].isupper() and following[1:].islower()):
                continue
        elif following[0].islower():
            continue
        before = text[start : match.start()]
        last_word = before.rsplit(None, 1)[-1].lower().strip("(\"'“‘") if before.split() else ""
        if last_word in abbreviations() or _SINGLE_INITIAL.search(before):
            continue
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    trimmed = []
    for s, e in bounds:
        segment = text[s:e]
        s2 = s + (len(segment) - len(segment.lstrip()))
        e2 = e - (len(segment) - len(segment.rstrip()))
        if e2 > s2:
            trimmed.append((s2, e2))
    return trimmed


_PIECES = st.sampled_from(
    [
        "Mr",
        "Gen",
        "U.S",
        "J",
        "x",
        "Mali",
        "(mr",
        "“Dr",
        "said",
        "the",
        "12",
        "A",
        "b",
        "Ouaga",
        "Tx",
    ]
)
_GLUE = st.sampled_from(
    [" ", ". ", "! ", "? ", ".” ", ".) ", ".\n", " \n", "  ", ", ", ".", "… ", "?! ", ".» "]
)
_TEXTS = st.lists(st.tuples(_PIECES, _GLUE), max_size=40).map(
    lambda pairs: "".join(word + glue for word, glue in pairs)
)


def _filler(size: int) -> str:
    words = "troops patrol the border villages near the river while traders wait"
    text = ""
    while len(text) < size:
        text += words + " "
    return text[:size].rstrip()


class TestSplitSentences:
    """split_sentences"""

    @given(_TEXTS)
    def test_short_texts_split_as_the_plain_rule_splits_them(self, text):
        """Reading only the last word before a stop gives the sentences of the whole reading."""
        assert split_sentences(text) == _plain_split(text)

    def test_run_on_sentence_is_cut_into_bounded_chunks_at_spaces(self):
        """A 7,000-character sentence with no stop becomes chunks of at most MAX_SENTENCE."""
        text = _filler(7000) + "."
        chunks = split_sentences(text)
        assert len(chunks) == 4
        assert all(0 < end - start <= MAX_SENTENCE for start, end in chunks)
        assert all(text[end] == " " for _, end in chunks[:-1])  # cut where a word ends
        assert chunks[-1][1] == len(text)

    @given(
        st.lists(
            st.sampled_from(["a" * 700, "b", " ", ". ", "\n", " a. B", "x" * 1500]), max_size=30
        )
    )
    def test_chunks_keep_every_character_in_order(self, pieces):
        """The chunks are in order, do not overlap, and hold every non-space character."""
        text = "".join(pieces)
        chunks = split_sentences(text)
        assert all(end - start <= MAX_SENTENCE for start, end in chunks)
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(chunks))
        covered = "".join(text[start:end] for start, end in chunks)
        assert "".join(covered.split()) == "".join(text.split())

    def test_word_longer_than_the_cap_is_cut_anyway(self):
        """A 5,000-character word with no space is cut at the cap."""
        chunks = split_sentences("x" * 5000)
        assert chunks == [(0, 2000), (2000, 4000), (4000, 5000)]


def _hits(spans):
    return [Hit(order, start, end, ()) for order, start, end in spans]


_SPANS = st.lists(
    st.tuples(st.integers(0, 2), st.integers(0, 60), st.integers(1, 15)).map(
        lambda t: (t[0], t[1], t[1] + t[2])
    ),
    max_size=20,
)


class TestIndexes:
    """The interval and context indexes of the entity merger."""

    @given(_SPANS, st.tuples(st.integers(0, 2), st.integers(0, 70), st.integers(1, 15)))
    def test_overlap_matches_a_scan(self, spans, probe):
        """`_Intervals.overlap` says what comparing with every stretch says."""
        order, start, length = probe
        end = start + length
        expected = any(o == order and s < end and start < e for o, s, e in spans)
        assert _Intervals(_hits(spans)).overlap(order, start, end) is expected

    @given(
        st.lists(
            st.tuples(st.integers(0, 2), st.integers(0, 50), st.sampled_from("MNB"), st.booleans()),
            max_size=15,
        ),
        st.integers(0, 2),
        st.integers(0, 55),
        st.sets(st.sampled_from("MNB")),
        st.integers(1, 3),
    )
    def test_nearest_matches_a_walk_back(self, raw, order, start, choices, count):
        """`_Context.nearest` finds what walking back over the signals finds."""
        signals = sorted((o, s, code, actor) for o, s, code, actor in raw)
        before = [s for s in signals if (s[0], s[1]) < (order, start)]
        tiers = [[s for s in before if s[3]], before] if count == 1 else [before]
        expected: list[str] = []
        for tier in tiers:
            found: list[str] = []
            for _, _, code, _ in reversed(tier):
                if (not choices or code in choices) and code not in found:
                    found.append(code)
            if found:
                expected = found[:count]
                break
        assert _Context(signals).nearest(order, start, choices, count) == expected


def _article(*paragraphs: str, countries=None, actors=()) -> Article:
    return annotate(
        Article(id="s", headline="Headline", paragraphs=paragraphs), countries or {}, actors
    )


class TestLongSentences:
    """Events and quotes in run-on sentences."""

    def test_event_past_the_cap_is_found_in_its_chunk(self):
        """An attack 5,000 characters into a stop-less sentence is found, its evidence bounded."""
        text = _filler(5000) + " Mali attacked Niger on Monday"
        article = extract_events(_article(text, countries={"MLI": ["Mali"], "NER": ["Niger"]}))
        (event,) = article.events
        assert event.type is PloverType.ASSAULT
        assert {(p.ref, p.role) for p in event.participants} == {
            ("MLI", ParticipantRole.SOURCE),
            ("NER", ParticipantRole.TARGET),
        }
        (evidence,) = event.evidence
        assert evidence.end == len(text)
        assert evidence.end - evidence.start <= MAX_SENTENCE

    def test_attribution_before_a_quote_late_in_a_long_text(self):
        """`Mali said: "..."` after 3,000 characters with no full stop still names Mali."""
        text = _filler(3000) + ', and Mali said: "The decision is final and not negotiable"'
        (quote,) = extract_quotes(_article(text, countries={"MLI": ["Mali"]}))
        assert quote.speaker == "MLI"
        assert quote.text == "The decision is final and not negotiable"

    def test_repeated_event_in_many_sentences_is_one_event(self):
        """The same attack told in 200 sentences folds into one event with 200 sentences."""
        body = " ".join(["Mali attacked Niger on 3 March 2024."] * 200)
        article = extract_events(_article(body, countries={"MLI": ["Mali"], "NER": ["Niger"]}))
        (event,) = article.events
        assert len(event.evidence) == 200

    def test_long_one_line_article_parses_into_valid_records(self):
        """A 60 KB one-line paragraph of names, quotes and commas parses (the Article checks)."""
        line = "Mali's President Assimi Goita, “we will go,” said Goita, Niger, " * 1000
        article = parse_article("Mali talks\n\n" + line + "\n\nJune 05, 2024 at 07:49PM")
        assert {c.alpha3 for c in article.countries} >= {"MLI", "NER"}
        assert len(article.quotes) > 900
        assert all(q.speaker == "assimi-goita" for q in article.quotes)
