"""The project's own imports on `owes which-centre --county` stay within their budget (issue 24).

The goal is 10 ms of import time for the project's own modules (BUDGET_MS
below is the ceiling CI holds them to), counted from `python -X importtime`
self-times (each module's own time, without the modules it imports). A busy
CI runner slows every module alike, so the test compares shares, never
milliseconds: the project's modules against all the others of the same run
(Python's, Typer's, Click's), which took REST_MS on the reference machine.
BUDGET_MS is then a share of BUDGET_MS / REST_MS of the rest.

A run that the machine interrupts in one module charges that module for
the wait, so each module's time is the least over several runs, each
started after a different short wait (see _JITTERED_RUN). On a busy
machine that least time stays inflated most for the few large modules of
the rest (Typer's, typing's), which are interrupted in almost every run:
there the share reads low, not high. It reads high when one of our modules
was interrupted in every run so far; so the runs go on, RUNS at a time and
up to MAX_RUNS, until the share is within the budget, or fails with them all.

`python tests/test_import_budget.py` prints the figures and the heaviest
modules, to see where the time goes or to measure REST_MS afresh.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

# Issue 24's goal, and the ceiling CI holds the project's modules to: 10 ms, a share of 14.3 %
# of the rest. What a lookup loads was cut from 12.9 ms in 31 modules (18.5 %, 2026-12-06 11:12,
# quiet) to 9.2 ms in 21 (13.4 % of 69.0 ms, 21:24, load 2): NamedTuple and EnumType's class
# creation avoided (owes_cli.record), messages, commands, exports and a place's answers loaded
# only where used, and modules that every run loads made parts of others. Each module costs some
# 0.15-0.2 ms to find and read (an empty package's __init__ does), then unmarshalling (0.01 ms per
# kB of bytecode) and running it: mostly creating classes, some 20-30 us each (about 65 records,
# enums and exceptions). Beside the whole test suite (load 2) it read 13.3-13.7 % in 16 runs of
# this script, and the test passed 20 times of 20, 19 of them in its first 5 runs; beside two
# suites and six busy loops (load 5-10), 13.3-13.4 % in 8 runs, and the test passed 8 of 8.
BUDGET_MS = 10.0
# REST_MS: the self-times of every module of a `which-centre --county` run that
# is not the project's (Python's start-up, typing, Typer and its Click, json...),
# each module's least over 40 runs, summed, on the reference machine (README
# "Development": a 2-CPU AMD EPYC VM, Python 3.11.7) when it is quiet: 70.0 ms
# on 2026-12-06 at load 1.1, when the minimal Typer app's whole run took 106 ms
# (benchmarks/startup.py). A loaded machine inflates even the least times
# (88-94 ms at load 9-11), so measure it afresh only on a quiet one, with
# `python tests/test_import_budget.py`.
REST_MS = 70.0
SHARE = BUDGET_MS / REST_MS
RUNS = 5
MAX_RUNS = 40  # a busy spell that charged one module in 20 runs in a row (seen at load 15) passes
COMMAND = ["which-centre", "--county", "żarski"]
PROJECT = Path(__file__).resolve().parent.parent

# `python -m owes_cli`, after a busy wait of 0-8 ms that varies from run to run.
# A busy machine tends to interrupt a new process the same few milliseconds
# after it starts, so without it one module of ours was charged for the wait
# in every run (cli.app at 6 ms instead of 1.5, seen 2 times in 20 at load 15).
#
# The garbage collector is off in the measured run: a collection runs when the
# count of new objects crosses a threshold and is charged to whichever module is
# importing then (a gen-1 collection took 1-10 ms at load 9), so where it falls
# says nothing of that module. Without it each module is charged its own work.
_JITTERED_RUN = """
import gc, runpy, sys, time
gc.disable()
end = time.perf_counter_ns() + time.perf_counter_ns() % 8_000_000
while time.perf_counter_ns() < end:
    pass
sys.argv[0] = "owes"
runpy.run_module("owes_cli", run_name="__main__", alter_sys=True)
"""
_LINE = re.compile(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)")


def self_times(args: list[str], cache: str) -> dict[str, int]:
    """Each imported module's self time in microseconds, from one run of `owes ARGS` writing to a pipe."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONDONTWRITEBYTECODE", "OWES_NO_CACHE")}
    # As a user runs it: a pipe, no colours, the dataset from the cache, bytecode written once and then read.
    env |= {"NO_COLOR": "1", "OWES_LANG": "en", "XDG_CACHE_HOME": cache, "OWES_DATA": ""}
    # importtime's lines go to a file, not a pipe. Written to a pipe, each line can wake
    # this process to read it, which then takes the processor from the run in the module
    # that wrote the line: the importer of the module just imported. In one test in four
    # or five at load 9-10, cli.app, which imports the most of ours, was charged 2-7 ms
    # in every one of the 40 runs, with the collector on or off.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as lines:
        subprocess.run(
            [sys.executable, "-X", "importtime", "-c", _JITTERED_RUN, *args],
            stdout=subprocess.PIPE,
            stderr=lines,
            cwd=PROJECT,
            env=env,
            check=True,
        )
        lines.seek(0)
        return {match[2]: int(match[1]) for match in _LINE.finditer(lines.read())}


