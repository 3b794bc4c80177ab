"""A printable document, independent of its file format.

The builders here lay views (the dicts of `views.py`) out as a `Report`: a
title block and a flat list of blocks (headings, paragraphs, labelled
fields, tables, bullet lists, the coverage map, page breaks). `export_pdf` and `export_docx`
draw the same report, so a PDF and a Word file say the same things in the
same order. Every key a view carries is shown; a missing one reads
"not in our sources". No PDF or Word library is imported here.

A new kind of block is a new NamedTuple here and one drawing function in
each exporter's DRAW table, as the coverage map (`Map`) shows.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from owes_cli.layout.cards import span, status_line
from owes_cli.messages import t

if TYPE_CHECKING:
    from owes_cli.layout.coverage_map import CoverageMap

Json = dict[str, Any]

EPOCH_ENV = "SOURCE_DATE_EPOCH"


class Run(NamedTuple):
    """A piece of text; with a url it is a link."""

    text: str
    url: str | None = None
    bold: bool = False


Inline = tuple[Run, ...]


class Heading(NamedTuple):
    text: str
    level: int  # 1: a section (bookmarked in the PDF), 2: a part of one


class Paragraph(NamedTuple):
    runs: Inline
    tone: str = "body"  # "body", "small" (fine print) or "notice" (set apart: historical data)


class Fields(NamedTuple):
    """Label and value pairs, e.g. "Run by: …"."""

    rows: tuple[tuple[str, Inline], ...]


class Table(NamedTuple):
    header: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    widths: tuple[int, ...]  # relative column widths


class Bullets(NamedTuple):
    items: tuple[tuple[int, Inline], ...]  # (depth from 0, content)


class PageBreak(NamedTuple):
    pass


class Map(NamedTuple):
    """The coverage map under its own section heading; an exporter keeps the two on one page."""

    title: str  # the heading, level 1
    drawing: CoverageMap
    description: str  # what the map shows, in words: the picture's alternative text


Block = Heading | Paragraph | Fields | Table | Bullets | Map | PageBreak


class Report(NamedTuple):
    lang: str  # "pl" or "en"
    title: str
    subtitle: str
    subject: str  # document metadata
    keywords: str
    running_head: str  # printed atop every page after the first
    generated: datetime  # when the document was made (SOURCE_DATE_EPOCH when set)
    blocks: tuple[Block, ...]


class Edition(NamedTuple):
    """What every document states about itself."""

    dataset_title: str
    as_of: str | None  # the newest date of a source about the centres
    lang: str
    generated: datetime


def generation_time(environ: dict[str, str] | os._Environ[str] = os.environ) -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that a rebuild gives the same bytes."""
    epoch = environ.get(EPOCH_ENV, "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(UTC).replace(microsecond=0)


def text(value: str, url: str | None = None, *, bold: bool = False) -> Inline:
    return (Run(value, url, bold),)


def plain_text(runs: Inline) -> str:
    return "".join(run.text for run in runs)


# --------------------------------------------------------------------------
# The three documents
# --------------------------------------------------------------------------


def directory_report(
    view: Json, county_rows: list[Json], edition: Edition, drawing: CoverageMap | None = None
) -> Report:
    """The whole directory for one period (views.directory_view), with the map of that day when given."""
    lang = edition.lang
    period = view["period"]
    blocks: list[Block] = [*_front(view, edition)]
    blocks += _period_section(period, lang)
    blocks += _overview(county_rows, view["centres"], lang)
    blocks += _map(drawing, lang)
    for centre in view["centres"]:
        blocks += [PageBreak(), *_centre_section(centre, lang)]
    blocks.append(_about_sources(lang))
    return _report(edition, t(lang, "doc_directory", period=period["name"]), view, blocks)


def centre_report(view: Json, edition: Edition, drawing: CoverageMap | None = None) -> Report:
    """One centre in full (views.centre_status_view), with the map of a day in its period when given."""
    lang = edition.lang
    centre = view["centre"]
    blocks: list[Block] = [*_front(view, edition)]
    blocks += _period_section(centre["period"], lang)
    blocks += _centre_section(centre, lang)
    blocks += _map(drawing, lang)
    blocks.append(_about_sources(lang))
    return _report(edition, f"{t(lang, 'doc_centre')}: {centre['name']}", view, blocks)


def county_report(view: Json, edition: Edition, drawing: CoverageMap | None = None) -> Report:
    """The answer for one county, with what `which-centre` shows (views.answer_view).

    The map, when given, follows the answer; it is meant to outline the county.
    """
    lang = edition.lang
    county = view["county"]
    kind = t(lang, "kind_" + county["kind"])
    named = f"{county['name']} ({county['teryt']}, {kind})"
    rows: list[tuple[str, Inline]] = [(t(lang, "county"), text(named))]
    if view["centre"]:
        rows.append((t(lang, "centre"), text(view["centre"]["name"], bold=True)))
    else:
        message = "coverage_none" if view["coverage"] == "none" else "coverage_unknown"
        rows.append((t(lang, "coverage"), text(t(lang, message, county=county["name"]))))
    blocks: list[Block] = [*_front(view, edition), Fields(tuple(rows))]
    for note in view["notes"]:  # each message starts "Note:" itself
        params = {k: v for k, v in note.items() if k != "id"}
        blocks.append(Paragraph(text(t(lang, note["id"], **params))))
    blocks += _map(drawing, lang)
    blocks += _period_section(view["period"], lang)
    if view["centre"]:
        blocks += _centre_section(view["centre"], lang, with_sources=False)
    else:
        label = t(lang, "today") if view["period_status"] == "current" else t(lang, "period")
        for centre in view["centres"]:
            blocks += _centre_section(centre, lang, with_sources=False, prefix=f"{label}: ")
        last = view["last_confirmed"]
        if last:
            prefix = f"{t(lang, 'last_confirmed')} ({span(last['period'], lang)}): "
            blocks += _centre_section(last["centre"], lang, with_sources=False, prefix=prefix)
        else:
            blocks += [Heading(t(lang, "last_confirmed"), 1), Paragraph(text(t(lang, "no_confirmed")))]
    blocks += [Heading(t(lang, "sources"), 1), _source_list(view["sources"], lang), _about_sources(lang)]
    return _report(edition, t(lang, "doc_county", county=county["name"]), view, blocks)


def _report(edition: Edition, subtitle: str, view: Json, blocks: list[Block]) -> Report:
    lang = edition.lang
    running_head = subtitle
    if view["period_status"] == "historical":
        running_head += f" · {t(lang, 'doc_historical').lower()}"
    return Report(
        lang=lang,
        title=edition.dataset_title,
        subtitle=subtitle,
        subject=t(lang, "doc_subject"),
        keywords=t(lang, "doc_keywords"),
        running_head=running_head,
        generated=edition.generated,
        blocks=tuple(blocks),
    )


# --------------------------------------------------------------------------
# Parts
# --------------------------------------------------------------------------


def _front(view: Json, edition: Edition) -> list[Block]:
    """When it was made, how fresh the data is, and whether the answer is historical."""
    lang = edition.lang
    rows = [
        (t(lang, "doc_generated"), text(edition.generated.date().isoformat())),
        (t(lang, "doc_data_as_of"), text(edition.as_of or t(lang, "not_in_sources"))),
        (t(lang, "doc_answer_on"), text(view["query"]["on"])),
    ]
    status = status_line(view, lang)
    if view["period_status"] == "current":
        return [Fields((*rows, (t(lang, "status"), text(status))))]
    # Historical or before the data starts: say so where nobody can miss it.
    return [Fields(tuple(rows)), Paragraph(text(status[:1].upper() + status[1:]), tone="notice")]


def _period_section(period: Json, lang: str) -> list[Block]:
    missing = t(lang, "not_in_sources")
    rows: list[tuple[str, Inline]] = [
        (t(lang, "period"), text(span(period, lang))),
        (t(lang, "programme"), text(period["programme"])),
        (t(lang, "measure"), text(period["measure"] or missing)),
        (t(lang, "lead"), text(period["lead"]["name"] if period["lead"] else missing)),
        (t(lang, "website"), _link_or_missing(period["website"], lang)),
        (t(lang, "aim"), text(period["aim"] or missing)),
    ]
    blocks: list[Block] = [Heading(period["name"], 1), Fields(tuple(rows))]
    if period["facts"]:
        blocks += [Heading(t(lang, "facts"), 2), Bullets(tuple((0, text(f)) for f in period["facts"]))]
    return blocks


def _map(drawing: CoverageMap | None, lang: str) -> list[Block]:
    if drawing is None or not drawing.shapes:  # a dataset of counties the shipped boundaries do not hold
        return []
    # Each legend entry with the counties drawn in its style, e.g. "Ośrodek … : żarski, żagański".
    parts = [f"{t(lang, 'map_alt')}. {drawing.subtitle}."]
    for entry in drawing.legend:
        counties = [s.name for s in drawing.shapes if s.style == entry.style and not entry.marker]
        if entry.emphasised:
            parts.append(f"{entry.text}.")
        elif counties:
            parts.append(f"{entry.text}: {', '.join(counties)}.")
    seats = [f"{seat.name}" for seat in drawing.seats]
    if seats:
        parts.append(f"{t(lang, 'map_seat').capitalize()}: {', '.join(seats)}.")
    return [Map(t(lang, "doc_map"), drawing, " ".join(parts))]


def _overview(county_rows: list[Json], centres: list[Json], lang: str) -> list[Block]:
    names = {c["id"]: c["name"] for c in centres}
    rows = tuple(
        (
            text(row["name"]),
            text(row["teryt"]),
            text(t(lang, "kind_" + row["kind"])),
            text(
                str(names.get(row["centre"]) or row["centre_name"])
                if row["centre"]
                else t(lang, "coverage_label_" + row["coverage"])
            ),
        )
        for row in county_rows
    )
    header = (t(lang, "county"), t(lang, "teryt"), t(lang, "kind"), t(lang, "centre"))
    return [Heading(t(lang, "doc_overview"), 1), Table(header, rows, (26, 10, 24, 40))]


def _centre_section(centre: Json, lang: str, *, with_sources: bool = True, prefix: str = "") -> list[Block]:
    missing = t(lang, "not_in_sources")
    period = centre["period"]
    rows: list[tuple[str, Inline]] = [
        (t(lang, "id"), text(centre["id"])),
        (t(lang, "subregion"), text(centre["subregion"] or missing)),
        (t(lang, "seat"), text(centre["seat"] or missing)),
        (t(lang, "operators"), text("\n".join(_operator(op, lang) for op in centre["operators"]) or missing)),
        (t(lang, "period"), text(f"{span(period, lang)} ({period['name']})")),
        *_address_rows(centre, lang),
        # phones and e-mails: views from the later-periods issue carry them
        (t(lang, "contact"), text(", ".join(centre.get("phones", []) + centre.get("emails", [])) or missing)),
        (t(lang, "website"), _link_or_missing(centre["website"] or period["website"], lang)),
    ]
    blocks: list[Block] = [Heading(prefix + centre["name"], 1), Fields(tuple(rows))]

    if centre["coverage"] == "confirmed":
        blocks += [
            Heading(f"{t(lang, 'counties')} ({len(centre['counties'])})", 2),
            Table(
                (t(lang, "county"), t(lang, "teryt"), t(lang, "kind")),
                tuple(
                    (text(c["name"]), text(c["teryt"]), text(t(lang, "kind_" + c["kind"]))) for c in centre["counties"]
                ),
                (45, 15, 40),
            ),
        ]
    else:
        blocks += [Heading(t(lang, "counties"), 2), Paragraph(text(t(lang, "doc_centre_counties_unknown")))]
    if centre["facts"]:
        blocks += [Heading(t(lang, "facts"), 2), Bullets(tuple((0, text(f)) for f in centre["facts"]))]

    blocks.append(Heading(t(lang, "services"), 2))
    if centre["services"]:
        blocks.append(
            Table(
                (t(lang, "group"), t(lang, "service")),
                tuple((text(t(lang, "group_" + s["group"])), text(s["name"])) for s in centre["services"]),
                (28, 72),
            )
        )
    else:
        blocks.append(Paragraph(text(missing)))

    blocks.append(Heading(t(lang, "audiences"), 2))
    if centre["audiences"]:
        depths = tuple((1 if a["part_of"] else 0, text(a["name"])) for a in centre["audiences"])
        blocks.append(Bullets(depths))
    else:
        blocks.append(Paragraph(text(missing)))

    if centre["events"]:
        blocks += [
            Heading(t(lang, "events"), 2),
            Bullets(
                tuple(
                    (0, text(f"{e['date'] or t(lang, 'reported') + ' ' + e['reported']}: {e['description']}"))
                    for e in centre["events"]
                )
            ),
        ]
    if centre["documents"]:
        blocks += [
            Heading(t(lang, "documents"), 2),
            Bullets(
                tuple(
                    (0, (Run(d["title"], d["url"]),) + ((Run(f" — {d['note']}"),) if d["note"] else ()))
                    for d in centre["documents"]
                )
            ),
        ]
    if with_sources:
        blocks += [Heading(t(lang, "sources"), 2), _source_list(centre["sources"], lang)]
    return blocks


def _operator(op: Json, lang: str) -> str:
    unit = f", {op['unit']}" if op["unit"] else ""
    return f"{op['name']}{unit} ({t(lang, 'role_' + op['role'])})"


def _address_rows(centre: Json, lang: str) -> list[tuple[str, Inline]]:
    """One row per address, labelled with what it is where the source says so."""
    rows = []
    for a in centre["addresses"]:
        label = t(lang, "address") + (f" ({a['label']})" if a["label"] else "")
        dated = f" ({t(lang, 'as_of')} {a['as_of']})" if a["as_of"] else ""
        rows.append((label, text(f"{a['street']}, {a['city']}{dated}")))
    return rows or [(t(lang, "address"), text(t(lang, "not_in_sources")))]


def _link_or_missing(url: str | None, lang: str) -> Inline:
    return text(url, url) if url else text(t(lang, "not_in_sources"))


def _source_list(sources: list[Json], lang: str) -> Bullets:
    items = []
    for s in sources:
        details = [s["publisher"]] if s["publisher"] else []
        details.append(s["date"] or t(lang, "undated"))
        runs: Inline = (Run(s["title"], bold=True), Run(", " + ", ".join(details)))
        if s["url"]:
            runs += (Run(" — "), Run(s["url"], s["url"]))
        items.append((0, runs + (Run(f" [{s['id']}]"),)))
    return Bullets(tuple(items))


def _about_sources(lang: str) -> Paragraph:
    return Paragraph(text(t(lang, "doc_about_sources")), tone="small")
