"""The `owes` command line: parse options, ask the `Directory` once, hand the answer to an output.

Errors become messages and exit codes in one place, `OwesGroup.main`,
which Typer's CliRunner exercises as well as the real command.
"""

from __future__ import annotations

import codecs
import copy
import errno
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from owes_cli import answers
from owes_cli import messages as i18n
from owes_cli.answers import NoteInfo, to_json
from owes_cli.cli import click_compat, files, signals, streams
from owes_cli.cli.help import LocalisedContext, describe_usage_error, localise_help
from owes_cli.cli.output import NO_PAGER, Output, switch_pager_off
from owes_cli.directory import Directory
from owes_cli.domain.dates import (
    FIRST_YEAR,
    LAST_YEAR,
    DateOutOfRangeError,
    NoSuchDayError,
    PartialDateError,
    parse_day,
)
from owes_cli.errors import DatasetError, ExitCode, OwesError, UsageError
from owes_cli.layout import listings, sections
from owes_cli.messages import t
from owes_cli.render import plain as render
from owes_cli.safe_text import printable

# What a terminal without Polish letters shows instead (LANG=C, PYTHONIOENCODING=ascii).
_ASCII_STAND_INS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "„": '"',
        "”": '"',
        "“": '"',
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
        "…": "...",
        "•": "*",
        "×": "x",
        "\ufffd": "?",
        "\u00a0": " ",
    }
)


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


def _prepare_streams() -> Callable[[], None]:
    """Streams that say when they fail, and signals that clean up; returns what undoes both."""
    if sys.stderr is None:  # started with stderr closed (2>&-): messages go nowhere
        sys.stderr = open(os.devnull, "w")  # not closed: it lives as long as the process
    handlers = signals.install()
    streams.sane_columns()
    streams.fix_stderr_encoding()
    original = streams.install()
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:  # an in-memory stdout under a test runner
        try:
            reconfigure(errors="owes-fold")
        except (ValueError, OSError):
            pass

    def undo() -> None:
        streams.restore(original)
        signals.restore(handlers)

    return undo


def _peek_lang(args: list[str]) -> str | None:
    # The last --lang wins, as Click takes the last of a repeated option for the data.
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found


class OwesGroup(TyperGroup):
    """Runs a command and turns every failure into a message and an exit code."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        argv = _take_no_pager(argv)
        peeked = _peek_lang(argv)
        lang = i18n.resolve_lang(peeked if peeked and peeked.strip().lower() in i18n.LANGS else None)
        i18n.activate(lang)
        undo_streams = _prepare_streams()
        localise_help(self, lang)
        for command in [self, *self.commands.values()]:
            command.context_class = LocalisedContext
        code: int = ExitCode.OK
        completing = f"_{(prog_name or 'owes').replace('-', '_').upper()}_COMPLETE" in os.environ
        if not _without_lang(argv) and not completing:  # `owes` alone: what it is and where to start
            try:
                sys.stdout.write(t(lang, "overview") + "\n")
                sys.stdout.flush()
            except (BrokenPipeError, OSError):
                code = _quiet_broken_pipe()
            undo_streams()
            if standalone_mode:
                sys.exit(code)
            return code
        try:
            _check_lengths(argv)
            result = super().main(
                argv,
                prog_name or "owes",
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
            code = result if isinstance(result, int) else ExitCode.OK
            if code == ExitCode.INTERRUPTED:  # Typer turns Ctrl-C into Exit(130) before we see it
                _say(t(lang, "interrupted"))
        except OwesError as err:
            _say(err.message(lang))
            code = err.exit_code
        except click_compat.NoArgsIsHelpError as err:
            _say(err.format_message())
            code = ExitCode.USAGE
        except click_compat.ClickException as err:
            _say(describe_usage_error(err, lang))
            code = ExitCode.USAGE
        except (KeyboardInterrupt, typer.Abort):
            _say(t(lang, "interrupted"))
            code = ExitCode.INTERRUPTED
        except signals.Terminated as stop:
            _say(t(lang, "terminated", signal=stop.name))
            code = stop.exit_code
        except (BrokenPipeError, files.ReaderGone):
            code = _quiet_broken_pipe()
        except OSError as err:
            if err.errno != errno.EPIPE:
                raise
            code = _quiet_broken_pipe()
        undo_streams()
        if standalone_mode:
            sys.exit(code)
        return code


def _without_lang(argv: list[str]) -> list[str]:
    rest, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            rest.append(arg)
    return rest


def _take_no_pager(argv: list[str]) -> list[str]:
    # `--no-pager` is taken anywhere before `--`, before or after the command, as git takes it.
    end = argv.index("--") if "--" in argv else len(argv)
    off = NO_PAGER in argv[:end]
    switch_pager_off(off)
    return [a for a in argv[:end] if a != NO_PAGER] + argv[end:] if off else argv


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
    return ExitCode.BROKEN_PIPE


app = typer.Typer(
    cls=OwesGroup,
    name="owes",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Options shared by the commands; their help text is replaced per language.
LangOption = Annotated[str | None, typer.Option("--lang", metavar="pl|en", show_default=False)]
FormatOption = Annotated[str | None, typer.Option("--format", "-f", metavar="auto|table|plain|json|csv")]
DataOption = Annotated[str | None, typer.Option("--data", metavar="PATH", show_default=False)]
OnOption = Annotated[str | None, typer.Option("--on", metavar="YYYY-MM-DD", show_default=False)]


def _show_version(value: bool) -> None:
    if value:
        from owes_cli import version

        sys.stdout.write(f"owes {version()}\n")
        raise typer.Exit()


@app.callback()
def owes(
    show_version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True)] = False,
    lang: LangOption = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", show_default=False)] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", show_default=False)] = False,
) -> None:
    """Directory of Lubuskie's Social Economy Support Centres (OWES)."""
    from owes_cli.domain import dataset_cache

    dataset_cache.disable(no_cache)  # set on every run: a test runs many in one process
    # `owes --lang pl CMD` works like `owes CMD --lang pl`: OwesGroup.main has
    # already read --lang from anywhere on the line; here it is only checked.
    if lang is not None and lang.strip().lower() not in i18n.LANGS:
        raise UsageError("bad_lang", value=lang)


