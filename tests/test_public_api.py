"""The public face of sahel_news: what `__all__` promises is exactly what is public."""

import subprocess
import sys

import pytest

import sahel_news


class TestAll:
    def test_all_is_unique(self):
        """`__all__` names each public name once (ruff's RUF022 keeps it sorted)."""
        assert len(sahel_news.__all__) == len(set(sahel_news.__all__))

    @pytest.mark.parametrize("name", sahel_news.__all__)
    def test_every_name_resolves(self, name):
        """Every name in `__all__` can be imported from the package."""
        assert getattr(sahel_news, name) is not None

    def test_nothing_public_outside_all(self):
        """Once every name is loaded, no public non-module attribute is missing from `__all__`."""
        for name in sahel_news.__all__:
            getattr(sahel_news, name)
        public = {
            name
            for name in vars(sahel_news)
            if not name.startswith("_")
            and not isinstance(getattr(sahel_news, name), type(sahel_news))
        }
        public -= {"annotations", "importlib", "TYPE_CHECKING", "Any"}
        assert public == set(sahel_news.__all__)

    def test_dir_lists_all(self):
        """`dir(sahel_news)` offers every public name, loaded or not."""
        assert set(sahel_news.__all__) <= set(dir(sahel_news))

    def test_unknown_name_raises_attribute_error(self):
        """Asking for a name the package does not have raises AttributeError."""
        with pytest.raises(AttributeError, match="no_such_thing"):
            _ = sahel_news.no_such_thing


class TestImportStaysLight:
    def test_import_loads_no_parser_converter_or_data(self):
        """`import sahel_news` loads neither Hypothesis, pycountry, cattrs nor the parsers."""
        code = (
            "import sys, sahel_news; "
            "print(*(m in sys.modules for m in "
            "('hypothesis', 'pycountry', 'cattrs', 'sahel_news.capture', 'sahel_news.extract')))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        assert out == ["False"] * 5

    def test_first_use_loads_what_it_needs(self):
        """Touching a public name imports its module on demand."""
        code = (
            "import sys, sahel_news; sahel_news.parse_article; "
            "print('sahel_news.capture' in sys.modules)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        assert out == ["True"]
