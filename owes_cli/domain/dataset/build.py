"""Building the model (owes_cli.domain.model) from a checked dataset's tables."""

from __future__ import annotations

from typing import Any

from owes_cli.domain.dates import PartialDate
from owes_cli.domain.model import (
    Address,
    Audience,
    Centre,
    County,
    CountyKind,
    Coverage,
    Dataset,
    Document,
    Event,
    Fact,
    Operator,
    Organisation,
    Period,
    Service,
    Source,
    Text,
)


def region_codes(teryt: str | list[str]) -> tuple[str, ...]:
    """`region.teryt` as a tuple of codes: one code as written before lists were allowed, or a list."""
    return (teryt,) if isinstance(teryt, str) else tuple(teryt)


def _text(raw: dict[str, str] | None) -> Text | None:
    return Text(raw["pl"], raw["en"]) if raw else None


def _date(raw: str | None) -> PartialDate | None:
    return PartialDate.parse(raw) if raw else None


def _facts(raw: list[dict[str, Any]] | None) -> tuple[Fact, ...]:
    return tuple(
        Fact(Text(f["text"]["pl"], f["text"]["en"]), tuple(f["sources"]), _quotes(f), f.get("reach")) for f in raw or []
    )


def _quotes(raw: dict[str, Any]) -> tuple[str, ...]:
    return tuple(raw.get("quotes", ()))


def build(raw: dict[str, Any], path: str) -> Dataset:
    """The model of a dataset that passed its check (or was kept, checked, in the cache)."""

    def by_id(items: list[Any], key: str = "id") -> dict[str, Any]:
        return {item if isinstance(item, str) else getattr(item, key): item for item in items}

    sources = [
        Source(s["id"], s["title"], s.get("publisher"), s.get("url"), _date(s.get("date")), tuple(s.get("quotes", ())))
        for s in raw["sources"]
    ]
    organisations = [
        Organisation(o["id"], o["name"], o.get("website"), tuple(o["sources"])) for o in raw["organisations"]
    ]
    # Built with positional arguments, in the model's field order: with keywords, each of
    # thousands of records would bind its arguments by name in Python (owes_cli.record).
    periods = [
        Period(
            p["id"],
            Text(p["name"]["pl"], p["name"]["en"]),
            PartialDate.parse(p["from"]),
            _date(p.get("to")),
            p["programme"],
            p.get("measure"),
            p.get("lead"),
            p.get("website"),
            _text(p.get("aim")),
            _facts(p.get("facts")),
            tuple(p["sources"]),
            _text(p.get("derived")),
        )
        for p in raw["periods"]
    ]
    centres = [
        Centre(
            c["id"],
            c["period"],
            c["name"],
            c.get("subregion"),
            c.get("seat"),
            _date(c.get("from")),
            _date(c.get("to")),
            tuple(
                Operator(o["organisation"], o["role"], o.get("unit"), tuple(o["sources"]), _quotes(o))
                for o in c.get("operators", ())
            ),
            Coverage(tuple(c["coverage"]["counties"]), tuple(c["coverage"]["sources"]), _quotes(c["coverage"]))
            if "coverage" in c
            else None,
            tuple(
                Address(
                    a["street"],
                    a["city"],
                    _text(a.get("label")),
                    _date(a.get("as_of")),
                    tuple(a["sources"]),
                    _quotes(a),
                )
                for a in c.get("addresses", ())
            ),
            tuple(c.get("contact", {}).get("phones", ())),
            tuple(c.get("contact", {}).get("emails", ())),
            tuple(c.get("contact", {}).get("sources", ())),
            c.get("website"),
            tuple(c.get("services", ())),
            tuple(c.get("audiences", ())),
            _facts(c.get("facts")),
            tuple(c["sources"]),
        )
        for c in raw["centres"]
    ]
    services = [
        Service(s["id"], s["group"], Text(s["name"]["pl"], s["name"]["en"]), tuple(s["sources"]), _quotes(s))
        for s in raw["services"]
    ]
    audiences = [
        Audience(
            a["id"],
            a["group"],
            Text(a["name"]["pl"], a["name"]["en"]),
            a.get("part_of"),
            tuple(a["sources"]),
            _quotes(a),
        )
        for a in raw["audiences"]
    ]
    documents = [
        Document(
            d["id"],
            d["title"],
            d.get("centre"),
            d.get("title_as_printed"),
            _text(d.get("note")),
            d.get("url"),
            tuple(d["sources"]),
        )
        for d in raw.get("documents", [])
    ]
    events = [
        Event(
            e["id"],
            Text(e["description"]["pl"], e["description"]["en"]),
            _date(e.get("date")),
            _date(e.get("reported")),
            e.get("centre"),
            e.get("period"),
            tuple(e["sources"]),
            _quotes(e),
        )
        for e in raw.get("events", [])
    ]
    counties = [County(c["teryt"], c["name"], CountyKind(c["kind"]), tuple(c["sources"])) for c in raw["counties"]]
    return Dataset(
        title=raw["dataset"]["title"],
        regions=region_codes(raw["dataset"]["region"]["teryt"]),
        region_name=raw["dataset"]["region"]["name"],
        sources=by_id(sources),
        organisations=by_id(organisations),
        periods=by_id(periods),
        centres=by_id(centres),
        services=by_id(services),
        audiences=by_id(audiences),
        documents=by_id(documents),
        events=by_id(events),
        counties={c.teryt: c for c in counties},
        path=path,
        title_en=raw["dataset"].get("title_en"),
    )
