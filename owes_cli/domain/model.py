"""The dataset model: sources, organisations, periods, centres, counties.

Immutable NamedTuples with no I/O; `owes_cli.domain.dataset.build` makes them from TOML.
Text the user sees in either language is a `Text` with `pl` and `en`.
"""

from __future__ import annotations

from datetime import date

from owes_cli.domain.dates import PartialDate
from owes_cli.record import QuickStrEnum, Record


class Text(Record):
    pl: str
    en: str

    def get(self, lang: str) -> str:
        return self.pl if lang == "pl" else self.en


class CountyKind(QuickStrEnum):
    LAND = "land"  # powiat ziemski
    CITY = "city"  # miasto na prawach powiatu (powiat grodzki)


class Source(Record):
    id: str
    title: str
    publisher: str | None = None
    url: str | None = None
    date: PartialDate | None = None
    quotes: tuple[str, ...] = ()


class Organisation(Record):
    id: str
    name: str
    website: str | None = None
    sources: tuple[str, ...] = ()


class Operator(Record):
    """An organisation's part in running one centre."""

    organisation: str
    role: str  # "lead", "partner" or "consortium member"
    unit: str | None = None  # the branch named by the source, e.g. "Biuro w Gorzowie"
    sources: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()  # the passages of its sources it rests on; none: our summary


class Address(Record):
    street: str
    city: str
    label: Text | None = None
    as_of: PartialDate | None = None
    sources: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()


class Coverage(Record):
    counties: tuple[str, ...]
    sources: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()


class Fact(Record):
    """A sourced statement with no fixed field of its own (targets, results)."""

    text: Text
    sources: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()  # none: the text is our summary of its sources
    reach: str | None = None  # "region": the centre's project is open to the whole region


class Period(Record):
    id: str
    name: Text
    start: PartialDate
    end: PartialDate | None  # None: the sources do not give the end
    programme: str
    measure: str | None = None
    lead: str | None = None
    website: str | None = None
    aim: Text | None = None
    facts: tuple[Fact, ...] = ()
    sources: tuple[str, ...] = ()
    derived: Text | None = None  # how its dates were derived, where no source states them

    def first_day(self) -> date:
        return self.start.first_day()

    def last_day(self) -> date | None:
        return self.end.last_day() if self.end else None


class Centre(Record):
    id: str
    period: str
    name: str
    subregion: str | None = None
    seat: str | None = None
    start: PartialDate | None = None  # when it differs from its period's
    end: PartialDate | None = None
    operators: tuple[Operator, ...] = ()
    coverage: Coverage | None = None  # None: which counties it serves is unknown
    addresses: tuple[Address, ...] = ()
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    contact_sources: tuple[str, ...] = ()
    website: str | None = None
    services: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    sources: tuple[str, ...] = ()


class Service(Record):
    id: str
    group: str
    name: Text
    sources: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()


class Audience(Record):
    id: str
    group: str  # "primary" or "wider"
    name: Text
    part_of: str | None = None
    sources: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()


class Document(Record):
    id: str
    title: str
    centre: str | None = None
    title_as_printed: str | None = None
    note: Text | None = None
    url: str | None = None
    sources: tuple[str, ...] = ()


class Event(Record):
    id: str
    description: Text
    date: PartialDate | None = None  # when it happened
    reported: PartialDate | None = None  # when a source reported it, if that is all we know
    centre: str | None = None
    period: str | None = None
    sources: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()


class County(Record):
    teryt: str
    name: str
    kind: CountyKind
    sources: tuple[str, ...] = ()


# The centres grouped by period, for the last dataset asked about: a listing
# of every period asks once per period, and a scan each time was quadratic.
_grouped: list[tuple[dict[str, Centre], dict[str, list[Centre]]]] = []


def _by_period(centres: dict[str, Centre]) -> dict[str, list[Centre]]:
    for known, grouped in _grouped:
        if known is centres:
            return grouped
    grouped = {}
    for centre in centres.values():
        grouped.setdefault(centre.period, []).append(centre)
    _grouped[:] = [(centres, grouped)]
    return grouped


class Dataset(Record):
    title: str
    regions: tuple[str, ...]  # the voivodeships' TERYT codes, as [dataset.region].teryt lists them
    region_name: str
    sources: dict[str, Source]
    organisations: dict[str, Organisation]
    periods: dict[str, Period]
    centres: dict[str, Centre]
    services: dict[str, Service]
    audiences: dict[str, Audience]
    documents: dict[str, Document]
    events: dict[str, Event]
    counties: dict[str, County]
    path: str = ""
    title_en: str | None = None  # our English rendering of the title, for English documents (a label, not a fact)

    def centres_in(self, period_id: str) -> list[Centre]:
        return list(_by_period(self.centres).get(period_id, ()))

    def as_of(self) -> PartialDate | None:
        """The newest date of a source about the centres.

        The TERYT register's date is left out: it dates the county names,
        not what we know about the centres.
        """
        about = self.centre_source_ids()
        dates = [s.date for s in self.sources.values() if s.date is not None and s.id in about]
        return max(dates, key=lambda d: d.last_day()) if dates else None

    def centre_source_ids(self) -> set[str]:
        """Sources cited by anything but the counties table."""
        records: list[tuple[tuple[str, ...], ...]] = []
        for p in self.periods.values():
            records.append((p.sources, *(f.sources for f in p.facts)))
        for c in self.centres.values():
            records.append(
                (
                    c.sources,
                    *(op.sources for op in c.operators),
                    *(a.sources for a in c.addresses),
                    *(f.sources for f in c.facts),
                    c.coverage.sources if c.coverage else (),
                )
            )
        for table in (self.organisations, self.services, self.audiences, self.documents, self.events):
            records += [(r.sources,) for r in table.values()]
        return {source for groups in records for group in groups for source in group}
