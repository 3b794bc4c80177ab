"""Shared fixtures: run `owes` as a user would, with stdout and stderr apart."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import HealthCheck, is_hypothesis_test, settings
from typer.testing import CliRunner

from owes_cli.cli import app

PROJECT = Path(__file__).resolve().parent.parent
# The reference material sits beside the project (../shared/reference); a work tree
# elsewhere names it with OWES_REFERENCE.
REFERENCE = Path(os.environ.get("OWES_REFERENCE") or PROJECT.parent / "shared" / "reference")
BUNDLED = PROJECT / "data" / "centres.toml"

# The environment a test runs in: no colour, a fixed width, English unless asked.
BASE_ENV = {"NO_COLOR": "1", "COLUMNS": "100", "OWES_LANG": "en", "OWES_DATA": "", "TERM": "dumb"}

# Typer's CliRunner.invoke rebuilds the Click group on every call (about 10 ms);
# the fuzz tests run thousands of commands, so the group is built once here.
# Its main() is OwesGroup.main, the same entry point a user's `owes` runs.
OWES_COMMAND = typer.main.get_command(app)


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The checked-dataset cache of the test run, never the user's own."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


# The day every in-process test runs on: answers without --on are for "today", and a
# suite that read the clock would give other results on other days (after 2029, say).
FIXED_TODAY = date(2026, 12, 6)  # a day no test asks about with --on: "Today" is said of this one only
# The runs of owes a test starts (subprocesses) read it from the environment.
os.environ["OWES_TODAY"] = FIXED_TODAY.isoformat()


@pytest.fixture(autouse=True, scope="session")
def _fixed_today() -> Iterator[None]:
    """owes_cli.domain.dates.today, the one place the tool reads the date for an answer, says FIXED_TODAY.

    Session-wide (Hypothesis refuses function-scoped fixtures); a test that needs
    another day sets it with monkeypatch, which restores this one after it.
    """
    from owes_cli.domain import dates

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dates, "today", lambda: FIXED_TODAY)
        yield


# Hypothesis: "ci" (CI=true) never fails on time, which a loaded 2-core runner cannot
# promise, and draws the same cases on every run, so a failure repeats; "dev" keeps
# the one-second deadline and random cases, with the seed printed (conftest header)
# so that a failure can be replayed: pytest --hypothesis-seed=SEED.
# HYPOTHESIS_PROFILE chooses either one by name.
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=1000, print_blob=True)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev")
settings.load_profile(HYPOTHESIS_PROFILE)


def pytest_configure(config: pytest.Config) -> None:
    if settings().derandomize or config.getoption("hypothesis_seed", None) is not None:
        return
    import random

    config.option.hypothesis_seed = str(random.SystemRandom().randrange(2**32))


def pytest_report_header(config: pytest.Config) -> str:
    if settings().derandomize:
        return f"hypothesis profile: {HYPOTHESIS_PROFILE} (derandomized: the same cases every run, no deadline)"
    seed = config.getoption("hypothesis_seed", None)
    return f"hypothesis profile: {HYPOTHESIS_PROFILE}, seed {seed} (replay: pytest --hypothesis-seed={seed})"


# Generated cases per kind, counted by the hostile-input tests and reported at the end.
GENERATED: Counter[str] = Counter()


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


Owes = Callable[..., Run]


def run_owes(*args: str, env: dict[str, str] | None = None) -> Run:
    """Run `owes ARGS` in this process, as the installed script would."""
    runner = CliRunner()
    code: Any = 0
    with runner.isolation(env={**BASE_ENV, **(env or {})}) as (out, err, _):
        try:
            OWES_COMMAND.main(list(args), prog_name="owes")
        except SystemExit as done:
            code = done.code
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            stdout, stderr = out.getvalue(), err.getvalue()  # closed when isolation ends
    return Run(code if isinstance(code, int) else 1, _text(stdout), _text(stderr))


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace").replace("\r\n", "\n")


@pytest.fixture
def owes() -> Owes:
    return run_owes


@pytest.fixture
def reference() -> Path:
    if not REFERENCE.is_dir():
        pytest.skip("../shared/reference is not present")
    return REFERENCE


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int) -> None:
    if not GENERATED:
        return
    total = sum(GENERATED.values())
    parts = ", ".join(f"{kind} {count:,}" for kind, count in sorted(GENERATED.items()))
    outcome = "none crashed" if exitstatus == 0 else "see the failures above"
    terminalreporter.write_sep("-", "hostile input")
    terminalreporter.write_line(f"generated cases run: {total:,} ({parts}); {outcome}")


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects anything
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test whose cases Hypothesis generates is a `fuzz` test: `pytest -m fuzz`
    runs them alone, `pytest -m "not fuzz"` the rest; a new one needs no mark of its own."""
    for item in items:
        if isinstance(item, pytest.Function) and is_hypothesis_test(item.obj):
            item.add_marker(pytest.mark.fuzz)


def run_on_pty(args: list[str], env: dict[str, str]) -> str:
    """Run owes in a subprocess with stdout on a pseudo-terminal, as a person's terminal; what it printed there."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "owes_cli", *args], stdout=follower, stderr=subprocess.PIPE, cwd=PROJECT, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other side closed: the program ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")
