"""SIGTERM and SIGHUP end the run the way Ctrl-C does: cleaning up first.

Python's default for both is to die on the spot, which left an export's
temporary `.NAME.XXXX.part` file behind. Here each raises `Terminated`,
which unwinds like KeyboardInterrupt (so `files.write_atomic` removes its
temporary file) and ends in exit 128 + the signal's number, as a shell
reports it. SIGKILL cannot be caught; `files` removes what it leaves.
"""

from __future__ import annotations

import signal
from types import FrameType
from typing import Any

from owes_cli.errors import ExitCode

HANDLED = {signal.SIGTERM: ExitCode.TERMINATED, signal.SIGHUP: ExitCode.HANGUP}


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM, SIGHUP).

    A BaseException, as KeyboardInterrupt is: no `except Exception` may
    swallow it on the way out.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name
        self.exit_code = HANDLED[signal.Signals(signum)]


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


def install() -> dict[int, Any]:
    """Handle SIGTERM and SIGHUP, unless they were ignored when we started (nohup).

    Returns the handlers there were, for `restore` (the CLI may run inside
    another program, such as a test runner).
    """
    previous: dict[int, Any] = {}
    for signum in HANDLED:
        try:
            handler = signal.getsignal(signum)
            if handler is signal.SIG_IGN:
                continue
            signal.signal(signum, _raise)
            previous[signum] = handler
        except (ValueError, OSError):  # not the main thread: leave the defaults
            pass
    return previous


def restore(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        try:
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        except (ValueError, OSError, TypeError):
            pass
