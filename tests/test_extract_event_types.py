"""Event types decided by a trigger's object, its negation or its office-holder object."""

from __future__ import annotations

import pytest

from sahel_news.models import Article, EventStatus, PloverType
from sahel_news.pipeline import parse_article


def _parsed(sentence: str) -> Article:
    return parse_article(f"Sahel news\n\n{sentence}\n\nPublished: 5 June 2024 10:00 UTC\n")


def _types_of(sentence: str) -> dict[str, PloverType]:
    return {e.trigger.text.lower(): e.type for e in _parsed(sentence).events}


class TestObjectDecidesWithdrawal:
    """ "Withdraw", "leave", "pull out" and "quit" take their type from what is left."""

    @pytest.mark.parametrize(
        ("sentence", "trigger", "cameo"),
        [
            (
                "Burkina Faso withdrew from the Economic Community of West African States.",
                "withdrew",
                "160",
            ),
            ("Chad withdrew its ambassador from Khartoum on Monday.", "withdrew", "161"),
            (
                "The ministry withdrew 12 exploration permits held by foreign firms.",
                "withdrew",
                "160",
            ),
            ("Mauritania left the regional bloc last year.", "left", "160"),
            ("Niger quit the defence pact with France in March.", "quit", "160"),
            (
                "The regulator withdrew on Friday the accreditation of two reporters.",
                "withdrew",
                "160",
            ),
            ("Permits held by the firm were withdrawn on Monday.", "withdrawn", "160"),
        ],
    )
    def test_an_envoy_a_licence_or_a_membership_withdrawn_is_a_sanction(
        self, sentence, trigger, cameo
    ):
        """Leaving a bloc or treaty, withdrawing an envoy or a permit reduce relations."""
        (event,) = [e for e in _parsed(sentence).events if e.trigger.text.lower() == trigger]
        assert event.type is PloverType.SANCTION
        assert event.cameo == cameo

    @pytest.mark.parametrize(
        ("sentence", "trigger"),
        [
            ("France withdrew its troops from the base at Gao.", "withdrew"),
            ("The last Danish soldiers left Mali on Tuesday.", "left"),
            (
                "Some 800 peacekeepers are due to leave Kidal under the deal signed in June.",
                "leave",
            ),
            ("Niger's army pulled out of the town on Sunday after repeated raids.", "pulled out"),
        ],
    )
    def test_forces_leaving_a_place_retreat(self, sentence, trigger):
        """Troops as subject or object, or a place left, make the withdrawal a RETREAT."""
        assert _types_of(sentence)[trigger] is PloverType.RETREAT

    def test_a_relative_quit_with_no_object_is_no_event(self):
        """ "which it quit in January" names no organisation after the verb: no new event."""
        types = _types_of("Mali rejected the offer of ECOWAS, which it quit in January.")
        assert "quit" not in types
        assert types["rejected"] is PloverType.REJECT


class TestRejections:
    """Not recognising and dismissing reject; dismissing an office holder is no event."""

    def test_not_recognising_is_a_rejection_that_happened(self):
        """ "did not recognise" is a REJECT that occurred, not a SUPPORT denied."""
        article = _parsed("The rebel alliance said it did not recognise the new charter.")
        (event,) = [e for e in article.events if e.trigger.text == "recognise"]
        assert event.type is PloverType.REJECT
        assert event.status is EventStatus.OCCURRED

    def test_recognising_stays_support(self):
        """Without a negation, recognising is still SUPPORT."""
        assert (
            _types_of("Russia recognised the new authorities in Niamey.")["recognised"]
            is PloverType.SUPPORT
        )

    def test_dismissing_a_report_rejects_it(self):
        """ "dismissed the report as baseless" is a REJECT."""
        assert (
            _types_of("Burkina Faso dismissed the report as baseless.")["dismissed"]
            is PloverType.REJECT
        )

    @pytest.mark.parametrize(
        "sentence",
        [
            "President Goita dismissed the prime minister on Friday.",
            "The junta dismissed the government and two regional governors.",
        ],
    )
    def test_dismissing_an_office_holder_is_no_event(self, sentence):
        """A personnel decision is none of PLOVER's types."""
        assert "dismissed" not in _types_of(sentence)


class TestDenouncing:
    """Denouncing a treaty ends it; condemning one does not."""

    def test_denouncing_an_agreement_is_a_sanction(self):
        """ "denounced on August 3 the military cooperation agreements": SANCTION."""
        types = _types_of(
            "Niger denounced on August 3 the military cooperation agreements with France."
        )
        assert types["denounced"] is PloverType.SANCTION

    def test_condemning_an_agreement_is_an_accusation(self):
        """Condemning is disapproval whatever its object."""
        types = _types_of("Algeria condemned the agreement between Mali and Russia.")
        assert types["condemned"] is PloverType.ACCUSE

    def test_denouncing_an_attack_is_an_accusation(self):
        """Denouncing anything but an accord stays ACCUSE."""
        types = _types_of("Mali denounced the attack on its convoy near Kidal.")
        assert types["denounced"] is PloverType.ACCUSE


