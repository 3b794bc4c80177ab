"""Broken datasets: each names its place and exits 5, and nothing crashes.

tests/broken/ holds one file per failure (syntax, types, keys, references,
TERYT codes, overlaps, dates, links, control characters, encodings). The
cases a file cannot hold (10 MB, a directory, a missing or unreadable file,
a FIFO, a device) are made at test time.
"""

from __future__ import annotations

import builtins
import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import PROJECT, Owes

from owes_cli.errors import ExitCode

BROKEN = PROJECT / "tests" / "broken"
DATASETS = PROJECT / "tests" / "datasets"

# Each file's one problem: its place (line or key path) and what is wrong.
EXPECTED = {
    "01-toml-unclosed-string.toml": "line 5: TOML syntax error: Illegal character '\\n'",
    "02-toml-missing-equals.toml": "line 2: TOML syntax error: Expected '=' after a key in a key/value pair",
    "03-toml-key-twice.toml": "line 24: TOML syntax error: Cannot overwrite a value",
    "04-toml-unclosed-header.toml": "line 14: TOML syntax error: Expected ']]' at the end of an array declaration",
    "05-toml-unclosed-inline-table.toml": "line 6: TOML syntax error: Unclosed inline table",
    "06-type-schema-string.toml": "schema: expected integer, found string",
    "07-type-sources-string.toml": "organisations[0].sources: expected array of strings, found string",
    "08-type-name-number.toml": "centres[0].name: expected string, found integer",
    "09-type-date-unquoted.toml": "periods[0].from: expected string (YYYY, YYYY-MM or YYYY-MM-DD), found date",
    "10-type-services-table.toml": "services: expected array of tables, found table",
    "11-missing-centre-period.toml": "centres[0].period: the required key “period” is missing",
    "12-missing-dataset-table.toml": "dataset: the required key “dataset” is missing",
    "13-missing-english-name.toml": "services[0].name.en: the required key “en” is missing",
    "14-unknown-key-adress.toml": "centres[0].adress: unknown key “adress”; did you mean “addresses”?",
    "15-unknown-key-webiste.toml": "organisations[0].webiste: unknown key “webiste”; did you mean “website”?",
    "16-unknown-table-organizations.toml": "organizations: unknown key “organizations”; did you mean “organisations”?",
    "17-duplicate-centre-id.toml": "centres[1].id: the id “c1” is used twice",
    "18-duplicate-county.toml": "counties[1].teryt: the id “0811” is used twice",
    "19-unknown-organisation.toml": "periods[0].lead: “orgg” does not exist in organisations; did you mean “org”?",
    "20-unknown-source.toml": "organisations[0].sources[1]: “sr” does not exist in sources; did you mean “src”?",
    "21-unknown-period.toml": "centres[0].period: “p2” does not exist in periods",
    "22-county-not-in-teryt.toml": "counties[1].teryt: the code 0899 is not in the TERYT register",
    "23-county-outside-region.toml": "counties[1].teryt: county 1206 is not in region 08",
    "24-county-name-mismatch.toml": "counties[0].name: in the TERYT register county 0811 is called “żarski”, not “zarski”",
    "25-teryt-not-a-code.toml": "counties[1].teryt: “08AB” is not a TERYT code",
    "26-coverage-unknown-county.toml": "centres[0].coverage.counties[1]: county 0812 is not in the counties table",
    "27-county-two-centres.toml": "centres[1].coverage.counties[0]: county 0811 has two centres at the same time: c2 and c1",
    "28-date-unparseable.toml": "periods[0].to: “wrzesień 2015” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
    "29-date-impossible.toml": "sources[0].date: “2014-02-30” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
    "30-end-before-start.toml": "periods[0].to: the end 2013-03 is before the start 2015-09",
    "31-url-javascript.toml": "sources[0].url: “javascript:alert(document.cookie)” is not an http(s) address",
    "32-url-file.toml": "organisations[0].website: “file:///etc/passwd” is not an http(s) address",
    "33-control-character.toml": "centres[0].name: the control character U+001B at position 9; data must be plain text",
    "34-bidi-override.toml": "organisations[0].name: the control character U+202E at position 13; data must be plain text",
    "35-schema-version.toml": "schema: schema version 2 is not supported (supported: 1)",
    "36-no-sources.toml": "audiences[0].sources: a fact with no source: give at least one source",
    "37-bad-choice.toml": "centres[0].operators[0].role: “sponsor” is not one of: lead, partner, consortium member",
    "38-empty-text.toml": "sources[0].title: empty text",
    "39-too-deep.toml": "line 57: arrays or tables nested too deeply",
    "40-integer-too-long.toml": "line 2: TOML syntax error: Exceeds the limit (4300 digits) for integer string conversion",
    "41-empty.toml": "the file is empty",
    "42-whitespace-only.toml": "the file is empty",
    "43-binary-garbage.toml": "line 1: the file contains NUL bytes; it is not a TOML text file",
    "44-latin2.toml": "line 5: the file is not UTF-8 (perhaps ISO-8859-2 or Windows-1250?)",
    "45-utf8-bom.toml": "line 1: the file starts with a byte-order mark; save it as UTF-8 without BOM",
    "46-paragraph-separator.toml": "centres[0].name: the invisible line break U+2029 at position 8; data must be plain text (use \\n)",
    "47-line-separator.toml": "centres[0].subregion: the invisible line break U+2028 at position 14; data must be plain text (use \\n)",
    "48-region-is-a-county.toml": "dataset.region.teryt: “0811” is not a voivodeship's code (two TERYT digits, e.g. 08)",
    "49-dotted-key-too-deep.toml": "line 33: a dotted key has more than 16 parts",
    "50-id-runs-a-command.toml": 'centres[0].id: “x\\");touch /tmp/PWNED;ws=(\\"” cannot be an id: '
    "use lowercase letters a–z, digits, “-”, “_” and “.”, starting with a letter or digit",
    "51-id-with-a-space.toml": "services[0].id: “Doradztwo prawne” cannot be an id: "
    "use lowercase letters a–z, digits, “-”, “_” and “.”, starting with a letter or digit",
    "52-region-twice.toml": "dataset.region.teryt[1]: the voivodeship 08 is listed twice",
    "53-region-without-counties.toml": "dataset.region.teryt[1]: no county of voivodeship 02 is in the counties table",
}


