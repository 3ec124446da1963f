"""HTML pages in: the article found among a page's furniture, its metadata, and its errors."""

import sys
from datetime import UTC, date, datetime, timedelta, timezone
from html import escape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sahel_news
from sahel_news import cli
from sahel_news.capture._html import parse_html, read_page
from sahel_news.convert import from_json
from sahel_news.errors import MissingDependencyError, ParseError
from sahel_news.models import Article, Source
from sahel_news.pipeline import parse_article

PAGES = Path(__file__).parent / "pages"


def page(name):
    return (PAGES / name).read_bytes()


# name -> (headline, paragraphs, first words, published, page date, outlet, language)
EXPECTED = {
    "article_tag.html": (
        "Mali and Niger agree on joint patrols",
        4,
        "BAMAKO, June 5 (Reuters) - Mali and Niger agreed",
        datetime(2024, 6, 5, 19, 49, tzinfo=UTC),
        None,
        "Sahel Daily",
        "en",
    ),
    "og_meta_div.html": (
        "Burkina Faso junta extends transition by five years",
        4,
        "OUAGADOUGOU, May 26 (AFP) -",
        datetime(2024, 5, 26, 13, 30, tzinfo=UTC),
        None,
        "West Africa Wire",
        "en-GB",
    ),
    "jsonld.html": (
        "Niger suspends military accord with the United States",
        3,
        "NIAMEY, Niger (AP) —",
        datetime(2024, 3, 17, 8, 15, tzinfo=UTC),
        None,
        "Desert Post",
        "en",
    ),
    "no_date.html": (
        "Chad opens a new refugee camp",
        3,
        "The government of Chad opened",
        None,
        None,
        None,
        None,
    ),
    "french.html": (
        "Le Mali et le Niger signent un accord de défense",
        3,
        "Les ministres de la défense",
        datetime(2024, 3, 11, tzinfo=UTC),
        None,
        "Journal du Sahel",
        "fr",
    ),
    "latin1.html": (
        "Protest in Bamako",
        3,
        "Hundreds of traders protested",
        datetime(2024, 7, 1, 9, 0, tzinfo=UTC),
        None,
        None,
        "en",
    ),
}

# Words of every page's navigation, banners, related boxes, comments and footers
FURNITURE = [
    "cookie",
    "Cookies",
    "Accept",
    "comment",
    "Commentaires",
    "Algeria",
    "Mauritania",
    "Sudan after clashes",
    "Senegal votes",
    "Ghana",
    "Newsletter",
    "Togo",
    "Washington",
    "Gambia",
    "Nigeria and Benin",
    "Guinée",
    "Tchad",
    "Privacy",
    "Sign in",
    "Share on",
    "Advertisement",
    "All rights reserved",
    "Skip to main content",
]


