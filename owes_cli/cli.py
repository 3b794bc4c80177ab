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
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any

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

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        peeked = _peek_lang(argv)
        lang = i18n.resolve_lang(peeked if peeked and peeked.strip().lower() in i18n.LANGS else None)
        i18n.activate(lang)
        _prepare_streams()
        i18n.localise_help(self, lang)
        code: int = ExitCode.OK
        try:
            _check_lengths(argv)
            result = super().main(argv, prog_name or "owes", complete_var, standalone_mode=False,
                                  windows_expand_args=windows_expand_args, **extra)
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
) -> None:
    """Directory of Lubuskie's Social Economy Support Centres (OWES)."""
    # `owes --lang pl CMD` works like `owes CMD --lang pl`: OwesGroup.main has
    # already read --lang from anywhere on the line; here it is only checked.
    if lang is not None and lang.strip().lower() not in i18n.LANGS:
        raise UsageError("bad_lang", value=lang)


class Session:
    """What every command needs: the language, the dataset and the register."""

    def __init__(self, lang: str | None, data: str | None) -> None:
        if lang is not None and lang.strip().lower() not in i18n.LANGS:
            raise UsageError("bad_lang", value=lang)
        self.lang = i18n.resolve_lang(lang) if lang is not None else i18n.active_lang()
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
    county: Annotated[str | None, typer.Option("--county", "-c", show_default=False)] = None,
    place: Annotated[str | None, typer.Option("--place", "-p", metavar="TEXT", show_default=False)] = None,
    at: Annotated[str | None, typer.Option("--at", metavar="LAT,LON", show_default=False)] = None,
    on: OnOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    s = Session(lang, data)
    out = Output(fmt, s.lang)
    asked = (("--county", county), ("--place", place), ("--at", at))
    given = [name for name, value in asked if value is not None]
    if not given:
        raise UsageError("which_centre_needs_place")
    if len(given) > 1:
        raise UsageError("which_centre_one_place", given=", ".join(given))
    day = _day(on)
    if county is not None:
        resolved = lookup.resolve_county(county, s.dataset, s.register)
        ans = lookup.answer(s.dataset, resolved.county, day, resolved.notes)
        view = views.answer_view(s.dataset, ans, s.lang, county)
    else:
        view = _place_answer(s, day, place, at)
    _warn_notes(view, s.lang, out)
    out.card(view, answer_card(view, s.lang), _answer_row(view))


def _place_answer(s: Session, day: date, place: str | None, at: str | None) -> dict[str, Any]:
    from owes_cli import places

    gazetteer = places.load_gazetteer()
    if at is not None:
        from owes_cli.geo import parse_coordinates

        lat, lon = parse_coordinates(at)
        found = places.place_at(lat, lon, s.dataset, s.register, gazetteer)
        query: dict[str, Any] = {"at": {"lat": lat, "lon": lon}}
    else:
        assert place is not None
        found = places.resolve_place(place, s.dataset, s.register, gazetteer)
        query = {"place": place}
    ans = lookup.answer(s.dataset, found.county, day, found.notes)
    return views.answer_view(s.dataset, ans, s.lang, query,
                             place=views.place_view(found.place, s.dataset, s.register, gazetteer))


def _warn_notes(view: dict[str, Any], lang: str, out: Output) -> None:
    # Machine formats carry notes in the data; people also see them on stderr.
    if out.format in ("json", "csv"):
        for note in view["notes"]:
            _say(i18n.note_text(note, lang))


