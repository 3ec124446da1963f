"""render_html and `sahel-news show`: a page whose marks, hovers and tables say what was found."""

from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sahel_news
from sahel_news import cli
from sahel_news.convert import to_json
from sahel_news.models import (
    Actor,
    ActorKind,
    Article,
    Country,
    Event,
    Mention,
    Part,
    Participant,
    ParticipantRole,
    PloverType,
    RelatedLink,
    Source,
    Span,
)
from sahel_news.pipeline import parse_article
from sahel_news.strategies import articles
from sahel_news.views import KINDS, render_html
from sahel_news.views._marks import Highlight, marked_html

_VOID = frozenset({"meta", "br", "hr", "img", "input", "link"})
_ALLOWED = frozenset(
    {
        "html", "head", "meta", "title", "style", "body", "main", "p", "a", "article", "h1",
        "h2", "mark", "span", "aside", "section", "ul", "li", "table", "thead", "tbody",
        "tr", "th", "td",
    }
)  # fmt: skip


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []

    @property
    def text(self):
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def iter(self, tag=None):
        for child in self.children:
            if isinstance(child, Element):
                if tag is None or child.tag == tag:
                    yield child
                yield from child.iter(tag)

    def classes(self):
        return set(self.attrs.get("class", "").split())


class Tree(HTMLParser):
    """The page as html.parser reads it; fails on any end tag that does not close the last open."""

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None)
        self.open = self.root
        self.tags = set()
        self.feed(page)
        self.close()
        assert self.open is self.root, f"unclosed <{self.open.tag}>"

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        element = Element(tag, attrs, self.open)
        self.open.children.append(element)
        if tag not in _VOID:
            self.open = element

    def handle_endtag(self, tag):
        assert tag == self.open.tag, f"</{tag}> closes <{self.open.tag}>"
        self.open = self.open.parent

    def handle_data(self, data):
        self.open.children.append(data)

    def find(self, tag, cls=None):
        return [e for e in self.root.iter(tag) if cls is None or cls in e.classes()]


@pytest.fixture(scope="module")
def seed_article(seed_text):
    return parse_article(seed_text)


@pytest.fixture(scope="module")
def seed_tree(seed_article):
    return Tree(render_html(seed_article))


def _marks(tree, kind):
    (article,) = tree.find("article")
    return [m for m in article.iter("mark") if f"ent-{kind}" in m.classes()]


def marks_of(tree, kind):
    return {m.text: m.attrs["title"] for m in _marks(tree, kind)}


class TestSeedView:
    def test_every_kind_is_highlighted(self, seed_tree):
        """The seed's page marks countries, people, organisations, events, places and times."""
        for kind in KINDS:
            assert _marks(seed_tree, kind), kind

    def test_a_person_hover_names_id_country_and_role(self, seed_tree):
        """Yevkurov's mark is a person whose hover gives his id, country and role."""
        marks = marks_of(seed_tree, "person")
        assert marks["Yunus-Bek Yevkurov"] == (
            "Yunus-Bek Yevkurov (person)\nid: yunus-bek-yevkurov\ncountry: RUS\n"
            "role: Deputy Minister"
        )

    def test_countries_organisations_events_and_times_are_marked(self, seed_tree):
        """Known words of the seed carry the mark of their kind."""
        assert "id: MLI" in marks_of(seed_tree, "country")["Mali"]
        assert "id: rus-defense-ministry" in marks_of(seed_tree, "org")["Russian Defense Ministry"]
        assert "CONSULT" in marks_of(seed_tree, "event")["visited"]
        assert "2024-06-03 (day)" in marks_of(seed_tree, "time")["on Monday"]
        assert "Bamako" in marks_of(seed_tree, "place")

    def test_every_mention_is_marked(self, seed_article, seed_tree):
        """Each country and actor mention of the seed appears as a mark of its text."""
        (article,) = seed_tree.find("article")
        marked = [m.text for m in article.iter("mark")]
        for entity in (*seed_article.countries, *seed_article.actors):
            for mention in entity.mentions:
                assert mention.text in marked

    def test_the_article_text_reads_as_written(self, seed_article, seed_tree):
        """Marks add no text: each paragraph element reads as the paragraph."""
        paragraphs = [p.text for p in seed_tree.find("p", "para")]
        assert paragraphs == list(seed_article.paragraphs)
        (h1,) = seed_tree.find("h1")
        assert h1.text == seed_article.headline
        (standfirst,) = seed_tree.find("p", "standfirst")
        assert standfirst.text == seed_article.standfirst
        (related,) = seed_tree.find("aside", "related")
        assert related.text == "Read more: Lavrov assesses relations with key Sahel state"

    def test_the_events_table_has_a_row_per_event(self, seed_article, seed_tree):
        """Below the article, a table row per event, with its id, type and trigger."""
        (section,) = seed_tree.find("section", "events")
        rows = list(section.iter("tr"))[1:]
        assert [r.attrs["id"] for r in rows] == [f"event-{e.id}" for e in seed_article.events]
        first = [cell.text for cell in rows[0].iter("td")]
        event = seed_article.events[0]
        kind = event.type.value + (f" / {event.mode}" if event.mode else "")
        assert first[:4] == [event.id, kind, event.status.value, event.trigger.text]

    def test_the_legend_lists_the_kinds_and_entities(self, seed_article, seed_tree):
        """The legend names every kind and has a row per country and actor."""
        (legend,) = seed_tree.find("section", "legend")
        chips = [li.text for li in legend.iter("li")]
        assert chips == [label.lower() for label, _ in KINDS.values()]
        rows = list(legend.iter("tr"))[1:]
        assert len(rows) == len(seed_article.countries) + len(seed_article.actors)

    def test_the_page_needs_no_network_and_no_script(self, seed_article):
        """No script, no external resource: the page stands alone."""
        page = render_html(seed_article)
        assert "<script" not in page
        assert "src=" not in page
        assert "http" not in page.split("<body>")[0]

    def test_the_public_name_is_the_same_function(self):
        """sahel_news.render_html is the function documented here."""
        assert sahel_news.render_html is render_html


