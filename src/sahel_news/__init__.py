"""sahel_news: typed, validated, traceable records from plain-text news captures.

Public names are loaded on first use (PEP 562), so ``import sahel_news`` stays light: the
parsers, gazetteers and cattrs converters load when a program first touches them.
"""

from __future__ import annotations

import importlib

# Not `from typing import TYPE_CHECKING`: importing typing takes tens of milliseconds, and
# until `sahel-news` has started, a Ctrl-C can only end in a traceback.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from sahel_news.capture import render_capture
    from sahel_news.capture._html import parse_html
    from sahel_news.convert import (
        from_dataclass,
        from_dict,
        from_json,
        json_schema,
        to_dataclass,
        to_dict,
        to_json,
        twin_of,
    )
    from sahel_news.convert.exports import (
        ACLED_COLUMNS,
        PLOVER_FIELDS,
        fips_to_iso,
        iso_to_fips,
        to_acled_rows,
        to_plover,
    )
    from sahel_news.corpus import Capture, CaptureFailure, parse_many
    from sahel_news.data import (
        DataTableError,
        add_data_dir,
        languages,
        remove_data_dir,
        user_data,
        using_language,
    )
    from sahel_news.errors import (
        InputError,
        MissingDependencyError,
        ParseError,
        Problem,
        SahelNewsError,
        SchemaVersionError,
        ValidationError,
    )
    from sahel_news.extract import extract_entities, extract_events
    from sahel_news.extract.components import (
        Component,
        EntityComponent,
        EventComponent,
        default_components,
    )
    from sahel_news.extract.time import (
        TimeExpression,
        TimeResolutionError,
        find_times,
        resolve_time,
    )
    from sahel_news.models import (
        SCHEMA_VERSION,
        Actor,
        ActorKind,
        Article,
        Chrome,
        ChromeKind,
        ChromeLine,
        Country,
        Dateline,
        DateRange,
        Diagnostic,
        Event,
        EventStatus,
        InferredTime,
        Mention,
        Part,
        Participant,
        ParticipantRole,
        Place,
        PlaceKind,
        PloverType,
        Precision,
        Quote,
        RelatedLink,
        Source,
        Span,
        TimeBasis,
    )
    from sahel_news.pipeline import parse_article
    from sahel_news.text import Doc, LanguageReading, detect_language
    from sahel_news.views import render_html

__all__ = [
    "ACLED_COLUMNS",
    "PLOVER_FIELDS",
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Article",
    "Capture",
    "CaptureFailure",
    "Chrome",
    "ChromeKind",
    "ChromeLine",
    "Component",
    "Country",
    "DataTableError",
    "DateRange",
    "Dateline",
    "Diagnostic",
    "Doc",
    "EntityComponent",
    "Event",
    "EventComponent",
    "EventStatus",
    "InferredTime",
    "InputError",
    "LanguageReading",
    "Mention",
    "MissingDependencyError",
    "ParseError",
    "Part",
    "Participant",
    "ParticipantRole",
    "Place",
    "PlaceKind",
    "PloverType",
    "Precision",
    "Problem",
    "Quote",
    "RelatedLink",
    "SahelNewsError",
    "SchemaVersionError",
    "Source",
    "Span",
    "TimeBasis",
    "TimeExpression",
    "TimeResolutionError",
    "ValidationError",
    "add_data_dir",
    "default_components",
    "detect_language",
    "extract_entities",
    "extract_events",
    "find_times",
    "fips_to_iso",
    "from_dataclass",
    "from_dict",
    "from_json",
    "iso_to_fips",
    "json_schema",
    "languages",
    "parse_article",
    "parse_html",
    "parse_many",
    "remove_data_dir",
    "render_capture",
    "render_html",
    "resolve_time",
    "to_acled_rows",
    "to_dataclass",
    "to_dict",
    "to_json",
    "to_plover",
    "twin_of",
    "user_data",
    "using_language",
]

_WHERE: dict[str, str] = {
    "ACLED_COLUMNS": "sahel_news.convert.exports",
    "PLOVER_FIELDS": "sahel_news.convert.exports",
    "SCHEMA_VERSION": "sahel_news.models",
    "Actor": "sahel_news.models",
    "ActorKind": "sahel_news.models",
    "Article": "sahel_news.models",
    "Capture": "sahel_news.corpus",
    "CaptureFailure": "sahel_news.corpus",
    "Chrome": "sahel_news.models",
    "ChromeKind": "sahel_news.models",
    "ChromeLine": "sahel_news.models",
    "Component": "sahel_news.extract.components",
    "Country": "sahel_news.models",
    "DataTableError": "sahel_news.data",
    "DateRange": "sahel_news.models",
    "Dateline": "sahel_news.models",
    "Diagnostic": "sahel_news.models",
    "Doc": "sahel_news.text",
    "EntityComponent": "sahel_news.extract.components",
    "Event": "sahel_news.models",
    "EventComponent": "sahel_news.extract.components",
    "EventStatus": "sahel_news.models",
    "InferredTime": "sahel_news.models",
    "InputError": "sahel_news.errors",
    "Mention": "sahel_news.models",
    "MissingDependencyError": "sahel_news.errors",
    "ParseError": "sahel_news.errors",
    "Part": "sahel_news.models",
    "Participant": "sahel_news.models",
    "ParticipantRole": "sahel_news.models",
    "Place": "sahel_news.models",
    "PlaceKind": "sahel_news.models",
    "PloverType": "sahel_news.models",
    "Precision": "sahel_news.models",
    "Problem": "sahel_news.errors",
    "Quote": "sahel_news.models",
    "RelatedLink": "sahel_news.models",
    "SahelNewsError": "sahel_news.errors",
    "SchemaVersionError": "sahel_news.errors",
    "Source": "sahel_news.models",
    "Span": "sahel_news.models",
    "TimeBasis": "sahel_news.models",
    "TimeExpression": "sahel_news.extract.time",
    "TimeResolutionError": "sahel_news.extract.time",
    "ValidationError": "sahel_news.errors",
    "add_data_dir": "sahel_news.data",
    "default_components": "sahel_news.extract.components",
    "extract_entities": "sahel_news.extract",
    "extract_events": "sahel_news.extract",
    "find_times": "sahel_news.extract.time",
    "fips_to_iso": "sahel_news.convert.exports",
    "from_dataclass": "sahel_news.convert",
    "from_dict": "sahel_news.convert",
    "from_json": "sahel_news.convert",
    "iso_to_fips": "sahel_news.convert.exports",
    "json_schema": "sahel_news.convert",
    "parse_article": "sahel_news.pipeline",
    "parse_html": "sahel_news.capture._html",
    "parse_many": "sahel_news.corpus",
    "remove_data_dir": "sahel_news.data",
    "render_capture": "sahel_news.capture",
    "render_html": "sahel_news.views",
    "resolve_time": "sahel_news.extract.time",
    "to_acled_rows": "sahel_news.convert.exports",
    "to_dataclass": "sahel_news.convert",
    "to_dict": "sahel_news.convert",
    "to_json": "sahel_news.convert",
    "to_plover": "sahel_news.convert.exports",
    "twin_of": "sahel_news.convert",
    "user_data": "sahel_news.data",
    "using_language": "sahel_news.data",
    "languages": "sahel_news.data",
    "detect_language": "sahel_news.text",
    "LanguageReading": "sahel_news.text",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'sahel_news' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
