"""Same answers: parse every capture with an earlier commit and with this tree, diff the JSON.

Run: ``python benchmarks/compare_answers.py [REF]`` (default: the commit before the
one-pass redesign). The earlier commit is checked out into a temporary git worktree and run
in a subprocess with its own ``src`` first on the path, so both versions parse the same
files with the same interpreter. Prints one line per capture whose Article JSON differs,
with the first differing JSON paths, and a count at the end; exits 1 when anything differs.

The captures are ``examples/*.txt`` and every ``tests/captures/**/*.txt``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from _versions import BEFORE_REDESIGN, ROOT, checkout, run_python

_SHOWN_PATHS = 6

# Runs inside each version: parse every path given on stdin, print {path: JSON or error}.
_DUMP = """
import json, sys
import sahel_news as sn
out = {}
for path in sys.stdin.read().split("\\n"):
    if not path:
        continue
    try:
        article = sn.parse_article(open(path, encoding="utf-8").read())
        out[path] = json.loads(sn.to_json(article))
    except Exception as error:
        out[path] = {"error": type(error).__name__ + ": " + str(error)}
print(json.dumps(out))
"""


def captures() -> list[Path]:
    """Every capture the comparison reads."""
    found = sorted((ROOT / "examples").glob("*.txt"))
    found += sorted((ROOT / "tests" / "captures").rglob("*.txt"))
    return found


def dump(src: Path, paths: list[Path]) -> dict[str, Any]:
    """The Article JSON of each capture, as the sahel_news under *src* parses it."""
    return json.loads(run_python(src, _DUMP, "\n".join(str(p) for p in paths)))


def differences(before: Any, after: Any, path: str = "$") -> list[str]:
    """The JSON paths where *before* and *after* differ (the shallowest of each)."""
    if isinstance(before, dict) and isinstance(after, dict):
        found: list[str] = []
        for key in sorted(before.keys() | after.keys()):
            if key not in before or key not in after:
                found.append(f"{path}.{key}")
            else:
                found += differences(before[key], after[key], f"{path}.{key}")
        return found
    if isinstance(before, list) and isinstance(after, list):
        if len(before) != len(after):
            return [f"{path} (length {len(before)} -> {len(after)})"]
        found = []
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            found += differences(old, new, f"{path}[{index}]")
        return found
    return [] if before == after else [f"{path}: {before!r} -> {after!r}"]


def main(argv: list[str]) -> int:
    ref = argv[0] if argv else BEFORE_REDESIGN
    paths = captures()
    with checkout(ref) as src:
        before = dump(src, paths)
    after = dump(ROOT / "src", paths)
    changed = 0
    for path in paths:
        key = str(path)
        found = differences(before[key], after[key])
        if found:
            changed += 1
            print(f"{path.relative_to(ROOT)}:")
            for line in found[:_SHOWN_PATHS]:
                print(f"    {line}")
            if len(found) > _SHOWN_PATHS:
                print(f"    ... and {len(found) - _SHOWN_PATHS} more")
    print(f"{changed} of {len(paths)} captures differ from {ref}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
