"""Run every Python example in README.md and docs/*.md as a test (Sybil).

A block marked with ``<!-- skip: next -->`` just before it does not run; a block whose
expected output is shown as ``>>>`` lines is checked as a doctest.
"""

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser(), SkipParser()],
    patterns=["README.md", "docs/*.md"],
).pytest()
