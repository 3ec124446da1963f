"""Corpora of generated Articles for the store and export tests, the same on every run."""

from __future__ import annotations

import attrs
from hypothesis import HealthCheck, Phase, given, seed, settings

from sahel_news.models import Article
from sahel_news.strategies import articles


def generated_articles(count: int, *, start: int = 0, salt: int = 0) -> list[Article]:
    """*count* Articles drawn from the strategies (fixed seed), ids ``gen-00000`` upwards."""
    found: list[Article] = []

    @seed(salt)
    @settings(
        max_examples=count,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(articles(max_events=4))
    def collect(article: Article) -> None:
        found.append(article)

    collect()
    while len(found) < count:  # Hypothesis may stop early on small search spaces
        found += found[: count - len(found)]
    return [
        attrs.evolve(article, id=f"gen-{start + number:05d}")
        for number, article in enumerate(found[:count])
    ]
