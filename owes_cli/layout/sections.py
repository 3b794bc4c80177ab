"""How an answer is laid out, once, for every output: a county's answer, a centre, a place.

Each function turns a typed answer into neutral blocks (layout/blocks.py).
The terminal (plain text and Rich) draws them as they are; a document
(layout/report.py) puts its front matter and the map around the same
blocks. No renderer decides what an answer contains, and no text here knows
whether it will be printed or exported.

A shorter variant of an answer is one more function here, built from the
same parts: `county_header` alone (the county, the day's status, its
centre or what the sources say of its coverage) is the short answer;
`county_card` adds `county_details`. `status_line` is the one wording of
"current on …", "this period ended on …" for every output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from owes_cli.answers import (
    CentreInfo,
    CountyAnswer,
    CountyRef,
    CoverageStatus,
    Document,
    DuringAnswer,
    Event,
    Locality,
    NoteInfo,
    Operator,
    PeriodInfo,
    PeriodStatus,
    PlaceInfo,
    Point,
    Source,
    Unit,
    to_json,
)
from owes_cli.layout.blocks import Block, Bullets, Fields, Heading, Inline, Paragraph, Run, bullets, text
from owes_cli.messages import MESSAGES, kind_label, note_text, t

if TYPE_CHECKING:
    from collections.abc import Sequence

    from owes_cli.answers.detail import PlaceDetail
    from owes_cli.answers.tables import SourceRow

Rows = list[tuple[str, Inline]]


def span(period: PeriodInfo, lang: str) -> str:
    """A period's or centre's dates, "2013-03 – 2015-09"; an unknown end is said so, and
    dates no source states say how they were derived: "… (from its centres' dates)"."""
    dates = f"{period.from_} – {period.to or t(lang, 'not_in_sources')}"
    return f"{dates} ({period.derived})" if period.derived else dates


def status_line(
    status: PeriodStatus,
    lang: str,
    *,
    on: str,
    start: str,
    ended: str | None,
    period: str | None = None,
    next_start: str | None = None,
) -> str:
    """Whether the answer is of a running period, a past one, a gap between two, or before any."""
    if status is PeriodStatus.CURRENT:
        return t(lang, "status_current", on=on)
    if status is PeriodStatus.BEFORE_FIRST:
        return t(lang, "status_before_first", start=start)
    if status is PeriodStatus.BETWEEN and ended and period and next_start:
        when = t(lang, "in_year" if len(next_start) == 4 else "on_date", date=next_start)
        return t(lang, "status_between", period=period, end=ended, next=when)
    if ended:
        return t(lang, "status_historical", end=ended)
    return t(lang, "status_historical_open")


def answer_status(answer: CountyAnswer, lang: str) -> str:
    """`status_line` for a county's answer, with the period that ended and the next one."""
    return status_line(
        answer.period_status,
        lang,
        on=answer.query.on,
        start=answer.period.from_,
        ended=answer.period_ended,
        period=answer.period.name,
        next_start=answer.next_period.from_ if answer.next_period else None,
    )


def coverage_label(coverage: CoverageStatus, lang: str) -> str:
    """A coverage in one or two words, as a table cell shows it."""
    return t(
        lang,
        {"confirmed": "coverage_confirmed", "unknown": "coverage_label_unknown", "none": "coverage_label_none"}[
            coverage
        ],
    )


def county_name(county: CountyRef | Unit | Locality | PlaceInfo, lang: str) -> str:
    """ "żarski (0811, land county)"; a locality by its own id, "Mirostowice Dolne (SIMC 0912345, village)" """
    simc = getattr(county, "simc", None)
    if simc and county.kind not in _UNIT_KINDS:
        return f"{county.name} (SIMC {simc}, {kind_label(to_json(county), lang)})"
    return f"{county.name} ({county.teryt}, {t(lang, 'kind_' + county.kind)})"


_UNIT_KINDS = {"urban", "rural", "urban-rural", "town"}  # named by their TERYT code


def operator_line(op: Operator, lang: str) -> str:
    unit = f", {op.unit}" if op.unit else ""
    role = t(lang, "role_" + op.role) + (f"; {op.summary}" if op.summary else "")
    return f"{op.name}{unit} ({role})"


def source_line(source: Source, lang: str, number: int) -> Inline:
    """ "1. title, publisher, date — url", the title in bold and the url a link: sources are
    numbered in print, never shown by their internal ids."""
    details = [source.publisher] if source.publisher else []
    details.append(source.date or t(lang, "undated"))
    runs: Inline = (Run(f"{number}. "), Run(source.title, bold=True), Run(", " + ", ".join(details)))
    if source.url:
        runs += (Run(" — "), Run(source.url, source.url))
    return runs


