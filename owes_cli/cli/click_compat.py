"""The private parts of Typer (its vendored Click), used here and nowhere else.

Typer 0.28 vendors Click as `typer._click` and does not re-export the pieces
we build on: the exception types (to put usage errors into the user's
language), Context (to choose the help formatter) and HelpFormatter (to
translate "Usage:" and "Options"). When Typer moves one of these, only this
module changes, and tests/test_compat.py says which piece moved. (Rich's
private part is in owes_cli/render/rich_compat.py.)
"""

from __future__ import annotations

from typer._click import core as _click_core
from typer._click import exceptions as _click_exceptions
from typer._click import formatting as _click_formatting

ClickContext = _click_core.Context
HelpFormatter = _click_formatting.HelpFormatter
ClickException = _click_exceptions.ClickException
NoArgsIsHelpError = _click_exceptions.NoArgsIsHelpError
NoSuchOption = _click_exceptions.NoSuchOption
BadOptionUsage = _click_exceptions.BadOptionUsage
MissingParameter = _click_exceptions.MissingParameter
