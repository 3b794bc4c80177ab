"""Time the commands as a user runs them, against Python's own start-up and minimal Typer apps.

    python benchmarks/startup.py [--runs 15] [--only NAME ...] [--no-scale]

Each case runs as a fresh process (as a user would start it), `--runs`
times after one warm-up, round-robin so that a machine that slows down for a
while slows every case alike. Three yardsticks run with them: `python -c
pass`, a minimal Typer app that prints one line (no Rich: the floor of any
Typer tool, and the one the ratios are to) and one that prints a one-row
Rich table. The report is ONE Markdown table, ready to paste into the
README: each case's median, its ratio to `python -c pass` and to the
Typer-only app (on a terminal: to that app on the same kind of terminal),
and the process's peak memory. Terminal cases run on a
pseudo-terminal (100×40, colours on); the others write to a pipe with
NO_COLOR. Then the scale table: the same county lookup on the bundled
dataset, on synthetic ones 10× and 15× its size (15×: the most that fits the
256 KiB limit) and on one shaped like all
of Poland (benchmarks/synthetic_datasets.py), from the cache and without it.

The checked-dataset cache lives in a temporary directory that the warm-up
fills, as a user's second run finds it. A measurement, not a test: nothing
here fails a build.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import platform
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic_datasets  # lives beside this script

PY = sys.executable
OWES = [PY, "-m", "owes_cli"]

# A minimal Typer app that prints one line, without Rich: the floor for any
# Typer tool, to tell our own cost from the framework's. Every ratio is to it.
MINIMAL_TYPER = """
import typer

app = typer.Typer()

@app.command()
def main() -> None:
    print("żarski: zielona-gora-2013")

app()
"""

# The same with a one-row Rich table: the floor for a Typer + Rich tool.
MINIMAL_TYPER_RICH = """
import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()

@app.command()
def main() -> None:
    table = Table("county", "centre")
    table.add_row("żarski", "zielona-gora-2013")
    Console().print(table)