def source_section(sources: tuple[Source, ...], lang: str) -> list[Block]:
    items = tuple((0, source_line(s, lang, number)) for number, s in enumerate(sources, start=1))
    return [Heading(t(lang, "sources"), 2), Bullets(items)]


def missing_fields(centre: CentreInfo, lang: str) -> str:
    """ "Not in our sources: address, phone, e-mail, website", or "" when the sources give them all."""
    absent = absent_fields(centre, lang)
    return t(lang, "missing_fields", fields=", ".join(absent)) if absent else ""


def absent_fields(centre: CentreInfo, lang: str) -> list[str]:
    """The ways to reach a centre that no source gives: address, phone, e-mail, website."""
    return [
        t(lang, key)
        for key, given in (
            ("field_address", centre.addresses),
            ("field_phone", centre.phones),
            ("field_email", centre.emails),
            ("field_website", centre.website or centre.period.website),
        )
        if not given
    ]


def _or_missing(value: str | None, lang: str, url: str | None = None) -> Inline:
    return text(value, url) if value else text(t(lang, "not_in_sources"))


def address_lines(centre: CentreInfo, lang: str) -> str:
    """Every address on a line of its own, with what it is where the source says so."""
    lines = []
    for a in centre.addresses:
        line = f"{a.street}, {a.city}"
        if a.label:
            line = f"{a.label}: {line}"
        if a.as_of:
            line += f" ({t(lang, 'as_of')} {a.as_of})"
        lines.append(line)
    return "\n".join(lines) or t(lang, "not_in_sources")


def _event(event: Event, lang: str) -> str:
    when = event.date or f"{t(lang, 'reported')} {event.reported}"
    line = f"{when}: {event.description}"
    return line[:1].upper() + line[1:]


def _document(document: Document) -> Inline:
    return (Run(document.title, document.url),) + ((Run(f" — {document.note}"),) if document.note else ())


def centre_section(centre: CentreInfo, lang: str, *, brief: bool = False, prefix: str = "") -> list[Block]:
    """A centre: who runs it, when, where, what it offers and to whom.

    `brief` keeps what tells centres of one period apart (who, when, where,
    its own facts and services), for answers that list a period's centres.
    The programme period is a row with its own dates; the centre's own
    dates, where a source gives them apart, a row of their own. Ways to reach the centre that
    no source gives share one row, "Not in our sources: address, phone".
    """
    period = centre.period
    rows: Rows = []
    if centre.subregion:
        rows.append((t(lang, "subregion"), text(centre.subregion)))
    if centre.seat:
        rows.append((t(lang, "seat"), text(centre.seat)))
    rows.append(
        (t(lang, "operators"), _or_missing("; ".join(operator_line(op, lang) for op in centre.operators), lang))
    )
    if period.lead:
        rows.append((t(lang, "lead"), text(period.lead.name)))
    # The centre's own dates and its period's, each labelled, where a source gives them apart.
    period_span = f"{centre.period_from} – {centre.period_to or t(lang, 'not_in_sources')}"
    if centre.period_derived:  # a comma, as the period's name follows in brackets
        period_span += f", {centre.period_derived}"
    if (period.from_, period.to) != (centre.period_from, centre.period_to):
        rows.append((t(lang, "centre_own_dates"), text(span(period, lang))))
    rows += [
        (t(lang, "period"), text(f"{period_span} ({period.name})")),
        (t(lang, "programme"), text(period.programme + (f", {period.measure}" if period.measure else ""))),
    ]
    if centre.addresses:
        rows.append((t(lang, "address"), text(address_lines(centre, lang))))
    if centre.phones or centre.emails:
        rows.append((t(lang, "contact"), text(", ".join(centre.phones + centre.emails))))
    website = centre.website or period.website
    if website:
        rows.append((t(lang, "website"), text(website, website)))
    absent = absent_fields(centre, lang)
    if absent:
        rows.append((t(lang, "not_in_sources_label"), text(", ".join(absent))))
    if period.aim and not brief:
        rows.append((t(lang, "aim"), text(period.aim)))
    blocks: list[Block] = [Heading(prefix + centre.name, 1), Fields(tuple(rows))]
    missing = t(lang, "not_in_sources")
    if not brief:
        if centre.coverage is CoverageStatus.CONFIRMED:
            names = [county_name(c, lang) for c in centre.counties]
            blocks += [Heading(f"{t(lang, 'counties')} ({len(names)})", 2), bullets(names)]
        else:
            blocks += [Heading(t(lang, "counties"), 2), Paragraph(text(t(lang, "doc_centre_counties_unknown")))]
    facts = centre.facts + (() if brief else period.facts)
    if facts:
        blocks += [Heading(t(lang, "facts"), 2), bullets(list(facts))]
    if centre.services or not brief:
        blocks += [Heading(t(lang, "services"), 2), bullets([s.name for s in centre.services] or [missing])]
    if not brief:
        blocks.append(Heading(t(lang, "audiences"), 2))
        if centre.audiences:
            blocks.append(Bullets(tuple((1 if a.part_of else 0, text(a.name)) for a in centre.audiences)))
        else:
            blocks.append(bullets([missing]))
        if centre.events:
            blocks += [Heading(t(lang, "events"), 2), bullets([_event(e, lang) for e in centre.events])]
        if centre.documents:
            blocks += [
                Heading(t(lang, "documents"), 2),
                Bullets(tuple((0, _document(d)) for d in centre.documents)),
            ]
    return blocks