class TestBackgroundMentions:
    """Event nouns that only name an earlier happening are not new events."""

    @pytest.mark.parametrize(
        ("sentence", "noun"),
        [
            ("Relations have soured since the coup in Niamey.", "coup"),
            ("The authorities that emerged from the coup of July 26 were not invited.", "coup"),
            ("Fuel prices rose after the July 2023 coup in Niger.", "coup"),
            ("Officers held talks on the withdrawal in Gao on Monday.", "withdrawal"),
            ("Weeks after Niamey summit, Mali cut ties with Kyiv.", "summit"),
            ("The bloc's summit chair said the door remained open.", "summit"),
            ("He spoke on the sidelines of the Summit on Financing for Development.", "summit"),
        ],
    )
    def test_a_background_noun_gives_no_event(self, sentence, noun):
        """ "since the coup", a summit's chair or name, "talks on the withdrawal"."""
        assert noun not in {t.split()[-1] for t in _types_of(sentence)}

    @pytest.mark.parametrize(
        ("sentence", "noun", "kind"),
        [
            ("A coup in Niamey ousted the president on Wednesday.", "coup", PloverType.COERCE),
            ("The summit will open in Bamako on Monday.", "summit", PloverType.CONSULT),
            (
                (
                    "Niger has been ruled by the army since the overthrow of President "
                    "Mohamed Bazoum last July."
                ),
                "overthrow",
                PloverType.COERCE,
            ),
        ],
    )
    def test_an_event_noun_that_tells_the_news_stays(self, sentence, noun, kind):
        """A noun that is the news, or names its own participant after it, is an event."""
        assert kind in {e.type for e in _parsed(sentence).events if noun in e.trigger.text.lower()}

    def test_an_undated_the_withdrawal_restates_the_last_one(self):
        """ "The withdrawal ..." later in the text is the withdrawal told before, one event."""
        article = parse_article(
            "Chad exit\n\n"
            "Chad withdrew from the regional bloc on Monday, officials said.\n\n"
            "Diplomats met in Bamako to discuss trade.\n\n"
            "Analysts said the move would weaken the grouping.\n\n"
            "The withdrawal has raised concerns among traders in N'Djamena.\n\n"
            "Published: 5 June 2024 10:00 UTC\n"
        )
        withdrawals = [e for e in article.events if e.type is PloverType.SANCTION]
        assert len(withdrawals) == 1
        assert len(withdrawals[0].evidence) == 2

    @pytest.mark.parametrize(
        "sentence",
        [
            "Chad expelled four diplomats, giving them 72 hours to leave the country.",
            "Niamey gave the ambassador 48 hours to leave the national territory.",
        ],
    )
    def test_a_deadline_to_leave_is_part_of_the_order(self, sentence):
        """ "72 hours to leave" is the expulsion's deadline: a sanction, not a retreat."""
        types = set(_types_of(sentence).values())
        assert PloverType.RETREAT not in types
        assert PloverType.SANCTION in types

    def test_an_order_to_leave_is_an_expulsion(self):
        """ "ordered the ambassador, on Friday, to leave the territory": SANCTION (166)."""
        article = _parsed(
            "The ministry ordered the French ambassador, Sylvain Itte, on Friday to leave "
            "the national territory."
        )
        (event,) = article.events
        assert (event.type, event.cameo) == (PloverType.SANCTION, "166")

    def test_handing_over_a_base_is_a_retreat(self):
        """Forces handing over their last base pull out."""
        types = _types_of("French troops handed over the Kossei air base to Chad's army.")
        assert PloverType.RETREAT in set(types.values())

    @pytest.mark.parametrize(
        "sentence",
        [
            "Togo's foreign minister flew to Niamey to ease the Niger-Benin row.",
            "The visit comes as Chad steps up its efforts to ease tensions with the bloc.",
        ],
    )
    def test_easing_tensions_is_no_concession(self, sentence):
        """ "to ease tensions" names a diplomatic aim, not a concession (CONCEDE)."""
        assert PloverType.CONCEDE not in set(_types_of(sentence).values())

    def test_easing_sanctions_is_a_concession(self):
        """Easing sanctions concedes."""
        types = _types_of("ECOWAS eased the sanctions on Mali in July.")
        assert PloverType.CONCEDE in set(types.values())


class TestAccusations:
    """Accusing someone of an attack accuses them; the attack's own target is no target."""

    def test_a_country_inside_the_complement_is_no_second_target(self):
        """ "accused France of preparing an attack on Niger": one ACCUSE, France the target."""
        article = _parsed("The junta accused France of preparing an attack on Niger.")
        (event,) = article.events
        assert event.type is PloverType.ACCUSE
        roles = {p.ref: p.role.value for p in event.participants}
        assert roles["FRA"] == "target"
        assert roles["NER"] == "other"

    def test_coordinated_objects_of_a_request_are_each_a_target(self):
        """ "urged Mali and Niger to hold elections": both are asked, one event each."""
        article = _parsed("France urged Mali and Niger to hold elections.")
        targets = {
            p.ref for e in article.events for p in e.participants if p.role.value == "target"
        }
        assert targets == {"MLI", "NER"}
