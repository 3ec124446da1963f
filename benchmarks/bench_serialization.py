"""Serialization speed: sahel_news against pydantic v2 and msgspec on the same document.

The documents are the bundled seed capture as ``parse_article`` extracts it (its
paragraphs, actors, countries, events, quotes and chrome), the same on every run, and an
article ten times its size made from it (every paragraph, actor, event and quote copied ten
times, each copy's spans moved to its own paragraphs and its ids renamed). We time
to_json, from_json (with full validation) and the round trip; pydantic (strict) and msgspec
models of the same shape (written below) load and dump the very same JSON. The timings of
the three libraries are interleaved and the best of many short runs is kept, so a busy
machine slows all three alike. Also reports the time of ``import sahel_news``.

Run: python benchmarks/bench_serialization.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import timeit
from datetime import date, datetime
from pathlib import Path
from typing import Literal

import msgspec
import pydantic

from sahel_news.convert import from_dict, from_json, to_dict, to_json
from sahel_news.convert.json import BACKEND
from sahel_news.models import Article
from sahel_news.pipeline import parse_article

SEED = Path(__file__).resolve().parent.parent / "examples" / "seed.txt"

# ---- the document -----------------------------------------------------------------------


def realistic_article() -> Article:
    """The bundled seed as the pipeline extracts it: what users actually serialize."""
    return parse_article(SEED.read_text(encoding="utf-8"))


def ten_times(article: Article, copies: int = 10) -> Article:
    """*article* with its body, actors, events and quotes copied *copies* times.

    Copy k reads paragraphs k*P to k*P+P-1 (P paragraphs in the original); its actor and
    event ids end in ``-k`` and its references follow them. Countries stay unique and get
    every copy's mentions.
    """
    document = to_dict(article)
    paragraphs = len(document["paragraphs"])
    actor_ids = {actor["id"] for actor in document["actors"]}

    def moved(node, k):
        if isinstance(node, dict):
            node = {key: moved(value, k) for key, value in node.items()}
            if node.get("part") == "paragraph" and "index" in node:
                node["index"] += k * paragraphs
            for key in ("id", "ref", "speaker"):
                if k and node.get(key) in actor_ids | event_ids:
                    node[key] = f"{node[key]}-{k}"
            return node
        if isinstance(node, list):
            return [moved(item, k) for item in node]
        return node

    event_ids = {event["id"] for event in document["events"]}

    def body_only(item):
        return all(span["part"] == "paragraph" for span in _spans(item))

    result = dict(document)
    result["paragraphs"] = document["paragraphs"] * copies
    result["actors"] = [moved(a, k) for k in range(copies) for a in document["actors"]]
    result["events"] = [
        moved(e, k) for k in range(copies) for e in document["events"] if k == 0 or body_only(e)
    ]
    result["quotes"] = [
        moved(q, k) for k in range(copies) for q in document["quotes"] if k == 0 or body_only(q)
    ]
    result["countries"] = [
        {
            **country,
            "mentions": [
                moved(m, k) for k in range(copies) for m in country["mentions"] if body_only(m)
            ]
            + [m for m in country["mentions"] if not body_only(m)],
        }
        for country in document["countries"]
    ]
    return from_dict(result, Article)


def large_article(article: Article, factor: int = 10) -> Article:
    """A copy of *article* (`ten_times`) whose JSON is at least *factor* times as long."""
    size = len(to_json(article))
    copies = factor
    while len(to_json(bigger := ten_times(article, copies))) < factor * size:
        copies += 1
    return bigger


def _spans(node):
    if isinstance(node, dict):
        if "part" in node and "start" in node:
            yield node
        for value in node.values():
            yield from _spans(value)
    elif isinstance(node, list):
        for item in node:
            yield from _spans(item)


# ---- the same shape in pydantic v2 (strict) ---------------------------------------------

Strict = pydantic.ConfigDict(strict=True, extra="forbid", frozen=True)


class PSpan(pydantic.BaseModel):
    model_config = Strict
    part: Literal["headline", "standfirst", "paragraph", "related"]
    index: int
    start: int
    end: int


class PMention(pydantic.BaseModel):
    model_config = Strict
    text: str
    span: PSpan


class PCountry(pydantic.BaseModel):
    model_config = Strict
    alpha2: str
    alpha3: str
    numeric: str
    name: str
    mentions: tuple[PMention, ...] = ()


class PActor(pydantic.BaseModel):
    model_config = Strict
    id: str
    name: str
    kind: str
    country: str | None = None
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: tuple[PMention, ...] = ()


class PDateRange(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)  # dates come as strings
    earliest: date
    latest: date
    precision: str
    expression: str
    anchor: date | None = None


class PPlace(pydantic.BaseModel):
    model_config = Strict
    name: str
    country: str | None = None
    kind: str = "other"
    mention: PMention | None = None


class PParticipant(pydantic.BaseModel):
    model_config = Strict
    ref: str
    role: str = "other"


class PEvent(pydantic.BaseModel):
    model_config = Strict
    id: str
    type: str
    trigger: PMention
    evidence: tuple[PSpan, ...]
    participants: tuple[PParticipant, ...] = ()
    when: PDateRange | None = None
    where: PPlace | None = None
    status: str = "occurred"
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None


class PQuote(pydantic.BaseModel):
    model_config = Strict
    text: str
    span: PSpan
    speaker: str | None = None


class PRelated(pydantic.BaseModel):
    model_config = Strict
    title: str
    after_paragraph: int
    url: str | None = None


class PChromeLine(pydantic.BaseModel):
    model_config = Strict
    text: str
    kind: str = "other"
    after_paragraph: int = 0


class PChrome(pydantic.BaseModel):
    model_config = Strict
    header: tuple[PChromeLine, ...] = ()
    body: tuple[PChromeLine, ...] = ()
    footer: tuple[PChromeLine, ...] = ()
    temperature_celsius: float | None = None


class PSource(pydantic.BaseModel):
    model_config = Strict
    url: str | None = None
    outlet: str | None = None
    language: str | None = None


class PDateline(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    text: str
    span: PSpan
    place: str
    date: dt.date | None = None
    agency: str | None = None


class PDiagnostic(pydantic.BaseModel):
    model_config = Strict
    code: str
    message: str
    line: int | None = None


class PArticle(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    schema_version: str = "1.0"
    id: str
    headline: str
    standfirst: str | None = None
    paragraphs: tuple[str, ...] = ()
    related: tuple[PRelated, ...] = ()
    published: datetime | None = None
    published_zone_assumed: bool = False
    page_date: date | None = None
    dateline: PDateline | None = None
    chrome: PChrome = PChrome()
    source: PSource = PSource()
    countries: tuple[PCountry, ...] = ()
    actors: tuple[PActor, ...] = ()
    events: tuple[PEvent, ...] = ()
    quotes: tuple[PQuote, ...] = ()
    diagnostics: tuple[PDiagnostic, ...] = ()


# ---- the same shape in msgspec ----------------------------------------------------------

Frozen = {"frozen": True, "forbid_unknown_fields": True}


class MSpan(msgspec.Struct, **Frozen):
    part: Literal["headline", "standfirst", "paragraph", "related"]
    index: int
    start: int
    end: int


class MMention(msgspec.Struct, **Frozen):
    text: str
    span: MSpan


class MCountry(msgspec.Struct, **Frozen):
    alpha2: str
    alpha3: str
    numeric: str
    name: str
    mentions: tuple[MMention, ...] = ()


class MActor(msgspec.Struct, **Frozen):
    id: str
    name: str
    kind: str
    country: str | None = None
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: tuple[MMention, ...] = ()


class MDateRange(msgspec.Struct, **Frozen):
    earliest: date
    latest: date
    precision: str
    expression: str
    anchor: date | None = None


class MPlace(msgspec.Struct, **Frozen):
    name: str
    country: str | None = None
    kind: str = "other"
    mention: MMention | None = None


class MParticipant(msgspec.Struct, **Frozen):
    ref: str
    role: str = "other"


class MEvent(msgspec.Struct, **Frozen):
    id: str
    type: str
    trigger: MMention
    evidence: tuple[MSpan, ...]
    participants: tuple[MParticipant, ...] = ()
    when: MDateRange | None = None
    where: MPlace | None = None
    status: str = "occurred"
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None


class MQuote(msgspec.Struct, **Frozen):
    text: str
    span: MSpan
    speaker: str | None = None


class MRelated(msgspec.Struct, **Frozen):
    title: str
    after_paragraph: int
    url: str | None = None


class MChromeLine(msgspec.Struct, **Frozen):
    text: str
    kind: str = "other"
    after_paragraph: int = 0


class MChrome(msgspec.Struct, **Frozen):
    header: tuple[MChromeLine, ...] = ()
    body: tuple[MChromeLine, ...] = ()
    footer: tuple[MChromeLine, ...] = ()
    temperature_celsius: float | None = None


class MSource(msgspec.Struct, **Frozen):
    url: str | None = None
    outlet: str | None = None
    language: str | None = None


class MDateline(msgspec.Struct, **Frozen):
    text: str
    span: MSpan
    place: str
    date: dt.date | None = None
    agency: str | None = None


class MDiagnostic(msgspec.Struct, **Frozen):
    code: str
    message: str
    line: int | None = None


class MArticle(msgspec.Struct, **Frozen):
    id: str
    headline: str
    schema_version: str = "1.0"
    standfirst: str | None = None
    paragraphs: tuple[str, ...] = ()
    related: tuple[MRelated, ...] = ()
    published: datetime | None = None
    published_zone_assumed: bool = False
    page_date: date | None = None
    dateline: MDateline | None = None
    chrome: MChrome = MChrome()
    source: MSource = MSource()
    countries: tuple[MCountry, ...] = ()
    actors: tuple[MActor, ...] = ()
    events: tuple[MEvent, ...] = ()
    quotes: tuple[MQuote, ...] = ()
    diagnostics: tuple[MDiagnostic, ...] = ()


# ---- timing -----------------------------------------------------------------------------


def interleaved_best(functions: dict[str, object], rounds: int = 25, number: int = 10):
    """Seconds per call of each function: the best of *rounds* short runs, taken in turns."""
    best = dict.fromkeys(functions, float("inf"))
    for _ in range(rounds):
        for name, function in functions.items():
            best[name] = min(best[name], timeit.timeit(function, number=number) / number)
    return best


def import_time(runs: int = 7) -> float:
    """Median seconds of ``import sahel_news`` in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import sahel_news; print(time.perf_counter() - t)"
    samples = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(samples)


