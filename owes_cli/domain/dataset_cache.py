"""A checked dataset kept between runs, so that a lookup skips parsing and checking.

An entry holds the dataset as parsed (the TOML's tables, which are only
strings, integers, arrays and tables) once it has passed every check, as
JSON. JSON because reading it runs no code: `json.loads` builds plain data,
where `pickle` or `marshal` from a directory someone else could write would
run or trust whatever they put there. The model is built from that data by
the same code that builds it from TOML, which fails (and the entry is
ignored) on anything that is not the shape a checked dataset has.

An entry is used only when all of these hold, else the file is read and
checked as if there were no cache, and the entry rewritten:
- it is a regular file owned by this user that no one else may write,
  in a directory no one else may write (a foreign entry is not read);
- it parses as JSON and names this cache format, the dataset's resolved
  path, size, modification time, the CRC-32 of its bytes, and the
  fingerprint of the code and register that checked it (an outdated
  entry after an upgrade or an edit to the register does not match);
- its data has the CRC-32 the checking run wrote beside it: data edited
  since, whatever its shape, is not read (the cheap check of its shape:
  only data that passed every check gets that far).

The entry is written atomically (a temporary file renamed over it). A cache
directory that cannot be created or written, or no home directory to put
it in, costs only the speed:
every failure here is silent. `OWES_NO_CACHE` (any non-empty value) or
`owes --no-cache` turn it off.
"""

from __future__ import annotations

import json
import os
import stat
import zlib
from pathlib import Path
from typing import Any

FORMAT = "owes-checked-dataset/2"
NO_CACHE_ENV = "OWES_NO_CACHE"
# An entry is the dataset's data without TOML's syntax: never much larger than the file.
MAX_ENTRY_BYTES = 8 * 1024 * 1024
# Entries kept: one per dataset path, so a user who checks many temporary files does not
# fill the disk; past this many, writing one removes the least recently written.
MAX_ENTRIES = 32

_disabled_by_option = False


def disable(disabled: bool = True) -> None:
    """`owes --no-cache`: read and check the dataset on this run, and keep nothing."""
    global _disabled_by_option
    _disabled_by_option = disabled


def enabled() -> bool:
    return not _disabled_by_option and not os.environ.get(NO_CACHE_ENV, "").strip()


def directory() -> Path | None:
    """$XDG_CACHE_HOME/owes, else ~/.cache/owes (the XDG base directory rule: a relative value is ignored).

    None when there is no home to find either (HOME unset and a user id with no
    passwd entry, as `docker run --user 12345` gives): no cache, as for an unwritable one.
    """
    base = os.environ.get("XDG_CACHE_HOME", "")
    if base and os.path.isabs(base):
        return Path(base) / "owes"
    try:
        return Path.home() / ".cache" / "owes"
    except (RuntimeError, KeyError, OSError):  # RuntimeError: "Could not determine home directory."
        return None


def _fingerprint() -> list[Any]:
    """What decides whether a dataset passes: the checking code and the national register.

    Their sizes and modification times, not the package's version number:
    an editable install changes code without changing its version, and
    reading the version from the package metadata costs more than the cache saves.
    """
    from owes_cli.domain import dataset, model, register_path

    prints: list[Any] = [FORMAT]
    # Every module; listed, not globbed: a glob compiles a pattern, 0.3 ms of a run.
    folder = os.path.dirname(dataset.__file__)
    checking = sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".py"))
    for path in (*checking, model.__file__, __file__, str(register_path())):
        info = os.stat(path)
        prints += [info.st_size, info.st_mtime_ns]
    return prints


class Key:
    """The dataset file as it is now: its path, size, modification time, and its bytes' checksum."""

    def __init__(self, path: Path, data: bytes, info: os.stat_result) -> None:
        self.path = str(path.resolve())
        self.fields = {
            "format": FORMAT,
            "path": self.path,
            "size": info.st_size,
            "mtime_ns": info.st_mtime_ns,
            # An edit that keeps the size within the file system's mtime granularity.
            # A checksum, not a defence: only this user can write the entry.
            "crc32": zlib.crc32(data),
            "checked_by": _fingerprint(),
        }

    def entry_path(self) -> Path | None:
        # Two paths with one name overwrite each other's entry; the key tells them apart.
        folder = directory()
        if folder is None:
            return None
        name = zlib.crc32(self.path.encode("utf-8", "surrogateescape"))
        return folder / f"dataset-{name:08x}.json"


