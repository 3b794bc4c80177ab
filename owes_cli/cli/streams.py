"""stdout as a file descriptor written in full, or a clear failure; SIGTERM and SIGHUP as Ctrl-C.

Python's own stdout can lose data without a word: unbuffered
(PYTHONUNBUFFERED=1) writes to a non-blocking pipe may be partial, and
the rest is dropped; `print` to a closed stdout does nothing. Everything
the tool writes to stdout (help, version, tables, documents) therefore goes
through `write_all`, which checks every `os.write`, waits while a
non-blocking pipe is full, and ends in an error the CLI can name: the
reader left (exit 141) or the write failed (exit 6).

An answer written to stdout needs only this module; `files`, which writes
-o files atomically, loads only in the commands that write one.

SIGTERM and SIGHUP end the run the way Ctrl-C does: cleaning up first.
Python's default for both is to die on the spot, which left an export's
temporary `.NAME.XXXX.part` file behind. Here each raises `Terminated`,
which unwinds like KeyboardInterrupt (so `files.write_atomic` removes its
temporary file) and ends in exit 128 + the signal's number, as a shell
reports it. SIGKILL cannot be caught; `files` removes what it leaves.
The signals are here, with the streams the command line sets up beside them
(`OwesGroup` installs both and restores both), rather than in a module of
their own: each module costs a run its finding and reading (some 0.15 ms).
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import select
import signal
import sys
from types import FrameType
from typing import Any, TextIO

from owes_cli.errors import CannotWriteError, ExitCode

STDOUT_FD = 1
STDOUT = "-"  # the output "file" that means stdout (-o -)


class ReaderGone(Exception):
    """The program reading our stdout has exited (`owes counties | head -1`).

    Not an OSError on purpose: Click turns an EPIPE OSError into exit 1
    before our CLI sees it; this reaches OwesGroup.main, which ends quietly.
    """


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of `data` to `fd`, or raise the OSError that stopped it.

    os.write may write less than asked (a pipe, a signal, an unbuffered
    stream): the rest is written next. A full non-blocking pipe (EAGAIN)
    is waited on, as a blocking write would wait.
    """
    view = memoryview(data)
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            select.select([], [fd], [fd])
            continue
        view = view[written:]


def failure(exc: OSError) -> ReaderGone | CannotWriteError:
    """The error for a failed write to stdout: a reader that left is not a failure."""
    if exc.errno == errno.EPIPE:
        return ReaderGone()
    if exc.errno == errno.EBADF:
        return CannotWriteError("stdout_failed", reason="closed", detail="stdout is closed")
    # The errno's name lets the message say it in the user's language (i18n.REASONS).
    name = errno.errorcode.get(exc.errno or 0, "")
    return CannotWriteError("stdout_failed", reason=name, detail=exc.strerror or type(exc).__name__)


def stdout() -> TextIO:
    """sys.stdout, or CannotWriteError when the program was started with it closed."""
    if sys.stdout is None:
        raise CannotWriteError("stdout_failed", reason="closed", detail="stdout is closed")
    return sys.stdout


def stdout_failed(exc: OSError) -> ReaderGone | CannotWriteError:
    """The error to raise when writing to stdout failed (a full disk, /dev/full).

    Whatever is still buffered is dropped, so Python does not try again at
    exit and print its own traceback. A reader that went away (EPIPE) is
    not a failure, and ends the command quietly.
    """
    error = failure(exc)
    if isinstance(error, CannotWriteError):
        discard_stdout()
    return error


def discard_stdout() -> None:
    """Send the rest of stdout, buffered or not, nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


class CheckedStdout(io.TextIOBase):
    """sys.stdout for the run: text encoded as the terminal expects, written in full.

    Each write goes straight to the descriptor: Click's help, a listing and
    Rich's table each arrive in one or a few large writes, so nothing is
    gained by buffering, and nothing is left to fail at exit.
    """

    def __init__(self, fd: int, encoding: str, *, closed_at_start: bool) -> None:
        super().__init__()
        self._fd = fd
        self._encoding = encoding
        self._closed_at_start = closed_at_start

    # Read-only here, as on sys.stdout itself.
    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    @property
    def errors(self) -> str:  # type: ignore[override]
        return "owes-fold"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return not self._closed_at_start and os.isatty(self._fd)

    def fileno(self) -> int:
        return self._fd

    def write(self, text: str) -> int:
        self.write_bytes(text.encode(self._encoding, "owes-fold"))
        return len(text)

    def write_bytes(self, data: bytes) -> None:
        if self._closed_at_start:
            # fd 1 now holds /dev/null, so that no file the run opens lands on it.
            raise CannotWriteError("stdout_failed", reason="closed", detail="stdout is closed")
        try:
            write_all(self._fd, data)
        except OSError as exc:
            raise failure(exc) from None

    def flush(self) -> None:
        pass


def usable_encoding(name: str | None) -> str:
    """`name` when it can encode text, else ASCII (which the CLI folds into).

    PYTHONIOENCODING=idna names a codec that fails on ordinary text; a
    broken setting must not cost the user every message.
    """
    try:
        if name and codecs.lookup(name)._is_text_encoding:
            "Aż. Zielona Góra – 0811\n".encode(name, "owes-fold")
            return name
    except (LookupError, UnicodeError, ValueError):
        pass
    return "ascii"


def install() -> Any:
    """Put a CheckedStdout in sys.stdout when stdout is the process's fd 1; return what was there.

    Under a test runner sys.stdout is an in-memory stream and is left alone.
    """
    original = sys.stdout
    if original is not None and not _is_fd_1(original):
        return original
    try:
        os.fstat(STDOUT_FD)
        closed = False
    except OSError:
        closed = True
        _hold_fd_1()
    encoding = usable_encoding(getattr(original, "encoding", None) if original is not None else None)
    if original is not None:
        try:
            original.flush()
        except (OSError, ValueError):
            pass
    sys.stdout = CheckedStdout(STDOUT_FD, encoding, closed_at_start=closed)
    return original


def restore(original: Any) -> None:
    if isinstance(sys.stdout, CheckedStdout):
        sys.stdout = original


def _is_fd_1(stream: Any) -> bool:
    try:
        return bool(stream.fileno() == STDOUT_FD)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False


def _hold_fd_1() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        if devnull != STDOUT_FD:
            os.dup2(devnull, STDOUT_FD)
            os.close(devnull)
    except OSError:
        pass


def fix_stderr_encoding() -> None:
    """stderr in an encoding that can carry a message, folding what it cannot."""
    stream = sys.stderr
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    encoding = usable_encoding(getattr(stream, "encoding", None))
    try:
        if encoding != stream.encoding:
            reconfigure(encoding=encoding, errors="owes-fold")
        else:
            reconfigure(errors="owes-fold")
    except (ValueError, OSError, LookupError):
        pass


def sane_columns() -> None:
    """Forget COLUMNS and LINES that are not a positive whole number.

    COLUMNS=0 made Rich draw a table zero characters wide: nothing printed,
    exit 0. Without the variable the terminal's own width (or 80) is used.
    """
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and not (value.isascii() and value.isdigit() and int(value) > 0):
            del os.environ[name]


# --------------------------------------------------------------------------
# SIGTERM and SIGHUP (see the module's docstring)
# --------------------------------------------------------------------------

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


def handle_signals() -> dict[int, Any]:
    """Handle SIGTERM and SIGHUP, unless they were ignored when we started (nohup).

    Returns the handlers there were, for `restore_signals` (the CLI may run inside
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


def restore_signals(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        try:
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        except (ValueError, OSError, TypeError):
            pass
