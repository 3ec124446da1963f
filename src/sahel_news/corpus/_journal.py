"""The journal of a corpus run: one JSON line per finished input, so a rerun can resume.

Its first line holds a fingerprint of the options that shape the output; a journal with
another fingerprint is started afresh. A line torn by a crash is cut off on reading.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

__all__ = ["Journal"]

_FORMAT = 1


class Journal:
    """An append-only JSON Lines file of finished inputs, flushed line by line."""

    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self.entries: list[dict[str, Any]] = []
        self.resumed = False
        self._file: IO[bytes] | None = None

    def load(self) -> list[dict[str, Any]]:
        """The entries of an earlier run with the same fingerprint (none if there is none)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        lines = data.split(b"\n")[:-1]  # the part after the last newline is torn
        entries: list[dict[str, Any]] = []
        try:
            header = json.loads(lines[0]) if lines else None
            if header != {"journal": _FORMAT, "fingerprint": self.fingerprint}:
                return []
            entries.extend(json.loads(line) for line in lines[1:])
        except (json.JSONDecodeError, UnicodeDecodeError):
            return []
        self.entries = entries
        self.resumed = True
        return entries

    def open(self, kept: list[dict[str, Any]]) -> None:
        """Start writing, with the journal rewritten to hold just the *kept* entries."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        with temporary.open("wb") as file:
            file.write(self._line({"journal": _FORMAT, "fingerprint": self.fingerprint}))
            file.writelines(self._line(entry) for entry in kept)
        temporary.replace(self.path)
        self._file = self.path.open("ab")

    def append(self, entry: dict[str, Any]) -> None:
        """Record one finished input."""
        if self._file is None:
            raise RuntimeError("the journal is not open")
        self._file.write(self._line(entry))
        self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    @staticmethod
    def _line(entry: dict[str, Any]) -> bytes:
        # ASCII: a key may carry a file name that is not UTF-8 (lone surrogates)
        return json.dumps(entry, separators=(",", ":")).encode() + b"\n"