class TestPages:
    @pytest.mark.parametrize("name", sorted(EXPECTED))
    def test_the_article_and_its_metadata_are_read(self, name):
        """Each hand-written page gives its headline, paragraphs, date, site and language."""
        headline, count, opening, published, page_date, outlet, language = EXPECTED[name]
        article = parse_html(page(name))
        assert article.headline == headline
        assert len(article.paragraphs) == count
        assert article.paragraphs[0].startswith(opening)
        assert article.published == published
        assert article.page_date == page_date
        assert (article.source.outlet, article.source.language) == (outlet, language)

    @pytest.mark.parametrize("name", sorted(EXPECTED))
    def test_no_page_furniture_reaches_the_text(self, name):
        """Navigation, cookie banners, related boxes, comments and footers are left out."""
        text = read_page(page(name)).text
        for words in FURNITURE:
            assert words not in text

    def test_comments_give_no_countries(self):
        """Countries named only in comments or related boxes are not the article's."""
        article = parse_html(page("article_tag.html"))
        codes = {country.alpha3 for country in article.countries}
        assert {"MLI", "NER", "BFA"} <= codes
        assert not codes & {"DZA", "MRT", "TCD", "SDN", "SEN"}

    def test_a_page_reads_as_the_same_article_written_as_a_capture(self):
        """The page and its article typed as a capture give the same entities and events."""
        capture = (
            "Mali and Niger agree on joint patrols\n\n"
            "BAMAKO, June 5 (Reuters) - Mali and Niger agreed on Tuesday to run joint military "
            "patrols along their shared border, the two governments said in a statement read "
            "on state television.\n\n"
            "The defence ministers of both countries met in Bamako to sign the accord, which "
            "covers the Menaka region where armed groups have attacked several villages since "
            "January.\n\n"
            "Officials said the first patrols would leave from Gao next month and that Burkina "
            "Faso had been invited to join them.\n\n"
            "The agreement follows the withdrawal of the United Nations mission from Mali last "
            "year.\n\n"
            "5 June 2024 19:49 GMT"
        )
        from_page = parse_html(page("article_tag.html"))
        from_capture = parse_article(capture)
        assert from_page.countries == from_capture.countries
        assert from_page.actors == from_capture.actors
        assert from_page.events == from_capture.events
        assert from_page.events

    def test_a_latin1_page_is_decoded_by_its_charset(self):
        """A page saved in ISO-8859-1 reads its accented letters right from bytes."""
        article = parse_html(page("latin1.html"))
        assert article.paragraphs[1].startswith("Mamadou Touré,")

    def test_a_page_time_without_a_zone_is_read_in_default_tz(self):
        """A published time with no offset is read in default_tz, and said to be assumed."""
        bamako_plus_one = timezone(timedelta(hours=1))
        article = parse_html(page("latin1.html"), default_tz=bamako_plus_one)
        assert article.published == datetime(2024, 7, 1, 8, 0, tzinfo=UTC)
        assert article.published_zone_assumed

    def test_relative_dates_resolve_against_the_page_date(self):
        """'on Tuesday' resolves against the page's publication time."""
        article = parse_html(page("article_tag.html"))
        days = {event.when.earliest for event in article.events if event.when is not None}
        assert date(2024, 6, 4) in days


class TestGivenMetadata:
    def test_url_is_kept_and_its_host_names_an_unnamed_site(self):
        """The url goes to Source.url; with no site name in the page, its host is the outlet."""
        url = "https://news.example.org/2024/chad-camp"
        article = parse_html(page("no_date.html"), url=url)
        assert article.source == Source(url=url, outlet="news.example.org", language=None)

    def test_given_aware_time_overrides_the_page(self):
        """An aware published time replaces the page's own date, converted exactly."""
        given_time = datetime(2024, 6, 6, 10, 0, tzinfo=timezone(timedelta(hours=2)))
        article = parse_html(page("article_tag.html"), published=given_time)
        assert article.published == given_time
        assert not article.published_zone_assumed

    def test_given_naive_time_is_read_in_default_tz(self):
        """A naive published time is read in default_tz and marked as assumed."""
        article = parse_html(page("no_date.html"), published=datetime(2024, 2, 1, 7, 30))  # noqa: DTZ001
        assert article.published == datetime(2024, 2, 1, 7, 30, tzinfo=UTC)
        assert article.published_zone_assumed

    def test_a_given_date_anchors_relative_dates(self):
        """A date without a time is the publication date, at midnight in an assumed zone."""
        article = parse_html(page("no_date.html"), published=date(2024, 2, 1))
        assert article.published == datetime(2024, 2, 1, tzinfo=UTC)
        assert article.published_zone_assumed
        assert "published_from_metadata" in {d.code for d in article.diagnostics}

    def test_a_date_in_the_url_is_used_when_the_page_has_none(self):
        """With no date in the page, a date in the url's path is the publication date."""
        article = parse_html(page("no_date.html"), url="https://news.example/2024/06/04/chad")
        assert article.published == datetime(2024, 6, 4, tzinfo=UTC)
        assert article.published_zone_assumed

    def test_no_date_says_so(self):
        """A page with no date anywhere gives no published time and the no_timestamp note."""
        article = parse_html(page("no_date.html"))
        assert article.published is None
        assert "no_timestamp" in {d.code for d in article.diagnostics}

    def test_extract_false_reads_the_layout_only(self):
        """With extract=False the page gives its layout and no entities."""
        article = parse_html(page("jsonld.html"), extract=False)
        assert article.paragraphs
        assert (article.countries, article.actors, article.events) == ((), (), ())

    def test_the_public_name_is_the_same_function(self):
        """sahel_news.parse_html is the function documented here."""
        assert sahel_news.parse_html is parse_html