ORDER = {"event": 0, "country": 1, "org": 2}


class TestMarks:
    def test_a_span_inside_another_nests(self):
        """A country inside an organisation's name is a mark inside its mark."""
        html = marked_html(
            "the Malian army said",
            [Highlight(4, 15, "org", "ORG", "o"), Highlight(4, 10, "country", "COUNTRY", "c")],
            ORDER,
        )
        assert html == (
            'the <mark class="ent ent-org" data-label="ORG" title="o">'
            '<mark class="ent ent-country" data-label="COUNTRY" title="c">Malian</mark> army'
            "</mark> said"
        )

    def test_crossing_spans_keep_the_first(self):
        """Of two spans that cross, the later one is not marked (elements cannot cross)."""
        html = marked_html(
            "abcdef",
            [Highlight(0, 4, "org", "ORG", "o"), Highlight(2, 6, "country", "COUNTRY", "c")],
            ORDER,
        )
        assert html == '<mark class="ent ent-org" data-label="ORG" title="o">abcd</mark>ef'

    def test_the_same_span_twice_joins_hovers(self):
        """Two events with one trigger give one mark whose hover names both."""
        html = marked_html(
            "met",
            [Highlight(0, 3, "event", "EVENT", "e1"), Highlight(0, 3, "event", "EVENT", "e2")],
            ORDER,
        )
        assert html == '<mark class="ent ent-event" data-label="EVENT" title="e1\n\ne2">met</mark>'

    def test_text_and_hovers_are_escaped(self):
        """Markup in the text and the hover is escaped, quotes included."""
        html = marked_html('<b>"x" & y</b>', [Highlight(3, 6, "org", "ORG", '"><script>')], {})
        assert "<b>" not in html
        assert "<script>" not in html
        assert 'title="&quot;&gt;&lt;script&gt;"' in html


# Any text, with markup, character references and quotes mixed in often
_MARKUP = [
    "<", ">", "&", '"', "'", "</p>", "<b>", "</mark>", "<mark>", "<script>alert(1)</script>",
    "&amp;", "&lt;", "&#0;", "<!--", "-->", "<![CDATA[", "]]>", "</title>", "<style>",
]  # fmt: skip
_TEXT = st.lists(
    st.one_of(st.text(max_size=12), st.sampled_from(_MARKUP)), min_size=1, max_size=12
).map("".join)
_LINE = _TEXT.filter(lambda t: t.strip() and t.splitlines() == [t])


@st.composite
def hostile_articles(draw):
    """Articles of arbitrary text (markup, quotes, entities) with mentions at arbitrary spans."""
    headline = draw(_LINE)
    paragraphs = tuple(draw(st.lists(_TEXT, min_size=1, max_size=4)))
    paragraphs = tuple(p if p.strip() else "x" for p in paragraphs)
    related = tuple(draw(st.lists(_LINE.map(lambda t: RelatedLink(t, 0)), max_size=2)))
    texts = [(Part.HEADLINE, 0, headline)] + [
        (Part.PARAGRAPH, i, p) for i, p in enumerate(paragraphs)
    ]

    def mention():
        part, index, text = draw(st.sampled_from(texts))
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        if not text[start:end].strip():
            return None
        return Mention(text[start:end], Span(part, index, start, end))

    def mentions():
        found = [mention() for _ in range(draw(st.integers(0, 4)))]
        return tuple(m for m in found if m is not None)

    mali = Country.from_code("MLI", mentions=mentions())
    actor = Actor(
        id="a-" + draw(st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True)),
        name=draw(_LINE),
        kind=draw(st.sampled_from(ActorKind)),
        country="MLI",
        roles=tuple(draw(st.lists(_LINE, max_size=2))),
        mentions=mentions(),
    )
    events = []
    for number in range(draw(st.integers(0, 3))):
        trigger = mention()
        if trigger is not None:
            events.append(
                Event(
                    id=f"e{number}",
                    type=draw(st.sampled_from(PloverType)),
                    trigger=trigger,
                    evidence=(trigger.span,),
                    participants=(
                        Participant(actor.id, ParticipantRole.SOURCE),
                        Participant("MLI", ParticipantRole.TARGET),
                    ),
                    mode=draw(st.none() | _LINE),
                )
            )
    return Article(
        id="a-1",
        headline=headline,
        paragraphs=paragraphs,
        related=related,
        source=Source(url=draw(st.none() | _LINE), outlet=draw(st.none() | _LINE)),
        countries=(mali,),
        actors=(actor,),
        events=tuple(events),
    )


