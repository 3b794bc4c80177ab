"""Every fact with its evidence: the quotes a statement rests on, and the ones with none.

A statement of the dataset (a fact, an operator's role, an address, a
coverage, a service, an audience, an event) names its sources and may
carry `quotes`: the passages of those sources it was taken from. Each of
them must stand in one of its cited sources' stored quotes (see
`normalise` for how they are compared), so the chain runs from a line the
user sees to a passage the source keeps; the tests check each stored
quote against the reference material itself.

A statement with sources but no quote is our summary of its source: the
tool says so wherever it prints one ("according to … (our summary)"), and
`owes validate` counts them.

Names of organisations, documents and periods, and the counties (from the
TERYT register), are not statements in this sense: they are cited by their
records' sources.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from owes_cli.domain.model import Dataset

# The tables of statements, and the lists of statements inside a centre or a period.
STATEMENT_TABLES = ("services", "audiences", "events")
CENTRE_STATEMENTS = ("operators", "addresses", "facts")


def normalise(text: str) -> str:
    """A quote as compared: runs of white space (line breaks too) as one space, and trimmed.

    Nothing else is folded: case, punctuation, Polish letters and the kind
    of quotation marks must match the source exactly.
    """
    return " ".join(text.split())


def _raw_statements(raw: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every statement of a parsed dataset that passed the schema check, with its place."""
    for table in STATEMENT_TABLES:
        for i, record in enumerate(raw.get(table, [])):
            yield f"{table}[{i}]", record
    for i, period in enumerate(raw.get("periods", [])):
        for j, fact in enumerate(period.get("facts", [])):
            yield f"periods[{i}].facts[{j}]", fact
    for i, centre in enumerate(raw.get("centres", [])):
        for key in CENTRE_STATEMENTS:
            for j, item in enumerate(centre.get(key, [])):
                yield f"centres[{i}].{key}[{j}]", item
        if "coverage" in centre:
            yield f"centres[{i}].coverage", centre["coverage"]


def check_quotes(raw: dict[str, Any], add: Callable[..., None]) -> None:
    """Each quote of a statement stands in a stored quote of one of the sources it cites."""
    stored: dict[str, list[str]] = {}
    for source in raw.get("sources", []):
        stored[source["id"]] = [normalise(q) for q in source.get("quotes", [])]
    for where, record in _raw_statements(raw):
        cited = [q for sid in record.get("sources", []) for q in stored.get(sid, [])]
        for k, quote in enumerate(record.get("quotes", [])):
            said = normalise(quote)
            if not any(said in passage for passage in cited):
                add("quote_not_in_sources", f"{where}.quotes[{k}]", quote=quote)


class Unquoted(NamedTuple):
    """A statement with sources but no quote: our summary of them."""

    where: str  # its place in the file, as a problem names it: "centres[3].facts[1]"
    record: str  # the id of the record it is (or belongs to)
    sources: tuple[str, ...]


def unquoted(dataset: Dataset) -> list[Unquoted]:
    """Every statement that rests on our summary of its sources, table by table as the file has them."""
    found: list[Unquoted] = []
    for i, period in enumerate(dataset.periods.values()):
        for j, fact in enumerate(period.facts):
            if fact.sources and not fact.quotes:
                found.append(Unquoted(f"periods[{i}].facts[{j}]", period.id, fact.sources))
    for i, centre in enumerate(dataset.centres.values()):
        statements: list[tuple[str, Any]] = [
            (f"{key}[{j}]", item) for key in CENTRE_STATEMENTS for j, item in enumerate(getattr(centre, key))
        ]
        if centre.coverage is not None:
            statements.append(("coverage", centre.coverage))
        for place, item in statements:
            if item.sources and not item.quotes:
                found.append(Unquoted(f"centres[{i}].{place}", centre.id, item.sources))
    tables: dict[str, Any] = {"services": dataset.services, "audiences": dataset.audiences, "events": dataset.events}
    for table in STATEMENT_TABLES:
        for i, record in enumerate(tables[table].values()):
            if record.sources and not record.quotes:
                found.append(Unquoted(f"{table}[{i}]", record.id, record.sources))
    return found
