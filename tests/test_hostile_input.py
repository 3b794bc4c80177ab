"""Fuzzing every text a user can type into `owes`, and its environment.

Whatever comes in (random Unicode, control characters, right-to-left text,
emoji, whitespace, 1 MB strings), `owes` answers or refuses calmly: no
traceback, a documented exit code, stdout empty on an error with the
message on stderr, no escape sequence echoed, and within a second (the
Hypothesis deadline on every generated case, in the "dev" profile; see conftest).

A new command joins the fuzzing with one line in COMMANDS.
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple

import pytest
from conftest import GENERATED, OWES_COMMAND, PROJECT, Run, run_owes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.core import TyperGroup

from owes_cli.errors import ExitCode


class Command(NamedTuple):
    """A command, a valid way to call it, and which of its texts a user types."""

    options: dict[str, str]  # a valid value for each option the user types
    argument: str | None = None  # a valid positional argument, if it takes one
    formats: tuple[str, ...] = ("table", "plain")  # valid --format values
    slow: bool = False  # draws a document: fewer examples, a longer deadline (see FUZZ_SLOW)


ARGUMENT = "ARG"  # stands for the positional argument in the table below
COMMON_OPTIONS = {"--lang": "en", "--format": "plain", "--data": ""}


@pytest.fixture(autouse=True, scope="module")
def in_a_scratch_directory(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A fuzzed output path lands here, never in the project."""
    before = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("scratch"))
    yield
    os.chdir(before)


COMMANDS: dict[str, Command] = {
    "which-centre": Command({"--county": "żarski", "--on": "2014-06-01"}),
    "centres": Command({}),
    "centre": Command({}, argument="gorzow-2013"),
    "counties": Command({"--on": "2014-06-01"}),
    "services": Command({"--centre": "gorzow-2013"}),
    "audiences": Command({}),
    "sources": Command({}),
    "validate": Command({}, argument=""),
    "periods": Command({}),
    "history": Command({"--county": "żarski"}),
    "places": Command({"--county": "żarski"}),
    "place": Command({}, argument="Żary"),
    "which-centre --place": Command({"--place": "w Żarach", "--on": "2014-06-01"}),
    "which-centre --at": Command({"--at": "51.6417,15.1381", "--on": "2014-06-01"}),
    # Files go to stdout ("-"): a fuzzed --output only ever creates a new file
    # in the scratch directory, as --force is never given (see option_names).
    "map": Command({"--output": "-", "--on": "2014-06-01"}, formats=("svg", "svg")),
    "export": Command(
        {"--output": "-", "--county": "żarski", "--on": "2014-06-01"}, formats=("docx", "docx"), slow=True
    ),
}
COMMON_FORMATS = {"map": "svg", "export": "docx"}  # a valid --format where plain text is not one
FAST = sorted(name for name, command in COMMANDS.items() if not command.slow)


def text_inputs(slow: bool) -> list[tuple[str, str]]:
    """Every (command, option) pair a user can type text into, of fast or slow commands."""
    pairs = []
    for name, command in COMMANDS.items():
        if command.slow != slow:
            continue
        if command.argument is not None:
            pairs.append((name, ARGUMENT))
        pairs += [(name, option) for option in [*command.options, *COMMON_OPTIONS]]
    return pairs


def command_line(name: str, fuzzed: str, value: str) -> list[str]:
    """A valid call of `name` with one of its texts replaced by `value`."""
    command = COMMANDS[name]
    options = {**command.options, **({"--format": COMMON_FORMATS[name]} if name in COMMON_FORMATS else {})}
    if fuzzed != ARGUMENT:
        options[fuzzed] = value
    args = name.split()[:1]
    for option, given_value in options.items():
        args.append(f"{option}={given_value}")  # "=": a value such as "-x" stays a value
    if fuzzed == ARGUMENT:
        args += ["--", value]
    elif command.argument:
        args.append(command.argument)
    return args


# --------------------------------------------------------------------------
# What people (and scripts gone wrong) type
# --------------------------------------------------------------------------

