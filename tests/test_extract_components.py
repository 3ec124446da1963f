"""The Doc and the components: one document read by every step, steps a user can insert."""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sahel_news as sn
from sahel_news.extract.entities.actors import default_recognizers
from sahel_news.extract.entities.recognizer import EntityCandidate, EntityLabel
from sahel_news.models import ActorKind, Mention, Part, Span
from sahel_news.text import fold
from sahel_news.text._units import split_sentences

CAPTURE = (
    "Mali and Niger hold talks\n\n"
    "Mali's Defence Minister Sadio Camara met Niger's Prime Minister in Niamey on Monday. "
    "The two sides signed a defence pact.\n\n"
    "Gunmen attacked a convoy near Gao, the army said.\n\n"
    "June 05, 2024 at 07:49PM\n"
)


class TestDoc:
    """A Doc holds an article's texts, folded once, and their sentences with their words."""

    def test_units_are_the_texts_in_reading_order(self):
        """Headline, paragraphs; each with its folded form."""
        doc = sn.Doc(sn.parse_article(CAPTURE, extract=False))
        assert [(u.part, u.index) for u in doc.units] == [
            (Part.HEADLINE, 0),
            (Part.PARAGRAPH, 0),
            (Part.PARAGRAPH, 1),
        ]
        assert all(unit.folded == fold(unit.text) for unit in doc.units)

    @given(st.text(alphabet=st.sampled_from(list("Mali. Niger! x?\n")), max_size=60))
    def test_sentences_slice_their_texts(self, paragraph):
        """Every sentence is the slice of its text its offsets name, in order."""
        paragraph = paragraph.strip() or "x"
        article = sn.Article("a1", "Headline", paragraphs=(paragraph.replace("\n", " "),))
        doc = sn.Doc(article)
        for sentence in doc.sentences:
            text = article.headline if sentence.part is Part.HEADLINE else article.paragraphs[0]
            assert text[sentence.start : sentence.end] == sentence.text
        body = [(s.start, s.end) for s in doc.sentences if s.part is Part.PARAGRAPH]
        assert body == split_sentences(article.paragraphs[0])

    def test_sentences_and_words_are_made_once(self):
        """Asking twice gives the very same objects: nothing is split twice."""
        doc = sn.Doc(sn.parse_article(CAPTURE, extract=False))
        assert doc.sentences is doc.sentences
        sentence = doc.sentences[1]
        assert sentence.words is sentence.words
        assert "camara" in sentence.words.norms


class TestComponents:
    """parse_article runs its components in order over one Doc."""

    def test_the_default_components_are_what_parse_article_runs(self):
        """Passing the defaults gives the same article as passing nothing."""
        assert sn.parse_article(CAPTURE, components=sn.default_components()) == sn.parse_article(
            CAPTURE
        )
        assert [type(c) for c in sn.default_components()] == [
            sn.EntityComponent,
            sn.EventComponent,
        ]

    def test_no_components_find_nothing(self):
        """An empty list runs no extraction: the layout alone."""
        article = sn.parse_article(CAPTURE, components=[])
        assert (article.countries, article.actors, article.events) == ((), (), ())
        assert article.paragraphs == sn.parse_article(CAPTURE, extract=False).paragraphs

    def test_a_user_component_reads_what_came_before_and_adds(self):
        """A component after the entities sees them; what it adds reaches the article."""
        seen = []

        def tag_first_paragraph(doc: sn.Doc) -> None:
            seen.append({c.alpha3 for c in doc.article.countries})
            note = sn.Diagnostic("my-tag", "tagged by a user component")
            doc.update(diagnostics=(*doc.article.diagnostics, note))

        entities, events = sn.default_components()
        article = sn.parse_article(CAPTURE, components=[entities, tag_first_paragraph, events])
        assert seen == [{"MLI", "NER"}]
        assert "my-tag" in {d.code for d in article.diagnostics}
        assert article.events  # the events component still ran after it

    def test_a_component_that_breaks_the_article_is_refused(self):
        """A mention outside its text is caught by the one whole-article check at the end."""

        def stray(doc: sn.Doc) -> None:
            mention = Mention("Chad", Span(Part.PARAGRAPH, 0, 500, 504))
            doc.update(countries=(sn.Country.from_code("TCD", mentions=(mention,)),))

        with pytest.raises(sn.ValidationError):
            sn.parse_article(CAPTURE, components=[stray])

    def test_the_protocol_is_any_callable_with_a_doc(self):
        """Functions and the built-in components are Components."""
        assert isinstance(sn.EntityComponent(), sn.Component)
        assert isinstance(print, sn.Component)

    def test_a_statistical_recognizer_plugs_into_the_entity_component(self):
        """A recognizer of the user's (as a statistical NER would be) adds its people."""

        class Gunmen:
            def recognize(self, unit):
                start = unit.text.find("Gunmen")
                if start >= 0:
                    yield EntityCandidate(
                        start,
                        start + 6,
                        EntityLabel.ORGANISATION,
                        name="Unidentified gunmen",
                        kind=ActorKind.ARMED_GROUP,
                    )

        recognizers = (*default_recognizers(), Gunmen())
        article = sn.parse_article(
            CAPTURE, components=[sn.EntityComponent(recognizers), sn.EventComponent()]
        )
        assert "Unidentified gunmen" in {a.name for a in article.actors}

    def test_components_are_immutable_values(self):
        """A component is a frozen value: safe to share between threads and runs."""
        component = sn.EntityComponent()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            component.recognizers = ()  # type: ignore[misc]