class TestErrors:
    @pytest.mark.parametrize("html", ["", "   \n", b"", b"\n\n"])
    def test_an_empty_page_is_a_parse_error(self, html):
        """An empty or blank page raises ParseError."""
        with pytest.raises(ParseError, match="empty HTML page"):
            parse_html(html)

    @pytest.mark.parametrize(
        "html",
        [
            "<html><head><title>Only a title</title></head><body></body></html>",
            "<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "<!-- just a comment -->",
        ],
    )
    def test_a_page_without_text_is_a_parse_error(self, html):
        """A page holding no article text raises ParseError saying so."""
        with pytest.raises(ParseError, match=r"no article text|no text to read"):
            parse_html(html)

    def test_not_a_page_is_a_type_error(self):
        """Anything but str or bytes is a TypeError naming the type."""
        with pytest.raises(TypeError, match="int"):
            parse_html(3)

    def test_missing_trafilatura_names_the_extra(self, monkeypatch):
        """Without trafilatura the error names the extra to install."""
        monkeypatch.setitem(sys.modules, "trafilatura", None)
        with pytest.raises(MissingDependencyError, match=r"sahel-news\[html\]") as error:
            parse_html(page("jsonld.html"))
        assert error.value.extra == "html"
        assert isinstance(error.value, ImportError)

    def test_a_headline_error_does_not_name_a_line_of_an_unseen_capture(self):
        """A page whose text has no letters raises ParseError without a line of a capture."""
        html = "<html><body><article><p>" + "1 2 3 " * 20 + "</p></article></body></html>"
        with pytest.raises(ParseError) as error:
            parse_html(html)
        assert error.value.line is None
        assert "page's main text" in error.value.reason


_TAGS = ["p", "div", "article", "h1", "nav", "script", "style", "a", "span", "table", "td"]


@st.composite
def tag_soup(draw):
    """Pieces of HTML: tags opened and closed in any order, text, entities, comments."""
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
                st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
                st.text(max_size=80),
                st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&bogus;", "<!--", "-->", "<"]),
                st.sampled_from(['<meta property="article:published_time" content="', '">']),
            ),
            max_size=30,
        )
    )
    return "".join(pieces)


_WORDS = (
    "the", "junta", "army", "said", "on", "talks", "with", "envoys", "in", "Bamako", "Niamey",
    "officials", "agreed", "border", "patrols", "region", "security", "minister", "government",
    "forces", "attack", "villages", "people", "statement", "week", "month",
)  # fmt: skip
# distinct words, sentences and paragraphs: trafilatura drops text repeated on a page
_SENTENCES = st.lists(st.sampled_from(_WORDS), min_size=8, max_size=20, unique=True).map(
    lambda words: " ".join(words).capitalize() + "."
)
_PARAGRAPHS = st.lists(_SENTENCES, min_size=2, max_size=4, unique=True).map(" ".join)
_HEADLINES = st.lists(st.sampled_from(_WORDS), min_size=4, max_size=9, unique=True).map(
    lambda words: " ".join(words).capitalize()
)
_ABOVE = [
    '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>',
    '<div class="cookie-banner">We use cookies on this site. <button>Accept</button></div>',
]
_BELOW = [
    (
        '<aside class="related"><h2>Related</h2><ul><li><a href="/a">Other story one</a></li>'
        '<li><a href="/b">Other story two</a></li></ul></aside>'
    ),
    (
        '<section class="comments"><h3>Comments</h3><div class="comment"><p>First!</p></div>'
        "</section>"
    ),
    "<footer>© Site. All rights reserved.</footer>",
]


