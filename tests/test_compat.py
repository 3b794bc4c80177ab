"""The private parts of Typer (its vendored Click) and Rich that we rely on.

Typer's are in owes_cli/cli/click_compat.py, Rich's in owes_cli/render/rich_compat.py
(until 0.2 both were in owes_cli/compat.py): the renderers need not load Typer.

When a new Typer or Rich moves one of them, these tests say which piece moved
and where to adapt, instead of a user meeting an AttributeError.
"""

from __future__ import annotations

import importlib
import inspect
import io
import subprocess
import sys
from importlib.metadata import version

import pytest
from conftest import PROJECT

from owes_cli.cli import click_compat
from owes_cli.render import rich_compat

FIX = "adapt owes_cli/cli/click_compat.py (the one module that uses Typer's private APIs)"
FIX_RICH = "adapt owes_cli/render/rich_compat.py (the one module that uses Rich's private APIs)"
# Each private word, and the one module allowed to use it.
PRIVATE = {"_click": "owes_cli/cli/click_compat.py", "_environ": "owes_cli/render/rich_compat.py"}


def _vendored(module: str, name: str) -> object:
    where = f"typer._click.{module}"
    try:
        found = importlib.import_module(where)
    except ImportError:
        pytest.fail(f"Typer {version('typer')} no longer vendors Click as {where}; {FIX}")
    if not hasattr(found, name):
        pytest.fail(f"Typer {version('typer')}: {where} has no {name} any more; {FIX}")
    return getattr(found, name)


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("core", "Context"),
        ("formatting", "HelpFormatter"),
        ("exceptions", "ClickException"),
        ("exceptions", "NoArgsIsHelpError"),
        ("exceptions", "NoSuchOption"),
        ("exceptions", "BadOptionUsage"),
        ("exceptions", "MissingParameter"),
    ],
)
def test_typer_still_vendors_the_click_part_we_use(module: str, name: str) -> None:
    assert getattr(click_compat, name.replace("Context", "ClickContext")) is _vendored(module, name)


def test_typers_click_errors_still_carry_what_we_translate() -> None:
    error = click_compat.NoSuchOption("--colour", possibilities=["--color"])
    assert (error.option_name, list(error.possibilities or [])) == ("--colour", ["--color"]), (
        f"Typer {version('typer')}: NoSuchOption changed its option_name/possibilities; adapt owes_cli/cli/help.py"
    )
    assert click_compat.BadOptionUsage("--on", "Option '--on' requires an argument.").option_name == "--on"
    assert click_compat.MissingParameter(param=None).param is None
    for error_class in (
        click_compat.NoArgsIsHelpError,
        click_compat.NoSuchOption,
        click_compat.BadOptionUsage,
        click_compat.MissingParameter,
    ):
        assert issubclass(error_class, click_compat.ClickException), (
            f"{error_class.__name__} is no ClickException; {FIX}"
        )


@pytest.mark.parametrize(
    ("method", "parameters"),
    [
        ("write_usage", ["prog", "args", "prefix"]),
        ("write_dl", ["rows", "col_max", "col_spacing"]),
        ("section", ["name"]),
    ],
)
def test_click_help_formatter_methods_we_override_keep_their_signature(method: str, parameters: list[str]) -> None:
    found = list(inspect.signature(getattr(click_compat.HelpFormatter, method)).parameters)[1:]
    assert found == parameters, (
        f"Typer {version('typer')}: HelpFormatter.{method}{tuple(found)} changed; adapt "
        "owes_cli/cli/help.py LocalisedHelpFormatter"
    )
    assert hasattr(click_compat.ClickContext, "make_formatter"), f"Click's Context makes no formatter; {FIX}"


def test_rich_console_still_reads_the_environment_we_give_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    try:
        console = rich_compat.rich_console(io.StringIO(), {"COLUMNS": "37", "NO_COLOR": "1"})
    except TypeError:
        pytest.fail(f"Rich {version('rich')} no longer takes Console(_environ=…); {FIX_RICH}")
    assert console.width == 37, f"Rich {version('rich')} ignores Console(_environ=…) for COLUMNS; {FIX_RICH}"
    assert console.no_color, f"Rich {version('rich')} ignores Console(_environ=…) for NO_COLOR; {FIX_RICH}"


def test_private_apis_are_used_in_their_compat_module_only() -> None:
    offenders = [
        f"{path.relative_to(PROJECT)}: {word}"
        for path in sorted((PROJECT / "owes_cli").rglob("*.py"))
        for word, home in PRIVATE.items()
        if path != PROJECT / home and word in path.read_text(encoding="utf-8")
    ]
    assert offenders == [], f"private APIs belong in their compat module only: {PRIVATE}"


def test_the_rich_renderer_does_not_load_typer() -> None:
    """render/terminal draws with Rich; Typer's private parts are the command line's (cli/click_compat.py)."""
    code = "import sys, owes_cli.render.terminal.rich_draw; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert "rich" in loaded and "typer" not in loaded
