"""Where answers go: the output format chosen, the pager, and stdout itself.

stdout carries only data; the CLI writes messages to stderr itself.
Rich is imported only when a table is really drawn on a terminal.

stdout is a file descriptor written in full, or a clear failure; SIGTERM and
SIGHUP end a run as Ctrl-C does.

Python's own stdout can lose data without a word: unbuffered
(PYTHONUNBUFFERED=1) writes to a non-blocking pipe may be partial, and
the rest is dropped; `print` to a closed stdout does nothing. Everything
the tool writes to stdout (help, version, tables, documents) therefore goes
through `write_all`, which checks every `os.write`, waits while a
non-blocking pipe is full, and ends in an error the CLI can name: the
reader left (exit 141) or the write failed (exit 6).

SIGTERM and SIGHUP end the run the way Ctrl-C does: cleaning up first.
Python's default for both is to die on the spot, which left an export's
temporary `.NAME.XXXX.part` file behind. Here each raises `Terminated`,
which unwinds like KeyboardInterrupt (so `files.write_atomic` removes its
temporary file) and ends in exit 128 + the signal's number, as a shell
reports it. SIGKILL cannot be caught; `files` removes what it leaves.

An answer written to stdout needs only this module; `files`, which writes
-o files atomically, loads only in the commands that write one. The format,
the streams and the signals are one module, not three: the command line sets
them all up on every run (`OwesGroup` installs the streams and the signals
and restores both), and each module costs a run its finding and reading
(some 0.15 ms).
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import select
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from types import FrameType
from typing import IO, TYPE_CHECKING, Any, TextIO, TypeVar

from owes_cli import render
from owes_cli.errors import CannotWriteError, ExitCode, UsageError
from owes_cli.layout import Block

if TYPE_CHECKING:
    from owes_cli.layout import listings  # only the listing commands load the listings' columns
    from owes_cli.render.terminal import Drawn

    R = TypeVar("R")  # for the type checker only: a TypeVar cost every start-up some 20 us

FORMATS = ("auto", "table", "plain", "json", "csv")

# `--no-pager` anywhere on the line (OwesGroup.main takes it off before Click parses).
NO_PAGER = "--no-pager"
_pager_off = False


def switch_pager_off(off: bool = True) -> None:
    global _pager_off
    _pager_off = off


def pager_command(environ: Mapping[str, str]) -> str | None:
    """The user's pager, as git chooses it: OWES_PAGER, then PAGER, else `less -FRX`.
    An empty value (or `cat`) means no pager."""
    for name in ("OWES_PAGER", "PAGER"):
        if name in environ:
            chosen = environ[name].strip()
            return chosen if chosen and chosen != "cat" else None
    return "less -FRX"


def page(text: str, command: str, stream: IO[str]) -> None:
    """Show `text` through the pager; if the pager cannot start, print it as it is."""
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # as git: quit if one screen, keep colours, do not clear
    env.setdefault("LV", "-c")
    try:
        # Through a shell, as git runs it: the pager is the user's own command line ("less -R").
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        stream.write(text)
        return
    assert pager.stdin is not None
    try:
        # The terminal's encoding and the stream's own error handler (owes-fold: "ż" as "z",
        # as the answer reads without a pager), not "?" for every letter the encoding lacks.
        encoding = getattr(stream, "encoding", None) or "utf-8"
        pager.stdin.write(text.encode(encoding, errors=getattr(stream, "errors", None) or "replace"))
        pager.stdin.close()
    except BrokenPipeError:  # the reader quit the pager early (q in less)
        pass
    while True:
        try:
            code = pager.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager, as in git
            continue
    if code == 127:  # the shell could not find the pager: the answer is still printed
        stream.write(text)


# Columns: below this a table's border, padding and labels leave its values a letter
# a line, or nothing (COLUMNS=5 printed the heading alone); the plain layout wraps to any width.
NARROWEST_TABLE = 30
# A listing narrower than its table is drawn a record after another, label beside value;
# under this many columns even that folds its words to scraps ("gorzow/ski" at 12).
NARROWEST_LISTING = 20


def table_width(environ: Mapping[str, str]) -> int:
    """The width Rich would draw a table at: COLUMNS, else the terminal's, else 80 (also for 0, as Rich)."""
    columns = environ.get("COLUMNS", "")
    if columns.isascii() and columns.isdigit():
        return int(columns) or 80
    for descriptor in (0, 1, 2):  # Rich asks stdin, stdout, stderr in turn
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (OSError, ValueError):
            continue
    return 80


