"""Bytes to capture text: a named encoding, with UTF-8 and UTF-16 byte-order marks sniffed."""

from __future__ import annotations

import codecs

from sahel_news.errors import ParseError

__all__ = ["decode_capture"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_capture(data: bytes, encoding: str = "utf-8") -> str:
    """The text of a capture saved as *data*: a byte-order mark wins over *encoding*.

    Args:
        data: the capture's bytes.
        encoding: a Python codec name (``utf-8``, ``latin-1``, ``cp1252``, ``utf-16``).

    Raises:
        ParseError: if the bytes are not text in that encoding (with the line and offset).
        LookupError: if *encoding* names no codec.
    """
    codecs.lookup(encoding)  # an unknown codec is the caller's mistake, not the capture's
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            encoding = bom_encoding
            break
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        label = "UTF-8" if codecs.lookup(encoding).name == "utf-8" else encoding
        raise ParseError(
            f"not {label}: byte {data[error.start]:#04x} at offset {error.start}", line=line
        ) from None
