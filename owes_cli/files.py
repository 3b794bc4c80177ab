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
import tempfile
from pathlib import Path

from owes_cli.errors import CannotWriteError

STDOUT = "-"


def write_output(target: str, data: bytes, *, force: bool) -> None:
    """Write `data` to the path `target`, or to stdout when it is "-"."""
    if target == STDOUT:
        _write_stdout(data)
    else:
        write_atomic(Path(target), data, force=force)


def _write_stdout(data: bytes) -> None:
    if sys.stdout.isatty():
        raise CannotWriteError("output_tty")
    try:
        stream = sys.stdout.buffer
        stream.write(data)
        stream.flush()
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise
        raise CannotWriteError("output_failed", path=STDOUT, detail=_reason(exc)) from None


def check_target(path: Path, *, force: bool) -> None:
    """Fail early, before any work, when the target cannot be written."""
    if not str(path).strip():
        raise CannotWriteError("output_failed", path=str(path), detail="empty path")
    if path.is_symlink():
        raise CannotWriteError("output_symlink", path=str(path))
    if path.is_dir():
        raise CannotWriteError("output_is_dir", path=str(path))
    if path.exists() and not force:
        raise CannotWriteError("output_exists", path=str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise CannotWriteError("output_no_dir", path=str(path), dir=str(parent))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise CannotWriteError("output_not_writable", path=str(path), dir=str(parent))


def write_atomic(path: Path, data: bytes, *, force: bool) -> None:
    check_target(path, force=force)
    parent = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=parent)
    except OSError as exc:
        raise CannotWriteError("output_failed", path=str(path), detail=_reason(exc)) from None
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
        raise CannotWriteError("output_failed", path=str(path), detail=_reason(exc)) from None
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


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on device"
    return exc.strerror or type(exc).__name__