def centre_card(centre: CentreInfo, lang: str) -> list[Block]:
    """`owes centre ID`: the centre in full, with its sources."""
    return centre_section(centre, lang) + source_section(centre.sources, lang)


def county_header(answer: CountyAnswer, lang: str) -> list[Block]:
    """The county, whether the answer is of today, and what the sources say of its coverage."""
    county = answer.county
    rows: Rows = [
        (
            t(lang, "status"),
            text(answer_status(answer, lang)),
        )
    ]
    if answer.centre is not None:
        rows.append((t(lang, "centre"), text(answer.centre.name, bold=True)))
    else:
        message = "coverage_none" if answer.coverage is CoverageStatus.NONE else "coverage_unknown"
        if answer.period_status is PeriodStatus.BEFORE_FIRST:
            message = "short_no_centre_known"
        rows.append((t(lang, "coverage"), text(t(lang, message, county=county.name))))
        rows += [(t(lang, "open_to"), text(line)) for line in open_to_region(answer, lang)]
    rows += [("!", text(note_text(to_json(note), lang))) for note in answer.notes]
    blocks: list[Block] = []
    if answer.place is not None:
        blocks += place_section(answer.place, lang, answer.query.at)
    return blocks + [Heading(f"{t(lang, 'county')} {county_name(county, lang)}", 1), Fields(tuple(rows))]


def county_card(answer: CountyAnswer, lang: str) -> list[Block]:
    """`owes which-centre`: the county's centre, or the period's centres and the last confirmed one."""
    return county_header(answer, lang) + county_details(answer, lang)


def county_details(answer: CountyAnswer, lang: str) -> list[Block]:
    """What follows the county's header: its centre in full, or the period's centres
    in brief and the last centre a source confirms; then the sources."""
    blocks: list[Block] = []
    if answer.centre is not None:
        blocks += centre_section(answer.centre, lang)
    else:
        label = day_label(answer.query.on, lang) if answer.period_status is PeriodStatus.CURRENT else t(lang, "period")
        for centre in answer.centres:
            blocks += centre_section(centre, lang, brief=True, prefix=f"{label}: ")
        if answer.period.facts:
            blocks += [Heading(answer.period.name, 2), bullets(list(answer.period.facts))]
        last = answer.last_confirmed
        if last is not None:
            prefix = f"{t(lang, 'last_confirmed')} ({span(last.period, lang)}): "
            blocks += centre_section(last.centre, lang, prefix=prefix)
        else:
            blocks += [Heading(t(lang, "last_confirmed"), 2), bullets([t(lang, "no_confirmed")])]
    return blocks + source_section(answer.sources, lang)


def place_section(place: PlaceInfo, lang: str, at: Point | None = None) -> list[Block]:
    """The place asked about: its gmina, its town and its county."""
    rows: Rows = []
    if at is not None:
        rows.append((t(lang, "at"), text(f"{at.lat}, {at.lon}")))
    if place.part_of is not None:
        rows.append((t(lang, "part_of"), text(county_name(place.part_of, lang))))
    rows.append((t(lang, "gmina"), text(county_name(place.gmina, lang))))
    if place.town or not place.simc or place.kind in _UNIT_KINDS:  # a village has no town
        rows.append((t(lang, "town"), text(county_name(place.town, lang) if place.town else t(lang, "no_town"))))
    rows += [
        (t(lang, "county"), text(county_name(place.county, lang))),
        (t(lang, "voivodeship"), text(place.voivodeship)),
    ]
    return [Heading(f"{t(lang, 'place')} {county_name(place, lang)}", 1), Fields(tuple(rows))]


