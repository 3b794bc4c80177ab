"""`owes CMD` builds only CMD's Click command; whatever lists commands still sees them all."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys

import pytest
from conftest import BASE_ENV, PROJECT, run_owes

cli = importlib.import_module("owes_cli.cli.app")  # the module; `owes_cli.cli.app` is the Typer app
ALL = [info.name for info in cli.app.registered_commands]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["which-centre", "--county", "żarski"], "which-centre"),
        (["--lang", "pl", "counties"], "counties"),
        (["--lang=en", "--no-cache", "map", "-o", "m.svg"], "map"),
        (["--lang", "which-centre", "counties"], "counties"),  # "which-centre" is --lang's value here
        (["--help"], None),
        (["-h", "counties"], None),
        (["--version"], None),
        (["--unknown", "counties"], None),
        (["whch-centre"], None),  # its error names the nearest of every command
        ([], None),
    ],
)
def test_the_command_to_build_is_read_from_the_line(args: list[str], expected: str | None) -> None:
    assert cli._command_to_run(args) == expected


FULL = "import sys; from owes_cli.cli.app import app; sys.argv[0] = 'owes'; app()"  # every command built


def _owes(*args: str, full: bool = False, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *(["-c", FULL] if full else ["-m", "owes_cli"]), *args],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env={**os.environ, **BASE_ENV, "OWES_NO_CACHE": "1", **env},
        check=False,
    )


def test_the_group_help_and_a_wrong_name_list_every_command() -> None:
    listed = _owes("--help").stdout
    assert all(f"  {name} " in listed for name in ALL), listed
    wrong = _owes("--lang", "en", "centers")
    assert wrong.returncode == 2 and "centres" in wrong.stderr


def test_a_command_built_alone_answers_as_in_the_full_group() -> None:
    for args in (
        ["which-centre", "--county", "żarski", "--on", "2014-06-01"],
        ["counties", "--format", "csv"],
        ["which-centre", "--help"],
        ["--lang", "pl", "export", "--county"],
    ):
        alone, full = _owes(*args), _owes(*args, full=True)
        assert (alone.returncode, alone.stdout, alone.stderr) == (full.returncode, full.stdout, full.stderr)
    assert _owes("counties", "--format", "csv").stdout == run_owes("counties", "--format", "csv").stdout