def least_self_times(
    args: list[str], runs: int = RUNS, enough: Callable[[dict[str, int]], bool] | None = None
) -> dict[str, int]:
    """Each module's least self time over `runs` runs, after one that writes the bytecode and the cache;
    with `enough`, RUNS more at a time up to MAX_RUNS until it holds."""
    least: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as cache:
        self_times(args, cache)
        done = 0
        while True:
            for _ in range(runs):
                for module, micros in self_times(args, cache).items():
                    least[module] = min(micros, least.get(module, micros))
            done += runs
            if enough is None or enough(least) or done >= MAX_RUNS:
                return least


def own(module: str) -> bool:
    return module == "owes_cli" or module.startswith("owes_cli.")


def report(least: dict[str, int], heaviest: int = 12) -> str:
    ours = {module: micros for module, micros in least.items() if own(module)}
    rest = sum(least.values()) - sum(ours.values())
    lines = [
        f"the project's modules: {sum(ours.values()) / 1000:.1f} ms, {sum(ours.values()) / rest:.1%} of the rest"
        f" ({rest / 1000:.1f} ms); the budget: {SHARE:.1%} ({BUDGET_MS:g} ms of {REST_MS:g} ms)",
        "heaviest (self ms):",
    ]
    ranked = sorted(ours.items(), key=lambda item: -item[1])
    lines += [f"  {micros / 1000:6.2f}  {module}" for module, micros in ranked[:heaviest]]
    return "\n".join(lines)


def share(least: dict[str, int]) -> float:
    ours = sum(micros for module, micros in least.items() if own(module))
    return ours / (sum(least.values()) - ours)


def test_the_project_imports_a_lookup_needs_stay_within_budget() -> None:
    least = least_self_times(COMMAND, enough=lambda least: share(least) <= SHARE)
    assert "owes_cli.domain.lookup" in least  # the run answered through the lookup
    assert share(least) <= SHARE, f"{report(least)}\n(least of {MAX_RUNS} runs; {_load()})"


def test_a_json_answer_loads_no_module_of_ours_that_a_piped_one_does_not() -> None:
    # The budget is measured on the piped answer; the JSON one must cost no more.
    with tempfile.TemporaryDirectory() as cache:
        self_times(COMMAND, cache)  # writes the bytecode and the cache, as a user's first run
        piped = {module for module in self_times(COMMAND, cache) if own(module)}
        as_json = {module for module in self_times([*COMMAND, "--format", "json"], cache) if own(module)}
    assert "owes_cli.domain.lookup" in as_json
    assert as_json <= piped, f"only the JSON answer loads: {sorted(as_json - piped)}"


def _load() -> str:
    try:
        return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    except OSError:
        return "load average unknown"


if __name__ == "__main__":
    print(f"owes {' '.join(COMMAND)}, least of {MAX_RUNS} runs, {_load()} at the start")
    print(report(least_self_times(COMMAND, runs=MAX_RUNS), heaviest=40))


def test_every_module_of_ours_imports_first() -> None:
    # Modules merged into their packages' __init__ (domain, messages, layout, render) import one
    # another at start-up; whatever a program imports first (`owes_cli.errors`, the messages),
    # none may find another half made (a circular import that the command line's order hides).
    modules = sorted(
        ".".join(path.relative_to(PROJECT).with_suffix("").parts).removesuffix(".__init__")
        for path in (PROJECT / "owes_cli").rglob("*.py")
        if path.name != "__main__.py"
    )
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    failed = []
    for start in range(0, len(modules), 8):  # eight interpreters at a time
        batch = modules[start : start + 8]
        runs = [
            subprocess.Popen(
                [sys.executable, "-c", f"import {module}"],
                cwd=PROJECT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for module in batch
        ]
        for module, run in zip(batch, runs, strict=True):
            _, err = run.communicate()
            if run.returncode != 0:
                failed.append(f"{module}: {err.strip().splitlines()[-1]}")
    assert not failed, "\n".join(failed)
