"""Events: triggers, participants, places, times, status and merging (seed golden test)."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _event_annotate import CAPTURES, annotate, capture_names, load_capture, score
from sahel_news.capture import parse_layout
from sahel_news.extract.events import extract_events
from sahel_news.extract.events._lexicon import find_triggers, lexicon
from sahel_news.models import (
    Article,
    EventStatus,
    Part,
    ParticipantRole,
    PloverType,
    Precision,
)
from sahel_news.pipeline import parse_article
from sahel_news.text import fold
from sahel_news.text._tokens import tokenize

SEED_COUNTRIES = {
    "MLI": ["Mali", "Malian"],
    "NER": ["Niger", "Niamey"],
    "RUS": ["Russian", "Russia", "Moscow"],
    "FRA": ["France", "French", "Paris"],
    "USA": ["US", "American"],
    "BFA": ["Burkina Faso"],
}
SEED_ACTORS = [
    {
        "id": "yunus-bek-yevkurov",
        "name": "Yunus-Bek Yevkurov",
        "country": "RUS",
        "surfaces": ["Yunus-Bek Yevkurov", "Yevkurov"],
    },
    {
        "id": "assimi-goita",
        "name": "Assimi Goita",
        "country": "MLI",
        "surfaces": ["Assimi Goita", "Goita"],
    },
    {
        "id": "abdourahamane-tchiani",
        "name": "Abdourahamane Tchiani",
        "country": "NER",
        "surfaces": ["Abdourahamane Tchiani"],
    },
    {"id": "sadio-camara", "name": "Sadio Camara", "country": "MLI", "surfaces": ["Sadio Camara"]},
    {
        "id": "alou-boi-diarra",
        "name": "Alou Boi Diarra",
        "country": "MLI",
        "surfaces": ["Alou Boi Diarra"],
    },
    {
        "id": "vladimir-putin",
        "name": "Vladimir Putin",
        "country": "RUS",
        "surfaces": ["Vladimir Putin"],
    },
    {
        "id": "mohamed-bazoum",
        "name": "Mohamed Bazoum",
        "country": "NER",
        "surfaces": ["Mohamed Bazoum"],
    },
    {
        "id": "russian-defense-ministry",
        "name": "Russian Defense Ministry",
        "kind": "government",
        "country": "RUS",
        "surfaces": ["Russian Defense Ministry"],
    },
]


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Article:
    article = parse_layout(seed_text)
    return extract_events(annotate(article, SEED_COUNTRIES, SEED_ACTORS))


def _refs(event, role=None):
    return {p.ref for p in event.participants if role is None or p.role is role}


def _find(article, kind, trigger):
    found = [e for e in article.events if e.type is kind and e.trigger.text == trigger]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in article.events]
    return found[0]


def _one_day(day):
    return lambda when: when is not None and when.earliest == when.latest == day


class TestSeedGolden:
    """The seed's events, checked against its text by reading it."""

    def test_goita_hosts_the_delegation_in_bamako_on_monday(self, seed):
        """Goita hosting the Russian officials is CONSULT in Bamako on Monday 3 June 2024."""
        event = _find(seed, PloverType.CONSULT, "hosted")
        assert "assimi-goita" in _refs(event, ParticipantRole.SOURCE)
        assert "yunus-bek-yevkurov" in _refs(event)
        assert event.where is not None
        assert event.where.name == "Bamako"
        assert event.where.country == "MLI"
        assert _one_day(date(2024, 6, 3))(event.when)
        assert event.when.precision is Precision.DAY

    def test_tchiani_met_the_russians_the_day_before(self, seed):
        """Tchiani's meeting is in Niamey on 2 June, the day before Monday's announcement."""
        event = _find(seed, PloverType.CONSULT, "met")
        assert "abdourahamane-tchiani" in _refs(event, ParticipantRole.SOURCE)
        assert "russian-defense-ministry" in _refs(event, ParticipantRole.TARGET)
        assert event.where is not None
        assert event.where.name == "Niamey"
        assert _one_day(date(2024, 6, 2))(event.when)

    def test_talks_with_camara_and_diarra_precede_the_meeting(self, seed):
        """Yevkurov's talks with Camara and Diarra end on or before 3 June."""
        event = _find(seed, PloverType.CONSULT, "held talks")
        assert _refs(event, ParticipantRole.SOURCE) == {"yunus-bek-yevkurov"}
        assert _refs(event, ParticipantRole.TARGET) == {"sadio-camara", "alou-boi-diarra"}
        assert event.when is not None
        assert event.when.latest == date(2024, 6, 3)

    def test_visits_are_one_event_per_country_with_restatements_merged(self, seed):
        """The visits to Niger and Mali are two events whose evidence includes the standfirst."""
        visits = [e for e in seed.events if e.trigger.text == "visited"]
        assert {tuple(_refs(e, ParticipantRole.TARGET)) for e in visits} == {("NER",), ("MLI",)}
        for visit in visits:
            parts = {span.part for span in visit.evidence}
            assert {Part.STANDFIRST, Part.PARAGRAPH} <= parts
        assert any(Part.HEADLINE in {s.part for s in v.evidence} for v in visits)
        consults = [e for e in seed.events if e.type is PloverType.CONSULT]
        assert len(consults) == 5

    def test_putin_and_goita_commit_in_march(self, seed):
        """Putin and Goita committing to cooperation is AGREE in March 2024."""
        event = _find(seed, PloverType.AGREE, "committed to")
        assert _refs(event, ParticipantRole.SOURCE) == {"vladimir-putin", "assimi-goita"}
        assert (event.when.earliest, event.when.latest) == (date(2024, 3, 1), date(2024, 3, 31))
        assert event.when.precision is Precision.MONTH

    def test_niger_agrees_to_military_ties_with_moscow_in_january(self, seed):
        """Niger agreeing to develop ties with Moscow is AGREE in January 2024, not July."""
        event = _find(seed, PloverType.AGREE, "agreed")
        assert _refs(event, ParticipantRole.SOURCE) == {"NER"}
        assert _refs(event, ParticipantRole.TARGET) == {"RUS"}
        assert event.when.earliest == date(2024, 1, 1)
        assert not any(e.type is PloverType.COOPERATE for e in seed.events)

    def test_bazoum_overthrow_is_coerce_last_july(self, seed):
        """The overthrow of Bazoum is COERCE against him in July 2023."""
        event = _find(seed, PloverType.COERCE, "overthrow of")
        assert _refs(event, ParticipantRole.TARGET) == {"mohamed-bazoum"}
        assert (event.when.earliest, event.when.latest) == (date(2023, 7, 1), date(2023, 7, 31))

    def test_us_withdrawal_is_planned_for_mid_september(self, seed):
        """US troops are set to withdraw from Niger by mid-September 2024: planned RETREAT."""
        event = _find(seed, PloverType.RETREAT, "withdraw")
        assert event.status is EventStatus.PLANNED
        assert "USA" in _refs(event, ParticipantRole.SOURCE)
        assert "NER" in _refs(event)
        assert event.when.earliest.year == 2024
        assert event.when.earliest.month == 9

    def test_ties_severed_deal_cancelled_and_forces_expelled(self, seed):
        """Severing ties with France, cancelling the US deal and expelling French forces."""
        severed = _find(seed, PloverType.SANCTION, "severed military ties")
        assert _refs(severed, ParticipantRole.SOURCE) == {"MLI", "NER"}
        assert _refs(severed, ParticipantRole.TARGET) == {"FRA"}
        cancelled = _find(seed, PloverType.SANCTION, "canceled")
        assert "NER" in _refs(cancelled, ParticipantRole.SOURCE)
        expelled = _find(seed, PloverType.SANCTION, "expelling")
        assert "FRA" in _refs(expelled, ParticipantRole.TARGET)

    def test_false_triggers_make_no_events(self, seed):
        """ "according to", "relations", "the meeting" and "pro-Western" state no event."""
        triggers = {e.trigger.text.lower() for e in seed.events}
        assert not triggers & {"according to", "relations", "meeting", "support", "discussed"}
        assert all(e.evidence[0].part is not Part.RELATED for e in seed.events)

    def test_event_ids_follow_reading_order(self, seed):
        """Event ids run e1, e2, ... in the order of their first evidence."""
        assert [e.id for e in seed.events] == [f"e{n}" for n in range(1, len(seed.events) + 1)]
        order = {Part.HEADLINE: 0, Part.STANDFIRST: 1, Part.PARAGRAPH: 2}
        keys = [
            (order[e.evidence[0].part], e.evidence[0].index, e.evidence[0].start)
            for e in seed.events
        ]
        assert keys == sorted(keys)

    def test_quote_is_attributed_to_niger(self, seed):
        """The "two parties reaffirmed" quote is Niger's military government's."""
        (quote,) = seed.quotes
        assert quote.text.startswith("The two parties reaffirmed")
        assert quote.speaker == "NER"


