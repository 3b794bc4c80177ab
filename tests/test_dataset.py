"""The bundled dataset is complete, sourced and true to its references;
the validator finds every kind of problem and says where it is."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from conftest import BUNDLED, PROJECT, Owes

from owes_cli.domain import load_register
from owes_cli.domain.dataset import check, load, parse_raw
from owes_cli.domain.dataset.evidence import normalise, unquoted
from owes_cli.domain.model import Audience, Centre, County, Document, Event, Organisation, Period, Service
from owes_cli.domain.periods import coverage_among
from owes_cli.errors import DatasetError, ExitCode

REGISTER = load_register()
DATASET = load(BUNDLED, REGISTER)


def minimal_dataset(
    *, centre_name: str = "OWES testowy", centre_extra: str = "", extra: str = "", period_to: str = "2015-09"
) -> str:
    """A small valid dataset; tests break one thing in it at a time."""
    quoted_name = json.dumps(centre_name, ensure_ascii=False)  # a JSON string is a valid TOML string
    return f'''schema = 1
[dataset]
title = "Test"
region = {{ teryt = "08", name = "lubuskie" }}

[[sources]]
id = "src"
title = "Źródło"
date = "2015"

[[organisations]]
id = "org"
name = "Organizacja"
sources = ["src"]

[[periods]]
id = "p1"
name = {{ pl = "Okres", en = "Period" }}
programme = "Program"
from = "2013-03"
to = "{period_to}"
sources = ["src"]

[[centres]]
id = "c1"
period = "p1"
name = {quoted_name}
operators = [{{ organisation = "org", role = "lead", sources = ["src"] }}]
coverage = {{ counties = ["0811"], sources = ["src"] }}
services = ["s1"]
sources = ["src"]
{centre_extra}
[[services]]
id = "s1"
group = "advice"
name = {{ pl = "Usługa", en = "Service" }}
sources = ["src"]

[[audiences]]
id = "a1"
group = "primary"
name = {{ pl = "Odbiorcy", en = "Audience" }}
sources = ["src"]

[[counties]]
teryt = "0811"
name = "żarski"
kind = "land"
sources = ["src"]
{extra}'''


def problems_of(text: str, tmp_path: Path) -> list[tuple[str, str]]:
    path = tmp_path / "d.toml"
    path.write_text(text, encoding="utf-8")
    try:
        load(path, REGISTER)
    except DatasetError as err:
        return [(p.code, p.where) for p in err.problems]
    return []


# --- the bundled data ---------------------------------------------------------


def test_all_14_counties_have_exactly_one_centre_in_2013_2015() -> None:
    assert len(DATASET.counties) == 14
    for county in DATASET.counties.values():
        covering = [c.id for c in DATASET.centres_in("pokl-2013") if c.coverage and county.teryt in c.coverage.counties]
        assert len(covering) == 1, county
    zg = DATASET.centres["zielona-gora-2013"].coverage
    gw = DATASET.centres["gorzow-2013"].coverage
    assert zg and gw and (len(zg.counties), len(gw.counties)) == (8, 6)
    in_2013 = DATASET.centres_in("pokl-2013")
    zielona_gora, gorzow = coverage_among(in_2013, "0862")[1], coverage_among(in_2013, "0861")[1]
    assert zielona_gora and zielona_gora.id == "zielona-gora-2013"
    assert gorzow and gorzow.id == "gorzow-2013"


def test_later_centres_have_no_invented_coverage_or_contacts() -> None:
    for centre_id in ("zielona-gora-2016", "lowes-2016", "zielona-gora-2024", "gorzow-2024"):
        centre = DATASET.centres[centre_id]
        assert centre.coverage is None
        assert centre.phones == () and centre.emails == ()
    assert DATASET.centres["zielona-gora-2024"].addresses == ()
    assert DATASET.centres["gorzow-2024"].addresses == ()
    assert DATASET.periods["rpo-2016"].end is None


def test_bundled_data_is_valid_with_every_reference_resolved() -> None:
    assert check(parse_raw(BUNDLED, BUNDLED.read_bytes()), REGISTER) == []


Sourced = Organisation | Period | Centre | Service | Audience | Document | Event | County


def test_every_record_names_a_source() -> None:
    records: list[Sourced] = [
        *DATASET.organisations.values(),
        *DATASET.periods.values(),
        *DATASET.centres.values(),
        *DATASET.services.values(),
        *DATASET.audiences.values(),
        *DATASET.documents.values(),
        *DATASET.events.values(),
        *DATASET.counties.values(),
    ]
    for record in records:
        assert record.sources, record
    for centre in DATASET.centres.values():
        assert all(op.sources for op in centre.operators)
        assert all(a.sources for a in centre.addresses)
        assert all(f.sources for f in centre.facts)


def test_counties_match_the_teryt_register() -> None:
    for code, county in DATASET.counties.items():
        official = REGISTER.county(code)
        assert official is not None and (official.name, official.kind) == (county.name, county.kind)
    assert sorted(DATASET.counties) == sorted(c for c in REGISTER.counties if c.startswith("08"))


def test_no_names_of_people() -> None:
    # Officials' titles that would come with a person's name in the sources.
    text = BUNDLED.read_text(encoding="utf-8")
    assert not re.search(r"\b(prezes|dyrektor|pan|pani|koordynator)\w*\s+[A-ZŁŚŻŹ]", text, re.IGNORECASE)


def test_quotes_stand_verbatim_in_the_reference(reference: Path) -> None:
    """Each stored quote is a substring of its reference file, compared as `evidence.normalise`
    does: white space (line breaks too) as one space; case, punctuation and quotation marks exact."""
    founding = normalise((reference / "sources" / "owes-lubuskie-2013-2015.txt").read_text(encoding="utf-8"))
    later = normalise((reference / "sources" / "facts-later-periods.md").read_text(encoding="utf-8"))
    stored = [(s.id, q) for s in DATASET.sources.values() for q in s.quotes]
    for source_id, quote in stored:
        haystack = founding if source_id == "obserwuj-2015" else later
        assert normalise(quote) in haystack, (source_id, quote)
    assert len(stored) == 54
    # The undated news page that lists six counties for the Zielona Góra centre is no source of ours.
    assert not any("eska.pl" in (s.url or "") for s in DATASET.sources.values())
    assert "żarskiego i wschowskiego" not in BUNDLED.read_text(encoding="utf-8")


# The statements that quote none of their sources, each with why: they are shown as
# "according to … (our summary)" and `owes validate` lists them. A new one fails the test below.
OUR_SUMMARIES = {
    # The reference gives the call's dates only in its English note ("9 Oct – 13 Nov 2023").
    ("fewl-2024", ("felb-call-2023",)),
    # The reference names the project for the rpo.lubuskie.pl page, with no sentence of it.
    ("lowes-2016", ("rpo-call-2018",)),
    # The page of 2015-11-23 is recorded by its address and title only: no quote in the reference.
    ("gorzow-activity-after-end-2015", ("owesgw-2015-11",)),
    # "First edition ended August 2018" is the reference's note about the interview, not its words.
    ("lowes-first-edition-end-2018", ("echogorzowa-2019",)),
}


def test_every_statement_quotes_its_source_or_is_a_known_summary() -> None:
    found = [(u.record, u.sources) for u in unquoted(DATASET)]
    assert len(found) == len(OUR_SUMMARIES) == 4
    assert set(found) == OUR_SUMMARIES
    # What the issue named is quoted now: the leads, the Gorzów partners and cost, the 2024 services.
    for centre_id in ("zielona-gora-2016", "zielona-gora-2024", "gorzow-2024"):
        assert all(op.quotes for op in DATASET.centres[centre_id].operators), centre_id
    assert all(f.quotes for f in DATASET.centres["gorzow-2024"].facts)
    assert all(DATASET.services[s].quotes for s in DATASET.centres["zielona-gora-2024"].services)


def test_a_quote_must_stand_in_a_cited_source(tmp_path: Path) -> None:
    quoted = minimal_dataset(
        centre_extra='facts = [{ text = { pl = "x", en = "x" }, sources = ["src"], quotes = ["y"] }]'
    )
    text = quoted.replace('title = "Źródło"', 'title = "Źródło"\nquotes = ["a  longer\\nsentence y z"]')
    assert problems_of(text, tmp_path) == []  # white space is compared as one space
    assert problems_of(text.replace('quotes = ["y"]', 'quotes = ["Y"]'), tmp_path) == [
        ("quote_not_in_sources", "centres[0].facts[0].quotes[0]")
    ]
    assert problems_of(quoted, tmp_path) == [("quote_not_in_sources", "centres[0].facts[0].quotes[0]")]
    unquoted_fact = minimal_dataset(centre_extra='facts = [{ text = { pl = "x", en = "x" }, sources = ["src"] }]')
    assert problems_of(unquoted_fact, tmp_path) == []  # no quote is allowed: it is counted, not refused


def test_source_addresses_and_dates_come_from_the_reference(reference: Path) -> None:
    sources_text = (reference / "sources" / "facts-later-periods.md").read_text(encoding="utf-8")
    for source in DATASET.sources.values():
        if source.url:
            assert source.url in sources_text, source.id
        if source.date and not source.id.startswith("teryt-"):  # the registers are dated by GUS
            assert str(source.date) in sources_text or str(source.date.year) in sources_text, source.id


def test_derived_data_matches_a_rebuild_from_the_reference(reference: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_data", PROJECT / "scripts" / "build_data.py")
    assert spec and spec.loader
    build_data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_data)
    for path, content in build_data.build(reference, PROJECT / "data").items():
        assert path.read_text(encoding="utf-8") == content, f"{path} is stale: run scripts/build_data.py"
    register = json.loads((PROJECT / "data" / "teryt.json").read_text(encoding="utf-8"))
    assert (len(register["voivodeships"]), len(register["counties"])) == (16, 380)
    assert register["as_of"] == "2020-01-01"


# --- the validator ---------------------------------------------------------------


def test_minimal_dataset_is_valid(tmp_path: Path) -> None:
    assert problems_of(minimal_dataset(), tmp_path) == []


def test_fact_without_source(tmp_path: Path) -> None:
    text = minimal_dataset().replace(
        'id = "org"\nname = "Organizacja"\nsources = ["src"]', 'id = "org"\nname = "Organizacja"\nsources = []'
    )
    assert problems_of(text, tmp_path) == [("no_sources", "organisations[0].sources")]
    text = minimal_dataset(centre_extra='facts = [{ text = { pl = "x", en = "x" }, sources = [] }]')
    assert problems_of(text, tmp_path) == [("no_sources", "centres[0].facts[0].sources")]


def test_county_confirmed_for_two_centres_at_once(tmp_path: Path) -> None:
    second = """