def _private_dir(path: Path) -> bool:
    """A directory of this user's that no one else may write."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o022


def read_trusted(entry: Path | None, limit: int) -> bytes | None:
    """The bytes of a cache entry that can be trusted, or None.

    Trusted: a regular file of this user's, no one else may write, of at most
    `limit` bytes, in a directory of this user's that no one else may write
    (`_private_dir`). Opened without following a link or waiting on a FIFO.
    Shared by the dataset's entries and render/pdf_fonts.py's kept fonts.
    """
    if entry is None or not _private_dir(entry.parent):
        return None
    try:
        fd = os.open(entry, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022 or info.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


def read(key: Key) -> dict[str, Any] | None:
    """The checked dataset's data for `key`, or None when there is no entry to trust."""
    data = read_trusted(key.entry_path(), MAX_ENTRY_BYTES)
    if data is None:
        return None
    try:
        stored = json.loads(data)
    except (ValueError, RecursionError):  # corrupt: not JSON, not UTF-8, or nested past reason
        return None
    if not isinstance(stored, dict) or stored.get("key") != key.fields or not isinstance(stored.get("raw"), dict):
        return None
    # The data as the checking run wrote it, byte for byte, or not at all: an entry edited
    # since (its key still matching) may hold any shape, and the model trusts a checked one.
    start = data.find(_RAW_MARK)
    if start < 0 or zlib.crc32(data[start + len(_RAW_MARK) : -1]) != stored.get("raw_crc32"):
        return None
    raw: dict[str, Any] = stored["raw"]
    return raw


_RAW_MARK = b',"raw":'


def encode(fields: dict[str, Any], raw: dict[str, Any]) -> bytes:
    """An entry: `{"key":…,"raw_crc32":…,"raw":…}`, the CRC-32 of the bytes that follow `"raw":`.

    `,"raw":` occurs once: inside the key's strings JSON escapes every quote.
    """
    data = json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogateescape")
    head = json.dumps({"key": fields, "raw_crc32": zlib.crc32(data)}, ensure_ascii=False, separators=(",", ":"))
    return head[:-1].encode("utf-8", "surrogateescape") + _RAW_MARK + data + b"}"


def write(key: Key, raw: dict[str, Any]) -> None:
    """Keep the checked dataset for the next run; silently nothing when that cannot be done."""
    try:
        content = encode(key.fields, raw)
    except (TypeError, ValueError, UnicodeError):  # TypeError: a value JSON cannot hold (a TOML date)
        return
    write_entry(key.entry_path(), content, keep=MAX_ENTRIES)


def write_entry(entry: Path | None, content: bytes, *, keep: int) -> None:
    """Write a cache entry whole or not at all (a temporary file renamed), in a directory of this
    user's that no one else may write; then keep the `keep` newest entries of its kind (those
    whose name starts as `entry`'s does, up to its first "-"). Silently nothing when that cannot
    be done: a cache only makes runs faster. Shared with render/pdf_fonts.py's kept fonts."""
    import tempfile  # 4 ms of imports, paid only by the run that writes

    if entry is None:
        return
    folder, kind = entry.parent, entry.name.partition("-")[0] + "-"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private_dir(folder):
            return
        fd, temporary = tempfile.mkstemp(prefix=f".{kind}", suffix=".tmp", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(temporary, entry)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return
    try:
        entries = sorted(folder.glob(f"{kind}*{entry.suffix}"), key=lambda old: old.stat().st_mtime_ns)
        for old in entries[:-keep]:
            old.unlink()
    except OSError:  # another run pruned first, or the directory went away
        pass
