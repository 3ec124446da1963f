"""Tables as Parquet files through pyarrow (the ``parquet`` extra), and back.

Text is ``string``, whole numbers ``int64``, dates ``date32``, lists ``list<string>`` and
yes/no ``bool``; a missing value is a null, so nothing needs escaping and nothing is lost.
A file written before columns were added at the end of its table reads with their defaults.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from sahel_news.errors import InputError, MissingDependencyError
from sahel_news.outputs._tables import Kind, columns, defaults

__all__ = ["read_parquet", "write_parquet"]

Row = TypeVar("Row")


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa  # noqa: PLC0415 - an optional extra, loaded on first use
        import pyarrow.parquet as pq  # noqa: PLC0415
    except ImportError:
        raise MissingDependencyError("Parquet export", "parquet") from None
    return pa, pq


def _schema(pa: Any, row_type: type) -> Any:
    kinds = {
        Kind.TEXT: (pa.string(), False),
        Kind.OPTIONAL_TEXT: (pa.string(), True),
        Kind.INTEGER: (pa.int64(), False),
        Kind.OPTIONAL_DATE: (pa.date32(), True),
        Kind.TEXT_LIST: (pa.list_(pa.string()), False),
        Kind.BOOLEAN: (pa.bool_(), False),
    }
    return pa.schema(
        [pa.field(name, *kinds[kind]) for name, kind in columns(row_type)],
        metadata={"sahel_news.table": row_type.__name__},
    )


def write_parquet(rows: Iterable[Any], row_type: type, path: str | Path) -> int:
    """Write *rows* of the table *row_type* to a Parquet file at *path*; return the row count.

    Raises:
        MissingDependencyError: if pyarrow is not installed.
    """
    pa, pq = _pyarrow()
    spec = columns(row_type)
    data: dict[str, list[Any]] = {name: [] for name, _ in spec}
    count = 0
    for row in rows:
        for name, kind in spec:
            value = getattr(row, name)
            data[name].append(list(value) if kind is Kind.TEXT_LIST else value)
        count += 1
    table = pa.Table.from_pydict(data, schema=_schema(pa, row_type))
    pq.write_table(table, str(path))
    return count


def read_parquet(path: str | Path, row_type: type[Row]) -> list[Row]:
    """Read rows of the table *row_type* back from a Parquet file `write_parquet` wrote.

    Raises:
        MissingDependencyError: if pyarrow is not installed.
        InputError: if the file cannot be read or its columns are not the table's.
    """
    pa, pq = _pyarrow()
    try:
        table = pq.read_table(str(path))
    except (OSError, pa.ArrowException) as error:
        raise InputError(str(path), [f"not a Parquet file: {error}"]) from None
    expected = _schema(pa, row_type)
    spec = columns(row_type)
    width = len(table.schema)
    added = defaults(row_type)
    older = width < len(spec) and all(name in added for name, _ in spec[width:])
    if not (older or width == len(spec)) or not table.schema.equals(
        pa.schema(list(expected)[:width]), check_metadata=False
    ):
        raise InputError(str(path), [f"columns are not those of the {row_type.__name__} table"])
    added = {name: added[name] for name, _ in spec[width:]}
    lists = [name for name, kind in spec[:width] if kind is Kind.TEXT_LIST]
    rows: list[Row] = []
    for record in table.to_pylist():
        for name in lists:
            record[name] = tuple(record[name])
        rows.append(row_type(**added, **record))
    return rows
