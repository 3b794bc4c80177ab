"""Faults around the tool: odd terminals and locales, readers that leave,
Ctrl-C, full disks, and output files that must never be damaged.

The real process is used wherever the fault lives outside Python (pipes,
locales, /dev/full); the rest runs in-process through OwesGroup.main.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import Owes

from owes_cli.cli import files
from owes_cli.domain import periods
from owes_cli.errors import CannotWriteError, ExitCode

FAULT_COMMANDS = [  # one of each kind: a card, a listing, a check
    ["which-centre", "--county", "żarski", "--on", "2014-06-01"],
    ["counties"],
    ["validate"],
]


def owes_process(
    *args: str, env: dict[str, str] | None = None, stdout: Any = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "OWES_"))}
    return subprocess.run(
        [sys.executable, "-m", "owes_cli", *args],
        env={**base, **(env or {})},
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=60,
    )


# --------------------------------------------------------------------------
# The environment
# --------------------------------------------------------------------------


def test_ascii_locale_folds_polish_letters() -> None:
    done = owes_process(
        "which-centre",
        "--county",
        "żarski",
        "--on",
        "2014-06-01",
        "--lang",
        "pl",
        "--full",
        env={"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"},
    )
    assert done.returncode == ExitCode.OK
    assert done.stderr == b""
    text = done.stdout.decode("ascii")  # nothing but ASCII came out
    assert text.startswith("Powiat zarski (0811, powiat ziemski), na dzien 2014-06-01 (stan historyczny)\n")
    assert "Osrodek Wsparcia Ekonomii Spolecznej subregionu zielonogorskiego" in text
    assert "2013-03 - 2015-09" in text


def test_ascii_locale_error_message() -> None:
    done = owes_process(
        "which-centre", "--county", "żarskx", "--lang", "pl", env={"LANG": "C", "PYTHONIOENCODING": "ascii"}
    )
    assert done.returncode == ExitCode.NOT_FOUND
    assert done.stdout == b""
    assert done.stderr.decode("ascii") == (
        'Nie znaleziono powiatu "zarskx".\nCzy chodzilo o: zarski, zaganski?\nLista powiatow: owes counties\n'
    )


@pytest.mark.parametrize(
    "env",
    [
        {"TERM": "dumb"},
        {"NO_COLOR": "1"},
        {"COLUMNS": "40"},
        {"COLUMNS": "1000"},
        {"COLUMNS": "2233720368547"},
        {"COLUMNS": "abc"},
        {"TERM": "xterm-256color", "NO_COLOR": ""},
    ],
)
def test_any_terminal_gets_its_table(owes: Owes, env: dict[str, str]) -> None:
    run = owes("counties", "--format", "table", env=env)
    assert (run.exit_code, run.stderr) == (ExitCode.OK, "")
    assert "0811" in run.stdout and "strzelecko-drezdenecki" in run.stdout  # no word broken
    assert max(len(line) for line in run.stdout.splitlines()) <= 1000


def test_a_narrow_terminal_gets_one_record_after_another(owes: Owes) -> None:
    run = owes("counties", "--format", "table", "--on", "2014-06-01", env={"COLUMNS": "20"})
    screen = "\n".join(line.rstrip() for line in run.stdout.splitlines())
    assert screen.startswith(
        "Counties\n\nTERYT    0801\nName     gorzowski\nKind     land county\nStatus   current\n"
        "Centre   Ośrodek\n         Wsparcia\n         Ekonomii\n"
    )
    assert "\nTERYT    0802\n" in screen
    assert max(len(line) for line in run.stdout.splitlines()) <= 20


def test_a_reader_that_leaves_early_ends_quietly() -> None:
    # The shell's own pipe, so SIGPIPE and EPIPE behave as for a user.
    # A reader that leaves before the output ends; test_big_output_into_a_closed_pipe
    # covers one that left before the first byte.
    script = f'"{sys.executable}" -m owes_cli counties --on 2014-06-01 | head -1'
    done = subprocess.run(
        ["bash", "-c", script], capture_output=True, timeout=60, env={**os.environ, "OWES_LANG": "en"}
    )
    assert done.stdout.decode().split() == [
        "TERYT",
        "Name",
        "Kind",
        "Status",
        "Centre",
        "One",
        "of",
        "Coverage",
        "Period",
        "Last",
        "confirmed",
    ]
    assert done.stderr == b""


def test_big_output_into_a_closed_pipe(tmp_path: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # nobody will ever read
    done = subprocess.run(
        [sys.executable, "-m", "owes_cli", "centres", "--format", "json"],
        stdout=writer,
        stderr=subprocess.PIPE,
        timeout=60,
    )
    os.close(writer)
    assert done.returncode == ExitCode.BROKEN_PIPE
    assert done.stderr == b""


@pytest.mark.parametrize("args", FAULT_COMMANDS, ids=lambda a: a[0])
def test_full_disk_on_stdout(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = owes_process(*args, "--lang", "pl", stdout=full)
    assert done.returncode == ExitCode.CANNOT_WRITE
    assert done.stderr.decode() == "Nie udało się wypisać wyniku: brak miejsca na dysku.\n"


def test_closed_stdout_and_stderr() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "owes_cli", "counties"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=60,
        env={**os.environ, "OWES_LANG": "en"},
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == ExitCode.CANNOT_WRITE
    assert done.stderr == b"Could not write the output: stdout is closed.\n"
    done = subprocess.run(
        [sys.executable, "-m", "owes_cli", "which-centre", "--county", "nowhere"],
        stdout=subprocess.PIPE,
        timeout=60,
        preexec_fn=lambda: os.close(2),
    )
    assert (done.returncode, done.stdout) == (ExitCode.NOT_FOUND, b"")


# --------------------------------------------------------------------------
# Ctrl-C
# --------------------------------------------------------------------------


@pytest.mark.parametrize("args", FAULT_COMMANDS, ids=lambda a: a[0])
def test_ctrl_c_exits_130_with_a_message(owes: Owes, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    def interrupted(*_: Any, **__: Any) -> Any:
        raise KeyboardInterrupt

    # Interrupt wherever each command spends its time: in the answer, or in the dataset check.
    monkeypatch.setattr(periods, "answer", interrupted)
    monkeypatch.setattr("owes_cli.answers.tables.county_rows", interrupted)
    monkeypatch.setattr("owes_cli.domain.dataset.check", interrupted)
    run = owes(*args, "--lang", "pl")
    assert (run.exit_code, run.stdout, run.stderr) == (ExitCode.INTERRUPTED, "", "Przerwano.\n")


# --------------------------------------------------------------------------
# Output files (files.write_output, which every file-writing command uses)
# --------------------------------------------------------------------------

OLD = b"the previous file\n"
NEW = b"%PDF-1.7 new content\n" * 1000


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "out.pdf"
    path.write_bytes(OLD)
    return path


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".part"))


def test_existing_file_needs_force(target: Path) -> None:
    with pytest.raises(CannotWriteError) as refused:
        files.write_output(str(target), NEW, force=False)
    assert refused.value.message_id == "output_exists"
    assert target.read_bytes() == OLD
    files.write_output(str(target), NEW, force=True)
    assert target.read_bytes() == NEW
    assert leftovers(target.parent) == []


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(CannotWriteError) as refused:
        files.write_output(str(tmp_path / "no" / "such" / "out.pdf"), NEW, force=True)
    assert refused.value.message_id == "output_no_dir"


def test_unwritable_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if os.access(locked, os.W_OK):  # root ignores the mode: refuse as the OS would for anyone else
        monkeypatch.setattr(os, "access", lambda path, mode: not (mode & os.W_OK and Path(path) == locked))
    with pytest.raises(CannotWriteError) as refused:
        files.write_output(str(locked / "out.pdf"), NEW, force=True)
    assert refused.value.message_id == "output_not_writable"
    assert list(locked.iterdir()) == []


def test_symlink_is_never_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(OLD)
    link = tmp_path / "out.pdf"
    link.symlink_to(victim)
    for force in (False, True):
        with pytest.raises(CannotWriteError) as refused:
            files.write_output(str(link), NEW, force=force)
        assert refused.value.message_id == "output_symlink"
    assert victim.read_bytes() == OLD
    assert link.is_symlink()


@pytest.mark.parametrize(
    "fault", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()], ids=["disk-full", "ctrl-c"]
)
@pytest.mark.parametrize("step", ["write", "fsync"])
def test_failure_mid_write_keeps_the_old_file(
    target: Path, monkeypatch: pytest.MonkeyPatch, fault: BaseException, step: str
) -> None:
    def failing(*_: Any, **__: Any) -> Any:
        raise fault

    real_write = os.write

    def half_then_fail(fd: int, data: Any) -> int:
        real_write(fd, data[: len(data) // 2])
        raise fault

    monkeypatch.setattr(os, "fsync" if step == "fsync" else "write", failing if step == "fsync" else half_then_fail)
    expected = KeyboardInterrupt if isinstance(fault, KeyboardInterrupt) else CannotWriteError
    with pytest.raises(expected) as failed:
        files.write_output(str(target), NEW, force=True)
    if expected is CannotWriteError:
        assert failed.value.params["reason"] == "ENOSPC"  # type: ignore[attr-defined]
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_short_writes_are_completed(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write
    # A write may take fewer bytes than it was given; the rest must follow, not be lost.
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, data[:1000]))
    files.write_output(str(target), NEW, force=True)
    assert target.read_bytes() == NEW


def test_full_disk_when_writing_to_stdout() -> None:
    script = "from owes_cli.cli import files; files.write_output('-', b'x' * 100000, force=False)"
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-c", script], stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert b"CannotWriteError" in done.stderr  # raised for the CLI to report (exit 6), not an OSError
    assert b"OSError" not in done.stderr.replace(b"CannotWriteError", b"")


def test_a_device_is_never_replaced_even_with_force(owes: Owes) -> None:
    run = owes("map", "-o", "/dev/null", "--format", "svg", "--force")
    assert run.exit_code == ExitCode.CANNOT_WRITE
    assert run.stderr == "/dev/null is not a regular file (a device, a pipe?); we write only to files.\n"
    assert Path("/dev/null").is_char_device()


def test_an_unencodable_file_name_is_refused(owes: Owes, tmp_path: Path) -> None:
    run = owes("map", "-o", str(tmp_path / "map\ud800.svg"))  # a lone surrogate, not an escaped byte
    assert run.exit_code == ExitCode.CANNOT_WRITE
    assert "the file name cannot be encoded for the file system" in run.stderr
    assert list(tmp_path.iterdir()) == []
