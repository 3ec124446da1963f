"""Times the discourse implies: restatements, continuations and the story's undated lead."""

from __future__ import annotations

from datetime import date

import pytest

from sahel_news.models import Article, EventStatus, Precision, TimeBasis
from sahel_news.pipeline import parse_article


def _parsed(*paragraphs: str, published: str = "5 June 2024 10:00 UTC") -> Article:
    body = "\n\n".join(paragraphs)
    return parse_article(f"Sahel news\n\n{body}\n\nPublished: {published}\n")


def _event(article: Article, trigger: str):
    (event,) = [e for e in article.events if e.trigger.text == trigger]
    return event


class TestContinuation:
    """A later sentence leans on the last time the story stated."""

    def test_a_follow_up_takes_the_last_stated_time_and_says_so(self):
        """ "On Tuesday ... attacked. ... The army arrested" dates the arrest, as inferred."""
        article = _parsed(
            "Gunmen attacked a police post near Dori on Tuesday, officials said.",
            "The army arrested six suspects in the area.",
        )
        arrest = _event(article, "arrested")
        assert arrest.when is None
        inferred = arrest.inferred_time
        assert inferred is not None
        assert inferred.basis in {TimeBasis.CONTINUATION, TimeBasis.RESTATEMENT}
        assert inferred.range.earliest == inferred.range.latest == date(2024, 6, 4)
        assert inferred.source is not None
        assert inferred.source.text == "on Tuesday"
        assert article.quote_text(inferred.source.span) == "on Tuesday"

    def test_sharing_a_participant_makes_it_a_restatement(self):
        """The same actor told again is the same happening retold: basis restatement."""
        article = _parsed(
            "Mali's foreign minister visited Niamey on Monday.",
            "Mali's foreign minister met Niger's prime minister at the presidency.",
        )
        meeting = _event(article, "met")
        assert meeting.inferred_time is not None
        assert meeting.inferred_time.basis is TimeBasis.RESTATEMENT
        assert meeting.inferred_time.range.earliest == date(2024, 6, 3)

    def test_an_event_with_its_own_time_keeps_it_stated(self):
        """A stated time is never replaced by an inferred one."""
        article = _parsed(
            "Gunmen attacked a police post near Dori on Tuesday.",
            "Soldiers arrested six suspects on Wednesday.",
        )
        arrest = _event(article, "arrested")
        assert arrest.when is not None
        assert arrest.when.earliest == date(2024, 6, 5)
        assert arrest.inferred_time is None


class TestPublication:
    """Before any time is stated, an event that happened is the news of the day."""

    def test_the_undated_lead_takes_the_publication_date(self):
        """ "Niger expelled ..." with no date in a story published 5 June: 5 June, inferred."""
        article = _parsed("Niger expelled the French ambassador, the foreign ministry said.")
        expulsion = _event(article, "expelled")
        assert expulsion.when is None
        inferred = expulsion.inferred_time
        assert inferred is not None
        assert inferred.basis is TimeBasis.PUBLICATION
        assert inferred.source is None
        assert inferred.range.precision is Precision.DAY
        assert inferred.range.earliest == date(2024, 6, 5)

    def test_without_a_publication_date_nothing_is_inferred(self):
        """No anchor, no guess."""
        article = parse_article(
            "Sahel news\n\nNiger expelled the French ambassador, the ministry said.\n"
        )
        assert _event(article, "expelled").inferred_time is None


class TestNothingGuessed:
    """Plans and hypotheticals get no inferred time; background dates date nothing."""

    def test_a_plan_gets_no_inferred_time(self):
        """ "will host" is planned: its time is never guessed."""
        article = _parsed(
            "Gunmen attacked a police post near Dori on Tuesday.",
            "Burkina Faso will host a security summit.",
        )
        summit = next(e for e in article.events if e.status is EventStatus.PLANNED)
        assert summit.when is None
        assert summit.inferred_time is None

    def test_a_background_nouns_date_dates_no_event(self):
        """ "since the coup of July 26": July 26 is the coup's, not the rejection's."""
        article = _parsed(
            "Chad rejected any intervention in Niger and called for the lifting of the "
            "sanctions in force since the coup of July 26."
        )
        for event in article.events:
            assert event.when is None or event.when.earliest != date(2023, 7, 26)
            assert event.when is None or event.when.earliest != date(2024, 7, 26)


class TestCountedFromAnEvent:
    """ "Two days after the attack": counted from that event's stated time."""

    def test_days_after_an_event_count_from_its_date(self):
        """The attack was on Thursday 21 September; two days after it is the 23rd, stated."""
        article = _parsed(
            "Jihadists attacked an army post near Tabatol on Thursday, killing 12 soldiers.",
            "Two days after the attack, the army withdrew from the post.",
            published="25 September 2023 10:00 UTC",
        )
        withdrawal = _event(article, "withdrew")
        assert withdrawal.when is not None
        assert withdrawal.when.earliest == withdrawal.when.latest == date(2023, 9, 23)
        assert withdrawal.inferred_time is None

    def test_without_a_dated_event_of_that_kind_nothing_is_counted(self):
        """No earlier attack with a date: the words stay unresolved, nothing is made up."""
        article = _parsed(
            "Two days after the attack, the army withdrew from the post.",
            published="25 September 2023 10:00 UTC",
        )
        withdrawal = _event(article, "withdrew")
        assert withdrawal.when is None

    def test_a_clause_an_event_is_counted_from_names_no_new_event(self):
        """ "Two weeks after Algeria hosted the talks": the hosting told again, not a new one."""
        article = _parsed(
            "Algeria hosted talks between Mali and the rebels on March 31.",
            "Two weeks after Algeria hosted the talks, the rebels attacked Kidal.",
            published="25 April 2025 10:00 UTC",
        )
        assert [e.trigger.text for e in article.events] == ["hosted", "attacked"]
        attack = _event(article, "attacked")
        assert attack.when is not None
        assert attack.when.earliest == date(2025, 4, 14)


class TestDayOfMonth:
    """ "on the 13th": a day of the month around the publication date."""

    @pytest.mark.parametrize(
        ("sentence", "trigger", "day"),
        [
            # the 23rd not yet reached in October: last month's
            ("Gunmen attacked a convoy on the 23rd.", "attacked", date(2023, 9, 23)),
            # the 13th already passed: this month's
            ("Gunmen attacked a convoy on the 13th.", "attacked", date(2023, 10, 13)),
            # a plan after the 13th has passed: next month's
            ("Mali will hold talks on the 13th.", "hold talks", date(2023, 11, 13)),
        ],
    )
    def test_the_nearest_such_day_on_the_events_side_of_publication(self, sentence, trigger, day):
        """Published 20 October 2023: the nearest day of that number before it (after, for a
        plan)."""
        article = _parsed(sentence, published="20 October 2023 10:00 UTC")
        when = _event(article, trigger).when
        assert when is not None
        assert when.earliest == when.latest == day

    def test_an_ordinal_before_a_noun_is_no_date(self):
        """ "on the 13th floor" names a floor, not a day."""
        article = _parsed(
            "Gunmen attacked a convoy on the 13th floor.", published="20 October 2023 10:00 UTC"
        )
        assert _event(article, "attacked").when is None
