"""The public strategies generate valid, self-consistent, Sahel-plausible models."""

import subprocess
import sys
from datetime import date

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from sahel_news import strategies
from sahel_news.models import MODELS, Article, Part, TimeBasis


def spans_of(article):
    """Every (span, expected text or None) an article holds."""
    for country in article.countries:
        for mention in country.mentions:
            yield mention.span, mention.text
    for actor in article.actors:
        for mention in actor.mentions:
            yield mention.span, mention.text
    for event in article.events:
        yield event.trigger.span, event.trigger.text
        for span in event.evidence:
            yield span, None
    for quote in article.quotes:
        yield quote.span, quote.text


class TestArticles:
    @given(strategies.articles())
    def test_every_span_slices_to_its_text(self, article):
        """Each mention, trigger and quote span reads as its text in the article."""
        for span, text in spans_of(article):
            read = article.quote_text(span)
            if text is not None:
                assert read == text

    @given(strategies.articles())
    def test_every_reference_resolves(self, article):
        """Participants, speakers and actor countries name actors or countries of the article."""
        actors = {a.id for a in article.actors}
        countries = {c.alpha3 for c in article.countries}
        for event in article.events:
            assert {p.ref for p in event.participants} <= actors | countries
        assert {q.speaker for q in article.quotes} <= actors | {None}
        assert {a.country for a in article.actors} <= countries | {None}

    @given(strategies.articles())
    def test_triggers_lie_inside_their_evidence(self, article):
        """An event's trigger sits inside one of its evidence sentences."""
        for event in article.events:
            trigger = event.trigger.span
            assert any(
                s.part is trigger.part
                and s.index == trigger.index
                and s.start <= trigger.start
                and trigger.end <= s.end
                for s in event.evidence
            )

    @pytest.mark.slow  # many generated articles: CI runs it with -m slow
    @given(strategies.articles(min_paragraphs=3, max_paragraphs=3, max_actors=2, max_events=4))
    def test_size_knobs_are_respected(self, article):
        """The paragraph, actor and event bounds hold."""
        assert len(article.paragraphs) == 3
        assert 1 <= len(article.actors) <= 2
        assert len(article.events) <= 4

    @pytest.mark.slow  # many generated articles: CI runs it with -m slow
    @given(strategies.articles())
    def test_dates_are_plausible(self, article):
        """Dates fall in 2012-2026 and datetimes are aware."""
        if article.published is not None:
            assert article.published.utcoffset() is not None
            assert 2011 <= article.published.year <= 2027
        for event in article.events:
            if event.when is not None:
                assert date(2012, 1, 1) <= event.when.earliest <= event.when.latest
                assert event.when.latest <= date(2026, 12, 31)


class TestStandalone:
    @given(strategies.mentions())
    def test_mentions_are_as_long_as_their_span(self, mention):
        """A standalone mention's span covers as many characters as its text."""
        assert len(mention.span) == len(mention.text)

    @given(strategies.spans())
    def test_single_text_spans_have_index_zero(self, span):
        """Headline and standfirst spans have index 0."""
        if span.part in (Part.HEADLINE, Part.STANDFIRST):
            assert span.index == 0

    @given(strategies.date_ranges())
    def test_day_ranges_are_single_days(self, when):
        """A range of day precision is one day; every range runs forward."""
        assert when.earliest <= when.latest
        if when.precision.value == "day":
            assert when.is_single_day


class TestRegistration:
    @pytest.mark.slow  # many generated articles: CI runs it with -m slow
    @given(st.data())
    def test_from_type_works_for_every_model(self, data):
        """`st.from_type` draws an instance of every model."""
        for model in MODELS:
            assert isinstance(data.draw(st.from_type(model)), model)

    def test_entry_point_registers_without_import(self):
        """In a fresh interpreter, from_type(Article) works without importing the strategies."""
        code = (
            "from hypothesis import given, settings, strategies as st\n"
            "from sahel_news.models import Article\n"
            "seen = []\n"
            "@settings(max_examples=3, database=None)\n"
            "@given(st.from_type(Article))\n"
            "def check(article): seen.append(type(article))\n"
            "check()\n"
            "assert seen and all(t is Article for t in seen)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr

    def test_entry_point_imports_nothing_heavy(self):
        """Importing Hypothesis loads neither the models nor the strategies of sahel_news."""
        code = (
            "import sys, hypothesis\n"
            "loaded = sorted(m for m in sys.modules if m.startswith('sahel_news'))\n"
            "assert loaded == ['sahel_news', 'sahel_news._hypothesis_entry'], loaded\n"
            "from sahel_news.models import Article\n"
            "assert 'sahel_news.strategies' not in sys.modules\n"
            "from hypothesis import strategies as st\n"
            "assert isinstance(st.from_type(Article).example(), Article)\n"
            "assert 'sahel_news.strategies' in sys.modules\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr

    def test_missing_hypothesis_names_the_extra(self):
        """Without Hypothesis, importing the strategies says which extra to install."""
        code = (
            "import sys\n"
            "sys.modules['hypothesis'] = None\n"
            "try:\n"
            "    import sahel_news.strategies\n"
            "except ModuleNotFoundError as error:\n"
            '    assert "sahel-news[hypothesis]" in str(error), error\n'
            "    assert error.name == 'hypothesis'\n"
            "else:\n"
            "    raise AssertionError('imported without hypothesis')\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr

    def test_strategies_import_first_in_a_fresh_interpreter(self):
        """Importing the strategies before Hypothesis works (the entry point runs mid-import)."""
        code = "import sahel_news.strategies as s\nassert callable(s.articles)\n"
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr

    def test_importing_sahel_news_does_not_import_hypothesis(self):
        """`import sahel_news` loads neither the strategies nor Hypothesis."""
        code = (
            "import sys, sahel_news, sahel_news.convert\n"
            "assert 'hypothesis' not in sys.modules\n"
            "assert 'sahel_news.strategies' not in sys.modules\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr

    def test_every_model_has_a_registered_strategy(self):
        """The setup hook registers a strategy for each model."""
        from hypothesis.strategies._internal.types import _global_type_lookup

        assert set(MODELS) <= set(_global_type_lookup)
        assert Article in _global_type_lookup


class TestExports:
    def test_capture_strategies_are_re_exported(self):
        """The capture strategies are reachable from `sahel_news.strategies`."""
        assert {"captures", "layout_articles"} <= set(strategies.__all__)
        assert callable(strategies.captures)
        assert callable(strategies.layout_articles)


class TestInferredTimes:
    @pytest.mark.parametrize("basis", list(TimeBasis))
    def test_every_basis_is_drawn(self, basis):
        """The strategy reaches every basis, so the round trips exercise each."""
        found = find(strategies.inferred_times(), lambda t: t.basis is basis)
        assert (found.source is None) == (basis is TimeBasis.PUBLICATION)

    def test_generated_articles_carry_inferred_times(self):
        """Some whole generated articles have an event with an inferred time in its text."""
        article = find(
            strategies.articles(),
            lambda a: any(e.inferred_time is not None for e in a.events),
            # the first example found will do: no shrinking
            settings=settings(max_examples=2000, phases=[Phase.generate]),
        )
        event = next(e for e in article.events if e.inferred_time is not None)
        source = event.inferred_time.source
        assert article.quote_text(source.span) == source.text
