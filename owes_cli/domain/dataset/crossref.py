"""Checks across records: ids are unique, references resolve, dates and counties agree.

Each rule is one small function, and `RULES` lists them in the order they
run. A rule about records (a period, a centre) is asked about each record
of its table in turn, together with the other rules of its step, so a
record's problems stay together and in file order; a rule about the
dataset as a whole is asked once.

The rules read the cleaned copy the schema check leaves (only what passed),
and the file as parsed (`everything`) where a record with a problem
elsewhere still exists: it can be referred to without a second report.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, NamedTuple

from owes_cli.domain.dataset import region_codes
from owes_cli.domain.dataset.evidence import check_quotes
from owes_cli.domain.dataset.schema import MAX_PROBLEMS, Problems, join
from owes_cli.domain.dates import PartialDate, PartialDateError

# The tables whose records have an `id` that others refer to, in the order their duplicates are reported.
ID_TABLES = ("sources", "organisations", "periods", "centres", "services", "audiences", "documents", "events")


class Record(NamedTuple):
    """One record a rule is asked about: its fields and its place in the file."""

    fields: dict[str, Any]
    where: str  # "centres[2]"; "" for the dataset as a whole
    row: int  # its index in its table


class References:
    """What the rules share: the problems found, and every id each table holds."""

    def __init__(self, raw: dict[str, Any], everything: dict[str, Any], register: Any, problems: Problems) -> None:
        self.raw = raw
        self.register = register
        self.problems = problems
        self.add = problems.add
        # A record with a schema problem elsewhere still exists: refer to it without a second report.
        self.ids = {table: _valid(everything.get(table), "id") for table in ID_TABLES}
        # A county row with a bad field elsewhere still names its county for coverage.
        self.ids["counties"] = _valid(everything.get("counties"), "teryt")
        # A table that is not an array of tables at all was reported once; what
        # refers into it cannot be checked, and is not reported a second time.
        self.unknowable = {table for table in self.ids if not isinstance(everything.get(table, []), list)}
        listed = raw["dataset"]["region"]["teryt"]
        self.region_listed = isinstance(listed, list)
        self.regions = region_codes(listed)
        self.periods = {p["id"]: p for p in raw.get("periods", [])}
        # The rows that repeat an earlier row's key, by table: found in one pass, reported with their row.
        self.repeated = {"counties": _repeated(raw.get("counties", []), "teryt")}

    def ref(self, value: str | None, table: str, where: str) -> None:
        """Report `value` unless it is an id of `table` (or there is nothing to refer to)."""
        if table in self.unknowable or value is None or value in self.ids[table]:
            return
        suggestion = self.problems.suggest(value, sorted(self.ids[table]))
        self.add("unknown_ref", where, id=value, table=table, suggestion=suggestion)

    def refs(self, values: list[str] | None, table: str, where: str) -> None:
        for j, value in enumerate(values or []):
            self.ref(value, table, f"{where}[{j}]")


def _valid(rows: Any, key: str) -> set[str]:
    """The `key` of every row that has one as a string, in a table that may be malformed."""
    return {
        row[key]
        for row in (rows if isinstance(rows, list) else [])
        if isinstance(row, dict) and isinstance(row.get(key), str)
    }


def _repeated(rows: list[dict[str, Any]], key: str) -> set[int]:
    seen: set[str] = set()
    repeated: set[int] = set()
    for i, row in enumerate(rows):
        if row[key] in seen:
            repeated.add(i)
        seen.add(row[key])
    return repeated


Rule = Callable[[References, Record], None]


# --------------------------------------------------------------------------
# The dataset as a whole
# --------------------------------------------------------------------------


def ids_are_unique(refs: References, dataset: Record) -> None:
    for table in ID_TABLES:
        for i in _repeated(refs.raw.get(table, []), "id"):
            refs.add("duplicate_id", f"{table}[{i}].id", id=refs.raw[table][i]["id"])


def region_is_known(refs: References, dataset: Record) -> None:
    if refs.register is None:
        return
    for i, code in enumerate(refs.regions):  # "99" has two digits, but no voivodeship has it
        if code not in refs.register.voivodeships:
            refs.add("region_unknown", "dataset.region.teryt" + (f"[{i}]" if refs.region_listed else ""), got=code)


def regions_are_listed_once_and_have_counties(refs: References, dataset: Record) -> None:
    """Each voivodeship of the region once, and each with a county in the counties table:
    the messages name the coverage from this list ("lubuskie and lubuskie" otherwise)."""
    seen: set[str] = set()
    for i, code in enumerate(refs.regions):
        where = "dataset.region.teryt" + (f"[{i}]" if refs.region_listed else "")
        if code in seen:
            refs.add("region_twice", where, code=code)
        elif (
            "counties" not in refs.unknowable
            and (refs.register is None or code in refs.register.voivodeships)  # else said once: unknown
            and not any(county[:2] == code for county in refs.ids["counties"])
        ):
            refs.add("region_without_counties", where, code=code)
        seen.add(code)


def sources_are_known(refs: References, dataset: Record) -> None:
    """Every `sources` list, at any depth, names sources the dataset lists."""

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                path = join(where, key)
                if key == "sources" and isinstance(value, list):
                    refs.refs(value, "sources", path)
                else:
                    walk(value, path)
        elif isinstance(node, list):
            for j, item in enumerate(node):
                walk(item, f"{where}[{j}]")

    walk({k: v for k, v in refs.raw.items() if k != "sources"}, "")


def quotes_stand_in_their_sources(refs: References, dataset: Record) -> None:
    """A statement's quotes are passages its cited sources keep (dataset/evidence.py)."""
    check_quotes(refs.raw, refs.add)


