"""Time the common commands as a user runs them, against Python's own start-up.

    python benchmarks/startup.py [--runs 15] [--only NAME ...]

Each case runs as a fresh process (as a user would start it), `--runs` times
after one warm-up; the report gives the median and the ratio to
`python -c pass` on the same machine in the same run. This is a measurement,
not a test: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
OWES = [PY, "-m", "owes_cli"]

# A minimal Typer app that prints a one-row Rich table: the floor for any
# Typer + Rich tool, to tell our own cost from the framework's.
MINIMAL_TYPER = """
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


def cases(workdir: Path) -> dict[str, list[str]]:
    minimal = workdir / "minimal_typer.py"
    minimal.write_text(MINIMAL_TYPER, encoding="utf-8")
    return {
        "python -c pass": [PY, "-c", "pass"],
        "minimal typer+rich table": [PY, str(minimal)],
        "owes --help": [*OWES, "--help"],
        "which-centre --county żarski": [*OWES, "which-centre", "--county", "żarski"],
        "which-centre --county (json)": [*OWES, "which-centre", "--county", "żarski", "--format", "json"],
        "which-centre --county (table)": [*OWES, "which-centre", "--county", "żarski", "--format", "table"],
        "which-centre --place Żary": [*OWES, "which-centre", "--place", "Żary"],
        # A village of the region, a village only elsewhere (a bisection of data/localities.tsv), a typo.
        "which-centre --place Olbrachtów": [*OWES, "which-centre", "--place", "Olbrachtów"],
        "which-centre --place Piotrkowice (elsewhere)": [*OWES, "which-centre", "--place", "Piotrkowice"],
        "which-centre --place Olbrachtuw (typo)": [*OWES, "which-centre", "--place", "Olbrachtuw"],
        "which-centre --at 51.6417,15.1381": [*OWES, "which-centre", "--at", "51.6417,15.1381"],
        "which-centre --at (outside, Poznań)": [*OWES, "which-centre", "--at", "52.4064,16.9252"],
        "counties": [*OWES, "counties"],
        # The whole directory, the largest document; --force because every run rewrites it.
        "export pdf (directory)": [*OWES, "export", "-o", str(workdir / "owes.pdf"), "--force"],
        "export docx (directory)": [*OWES, "export", "-o", str(workdir / "owes.docx"), "--force"],
        # Reading and checking the whole dataset, which every --data file goes through.
        "validate": [*OWES, "validate"],
        "which-centre, unknown county": [*OWES, "which-centre", "--county", "nowhere"],
    }


# As installed by pip, modules run from cached bytecode. Some sandboxes set
# PYTHONDONTWRITEBYTECODE, which would recompile our sources on every run and
# time the compiler, not the tool; the warm-up run below writes the cache.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV["NO_COLOR"] = "1"


def time_once(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--only", nargs="*", help="names of cases to run (substring match)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        selected = cases(Path(tmp))
        if args.only:
            selected = {
                k: v
                for k, v in selected.items()
                if k in ("python -c pass", "minimal typer+rich table") or any(o in k for o in args.only)
            }
        for command in selected.values():
            time_once(command)  # warm the file and bytecode caches
        # Round-robin: a machine that slows down for a while slows every case alike.
        samples: dict[str, list[float]] = {name: [] for name in selected}
        for _ in range(args.runs):
            for name, command in selected.items():
                samples[name].append(time_once(command))
        medians = {name: statistics.median(times) for name, times in samples.items()}
    base = medians["python -c pass"]
    framework = medians.get("minimal typer+rich table")
    print(f"{'case':40} {'median ms':>10} {'× python':>9} {'× typer app':>12}")
    for name, seconds in medians.items():
        versus_app = f"{seconds / framework:12.2f}" if framework else f"{'':>12}"
        print(f"{name:40} {seconds * 1000:10.1f} {seconds / base:9.1f} {versus_app}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
