"""Conversion of the models: dicts, JSON, dataclass twins and JSON Schema, all through cattrs."""

from sahel_news.convert.dataclasses import from_dataclass, to_dataclass, twin_of
from sahel_news.convert.dicts import from_dict, to_dict
from sahel_news.convert.json import from_json, to_json
from sahel_news.convert.schema import json_schema

__all__ = [
    "from_dataclass",
    "from_dict",
    "from_json",
    "json_schema",
    "to_dataclass",
    "to_dict",
    "to_json",
    "twin_of",
]
