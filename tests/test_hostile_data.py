"""What a dataset must not be able to do: style, link, run or be evaluated.

tests/datasets/hostile-names.toml is valid, but its names are Rich markup,
a file: link, spreadsheet formulas, format strings and shell substitutions.
Each prints literally; CSV cells that a spreadsheet would run are neutralised.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT, Owes

from owes_cli.errors import ExitCode

HOSTILE = PROJECT / "tests" / "datasets" / "hostile-names.toml"
MARKUP = "[bold red]Ośrodek[/] [link=file:///etc/passwd]testowy[/link]"
FORMULA = '=HYPERLINK("https://example.org/";"Organizacja")'
# The operator quotes none of its (hostile) source: its role reads as our summary of it (issue 21).
# (its title's tab is shown as a space, as every control character).
SUMMARY = "according to “ =cmd|' /C calc'!A0” (our summary)"


def test_markup_and_formulas_print_literally_as_plain_text(owes: Owes) -> None:
    run = owes("centre", "c1", "--data", str(HOSTILE))
    assert run.exit_code == ExitCode.OK
    lines = [" ".join(line.split()) for line in run.stdout.splitlines()]
    assert lines[:5] == [
        MARKUP,
        "=" * len(MARKUP),
        "Subregion +48 {0.__class__}",
        "Seat -1+1",
        f"Run by partner: {FORMULA} ({SUMMARY})",
    ]


def test_format_strings_and_shell_text_are_never_run(owes: Owes) -> None:
    marker = Path("/tmp/owes-pwned")
    marker.unlink(missing_ok=True)
    english = owes("services", "--data", str(HOSTILE))
    polish = owes("services", "--data", str(HOSTILE), "--lang", "pl")
    assert "%s%n {query} __import__('os')" in english.stdout
    assert "@SUM(1+1) $(touch /tmp/owes-pwned) `id`" in polish.stdout
    assert not marker.exists()


def first_csv_row(text: str) -> dict[str, str]:
    return next(csv.DictReader(io.StringIO(text)))


def test_csv_neutralises_formulas(owes: Owes) -> None:
    centre = first_csv_row(owes("centres", "--data", str(HOSTILE), "-f", "csv").stdout)
    assert centre["name"] == MARKUP  # not a formula: left as it is
    assert centre["seat"] == "'-1+1"
    assert centre["run_by"] == f"partner: {FORMULA} ({SUMMARY})"  # the role first: no longer a formula
    service = first_csv_row(owes("services", "--data", str(HOSTILE), "-f", "csv", "--lang", "pl").stdout)
    assert service["name"] == "'@SUM(1+1) $(touch /tmp/owes-pwned) `id`"
    source = first_csv_row(owes("sources", "--data", str(HOSTILE), "-f", "csv").stdout)
    assert source["title"] == "'\t=cmd|' /C calc'!A0"


def test_json_carries_the_text_unchanged(owes: Owes) -> None:
    view = json.loads(owes("centre", "c1", "--data", str(HOSTILE), "-f", "json").stdout)
    assert view["name"] == MARKUP
    assert view["operators"][0]["name"] == FORMULA


def test_on_a_real_terminal_markup_is_not_styled_and_links_are_not_made() -> None:
    # A pseudo-terminal, so Rich draws as it would for a person, with colour.
    controller, terminal = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    env.update({"TERM": "xterm-256color", "COLUMNS": "120", "OWES_LANG": "en", "COLORTERM": "truecolor"})
    process = subprocess.Popen(
        [sys.executable, "-m", "owes_cli", "centre", "c1", "--data", str(HOSTILE)],
        stdout=terminal,
        stderr=terminal,
        env=env,
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the program ended and closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    assert process.wait(timeout=30) == ExitCode.OK
    screen = b"".join(chunks).decode("utf-8")
    assert "\x1b[" in screen, "Rich did style its own headings: this really was a terminal"
    # Only the dataset's real web addresses are links (OSC 8); markup in a name never makes one.
    links = set(re.findall(r"\x1b\]8;[^;]*;([^\x1b]*)\x1b\\", screen)) - {""}
    assert links and links <= {"https://example.org/", "https://example.org/zrodlo"}, links
    assert "file:///etc/passwd" not in links
    assert "[bold red]Ośrodek[/]" in screen
    assert "[link=file:///etc/passwd]testowy[/link]" in screen