def place_card(detail: PlaceDetail, lang: str) -> list[Block]:
    """`owes place NAME`: the place, its centre in every period, the other places of its county."""
    heading, fields = place_section(detail.place, lang)
    assert isinstance(fields, Fields)
    rows = list(fields.rows)
    if detail.label_point is not None:
        rows.append((t(lang, "interior_point"), text(f"{detail.label_point.lat}, {detail.label_point.lon}")))
    rows += [("!", text(note_text(to_json(note), lang))) for note in detail.notes]
    by_period = []
    for entry in detail.centres:
        if entry.centre is not None:
            who = f"{entry.centre.name} ({entry.centre.id})"
        else:
            who = t(lang, "map_none" if entry.coverage is CoverageStatus.NONE else "not_in_sources")
        by_period.append(f"{span(entry.period, lang)} ({entry.period.name}): {who}")
    places = [county_name(p, lang) for p in detail.county_places]
    county = detail.place.county
    register, boundaries = detail.register, detail.boundaries
    return [
        heading,
        Fields(tuple(rows)),
        Heading(t(lang, "centre_by_period"), 2),
        bullets(by_period),
        Heading(f"{t(lang, 'places')}: {t(lang, 'county').lower()} {county.name} ({len(places)})", 2),
        bullets(places),
        Heading(t(lang, "sources"), 2),
        bullets(
            [
                f"{t(lang, 'register')}: {register.title}, {register.publisher}, {register.as_of}",
                f"{t(lang, 'boundaries')}: {boundaries.origin} ({boundaries.as_of})",
            ]
        ),
    ]


def period_section(period: PeriodInfo, lang: str) -> list[Block]:
    """A period of the programme: its dates, programme, lead and aim (the directory's opening)."""
    rows: Rows = [
        (t(lang, "period"), text(span(period, lang))),
        (t(lang, "programme"), text(period.programme)),
        (t(lang, "measure"), _or_missing(period.measure, lang)),
        (t(lang, "lead"), _or_missing(period.lead.name if period.lead else None, lang)),
        (t(lang, "website"), _or_missing(period.website, lang, period.website)),
        (t(lang, "aim"), _or_missing(period.aim, lang)),
    ]
    blocks: list[Block] = [Heading(period.name, 1), Fields(tuple(rows))]
    if period.facts:
        blocks += [Heading(t(lang, "facts"), 2), bullets(list(period.facts))]
    return blocks


# --------------------------------------------------------------------------
# The short answer: one screen (issue 10)
# --------------------------------------------------------------------------

# Notes about namesakes elsewhere in Poland: in the short answer they are counted, not listed.
_NOTES_KEPT_SHORT = 1


def day_label(on: str, lang: str, today: str | None = None) -> str:
    """ "Today" only when the day asked is today; otherwise "On 2017-05-01".

    `today` is today's date (the clock's by default); "" for text read on other
    days than it is made, such as a web page, which always names its day.
    """
    from datetime import date

    if on == (date.today().isoformat() if today is None else today):
        return t(lang, "today")
    return t(lang, "on_day", on=on)


def how_sure(answer: CountyAnswer, lang: str) -> str:
    """ "confirmed by …", or what the sources leave open, in one sentence."""
    centre = answer.centre
    if centre is not None:
        return how_sure_of(centre, lang)
    if answer.coverage is CoverageStatus.NONE:
        return t(lang, "coverage_none", county=answer.county.name)
    if not answer.centres:
        return t(lang, "short_no_centre_known")
    count = len(answer.centres)
    if count == 1:
        return t(lang, "short_unknown_one", county=answer.county.name)
    among = t(lang, f"among_{count}") if f"among_{count}" in MESSAGES else str(count)
    return t(lang, "short_unknown_among", among=among, county=answer.county.name)


