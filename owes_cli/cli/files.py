"""Writing output files safely: all or nothing, and never over a file by surprise.

The bytes go to a temporary file in the target directory, are flushed to
disk, and only then given the target's name (a rename over it with `force`,
a hard link that fails if the name exists without), so an interrupted or
failed write leaves the old file as it was and no partial file behind. An
existing file is replaced only with `force`, also one that another run
wrote a moment before; a symlink is never followed.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from owes_cli.cli.output import STDOUT, CheckedStdout, ReaderGone, discard_stdout, stdout, stdout_failed, write_all

__all__ = [
    "STDOUT",
    "ReaderGone",
    "check_target",
    "choose_format",
    "discard_stdout",
    "stdout",
    "stdout_failed",
    "write_output",
]
from owes_cli.errors import CannotWriteError, UsageError


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
    if isinstance(stream, CheckedStdout):  # the real fd 1: every byte written, or an error
        stream.write_bytes(data)
        return
    try:
        stream.buffer.write(data)
        stream.flush()
    except OSError as exc:
        raise stdout_failed(exc) from None


def choose_format(target: str, chosen: str | None, allowed: tuple[str, ...]) -> str:
    """The file format: --format when given, else the target's suffix. A usage error
    when neither says, when they disagree, or when there is no target at all."""
    if not target.strip():
        raise UsageError("output_empty")
    if target != STDOUT and target.replace(os.sep, "/").rsplit("/", 1)[-1] in ("", "."):
        # "out.pdf/" names a directory; pathlib would quietly drop the slash.
        raise CannotWriteError("output_trailing_slash", path=target)
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
    prefix = _temp_prefix(path.name)
    remove_stale_parts(parent, prefix)
    temp: Path | None = None
    try:
        # A signal between creating the file and knowing its name would leave
        # it behind: SIGINT, SIGTERM and SIGHUP wait until the name is known.
        with _signals_held():
            fd, temp_name = tempfile.mkstemp(prefix=prefix, suffix=PART, dir=parent)
            temp = Path(temp_name)
        _take_mode_and_owner(fd, path)
        with os.fdopen(fd, "wb") as handle:
            write_all(handle.fileno(), data)
            os.fsync(handle.fileno())
        if path.exists() and not force:  # appeared while we were writing
            raise CannotWriteError("output_exists", path=str(path))
        if path.is_symlink():
            raise CannotWriteError("output_symlink", path=str(path))
        _publish(temp, path, force=force)
    except OSError as exc:
        raise CannotWriteError("output_failed", path=str(path), **_reason(exc)) from None
    finally:
        # On success the temp file is gone; on any failure, Ctrl-C included, remove it.
        if temp is not None:
            try:
                temp.unlink()
            except FileNotFoundError:
                pass


# Where a file system has no hard links, link() fails with one of these.
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


def _publish(temp: Path, path: Path, *, force: bool) -> None:
    """Give the written temporary file the target's name (the caller removes the temporary name).

    With `force`, a rename over whatever is there (a symlink itself, never what
    it points to). Without, a hard link, which the kernel refuses when the name
    exists: of two runs writing one new file at once, the second fails (exit 6)
    instead of replacing the first's file between its check and its rename.
    Where hard links are not supported (FAT, some network file systems) the
    check and the rename remain, a window of microseconds.
    """
    if force:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path, follow_symlinks=False)
    except FileExistsError:
        raise CannotWriteError("output_exists", path=str(path)) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        if os.path.lexists(path):
            raise CannotWriteError("output_exists", path=str(path)) from None
        os.replace(temp, path)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    import signal

    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (OSError, ValueError):
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)  # a held signal is delivered now


PART = ".part"
NAME_MAX = 255  # bytes in one file name, on every common Linux file system
STALE_AFTER = 3600  # seconds: no write of ours takes an hour


def _temp_prefix(name: str) -> str:
    """ ".NAME." for the temporary file, shortened so that the whole name fits NAME_MAX.

    mkstemp adds 8 characters and we add ".part": a 241-byte target name
    must not get "file name too long" for a temporary name it never sees.
    """
    room = NAME_MAX - 8 - len(PART) - 2
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return f".{name}."


def remove_stale_parts(parent: Path, prefix: str) -> None:
    """Remove temporary files of this target left over an hour ago.

    SIGKILL (or a power cut) ends a write before it can clean up; the next
    write to the same target removes what is left. Only regular files named
    as ours, and old enough that no running write can own them.
    """
    import time

    too_old = time.time() - STALE_AFTER
    try:
        with os.scandir(parent) as entries:
            for entry in entries:
                if not (entry.name.startswith(prefix) and entry.name.endswith(PART)):
                    continue
                if len(entry.name) != len(prefix) + 8 + len(PART):  # mkstemp's 8 random characters
                    continue
                try:
                    if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < too_old:
                        os.unlink(entry.path)
                except OSError:
                    pass
    except OSError:
        pass


def _take_mode_and_owner(fd: int, path: Path) -> None:
    """The replaced file's mode (and owner, where we may set it); for a new file, the usual mode.

    mkstemp makes the file private (0600); a new document is to be shared,
    so it gets the mode any new file gets here (0644 under umask 022).
    """
    try:
        old = os.stat(path, follow_symlinks=False)
    except OSError:
        os.fchmod(fd, 0o666 & ~_umask())
        return
    os.fchmod(fd, old.st_mode & 0o777)
    for uid, gid in ((old.st_uid, old.st_gid), (-1, old.st_gid)):
        try:
            os.fchown(fd, uid, gid)
            return
        except OSError:  # only root may give a file away; a group we belong to may still be kept
            continue


def _umask() -> int:
    current = os.umask(0o022)  # the only way to read it is to set it
    os.umask(current)
    return current


def _reason(exc: OSError) -> dict[str, str]:
    # The errno's name lets the message say it in the user's language (i18n.REASONS).
    name = errno.errorcode.get(exc.errno or 0, "")
    return {"reason": name, "detail": exc.strerror or type(exc).__name__}
