"""sahel_news.dask: a bag of captures gives what parse_article gives, on a process or a cluster."""

import sys
from pathlib import Path

import pandas as pd
import pytest

dask_bag = pytest.importorskip("dask.bag", reason="needs the dask extra: sahel-news[dask]")

from sahel_news.dask import (  # noqa: E402 - after the skip
    EVENT_COLUMNS,
    Failure,
    articles_of,
    events_frame,
    events_table,
    failures_of,
    parse_bag,
    parse_item,
)
from sahel_news.errors import MissingDependencyError, ParseError  # noqa: E402
from sahel_news.models import Article  # noqa: E402
from sahel_news.pipeline import parse_article  # noqa: E402

ROOT = Path(__file__).parent
CAPTURES = sorted((ROOT / "captures" / "entities").glob("*.txt"))[:12] + sorted(
    (ROOT / "captures" / "events").glob("*.txt")
)
BROKEN = ["", "\n \n", "Headline\x00\x01"]


def expected(item):
    """What parse_article gives for one item, or the Failure parse_item promises instead."""
    text = item.read_text(encoding="utf-8") if isinstance(item, Path) else item
    try:
        return parse_article(text)
    except ParseError as error:
        return error


def corpus():
    return [*CAPTURES, *(p.read_text(encoding="utf-8") for p in CAPTURES[:4]), *BROKEN]


def same(result, wanted):
    if isinstance(wanted, ParseError):
        return isinstance(result, Failure) and (result.error, result.message, result.line) == (
            "ParseError",
            wanted.reason,
            wanted.line,
        )
    return result == wanted


class TestParseItem:
    def test_a_text_parses_as_parse_article_parses_it(self, seed_text):
        """A text item gives the Article parse_article gives."""
        assert parse_item(seed_text) == parse_article(seed_text)

    def test_a_bad_text_is_a_failure_with_its_line(self):
        """A text that cannot be parsed gives a Failure naming the error, reason and line."""
        failure = parse_item("12345 " * 100)
        assert failure.error == "ParseError"
        assert failure.line == 1
        assert failure.item.startswith("text:")
        assert "no line of text has a letter" in failure.message

    def test_a_keyed_text_names_its_key(self):
        """A (key, text) pair that fails is named by its key."""
        assert parse_item(("doc-7", "")).item == "doc-7"

    def test_an_unreadable_path_is_a_failure(self, tmp_path):
        """A missing file, or one that is not UTF-8, gives a Failure, not an exception."""
        missing = parse_item(tmp_path / "missing.txt")
        assert (missing.item, missing.error) == (str(tmp_path / "missing.txt"), "FileNotFoundError")
        latin = tmp_path / "latin.txt"
        latin.write_bytes("Touré\n\nIl a parlé.".encode("latin-1"))
        assert parse_item(latin).error == "UnicodeDecodeError"

    def test_an_html_path_is_read_as_a_page(self):
        """A path ending in .html is parsed as an HTML page."""
        article = parse_item(ROOT / "pages" / "jsonld.html")
        assert article.source.outlet == "Desert Post"

    def test_missing_dask_names_the_extra(self, monkeypatch):
        """Without Dask, building a bag graph says which extra to install."""
        bag = dask_bag.from_sequence(["a"])
        monkeypatch.setitem(sys.modules, "dask.bag", None)
        with pytest.raises(MissingDependencyError, match=r"sahel-news\[dask\]"):
            parse_bag(bag)


class TestOneProcess:
    def test_a_bag_gives_each_item_in_order(self):
        """On the synchronous scheduler a bag gives what parse_article gives, item by item."""
        items = corpus()
        results = parse_bag(dask_bag.from_sequence(items, npartitions=3)).compute(scheduler="sync")
        assert len(results) == len(items)
        for result, item in zip(results, items, strict=True):
            assert same(result, expected(item))

    def test_articles_and_failures_split_the_results(self):
        """articles_of and failures_of keep the Articles and the Failures."""
        bag = parse_bag(dask_bag.from_sequence(["Talks\n\nThey met.", ""], npartitions=1))
        articles = articles_of(bag).compute(scheduler="sync")
        failures = failures_of(bag).compute(scheduler="sync")
        assert [type(a) for a in articles] == [Article]
        assert [f.error for f in failures] == ["ParseError"]

    def test_the_events_frame_has_a_row_per_event(self, seed_text):
        """events_frame holds one typed row per event of every Article, failures skipped."""
        bag = parse_bag(dask_bag.from_sequence([seed_text, "", seed_text], npartitions=2))
        frame = events_frame(bag).compute(scheduler="sync")
        seed = parse_article(seed_text)
        assert list(frame.columns) == list(EVENT_COLUMNS)
        assert len(frame) == 2 * len(seed.events)
        assert list(frame["event_id"][: len(seed.events)]) == [e.id for e in seed.events]
        dated = frame[frame["event_id"] == "e5"].iloc[0]
        assert dated["earliest"] == pd.Timestamp("2024-06-03")
        assert dated["published"] == pd.Timestamp("2024-06-05 19:49", tz="UTC")
        assert dated["targets"] == "rus-defense-ministry;yunus-bek-yevkurov"

    def test_an_empty_bag_gives_an_empty_typed_frame(self):
        """No events give an empty frame with the documented dtypes."""
        frame = events_frame(parse_bag(dask_bag.from_sequence([""]))).compute(scheduler="sync")
        assert frame.empty
        assert {c: str(t) for c, t in frame.dtypes.items()} == {
            c: str(pd.Series(dtype=t).dtype) for c, t in EVENT_COLUMNS.items()
        }


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.mark.slow
class TestLocalCluster:
    def test_two_worker_processes_give_what_parse_article_gives(self, client):
        """On a LocalCluster of 2 worker processes, results equal parse_article's, in order."""
        items = corpus()
        results = parse_bag(dask_bag.from_sequence(items, npartitions=4)).compute()
        assert len(client.scheduler_info()["workers"]) == 2
        for result, item in zip(results, items, strict=True):
            assert same(result, expected(item))

    def test_the_events_frame_matches_the_serial_table(self, client):
        """The cluster's events DataFrame equals the table built from a plain loop."""
        items = corpus()
        frame = events_frame(parse_bag(dask_bag.from_sequence(items, npartitions=4))).compute()
        serial = events_table(parse_item(item) for item in items)
        pd.testing.assert_frame_equal(frame.reset_index(drop=True), serial)
