"""Properties of the command line as a whole: help, start-up imports, packaging."""

from __future__ import annotations

import ast
import subprocess
import sys
import typing
import zipfile
from pathlib import Path

import pytest
from conftest import PROJECT, Owes

from owes_cli.cli import app
from owes_cli.cli.help import HELP
from owes_cli.errors import ExitCode

COMMANDS = sorted(command.name or getattr(command.callback, "__name__", "") for command in app.registered_commands)


def test_every_command_has_help_in_both_languages() -> None:
    for name in COMMANDS:
        pl, en = HELP[name]
        assert pl and en and pl != en


@pytest.mark.parametrize("command", COMMANDS)
def test_help_follows_the_language(owes: Owes, command: str) -> None:
    english = owes(command, "--help")
    polish = owes(command, "--help", "--lang", "pl")
    assert english.exit_code == polish.exit_code == 0
    assert HELP[command][1].split("(")[0].strip() in " ".join(english.stdout.split())
    assert HELP[command][0].split("(")[0].strip() in " ".join(polish.stdout.split())


def test_top_level_help_lists_commands(owes: Owes) -> None:
    run = owes("--help", env={"OWES_LANG": "pl"})
    assert run.exit_code == 0
    assert "Katalog Ośrodków Wsparcia Ekonomii Społecznej" in run.stdout
    for name in COMMANDS:
        assert name in run.stdout


def test_no_command_shows_an_overview_on_stdout(owes: Owes) -> None:
    # Issue 10: `owes` alone is a question, not a mistake (see tests/test_help_examples.py).
    run = owes()
    assert run.exit_code == ExitCode.OK
    assert "which-centre" in run.stdout and run.stderr == ""


def test_version(owes: Owes) -> None:
    run = owes("--version")
    assert run.exit_code == 0
    assert run.stdout.startswith("owes ")


def _imported_modules(*args: str) -> set[str]:
    code = (
        "import sys, runpy; sys.argv = ['owes', *sys.argv[1:]];\n"
        "try:\n    runpy.run_module('owes_cli', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env={"OWES_LANG": "en", "PATH": "/usr/bin:/bin"},
    )
    return set(done.stderr.split())


def test_lookups_never_import_exporters_or_rich_when_piped() -> None:
    modules = _imported_modules("which-centre", "--county", "żarski")
    assert "owes_cli.domain.lookup" in modules  # the probe ran the command
    for heavy in ("fpdf", "docx", "PIL", "fontTools", "rich", "owes_cli.render.terminal", "owes_cli.layout.report"):
        assert heavy not in modules


def test_wheel_ships_the_data_and_runs_from_any_directory(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(PROJECT)],
        capture_output=True,
        text=True,
    )
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {built.stderr[-300:]}")
    wheel = next(tmp_path.glob("owes-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "owes_cli/data/centres.toml" in names and "owes_cli/data/teryt.json" in names
    # Every file of data/: one left out of pyproject.toml's force-include is missing only in a wheel.
    assert {f"owes_cli/data/{path.name}" for path in (PROJECT / "data").iterdir()} <= set(names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "owes_cli",
            "which-centre",
            "--county",
            "żarski",
            "--on",
            "2014-06-01",
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env={
            "PYTHONPATH": str(site) + ":" + ":".join(p for p in sys.path if "site-packages" in p),
            "OWES_LANG": "en",
            "PATH": "/usr/bin:/bin",
        },
    )
    assert run.returncode == 0, run.stderr
    assert "zielona-gora-2013" in run.stdout
    loaded = subprocess.run(
        [sys.executable, "-c", "import owes_cli.domain.dataset as d; print(d.bundled_path())"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )
    assert loaded.stdout.strip() == str(site / "owes_cli" / "data" / "centres.toml")


def test_a_package_reached_through_a_symbolic_link_finds_its_data(tmp_path: Path) -> None:
    # A checkout's package linked into another folder (as some installs do): the data is
    # beside the folder the link points to, not beside the link.
    site = tmp_path / "site"
    site.mkdir()
    (site / "owes_cli").symlink_to(PROJECT / "owes_cli", target_is_directory=True)
    run = subprocess.run(
        [sys.executable, "-c", "import owes_cli.domain.dataset as d; print(d.bundled_path())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(PROJECT / "data" / "centres.toml")


def test_each_shared_option_has_the_type_the_commands_are_checked_against() -> None:
    # cli.app builds each shared option when Typer first reads a command (_OPTIONS), and names
    # its type once more, for mypy, under TYPE_CHECKING: were the two to drift apart, mypy would
    # check the commands' code against a type their options never give.
    from owes_cli.cli.app import _OPTIONS

    checked = {}
    for node in ast.parse((PROJECT / "owes_cli" / "cli" / "app.py").read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for alias in node.body:
                if isinstance(alias, ast.Assign) and isinstance(alias.targets[0], ast.Name):
                    checked[alias.targets[0].id] = eval(ast.unparse(alias.value))  # our own source: types only
    assert len(checked) >= 8, checked
    for name, seen_by_mypy in checked.items():
        assert typing.get_args(_OPTIONS[name]())[0] == seen_by_mypy, name


def test_lang_before_the_command(owes: Owes) -> None:
    run = owes("--lang", "pl", "which-centre", "--county", "żurski")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stderr.startswith("Nie znaleziono powiatu „żurski”.")
    run = owes("--lang", "xx", "centres")
    assert (run.exit_code, run.stderr) == (ExitCode.USAGE, "Unknown language “xx”: choose pl or en.\n")


def test_polish_help_translates_options_and_placeholders(owes: Owes) -> None:
    run = owes("which-centre", "--help", "--lang", "pl")
    text = " ".join(run.stdout.split())
    assert "--county NAZWA Powiat: nazwa w dowolnym przypadku" in text
    assert "-h, --help Pokaż tę pomoc i zakończ." in text
    english = " ".join(owes("which-centre", "--help").stdout.split())
    assert "--county NAME County: its name in any case" in english
    assert "-h, --help Show this help and exit." in english


def test_clicks_own_help_words_follow_the_language(owes: Owes) -> None:
    polish = owes("place", "--help", "--lang", "pl").stdout
    assert polish.startswith("Użycie: owes place [OPCJE] {NAZWA}")
    assert "\nArgumenty:\n" in polish and "\nOpcje:\n" in polish and "[wymagane]" in polish
    group = owes("--help", "--lang", "pl").stdout
    assert group.startswith("Użycie: owes [OPCJE] POLECENIE [ARGUMENTY]...") and "\nPolecenia:\n" in group
    which = owes("which-centre", "--help", "--lang", "pl").stdout
    assert which.startswith("Użycie: owes which-centre [OPCJE] [POWIAT|MIEJSCE|SZER,DŁUG]")
    assert "--place NAZWA" in which and "--at SZER,DŁUG" in which
    assert "-o, --output PLIK" in owes("export", "--help", "--lang", "pl").stdout
    english = owes("place", "--help").stdout
    assert english.startswith("Usage: owes place [OPTIONS] {NAME}")
    assert "\nArguments:\n" in english and "[required]" in english


@pytest.mark.parametrize("command", ["export", "map"])
@pytest.mark.parametrize(
    ("lang", "said"),
    [("pl", "Nie mów na standardowym wyjściu błędów"), ("en", "Do not say on standard error")],
)
def test_quiet_is_explained_in_the_help(owes: Owes, command: str, lang: str, said: str) -> None:
    shown = owes(command, "--help", "--lang", lang, env={"COLUMNS": "200"}).stdout
    line = next(line for line in shown.splitlines() if "--quiet" in line)
    assert said in line