def _article(paragraphs, countries=(), published=datetime(2024, 6, 5, tzinfo=UTC)):
    """A bare article with country mentions found by surface."""
    article = Article(
        id="t", headline="Headline", paragraphs=tuple(paragraphs), published=published
    )
    return annotate(article, dict(countries))


class TestSentences:
    """Single-sentence behaviour."""

    @pytest.mark.parametrize(
        ("sentence", "types"),
        [
            (
                "Senegal rejected the report on Friday and demanded an apology from France.",
                ["REJECT", "REQUEST"],
            ),
            ("Niger agreed to develop ties and cooperate on security with Mali.", ["AGREE"]),
            ("Niger accused Mali of arming and training the rebels.", ["ACCUSE"]),
        ],
    )
    def test_verb_coordinated_with_a_control_verb(self, sentence, types):
        """A finite verb after "and" is its own event; an infinitive or gerund is not."""
        article = extract_events(
            _article(
                [sentence],
                {"SEN": ["Senegal"], "FRA": ["France"], "NER": ["Niger"], "MLI": ["Mali"]},
            )
        )
        assert sorted(e.type.value for e in article.events) == types

    def test_dateline_date_is_not_the_event_date(self):
        """The filing date of a wire dateline does not date the events of its sentence."""
        text = (
            "Mali says troops attacked camp\n\n"
            "BAMAKO, June 5 (Reuters) - Malian troops attacked a rebel camp on Monday, "
            "the army said.\n\nJune 5, 2024 at 10:00AM\n"
        )
        article = parse_article(text)
        assert article.dateline is not None
        (event,) = (e for e in article.events if e.trigger.text == "attacked")
        assert event.when is not None
        assert (event.when.expression, event.when.earliest) == ("on Monday", date(2024, 6, 3))

    def test_event_that_happened_is_not_dated_after_publication(self):
        """A future cue in another clause does not move a past event's month forward."""
        article = extract_events(
            _article(
                [
                    (
                        "In November, Chad ended its defence agreement with France, and "
                        "French troops are due to leave by the end of January."
                    )
                ],
                {"TCD": ["Chad"], "FRA": ["France", "French"]},
                published=datetime(2025, 1, 7, tzinfo=UTC),
            )
        )
        ended = next(e for e in article.events if e.type is PloverType.SANCTION)
        leave = next(e for e in article.events if e.type is PloverType.RETREAT)
        assert ended.when is not None
        assert (ended.when.earliest, ended.when.latest) == (date(2024, 11, 1), date(2024, 11, 30))
        assert leave.status is EventStatus.PLANNED
        assert leave.when is not None
        assert leave.when.latest == date(2025, 1, 31)

    def test_the_following_day_counts_from_the_last_dated_event(self):
        """A reporting date after an event's date is not what "the following day" follows."""
        article = extract_events(
            _article(
                [
                    (
                        "Gunmen attacked a Malian camp on Tuesday, officials told reporters "
                        "on Wednesday."
                    ),
                    "Malian aircraft struck their positions the following day.",
                ],
                {"MLI": ["Malian"]},
                published=datetime(2024, 6, 6, tzinfo=UTC),
            )
        )
        struck = next(e for e in article.events if e.trigger.text == "struck")
        assert struck.when is not None
        assert struck.when.earliest == struck.when.latest == date(2024, 6, 5)

    def test_when_clause_takes_the_time_it_hangs_on(self):
        """ "since last July, when X signed": the signing is dated last July."""
        article = extract_events(
            _article(
                [
                    (
                        "Relations have worsened since last July, when Burkina Faso, Mali "
                        "and Niger signed a treaty."
                    )
                ],
                {"BFA": ["Burkina Faso"], "MLI": ["Mali"], "NER": ["Niger"]},
            )
        )
        (signed,) = article.events
        assert signed.when is not None
        assert (signed.when.earliest, signed.when.latest) == (date(2023, 7, 1), date(2023, 7, 31))

    def test_since_makes_an_event_ongoing_and_apart_from_one_it_dates(self):
        """ "has fought X since July, when Y were killed": an ongoing fight and a past attack."""
        article = extract_events(
            _article(
                [
                    (
                        "The Malian army has fought rebels since last July, when dozens of "
                        "soldiers were killed in an ambush."
                    )
                ],
                {"MLI": ["Malian"]},
            )
        )
        fought, killed = article.events
        assert (fought.status, killed.status) == (EventStatus.ONGOING, EventStatus.OCCURRED)
        assert fought.when is not None
        assert fought.when.latest == date(2024, 6, 5)
        assert killed.when is not None
        assert (killed.when.earliest, killed.when.latest) == (date(2023, 7, 1), date(2023, 7, 31))

    def test_dateline_alone_leaves_the_event_undated(self):
        """An event whose only date is the dateline's has no time of its own."""
        text = (
            "Niger takes over uranium mine\n\n"
            "NIAMEY, June 5 (Reuters) - Niger has nationalised a uranium mine run by a "
            "French company.\n\nJune 5, 2024 at 10:00AM\n"
        )
        article = parse_article(text)
        assert article.dateline is not None
        nationalised = next(e for e in article.events if e.trigger.text == "nationalised")
        assert nationalised.when is None

    def test_passive_voice_makes_the_subject_the_target(self):
        """ "X was attacked by Y": Y is the source and X the target."""
        article = extract_events(
            _article(
                ["A Malian convoy was attacked by Burkinabe gunmen on Friday."],
                {"MLI": ["Malian"], "BFA": ["Burkinabe"]},
            )
        )
        (event,) = article.events
        assert _refs(event, ParticipantRole.SOURCE) == {"BFA"}
        assert _refs(event, ParticipantRole.TARGET) == {"MLI"}

    def test_passive_voice_through_an_intensifier(self):
        """ "X was himself overthrown by Y": Y is still the source."""
        article = extract_events(
            _article(
                ["Niger was itself attacked by Malian gunmen last year."],
                {"NER": ["Niger"], "MLI": ["Malian"]},
            )
        )
        (event,) = article.events
        assert _refs(event, ParticipantRole.SOURCE) == {"MLI"}
        assert _refs(event, ParticipantRole.TARGET) == {"NER"}

    def test_by_after_an_active_verbs_object_names_no_source(self):
        """In "protested against the sanctions imposed by X", X is what the protest is against."""
        article = extract_events(
            _article(
                ["Students in Niger protested on Monday against the sanctions imposed by Benin."],
                {"NER": ["Niger"], "BEN": ["Benin"]},
            )
        )
        protest = next(e for e in article.events if e.type.value == "PROTEST")
        assert "BEN" not in _refs(protest, ParticipantRole.SOURCE)
        assert _refs(protest, ParticipantRole.TARGET) == {"BEN"}

    def test_denial_marks_the_denied_event(self):
        """ "denied attacking" is an ASSAULT with status denied, not a REJECT."""
        article = extract_events(
            _article(
                ["Mali denied attacking the camp in Mauritania."],
                {"MLI": ["Mali"], "MRT": ["Mauritania"]},
            )
        )
        (event,) = article.events
        assert event.type is PloverType.ASSAULT
        assert event.status is EventStatus.DENIED

    def test_hypothetical_and_planned_statuses(self):
        """ "could" makes an event hypothetical and "will" planned."""
        article = extract_events(
            _article(
                ["Chad could expel the envoy.", "Niger will withdraw from the bloc."],
                {"TCD": ["Chad"], "NER": ["Niger"]},
            )
        )
        statuses = [e.status for e in article.events]
        assert statuses == [EventStatus.HYPOTHETICAL, EventStatus.PLANNED]

    @pytest.mark.parametrize(
        ("sentence", "status"),
        [
            ("Chad said it would expel the envoy.", EventStatus.PLANNED),
            ("Chad said it would expel the envoy if Mali insisted.", EventStatus.HYPOTHETICAL),
            ("Chad would have expelled the envoy.", EventStatus.HYPOTHETICAL),
            ("Chad is expected to hold talks with Mali next month.", EventStatus.PLANNED),
            (
                "Chad said it would not recognise the vote and accused Mali of meddling.",
                EventStatus.OCCURRED,
            ),
        ],
    )
    def test_status_of_reported_and_expected_events(self, sentence, status):
        """A reported "would" is a plan unless a condition or "have" makes it hypothetical."""
        article = extract_events(_article([sentence], {"TCD": ["Chad"], "MLI": ["Mali"]}))
        assert article.events[-1].status is status

    def test_place_implies_its_country(self):
        """An event in Gao adds Mali to the article's countries, with no mentions."""
        article = extract_events(_article(["Gunmen attacked a market in Gao on Monday."]))
        (event,) = article.events
        assert event.where is not None
        assert event.where.country == "MLI"
        assert [c.alpha3 for c in article.countries] == ["MLI"]
        assert article.countries[0].mentions == ()

    def test_relative_date_without_publication_date_gets_a_diagnostic(self):
        """With no publication date "on Monday" stays unresolved and is reported."""
        article = extract_events(_article(["Gunmen attacked a market on Monday."], published=None))
        (event,) = article.events
        assert event.when is None
        assert "relative-date-unresolved" in {d.code for d in article.diagnostics}

    def test_absolute_date_resolves_without_publication_date(self):
        """ "on 4 March 2024" resolves with no publication date."""
        article = extract_events(
            _article(["Gunmen attacked a market on 4 March 2024."], published=None)
        )
        assert article.events[0].when.earliest == date(2024, 3, 4)

    def test_headline_restating_the_body_is_merged(self):
        """A headline that restates the body's event adds evidence, not an event."""
        base = Article(
            id="t",
            headline="Mali expels French ambassador",
            paragraphs=("Mali expelled the French ambassador on Monday.",),
            published=datetime(2024, 6, 5, tzinfo=UTC),
        )
        article = extract_events(annotate(base, {"MLI": ["Mali"], "FRA": ["French"]}))
        (event,) = article.events
        assert [s.part for s in event.evidence] == [Part.HEADLINE, Part.PARAGRAPH]


