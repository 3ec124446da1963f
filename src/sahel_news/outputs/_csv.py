"""Tables as CSV that spreadsheets open cleanly, and back, without losing a cell.

The file is RFC 4180: CRLF line ends, a header row, cells quoted only when they hold a comma,
a quote or a line break, quotes doubled. It starts with a UTF-8 byte order mark (Excel reads
the file as UTF-8 only then; other readers skip it) unless ``bom=False``.

Guarding against formula injection: a cell a spreadsheet could take for a formula (one that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with an
apostrophe in front, so it shows as text; so is a cell that starts with an apostrophe, so that
reading removes exactly one and gives the cell back. Lists are joined by ``"; "`` with ``;``
and ``\\`` inside an item escaped by a backslash; an empty list and a missing value are empty
cells; yes/no is ``true`` or ``false`` (read in any case, as a spreadsheet may save it).

A file written before columns were added at the end of its table (its header a prefix of
the table's) reads with those columns' defaults.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from typing import IO, Any, TypeVar

from sahel_news.errors import InputError
from sahel_news.outputs._tables import Kind, columns, defaults

__all__ = ["read_csv", "write_csv"]

Row = TypeVar("Row")

_BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
_SEPARATOR = "; "
_BOOLEANS = {"true": True, "false": False}


def _join(items: tuple[str, ...]) -> str:
    return _SEPARATOR.join(item.replace("\\", "\\\\").replace(";", "\\;") for item in items)


def _split(cell: str) -> tuple[str, ...]:
    if not cell:
        return ()
    items: list[str] = []
    current: list[str] = []
    chars = iter(cell)
    for char in chars:
        if char == "\\":
            current.append(next(chars, ""))
        elif char == ";":
            items.append("".join(current))
            current = []
            next(chars, "")  # the space of the separator
        else:
            current.append(char)
    items.append("".join(current))
    return tuple(items)


def _encode(kind: Kind, value: Any) -> str:
    if value is None:
        text = ""
    elif kind is Kind.TEXT_LIST:
        text = _join(value)
    elif kind is Kind.OPTIONAL_DATE:
        text = value.isoformat()
    elif kind is Kind.BOOLEAN:
        text = "true" if value else "false"
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _decode(kind: Kind, cell: str) -> object:
    cell = cell.removeprefix("'")
    if kind is Kind.TEXT:
        return cell
    if kind is Kind.OPTIONAL_TEXT:
        return cell or None
    if kind is Kind.INTEGER:
        return int(cell)
    if kind is Kind.OPTIONAL_DATE:
        return date.fromisoformat(cell) if cell else None
    if kind is Kind.BOOLEAN:
        folded = cell.strip().casefold()
        if folded not in _BOOLEANS:
            raise ValueError(cell)
        return _BOOLEANS[folded]
    return _split(cell)


def write_csv(rows: Iterable[Any], row_type: type, stream: IO[bytes], *, bom: bool = True) -> int:
    """Write *rows* of the table *row_type* to the binary *stream* as CSV; return the row count.

    Args:
        rows: rows of the table (instances of *row_type*).
        row_type: the table, one of `EventRow`, `ActorRow`, `CountryRow`, `AcledRow`.
        stream: where the UTF-8 bytes go.
        bom: start with a UTF-8 byte order mark (for Excel).
    """
    spec = columns(row_type)
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    try:
        if bom:
            text.write(_BOM)
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow([name for name, _ in spec])
        count = 0
        for row in rows:
            writer.writerow([_encode(kind, getattr(row, name)) for name, kind in spec])
            count += 1
        text.flush()
    finally:
        text.detach()
    return count


def read_csv(stream: IO[bytes], row_type: type[Row], *, where: str = "<csv>") -> list[Row]:
    """Read rows of the table *row_type* back from CSV that `write_csv` wrote.

    Args:
        stream: the binary CSV (with or without the byte order mark).
        row_type: the table the file holds.
        where: the file's name, for error messages.

    Raises:
        InputError: if the file is not CSV, its header is not the table's, or a cell cannot
            be read as its column's kind (with the line number).
    """
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.reader(text, strict=True)
    try:
        return _rows(reader, row_type, where)
    except (csv.Error, UnicodeDecodeError) as error:
        raise InputError(f"{where}:{reader.line_num + 1}", [f"not CSV: {error}"]) from None
    finally:
        text.detach()


def _older(row_type: type, header: list[str] | None) -> int | None:
    """How many columns *header* has if it is the table's before columns were added to it."""
    spec = columns(row_type)
    if not header or len(header) >= len(spec):
        return None
    if [name for name, _ in spec[: len(header)]] != header:
        return None
    if any(name not in defaults(row_type) for name, _ in spec[len(header) :]):
        return None
    return len(header)


def _rows(reader: Any, row_type: type[Row], where: str) -> list[Row]:
    full = columns(row_type)
    header = next(reader, None)
    expected = [name for name, _ in full]
    older = _older(row_type, header)
    if header != expected and older is None:
        found = "nothing" if header is None else ",".join(header)
        raise InputError(f"{where}:1", [f"header is {found}, expected {','.join(expected)}"])
    spec = full[:older] if older is not None else full
    added = {name: defaults(row_type)[name] for name, _ in full[len(spec) :]}
    rows: list[Row] = []
    for record in reader:
        line = reader.line_num
        if len(record) != len(spec):
            raise InputError(f"{where}:{line}", [f"{len(record)} cells, expected {len(spec)}"])
        values = dict(added)
        for (name, kind), cell in zip(spec, record, strict=True):
            try:
                values[name] = _decode(kind, cell)
            except ValueError:
                raise InputError(
                    f"{where}:{line}", [f"column {name}: {cell!r} is not {kind.value}"]
                ) from None
        rows.append(row_type(**values))
    return rows
