"""An earlier commit of this repository, checked out beside the tree, to measure against."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The last commit before the extraction engine was rebuilt on one document and one matcher.
BEFORE_REDESIGN = "0ec9299"


@contextlib.contextmanager
def checkout(ref: str) -> Iterator[Path]:
    """The ``src`` folder of *ref*, in a temporary git worktree removed afterwards."""
    with tempfile.TemporaryDirectory() as scratch:
        worktree = Path(scratch) / "version"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(worktree), ref],
            check=True,
        )
        try:
            yield worktree / "src"
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)],
                check=True,
            )


def run_python(src: Path, code: str, stdin: str = "") -> str:
    """What *code* prints when run with the sahel_news under *src* (checked to be that one)."""
    guard = (
        "import sahel_news, pathlib, sys\n"
        f"if not pathlib.Path(sahel_news.__file__).is_relative_to({str(src)!r}):\n"
        "    sys.exit(f'sahel_news imported from {sahel_news.__file__}')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", guard + code],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(src), "PATH": ""},
    )
    if result.returncode:
        raise SystemExit(f"{src}: {result.stderr.strip()}")
    return result.stdout