def test_the_corpus_is_complete() -> None:
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(EXPECTED)
    assert len(EXPECTED) >= 30


def test_the_base_they_break_is_valid(owes: Owes) -> None:
    path = DATASETS / "minimal.toml"
    run = owes("validate", str(path))
    assert (run.exit_code, run.stderr) == (ExitCode.OK, "")
    assert run.stdout.startswith(f"The dataset {path} is valid: 1 centre, 1 county, 1 source.\n")
    # Its source keeps no quotes: each of its statements is counted as our summary.
    assert "Without a quote from their source (our summary): 4 facts.\n" in run.stdout


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_dataset_names_its_place(owes: Owes, name: str) -> None:
    path = BROKEN / name
    expected = f"The dataset {path} is invalid (1 problem):\n  {path}: {EXPECTED[name]}\n"
    for args in (
        ["validate", str(path)],
        ["counties", "--data", str(path)],
        ["which-centre", "--county", "żarski", "--data", str(path)],
    ):
        run = owes(*args)
        assert (run.exit_code, run.stdout, run.stderr) == (ExitCode.INVALID_DATASET, "", expected), args


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_dataset_in_polish(owes: Owes, name: str) -> None:
    path = BROKEN / name
    run = owes("validate", str(path), "--lang", "pl")
    header, problem = run.stderr.splitlines()
    assert header == f"Zbiór danych {path} jest błędny (1 problem):"
    place = place_of(EXPECTED[name]).replace("line ", "wiersz ")
    assert problem.startswith(f"  {path}: {place}: " if place else f"  {path}: ")
    english = EXPECTED[name][len(place_of(EXPECTED[name])) :]
    assert english not in problem, "the problem itself must be in Polish too"


