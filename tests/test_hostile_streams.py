"""stdout that fails: closed, full, non-blocking, or a reader that left.

Every way out of the tool (help, version, a table, a document's bytes) must
deliver every byte or say it could not: exit 6 with a message, or 141
quietly when the reader left. Real processes, as the faults live in the
file descriptors Python is given.
"""

from __future__ import annotations

import fcntl
import io
import os
import subprocess
import sys
import zipfile
from typing import Any

import pytest
from conftest import Owes

from owes_cli.errors import ExitCode

OWES = [sys.executable, "-m", "owes_cli"]

OUTPUTS = {  # each way out of the tool, small and large
    "help": ["--help"],
    "version": ["--version"],
    "png": ["map", "-o", "-", "--format", "png", "--on", "2014-06-01"],
    "docx": ["export", "-o", "-", "--format", "docx", "--county", "żarski", "--on", "2014-06-01"],
    "text": ["centres", "--format", "json"],
}
BUFFERING = {"buffered": {}, "unbuffered": {"PYTHONUNBUFFERED": "1"}}


def environment(extra: dict[str, str]) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "OWES_", "PYTHONUNBUFFERED"))}
    return {**base, "OWES_LANG": "en", **extra}


def run(args: list[str], extra: dict[str, str], stdout: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*OWES, *args], env=environment(extra), stdout=stdout, stderr=subprocess.PIPE, timeout=60, check=False
    )


def assert_complete(kind: str, data: bytes) -> None:
    if kind == "png":
        assert data.startswith(b"\x89PNG") and data.endswith(b"IEND\xaeB`\x82")
    elif kind == "docx":
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    elif kind == "text":
        assert data.rstrip().endswith(b"]")
    elif kind == "help":
        assert data.startswith(b"Usage: owes") and b"\n  export " in data and data.endswith(b"\n")
    else:
        assert data.startswith(b"owes ")


@pytest.mark.parametrize("kind", OUTPUTS)
@pytest.mark.parametrize("buffering", BUFFERING)
def test_a_slow_reader_of_a_non_blocking_pipe_gets_every_byte(kind: str, buffering: str) -> None:
    reader, writer = os.pipe()
    # A one-page pipe fills at once: an unchecked write loses what did not fit.
    fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, 4096)
    os.set_blocking(writer, False)
    process = subprocess.Popen([*OWES, *OUTPUTS[kind]], env=environment(BUFFERING[buffering]), stdout=writer)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        data = pipe.read()
    assert process.wait(timeout=60) == ExitCode.OK
    assert_complete(kind, data)


@pytest.mark.parametrize("kind", ["help", "version", "png", "docx"])
@pytest.mark.parametrize("buffering", BUFFERING)
def test_full_disk_on_stdout_is_exit_6(kind: str, buffering: str) -> None:
    with open("/dev/full", "wb") as full:
        done = run(OUTPUTS[kind], BUFFERING[buffering], full)
    assert (done.returncode, done.stderr) == (
        ExitCode.CANNOT_WRITE,
        b"Could not write the output: no space left on device.\n",
    )


@pytest.mark.parametrize("kind", ["help", "version", "png", "docx"])
@pytest.mark.parametrize("buffering", BUFFERING)
def test_closed_stdout_is_exit_6(kind: str, buffering: str) -> None:
    done = subprocess.run(
        f"exec {subprocess.list2cmdline([*OWES, *OUTPUTS[kind]])} >&-",
        shell=True,
        env=environment(BUFFERING[buffering]),
        stderr=subprocess.PIPE,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (ExitCode.CANNOT_WRITE, b"Could not write the output: stdout is closed.\n")


@pytest.mark.parametrize("kind", ["help", "version", "png", "docx"])
@pytest.mark.parametrize("buffering", BUFFERING)
def test_a_reader_gone_before_the_first_byte_is_141(kind: str, buffering: str) -> None:
    reader, writer = os.pipe()
    os.close(reader)
    done = run(OUTPUTS[kind], BUFFERING[buffering], writer)
    os.close(writer)
    assert (done.returncode, done.stderr) == (141, b"")


@pytest.mark.parametrize("command", [["which-centre", "--county", "żarski"], ["centre", "gorzow-2013"], ["centres"]])
def test_a_rich_table_whose_reader_left_is_141(command: list[str]) -> None:
    reader, writer = os.pipe()
    os.close(reader)
    done = run([*command, "--format", "table"], {}, writer)
    os.close(writer)
    assert (done.returncode, done.stderr) == (141, b"")


def test_an_encoding_that_cannot_encode_text_falls_back_to_ascii() -> None:
    done = run(["counties", "--lang", "pl"], {"PYTHONIOENCODING": "idna"}, subprocess.PIPE)
    assert done.returncode == ExitCode.OK
    assert b"0811   zarski" in done.stdout
    done = run(["which-centre", "--county", "żarskx", "--lang", "pl"], {"PYTHONIOENCODING": "idna"}, subprocess.PIPE)
    assert (done.returncode, done.stdout) == (ExitCode.NOT_FOUND, b"")
    assert done.stderr.startswith(b'Nie znaleziono powiatu "zarskx".\n')


@pytest.mark.parametrize("columns", ["0", "-1", "00"])
def test_a_zero_width_terminal_still_gets_its_table(owes: Owes, columns: str) -> None:
    run_ = owes("counties", "--format", "table", env={"COLUMNS": columns})
    assert run_.exit_code == ExitCode.OK
    assert "żarski" in run_.stdout