def _answer_row(view: dict[str, Any]) -> dict[str, Any]:
    centre = view["centre"]
    place = view.get("place")
    return {
        **({"place_teryt": place["teryt"], "place_name": place["name"], "place_kind": place["kind"]}
           if place else {}),
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


@app.command("places")
def places_listing(
    county: Annotated[str | None, typer.Option("--county", "-c", show_default=False)] = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    from owes_cli import places

    s = Session(lang, data)
    out = Output(fmt, s.lang)
    gazetteer = places.load_gazetteer()
    if county is not None:
        chosen = [lookup.resolve_county(county, s.dataset, s.register).county.teryt]
    else:
        chosen = sorted(s.dataset.counties)
    rows = views.place_rows((p for c in chosen for p in gazetteer.in_county(c)), s.dataset)
    out.listing("places", rows, t(s.lang, "places"))


@app.command("place")
def place_detail(
    name: Annotated[str, typer.Argument(metavar="NAME", show_default=False)],
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    from owes_cli import places
    from owes_cli.cards import place_card

    s = Session(lang, data)
    out = Output(fmt, s.lang)
    gazetteer = places.load_gazetteer()
    found = places.resolve_place(name, s.dataset, s.register, gazetteer)
    view = views.place_detail_view(found.place, found.notes, s.dataset, s.register, gazetteer, s.lang)
    _warn_notes(view, s.lang, out)
    row = {"teryt": view["teryt"], "name": view["name"], "kind": view["kind"],
           "gmina": view["gmina"]["teryt"], "town": view["town"]["teryt"] if view["town"] else None,
           "county_teryt": view["county"]["teryt"],
           "county_name": view["county"]["name"], "voivodeship": view["voivodeship"]}
    out.card(view, place_card(view, s.lang), row)


@app.command("map")
def coverage_map(
    output: Annotated[str, typer.Option("--output", "-o", metavar="FILE.svg|FILE.png", show_default=False)],
    on: OnOption = None,
    image_format: Annotated[str | None, typer.Option("--format", "-f", metavar="svg|png",
                                                     show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", show_default=False)] = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    from owes_cli import coverage_map as model
    from owes_cli import files, map_render, places

    s = Session(lang, data)
    kind = files.choose_format(output, image_format, ("svg", "png"))
    if output != files.STDOUT:
        files.check_target(Path(output), force=force)  # before drawing, not after
    drawing = model.coverage_map(s.dataset, s.register, places.load_gazetteer(), _day(on), s.lang)
    files.write_output(output, map_render.to_png(drawing) if kind == "png" else map_render.to_svg(drawing),
                       force=force)
    if output != files.STDOUT:
        _say(t(s.lang, "map_written", path=output))


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
    centre_id: Annotated[str | None, typer.Option("--centre", metavar="ID", show_default=False)] = None,
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


@app.command("periods")
def periods(fmt: FormatOption = None, lang: LangOption = None, data: DataOption = None) -> None:
    s = Session(lang, data)
    Output(fmt, s.lang).listing("periods", views.period_rows(s.dataset, s.lang), t(s.lang, "periods"))


@app.command("history")
def history(
    county: Annotated[str | None, typer.Option("--county", "-c", show_default=False)] = None,
    centre_id: Annotated[str | None, typer.Option("--centre", metavar="ID", show_default=False)] = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    s = Session(lang, data)
    out = Output(fmt, s.lang)
    if (county is None) == (centre_id is None):
        raise UsageError("history_needs_one")
    if county is not None:
        resolved = lookup.resolve_county(county, s.dataset, s.register)
        rows = views.county_history_rows(s.dataset, resolved.county, s.lang)
        title = f"{t(s.lang, 'history')}: {resolved.county.name} ({resolved.county.teryt})"
        out.listing("county-history", rows, title)
    else:
        assert centre_id is not None
        found = lookup.find_centre(s.dataset, centre_id)
        rows = views.centre_history_rows(s.dataset, found, s.lang)
        out.listing("centre-history", rows, f"{t(s.lang, 'history')}: {found.name} ({found.id})")


@app.command("validate")
def validate(
    path: Annotated[str | None, typer.Argument(metavar="[PATH]", show_default=False)] = None,
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


DOC_FORMATS = ("pdf", "docx")


@app.command("export")
def export(
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", show_default=False)] = None,
    doc_format: Annotated[str | None, typer.Option("--format", "-f", metavar="pdf|docx")] = None,
    centre_id: Annotated[str | None, typer.Option("--centre", metavar="ID", show_default=False)] = None,
    county: Annotated[str | None, typer.Option("--county", "-c", metavar="NAME", show_default=False)] = None,
    on: OnOption = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    from owes_cli import coverage_map, files, places, report

    s = Session(lang, data)
    if output is None:
        raise UsageError("export_needs_output")
    kind = files.choose_format(output, doc_format, DOC_FORMATS)
    if centre_id is not None and county is not None:
        raise UsageError("export_one_subject")
    if output != files.STDOUT:
        files.check_target(Path(output), force=force)  # fail before the work, not after
    generated = report.generation_time()
    # Without --on the answer is for the day the document is made.
    day = _day(on) if on is not None else generated.date()
    as_of = s.dataset.as_of()
    edition = report.Edition(s.dataset.title, str(as_of) if as_of else None, s.lang, generated)
    gazetteer = places.load_gazetteer()

    def drawing(on_day: date, emphasise: str | None = None) -> coverage_map.CoverageMap:
        return coverage_map.coverage_map(s.dataset, s.register, gazetteer, on_day, s.lang, emphasise=emphasise)

    if county is not None:
        resolved = lookup.resolve_county(county, s.dataset, s.register)
        answer = lookup.answer(s.dataset, resolved.county, day, resolved.notes)
        document = report.county_report(views.answer_view(s.dataset, answer, s.lang, county), edition,
                                        drawing(day, emphasise=resolved.county.teryt))
    elif centre_id is not None:
        found = lookup.find_centre(s.dataset, centre_id)
        # The map of the centre's own time: the asked day, or the nearest day the centre ran.
        start, end = lookup.centre_span(s.dataset, found)
        map_day = max(day, start) if end is None else min(max(day, start), end)
        document = report.centre_report(views.centre_status_view(s.dataset, found, day, s.lang), edition,
                                        drawing(map_day))
    else:
        document = report.directory_report(views.directory_view(s.dataset, day, s.lang),
                                           views.county_rows(s.dataset, day), edition, drawing(day))
    if kind == "pdf":
        from owes_cli import export_pdf

        data_bytes = export_pdf.render(document)
    else:
        from owes_cli import export_docx

        data_bytes = export_docx.render(document)
    files.write_output(output, data_bytes, force=force)


def main() -> None:
    app()