def place_of(problem: str) -> str:
    """ "line 5" or "centres[0].name" from "centres[0].name: expected ..."; "" for the whole file."""
    first = problem.split(": ", 1)[0]
    return "" if first == problem or " " in first.removeprefix("line ") else first


def test_validate_reports_every_problem_in_one_run(owes: Owes) -> None:
    path = DATASETS / "many-problems.toml"
    run = owes("validate", str(path))
    assert run.exit_code == ExitCode.INVALID_DATASET
    assert run.stderr == (
        f"The dataset {path} is invalid (5 problems):\n"
        f"  {path}: sources[0].url: “ftp://example.org/zrodlo” is not an http(s) address\n"
        f"  {path}: organisations[0].webiste: unknown key “webiste”; did you mean “website”?\n"
        f"  {path}: periods[0].to: “2015-13” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD\n"
        f"  {path}: counties[0].kind: “rural” is not one of: land, city\n"
        f"  {path}: centres[0].audiences[1]: “a2” does not exist in audiences\n"
    )
    report = json.loads(owes("validate", str(path), "--format", "json").stdout)
    assert report["valid"] is False
    assert [p["where"] for p in report["problems"]] == [
        "sources[0].url",
        "organisations[0].webiste",
        "periods[0].to",
        "counties[0].kind",
        "centres[0].audiences[1]",
    ]


# --------------------------------------------------------------------------
# Made at test time
# --------------------------------------------------------------------------


def assert_invalid(run: Any, path: Path | str, problem: str) -> None:
    assert (run.exit_code, run.stdout) == (ExitCode.INVALID_DATASET, "")
    assert run.stderr == f"The dataset {path} is invalid (1 problem):\n  {path}: {problem}\n"


def test_ten_megabytes(owes: Owes, tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_bytes(b"# padding\n" * 1_048_576)  # 10 MiB of comments
    assert_invalid(owes("validate", str(path)), path, "the file has 10485760 bytes; the limit is 262144")


def test_a_directory(owes: Owes, tmp_path: Path) -> None:
    assert_invalid(owes("counties", "--data", str(tmp_path)), tmp_path, "this is a directory, not a file")


def test_a_missing_file(owes: Owes, tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    assert_invalid(owes("validate", str(path)), path, "the file does not exist")
    assert_invalid(owes("centres", env={"OWES_DATA": str(path)}), path, "the file does not exist")


def test_an_unreadable_file(owes: Owes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.toml"
    path.write_bytes((DATASETS / "minimal.toml").read_bytes())
    path.chmod(0)
    if os.access(path, os.R_OK):
        # Running as root (as CI does), where mode 000 does not stop a read:
        # the OS's refusal is simulated at the one call that opens the file.
        real_open = builtins.open

        def refusing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
            if str(file) == str(path):
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", refusing_open)
    assert_invalid(owes("validate", str(path)), path, "permission denied")


def test_a_fifo_does_not_block(owes: Owes, tmp_path: Path) -> None:
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)  # opening it would wait for a writer forever
    assert_invalid(owes("validate", str(path)), path, "this is not a regular file (a device, pipe or socket)")


def test_an_endless_device(owes: Owes) -> None:
    assert_invalid(
        owes("counties", "--data", "/dev/zero"), "/dev/zero", "this is not a regular file (a device, pipe or socket)"
    )


def test_a_nul_in_the_path(owes: Owes) -> None:
    run = owes("validate", "bad\x00name.toml")
    assert_invalid(run, "bad\ufffdname.toml", "the path contains a NUL character")
