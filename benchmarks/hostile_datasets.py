"""Time every command on datasets made to be slow, up to the size limit (MAX_BYTES) and the document cap.

    python benchmarks/hostile_datasets.py [--limit-seconds 2.0] [--fractions 1]
        [--skip "export -o - --format html"] [--only validate centres] [--only pdf,docx]
        [--cases 1,6] [--warm] [--timeout 600]

The datasets (tests/big_datasets.py) are those of issues 14 and 20: open-ended
periods (in Lubuskie, and over all 380 counties of Poland), periods each
covering all 14 counties, a dotted key of thousands of parts, a broken file
with hundreds of thousands of problems, services every centre lists, a
dataset shaped like all of Poland, and one period with thousands of centres.
Each size is as large as fits under the limit; the last two shapes also as
large as the document cap (MAX_PARTS) lets through as a PDF or Word directory
(cases 9 and 10: the most expensive documents that are drawn, not refused). Every command, every export
included (pdf, docx, xlsx, html, geojson, svg, png), runs as a fresh
process, as a user would start it, and by default reads and checks the
dataset itself (no cache: the first run after the file is written or
edited, the worst case; --warm takes it from a cache filled before). The
report gives each run's wall time and its
CPU time (user + system of the child, which on a loaded machine is close to
the wall time the same run takes on an idle one), flags any whose CPU time
is over the limit, and ends with the slowest. A measurement, not a test: it
prints, and exits 1 only when a command was over the limit.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))
sys.path.insert(0, str(PROJECT / "benchmarks"))

import big_datasets  # noqa: E402 - lives beside the tests that use it small
import synthetic_datasets  # noqa: E402 - beside this file

from owes_cli.domain.dataset import MAX_BYTES  # noqa: E402
from owes_cli.layout.report import MAX_PARTS  # noqa: E402

COMMANDS = [
    ["validate"],
    ["counties"],
    ["centres"],
    ["periods"],
    ["which-centre", "--county", "żarski"],
    ["history", "--county", "żarski"],
    ["export", "-o", "-", "--format", "pdf"],
    ["export", "-o", "-", "--format", "docx"],
    # A county's fact sheet: where no source gives the county's coverage it lists every centre.
    ["export", "--county", "żarski", "-o", "-", "--format", "pdf"],
    ["export", "--county", "żarski", "-o", "-", "--format", "docx"],
    ["export", "-o", "-", "--format", "xlsx"],
    ["export", "-o", "-", "--format", "html"],
    ["export", "-o", "-", "--format", "geojson"],
    ["map", "-o", "-", "--format", "svg"],
    ["map", "-o", "-", "--format", "png"],
]


# (name, the dataset of a count, a count to start from, whether its directory must fit MAX_PARTS)
CASES: list[tuple[str, Callable[[int], str], int, bool]] = [
    ("open-ended periods", big_datasets.open_periods, 1000, False),
    ("periods covering all 14 counties", big_datasets.every_county_each_period, 1000, False),
    ("dotted key parts", big_datasets.deep_key, 10_000, False),
    ("centres with 4 problems each", big_datasets.many_problems, 1000, False),
    ("services listed by every centre", big_datasets.services_everywhere, 20, False),
    ("open-ended periods over all 380 counties of Poland", big_datasets.national_open_periods, 100, False),
    ("3-year periods of a dataset shaped like all of Poland", synthetic_datasets.national, 4, False),
    ("centres of one period", big_datasets.one_period_many_centres, 100, False),
    ("services listed by every centre, at the document cap", big_datasets.services_everywhere, 20, True),
    ("centres of one period, at the document cap", big_datasets.one_period_many_centres, 100, True),
]


def largest(make: Callable[[int], str], start: int, capped: bool = False) -> tuple[int, str]:
    """The largest count whose dataset fits under MAX_BYTES (doubling, then bisecting); `capped`:
    whose directory also holds at most MAX_PARTS parts, so that its PDF and Word are drawn."""

    def fits(count: int) -> bool:
        text = make(count)
        return len(text.encode()) <= MAX_BYTES and (not capped or _directory_parts(text) <= MAX_PARTS)

    low, high = 0, start
    while fits(high):
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low, make(low)


def _directory_parts(text: str) -> int:
    """The parts of the directory (`owes export`, no --county) of a dataset."""
    from owes_cli.directory import Directory
    from owes_cli.layout import report

    os.environ["OWES_NO_CACHE"] = "1"  # counted here, not cached (`run` sets it for each command)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "data.toml"
        path.write_text(text, encoding="utf-8")
        return report.parts(Directory.load(path, lang="en").document())


def run(args: list[str], data: Path, cache: Path | None, timeout: float = 600) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds (user + system of the child), exit code, bytes on stderr.

    With no `cache`, the dataset is read and checked on the run (OWES_NO_CACHE), as
    on the first run after the file was written or edited: the worst case, and the
    default. With one, the checked dataset comes from that cache directory.
    A run still going after `timeout` seconds is stopped: exit code -1, and its
    CPU time is at least the timeout's share the machine gave it.
    """
    # As an installed tool runs: bytecode cached (startup.py does the same), so that
    # compiling fpdf2's sources on every run is not counted against a dataset.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update({"OWES_LANG": "en", "OWES_DATA": "", "PYTHONUNBUFFERED": ""})
    if cache is None:
        env["OWES_NO_CACHE"] = "1"
    else:
        env.pop("OWES_NO_CACHE", None)
        env["XDG_CACHE_HOME"] = str(cache)
    before = os.times()
    began = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-m", "owes_cli", *args, "--data", str(data)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    ) as child:
        try:
            _, errors = child.communicate(timeout=timeout)
            code = child.returncode
        except subprocess.TimeoutExpired:
            child.kill()
            _, errors = child.communicate()
            code = -1
    wall = time.perf_counter() - began
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, code, len(errors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit-seconds", type=float, default=2.0)  # issue 20: every command
    parser.add_argument(
        "--fractions",
        default="1",
        help="sizes to run, as fractions of the largest that fits, e.g. 0.25,0.5,1 to see the growth",
    )
    parser.add_argument(
        "--skip", action="append", default=[], help="a command not to run, as listed, e.g. 'export -o - --format html'"
    )
    parser.add_argument(
        "--only",
        nargs="*",
        default=[],
        help="run only the commands starting with these words or holding them as words (pdf: every PDF export)",
    )
    parser.add_argument("--timeout", type=float, default=600, help="stop a command after this many seconds")
    parser.add_argument(
        "--warm",
        action="store_true",
        help="take the checked dataset from a cache filled by one run before (default: read and check it on each run)",
    )
    parser.add_argument("--cases", default="", help="run only these datasets, by number (1-10), comma-separated")
    options = parser.parse_args()
    only = [word for words in options.only for word in words.split(",") if word]
    commands = [
        args
        for args in COMMANDS
        if " ".join(args) not in options.skip
        and (not only or any(" ".join(args).startswith(word) or word in args for word in only))
    ]
    cases = [
        case for number, case in enumerate(CASES, 1) if not options.cases or str(number) in options.cases.split(",")
    ]
    slow = 0
    worst: list[tuple[float, str]] = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, make, start, capped in cases:
            largest_count, _ = largest(make, start, capped)
            for fraction in (float(f) for f in options.fractions.split(",")):
                count = max(1, int(largest_count * fraction))
                path = Path(scratch) / "data.toml"
                path.write_text(make(count), encoding="utf-8")
                cache = None
                if options.warm:
                    cache = Path(tempfile.mkdtemp(dir=scratch))
                    run(["validate"], path, cache)
                print(f"\n{count:,} {name} ({path.stat().st_size / 1024:,.0f} KB)", flush=True)
                slow += run_all(path, commands, cache, options, worst, f"{count:,} {name}")
    seconds, what = max(worst)
    print(f"\n{slow} command(s) over {options.limit_seconds} s of CPU; the slowest: {seconds:.2f} s, {what}")
    return 1 if slow else 0


def run_all(
    path: Path,
    commands: list[list[str]],
    cache: Path | None,
    options: argparse.Namespace,
    worst: list[tuple[float, str]],
    dataset: str,
) -> int:
    """Run every command on one dataset; the number over the limit (in CPU seconds). Each goes into `worst`."""
    slow = 0
    for args in commands:
        wall, cpu, code, errors = run(args, path, cache, options.timeout)
        worst.append((cpu, f"{' '.join(args)} on {dataset}"))
        flag = "  STOPPED" if code == -1 else "  OVER THE LIMIT" if cpu > options.limit_seconds else ""
        slow += bool(flag)
        print(
            f"  {' '.join(args):40} {cpu:6.2f} s CPU {wall:6.2f} s wall  exit {code}  stderr {errors:,} B{flag}",
            flush=True,
        )
    return slow


if __name__ == "__main__":
    sys.exit(main())