LEXICON_CASES = [
    ("They held talks in Bamako", "CONSULT"),
    ("the overthrow of the president", "COERCE"),
    ("the withdrawal of French troops", "RETREAT"),
    ("the two countries severed diplomatic ties", "SANCTION"),
    ("the three states recalled their ambassadors", "SANCTION"),
    ("Chad ended its defence cooperation agreement with France", "SANCTION"),
    ("Niger ended military cooperation with Paris", "SANCTION"),
    ("the army said it had shot down a drone", "ASSAULT"),
    ("the ministry filed a formal complaint", "ACCUSE"),
    ("the junta that took power in 2020", "COERCE"),
    ("the president vowed to punish those responsible", "THREATEN"),
    ("fighters have blockaded the town since August", "ASSAULT"),
    ("Niamey canceled a defense deal", "SANCTION"),
    ("The bloc lifted the sanctions", "CONCEDE"),
    ("donated 40 tonnes of rice", "AID"),
    ("protesters demonstrated outside the embassy", "PROTEST"),
    ("troops were deployed to Menaka", "MOBILIZE"),
    ("the army warned civilians", "THREATEN"),
    ("they condemned the decision", "ACCUSE"),
    ("Russia vetoed the resolution", "REJECT"),
    ("the junta called on ECOWAS", "REQUEST"),
    ("praised the junta", "SUPPORT"),
    ("they signed the accord", "AGREE"),
    ("the two armies cooperate closely", "COOPERATE"),
    ("a drone strike hit the camp", "ASSAULT"),
]
FALSE_TRIGGER_CASES = [
    "the dispute ended with an accord",
    "according to the ministry",
    "the press release said",
    "a pro-Western president",
    "teachers who were on leave",
    "the Group for the Support of Islam and Muslims",
]


