"""Writing output files safely: all or nothing, and never over a file by surprise.

The bytes go to a temporary file in the target directory, are flushed to
disk, and only then renamed over the target, so an interrupted or failed
write leaves the old file as it was and no partial file behind. An existing
file is replaced only with `force`; a symlink is never followed.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import TextIO

from owes_cli.errors import CannotWriteError, UsageError

STDOUT = "-"


def write_output(target: str, data: bytes, *, force: bool) -> None:
    """Write `data` to the path `target`, or to stdout when it is "-"."""
    if target == STDOUT:
        _write_stdout(data)
    else:
        write_atomic(Path(target), data, force=force)


def _write_stdout(data: bytes) -> None:
    stream = stdout()
    if stream.isatty():
        raise CannotWriteError("output_tty")
    try:
        stream.buffer.write(data)
        stream.flush()
    except OSError as exc:
        raise stdout_failed(exc) from None


def stdout() -> TextIO:
    """sys.stdout, or CannotWriteError when the program was started with it closed."""
    if sys.stdout is None:
        raise CannotWriteError("stdout_failed", reason="closed", detail="stdout is closed")
    return sys.stdout


class ReaderGone(Exception):
    """The program reading our stdout has exited (`owes counties | head -1`).

    Not an OSError on purpose: Click turns an EPIPE OSError into exit 1
    before our CLI sees it; this reaches OwesGroup.main, which ends quietly.
    """


def stdout_failed(exc: OSError) -> ReaderGone | CannotWriteError:
    """The error to raise when writing to stdout failed (a full disk, /dev/full).

    Whatever is still buffered is dropped, so Python does not try again at
    exit and print its own traceback. A reader that went away (EPIPE) is
    not a failure, and ends the command quietly.
    """
    if exc.errno == errno.EPIPE:
        return ReaderGone()
    discard_stdout()
    return CannotWriteError("stdout_failed", **_reason(exc))


def discard_stdout() -> None:
    """Send the rest of stdout, buffered or not, nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def choose_format(target: str, chosen: str | None, allowed: tuple[str, ...]) -> str:
    """The file format: --format when given, else the target's suffix. A usage error
    when neither says, when they disagree, or when there is no target at all."""
    if not target.strip():
        raise UsageError("output_empty")
    suffix = "" if target == STDOUT else Path(target).suffix.lower().lstrip(".")
    choices = "|".join(allowed)
    if chosen is None:
        if suffix not in allowed:
            raise UsageError(
                "output_unknown_suffix", path=target, choices=choices, suffixes="/".join("." + kind for kind in allowed)
            )
        return suffix
    chosen = chosen.strip().lower()
    if chosen not in allowed:
        raise UsageError("bad_format", value=chosen, choices=choices)
    if suffix and suffix != chosen:
        raise UsageError("output_suffix_mismatch", path=target, format=chosen)
    return chosen


def check_target(path: Path, *, force: bool) -> None:
    """Fail early, before any work, when the target cannot be written."""
    if not str(path).strip():
        raise CannotWriteError("output_failed", path=str(path), reason="empty_path", detail="empty path")
    if "\x00" in str(path):
        raise CannotWriteError("output_failed", path=str(path), reason="nul_in_path", detail="NUL in path")
    try:
        os.fsencode(path)
    except UnicodeEncodeError:  # e.g. a lone surrogate: no file system can hold that name
        raise CannotWriteError(
            "output_failed", path=str(path), reason="unencodable_path", detail="the name cannot be encoded"
        ) from None
    try:
        _check_existing(path, force=force)
    except OSError as exc:  # e.g. a name too long for the file system
        raise CannotWriteError("output_failed", path=str(path), **_reason(exc)) from None


def _check_existing(path: Path, *, force: bool) -> None:
    if path.is_symlink():
        raise CannotWriteError("output_symlink", path=str(path))
    if path.is_dir():
        raise CannotWriteError("output_is_dir", path=str(path))
    if path.exists() and not path.is_file():
        # /dev/null, a FIFO, a socket: renaming over it would replace the device itself.
        raise CannotWriteError("output_not_regular", path=str(path))
    if path.exists() and not force:
        raise CannotWriteError("output_exists", path=str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise CannotWriteError("output_no_dir", path=str(path), dir=str(parent))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise CannotWriteError("output_not_writable", path=str(path), dir=str(parent))


def write_atomic(path: Path, data: bytes, *, force: bool) -> None:
    import tempfile  # only commands that write files pay for it; every command imports this module

    check_target(path, force=force)
    parent = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=parent)
    except OSError as exc:
        raise CannotWriteError("output_failed", path=str(path), **_reason(exc)) from None
    temp = Path(temp_name)
    try:
        # mkstemp makes the file private (0600); a document is to be shared,
        # so give it the mode any new file gets here (0644 under umask 022).
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists() and not force:  # appeared while we were writing
            raise CannotWriteError("output_exists", path=str(path))
        if path.is_symlink():
            raise CannotWriteError("output_symlink", path=str(path))
        os.replace(temp, path)  # replaces a symlink itself, never what it points to
    except OSError as exc:
        raise CannotWriteError("output_failed", path=str(path), **_reason(exc)) from None
    finally:
        # On success the temp file is gone; on any failure, Ctrl-C included, remove it.
        try:
            temp.unlink()
        except FileNotFoundError:
            pass


def _umask() -> int:
    current = os.umask(0o022)  # the only way to read it is to set it
    os.umask(current)
    return current


def _reason(exc: OSError) -> dict[str, str]:
    # The errno's name lets the message say it in the user's language (i18n.REASONS).
    name = errno.errorcode.get(exc.errno or 0, "")
    return {"reason": name, "detail": exc.strerror or type(exc).__name__}
