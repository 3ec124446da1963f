"""parse_many: one result per item, in order; a bad item gives a failure record, not an error."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sahel_news import Article, Capture, CaptureFailure, Source, parse_article, parse_many
from sahel_news.corpus._decode import decode_capture
from sahel_news.errors import ParseError

GOOD = "Talks in Bamako\n\nThe junta met ECOWAS envoys on Tuesday in Bamako, Mali.\n"

_ITEMS = st.one_of(
    st.text(max_size=200),
    st.binary(max_size=200),
    st.just(GOOD),
    st.tuples(st.just(GOOD), st.fixed_dictionaries({}, optional={"id": st.text(max_size=5)})),
    st.builds(Capture, st.one_of(st.text(max_size=100), st.just(GOOD))),
    st.integers(),
    st.none(),
)


class TestParseMany:
    def test_results_come_in_input_order(self, seed_text):
        """Each result is the Article of the item at the same position."""
        texts = [seed_text, GOOD, seed_text]
        results = list(parse_many(texts))
        assert [r.headline for r in results] == [parse_article(t).headline for t in texts]

    def test_bad_items_give_failure_records(self):
        """Empty text, bytes that are not UTF-8 and a non-text give failures with id and line."""
        results = list(parse_many(["", b"ok\n\xe9", 42, GOOD]))
        assert [type(r) for r in results] == [CaptureFailure] * 3 + [Article]
        empty, latin, number, _ = results
        assert (empty.id, empty.error) == ("0", "ParseError")
        assert (latin.error, latin.line) == ("ParseError", 2)
        assert "byte 0xe9" in latin.message
        assert (number.id, number.error) == ("2", "TypeError")

    def test_pair_metadata_is_used(self):
        """A (text, metadata) pair gives the id, the publication date and the source."""
        metadata = {"id": "c1", "published": "2024-06-05", "url": "https://example.org/a"}
        (article,) = parse_many([(GOOD, metadata)])
        assert article.published == datetime(2024, 6, 5, tzinfo=UTC)
        assert article.source.url == "https://example.org/a"
        (event,) = [e for e in article.events if e.when]
        assert event.when.earliest == date(2024, 6, 4)

    def test_bad_metadata_is_the_items_failure(self):
        """An unknown key or a published that is no ISO date fails that item only."""
        results = list(
            parse_many([(GOOD, {"publisher": "x"}), (GOOD, {"published": "June"}), GOOD])
        )
        assert [r.error for r in results[:2]] == ["ValueError", "ValueError"]
        assert "publisher" in results[0].message
        assert isinstance(results[2], Article)

    def test_capture_record(self):
        """A Capture keeps its id in its failure and its source in its Article."""
        source = Source(url="https://example.org/2024/06/04/talks", outlet="Example")
        article, failure = parse_many([Capture(GOOD, source=source), Capture("", id="mine")])
        assert article.source == source
        assert article.published == datetime(2024, 6, 4, tzinfo=UTC)
        assert failure.id == "mine"

    def test_bytes_with_a_bom_and_an_encoding(self):
        """UTF-16 with a byte-order mark is read whatever the encoding; Latin-1 when asked."""
        utf16 = b"\xff\xfe" + GOOD.encode("utf-16-le")
        latin = "Manifestation à Bamako\n\nLes élèves ont défilé.\n".encode("latin-1")
        first, second = parse_many([utf16, latin], encoding="latin-1", extract=False)
        assert first.headline == "Talks in Bamako"
        assert second.headline == "Manifestation à Bamako"

    def test_strict_and_a_headline_from_metadata(self):
        """A body-only text fails under strict and takes the pair's headline otherwise."""
        body = ("NIAMEY - The junta expelled the envoy on Monday, officials said. " * 6).strip()
        assert all(isinstance(r, Article) for r in parse_many([body, body]))
        (refused,) = parse_many([body], strict=True)
        assert isinstance(refused, CaptureFailure)
        assert refused.error == "ParseError"
        (titled,) = parse_many([(body, {"headline": "Envoy expelled"})])
        assert titled.headline == "Envoy expelled"

    @pytest.mark.parametrize("bad", [{"n_process": 0}, {"batch_size": 0}])
    def test_bad_settings_raise_at_once(self, bad):
        """n_process or batch_size below 1 is the caller's mistake: ValueError."""
        with pytest.raises(ValueError, match="at least 1"):
            parse_many([GOOD], **bad)

    def test_unknown_encoding_raises_at_once(self):
        """An encoding that names no codec raises LookupError before any item."""
        with pytest.raises(LookupError):
            parse_many([GOOD], encoding="no-such-codec")

    @given(st.lists(_ITEMS, max_size=6))
    def test_one_result_per_item_never_an_exception(self, items):
        """Any mix of items gives one Article or CaptureFailure per item, ids in order."""
        results = list(parse_many(items, extract=False))
        assert len(results) == len(items)
        for position, result in enumerate(results):
            assert isinstance(result, Article | CaptureFailure)
            if isinstance(result, CaptureFailure):
                item = items[position]
                own_id = item.id if isinstance(item, Capture) else None
                assert result.id in {str(position), own_id} or isinstance(item, tuple)

    @pytest.mark.slow
    def test_two_processes_give_the_same_results(self, seed_text):
        """With two worker processes the results are equal to one process's, in order."""
        items = [seed_text, GOOD, "", b"\xe9", (GOOD, {"published": "2024-06-05"})] * 8
        assert list(parse_many(items, n_process=2, batch_size=3)) == list(parse_many(items))


