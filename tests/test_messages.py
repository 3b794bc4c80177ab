"""Messages for mistakes a person makes, word for word, with their exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Owes

from owes_cli.errors import ExitCode

CASES = [
    (
        ["which-centre", "--county", ""],
        ExitCode.USAGE,
        "Give the name of a county; empty text names nothing.\n",
        "Podaj nazwę powiatu; pusty tekst niczego nie wskazuje.\n",
    ),
    (
        ["which-centre", "--place", "   "],
        ExitCode.USAGE,
        "Give the name of a town or gmina; empty text names nothing.\n",
        "Podaj nazwę miejscowości lub gminy; pusty tekst niczego nie wskazuje.\n",
    ),
    (
        ["centre", "x" * 300],
        ExitCode.USAGE,
        "The name of a centre is too long: at most 200 characters.\n",
        "Nazwa ośrodka jest za długa: najwyżej 200 znaków.\n",
    ),
    (
        ["which-centre", "--county", "0899"],
        ExitCode.NOT_FOUND,
        "“0899” is not the TERYT code of any county in the register.\nAll counties: owes counties\n",
        "Kod TERYT „0899” nie jest kodem żadnego powiatu w rejestrze TERYT.\nLista powiatów: owes counties\n",
    ),
    (
        ["which-centre"],
        ExitCode.USAGE,
        "Say which place you mean: --county COUNTY, --place TOWN or --at LAT,LON (e.g. --county żarski, "
        "--place Lubsko, --at 51.6417,15.1381).\n",
        "Podaj, o jakie miejsce pytasz: --county POWIAT, --place MIEJSCOWOŚĆ albo --at SZER,DŁUG "
        "(np. --county żarski, --place Lubsko, --at 51.6417,15.1381).\n",
    ),
    (
        ["which-centre", "--county"],
        ExitCode.USAGE,
        "The option --county needs a value.\nHelp: owes --help\n",
        "Opcja --county wymaga wartości.\nPomoc: owes --help\n",
    ),
    (
        ["export", "-o", ""],
        ExitCode.USAGE,
        "Give a file name with -o (or -o - to write to standard output).\n",
        "Podaj nazwę pliku w -o (albo -o -, aby pisać na standardowe wyjście).\n",
    ),
    (
        ["which-centre", "--county", "x" * 5000],
        ExitCode.USAGE,
        "Argument 3 is too long (5000 characters; at most 4096).\n",
        "Argument nr 3 jest za długi (5000 znaków; najwyżej 4096).\n",
    ),
]


@pytest.mark.parametrize(("args", "code", "english", "polish"), CASES, ids=[" ".join(c[0])[:40] for c in CASES])
def test_message_in_both_languages(owes: Owes, args: list[str], code: int, english: str, polish: str) -> None:
    run = owes(*args)
    assert (run.exit_code, run.stdout, run.stderr) == (code, "", english)
    run = owes(*args, env={"OWES_LANG": "pl"})
    assert (run.exit_code, run.stdout, run.stderr) == (code, "", polish)


def test_an_output_that_is_a_directory(owes: Owes, tmp_path: Path) -> None:
    run = owes("map", "-o", str(tmp_path), "--format", "svg")
    assert (run.exit_code, run.stderr) == (ExitCode.CANNOT_WRITE, f"{tmp_path} is a directory; give a file name.\n")
