"""The `owes` command line: parse options, ask the `Directory` once, hand the answer to an output.

Errors become messages and exit codes in one place, `OwesGroup.main`,
which Typer's CliRunner exercises as well as the real command.
"""

from __future__ import annotations

import codecs
import copy
import errno
import functools
import gc
import inspect
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from owes_cli import answers, render
from owes_cli import messages as i18n
from owes_cli.answers import NoteInfo, to_json
from owes_cli.cli import click_compat, streams
from owes_cli.cli.output import NO_PAGER, Output, switch_pager_off
from owes_cli.directory import Directory, Where
from owes_cli.errors import DatasetError, ExitCode, OwesError, UsageError
from owes_cli.layout import short
from owes_cli.messages import t
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
    import unicodedata  # only for a terminal without these letters

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
    handlers = streams.handle_signals()
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
        streams.restore_signals(handlers)

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
        argv, lang, undo_streams = self._set_up(list(sys.argv[1:] if args is None else args))
        complete_var = complete_var or f"_{(prog_name or 'owes').replace('-', '_').upper()}_COMPLETE"
        completing = complete_var in os.environ
        if completing or any(arg.startswith(("--show-completion", "--install-completion")) for arg in argv):
            from owes_cli.cli import completion  # loaded only to complete, or to show or install a script

            completion.install()  # scripts and answers that keep values data, never code
            from owes_cli.cli.help import localise_help

            localise_help(self, lang)  # completions describe options with their help
        if not _without_lang(argv) and not completing:  # `owes` alone: what it is and where to start
            code = _overview(lang)
        else:
            code = self._run(argv, lang, prog_name, complete_var, windows_expand_args=windows_expand_args, **extra)
        undo_streams()
        if standalone_mode:
            sys.exit(code)
        return code

    def _set_up(self, argv: list[str]) -> tuple[list[str], str, Callable[[], None]]:
        """The line without --no-pager, the run's language (active from here on), and what undoes the streams."""
        argv = _take_no_pager(argv)
        peeked = _peek_lang(argv)
        lang = i18n.resolve_lang(peeked if peeked and peeked.strip().lower() in i18n.LANGS else None)
        i18n.activate(lang)
        undo_streams = _prepare_streams()
        for command in [self, *self.commands.values()]:  # help and usage in the run's language, when shown
            command.context_class = click_compat.LocalisedContext
        return argv, lang, undo_streams

    def _run(self, argv: list[str], lang: str, prog_name: str | None, complete_var: str | None, **extra: Any) -> int:
        """Run the command on the line: its exit code, or the one its failure maps to (`_FAILURES`)."""
        try:
            _check_lengths(argv)
            result = super().main(argv, prog_name or "owes", complete_var, standalone_mode=False, **extra)
        except BaseException as err:  # every failure is mapped by the table, or raised again
            return _failed(err, lang)
        code = result if isinstance(result, int) else ExitCode.OK
        if code == ExitCode.INTERRUPTED:  # Typer turns Ctrl-C into Exit(130) before we see it
            _say(t(lang, "interrupted"))
        return code


def _overview(lang: str) -> int:
    """`owes` alone: what it is and where to start."""
    try:
        sys.stdout.write(t(lang, "overview") + "\n")
        sys.stdout.flush()
    except (BrokenPipeError, OSError):
        return _quiet_broken_pipe()
    return ExitCode.OK


def _said(message: str, code: int) -> int:
    _say(message)
    return code


def _pipe_failure(err: BaseException, lang: str) -> int:
    if isinstance(err, BrokenPipeError | streams.ReaderGone) or getattr(err, "errno", None) == errno.EPIPE:
        return _quiet_broken_pipe()
    raise err