def check_structure(article):
    tree = Tree(render_html(article))
    assert tree.tags <= _ALLOWED
    (title,) = tree.find("title")
    assert title.text == article.headline
    (h1,) = tree.find("h1")
    assert h1.text == article.headline
    assert [p.text for p in tree.find("p", "para")] == list(article.paragraphs)
    assert len(tree.find("aside", "related")) == len(article.related)
    (events,) = tree.find("section", "events")
    assert len(list(events.iter("tr"))) == (len(article.events) + 1 if article.events else 0)
    for mark in tree.find("mark"):
        assert mark.classes() <= {"ent"} | {f"ent-{k}" for k in KINDS} | {
            f"chip-{k}" for k in KINDS
        }
    return tree


class TestAnyText:
    @given(hostile_articles())
    def test_no_text_breaks_out_of_its_element(self, article):
        """Whatever the article says, the page has the same elements and each reads as its text."""
        check_structure(article)

    @pytest.mark.slow  # many generated articles: CI runs it with -m slow
    @given(articles())
    def test_generated_articles_render_whole(self, article):
        """Every generated Article (actors, events, quotes) gives a page of the same shape."""
        tree = check_structure(article)
        (legend,) = tree.find("section", "legend")
        ids = [row.children[2].text for row in list(legend.iter("tr"))[1:]]
        assert ids == [c.alpha3 for c in article.countries] + [a.id for a in article.actors]


class TestShowCommand:
    def test_show_writes_the_page(self, tmp_path, seed_text):
        """`sahel-news show CAPTURE -o OUT` writes the page render_html gives."""
        capture = tmp_path / "seed.txt"
        capture.write_text(seed_text, encoding="utf-8")
        out = tmp_path / "seed.html"
        assert cli.main(["show", str(capture), "-o", str(out)]) == 0
        assert out.read_text(encoding="utf-8") == render_html(parse_article(seed_text))

    def test_show_reads_article_json_and_html_pages(self, tmp_path, capsys):
        """An Article JSON document and an HTML page are shown as well as a capture."""
        article = parse_article("Talks in Bamako\n\nMali met Niger on Monday.")
        document = tmp_path / "a.json"
        document.write_text(to_json(article), encoding="utf-8")
        assert cli.main(["show", str(document)]) == 0
        assert capsys.readouterr().out == render_html(article)
        page = tmp_path / "page.html"
        page.write_text(
            "<html><body><article><h1>Talks in Bamako</h1><p>Mali met Niger on Monday in the "
            "capital, officials said after the meeting.</p></article></body></html>",
            encoding="utf-8",
        )
        assert cli.main(["show", str(page)]) == 0
        assert "<title>Talks in Bamako</title>" in capsys.readouterr().out

    def test_a_bad_capture_is_one_line(self, tmp_path, capsys):
        """A capture that cannot be parsed gives one error line and status 1."""
        capture = tmp_path / "bad.txt"
        capture.write_text("\n\n", encoding="utf-8")
        assert cli.main(["show", str(capture)]) == 1
        assert capsys.readouterr().err.startswith(f"{capture}: cannot parse: ")

    def test_a_bad_zone_is_a_usage_error_of_show(self, seed_text, tmp_path, capsys):
        """An unknown --tz is status 2, with the show command named."""
        capture = tmp_path / "seed.txt"
        capture.write_text(seed_text, encoding="utf-8")
        assert cli.main(["show", str(capture), "--tz", "Mars/Base"]) == 2
        assert capsys.readouterr().err.startswith("sahel-news show: error: argument --tz:")

    def test_an_invalid_document_names_its_problems(self, tmp_path, capsys):
        """An Article JSON document that breaks the rules gives its problems, status 1."""
        document = tmp_path / "bad.json"
        document.write_text('{"id": "a1"}', encoding="utf-8")
        assert cli.main(["show", str(document)]) == 1
        assert "$.headline" in capsys.readouterr().err