def no_county_has_two_centres(refs: References, dataset: Record) -> None:
    """A county confirmed for two centres whose dates overlap is a contradiction."""
    confirmed: dict[str, list[Confirmed]] = defaultdict(list)
    for span in _confirmed_spans(refs):
        confirmed[span.code].append(span)
    for code, spans in confirmed.items():
        for later, earlier in overlaps(spans):
            refs.add("county_two_centres", later.where, code=code, centre=later.centre, other=earlier.centre)


# --------------------------------------------------------------------------
# Counties
# --------------------------------------------------------------------------


def county_code_is_unique(refs: References, county: Record) -> None:
    if county.row in refs.repeated["counties"]:
        refs.add("duplicate_id", f"{county.where}.teryt", id=county.fields["teryt"])


def county_is_in_region_and_register(refs: References, county: Record) -> None:
    code, name = county.fields["teryt"], county.fields["name"]
    if len(code) != 4 or code[:2] not in refs.regions:
        refs.add("county_outside_region", f"{county.where}.teryt", code=code, region=", ".join(refs.regions))
        return
    if refs.register is None:
        return
    official = refs.register.county(code)
    if official is None:
        refs.add("county_not_in_teryt", f"{county.where}.teryt", code=code)
    elif official.name != name:
        refs.add("county_name_mismatch", f"{county.where}.name", code=code, got=name, expected=official.name)


# --------------------------------------------------------------------------
# Periods, audiences, documents, events
# --------------------------------------------------------------------------


def period_lead_is_known(refs: References, period: Record) -> None:
    refs.ref(period.fields.get("lead"), "organisations", f"{period.where}.lead")


def period_ends_after_start(refs: References, period: Record) -> None:
    _check_order(period.fields.get("from"), period.fields.get("to"), period.where, refs.add)


def audience_part_of_is_known(refs: References, audience: Record) -> None:
    refs.ref(audience.fields.get("part_of"), "audiences", f"{audience.where}.part_of")


def document_centre_is_known(refs: References, document: Record) -> None:
    refs.ref(document.fields.get("centre"), "centres", f"{document.where}.centre")


def event_centre_is_known(refs: References, event: Record) -> None:
    refs.ref(event.fields.get("centre"), "centres", f"{event.where}.centre")


def event_period_is_known(refs: References, event: Record) -> None:
    refs.ref(event.fields.get("period"), "periods", f"{event.where}.period")


def event_is_dated(refs: References, event: Record) -> None:
    if "date" not in event.fields and "reported" not in event.fields:
        refs.add("event_undated", event.where)


# --------------------------------------------------------------------------
# Centres
# --------------------------------------------------------------------------


def centre_period_is_known(refs: References, centre: Record) -> None:
    refs.ref(centre.fields["period"], "periods", f"{centre.where}.period")


def centre_operators_are_known(refs: References, centre: Record) -> None:
    for j, operator in enumerate(centre.fields.get("operators", [])):
        refs.ref(operator["organisation"], "organisations", f"{centre.where}.operators[{j}].organisation")


def centre_services_are_known(refs: References, centre: Record) -> None:
    refs.refs(centre.fields.get("services"), "services", f"{centre.where}.services")


def centre_audiences_are_known(refs: References, centre: Record) -> None:
    refs.refs(centre.fields.get("audiences"), "audiences", f"{centre.where}.audiences")