NASTY = [
    "",
    " ",
    "\t",
    "\n",
    "\u00a0",
    "\u3000",
    "-",
    "--",
    "--help",
    "-h",
    "=",
    "'",
    '"',
    "\\",
    "żarski",
    "ŻARSKI",
    "zarski",
    "0811",
    "08",
    "0000",
    "99",
    "Gorzów Wlkp.",
    "gorzow-2013",
    "z\u0307arski",
    "Z\u0307",
    "\u0301\u0301\u0301",
    "ﬁ",
    "İ",
    "ß",
    "Ⅻ",
    "٠٨١١",
    "０８１１",
    "עברית",
    "العربية",
    "\u202e\u2066abc\u2069",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\ufffd",
    "👩‍👩‍👧‍👦",
    "🇵🇱",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;file:///etc/passwd\x1b\\x\x1b]8;;\x1b\\",
    "\x1b[2J\x1b[H",
    "\r",
    "\x07",
    "\x08",
    "\x7f",
    "\x9b31m",
    "\x00",
    "\udcff",
    "\ud800",
    "[bold red]x[/]",
    "[link=file:///etc/passwd]x[/link]",
    "=cmd|' /C calc'!A0",
    "+1",
    "@SUM(1)",
    "{}",
    "{0}",
    "{query}",
    "%s%n",
    "$(touch /tmp/owes-pwned)",
    "`id`",
    "../../../../etc/passwd",
    "/dev/zero",
    "/dev/null",
    "/",
    ".",
    "~",
    "C:\\\\CON",
    "2014-06-01",
    "2014-02-30",
    "0000-00-00",
    "9999-12-31",
    "2014-6-1",
    "2014/06/01",
    "2014-06-01T00:00",
    "-2014-06-01",
    "1e309",
    "NaN",
    "pl",
    "PL",
    "en",
    "de",
    "p",
    "auto",
    "table",
    "json",
    "csv",
    "plain",
    "JSON",
    "yaml",
]

any_character = st.characters(exclude_categories=())  # surrogates too: undecodable argv bytes
short_text = st.text(any_character, max_size=40)
whitespace = st.text(st.sampled_from(" \t\n\r\x0b\x0c\u00a0\u2003\u2028\u3000\u180e"), max_size=12)
pieces = st.one_of(st.sampled_from(NASTY), short_text)
mixed = st.lists(pieces, max_size=6).map("".join)
MEGABYTE = 1_000_000


class Huge(str):
    """A megabyte of text that reports itself briefly when a test fails."""

    def __repr__(self) -> str:
        return f"Huge({len(self):,} characters of {str.__repr__(self[:12])}...)"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # Hypothesis's failure report
        printer.text(repr(self))