app()
"""

PYTHON = "python -c pass"
APP, APP_PTY = "minimal typer, one line", "minimal typer, one line (pty)"
RICH_APP, RICH_APP_PTY = "minimal typer+rich table", "minimal typer+rich table (pty)"
YARDSTICKS = (PYTHON, APP, APP_PTY, RICH_APP, RICH_APP_PTY)


class Case(NamedTuple):
    command: list[str]
    terminal: bool = False
    env: dict[str, str] = {}


def cases(workdir: Path) -> dict[str, Case]:
    minimal = workdir / "minimal_typer.py"
    minimal.write_text(MINIMAL_TYPER, encoding="utf-8")
    with_rich = workdir / "minimal_typer_rich.py"
    with_rich.write_text(MINIMAL_TYPER_RICH, encoding="utf-8")
    county = [*OWES, "which-centre", "--county", "żarski"]
    return {
        PYTHON: Case([PY, "-c", "pass"]),
        APP: Case([PY, str(minimal)]),
        APP_PTY: Case([PY, str(minimal)], terminal=True),
        RICH_APP: Case([PY, str(with_rich)]),
        RICH_APP_PTY: Case([PY, str(with_rich)], terminal=True),
        "owes --help": Case([*OWES, "--help"]),
        "which-centre --county żarski": Case(county),
        "which-centre --county (json)": Case([*county, "--format", "json"]),
        "which-centre --county (pty)": Case(county, terminal=True),
        "which-centre --county (no cache)": Case(county, env={"OWES_NO_CACHE": "1"}),
        "which-centre --place Żary": Case([*OWES, "which-centre", "--place", "Żary"]),
        "which-centre --place Żary (json)": Case([*OWES, "which-centre", "--place", "Żary", "--format", "json"]),
        # A gmina that is not a town's: the gmina itself answers.
        "which-centre --place gmina Bytnica": Case([*OWES, "which-centre", "--place", "gmina Bytnica"]),
        # A village of the region, a village only elsewhere (a bisection of data/localities.tsv), a typo.
        "which-centre --place Olbrachtów": Case([*OWES, "which-centre", "--place", "Olbrachtów"]),
        "which-centre --place Piotrkowice (elsewhere)": Case([*OWES, "which-centre", "--place", "Piotrkowice"]),
        "which-centre --place Olbrachtuw (typo)": Case([*OWES, "which-centre", "--place", "Olbrachtuw"]),
        # A name of three places in two counties with one answer, against a name of one place.
        "which-centre --place Łagów (same answer)": Case([*OWES, "which-centre", "--place", "Łagów"]),
        "which-centre --place Sulechów (one place)": Case([*OWES, "which-centre", "--place", "Sulechów"]),
        "which-centre --at 51.6417,15.1381": Case([*OWES, "which-centre", "--at", "51.6417,15.1381"]),
        "which-centre --at (outside, Poznań)": Case([*OWES, "which-centre", "--at", "52.4064,16.9252"]),
        "counties": Case([*OWES, "counties"]),
        "counties (pty)": Case([*OWES, "counties"], terminal=True),
        "centres": Case([*OWES, "centres"]),
        "services": Case([*OWES, "services"]),
        "history --county żarski": Case([*OWES, "history", "--county", "żarski"]),
        # The whole directory, the largest document; --force because every run rewrites it.
        "export pdf (directory)": Case([*OWES, "export", "-o", str(workdir / "owes.pdf"), "--force"]),
        "export docx (directory)": Case([*OWES, "export", "-o", str(workdir / "owes.docx"), "--force"]),
        "export xlsx (directory)": Case([*OWES, "export", "-o", str(workdir / "owes.xlsx"), "--force"]),
        "map -o m.png": Case([*OWES, "map", "-o", str(workdir / "m.png"), "--force"]),
        "map -o m.svg": Case([*OWES, "map", "-o", str(workdir / "m.svg"), "--force"]),
        # Reading and checking the whole dataset, which validate always does afresh.
        "validate": Case([*OWES, "validate"]),
        "which-centre, unknown county": Case([*OWES, "which-centre", "--county", "nowhere"]),
    }


def scale_cases(workdir: Path) -> dict[str, tuple[Path | None, int]]:
    """The datasets of the scale table: path (None: the bundled one) and size in bytes."""
    bundled = synthetic_datasets.BUNDLED
    made: dict[str, tuple[Path | None, int]] = {"bundled": (None, bundled.stat().st_size)}
    for name, text in (
        ("10× bundled", synthetic_datasets.scaled(10)),
        ("15× bundled", synthetic_datasets.scaled(15)),  # the most that fits MAX_BYTES (256 KiB)
        ("national-shaped (380 counties, 3 periods)", synthetic_datasets.national()),
        ("national-shaped, 6 yearly periods", synthetic_datasets.national(6, 1)),
    ):
        path = workdir / f"dataset-{len(made)}.toml"
        path.write_text(text, encoding="utf-8")
        made[name] = (path, path.stat().st_size)
    return made


# As installed by pip, modules run from cached bytecode. Some sandboxes set
# PYTHONDONTWRITEBYTECODE, which would recompile our sources on every run and
# time the compiler, not the tool; the warm-up run below writes the cache.
BASE_ENV = {key: value for key, value in os.environ.items() if key not in ("PYTHONDONTWRITEBYTECODE", "OWES_NO_CACHE")}


def environment(case: Case, cache: Path) -> dict[str, str]:
    env = {**BASE_ENV, "XDG_CACHE_HOME": str(cache), "OWES_DATA": "", **case.env}
    if case.terminal:  # a terminal as people have one: colours on, a known size
        env.pop("NO_COLOR", None)
        # No pager: an answer longer than the screen would wait in `less` for a key.
        env |= {"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40", "OWES_PAGER": ""}
    else:
        env["NO_COLOR"] = "1"
    return env


def run_once(case: Case, env: dict[str, str]) -> tuple[float, float, int]:
    """Wall time and CPU time (user + system) in seconds, and peak resident memory in bytes, of one run."""
    if case.terminal:
        leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
        start = time.perf_counter()
        process = subprocess.Popen(case.command, stdin=follower, stdout=follower, stderr=follower, env=env)
        os.close(follower)
        try:
            while os.read(leader, 65536):  # a terminal is read as the program writes
                pass
        except OSError:  # EIO: the program closed its side
            pass
        _, _, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        os.close(leader)
    else:
        start = time.perf_counter()
        process = subprocess.Popen(case.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _, _, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    process.returncode = 0  # reaped by wait4 above
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024  # Linux reports kilobytes


class Result(NamedTuple):
    seconds: float  # median wall time
    cpu: float  # median CPU time: what a busy machine's waiting leaves out
    peak_mb: float  # the largest peak memory


def measure(selected: dict[str, Case], runs: int, cache: Path) -> dict[str, Result]:
    """Each case's median wall and CPU seconds and largest peak memory, run round-robin."""
    envs = {name: environment(case, cache) for name, case in selected.items()}
    for name, case in selected.items():
        run_once(case, envs[name])  # warm the file, bytecode and dataset caches
    samples: dict[str, list[float]] = {name: [] for name in selected}
    cpus: dict[str, list[float]] = {name: [] for name in selected}
    peaks: dict[str, int] = dict.fromkeys(selected, 0)
    for _ in range(runs):
        for name, case in selected.items():
            seconds, cpu, peak = run_once(case, envs[name])
            samples[name].append(seconds)
            cpus[name].append(cpu)
            peaks[name] = max(peaks[name], peak)
    return {
        name: Result(statistics.median(times), statistics.median(cpus[name]), peaks[name] / 2**20)
        for name, times in samples.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--only", nargs="*", help="names of cases to run (substring match)")
    parser.add_argument("--no-scale", action="store_true", help="leave out the scale table")
    args = parser.parse_args()
    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}: {_machine()}, Python {platform.python_version()}"
    )
    print(f"{args.runs} interleaved runs per case, medians; {_load()} at the start\n")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        cache = workdir / "cache"
        selected = cases(workdir)
        if args.only:
            selected = {k: v for k, v in selected.items() if k in YARDSTICKS or any(o in k for o in args.only)}
        results = measure(selected, args.runs, cache)
        print_main_table(results, selected)
        print(f"\n{_load()} at the end; ratios to `{APP}` (terminal cases: to it on a pty)")
        if not args.no_scale:
            print()
            print_scale_table(workdir, cache, args.runs)
    return 0