class TestAnyPage:
    @given(
        _HEADLINES,
        st.lists(_PARAGRAPHS, min_size=2, max_size=6, unique=True),
        st.lists(st.sampled_from(_ABOVE), max_size=2),
        st.lists(st.sampled_from(_BELOW), max_size=3),
        st.sampled_from(["article", "main", "div"]),
    )
    def test_an_article_among_furniture_comes_back_whole(
        self, headline, paragraphs, above, below, container
    ):
        """An article among navigation, banners, related boxes and comments comes back alone."""
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        html = (
            f"<html><head><title>{escape(headline)}</title></head><body>{''.join(above)}"
            f"<{container} class='story'><h1>{escape(headline)}</h1>{body}</{container}>"
            f"{''.join(below)}</body></html>"
        )
        text = read_page(html).text
        assert text.split("\n\n") == [headline, *paragraphs]

    @pytest.mark.slow
    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(st.one_of(tag_soup(), st.text(), st.binary(max_size=300)))
    def test_any_page_gives_an_article_or_a_parse_error(self, html):
        """Arbitrary HTML, text or bytes gives an Article or a ParseError, nothing else."""
        try:
            article = parse_html(html)
        except ParseError as error:
            reason = error.reason
            assert reason
        else:
            assert isinstance(article, Article)


class TestCommandLine:
    def test_parse_reads_an_html_page(self, tmp_path, capsys):
        """`sahel-news parse page.html` prints the page's article as JSON."""
        path = tmp_path / "page.HTM"
        path.write_bytes(page("jsonld.html"))
        assert cli.main(["parse", str(path)]) == 0
        out = capsys.readouterr().out
        assert '"headline": "Niger suspends military accord with the United States"' in out
        assert '"outlet": "Desert Post"' in out

    def test_parse_takes_the_url_and_published_date_of_a_page(self, tmp_path, capsys):
        """--url and --published reach the page's Article."""
        path = tmp_path / "camp.html"
        path.write_bytes(page("no_date.html"))
        url = "https://news.example/chad-camp"
        assert cli.main(["parse", str(path), "--url", url, "--published", "2024-02-01"]) == 0
        article = from_json(capsys.readouterr().out, Article)
        assert article.source.url == url
        assert article.published == datetime(2024, 2, 1, tzinfo=UTC)

    def test_the_corpus_mode_reads_pages_among_captures(self, tmp_path, seed_text):
        """A directory of pages and captures gives each page's article; an empty page fails."""
        corpus = tmp_path / "in"
        corpus.mkdir()
        (corpus / "jsonld.html").write_bytes(page("jsonld.html"))
        (corpus / "french.HTM").write_bytes(page("french.html"))
        (corpus / "seed.txt").write_text(seed_text, encoding="utf-8")
        (corpus / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
        out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
        argv = ["parse", str(corpus), "--jsonl", str(out), "--errors", str(errors), "-q"]
        assert cli.main(argv) == 1
        articles = [from_json(line, Article) for line in out.read_text().splitlines()]
        assert sorted(a.headline for a in articles) == [
            "Le Mali et le Niger signent un accord de défense",
            "Niger suspends military accord with the United States",
            "Russian defense delegation holds talks with African allies",
        ]
        outlets = {a.headline[:2]: a.source.outlet for a in articles}
        assert (outlets["Le"], outlets["Ni"]) == ("Journal du Sahel", "Desert Post")
        (failure,) = errors.read_text().splitlines()
        assert '"error": "ParseError"' in failure
        assert "no article text found in the HTML page" in failure

    def test_parse_of_an_empty_page_is_one_line(self, tmp_path, capsys):
        """An HTML page with no article is one error line and status 1."""
        path = tmp_path / "empty.html"
        path.write_text("<html><body></body></html>", encoding="utf-8")
        assert cli.main(["parse", str(path)]) == 1
        assert (
            capsys.readouterr().err
            == f"{path}: cannot parse: no article text found in the HTML page\n"
        )

    def test_missing_extra_is_one_line(self, tmp_path, capsys, monkeypatch):
        """Without trafilatura, parsing a page says which extra to install, status 1."""
        monkeypatch.setitem(sys.modules, "trafilatura", None)
        path = tmp_path / "page.html"
        path.write_bytes(page("jsonld.html"))
        assert cli.main(["parse", str(path)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "pip install 'sahel-news[html]'" in err
