"""Output files under attack: signals mid-write, leftovers, odd names, replaced files.

The fault-injection test kills a real export at chosen moments. To make a
moment certain rather than lucky, the exporting process runs with a slow
disk (its fsync sleeps), so the temporary file stays in place long enough
for a watcher to see it, as a user's `kill` or a service manager would
catch it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import Owes

from owes_cli.cli import files
from owes_cli.errors import ExitCode

OLD = b"%PDF-1.7 the previous document\n"
EXPORT = ["export", "--county", "żarski", "--on", "2014-06-01", "--lang", "en"]

# Runs owes with every fsync slowed down: a slow disk, so that a write is caught in the act.
# SIGHUP is set to its default first, as a terminal's shell starts a program: under
# `nohup` the test run ignores it, the child inherits that, and owes rightly keeps it ignored.
SLOW_DISK = """
import os, signal, sys, time
signal.signal(signal.SIGHUP, signal.SIG_DFL)
real_fsync = os.fsync
def slow_fsync(fd):
    time.sleep(float(os.environ["SLOW_FSYNC_SECONDS"]))
    real_fsync(fd)
os.fsync = slow_fsync
from owes_cli.cli.app import main
sys.argv[0] = "owes"
main()
"""


def parts(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.name.endswith(".part"))


def start_export(target: Path, slow_fsync: float) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "OWES_"))}
    return subprocess.Popen(
        [sys.executable, "-c", SLOW_DISK, *EXPORT, "-o", str(target), "--force"],
        env={**env, "SLOW_FSYNC_SECONDS": str(slow_fsync)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_for_part(directory: Path, process: subprocess.Popen[bytes], timeout: float = 60) -> Path:
    """Watch the directory until the temporary file appears."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = parts(directory)
        if found:
            return found[0]
        assert process.poll() is None, "the export ended before its temporary file was seen"
        time.sleep(0.002)
    raise AssertionError("no temporary file appeared")


@pytest.mark.parametrize(
    ("signum", "code", "name"),
    [(signal.SIGTERM, 143, "SIGTERM"), (signal.SIGHUP, 129, "SIGHUP"), (signal.SIGKILL, -signal.SIGKILL, "")],
    ids=["SIGTERM", "SIGHUP", "SIGKILL"],
)
@pytest.mark.parametrize("moment", ["part-appears", "part-written"])
def test_a_signal_mid_write_leaves_the_target_whole_and_no_part_behind(
    tmp_path: Path, signum: int, code: int, name: str, moment: str
) -> None:
    target = tmp_path / "directory.pdf"
    target.write_bytes(OLD)
    process = start_export(target, slow_fsync=30)  # killed long before the sleep ends
    part = wait_for_part(tmp_path, process)
    if moment == "part-written":  # the bytes are in; the process waits on fsync
        deadline = time.monotonic() + 30
        while part.stat().st_size == 0 and time.monotonic() < deadline:
            time.sleep(0.002)
        assert part.stat().st_size > 0
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code
    assert target.read_bytes() == OLD, "the target was damaged"
    if signum == signal.SIGKILL:
        # No program can clean up after SIGKILL; the next write to the target does.
        assert parts(tmp_path) == [part]
        hours_ago = time.time() - 2 * 3600
        os.utime(part, (hours_ago, hours_ago))
        done = start_export(target, slow_fsync=0)
        assert done.wait(timeout=60) == ExitCode.OK
        assert target.read_bytes().startswith(b"%PDF") and target.read_bytes() != OLD
    else:
        assert stderr.decode() == f"Stopped (signal {name}).\n"
    assert parts(tmp_path) == []


def test_a_signal_before_any_write_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "directory.pdf"
    target.write_bytes(OLD)
    process = start_export(target, slow_fsync=0)
    time.sleep(0.3)  # starting up or drawing: any moment before the write
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=60)
    assert process.returncode in (143, -signal.SIGTERM, ExitCode.OK)  # it may have finished first
    assert parts(tmp_path) == []
    assert target.read_bytes() == OLD or process.returncode == ExitCode.OK


def test_a_recent_part_may_belong_to_a_running_write_and_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    prefix = files._temp_prefix(target.name)
    recent = tmp_path / f"{prefix}abcd1234.part"
    stale = tmp_path / f"{prefix}wxyz9876.part"
    unrelated = tmp_path / f"{prefix}notours.part"  # not mkstemp's 8 characters
    for path in (recent, stale, unrelated):
        path.write_bytes(b"partial")
    hours_ago = time.time() - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))
    os.utime(unrelated, (hours_ago, hours_ago))
    files.write_output(str(target), b"new", force=False)
    assert parts(tmp_path) == sorted([recent, unrelated])
    assert target.read_bytes() == b"new"


def test_a_replaced_file_keeps_its_mode_and_owner(tmp_path: Path) -> None:
    target = tmp_path / "private.pdf"
    target.write_bytes(OLD)
    os.chmod(target, 0o600)
    may_chown = os.geteuid() == 0
    if may_chown:
        os.chown(target, 1234, 5678)
    files.write_output(str(target), b"new", force=True)
    info = target.stat()
    assert (info.st_mode & 0o777, target.read_bytes()) == (0o600, b"new")
    if may_chown:
        assert (info.st_uid, info.st_gid) == (1234, 5678)


def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.pdf"
    files.write_output(str(target), b"new", force=False)
    umask = os.umask(0o022)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("length", [241, 248, 255])
def test_a_long_file_name_gets_a_temporary_name_that_fits(tmp_path: Path, length: int) -> None:
    name = "ż" * ((length - 4) // 2) + "x" * ((length - 4) % 2) + ".pdf"
    assert len(os.fsencode(name)) == length
    target = tmp_path / name
    files.write_output(str(target), b"new", force=False)
    assert target.read_bytes() == b"new"
    assert parts(tmp_path) == []


@pytest.mark.parametrize("suffix", ["/", "/."])
def test_an_output_name_ending_in_a_slash_is_refused(owes: Owes, tmp_path: Path, suffix: str) -> None:
    target = f"{tmp_path / 'out.pdf'}{suffix}"
    run = owes(*EXPORT, "-o", target)
    assert run.exit_code == ExitCode.CANNOT_WRITE
    assert run.stderr == f"{target} ends in a slash, so it names a directory; give a file name.\n"
    assert list(tmp_path.iterdir()) == []