# Every failure a run can end in, the first class that fits: what is said, and the exit code.
_FAILURES: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], Callable[[Any, str], int]], ...] = (
    (OwesError, lambda err, lang: _said(err.message(lang), err.exit_code)),
    (click_compat.NoArgsIsHelpError, lambda err, lang: _said(err.format_message(), ExitCode.USAGE)),
    (click_compat.ClickException, lambda err, lang: _said(_usage_error(err, lang), ExitCode.USAGE)),
    ((KeyboardInterrupt, typer.Abort), lambda err, lang: _said(t(lang, "interrupted"), ExitCode.INTERRUPTED)),
    (streams.Terminated, lambda err, lang: _said(t(lang, "terminated", signal=err.name), err.exit_code)),
    ((OSError, streams.ReaderGone), _pipe_failure),  # the reader left: quietly; any other OSError is a bug
)


def _usage_error(err: click_compat.ClickException, lang: str) -> str:
    from owes_cli.cli.help import describe_usage_error  # the help texts load when a usage error is said

    return describe_usage_error(err, lang)


def _failed(err: BaseException, lang: str) -> int:
    for kinds, handle in _FAILURES:
        if isinstance(err, kinds):
            return handle(err, lang)
    raise err


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
    streams.discard_stdout()
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

# Options shared by the commands; their help text is replaced per language. Each is built (a
# typing.Annotated around a typer.Option, some 40 us) when Typer first reads a command that takes
# it (`_Read`): a run builds the few its command takes, not all twelve at every start-up.
_OPTIONS: dict[str, Callable[[], Any]] = {
    "LangOption": lambda: Annotated[str | None, typer.Option("--lang", metavar="pl|en", show_default=False)],
    "FormatOption": lambda: Annotated[str | None, typer.Option("--format", "-f", metavar="auto|table|plain|json|csv")],
    "DataOption": lambda: Annotated[str | None, typer.Option("--data", metavar="PATH", show_default=False)],
    "OnOption": lambda: Annotated[str | None, typer.Option("--on", metavar="YYYY-MM-DD", show_default=False)],
    "CountyOption": lambda: Annotated[
        str | None, typer.Option("--county", "-c", show_default=False, autocompletion=_complete_county)
    ],
    "CentreOption": lambda: Annotated[
        str | None, typer.Option("--centre", metavar="ID", show_default=False, autocompletion=_complete_centre)
    ],
    "OutputOption": lambda: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", show_default=False)],
    "ForceOption": lambda: Annotated[bool, typer.Option("--force", show_default=False)],
    "QuietOption": lambda: Annotated[bool, typer.Option("--quiet", "-q", show_default=False)],
    "PlaceOption": lambda: Annotated[str | None, typer.Option("--place", "-p", metavar="TEXT", show_default=False)],
    "AtOption": lambda: Annotated[str | None, typer.Option("--at", metavar="LAT,LON", show_default=False)],
    "WordsArgument": lambda: Annotated[
        list[str] | None, typer.Argument(metavar="[COUNTY|PLACE|LAT,LON]", show_default=False)
    ],
}

if TYPE_CHECKING:  # what the commands' code sees of each: the type _OPTIONS annotates
    LangOption = str | None
    FormatOption = str | None
    DataOption = str | None
    OnOption = str | None
    CentreOption = str | None
    OutputOption = str | None
    ForceOption = bool
    QuietOption = bool


class _Options(dict[str, Any]):
    """The options a signature names, each built on first use (`_OPTIONS`); any other name is not here."""

    def __missing__(self, name: str) -> Any:
        build = _OPTIONS.get(name)
        if build is None:
            raise KeyError(name)
        self[name] = built = build()
        return built


_options = _Options()


class _Read:
    """A function as Typer reads it: its signature, with the options it names built then (`_Options`).

    Typer reads a function's signature only for the commands it builds; the
    options' names in it are looked up in `_options` before the module's names.
    """

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        self.__name__, self.__doc__ = function.__name__, function.__doc__
        self.__annotations__: dict[str, Any] = {}  # typing.get_type_hints reads them; Typer takes the signature's

    @functools.cached_property
    def own(self) -> inspect.Signature:
        return inspect.signature(self.function, eval_str=True, locals=_options)

    @functools.cached_property
    def __signature__(self) -> inspect.Signature:
        return self.own

    def __call__(self, **options: Any) -> Any:
        return self.function(**options)