class Output:
    """The format chosen (`auto` is a table on a terminal, plain text in a pipe) and the writing."""

    def __init__(self, fmt: str | None, lang: str, *, allowed: tuple[str, ...] = FORMATS) -> None:
        fmt = (fmt or "auto").strip().lower()
        if fmt not in allowed:
            raise UsageError("bad_format", value=fmt, choices="|".join(allowed))
        self.chosen = fmt  # as asked: "auto" lets a command lay out a terminal's view its own way
        if fmt == "auto":
            fmt = "table" if stdout().isatty() else "plain"
        self.format = fmt
        self.lang = lang

    @property
    def on_terminal(self) -> bool:
        """A person at a terminal, with no format asked for: `--format table` keeps the plain rows."""
        return self.chosen == "auto" and self.format == "table"

    @property
    def for_machines(self) -> bool:
        return self.format in ("json", "csv")

    def listing(
        self,
        rows: Sequence[R],
        columns: list[listings.Column[R]],
        title: str | None = None,
        csv_columns: list[listings.Column[R]] | None = None,
        after: list[Block] | None = None,
    ) -> None:
        """Rows as JSON, CSV or a table; for people, `after` follows the table (a numbered source list)."""
        from owes_cli.layout import listings

        if self.format == "json":
            self.write(render.to_json(list(rows)))
        elif self.format == "csv":
            self.write(render.to_csv(rows, [c.key for c in csv_columns or columns]))
        elif self.format == "plain" or table_width(os.environ) < NARROWEST_LISTING:
            drawn = render.plain_table(listings.table(columns, rows, self.lang))
            self.write(drawn + ("\n" + render.plain_blocks(after) if after else ""))
        else:
            from owes_cli.render import terminal

            self._show(terminal.draw_listing(listings.table(columns, rows, self.lang), title, stdout(), after))

    def card(self, answer: object, blocks: list[Block], csv_rows: dict[str, object] | list[dict[str, object]]) -> None:
        """One answer: JSON as it is, CSV as its row (or rows), for people as the layout's blocks."""
        if self.format == "json":
            self.write(render.to_json(answer))
        elif self.format == "csv":
            rows = csv_rows if isinstance(csv_rows, list) else [csv_rows]
            self.write(render.to_csv(rows, list(rows[0])))
        else:
            self.blocks(blocks)

    def blocks(self, blocks: list[Block]) -> None:
        """Blocks for people: plain text in a pipe, drawn for a terminal otherwise.

        Under NARROWEST_TABLE columns, plain text too: a panel's border and labels would
        leave the answer no room. (A listing has its own narrow layout, a record after another.)
        """
        if self.format == "plain" or table_width(os.environ) < NARROWEST_TABLE:
            self.write(render.plain_blocks(blocks))
        else:
            from owes_cli.render import terminal

            self._show(terminal.draw(blocks, stdout()))

    def write(self, text: str) -> None:
        stream = stdout()
        try:
            stream.write(text)
            stream.flush()
        except OSError as exc:
            raise stdout_failed(exc) from None

    def _pager(self) -> str | None:
        return None if _pager_off or not _isatty(stdout()) else pager_command(os.environ)

    def _show(self, drawn: Drawn) -> None:
        """Text drawn for a terminal: through the pager when longer than the screen, as git does."""
        stream = stdout()
        pager = self._pager()
        try:
            if pager is not None and drawn.text.count("\n") > drawn.height:
                page(drawn.text, pager, stream)
            else:
                stream.write(drawn.text)
            stream.flush()
        except OSError as exc:
            raise stdout_failed(exc) from None


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):
        return False


# --------------------------------------------------------------------------
# stdout, written in full or a clear failure (see the module's docstring)
# --------------------------------------------------------------------------

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
