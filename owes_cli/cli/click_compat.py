"""The private parts of Typer (its vendored Click), used here and nowhere else.

Typer 0.28 vendors Click as `typer._click` and does not re-export the pieces
we build on: the exception types (to put usage errors into the user's
language), Context (to choose the help formatter) and HelpFormatter (to
translate "Usage:" and "Options"), and the shell completion classes and
scripts (to keep completed values data, never code). When Typer moves one of these, only this
module changes, and tests/test_compat.py says which piece moved. (Rich's
private part is in owes_cli/render/rich_compat.py.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from typer import _completion_classes as _typer_completion_classes
from typer import _completion_shared as _typer_completion_shared
from typer._click import core as _click_core
from typer._click import exceptions as _click_exceptions
from typer._click import formatting as _click_formatting
from typer._click import shell_completion as _click_shell_completion

ClickContext = _click_core.Context
HelpFormatter = _click_formatting.HelpFormatter
ClickException = _click_exceptions.ClickException
NoArgsIsHelpError = _click_exceptions.NoArgsIsHelpError
NoSuchOption = _click_exceptions.NoSuchOption
BadOptionUsage = _click_exceptions.BadOptionUsage
MissingParameter = _click_exceptions.MissingParameter


class LocalisedContext(ClickContext):
    """Click's context, whose help and usage are in the run's language (owes_cli.cli.help).

    The help texts of every command and option, and the code that puts them on
    Click's objects, load when help or usage is first shown, not on every run.
    """

    def make_formatter(self) -> HelpFormatter:
        from owes_cli.cli.help import formatter_for

        return formatter_for(self)


# Shell completion: Typer's classes that format the answer, and its table of the
# scripts that --show-completion and --install-completion print (owes_cli.cli.completion).
TyperBashComplete = _typer_completion_classes.BashComplete
TyperZshComplete = _typer_completion_classes.ZshComplete
TyperFishComplete = _typer_completion_classes.FishComplete


def typer_completion_script(shell: str) -> str:
    """Typer's own completion script template for `shell`."""
    return _typer_completion_shared._completion_scripts[shell]


def use_completion(scripts: Mapping[str, str], classes: Mapping[str, type[Any]]) -> None:
    """Print `scripts` for --show/--install-completion and answer completions with `classes`."""
    _typer_completion_shared._completion_scripts.update(scripts)
    for shell, completer in classes.items():
        _click_shell_completion.add_completion_class(completer, shell)
