"""``python -m sahel_news`` and the ``sahel-news`` script: run the command line.

Kept tiny so that a Ctrl-C in the first moments (while the command loads) still ends with
status 130 and no traceback.
"""

from __future__ import annotations

import sys

__all__ = ["main"]

_INTERRUPTED = 130


def main() -> int:
    """Run ``sahel-news`` with the process's arguments and return its exit status."""
    try:
        from sahel_news.cli import main as command  # noqa: PLC0415 - inside the guard

        status = command()
    except KeyboardInterrupt:  # while the command was loading, before it could catch it
        if sys.stderr is not None:
            sys.stderr.write("sahel-news: interrupted\n")
        status = _INTERRUPTED
    import signal  # noqa: PLC0415 - not before the guard: importing it takes milliseconds

    # The status is decided: a late Ctrl-C must not turn it into a traceback on the way out.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    return status


if __name__ == "__main__":
    sys.exit(main())