def print_main_table(results: dict[str, Result], selected: dict[str, Case]) -> None:
    """Wall time and its ratios; the ratio of CPU times beside it, which a loaded machine disturbs less."""
    base = results[PYTHON].seconds
    print(
        f"| {'case':44} | {'median ms':>9} | {'× python':>8} | {'× typer app':>11} | {'× typer, CPU':>12} |"
        f" {'peak MB':>7} |"
    )
    print(f"|{'-' * 46}|{'-' * 10}:|{'-' * 9}:|{'-' * 12}:|{'-' * 13}:|{'-' * 8}:|")
    for name, (seconds, cpu, peak) in results.items():
        floor = results[APP_PTY if selected[name].terminal else APP]
        print(
            f"| {name:44} | {seconds * 1000:9.1f} | {seconds / base:8.1f} | {seconds / floor.seconds:11.2f} |"
            f" {cpu / floor.cpu:12.2f} | {peak:7.0f} |"
        )


def print_scale_table(workdir: Path, cache: Path, runs: int) -> None:
    datasets = scale_cases(workdir)
    lookup = [*OWES, "which-centre", "--county", "żarski", "--format", "json"]
    selected: dict[str, Case] = {}
    for name, (path, _) in datasets.items():
        command = lookup if path is None else [*lookup, "--data", str(path)]
        selected[name] = Case(command)
        selected[name + " (no cache)"] = Case(command, env={"OWES_NO_CACHE": "1"})
    results = measure(selected, runs, cache)
    base = results["bundled"].seconds
    print("`which-centre --county żarski --format json` by dataset size")
    print(
        f"| {'dataset':44} | {'KB':>6} | {'median ms':>9} | {'× bundled':>9} | {'no cache ms':>11} | {'peak MB':>7} |"
    )
    print(f"|{'-' * 46}|{'-' * 7}:|{'-' * 10}:|{'-' * 10}:|{'-' * 12}:|{'-' * 8}:|")
    for name, (_, size) in datasets.items():
        seconds, _, peak = results[name]
        cold = results[name + " (no cache)"].seconds
        print(
            f"| {name:44} | {size / 1024:6.0f} | {seconds * 1000:9.1f} | {seconds / base:9.2f} | {cold * 1000:11.1f} |"
            f" {peak:7.0f} |"
        )


def _load() -> str:
    """The load average, to say how busy the machine was (a loaded one slows some runs)."""
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "load average unknown"
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} CPUs"


def _machine() -> str:
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        model = platform.processor() or platform.machine()
    return f"{model}, {os.cpu_count()} CPUs"


if __name__ == "__main__":
    raise SystemExit(main())
