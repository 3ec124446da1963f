"""Hypothesis strategies for the sahel_news models (needs the ``hypothesis`` extra).

Importing this module registers a strategy for every model, and so does having sahel_news
installed, through the ``hypothesis`` entry point (`sahel_news._hypothesis_entry`), which
loads this module only when a model's strategy is first drawn: ``st.from_type(Article)``
works in a user's tests without setup. ``import sahel_news`` never imports this module.
Without Hypothesis, importing it says to install ``sahel-news[hypothesis]``.
"""


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every model with Hypothesis (run by its entry point).

    Defined before anything imports Hypothesis, so an entry point naming this older hook
    still finds it while the module is half-built.
    """
    from hypothesis import strategies as st  # noqa: PLC0415 - see above

    from sahel_news import models as m  # noqa: PLC0415
    from sahel_news.strategies import _models as s  # noqa: PLC0415

    registry: dict[type, st.SearchStrategy[object]] = {
        m.Span: s.spans(),
        m.Mention: s.mentions(),
        m.Country: s.countries(),
        m.Actor: s.actors(),
        m.DateRange: s.date_ranges(),
        m.Place: s.places(),
        m.Participant: s.participants(),
        m.Event: s.events(),
        m.InferredTime: s.inferred_times(),
        m.Quote: s.quotes(),
        m.RelatedLink: s.related_links(),
        m.Source: s.sources(),
        m.ChromeLine: s.chrome_lines(),
        m.Chrome: s.chromes(),
        m.Dateline: s.datelines(),
        m.Diagnostic: s.diagnostics(),
        m.Article: s.articles(),
    }
    for model, strategy in registry.items():
        st.register_type_strategy(model, strategy)


# Hypothesis first: its start-up runs the entry point, which may register strategies.
try:
    import hypothesis  # noqa: F401 - see above
except ModuleNotFoundError as missing:  # pragma: no cover - depends on the environment
    if missing.name != "hypothesis":
        raise
    msg = (
        "sahel_news.strategies needs Hypothesis, which is not installed: "
        "pip install 'sahel-news[hypothesis]'"
    )
    raise ModuleNotFoundError(msg, name="hypothesis") from None

from sahel_news.strategies._models import (  # noqa: E402 - after the hook
    actors,
    articles,
    chrome_lines,
    chromes,
    countries,
    date_ranges,
    datelines,
    dates,
    datetimes,
    diagnostics,
    events,
    inferred_times,
    mentions,
    participants,
    places,
    quotes,
    related_links,
    sources,
    spans,
)

__all__ = [
    "actors",
    "articles",
    "chrome_lines",
    "chromes",
    "countries",
    "date_ranges",
    "datelines",
    "dates",
    "datetimes",
    "diagnostics",
    "events",
    "inferred_times",
    "mentions",
    "participants",
    "places",
    "quotes",
    "related_links",
    "sources",
    "spans",
]

try:
    from sahel_news.strategies._capture import captures, layout_articles
except ImportError:  # pragma: no cover - only if the capture layer is not installed
    pass
else:
    __all__ += ["captures", "layout_articles"]


_hypothesis_setup_hook()
