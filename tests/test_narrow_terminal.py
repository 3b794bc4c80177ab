"""A terminal too narrow for a table's border and labels gets the plain layout, the answer whole."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

import pytest
from conftest import BASE_ENV, PROJECT, run_owes

ASK = ("which-centre", "--county", "żarski", "--on", "2014-06-01")
CENTRE = "Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego"


@pytest.mark.parametrize("columns", ["1", "5", "12", "29"])
def test_below_30_columns_a_table_is_the_plain_answer(columns: str) -> None:
    plain = run_owes(*ASK, "--format", "plain")
    narrow = run_owes(*ASK, "--format", "table", env={"COLUMNS": columns})
    assert narrow.exit_code == 0, narrow.stderr
    assert narrow.stdout == plain.stdout
    assert CENTRE in narrow.stdout


def test_at_30_columns_the_table_is_drawn() -> None:
    drawn = run_owes(*ASK, "--format", "table", env={"COLUMNS": "30"})
    assert drawn.exit_code == 0 and "─" in drawn.stdout


@pytest.mark.parametrize("columns", ["1", "5", "12", "19"])
def test_a_listing_below_20_columns_is_plain(columns: str) -> None:
    # From 20 columns a listing has its own narrow layout (test_faults: a record after another).
    plain = run_owes("counties", "--format", "plain", "--on", "2014-06-01")
    narrow = run_owes("counties", "--format", "table", "--on", "2014-06-01", env={"COLUMNS": columns})
    assert (narrow.exit_code, narrow.stdout) == (0, plain.stdout)


def _on_pty_of_width(columns: int, args: list[str]) -> str:
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {**os.environ, **BASE_ENV, "TERM": "xterm", "OWES_PAGER": ""}
    env.pop("COLUMNS")
    proc = subprocess.Popen(
        [sys.executable, "-m", "owes_cli", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        cwd=PROJECT,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other side closed: the program ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert proc.wait(timeout=60) == 0
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def test_a_one_column_terminal_shows_the_answer() -> None:
    shown = _on_pty_of_width(1, list(ASK))
    assert CENTRE in shown
    assert "╭" not in shown
