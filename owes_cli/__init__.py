"""owes: the offline directory of Lubuskie's Social Economy Support Centres (OWES).

    from owes_cli import Directory

`Directory` is the library the command line is built on (owes_cli/directory.py).
It is imported on first use, so that `import owes_cli` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from owes_cli.directory import Directory

__all__ = ["Directory", "version"]


def __getattr__(name: str) -> Any:
    if name == "Directory":
        from owes_cli.directory import Directory

        return Directory
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def version() -> str:
    """The installed version, read in one place (only `owes --version` needs it)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("owes")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"