def _running(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return state != "Z"


class _KillsItsWorker(str):
    """A text whose unpickling ends the process that receives it, as a crash would."""

    __slots__ = ()

    def __reduce__(self):
        return (os._exit, (9,))


class TestWorkers:
    @pytest.mark.slow
    @pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
    def test_stopping_early_stops_the_workers(self):
        """A caller that stops reading after one result leaves no worker running."""
        import multiprocessing

        results = parse_many([GOOD] * 40, n_process=2, batch_size=2)
        assert isinstance(next(results), Article)
        workers = [p.pid for p in multiprocessing.active_children()]
        assert workers  # the control: there were workers to stop
        results.close()
        # by pid: a Process object reaped by the pool's own thread may still say "alive"
        assert [pid for pid in workers if _running(pid)] == []

    @pytest.mark.slow
    def test_a_capture_that_kills_its_worker_fails_alone(self):
        """A worker's death fails only the capture it died on; the others still parse."""
        items = [GOOD, Capture(_KillsItsWorker(GOOD), id="poison"), GOOD, GOOD, "", GOOD]
        results = list(parse_many(items, n_process=2, batch_size=2))
        assert [type(r).__name__ for r in results] == [
            "Article", "CaptureFailure", "Article", "Article", "CaptureFailure", "Article"
        ]  # fmt: skip
        assert (results[1].id, results[1].error) == ("poison", "WorkerDied")
        assert results[4].error == "ParseError"


class TestDecode:
    @pytest.mark.parametrize(
        ("data", "text"),
        [
            (b"\xef\xbb\xbfHello", "Hello"),
            (b"\xff\xfe" + "Hé".encode("utf-16-le"), "Hé"),
            (b"\xfe\xff" + "Hé".encode("utf-16-be"), "Hé"),
            ("Hé".encode(), "Hé"),
        ],
    )
    def test_boms_win(self, data, text):
        """A UTF-8 or UTF-16 byte-order mark decides the encoding and is dropped."""
        assert decode_capture(data) == text

    def test_error_names_line_and_offset(self):
        """Bytes that are not UTF-8 raise ParseError with the line and the offset."""
        with pytest.raises(ParseError, match="byte 0xe9 at offset 4") as caught:
            decode_capture(b"a\nb\n\xe9")
        assert caught.value.line == 3
