"""Shell completion for bash, zsh and fish: county names and centre ids."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import PROJECT, Owes


def _complete(shell: str, line: str) -> list[str]:
    words = line.split(" ")
    env = {**os.environ, "_OWES_COMPLETE": f"complete_{shell}", "OWES_LANG": "en"}
    if shell == "bash":
        env.update({"COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)})
    else:
        env.update({"_TYPER_COMPLETE_ARGS": line, "_TYPER_COMPLETE_FISH_ACTION": "get-args"})
    done = subprocess.run(
        [sys.executable, "-c", "from owes_cli.cli import main; main()"],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT,
        check=False,
    )
    return done.stdout.split()


def test_bash_completes_county_names_and_centre_ids() -> None:
    assert _complete("bash", "owes which-centre --county ża") == ["żagański", "żarski"]
    assert _complete("bash", "owes which-centre --county zar") == ["zarski"]
    assert _complete("bash", "owes history --county 081") == ["0810", "0811", "0812"]
    assert _complete("bash", "owes centre gor") == ["gorzow-2013", "gorzow-2024"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_complete_centre_ids(shell: str) -> None:
    assert any("zielona-gora-2024" in word for word in _complete(shell, "owes history --centre zi"))


def test_completion_can_be_shown_and_installed(owes: Owes) -> None:
    english = owes("--help").stdout
    assert "--install-completion" in english and "--show-completion" in english
    polish = " ".join(owes("--help", "--lang", "pl").stdout.split())
    assert "Zainstaluj dopełnianie w bieżącej powłoce (bash, zsh, fish)." in polish