def _show_version(value: bool) -> None:
    if value:
        from owes_cli import version

        sys.stdout.write(f"owes {version()}\n")
        raise typer.Exit()


def owes(
    show_version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True)] = False,
    lang: LangOption = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", show_default=False)] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", show_default=False)] = False,
) -> None:
    """Directory of Lubuskie's Social Economy Support Centres (OWES)."""
    Directory.keep_checked_datasets(not no_cache)  # set on every run: a test runs many in one process
    # `owes --lang pl CMD` works like `owes CMD --lang pl`: OwesGroup.main has
    # already read --lang from anywhere on the line; here it is only checked.
    if lang is not None and lang.strip().lower() not in i18n.LANGS:
        raise UsageError("bad_lang", value=lang)


app.callback()(_Read(owes))

R = TypeVar("R")


def _directory(lang: str | None, data: str | None) -> Directory:
    """The directory a command asks, in the run's language (--lang, else the one OwesGroup.main found)."""
    return Directory.load(data, lang=lang if lang is not None else i18n.active_lang())


def _command(
    name: str, *, output: bool = True, words: bool = False
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register `function` as the command `name`, with the options every command shares.

    Typer reads a command's options from its parameters; this keeps each
    command's own, in their order, and reads the shared ones once for all:
    its keyword-only `directory` and `out`, last, become --lang and --data
    (and, with `output`, --format) at the end; a parameter `where` becomes --county, --place and
    --at where it stands (after the bare words, with `words`), all read into
    one `Where`.
    """

    def register(function: Callable[..., None]) -> Callable[..., None]:
        app.command(name)(_Command(function, output=output, words=words))
        return function

    return register


class _Command(_Read):
    """A command as Typer calls it: the function's own parameters and the shared options.

    Its signature is worked out when Typer first reads it, which it does only for
    the command it builds: at import, reading all thirteen cost some 3 ms a run.
    """

    def __init__(self, function: Callable[..., None], *, output: bool, words: bool) -> None:
        super().__init__(function)
        self.output, self.words = output, words

    @functools.cached_property
    def __signature__(self) -> inspect.Signature:
        parameters = []
        for parameter in self.own.parameters.values():
            if parameter.name == "where":
                parameters += [_option(key) for key in ("words", "county", "place", "at")[0 if self.words else 1 :]]
            elif parameter.name not in ("directory", "out"):  # keyword-only, as the ones added: Click names them all
                parameters.append(parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY))
        shared = ["fmt", "lang", "data"] if self.output else ["lang", "data"]
        return self.own.replace(parameters=parameters + [_option(key) for key in shared])

    def __call__(self, **options: Any) -> None:
        directory = _directory(options.pop("lang"), options.pop("data"))
        if "where" in self.own.parameters:
            bare = options.pop("words") if self.words else None
            options["where"] = _where(bare, options.pop("county"), options.pop("place"), options.pop("at"))
        if self.output:
            options["out"] = Output(options.pop("fmt"), directory.lang)
        self.function(directory=directory, **options)


def _option(key: str) -> inspect.Parameter:
    """A shared option, as a parameter Typer reads."""
    alias = {
        "fmt": "FormatOption",
        "lang": "LangOption",
        "data": "DataOption",
        "county": "CountyOption",
        "place": "PlaceOption",
        "at": "AtOption",
        "words": "WordsArgument",
    }[key]
    annotation = _options[alias]
    return inspect.Parameter(key, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)


def _where(
    words: list[str] | None, county: str | None = None, place: str | None = None, at: str | None = None
) -> Where | None:
    """What a command is asked about: --county, --place, --at or bare words (read each way in turn).

    `--place Nowa Sól` without quotes: the words after the option are the rest of the name.
    """
    if words and at is not None and len(words) == 1 and _is_number(at) and _is_number(words[0]):
        raise UsageError("at_two_words", lat=at.strip().rstrip(","), lon=words[0].strip())
    if words and (county is None) != (place is None) and at is None:
        if place is not None:
            place, words = " ".join([place, *words]), None
        elif county is not None:
            county, words = " ".join([county, *words]), None
    return Where.parse(county=county, place=place, at=at, words=" ".join(words) if words else None)


def _read(directory: Directory, where: Where | None, *, on: str | None = None, about: str = "answer") -> Where | None:
    """For a listing, whose table has no room for notes: how `where` was read, said on stderr."""
    if where is None:
        return None
    reading = directory.read(where, on=on, about=about)
    _warn_notes(reading.notes, directory.lang, None)
    return reading.where


def _warn_notes(notes: Sequence[NoteInfo], lang: str, out: Output | None) -> None:
    """Notes for people on stderr: how a bare word was read, always; the others where a
    machine format carries them in the data (a terminal's answer shows them itself)."""
    for note in notes:
        if note.id == "read_as" or out is None or out.for_machines:
            _say(i18n.note_text(to_json(note), lang))


def _written(output: str, kind: str, lang: str, quiet: bool) -> None:
    """One line on stderr that says what was written where (not for stdout, nor with --quiet)."""
    if output != streams.STDOUT and not quiet:
        _say(t(lang, f"{kind}_written", path=output))


def _complete_county(incomplete: str) -> list[str]:
    """Shell completion: the dataset's counties whose name starts with what was typed."""
    try:
        return Directory.load(os.environ.get("OWES_DATA") or None).complete_county(incomplete)
    except OwesError:
        return []


def _complete_centre(incomplete: str) -> list[str]:
    """Shell completion: the centres' ids."""
    try:
        return Directory.load(os.environ.get("OWES_DATA") or None).complete_centre(incomplete)
    except OwesError:
        return []


@_command("which-centre", words=True)
def which_centre(
    where: Where | None = None,
    on: OnOption = None,
    full: Annotated[bool, typer.Option("--full", show_default=False)] = False,
    *,
    directory: Directory,
    out: Output,
) -> None:
    first, last = directory.when(on)
    today = directory.today().isoformat()  # the day the answer says "Today" of, and before which it is past
    if first != last:  # a whole month or year: every centre of that time
        from owes_cli.layout import sections  # the cards but the short answer (layout/short.py)

        if where is not None and where.option is None:
            raise UsageError("during_needs_option")
        during = directory.which_centres_during(first, last, (on or "").strip(), where=where)
        out.card(during, sections.during_answer(during, directory.lang, today=today), answers.during_rows(during))
        return
    answer = directory.which_centre(where, on=first)
    _warn_notes(answer.notes, directory.lang, out)
    # The short answer fits one screen; --full is everything, sources included.
    if full:
        from owes_cli.layout import sections

        blocks = sections.county_card(answer, directory.lang, today=today)
    else:
        blocks = short.short_answer(answer, directory.lang, today=today)
    out.card(answer, blocks, answers.answer_rows(answer))


def _is_number(text: str) -> bool:
    try:
        float(text.strip().rstrip(",").replace(",", "."))
    except ValueError:
        return False
    return True


def _listing_command(name: str, ask: Callable[[Directory], Sequence[Any]], columns: str) -> None:
    """A command that lists one table of the dataset, with no options of its own; `columns` names its
    columns in layout.listings, which only the listing commands load."""

    def command(*, directory: Directory, out: Output) -> None:
        from owes_cli.layout import listings

        out.listing(ask(directory), getattr(listings, columns), t(directory.lang, name))

    _command(name)(command)


@_command("centres")
def centres(*, directory: Directory, out: Output) -> None:
    from owes_cli.layout import listings

    rows = directory.centres()
    if out.format == "csv":  # a spreadsheet's row per centre: names, not ids; counties by name or "unknown"
        unknown = t(directory.lang, "coverage_label_unknown")
        rows = [r._replace(county_names=r.county_names or unknown) for r in rows]
    out.listing(rows, listings.CENTRES, t(directory.lang, "centres"), csv_columns=listings.CENTRES_CSV)


@_command("centre")
def centre(
    centre_id: Annotated[str, typer.Argument(metavar="ID", show_default=False, autocompletion=_complete_centre)],
    *,
    directory: Directory,
    out: Output,
) -> None:
    from owes_cli.layout import sections

    found = directory.centre(centre_id)
    out.card(found, sections.centre_card(found, directory.lang), answers.centre_row(found))


@_command("counties")
def counties(on: OnOption = None, *, directory: Directory, out: Output) -> None:
    from owes_cli.layout import listings

    rows = directory.counties(on=on)
    if out.on_terminal:  # grouped by answer, to fit a screen; pipes and --format keep a row per county
        day, today = directory.day(on).isoformat(), directory.today().isoformat()
        out.blocks(listings.counties_by_answer(rows, directory.lang, on=day, today=today))
    else:
        out.listing(rows, listings.county_columns(rows), t(directory.lang, "counties"))


@_command("places")
def places_listing(
    where: Where | None = None,
    *,
    directory: Directory,
    out: Output,
) -> None:
    from owes_cli.layout import listings

    out.listing(directory.places(where=where), listings.PLACES, t(directory.lang, "places"))


@_command("place")
def place_detail(
    name: Annotated[list[str], typer.Argument(metavar="NAME", show_default=False)],
    *,
    directory: Directory,
    out: Output,
) -> None:
    from owes_cli.layout import listings, sections

    # `owes place Nowa Sól` without quotes: the words are one name.
    found = directory.place(" ".join(name))
    _warn_notes(found.notes, directory.lang, out)
    out.card(found, sections.place_card(found, directory.lang), listings.place_row(found))


@_command("services", words=True)
def services(
    centre_id: CentreOption = None,
    where: Where | None = None,
    on: OnOption = None,
    *,
    directory: Directory,
    out: Output,
) -> None:
    from owes_cli.layout import listings

    where = _read(directory, where, on=on)
    rows = directory.services(centre=centre_id, where=where, on=on)
    out.listing(rows, listings.SERVICES, t(directory.lang, "services"))


_listing_command("audiences", Directory.audiences, "AUDIENCES")


@_command("sources")
def sources(
    quotes: Annotated[bool, typer.Option("--quotes", show_default=False)] = False,
    *,
    directory: Directory,
    out: Output,
) -> None:
    from owes_cli.layout import listings, sections

    rows = directory.sources()
    columns = listings.SOURCES_WITH_QUOTES if quotes else listings.SOURCES
    if out.for_machines or (out.format == "plain" and not quotes):
        out.listing(rows, columns, t(directory.lang, "sources"))
    else:  # a terminal (web addresses whole, as links), or the quotes
        out.blocks(sections.sources_list(rows, directory.lang, quotes=quotes))


_listing_command("periods", Directory.periods, "PERIODS")


@_command("history", words=True)
def history(
    where: Where | None = None,
    centre_id: CentreOption = None,
    *,
    directory: Directory,
    out: Output,
) -> None:
    from owes_cli.layout import listings

    found = directory.history(where=_read(directory, where, about="history"), centre=centre_id)
    title = f"{t(directory.lang, 'history')}: {found.subject}"
    # For people the sources are numbered, with the list under the table; scripts get their ids.
    columns, cited = listings.numbered_sources(
        listings.history_columns(found), found.rows, directory.sources(), out.lang
    )
    out.listing(found.rows, columns, title, after=cited)


def validate(
    path: Annotated[str | None, typer.Argument(metavar="[PATH]", show_default=False)] = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    # The dataset to check is the argument, else --data, as every other command reads it.
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


app.command("validate")(_Read(validate))


@_command("map", output=False)
def coverage_map(
    output: Annotated[str, typer.Option("--output", "-o", metavar="FILE.svg|FILE.png", show_default=False)],
    on: OnOption = None,
    image_format: Annotated[str | None, typer.Option("--format", "-f", metavar="svg|png", show_default=False)] = None,
    where: Where | None = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
    *,
    directory: Directory,
) -> None:
    from owes_cli.cli import files  # loaded only by the commands that write a file
    from owes_cli.render import map_image as map_render

    kind = _prepare_output(output, image_format, ("svg", "png"), force)
    # --county, --place or --at: that county outlined and named in the legend.
    drawing = directory.coverage_map(on=on, where=where)
    files.write_output(output, map_render.to_png(drawing) if kind == "png" else map_render.to_svg(drawing), force=force)
    _written(output, "map", directory.lang, quiet)


@_command("export", output=False)
def export(
    output: OutputOption = None,
    doc_format: Annotated[str | None, typer.Option("--format", "-f", metavar="pdf|docx|xlsx|html|geojson")] = None,
    centre_id: CentreOption = None,
    where: Where | None = None,
    on: OnOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
    *,
    directory: Directory,
) -> None:
    if output is None:
        raise UsageError("export_needs_output")
    from owes_cli.cli import files  # loaded only by the commands that write a file

    kind = _prepare_output(output, doc_format, ("pdf", "docx", "xlsx", "html", "geojson"), force)
    files.write_output(output, _document(directory, kind, where, centre_id, on), force=force)
    _written(output, kind, directory.lang, quiet)


def _document(directory: Directory, kind: str, where: Where | None, centre_id: str | None, on: str | None) -> bytes:
    """The bytes of the document `export` writes."""
    if kind == "html":  # the whole directory: its search answers for any county or place
        if centre_id is not None or (where is not None and where.option == "--county"):
            raise UsageError("html_whole_directory")
        from owes_cli.render import html

        return html.render(directory.web_page(on=on, max_answers=html.MAX_ANSWERS))
    if kind == "geojson":  # the map as data: every county's answer on the day, and the seats
        if centre_id is not None or where is not None:
            raise UsageError("geojson_whole_region")
        from owes_cli.render import geojson

        return geojson.render(directory.coverage_geojson(on=on))
    if kind == "xlsx":  # the whole dataset, every period: no centre, county or day to choose
        if centre_id is not None or where is not None or on is not None:
            raise UsageError("xlsx_whole_dataset")
        from owes_cli.render import xlsx

        return xlsx.render(directory.spreadsheet(max_rows=xlsx.MAX_BUILT_ROWS), directory.generation_time())
    from owes_cli.layout.report import MAX_PARTS, MAX_SHEET_PARTS

    # Without --on the answer is for the day the document is made; one too big to draw quickly is refused.
    document = directory.document(
        on=on, where=where, centre=centre_id, max_parts=MAX_PARTS, max_sheet_parts=MAX_SHEET_PARTS
    )
    if kind == "pdf":
        from owes_cli.render import pdf

        return pdf.render(document)
    from owes_cli.render import word

    return word.render(document)


def _prepare_output(output: str, chosen: str | None, allowed: tuple[str, ...], force: bool) -> str:
    """The file format, after checking the target can be written: before the work, not after."""
    from owes_cli.cli import files

    kind = files.choose_format(output, chosen, allowed)
    if output != streams.STDOUT:
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
    # What start-up made (modules, classes, Typer's objects) lives as long as the process: frozen,
    # the cycle collector no longer walks it on each collection, nor once more at exit (a tenth of
    # the instructions of a `which-centre` run, counted with valgrind). Only here, where the
    # process is ours: a test that imports `app` and runs it is not frozen.
    gc.freeze()
    # Building every command's Click object costs about 6 ms; a run needs one.
    # The group's --help and completion still build (and list) them all.
    name = _command_to_run(sys.argv[1:])
    if name is None:
        app()
        return
    lean = copy.copy(app)
    lean.registered_commands = [info for info in app.registered_commands if info.name == name]
    # --install-completion and --show-completion are the group's: before a command's name
    # they make _command_to_run say None, so a run with a name never reads them (1 ms).
    lean._add_completion = False
    lean()