def compare(label: str, article: Article, rounds: int, number: int) -> dict[str, float]:
    """Print the three libraries' times on *article*; return our ratios to pydantic."""
    text = to_json(article)
    data = text.encode()
    assert from_json(text, Article) == article

    p_article = PArticle.model_validate_json(data)
    m_decoder = msgspec.json.Decoder(MArticle)
    m_article = m_decoder.decode(data)
    m_encoder = msgspec.json.Encoder()

    cases = {
        "to_json": (
            lambda: to_json(article),
            p_article.model_dump_json,
            lambda: m_encoder.encode(m_article),
        ),
        "from_json": (
            lambda: from_json(data, Article),
            lambda: PArticle.model_validate_json(data),
            lambda: m_decoder.decode(data),
        ),
        "round trip": (
            lambda: from_json(to_json(article), Article),
            lambda: PArticle.model_validate_json(p_article.model_dump_json()),
            lambda: m_decoder.decode(m_encoder.encode(m_article)),
        ),
    }
    print(
        f"{label}: {len(data):,} bytes, {len(article.paragraphs)} paragraphs, "
        f"{len(article.actors)} actors, {len(article.countries)} countries, "
        f"{len(article.events)} events; JSON back end: {BACKEND}"
    )
    print(
        f"{'':12} {'sahel_news':>12} {'pydantic':>12} {'msgspec':>12} "
        f"{'÷ pydantic':>11} {'÷ msgspec':>10}"
    )
    ratios = {}
    for name, (ours, theirs, msgspecs) in cases.items():
        best = interleaved_best(
            {"ours": ours, "pydantic": theirs, "msgspec": msgspecs}, rounds, number
        )
        ratios[name] = best["ours"] / best["pydantic"]
        print(
            f"{name:12} {best['ours'] * 1e6:10.1f}µs {best['pydantic'] * 1e6:10.1f}µs "
            f"{best['msgspec'] * 1e6:10.1f}µs {ratios[name]:10.2f}x "
            f"{best['ours'] / best['msgspec']:9.2f}x"
        )
    for name in ("round trip", "from_json"):
        verdict = "meets" if ratios[name] <= 1.0 else "misses"
        print(f"  target ({name} ≤ 1.0x pydantic strict): {verdict}")
    return ratios


def main() -> None:
    seed = realistic_article()
    compare("seed article", seed, rounds=25, number=20)
    print()
    compare("ten times the seed", large_article(seed), rounds=30, number=3)
    print()
    print(f"import sahel_news: {import_time() * 1000:.1f} ms (median of 7 fresh interpreters)")


if __name__ == "__main__":
    main()
