"""Where the results go: flat tables, CSV and Parquet exports, and reading corpora back.

`read_articles` reads Article JSON files, JSONL files and directories; `export` writes a
corpus as PLOVER JSONL, ACLED, event, actor or country CSV, or Parquet tables; the table
rows (`EventRow`, `ActorRow`, `CountryRow`, `AcledRow`) read back from CSV and Parquet
unchanged. The embedded store is `sahel_news.store`.
"""

from sahel_news.outputs._csv import read_csv, write_csv
from sahel_news.outputs._export import CSV_FORMATS, FORMATS, STREAM_FORMATS, export, write_export
from sahel_news.outputs._parquet import read_parquet, write_parquet
from sahel_news.outputs._read import read_articles
from sahel_news.outputs._tables import (
    ROW_TYPES,
    AcledRow,
    ActorRow,
    CountryRow,
    EventRow,
    acled_rows,
    actor_rows,
    country_rows,
    event_countries,
    event_rows,
    format_span,
    json_row,
)

__all__ = [
    "CSV_FORMATS",
    "FORMATS",
    "ROW_TYPES",
    "STREAM_FORMATS",
    "AcledRow",
    "ActorRow",
    "CountryRow",
    "EventRow",
    "acled_rows",
    "actor_rows",
    "country_rows",
    "event_countries",
    "event_rows",
    "export",
    "format_span",
    "json_row",
    "read_articles",
    "read_csv",
    "read_parquet",
    "write_csv",
    "write_export",
    "write_parquet",
]
