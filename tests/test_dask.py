"""sahel_news.dask: a bag of captures gives what parse_many gives, on a process or a cluster."""

import sys
from pathlib import Path

import pandas as pd
import pytest

dask_bag = pytest.importorskip("dask.bag", reason="needs the dask extra: sahel-news[dask]")

from sahel_news.corpus import Capture, CaptureFailure, parse_many  # noqa: E402 - after the skip
from sahel_news.dask import (  # noqa: E402
    EVENT_COLUMNS,
    articles_of,
    events_frame,
    events_table,
    failures_of,
    parse_bag,
    parse_items,
)
from sahel_news.errors import MissingDependencyError  # noqa: E402
from sahel_news.models import Article  # noqa: E402
from sahel_news.pipeline import parse_article  # noqa: E402

ROOT = Path(__file__).parent
CAPTURES = sorted((ROOT / "captures" / "entities").glob("*.txt"))[:12] + sorted(
    (ROOT / "captures" / "events").glob("*.txt")
)
BROKEN = ["", "\n \n", "Headline\x00\x01"]


def corpus():
    """Captures as paths, texts, keyed pairs and Captures, and broken texts among them."""
    texts = [p.read_text(encoding="utf-8") for p in CAPTURES[:6]]
    return [
        *CAPTURES,
        *texts[:3],
        (texts[3], {"id": "keyed", "published": "2024-06-05"}),
        Capture(texts[4], published=None),
        *BROKEN,
    ]


def plain(item):
    """The item as parse_many takes it (a path read as its text)."""
    return item.read_text(encoding="utf-8") if isinstance(item, Path) else item


def same(result, wanted):
    """An equal Article, or a failure with the same error, message and line."""
    if isinstance(wanted, CaptureFailure):
        return isinstance(result, CaptureFailure) and (
            result.error,
            result.message,
            result.line,
        ) == (wanted.error, wanted.message, wanted.line)
    return result == wanted


def parse_item(item):
    (result,) = parse_items([item])
    return result


class TestParseItems:
    def test_a_text_parses_as_parse_article_parses_it(self, seed_text):
        """A text item gives the Article parse_article gives."""
        assert parse_item(seed_text) == parse_article(seed_text)

    def test_a_bad_text_is_a_failure_with_its_line(self):
        """A text that cannot be parsed gives a failure naming the error, reason and line."""
        failure = parse_item("12345 " * 100)
        assert failure.error == "ParseError"
        assert failure.line == 1
        assert failure.id.startswith("text:")
        assert "no line of text has a letter" in failure.message

    def test_a_failure_is_named_the_same_in_any_partition(self):
        """A text without an id is named by a hash of it, wherever it falls."""
        first = parse_items(["", "Talks\n\nThey met."])[0]
        again = parse_items(["Talks\n\nThey met.", "x\n\ny", ""])[2]
        assert first == again
        assert first.id.startswith("text:")

    def test_an_id_in_the_metadata_names_the_failure(self):
        """A (text, metadata) pair that fails is named by its id."""
        assert parse_item(("", {"id": "doc-7"})).id == "doc-7"

    def test_metadata_reaches_parse_article(self):
        """A pair's published date anchors the article as parse_many's does."""
        text = "Talks in Bamako\n\nMali met Niger on Monday."
        (article,) = parse_items([(text, {"published": "2024-06-05"})])
        assert article == next(parse_many([(text, {"published": "2024-06-05"})]))
        assert article.published.date().isoformat() == "2024-06-05"

    def test_an_unreadable_path_is_a_failure(self, tmp_path):
        """A missing file, or one that is not UTF-8, gives a failure, not an exception."""
        missing = parse_item(tmp_path / "missing.txt")
        assert (missing.id, missing.error) == (str(tmp_path / "missing.txt"), "FileNotFoundError")
        latin = tmp_path / "latin.txt"
        latin.write_bytes("Touré\n\nIl a parlé.".encode("latin-1"))
        not_utf8 = parse_item(latin)
        assert (not_utf8.id, not_utf8.error, not_utf8.line) == (str(latin), "ParseError", 1)
        assert not_utf8.message == "not UTF-8: byte 0xe9 at offset 4"

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
        """On the synchronous scheduler a bag gives what parse_many gives, item by item."""
        items = corpus()
        results = parse_bag(dask_bag.from_sequence(items, npartitions=3)).compute(scheduler="sync")
        wanted = list(parse_many([plain(item) for item in items]))
        assert len(results) == len(items)
        for result, expected in zip(results, wanted, strict=True):
            assert same(result, expected)

    def test_articles_and_failures_split_the_results(self):
        """articles_of and failures_of keep the Articles and the failures."""
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
    def test_two_worker_processes_give_what_parse_many_gives(self, client):
        """On a LocalCluster of 2 worker processes, results equal parse_many's, in order."""
        items = corpus()
        results = parse_bag(dask_bag.from_sequence(items, npartitions=4)).compute()
        assert len(client.scheduler_info()["workers"]) == 2
        wanted = list(parse_many([plain(item) for item in items]))
        assert sum(isinstance(r, Article) for r in wanted) == len(items) - len(BROKEN)
        for result, expected in zip(results, wanted, strict=True):
            assert same(result, expected)

    def test_the_events_frame_matches_the_serial_table(self, client):
        """The cluster's events DataFrame equals the table built from a plain loop."""
        items = corpus()
        frame = events_frame(parse_bag(dask_bag.from_sequence(items, npartitions=4))).compute()
        serial = events_table(parse_many([plain(item) for item in items]))
        pd.testing.assert_frame_equal(frame.reset_index(drop=True), serial)
