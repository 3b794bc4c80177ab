"""The `owes` commands other than `which-centre`: the listings, `centre`, `place`, `history`,
`validate`, `map` and `export`.

cli/app.py registers them by name (`COMMANDS` there) and Typer reads one from here only
when it builds it, to run it or to list them all for `owes --help`: a lookup does not read
this code. Their options are read as app.py reads which-centre's (`_Read`, `_Command`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from owes_cli import answers, render
from owes_cli.cli.app import complete_centre, directory_for, say, warn_notes
from owes_cli.cli.output import STDOUT, Output
from owes_cli.directory import Directory, Where
from owes_cli.errors import DatasetError, ExitCode, UsageError
from owes_cli.messages import t

if TYPE_CHECKING:  # what the commands' code sees of the shared options (cli.app._OPTIONS)
    from owes_cli.cli.app import (
        CentreOption,
        DataOption,
        ForceOption,
        FormatOption,
        LangOption,
        OnOption,
        OutputOption,
        QuietOption,
    )

__all__ = [
    "audiences",
    "centre",
    "centres",
    "counties",
    "coverage_map",
    "export",
    "history",
    "periods",
    "place_detail",
    "places_listing",
    "services",
    "sources",
    "validate",
]


def read_where(
    directory: Directory, where: Where | None, *, on: str | None = None, about: str = "answer"
) -> Where | None:
    """For a listing, whose table has no room for notes: how `where` was read, said on stderr."""
    if where is None:
        return None
    reading = directory.read(where, on=on, about=about)
    warn_notes(reading.notes, directory.lang, None)
    return reading.where


def written(output: str, kind: str, lang: str, quiet: bool) -> None:
    """One line on stderr that says what was written where (not for stdout, nor with --quiet)."""
    if output != STDOUT and not quiet:
        say(t(lang, f"{kind}_written", path=output))


def _listing(name: str, ask: Callable[[Directory], Sequence[Any]], columns: str) -> Callable[..., None]:
    """A command that lists one table of the dataset, with no options of its own; `columns` names its
    columns in layout.listings, which only the listing commands load."""

    def command(*, directory: Directory, out: Output) -> None:
        from owes_cli.layout import listings

        out.listing(ask(directory), getattr(listings, columns), t(directory.lang, name))

    return command


def centres(*, directory: Directory, out: Output) -> None:
    from owes_cli.layout import listings

    rows = directory.centres()
    if out.format == "csv":  # a spreadsheet's row per centre: names, not ids; counties by name or "unknown"
        unknown = t(directory.lang, "coverage_label_unknown")
        rows = [r._replace(county_names=r.county_names or unknown) for r in rows]
    out.listing(rows, listings.CENTRES, t(directory.lang, "centres"), csv_columns=listings.CENTRES_CSV)


def centre(
    centre_id: Annotated[str, typer.Argument(metavar="ID", show_default=False, autocompletion=complete_centre)],
    *,
    directory: Directory,
    out: Output,
) -> None:
    from owes_cli.layout import sections

    found = directory.centre(centre_id)
    out.card(found, sections.centre_card(found, directory.lang), answers.centre_row(found))


def counties(on: OnOption = None, *, directory: Directory, out: Output) -> None:
    from owes_cli.layout import listings

    rows = directory.counties(on=on)
    if out.on_terminal:  # grouped by answer, to fit a screen; pipes and --format keep a row per county
        day, today = directory.day(on).isoformat(), directory.today().isoformat()
        out.blocks(listings.counties_by_answer(rows, directory.lang, on=day, today=today))
    else:
        out.listing(rows, listings.county_columns(rows), t(directory.lang, "counties"))


def places_listing(
    where: Where | None = None,
    *,
    directory: Directory,
    out: Output,
) -> None:
    from owes_cli.layout import listings

    out.listing(directory.places(where=where), listings.PLACES, t(directory.lang, "places"))


def place_detail(
    name: Annotated[list[str], typer.Argument(metavar="NAME", show_default=False)],
    *,
    directory: Directory,
    out: Output,
) -> None:
    from owes_cli.layout import listings, sections

    # `owes place Nowa Sól` without quotes: the words are one name.
    found = directory.place(" ".join(name))
    warn_notes(found.notes, directory.lang, out)
    out.card(found, sections.place_card(found, directory.lang), listings.place_row(found))


def services(
    centre_id: CentreOption = None,
    where: Where | None = None,
    on: OnOption = None,
    *,
    directory: Directory,
    out: Output,
) -> None:
    from owes_cli.layout import listings

    where = read_where(directory, where, on=on)
    rows = directory.services(centre=centre_id, where=where, on=on)
    out.listing(rows, listings.SERVICES, t(directory.lang, "services"))


audiences = _listing("audiences", Directory.audiences, "AUDIENCES")


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


periods = _listing("periods", Directory.periods, "PERIODS")


def history(
    where: Where | None = None,
    centre_id: CentreOption = None,
    *,
    directory: Directory,
    out: Output,
) -> None:
    from owes_cli.layout import listings

    found = directory.history(where=read_where(directory, where, about="history"), centre=centre_id)
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
    directory = directory_for(lang, path if path is not None else data)
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
            say(invalid.headline(directory.lang))
            for line in invalid.problem_lines(directory.lang):
                say(line)
        raise typer.Exit(ExitCode.INVALID_DATASET)


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
    written(output, "map", directory.lang, quiet)


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
    written(output, kind, directory.lang, quiet)


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
    if output != STDOUT:
        files.check_target(Path(output), force=force)
    return kind
