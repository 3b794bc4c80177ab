"""Every command's --help shows real examples, in both languages; `owes` alone gives an overview."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from conftest import Owes

from owes_cli.cli.help import EXAMPLES, HELP
from owes_cli.errors import ExitCode

COMMANDS = [name for name in HELP if name != "owes"]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_shows_one_to_three_examples_in_both_languages(owes: Owes, name: str) -> None:
    examples = EXAMPLES[name]
    assert 1 <= len(examples) <= 3
    english = owes(name, "--help").stdout
    polish = owes(name, "--help", "--lang", "pl").stdout
    assert "Examples:" in english and "Przykłady:" in polish
    for example in examples:
        assert f"    {example}\n" in english and f"    {example}\n" in polish


@pytest.mark.parametrize("example", [e for name in COMMANDS for e in EXAMPLES[name]])
def test_every_example_runs(owes: Owes, example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the examples that write files write them here
    run = owes(*shlex.split(example)[1:])
    assert run.exit_code == ExitCode.OK, (example, run.stderr)
    assert "Traceback" not in run.stderr


def test_owes_alone_prints_an_overview_and_exits_0(owes: Owes) -> None:
    run = owes()
    assert run.exit_code == ExitCode.OK
    assert run.stdout.startswith("owes: a directory of the Social Economy Support Centres (OWES) of Lubuskie.\n")
    assert "owes which-centre Żary" in run.stdout and run.stdout.endswith("All commands: owes --help\n")
    assert run.stderr == ""
    polish = owes("--lang", "pl")
    assert polish.exit_code == ExitCode.OK
    assert polish.stdout.startswith("owes: katalog Ośrodków Wsparcia Ekonomii Społecznej (OWES)")