def open_to_region(answer: CountyAnswer, lang: str) -> list[str]:
    """Where the sources do not say which centre serves the county: each candidate whose project a
    source says is open to the whole voivodeship, in a line citing it by its number in the answer's
    sources. Not county coverage: the centre's counties stay unknown (issue 21)."""
    if answer.centre is not None or answer.coverage is not CoverageStatus.UNKNOWN:
        return []
    numbers = {source.id: number for number, source in enumerate(answer.sources, start=1)}
    lines = []
    for centre in answer.centres:
        cited = [numbers[s] for s in centre.open_to_region if s in numbers]
        if cited:
            source = ", ".join(map(str, cited))
            # Polish names the centre by the place in its name, already declined: "w Zielonej Górze".
            _, found, place = centre.name.rpartition(" w ")
            where = f"w {place}" if found else f"„{centre.name}”"
            seat = centre.seat or centre.name
            lines.append(t(lang, "open_to_region", centre=centre.name, seat=seat, where=where, source=source))
    return lines


def reach_rows(centre: CentreInfo, lang: str) -> Rows:
    """How to reach a centre: its address and website where a source gives them,
    otherwise the web page that describes it."""
    rows: Rows = []
    if centre.addresses:
        first = centre.addresses[0]
        rows.append((t(lang, "address"), text(f"{first.street}, {first.city}")))
    website = centre.website or centre.period.website
    if website:
        rows.append((t(lang, "website"), text(website, website)))
    if not rows:
        described = next((s.url for s in centre.sources if s.url), None)
        if described:
            rows.append((t(lang, "web_page"), text(described, described)))
        else:
            rows.append((t(lang, "contact"), text(t(lang, "not_in_sources"))))
    return rows


def _who_runs(centre: CentreInfo, lang: str) -> Inline:
    """The lead (or leads) with their role, then the partners in one list."""
    leads = [operator_line(op, lang) for op in centre.operators if op.role == "lead"]
    if not leads and centre.period.lead is not None:  # the 2013–2015 project: its lead ran both centres
        leads = [f"{centre.period.lead.name} ({t(lang, 'lead').lower()})"]
    parts = list(leads)
    for role in dict.fromkeys(op.role for op in centre.operators if op.role != "lead"):
        names = [
            op.name + (f", {op.unit}" if op.unit else "") + (f" ({op.summary})" if op.summary else "")
            for op in centre.operators
            if op.role == role
        ]
        parts.append(t(lang, "short_role_" + role, names=", ".join(names)))
    return _or_missing("; ".join(parts), lang)


_OUTSIDE_NOTES = {"county_also_outside", "place_also_outside", "place_more_outside", "place_also_outside_locality"}


def _short_notes(notes: tuple[NoteInfo, ...], lang: str) -> Rows:
    """The notes about this county in full; namesakes outside the region only counted."""
    notes = tuple(n for n in notes if n.id != "read_as")  # said on stderr by the command line
    inside = [n for n in notes if n.id not in _OUTSIDE_NOTES]
    outside = sum(int(n.params.get("count", 1)) if n.id == "place_more_outside" else 1 for n in notes) - len(inside)
    rows: Rows = [("!", text(note_text(to_json(n), lang))) for n in inside[:_NOTES_KEPT_SHORT]]
    hidden = len(inside) - _NOTES_KEPT_SHORT
    if outside:
        rows.append(("!", text(t(lang, "short_outside_namesakes", count=outside))))
    if hidden > 0:
        rows.append(("!", text(t(lang, "short_more_notes", count=hidden))))
    return rows


def short_answer(answer: CountyAnswer, lang: str, *, today: str | None = None) -> list[Block]:
    """`owes which-centre`: the short answer, one screen.

    The place and county; for the day asked the centre or centres with how
    sure the answer is; who runs each and how to reach each; where the day's
    answer is not confirmed, the last confirmed centre in one line. The web
    page (render/html.py) lays out the same blocks.
    """
    county = answer.county
    rows: Rows = []
    if answer.query.at is not None:
        rows.append((t(lang, "at"), text(f"{answer.query.at.lat}, {answer.query.at.lon}")))
    where = county_name(county, lang)
    if answer.place is not None:
        place = answer.place
        where = f"{place.name} ({kind_label(to_json(place), lang)}), {t(lang, 'county').lower()} {where}"
    rows.append((t(lang, "place" if answer.place is not None else "county"), text(where)))
    day = day_label(answer.query.on, lang, today)
    status = answer.period_status
    if status is not PeriodStatus.CURRENT:
        rows.append((t(lang, "status"), text(answer_status(answer, lang))))
    if status is PeriodStatus.BETWEEN:
        # No centre ran on the day: the ended period's centre is what was last confirmed.
        rows.append((t(lang, "short_how_sure"), text(t(lang, "short_none_ran"))))
        ended = answer.centre or (answer.last_confirmed.centre if answer.last_confirmed else None)
        said = t(lang, "short_last_confirmed", centre=ended.name, dates=span(ended.period, lang)) if ended else None
        rows.append((t(lang, "short_earlier"), text(said or t(lang, "no_confirmed"))))
        return _short(answer, lang, day, rows)
    rows.append((t(lang, "short_how_sure"), text(how_sure(answer, lang))))
    rows += [(t(lang, "open_to"), text(line)) for line in open_to_region(answer, lang)]
    shown = [answer.centre] if answer.centre is not None else list(answer.centres)
    for centre in shown:
        rows.append((t(lang, "centre"), text(centre.name, bold=True)))
        rows.append((t(lang, "operators"), _who_runs(centre, lang)))
        rows += reach_rows(centre, lang)
    if answer.centre is None and status is not PeriodStatus.BEFORE_FIRST:
        last = answer.last_confirmed
        if last is not None:
            line = t(lang, "short_last_confirmed", centre=last.centre.name, dates=span(last.centre.period, lang))
        else:
            line = t(lang, "no_confirmed")
        rows.append((t(lang, "short_earlier"), text(line)))
    return _short(answer, lang, day, rows)