R = TypeVar("R")


def _directory(lang: str | None, data: str | None) -> Directory:
    """The directory a command asks, in the run's language (--lang, else the one OwesGroup.main found)."""
    return Directory.load(data, lang=lang if lang is not None else i18n.active_lang())


def _day(on: str | None) -> date | None:
    return None if on is None else _parsed(on, parse_day)


def _when(on: str | None) -> tuple[date, date] | None:
    """--on as a day, or a whole month (2014-06) or year (2014) as its first and last days."""
    from owes_cli.domain.dates import parse_when

    return None if on is None else _parsed(on, parse_when)


def _parsed(on: str, parse: Callable[[str], R]) -> R:
    """--on read by `parse`, its faults said as usage errors."""
    try:
        return parse(on)
    except DateOutOfRangeError:
        raise UsageError(
            "date_out_of_range", value=on, first=f"{FIRST_YEAR}-01-01", last=f"{LAST_YEAR}-12-31"
        ) from None
    except NoSuchDayError as err:
        raise UsageError("no_such_day", day=err.day) from None
    except PartialDateError:
        raise UsageError("bad_date", value=on) from None


def _warn_notes(notes: tuple[NoteInfo, ...], lang: str, out: Output) -> None:
    # Machine formats carry notes in the data; people also see them on stderr.
    if out.for_machines:
        for note in notes:
            _say(i18n.note_text(to_json(note), lang))


def _complete_county(incomplete: str) -> list[str]:
    """Shell completion: the dataset's counties whose name starts with what was typed."""
    from owes_cli.domain.names import fold, without_diacritics

    typed = fold(incomplete)
    try:
        counties = Directory.load(os.environ.get("OWES_DATA") or None).dataset.counties.values()
    except OwesError:
        return []
    found = []
    for county in counties:
        if incomplete.isdigit():
            if county.teryt.startswith(incomplete):
                found.append(county.teryt)
        elif county.name.lower().startswith(incomplete.lower()):
            found.append(county.name)
        elif fold(county.name).startswith(typed):
            # Typed without Polish letters ("zar"): offered so ("zarski"), which owes reads as well.
            found.append(without_diacritics(county.name))
    return sorted(found)


def _complete_centre(incomplete: str) -> list[str]:
    """Shell completion: the centres' ids."""
    try:
        centres = Directory.load(os.environ.get("OWES_DATA") or None).dataset.centres
    except OwesError:
        return []
    return sorted(c for c in centres if c.startswith(incomplete.lower()))


