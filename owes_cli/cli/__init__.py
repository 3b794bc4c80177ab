"""The `owes` command line: a thin Typer layer over `owes_cli.Directory`."""

from owes_cli.cli.app import app, main

__all__ = ["app", "main"]