def _tokens_word_by_word(text: str) -> list[tuple[str, int, int]]:
    """The reference tokenizer: the words of the folded text, each lowered on its own, a
    possessive 's split off (unless the text wrote a straight apostrophe before it)."""
    tokens = []
    for match in re.finditer(r"\w+(?:[-']\w+)*|[^\w\s]", fold(text)):
        word, start, end = match.group(), match.start(), match.end()
        if len(word) > 2 and word.endswith("'s") and text[end - 3] != "'":
            tokens.append((word[:-2].lower(), start, end - 2))
            tokens.append(("'s", end - 2, end))
        else:
            tokens.append((word.lower(), start, end))
    return tokens


_TOKEN_PIECES = ["Niger", "’s", "'s", "'S", "s", "ΣΑΣ", "İ", "ı", "-", "\u2011", "\u2013", " "]
_TOKEN_PIECES += ["\n", "x'", "’", "é", "`"]
token_texts = st.text() | st.lists(st.sampled_from(_TOKEN_PIECES)).map("".join)


class TestTokens:
    """tokenize: folded words and marks with their offsets."""

    @given(token_texts)
    def test_tokens_fold_as_word_by_word(self, text):
        """Folds every token as if on its own, whatever letters stand around it."""
        assert [tuple(token) for token in tokenize(text)] == _tokens_word_by_word(text)

    @given(
        st.text(alphabet=st.characters(max_codepoint=127))
        | st.lists(st.sampled_from(["Niger", "'s", "'S", "_9", "\x1c", "\x1f", "-", "'", " "])).map(
            "".join
        )
    )
    def test_ascii_tokens_fold_as_word_by_word(self, text):
        """ASCII text (tokenized by its own pattern) folds as word by word too."""
        assert [tuple(token) for token in tokenize(text)] == _tokens_word_by_word(text)

    def test_possessive_is_split_off(self):
        """Splits "Niger’s" into "niger" and "'s", keeping both offsets."""
        assert [tuple(t) for t in tokenize("Niger’s army")] == [
            ("niger", 0, 5),
            ("'s", 5, 7),
            ("army", 8, 12),
        ]


