"""The embedded store: Articles in a SQLite file, and a timeline of their events.

    from sahel_news.store import Store

    with Store("corpus.sqlite", create=True) as store:
        store.index(articles)
        for event in store.timeline(countries=["MLI", "RUS"], since=date(2024, 1, 1)):
            ...

See docs/outputs.md for the layout, the filters and the guarantees under concurrent and
interrupted runs.
"""

from sahel_news.errors import StoreError, StoreVersionError
from sahel_news.outputs._store import STORE_SCHEMA_VERSION, IndexReport, Store
from sahel_news.outputs._tables import EventRow

__all__ = [
    "STORE_SCHEMA_VERSION",
    "EventRow",
    "IndexReport",
    "Store",
    "StoreError",
    "StoreVersionError",
]
