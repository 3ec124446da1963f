"""The Hypothesis entry point of sahel_news: registers the models' strategies, lazily.

Hypothesis runs the hook below in every program that imports it where sahel_news is
installed, so it must cost nothing there: it imports nothing of sahel_news. It registers a
deferred strategy for each model once `sahel_news.models` is imported (at once if it already
is, else from the end of that module), and the strategies themselves are imported only when
one is first drawn.
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["register_if_pending"]

_pending = False


def _hypothesis_setup_hook() -> None:
    """Register the models' strategies now, or as soon as `sahel_news.models` is imported."""
    global _pending  # noqa: PLW0603 - one flag for the life of the process
    if "sahel_news.models" in sys.modules and hasattr(sys.modules["sahel_news.models"], "MODELS"):
        _register()
    else:
        _pending = True


def register_if_pending() -> None:
    """Called at the end of `sahel_news.models`: register if Hypothesis asked for it earlier."""
    global _pending  # noqa: PLW0603 - see above
    if _pending:
        _pending = False
        _register()


def _register() -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 - Hypothesis is loading us

    from sahel_news.models import MODELS  # noqa: PLC0415 - already imported by now

    for model in MODELS:
        # A function, not a strategy: Hypothesis calls it only when the type is resolved.
        st.register_type_strategy(model, _strategy)


def _strategy(model: type) -> Any:
    # Importing the strategies registers the real strategies in place of this function.
    from hypothesis import strategies as st  # noqa: PLC0415

    import sahel_news.strategies  # noqa: F401, PLC0415 - loaded on the first draw

    return st.from_type(model)
