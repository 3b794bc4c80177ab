"""The private part of Rich we use, here and nowhere else.

Rich reads COLUMNS from os.environ unchecked; its private `_environ`
argument lets us hand it a cleaned copy. When Rich moves it, only this
module changes, and tests/test_compat.py says so. (Typer's private parts
are in owes_cli/cli/click_compat.py: the renderers do not load Typer.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def rich_console(stream: IO[str], environ: Mapping[str, str], **options: Any) -> Console:
    """A Rich console on `stream` that reads its environment (COLUMNS, NO_COLOR, TERM) from `environ`."""
    from rich.console import Console  # only the commands that draw tables load Rich

    return Console(file=stream, _environ=environ, **options)
