"""Serialization speed: sahel_news against pydantic v2 and msgspec on the same document.

The document is the bundled seed capture as ``parse_article`` extracts it (its paragraphs,
actors, countries, events, quotes and chrome), the same on every run. We time to_json,
from_json (with full validation) and the round trip; pydantic and msgspec models of the
same shape (written below) load and dump the very same JSON. Also reports the time of
``import sahel_news``.

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

from sahel_news.convert import from_json, to_json
from sahel_news.convert.json import BACKEND
from sahel_news.models import Article
from sahel_news.pipeline import parse_article

SEED = Path(__file__).resolve().parent.parent / "examples" / "seed.txt"

# ---- the document -----------------------------------------------------------------------


def realistic_article() -> Article:
    """The bundled seed as the pipeline extracts it: what users actually serialize."""
    return parse_article(SEED.read_text(encoding="utf-8"))


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


def best_of(function, number: int = 200, repeat: int = 7) -> float:
    """Seconds per call: the best of *repeat* runs of *number* calls."""
    return min(timeit.repeat(function, number=number, repeat=repeat)) / number


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


def main() -> None:
    article = realistic_article()
    text = to_json(article)
    data = text.encode()
    assert from_json(text, Article) == article

    p_article = PArticle.model_validate_json(data)
    m_decoder = msgspec.json.Decoder(MArticle)
    m_article = m_decoder.decode(data)
    m_encoder = msgspec.json.Encoder()

    ours = {
        "to_json": best_of(lambda: to_json(article)),
        "from_json": best_of(lambda: from_json(data, Article)),
        "round trip": best_of(lambda: from_json(to_json(article), Article)),
    }
    pydantic_times = {
        "to_json": best_of(p_article.model_dump_json),
        "from_json": best_of(lambda: PArticle.model_validate_json(data)),
        "round trip": best_of(lambda: PArticle.model_validate_json(p_article.model_dump_json())),
    }
    msgspec_times = {
        "to_json": best_of(lambda: m_encoder.encode(m_article)),
        "from_json": best_of(lambda: m_decoder.decode(data)),
        "round trip": best_of(lambda: m_decoder.decode(m_encoder.encode(m_article))),
    }

    print(
        f"document: {len(data):,} bytes, {len(article.paragraphs)} paragraphs, "
        f"{len(article.actors)} actors, {len(article.countries)} countries, "
        f"{len(article.events)} events; JSON back end: {BACKEND}"
    )
    print(
        f"{'':12} {'sahel_news':>12} {'pydantic':>12} {'msgspec':>12} "
        f"{'÷ pydantic':>11} {'÷ msgspec':>10}"
    )
    for name, seconds in ours.items():
        print(
            f"{name:12} {seconds * 1e6:10.1f}µs {pydantic_times[name] * 1e6:10.1f}µs "
            f"{msgspec_times[name] * 1e6:10.1f}µs {seconds / pydantic_times[name]:10.2f}x "
            f"{seconds / msgspec_times[name]:9.2f}x"
        )
    verdict = "meets" if ours["round trip"] <= pydantic_times["round trip"] else "misses"
    print(f"target (round trip ≤ pydantic, strict): {verdict}")
    print(f"import sahel_news: {import_time() * 1000:.1f} ms (median of 7 fresh interpreters)")


if __name__ == "__main__":
    main()
