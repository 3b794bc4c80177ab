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
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from owes_cli import answers
from owes_cli import messages as i18n
from owes_cli.answers import NoteInfo, to_json
from owes_cli.cli import click_compat
from owes_cli.cli import output as cli_output
from owes_cli.cli.output import NO_PAGER, Output, switch_pager_off
from owes_cli.directory import Directory, Where
from owes_cli.errors import ExitCode, OwesError, UsageError
from owes_cli.layout import short_answer
from owes_cli.messages import printable, t

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
    handlers = cli_output.handle_signals()
    cli_output.sane_columns()
    cli_output.fix_stderr_encoding()
    original = cli_output.install()
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:  # an in-memory stdout under a test runner
        try:
            reconfigure(errors="owes-fold")
        except (ValueError, OSError):
            pass

    def undo() -> None:
        cli_output.restore(original)
        cli_output.restore_signals(handlers)

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
        """The line without --no-pager, the run's language (active from here on), and what undoes the output."""
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
            say(t(lang, "interrupted"))
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
    say(message)
    return code


def _pipe_failure(err: BaseException, lang: str) -> int:
    if isinstance(err, BrokenPipeError | cli_output.ReaderGone) or getattr(err, "errno", None) == errno.EPIPE:
        return _quiet_broken_pipe()
    raise err


# Every failure a run can end in, the first class that fits: what is said, and the exit code.
_FAILURES: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], Callable[[Any, str], int]], ...] = (
    (OwesError, lambda err, lang: _said(err.message(lang), err.exit_code)),
    (click_compat.NoArgsIsHelpError, lambda err, lang: _said(err.format_message(), ExitCode.USAGE)),
    (click_compat.ClickException, lambda err, lang: _said(_usage_error(err, lang), ExitCode.USAGE)),
    ((KeyboardInterrupt, typer.Abort), lambda err, lang: _said(t(lang, "interrupted"), ExitCode.INTERRUPTED)),
    (cli_output.Terminated, lambda err, lang: _said(t(lang, "terminated", signal=err.name), err.exit_code)),
    ((OSError, cli_output.ReaderGone), _pipe_failure),  # the reader left: quietly; any other OSError is a bug
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


def say(message: str) -> None:
    """A message for the person, on stderr (stdout carries only data), made safe to show."""
    try:
        sys.stderr.write(printable(message.rstrip("\n")) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr gone or full: the exit code still tells
        pass


def _quiet_broken_pipe() -> int:
    # The reader left (`owes counties | head -1`); send the rest nowhere.
    cli_output.discard_stdout()
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
        str | None, typer.Option("--county", "-c", show_default=False, autocompletion=complete_county)
    ],
    "CentreOption": lambda: Annotated[
        str | None, typer.Option("--centre", metavar="ID", show_default=False, autocompletion=complete_centre)
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
    A function named by a string is cli/commands.py's, imported when first read.
    """

    def __init__(self, function: Callable[..., Any] | str) -> None:
        if isinstance(function, str):
            # Typer's help would be the docstring; every command's is the catalogue's (cli.help).
            self.__name__, self.__doc__ = function, None
        else:
            self.function = function
            self.__name__, self.__doc__ = function.__name__, function.__doc__
        self.__annotations__: dict[str, Any] = {}  # typing.get_type_hints reads them; Typer takes the signature's

    @functools.cached_property
    def function(self) -> Callable[..., Any]:
        from owes_cli.cli import commands

        found: Callable[..., Any] = getattr(commands, self.__name__)
        return found

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


def directory_for(lang: str | None, data: str | None) -> Directory:
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

    def __init__(self, function: Callable[..., None] | str, *, output: bool, words: bool) -> None:
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
        directory = directory_for(options.pop("lang"), options.pop("data"))
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


def warn_notes(notes: Sequence[NoteInfo], lang: str, out: Output | None) -> None:
    """Notes for people on stderr: how a bare word was read, always; the others where a
    machine format carries them in the data (a terminal's answer shows them itself)."""
    for note in notes:
        if note.id == "read_as" or out is None or out.for_machines:
            say(i18n.note_text(to_json(note), lang))


def complete_county(incomplete: str) -> list[str]:
    """Shell completion: the dataset's counties whose name starts with what was typed."""
    try:
        return Directory.load(os.environ.get("OWES_DATA") or None).complete_county(incomplete)
    except OwesError:
        return []


def complete_centre(incomplete: str) -> list[str]:
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
        from owes_cli.layout import sections  # the cards but the short answer (owes_cli.layout)

        if where is not None and where.option is None:
            raise UsageError("during_needs_option")
        during = directory.which_centres_during(first, last, (on or "").strip(), where=where)
        out.card(during, sections.during_answer(during, directory.lang, today=today), answers.during_rows(during))
        return
    answer = directory.which_centre(where, on=first)
    warn_notes(answer.notes, directory.lang, out)
    # The short answer fits one screen; --full is everything, sources included.
    if full:
        from owes_cli.layout import sections

        blocks = sections.county_card(answer, directory.lang, today=today)
    else:
        blocks = short_answer(answer, directory.lang, today=today)
    out.card(answer, blocks, answers.answer_rows(answer))


def _is_number(text: str) -> bool:
    try:
        float(text.strip().rstrip(",").replace(",", "."))
    except ValueError:
        return False
    return True


# The other commands, in the order `owes --help` lists them: (name, function in cli/commands.py,
# with --format, with bare words). Their code loads when Typer builds one of them (`_Read`).
COMMANDS = (
    ("centres", "centres", True, False),
    ("centre", "centre", True, False),
    ("counties", "counties", True, False),
    ("places", "places_listing", True, False),
    ("place", "place_detail", True, False),
    ("services", "services", True, True),
    ("audiences", "audiences", True, False),
    ("sources", "sources", True, False),
    ("periods", "periods", True, False),
    ("history", "history", True, True),
    ("validate", "validate", None, False),  # its own options: the dataset to check is an argument
    ("map", "coverage_map", False, False),
    ("export", "export", False, False),
)
for name, function, output, words in COMMANDS:
    app.command(name)(_Read(function) if output is None else _Command(function, output=output, words=words))


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