[[periods]]
id = "p2"
name = { pl = "Drugi", en = "Second" }
programme = "Program"
from = "2015-01"
sources = ["src"]

[[centres]]
id = "c2"
period = "p2"
name = "Drugi"
coverage = { counties = ["0811"], sources = ["src"] }
sources = ["src"]
"""
    assert problems_of(minimal_dataset(extra=second), tmp_path) == [
        ("county_two_centres", "centres[1].coverage.counties[0]")
    ]
    # The same county in periods that do not overlap is no contradiction.
    assert problems_of(minimal_dataset(extra=second.replace("2015-01", "2016-01")), tmp_path) == []


def test_dates_that_do_not_parse_and_ends_before_starts(tmp_path: Path) -> None:
    assert problems_of(minimal_dataset(period_to="2015-13"), tmp_path) == [("bad_date", "periods[0].to")]
    assert problems_of(minimal_dataset(period_to="wrzesień 2015"), tmp_path) == [("bad_date", "periods[0].to")]
    assert problems_of(minimal_dataset(period_to="2012"), tmp_path) == [("end_before_start", "periods[0].to")]


def test_unknown_key_suggests_the_intended_one(owes: Owes, tmp_path: Path) -> None:
    path = tmp_path / "typo.toml"
    path.write_text(minimal_dataset(centre_extra="adresses = []"), encoding="utf-8")
    run = owes("validate", str(path))
    assert run.exit_code == ExitCode.INVALID_DATASET
    assert run.stdout == ""
    assert run.stderr == (
        f"The dataset {path} is invalid (1 problem):\n"
        f"  {path}: centres[0].adresses: unknown key “adresses”; did you mean “addresses”?\n"
    )


def test_every_problem_in_one_run(owes: Owes, tmp_path: Path) -> None:
    text = (
        minimal_dataset(period_to="2015-13", centre_extra='website = "javascript:alert(1)"')
        .replace('services = ["s1"]', 'services = ["s9"]')
        .replace('teryt = "0811"\nname = "żarski"', 'teryt = "0811"\nname = "zarski"')
    )
    path = tmp_path / "many.toml"
    path.write_text(text, encoding="utf-8")
    run = owes("validate", str(path), "--format", "json")
    assert run.exit_code == ExitCode.INVALID_DATASET
    report = json.loads(run.stdout)
    assert [(p["code"], p["where"]) for p in report["problems"]] == [
        ("bad_date", "periods[0].to"),
        ("bad_url", "centres[0].website"),
        ("county_name_mismatch", "counties[0].name"),
        ("unknown_ref", "centres[0].services[0]"),
    ]
    assert report["problems"][2]["message"] == ("in the TERYT register county 0811 is called “żarski”, not “zarski”")


def test_syntax_error_names_the_line_in_polish(owes: Owes, tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('schema = 1\n[dataset\ntitle = "x"\n', encoding="utf-8")
    run = owes("validate", str(path), "--lang", "pl")
    assert run.exit_code == ExitCode.INVALID_DATASET
    assert run.stderr.startswith(
        f"Zbiór danych {path} jest błędny (1 problem):\n  {path}: wiersz 2: błąd składni TOML: "
    )


def test_validate_reports_the_bundled_data_valid(owes: Owes) -> None:
    run = owes("validate")
    assert run.exit_code == 0
    assert run.stdout.startswith(
        f"The dataset {BUNDLED} is valid: 6 centres, 14 counties, {len(DATASET.sources)} sources.\n"
        f"Without a quote from their source (our summary): {len(OUR_SUMMARIES)} facts.\n"
        "  periods[2].facts[1] (fewl-2024; sources: felb-call-2023)\n"
    )
    polish = owes("validate", "--lang", "pl")
    assert f"Bez cytatu ze źródła (nasze streszczenie): {len(OUR_SUMMARIES)} fakty.\n" in polish.stdout
    listed = json.loads(owes("validate", "--format", "json").stdout)["unquoted"]
    assert {(u["record"], tuple(u["sources"])) for u in listed} == set(OUR_SUMMARIES)


def test_data_option_and_environment_point_every_command_elsewhere(owes: Owes, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(minimal_dataset(centre_name="Mój ośrodek"), encoding="utf-8")
    by_option = owes("which-centre", "--county", "żarski", "--data", str(path), "--on", "2014-01-01")
    by_env = owes("which-centre", "--county", "żarski", "--on", "2014-01-01", env={"OWES_DATA": str(path)})
    assert "Mój ośrodek" in by_option.stdout and by_option.stdout == by_env.stdout


@pytest.mark.parametrize("command", [["centres"], ["which-centre", "--county", "żarski"], ["validate"]])
def test_broken_dataset_gets_a_report_not_a_traceback(owes: Owes, tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(minimal_dataset().replace("schema = 1", 'schema = "one"'), encoding="utf-8")
    run = owes(*command, "--data", str(path))
    assert run.exit_code == ExitCode.INVALID_DATASET
    assert run.stdout == ""
    assert run.stderr == (
        f"The dataset {path} is invalid (1 problem):\n  {path}: schema: expected integer, found string\n"
    )


def test_missing_dataset_file(owes: Owes, tmp_path: Path) -> None:
    run = owes("centres", "--data", str(tmp_path / "nope.toml"))
    assert run.exit_code == ExitCode.INVALID_DATASET
    assert run.stderr.endswith("nope.toml: the file does not exist\n")