class TestLexicon:
    """The trigger lexicon as data."""

    def test_case_tables_have_no_duplicates(self):
        """Each case appears once."""
        assert len({t for t, _ in LEXICON_CASES}) == len(LEXICON_CASES)
        assert len(set(FALSE_TRIGGER_CASES)) == len(FALSE_TRIGGER_CASES)

    def test_every_plover_type_has_a_case(self):
        """The cases cover all 16 PLOVER types."""
        assert {k for _, k in LEXICON_CASES} == {t.value for t in PloverType}

    @pytest.mark.parametrize(("text", "kind"), LEXICON_CASES)
    def test_trigger_reads_its_type(self, text, kind):
        """A trigger phrase is read as its PLOVER type."""
        assert [m.entry.type.value for m in find_triggers(tokenize(text))] == [kind]

    @pytest.mark.parametrize("text", FALSE_TRIGGER_CASES)
    def test_false_trigger_reads_nothing(self, text):
        """Phrases that only look like triggers yield none."""
        assert find_triggers(tokenize(text)) == []

    def test_user_table_adds_a_trigger(self, tmp_path, monkeypatch):
        """A triggers.json in SAHEL_NEWS_DATA adds its phrases."""
        from sahel_news.data import clear_caches

        (tmp_path / "triggers.json").write_text(
            json.dumps(
                {
                    "version": "0",
                    "source": "test",
                    "license": "CC0-1.0",
                    "entries": [{"type": "ASSAULT", "cameo": "190", "verbs": ["torched"]}],
                }
            )
        )
        monkeypatch.setenv("SAHEL_NEWS_DATA", str(tmp_path))
        clear_caches()
        try:
            assert [m.entry.type for m in find_triggers(tokenize("they torched it"))] == [
                PloverType.ASSAULT
            ]
        finally:
            monkeypatch.delenv("SAHEL_NEWS_DATA")
            clear_caches()
        assert find_triggers(tokenize("they torched it")) == []

    @pytest.mark.parametrize(
        ("entry", "complaint"),
        [
            ({"type": "ASSAULT", "cameo": "19x", "verbs": ["torched"]}, "not a CAMEO code"),
            ({"type": "ASSAULT", "mode": "  ", "verbs": ["torched"]}, "'mode' must not be blank"),
            ({"context": " ", "words": ["drone"]}, "'context' must be a non-blank string"),
        ],
    )
    def test_user_table_with_a_bad_value_is_refused(self, tmp_path, monkeypatch, entry, complaint):
        """A user entry whose code, mode or context no event could carry is a DataTableError."""
        from sahel_news.data import DataTableError, clear_caches

        (tmp_path / "triggers.json").write_text(
            json.dumps({"version": "0", "source": "test", "license": "CC0-1.0", "entries": [entry]})
        )
        monkeypatch.setenv("SAHEL_NEWS_DATA", str(tmp_path))
        clear_caches()
        try:
            with pytest.raises(DataTableError, match=complaint):
                lexicon()
        finally:
            monkeypatch.delenv("SAHEL_NEWS_DATA")
            clear_caches()

    def test_lexicon_is_compiled_once(self):
        """The compiled lexicon is cached."""
        assert lexicon() is lexicon()