def _short(answer: CountyAnswer, lang: str, day: str, rows: Rows) -> list[Block]:
    rows = rows + _short_notes(answer.notes, lang)
    title = answer.place.name if answer.place is not None else answer.county.name
    return [Heading(t(lang, "short_title", subject=title, day=day), 1), Fields(tuple(rows))]


def during_answer(answer: DuringAnswer, lang: str) -> list[Block]:
    """`which-centre --on 2014` or `--on 2014-06`: every centre that ran then, with its dates."""
    rows: Rows = []
    where = county_name(answer.county, lang)
    if answer.place is not None:
        where = f"{answer.place.name} ({kind_label(to_json(answer.place), lang)}), {t(lang, 'county').lower()} {where}"
    rows.append((t(lang, "place" if answer.place is not None else "county"), text(where)))
    if not answer.centres:
        rows.append((t(lang, "short_how_sure"), text(t(lang, "during_none"))))
    for served in answer.centres:
        centre = served.centre
        rows.append((t(lang, "centre"), text(centre.name, bold=True)))
        rows.append((t(lang, "during_dates"), text(span(centre.period, lang))))
        if served.coverage is CoverageStatus.CONFIRMED:
            sure = how_sure_of(centre, lang)
        else:
            sure = t(lang, "short_unknown_one", county=answer.county.name)
        rows.append((t(lang, "short_how_sure"), text(sure)))
        rows.append((t(lang, "operators"), _who_runs(centre, lang)))
    subject = answer.place.name if answer.place is not None else answer.county.name
    title = t(lang, "during_title", asked=answer.asked, subject=subject)
    return [Heading(title, 1), Fields(tuple(rows))]


def how_sure_of(centre: CentreInfo, lang: str) -> str:
    """ "confirmed by …" for a centre whose counties a source names."""
    confirming = [s for s in centre.sources if s.id in centre.coverage_sources]
    if not confirming:
        return t(lang, "short_confirmed_by", sources=t(lang, "not_in_sources"))
    first = confirming[0]
    named = f"„{first.title}”" if lang == "pl" else f"“{first.title}”"
    if first.publisher:
        named += f" ({first.publisher})"
    if len(confirming) > 1:
        named += " " + t(lang, "short_and_more_sources", count=len(confirming) - 1)
    return t(lang, "short_confirmed_by", sources=named)


def sources_list(rows: Sequence[SourceRow], lang: str, *, quotes: bool = False) -> list[Block]:
    """`owes sources` for people: each source with its web address whole, on a line of its own
    (a link where the terminal has them); with `quotes`, the passages the facts were taken from."""
    blocks: list[Block] = [Heading(t(lang, "sources"), 2)]  # no panel: a border would cut the addresses
    for row in rows:
        details = [row.publisher] if row.publisher else []
        details.append(row.date or t(lang, "undated"))
        blocks.append(Paragraph((Run(f"[{row.id}] "), Run(row.title, bold=True), Run(", " + ", ".join(details)))))
        if row.url:
            blocks.append(Paragraph((Run("  "), Run(row.url, row.url))))
        if quotes:
            said = [f"„{q}”" if lang == "pl" else f"“{q}”" for q in row.quote_texts]
            blocks.append(bullets(said or [t(lang, "no_quotes")]))
    return blocks