CountyOption = Annotated[
    str | None, typer.Option("--county", "-c", show_default=False, autocompletion=_complete_county)
]
CentreOption = Annotated[
    str | None, typer.Option("--centre", metavar="ID", show_default=False, autocompletion=_complete_centre)
]
OutputOption = Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", show_default=False)]
ForceOption = Annotated[bool, typer.Option("--force", show_default=False)]


@app.command("which-centre")
def which_centre(
    words: Annotated[list[str] | None, typer.Argument(metavar="[COUNTY|PLACE|LAT,LON]", show_default=False)] = None,
    county: CountyOption = None,
    place: Annotated[str | None, typer.Option("--place", "-p", metavar="TEXT", show_default=False)] = None,
    at: Annotated[str | None, typer.Option("--at", metavar="LAT,LON", show_default=False)] = None,
    on: OnOption = None,
    full: Annotated[bool, typer.Option("--full", show_default=False)] = False,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    directory = _directory(lang, data)
    out = Output(fmt, directory.lang)
    if words and at is not None and len(words) == 1 and _is_number(at) and _is_number(words[0]):
        raise UsageError("at_two_words", lat=at.strip().rstrip(","), lon=words[0].strip())
    if words and (county is None) != (place is None) and at is None:
        # `--place Nowa Sól` without quotes: the words after it are the rest of the name.
        if place is not None:
            place = " ".join([place, *words])
        elif county is not None:
            county = " ".join([county, *words])
        words = None
    when = _when(on)
    if when is not None and when[0] != when[1]:  # a whole month or year: every centre of that time
        assert on is not None
        if words:
            raise UsageError("during_needs_option")
        during = directory.which_centres_during(when[0], when[1], on.strip(), county=county, place=place, at=at)
        out.card(during, sections.during_answer(during, directory.lang), answers.during_rows(during))
        return
    if words:
        if county is not None or place is not None or at is not None:
            asked = [o for o, v in (("--county", county), ("--place", place), ("--at", at)) if v is not None]
            raise UsageError("which_centre_one_place", given=", ".join([" ".join(words), *asked]))
        # `owes which-centre Nowa Sól` without quotes: the words are one name.
        answer = directory.which_centre_read(" ".join(words), on=_day(on))
        # Which reading was taken goes to stderr, with the option that asks for it.
        _say(i18n.note_text(to_json(answer.notes[0]), directory.lang))
        _warn_notes(answer.notes[1:], directory.lang, out)
    else:
        answer = directory.which_centre(county=county, place=place, at=at, on=_day(on))
        _warn_notes(answer.notes, directory.lang, out)
    # The short answer fits one screen; --full is everything, sources included.
    layout = sections.county_card if full else sections.short_answer
    out.card(answer, layout(answer, directory.lang), answers.answer_rows(answer))


def _is_number(text: str) -> bool:
    try:
        float(text.strip().rstrip(",").replace(",", "."))
    except ValueError:
        return False
    return True


def _listing_command(name: str, ask: Callable[[Directory], Sequence[R]], columns: list[listings.Column[R]]) -> None:
    """A command that lists one table of the dataset, with no options of its own."""

    def command(fmt: FormatOption = None, lang: LangOption = None, data: DataOption = None) -> None:
        directory = _directory(lang, data)
        Output(fmt, directory.lang).listing(ask(directory), columns, t(directory.lang, name))

    app.command(name)(command)


@app.command("centres")
def centres(fmt: FormatOption = None, lang: LangOption = None, data: DataOption = None) -> None:
    directory = _directory(lang, data)
    out = Output(fmt, directory.lang)
    rows = directory.centres()
    if out.format == "csv":  # a spreadsheet's row per centre: names, not ids; counties by name or "unknown"
        unknown = t(directory.lang, "coverage_label_unknown")
        rows = [r._replace(county_names=r.county_names or unknown) for r in rows]
    out.listing(rows, listings.CENTRES, t(directory.lang, "centres"), csv_columns=listings.CENTRES_CSV)


@app.command("centre")
def centre(
    centre_id: Annotated[str, typer.Argument(metavar="ID", show_default=False, autocompletion=_complete_centre)],
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    directory = _directory(lang, data)
    out = Output(fmt, directory.lang)
    found = directory.centre(centre_id)
    out.card(found, sections.centre_card(found, directory.lang), answers.centre_row(found))


@app.command("counties")
def counties(on: OnOption = None, fmt: FormatOption = None, lang: LangOption = None, data: DataOption = None) -> None:
    directory = _directory(lang, data)
    rows = directory.counties(on=_day(on))
    Output(fmt, directory.lang).listing(rows, listings.county_columns(rows), t(directory.lang, "counties"))


@app.command("places")
def places_listing(
    county: CountyOption = None,
    place: PlaceOption = None,
    at: AtOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    directory = _directory(lang, data)
    code = directory.county_code(county=county, place=place, at=at)
    Output(fmt, directory.lang).listing(directory.places(code), listings.PLACES, t(directory.lang, "places"))


@app.command("place")
def place_detail(
    name: Annotated[list[str], typer.Argument(metavar="NAME", show_default=False)],
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    from owes_cli.answers import detail

    directory = _directory(lang, data)
    out = Output(fmt, directory.lang)
    # `owes place Nowa Sól` without quotes: the words are one name.
    found = directory.place(" ".join(name))
    _warn_notes(found.notes, directory.lang, out)
    out.card(found, sections.place_card(found, directory.lang), detail.place_row(found))


PlaceOption = Annotated[str | None, typer.Option("--place", "-p", metavar="TEXT", show_default=False)]
AtOption = Annotated[str | None, typer.Option("--at", metavar="LAT,LON", show_default=False)]


@app.command("services")
def services(
    centre_id: CentreOption = None,
    county: CountyOption = None,
    place: PlaceOption = None,
    at: AtOption = None,
    on: OnOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    directory = _directory(lang, data)
    rows = directory.services(centre=centre_id, county=county, place=place, at=at, on=_day(on))
    Output(fmt, directory.lang).listing(rows, listings.SERVICES, t(directory.lang, "services"))


_listing_command("audiences", Directory.audiences, listings.AUDIENCES)


@app.command("sources")
def sources(
    quotes: Annotated[bool, typer.Option("--quotes", show_default=False)] = False,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    directory = _directory(lang, data)
    out = Output(fmt, directory.lang)
    rows = directory.sources()
    columns = listings.SOURCES_WITH_QUOTES if quotes else listings.SOURCES
    if out.for_machines or (out.format == "plain" and not quotes):
        out.listing(rows, columns, t(directory.lang, "sources"))
    else:  # a terminal (web addresses whole, as links), or the quotes
        out.blocks(sections.sources_list(rows, directory.lang, quotes=quotes))


_listing_command("periods", Directory.periods, listings.PERIODS)


@app.command("history")
def history(
    county: CountyOption = None,
    place: PlaceOption = None,
    at: AtOption = None,
    centre_id: CentreOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    directory = _directory(lang, data)
    out = Output(fmt, directory.lang)
    found = directory.history(county=directory.county_code(county=county, place=place, at=at), centre=centre_id)
    title = f"{t(directory.lang, 'history')}: {found.subject}"
    from owes_cli.answers.tables import CountyHistory

    if isinstance(found, CountyHistory):
        out.listing(found.rows, listings.COUNTY_HISTORY, title)
    else:
        out.listing(found.rows, listings.CENTRE_HISTORY, title)


@app.command("validate")
def validate(
    path: Annotated[str | None, typer.Argument(metavar="[PATH]", show_default=False)] = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    directory = _directory(lang, path if path is not None else data)
    out = Output(fmt, directory.lang, allowed=("auto", "plain", "table", "json"))
    report = directory.validate()
    if out.format == "json":
        out.write(render.to_json(report))
    elif report.counts is not None:
        counts = report.counts
        message = t(
            directory.lang,
            "valid",
            path=report.path,
            centres=counts.centres,
            counties=counts.counties,
            sources=counts.sources,
        )
        # How many statements rest on our summary of a source rather than a quote of it, and which.
        message += "\n" + t(directory.lang, "valid_unquoted", count=len(report.unquoted or ()))
        for item in report.unquoted or ():
            sources = ", ".join(item.sources)
            message += "\n" + t(directory.lang, "unquoted_line", where=item.where, record=item.record, sources=sources)
        out.write(message + "\n")
    if not report.valid:
        if out.format != "json":
            # Every problem, each as soon as it is written: other commands list only the first ones.
            invalid = DatasetError(report.path, list(report.found))
            _say(invalid.headline(directory.lang))
            for line in invalid.problem_lines(directory.lang):
                _say(line)
        raise typer.Exit(ExitCode.INVALID_DATASET)


@app.command("map")
def coverage_map(
    output: Annotated[str, typer.Option("--output", "-o", metavar="FILE.svg|FILE.png", show_default=False)],
    on: OnOption = None,
    image_format: Annotated[str | None, typer.Option("--format", "-f", metavar="svg|png", show_default=False)] = None,
    county: CountyOption = None,
    place: PlaceOption = None,
    at: AtOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    from owes_cli.render import map_image as map_render

    directory = _directory(lang, data)
    kind = _prepare_output(output, image_format, ("svg", "png"), force)
    # --county, --place or --at: that county outlined and named in the legend.
    drawing = directory.coverage_map(on=_day(on), emphasise=directory.county_code(county=county, place=place, at=at))
    files.write_output(output, map_render.to_png(drawing) if kind == "png" else map_render.to_svg(drawing), force=force)
    if output != files.STDOUT:
        _say(t(directory.lang, "map_written", path=output))


@app.command("export")
def export(
    output: OutputOption = None,
    doc_format: Annotated[str | None, typer.Option("--format", "-f", metavar="pdf|docx|xlsx|html")] = None,
    centre_id: CentreOption = None,
    county: Annotated[
        str | None, typer.Option("--county", "-c", metavar="NAME", show_default=False, autocompletion=_complete_county)
    ] = None,
    place: PlaceOption = None,
    at: AtOption = None,
    on: OnOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    directory = _directory(lang, data)
    if output is None:
        raise UsageError("export_needs_output")
    kind = _prepare_output(output, doc_format, ("pdf", "docx", "xlsx", "html"), force)
    if kind == "html":  # the whole directory: its search answers for any county or place
        if centre_id is not None or county is not None:
            raise UsageError("html_whole_directory")
        from owes_cli.render import html

        files.write_output(output, html.render(directory.web_page(on=_day(on))), force=force)
        return
    if kind == "xlsx":  # the whole dataset, every period: no centre, county or day to choose
        if centre_id is not None or county is not None or place is not None or at is not None or on is not None:
            raise UsageError("xlsx_whole_dataset")
        from owes_cli.layout.report import generation_time
        from owes_cli.render import xlsx

        files.write_output(output, xlsx.render(directory.spreadsheet(), generation_time()), force=force)
        return
    # Without --on the answer is for the day the document is made.
    document = directory.document(on=_day(on), county=county, place=place, at=at, centre=centre_id)
    if kind == "pdf":
        from owes_cli.render import pdf

        content = pdf.render(document)
    else:
        from owes_cli.render import word

        content = word.render(document)
    files.write_output(output, content, force=force)


def _prepare_output(output: str, chosen: str | None, allowed: tuple[str, ...], force: bool) -> str:
    """The file format, after checking the target can be written: before the work, not after."""
    kind = files.choose_format(output, chosen, allowed)
    if output != files.STDOUT:
        files.check_target(Path(output), force=force)
    return kind


# The group's own options that take a value; what follows them is not a command's name.
_GROUP_VALUE_OPTIONS = ("--lang",)
_GROUP_FLAGS = ("--no-cache", "--no-pager")


def _command_to_run(args: list[str]) -> str | None:
    """The name of the command on the line, when nothing else needs the others.

    None (build them all) for the group's own --help or --version, an option
    the group does not know, shell completion, or a name that is no command
    (its error suggests the nearest of them all). Peeked only to choose what
    to build: Click still parses the whole line.
    """
    if any(key.endswith("_COMPLETE") for key in os.environ):
        return None
    names = {info.name for info in app.registered_commands}
    position = 0
    while position < len(args):
        arg = args[position]
        if arg in _GROUP_VALUE_OPTIONS:
            position += 2
        elif arg in _GROUP_FLAGS or arg.startswith(tuple(o + "=" for o in _GROUP_VALUE_OPTIONS)):
            position += 1
        else:
            return arg if arg in names else None
    return None


def main() -> None:
    # Building every command's Click object costs about 6 ms; a run needs one.
    # The group's --help and completion still build (and list) them all.
    name = _command_to_run(sys.argv[1:])
    if name is None:
        app()
        return
    lean = copy.copy(app)
    lean.registered_commands = [info for info in app.registered_commands if info.name == name]
    lean()