class TestInvariants:
    """Properties over arbitrary text."""

    @given(st.text(alphabet=st.sampled_from(list("abc kil ed,.AtckM")), max_size=120))
    def test_events_always_build_a_valid_article(self, text):
        """Any paragraph yields an article whose events point inside its text."""
        text = text.strip() or "x"
        article = extract_events(Article(id="t", headline="h", paragraphs=(text,)))
        for event in article.events:
            assert article.quote_text(event.trigger.span) == event.trigger.text

    @given(st.sampled_from([t for t, _ in LEXICON_CASES]), st.sampled_from(["", "Then ", "So "]))
    def test_triggers_lie_inside_the_text(self, text, prefix):
        """Trigger offsets read back as the matched words."""
        sentence = prefix + text
        for match in find_triggers(tokenize(sentence)):
            assert sentence[match.start : match.end].lower().split()[0] in sentence.lower()


class TestQualityGate:
    """Extraction quality on the annotated captures never drops below the recorded floors."""

    def test_captures_cover_every_type_with_enough_events(self):
        """The annotations hold at least 60 events over all 16 types."""
        kinds = set()
        total = 0
        for name in capture_names():
            gold = json.loads((CAPTURES / f"{name}.json").read_text(encoding="utf-8"))
            kinds |= {e["type"] for e in gold["events"]}
            total += len(gold["events"])
        assert total >= 60
        assert kinds == {t.value for t in PloverType}

    def test_quality_stays_above_the_baseline(self):
        """Precision, recall, date, participant and status accuracy meet the floors."""
        floors = json.loads((CAPTURES / "_baseline.json").read_text(encoding="utf-8"))
        result = score(load_capture(name) for name in capture_names())
        for key in (
            "precision",
            "recall",
            "date_accuracy",
            "participant_accuracy",
            "status_accuracy",
        ):
            assert result[key] >= floors[key], (key, result[key])
        assert result["gold_events"] == floors["gold_events"]


class TestSeedPipeline:
    """The seed through parse_article (layout, entities, events, time)."""

    def test_pipeline_finds_the_golden_events(self, seed_text):
        """The full pipeline finds the seed's dated consultations, agreements and coup."""
        from sahel_news.pipeline import parse_article

        article = parse_article(seed_text)
        by_trigger = {(e.type, e.trigger.text): e for e in article.events}
        assert by_trigger[PloverType.CONSULT, "hosted"].when.earliest == date(2024, 6, 3)
        assert by_trigger[PloverType.CONSULT, "met"].when.earliest == date(2024, 6, 2)
        assert by_trigger[PloverType.AGREE, "agreed"].when.earliest == date(2024, 1, 1)
        assert by_trigger[PloverType.COERCE, "overthrow of"].when.earliest == date(2023, 7, 1)
        assert by_trigger[PloverType.RETREAT, "withdraw"].status is EventStatus.PLANNED
        assert len(article.events) == 14