def centre_ends_after_start(refs: References, centre: Record) -> None:
    _check_order(centre.fields.get("from"), centre.fields.get("to"), centre.where, refs.add)


def centre_counties_are_known(refs: References, centre: Record) -> None:
    """Each covered county is one of the dataset's (checked for centres of a known period only)."""
    if centre.fields["period"] not in refs.periods:
        return
    for j, code in enumerate(centre.fields.get("coverage", {}).get("counties", [])):
        if code not in refs.ids["counties"]:
            refs.add("unknown_county", f"{centre.where}.coverage.counties[{j}]", code=code)


# Each step: the table whose records its rules are asked about ("" for the
# dataset as a whole), and the rules. Problems are reported in this order.
RULES: tuple[tuple[str, tuple[Rule, ...]], ...] = (
    ("", (ids_are_unique, region_is_known, regions_are_listed_once_and_have_counties)),
    ("counties", (county_code_is_unique, county_is_in_region_and_register)),
    ("", (sources_are_known,)),
    ("periods", (period_lead_is_known, period_ends_after_start)),
    ("audiences", (audience_part_of_is_known,)),
    ("documents", (document_centre_is_known,)),
    ("events", (event_centre_is_known, event_period_is_known, event_is_dated)),
    (
        "centres",
        (
            centre_period_is_known,
            centre_operators_are_known,
            centre_services_are_known,
            centre_audiences_are_known,
            centre_ends_after_start,
            centre_counties_are_known,
        ),
    ),
    ("", (no_county_has_two_centres, quotes_stand_in_their_sources)),
)


def cross_check(raw: dict[str, Any], everything: dict[str, Any], register: Any, problems: Problems) -> None:
    """Run every rule on the cleaned dataset `raw`, adding what they find to `problems`."""
    refs = References(raw, everything, register, problems)
    for table, rules in RULES:
        for record in _records(raw, table):
            for rule in rules:
                rule(refs, record)


def _records(raw: dict[str, Any], table: str) -> Iterator[Record]:
    if not table:
        yield Record(raw, "", 0)
        return
    for i, fields in enumerate(raw.get(table, [])):
        yield Record(fields, f"{table}[{i}]", i)


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


class Confirmed(NamedTuple):
    """A centre's confirmed span for one county, as the overlap check needs it."""

    start: Any  # date
    end: Any  # date | None: open
    order: int  # the centre's place in the file
    where: str
    centre: str
    code: str = ""  # the county


def _confirmed_spans(refs: References) -> Iterator[Confirmed]:
    """Each known county each centre of a known period covers, with the centre's dates."""
    for i, centre in enumerate(refs.raw.get("centres", [])):
        period = refs.periods.get(centre["period"])
        if period is None:
            continue
        start = PartialDate.parse(centre.get("from", period["from"])).first_day()
        end_text = centre.get("to", period.get("to"))
        end = PartialDate.parse(end_text).last_day() if end_text else None
        for j, code in enumerate(centre.get("coverage", {}).get("counties", [])):
            if code in refs.ids["counties"]:
                yield Confirmed(start, end, i, f"centres[{i}].coverage.counties[{j}]", centre["id"], code)


def overlaps(spans: list[Confirmed]) -> list[tuple[Confirmed, Confirmed]]:
    """Each pair of spans that share a day, as (later in the file, earlier).

    Sorted by start, a span can only overlap the spans still open when it
    starts: O(n log n) plus the pairs found, where comparing every pair took
    50 s for 6,000 periods.
    """
    found: list[tuple[Confirmed, Confirmed]] = []
    open_spans: list[tuple[Any, int, Confirmed]] = []  # a heap by end; an open end sorts last
    never = date.max
    for span in sorted(spans, key=lambda s: (s.start, s.order)):
        while open_spans and open_spans[0][0] < span.start:
            heapq.heappop(open_spans)
        for _, _, other in open_spans:
            found.append((span, other) if span.order > other.order else (other, span))
        if len(found) >= MAX_PROBLEMS:  # more would only be cut off
            break
        heapq.heappush(open_spans, (span.end or never, span.order, span))
    return sorted(found, key=lambda pair: (pair[0].order, pair[0].where, pair[1].order))


def _check_order(start: str | None, end: str | None, where: str, add: Callable[..., None]) -> None:
    if start is None or end is None:
        return
    try:
        first, last = PartialDate.parse(start), PartialDate.parse(end)
    except PartialDateError:
        return  # reported by the schema check
    if last.last_day() < first.first_day():
        add("end_before_start", f"{where}.to", start=start, end=end)
