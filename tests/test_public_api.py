"""The public face of sahel_news: what `__all__` promises is exactly what is public."""

import importlib
import subprocess
import sys

import sahel_news


class TestAll:
    def test_all_is_unique(self):
        """`__all__` names each public name once (ruff's RUF022 keeps it sorted)."""
        assert len(sahel_news.__all__) == len(set(sahel_news.__all__))

    def test_all_equals_public_names(self):
        """Every public attribute of the package is in `__all__`, and nothing more."""
        public = {
            name
            for name in vars(sahel_news)
            if not name.startswith("_")
            and not isinstance(getattr(sahel_news, name), type(sahel_news))
        }
        public -= {"annotations"}
        assert public == set(sahel_news.__all__)

    def test_every_name_resolves(self):
        """Every name in `__all__` can be imported from the package."""
        module = importlib.import_module("sahel_news")
        for name in sahel_news.__all__:
            assert getattr(module, name) is not None, name


class TestImportStaysLight:
    def test_import_does_not_load_hypothesis_or_pycountry_data(self):
        """`import sahel_news` loads neither Hypothesis nor pycountry's database."""
        code = (
            "import sys, sahel_news; print('hypothesis' in sys.modules, 'pycountry' in sys.modules)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        assert out == ["False", "False"]
