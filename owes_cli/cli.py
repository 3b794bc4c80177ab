"""The `owes` command line: parse options, call the domain, hand views to output.

Errors become messages and exit codes in one place, `OwesGroup.main`,
which Typer's CliRunner exercises as well as the real command.
"""

from __future__ import annotations

import codecs
import errno
import os
import sys
import unicodedata
from datetime import date
from typing import Annotated, Any, Optional

import typer
from typer._click import exceptions as click_errors  # Typer 0.28 vendors Click
from typer.core import TyperGroup

from owes_cli import dataset as dataset_module
from owes_cli import files, i18n, lookup, views
from owes_cli.cards import answer_card, centre_blocks
from owes_cli.dates import PartialDateError, parse_day
from owes_cli.errors import DatasetError, ExitCode, OwesError, UsageError
from owes_cli.i18n import t
from owes_cli.model import Dataset
from owes_cli.output import Output
from owes_cli.register import Register, load_register
from owes_cli.safe_text import printable


# What a terminal without Polish letters shows instead (LANG=C, PYTHONIOENCODING=ascii).
_ASCII_STAND_INS = str.maketrans({
    "ł": "l", "Ł": "L", "„": '"', "”": '"', "“": '"', "‘": "'", "’": "'", "–": "-", "—": "-",
    "…": "...", "•": "*", "×": "x", "\ufffd": "?", "\u00a0": " ",
})


def _fold_unencodable(error: UnicodeError) -> tuple[str, int]:
    """Print "ż" as "z" and "„" as '"' where the terminal's encoding has neither."""
    assert isinstance(error, UnicodeEncodeError)
    chunk = error.object[error.start : error.end].translate(_ASCII_STAND_INS)
    folded = []
    for ch in chunk:
        if ch.isascii():
            folded.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if c.isascii())
        folded.append(base or ("" if unicodedata.combining(ch) else "?"))
    return "".join(folded), error.end


codecs.register_error("owes-fold", _fold_unencodable)


def _prepare_streams() -> None:
    if sys.stderr is None:  # started with stderr closed (2>&-): messages go nowhere
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="owes-fold")
            except (ValueError, OSError):
                pass


def _peek_lang(args: list[str]) -> str | None:
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


