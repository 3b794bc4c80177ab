"""The library under the command line: `Directory` answers in typed values and raises, never prints."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from conftest import PROJECT

from owes_cli import Directory
from owes_cli.answers import (
    CountyAnswer,
    CoverageStatus,
    NoteInfo,
    PeriodStatus,
    Query,
    to_json,
)
from owes_cli.answers.tables import Validation
from owes_cli.domain.model import CountyKind
from owes_cli.errors import AmbiguousError, DatasetError, NotFoundError, UsageError

DAY_2014 = date(2014, 6, 1)


@pytest.fixture(scope="module")
def directory() -> Directory:
    return Directory.load(lang="en")


def _loaded(code: str) -> list[str]:
    listing = "; print(sorted(m for m in sys.modules if m.startswith('owes_cli')))"
    result = subprocess.run([sys.executable, "-c", "import sys; " + code + listing], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return list(eval(result.stdout))


def test_import_owes_cli_loads_nothing_else() -> None:
    assert _loaded("import owes_cli") == ["owes_cli"]


def test_a_lookup_builds_neither_tables_nor_places() -> None:
    loaded = _loaded("from owes_cli import Directory; Directory.load(lang='en').which_centre(county='żarski')")
    assert "owes_cli.directory" in loaded and "owes_cli.answers" in loaded
    assert not {
        "owes_cli.answers.tables",
        "owes_cli.answers.detail",
        "owes_cli.domain.places",
        "owes_cli.domain.geo",
    } & set(loaded)


def test_a_county_answer_is_typed(directory: Directory) -> None:
    answer = directory.which_centre(county="żarski", on=DAY_2014)
    assert isinstance(answer, CountyAnswer)
    assert answer.period_status is PeriodStatus.CURRENT
    assert answer.coverage is CoverageStatus.CONFIRMED
    assert answer.county.kind is CountyKind.LAND
    assert answer.centre is not None and answer.centre.id == "zielona-gora-2013"
    assert answer.centre.period.from_ == "2013-03"


def test_today_the_coverage_is_unknown_and_the_last_confirmed_centre_is_given(directory: Directory) -> None:
    answer = directory.which_centre(place="Żary", on=date(2026, 11, 26))
    assert answer.coverage is CoverageStatus.UNKNOWN
    assert answer.centre is None
    assert [c.id for c in answer.centres] == ["zielona-gora-2024", "gorzow-2024"]
    assert answer.last_confirmed is not None and answer.last_confirmed.centre.id == "zielona-gora-2013"
    assert answer.place is not None and answer.place.county.teryt == "0811"


def test_a_point_as_numbers_or_as_text_gives_the_same_answer(directory: Directory) -> None:
    by_numbers = directory.which_centre(at=(51.6417, 15.1381), on=DAY_2014)
    by_text = directory.which_centre(at="51.6417,15.1381", on=DAY_2014)
    assert by_numbers == by_text
    assert by_numbers.county.name == "żarski"


def test_questions_that_cannot_be_answered_raise_the_projects_errors(directory: Directory) -> None:
    with pytest.raises(NotFoundError):
        directory.which_centre(county="mazowiecki nieistniejący")
    with pytest.raises(UsageError):
        directory.which_centre(county="żarski", place="Żary")
    with pytest.raises(UsageError):
        directory.which_centre()
    with pytest.raises(UsageError):
        directory.history()
    with pytest.raises(NotFoundError):
        directory.centre("no-such-centre")
    with pytest.raises(UsageError):
        Directory.load(lang="de")


def test_ambiguous_places_raise(directory: Directory) -> None:
    with pytest.raises(AmbiguousError):
        directory.place("Zb.")


def test_the_language_is_chosen_once(directory: Directory) -> None:
    polish = Directory.load(lang="pl")
    assert polish.audiences()[0].name != directory.audiences()[0].name
    assert polish.which_centre(county="0811", on=DAY_2014).period.name == "Projekt OWES 2013–2015"


def test_validate_reports_instead_of_raising() -> None:
    report = Directory.load(PROJECT / "tests" / "datasets" / "many-problems.toml", lang="en").validate()
    assert not report.valid and report.problems
    assert report.counts is None
    with pytest.raises(DatasetError):
        _ = Directory.load(PROJECT / "tests" / "datasets" / "many-problems.toml", lang="en").dataset
    valid = Directory.load(lang="en").validate()
    assert valid.valid and valid.counts is not None and valid.counts.centres >= 6


def test_to_json_spells_keywords_omits_flattens_and_hides() -> None:
    query = Query(county=None, place="Żary", at=None, on="2014-06-01")
    assert to_json(query) == {"place": "Żary", "on": "2014-06-01"}
    note = NoteInfo("note_separate_city", {"city": "Gorzów Wielkopolski"})
    assert to_json(note) == {"id": "note_separate_city", "city": "Gorzów Wielkopolski"}
    validation = Validation("x.toml", True, (), None, ())
    assert to_json(validation) == {"path": "x.toml", "valid": True, "problems": []}
    period = Directory.load(lang="en").which_centre(county="żarski", on=DAY_2014).period
    written = to_json(period)
    assert written["from"] == "2013-03" and "from_" not in written
    assert to_json(PeriodStatus.CURRENT) == "current"
