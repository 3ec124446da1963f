"""The typed dataclass twins: generated from the models, seen by mypy, converted both ways."""

import subprocess
import sys
from pathlib import Path

import pytest

import sahel_news.dataclasses as twins
from sahel_news.convert import from_dataclass, to_dataclass, twin_of
from sahel_news.convert._twins_gen import TARGET, render
from sahel_news.models import MODELS, Article, Part, Span

DOWNSTREAM = Path(__file__).parent / "typing" / "downstream_twins.py"


def run_mypy(path, tmp_path):
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            "--config-file",
            "/dev/null",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


class TestGeneratedModule:
    def test_module_matches_the_models(self):
        """Regenerating the twins from the models gives the committed module, byte for byte."""
        assert TARGET.read_text(encoding="utf-8") == render(), (
            "src/sahel_news/dataclasses.py is stale: run python -m sahel_news.convert._twins_gen"
        )

    @pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
    def test_twin_of_a_model_is_its_generated_class(self, model):
        """twin_of gives the class of sahel_news.dataclasses for every model."""
        assert twin_of(model) is getattr(twins, model.__name__)

    def test_conversion_returns_the_generated_classes(self):
        """to_dataclass builds sahel_news.dataclasses objects; from_dataclass goes back."""
        span = Span(Part.HEADLINE, 0, 0, 4)
        twin = to_dataclass(span)
        assert type(twin) is twins.Span
        assert from_dataclass(twin) == span

    def test_article_twin_round_trips(self):
        """An article made into its twin and back is the same article."""
        article = Article(id="a1", headline="Mali and Niger hold talks")
        assert from_dataclass(to_dataclass(article)) == article


@pytest.mark.slow
class TestTypeChecking:
    def test_mypy_strict_accepts_a_downstream_module(self, tmp_path):
        """mypy --strict accepts code that annotates with the twins and calls replace on them."""
        result = run_mypy(DOWNSTREAM, tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr

    def test_mypy_sees_the_field_types(self, tmp_path):
        """The twins are not Any to mypy: a str field assigned to an int is an error."""
        module = tmp_path / "wrong.py"
        module.write_text(
            "from sahel_news.dataclasses import Article, to_dataclass\n"
            "from sahel_news.models import Article as Model\n"
            "def f(a: Model) -> int:\n"
            "    twin: Article = to_dataclass(a)\n"
            "    count: int = twin.headline\n"
            "    return count\n",
            encoding="utf-8",
        )
        result = run_mypy(module, tmp_path)
        assert result.returncode == 1
        assert 'incompatible types in assignment (expression has type "str"' in (
            result.stdout.lower()
        )