def megabyte_of(chunk: str) -> Huge:
    return Huge((chunk * (MEGABYTE // len(chunk) + 1))[:MEGABYTE])


huge = st.one_of(st.sampled_from(NASTY), short_text).filter(bool).map(megabyte_of)
ordinary = st.one_of(st.sampled_from(NASTY), short_text, whitespace, mixed, mixed, mixed)
# Mostly short and varied; one case in fifty is a whole megabyte.
hostile_text = st.integers(0, 49).flatmap(lambda n: huge if n == 0 else ordinary)

# Environment values cannot hold NUL or lone surrogates: the OS would refuse them.
env_character = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
env_text = st.one_of(
    st.sampled_from([s for s in NASTY if "\x00" not in s and not any("\ud800" <= c <= "\udfff" for c in s)]),
    st.text(env_character, max_size=40),
    whitespace,
    st.sampled_from(
        [
            "0",
            "-1",
            "1",
            "20",
            "1000000",
            "99999999999999999999",
            "abc",
            "C",
            "C.UTF-8",
            "pl_PL.ISO-8859-2",
            "xterm-256color",
            "dumb",
            "unknown",
            "vt100",
        ]
    ),
)

# The deadline comes from the Hypothesis profile (tests/conftest.py): a second per
# case in "dev", none in "ci", where a loaded runner would fail on time, not on owes.
FUZZ = settings(max_examples=250, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

DOCUMENTED = {int(code) for code in ExitCode}
# A wrong text is a usage error, a miss or an ambiguity, or (for --data) a bad dataset;
# never a write failure, an interruption or a broken pipe.
CALM = {ExitCode.OK, ExitCode.USAGE, ExitCode.NOT_FOUND, ExitCode.AMBIGUOUS, ExitCode.INVALID_DATASET}


def assert_calm(run: Run, *, writing: bool = False, binary: bool = False, silent: bool | None = None) -> None:
    """`silent`: whether success may print nothing (it wrote a file); by default when `writing`."""
    # A fuzzed output path may name a file already there, or nowhere writable: exit 6.
    assert run.exit_code in CALM | ({ExitCode.CANNOT_WRITE} if writing else set()), run
    assert "Traceback" not in run.stdout + run.stderr
    shown = run.stderr if binary else run.stdout + run.stderr  # a document's bytes are not text
    assert "\x1b" not in shown, "an escape sequence reached the terminal"
    if run.exit_code != ExitCode.OK:
        assert run.stdout == "", "an error printed data on stdout"
        assert run.stderr.strip(), "an error without a message"
    elif not (writing if silent is None else silent):
        # Success with nothing to show is a failure that hid itself (COLUMNS=0 drew nothing).
        assert run.stdout.strip(), "a success that printed nothing"
    # A value echoed back is shortened: a 1 MB query never comes back whole.
    assert len(run.stderr) < 20_000


# --------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------


def test_the_table_covers_every_command() -> None:
    covered = {name.split()[0] for name in COMMANDS}
    assert isinstance(OWES_COMMAND, TyperGroup)
    assert set(OWES_COMMAND.commands) == covered, "add the new command to COMMANDS"


def test_every_valid_call_in_the_table_answers() -> None:
    for name in COMMANDS:
        run = run_owes(*command_line(name, "--lang", "en"))
        assert run.exit_code == ExitCode.OK, (name, run)
        assert run.stdout and not run.stderr.strip() or name == "which-centre", (name, run)


@pytest.mark.parametrize(("command", "option"), text_inputs(slow=False), ids=lambda x: x)
@FUZZ
@given(value=hostile_text)
def test_any_text_in_any_option(command: str, option: str, value: str) -> None:
    GENERATED["command-line texts"] += 1
    assert_calm(run_owes(*command_line(command, option, value)), writing=option == "--output")


# A document takes a few hundred milliseconds to draw (benchmarks/startup.py
# keeps its median under a second); these few cases allow for a loaded machine.
FUZZ_SLOW = settings(FUZZ, max_examples=25, deadline=None if settings().deadline is None else 3000)


@pytest.mark.parametrize(("command", "option"), text_inputs(slow=True), ids=lambda x: x)
@FUZZ_SLOW
@given(value=hostile_text)
def test_any_text_in_a_document_command(command: str, option: str, value: str) -> None:
    GENERATED["command-line texts"] += 1
    assert_calm(run_owes(*command_line(command, option, value)), writing=option == "--output", binary=True)


ENV_VARS = ["OWES_LANG", "OWES_DATA", "COLUMNS", "LINES", "TERM", "NO_COLOR", "LANG", "LC_ALL"]


@pytest.mark.parametrize("variable", ENV_VARS)
@FUZZ
@given(value=env_text, name=st.sampled_from(FAST), choice=st.integers(0, 1))
def test_any_environment_value(variable: str, value: str, name: str, choice: int) -> None:
    GENERATED["environment values"] += 1
    run = run_owes(*command_line(name, "--format", COMMANDS[name].formats[choice]), env={variable: value})
    assert_calm(run)
    if variable not in ("OWES_DATA",):
        assert run.exit_code == ExitCode.OK, run  # a strange terminal or locale still gets its answer


# Never --force: a random line could then replace any file the tests can write.
option_names = sorted(
    {o for c in COMMANDS.values() for o in c.options} | set(COMMON_OPTIONS) | {"--help", "-f", "-c", "-o", "--"}
)


@settings(FUZZ, max_examples=1000)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(sorted({n.split()[0] for n in COMMANDS})), st.sampled_from(option_names), hostile_text
        ),
        max_size=8,
    )
)
def test_any_command_line(args: list[str]) -> None:
    GENERATED["whole command lines"] += 1
    run = run_owes(*args)
    # Only writing a file (-o, --output) may succeed without printing anything.
    assert_calm(run, writing=True, silent=any(arg.startswith(("-o", "--o")) for arg in args))


def test_documented_codes_are_the_readme_codes() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    assert {
        int(line.split("|")[1])
        for line in table.splitlines()
        if line.startswith("| ") and line.split("|")[1].strip().isdigit()
    } == DOCUMENTED
