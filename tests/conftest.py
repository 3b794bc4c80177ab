"""Shared fixtures: run `owes` as a user would, with stdout and stderr apart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from owes_cli.cli import app

PROJECT = Path(__file__).resolve().parent.parent
REFERENCE = PROJECT.parent / "shared" / "reference"
BUNDLED = PROJECT / "data" / "centres.toml"

# The environment a test runs in: no colour, a fixed width, English unless asked.
BASE_ENV = {"NO_COLOR": "1", "COLUMNS": "100", "OWES_LANG": "en", "OWES_DATA": "", "TERM": "dumb"}


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


Owes = Callable[..., Run]


@pytest.fixture
def owes() -> Owes:
    def run(*args: str, env: dict[str, str] | None = None) -> Run:
        runner = CliRunner()
        result = runner.invoke(app, list(args), env={**BASE_ENV, **(env or {})}, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def reference() -> Path:
    if not REFERENCE.is_dir():
        pytest.skip("../shared/reference is not present")
    return REFERENCE