class OwesGroup(TyperGroup):
    """Runs a command and turns every failure into a message and an exit code."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        lang = i18n.resolve_lang(_peek_lang(argv))
        _prepare_streams()
        i18n.localise_help(self, lang)
        code: int = ExitCode.OK
        try:
            _check_lengths(argv)
            result = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else ExitCode.OK
            if code == 130:  # Typer turns Ctrl-C into Exit(130) before we see it
                _say(t(lang, "interrupted"))
        except OwesError as err:
            _say(i18n.describe_error(err, lang))
            code = err.exit_code
        except click_errors.NoArgsIsHelpError as err:
            _say(err.format_message())
            code = ExitCode.USAGE
        except click_errors.ClickException as err:
            _say(i18n.describe_usage_error(err, lang))
            code = ExitCode.USAGE
        except (KeyboardInterrupt, typer.Abort):
            _say(t(lang, "interrupted"))
            code = ExitCode.INTERRUPTED
        except (BrokenPipeError, files.ReaderGone):
            code = _quiet_broken_pipe()
        except OSError as err:
            if err.errno != errno.EPIPE:
                raise
            code = _quiet_broken_pipe()
        if standalone_mode:
            sys.exit(code)
        return code


MAX_ARGUMENT = 4096  # characters: PATH_MAX; no county, date or id comes near it


def _check_lengths(argv: list[str]) -> None:
    # Refused before Click sees it: Click's own error for a stray 1 MB
    # argument takes seconds to build, and nothing valid is that long.
    for position, arg in enumerate(argv, start=1):
        if len(arg) > MAX_ARGUMENT:
            raise UsageError("argument_too_long", position=position, length=len(arg), limit=MAX_ARGUMENT)


def _say(message: str) -> None:
    try:
        sys.stderr.write(printable(message.rstrip("\n")) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr gone or full: the exit code still tells
        pass


def _quiet_broken_pipe() -> int:
    # The reader left (`owes counties | head -1`); send the rest nowhere.
    files.discard_stdout()
    return 141  # 128 + SIGPIPE, as the shell reports for a reader that left


app = typer.Typer(
    cls=OwesGroup,
    name="owes",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Options shared by the commands; their help text is replaced per language.
LangOption = Annotated[Optional[str], typer.Option("--lang", metavar="pl|en", show_default=False)]
FormatOption = Annotated[Optional[str], typer.Option("--format", "-f", metavar="auto|table|plain|json|csv")]
DataOption = Annotated[Optional[str], typer.Option("--data", metavar="PATH", show_default=False)]
OnOption = Annotated[Optional[str], typer.Option("--on", metavar="YYYY-MM-DD", show_default=False)]


class Session:
    """What every command needs: the language, the dataset and the register."""

    def __init__(self, lang: str | None, data: str | None) -> None:
        if lang is not None and lang.strip().lower() not in i18n.LANGS:
            raise UsageError("bad_lang", value=lang)
        self.lang = i18n.resolve_lang(lang)
        self.register: Register = load_register()
        self.path = dataset_module.resolve_path(data)
        self._dataset: Dataset | None = None

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            self._dataset = dataset_module.load_cached(self.path, self.register)
        return self._dataset


def _day(on: str | None) -> date:
    if on is None:
        return date.today()
    try:
        return parse_day(on)
    except PartialDateError:
        raise UsageError("bad_date", value=on) from None


@app.command("which-centre")
def which_centre(
    county: Annotated[Optional[str], typer.Option("--county", "-c", show_default=False)] = None,
    on: OnOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    s = Session(lang, data)
    out = Output(fmt, s.lang)
    if county is None:
        raise UsageError("which_centre_needs_place")
    day = _day(on)
    resolved = lookup.resolve_county(county, s.dataset, s.register)
    ans = lookup.answer(s.dataset, resolved.county, day, resolved.notes)
    view = views.answer_view(s.dataset, ans, s.lang, county)
    _warn_notes(view, s.lang, out)
    out.card(view, answer_card(view, s.lang), _answer_row(view))


def _warn_notes(view: dict[str, Any], lang: str, out: Output) -> None:
    # Machine formats carry notes in the data; people also see them on stderr.
    if out.format in ("json", "csv"):
        for note in view["notes"]:
            _say(t(lang, note["id"], **{k: v for k, v in note.items() if k != "id"}))


def _answer_row(view: dict[str, Any]) -> dict[str, Any]:
    centre = view["centre"]
    return {
        "county_teryt": view["county"]["teryt"],
        "county_name": view["county"]["name"],
        "on": view["query"]["on"],
        "period_status": view["period_status"],
        "coverage": view["coverage"],
        "centre_id": centre["id"] if centre else None,
        "centre_name": centre["name"] if centre else None,
        "from": centre["period"]["from"] if centre else view["period"]["from"],
        "to": centre["period"]["to"] if centre else view["period"]["to"],
        "sources": " ".join(src["id"] for src in view["sources"]),
    }


@app.command("centres")
def centres(fmt: FormatOption = None, lang: LangOption = None, data: DataOption = None) -> None:
    s = Session(lang, data)
    Output(fmt, s.lang).listing("centres", views.centre_rows(s.dataset, s.lang), t(s.lang, "centres"))


@app.command("centre")
def centre(
    centre_id: Annotated[str, typer.Argument(metavar="ID", show_default=False)],
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    s = Session(lang, data)
    out = Output(fmt, s.lang)
    found = lookup.find_centre(s.dataset, centre_id)
    view = views.centre_view(s.dataset, found, s.lang)
    row = {"id": view["id"], "name": view["name"], "from": view["period"]["from"],
           "to": view["period"]["to"], "coverage": view["coverage"],
           "counties": " ".join(c["teryt"] for c in view["counties"]),
           "sources": " ".join(src["id"] for src in view["sources"])}
    out.card(view, centre_blocks(view, s.lang), row)


@app.command("counties")
def counties(on: OnOption = None, fmt: FormatOption = None, lang: LangOption = None,
             data: DataOption = None) -> None:
    s = Session(lang, data)
    out = Output(fmt, s.lang)
    out.listing("counties", views.county_rows(s.dataset, _day(on)), t(s.lang, "counties"))


@app.command("services")
def services(
    centre_id: Annotated[Optional[str], typer.Option("--centre", metavar="ID", show_default=False)] = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    s = Session(lang, data)
    out = Output(fmt, s.lang)
    chosen = lookup.find_centre(s.dataset, centre_id) if centre_id is not None else None
    out.listing("services", views.service_rows(s.dataset, s.lang, chosen), t(s.lang, "services"))


@app.command("audiences")
def audiences(fmt: FormatOption = None, lang: LangOption = None, data: DataOption = None) -> None:
    s = Session(lang, data)
    Output(fmt, s.lang).listing("audiences", views.audience_rows(s.dataset, s.lang), t(s.lang, "audiences"))


@app.command("sources")
def sources(fmt: FormatOption = None, lang: LangOption = None, data: DataOption = None) -> None:
    s = Session(lang, data)
    Output(fmt, s.lang).listing("sources", views.source_rows(s.dataset), t(s.lang, "sources"))


@app.command("validate")
def validate(
    path: Annotated[Optional[str], typer.Argument(metavar="[PATH]", show_default=False)] = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    s = Session(lang, path if path is not None else data)
    out = Output(fmt, s.lang, allowed=("auto", "plain", "table", "json"))
    problems: list[Any] = []
    try:
        loaded = dataset_module.load(s.path, s.register)
    except DatasetError as err:
        problems = err.problems
        if out.format != "json":
            raise
    if out.format == "json":
        out.write(_validation_report(s, problems))
        if problems:
            raise typer.Exit(ExitCode.INVALID_DATASET)
        return
    out.write(t(s.lang, "valid", path=s.path, centres=len(loaded.centres), counties=len(loaded.counties),
                sources=len(loaded.sources)) + "\n")


def _validation_report(s: Session, problems: list[Any]) -> str:
    from owes_cli.render import to_json

    return to_json({
        "path": str(s.path),
        "valid": not problems,
        "problems": [
            {"where": p.where, "code": p.code, "message": i18n.problem_text(p, s.lang)} for p in problems
        ],
    })


def main() -> None:
    app()
