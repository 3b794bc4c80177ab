"""How a question is asked: a bare word ends as its option does, a name whose readings
agree is answered, a file written is said, and the library speaks as the command line."""

from __future__ import annotations

import json
import re
import shlex
from datetime import date
from pathlib import Path

import pytest
from conftest import PROJECT, Owes

from owes_cli import Directory
from owes_cli.directory import Where
from owes_cli.errors import AmbiguousError, ExitCode, NotFoundError, PlaceAmbiguous, UsageError

DAY = "2014-06-01"
README = (PROJECT / "README.md").read_text(encoding="utf-8")
READ_AS = re.compile(r'^Read “(?P<query>.*)” as [a-z ]+: (?P<option>--county|--place|--at) "(?P=query)"$')

# The words of issue 18 that a bare word used to answer "no county, place or point we know".
WORDS = ["Nowa Wieś", "Brody", "Trzebiechów", "Łagów", "Laski", "Jamno", "Głogów", "Poznań", "Kostrzyn", "Tosin"]


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("day", [DAY, "2026-11-26"])
def test_a_bare_word_ends_as_the_reading_that_recognises_it(owes: Owes, word: str, day: str) -> None:
    bare = owes("which-centre", word, "--on", day, "--format", "plain")
    said, _, rest = bare.stderr.partition("\n")
    reading = READ_AS.match(said)
    assert reading is not None, bare.stderr
    option = owes("which-centre", reading["option"], word, "--on", day, "--format", "plain")
    assert (bare.exit_code, bare.stdout, rest) == (option.exit_code, option.stdout, option.stderr)
    assert "no county, place or point we know" not in bare.stderr


@pytest.mark.parametrize(
    ("word", "code", "says"),
    [
        ("Nowa Wieś", ExitCode.AMBIGUOUS, "fits places in several counties"),
        ("Jamno", ExitCode.AMBIGUOUS, "fits places in several counties"),
        ("Głogów", ExitCode.NOT_FOUND, "województwo dolnośląskie"),
        ("Tosin", ExitCode.NOT_FOUND, "województwo łódzkie"),
        ("Kostrzyn", ExitCode.NOT_FOUND, "Did you mean: Kosarzyn, Kostrzyn nad Odrą"),
        ("Łagów", ExitCode.OK, "the answer holds for them too"),
        ("Brody", ExitCode.OK, "the answer holds for them too"),
    ],
)
def test_what_a_bare_word_ends_in_on_a_day_of_2014(owes: Owes, word: str, code: int, says: str) -> None:
    run = owes("which-centre", word, "--on", DAY, "--format", "plain")
    assert run.exit_code == code
    assert says in run.stdout + run.stderr


def test_only_a_word_no_reading_knows_gets_the_generic_message(owes: Owes) -> None:
    run = owes("which-centre", "qqqqqqqq")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stderr == "“qqqqqqqq” is no county, place or point we know. All counties: owes counties\n"


def test_a_misspelt_county_ends_with_the_county_suggestions(owes: Owes) -> None:
    run = owes("which-centre", "żarskx")
    option = owes("which-centre", "--county", "żarskx")
    assert run.exit_code == option.exit_code == ExitCode.NOT_FOUND
    assert run.stderr == 'Read “żarskx” as a county: --county "żarskx"\n' + option.stderr
    assert "Did you mean: żarski" in run.stderr


@pytest.mark.parametrize("command", ["history", "services"])
def test_history_and_services_take_a_bare_word(owes: Owes, command: str) -> None:
    bare = owes(command, "żarski", "--format", "csv")
    option = owes(command, "--county", "żarski", "--format", "csv")
    assert bare.exit_code == option.exit_code == 0
    assert bare.stdout == option.stdout
    assert bare.stderr == 'Read “żarski” as a county: --county "żarski"\n'


def test_a_bare_word_and_an_option_together_are_refused(owes: Owes) -> None:
    run = owes("history", "żarski", "--at", "51.64,15.14")
    assert run.exit_code == ExitCode.USAGE
    assert "Give only one of --county, --place and --at (given: żarski, --at)." in run.stderr


# --------------------------------------------------------------------------
# The ambiguity rule
# --------------------------------------------------------------------------


def test_a_name_whose_readings_agree_is_answered_with_a_note_and_the_readings(owes: Owes) -> None:
    run = owes("which-centre", "--place", "Łagów", "--on", DAY, "--format", "json")
    assert run.exit_code == 0
    answer = json.loads(run.stdout)
    assert answer["centre"]["id"] == "zielona-gora-2013"
    assert [(r["kind"], r["county"]["name"]) for r in answer["readings"]] == [
        ("rural", "świebodziński"),
        ("village", "świebodziński"),
        ("village", "krośnieński"),
    ]
    assert answer["place"]["teryt"] == answer["readings"][0]["teryt"]
    (note,) = [n for n in answer["notes"] if n["id"] == "readings_same_answer"]
    assert [r["gmina"] for r in note["readings"]] == ["Łagów", "Dąbie"]
    assert run.stderr == (
        "Note: “Łagów” also names Łagów (village, gmina Łagów, powiat świebodziński); "
        "Łagów (village, gmina Dąbie, powiat krośnieński); the answer holds for them too.\n"
    )


def test_the_note_in_polish(owes: Owes) -> None:
    run = owes("which-centre", "--place", "Łagów", "--on", DAY, "--format", "json", "--lang", "pl")
    assert run.stderr.startswith("Uwaga: „Łagów” to także Łagów (wieś, gmina Łagów, powiat świebodziński); ")
    assert run.stderr.endswith("odpowiedź jest dla nich ta sama.\n")


def test_readings_that_differ_on_the_day_are_listed_in_the_rule_s_order(owes: Owes) -> None:
    # 2014: powiat krośnieński and świebodziński (Zielona Góra) against sulęciński (Gorzów).
    run = owes("which-centre", "--place", "Jamno", "--on", DAY)
    assert run.exit_code == ExitCode.AMBIGUOUS
    listed = [line.split(",")[0].strip() for line in run.stderr.splitlines()[1:-1]]
    # Villages first (the region's, by county), then the forest settlement.
    assert listed == ["Jamno (SIMC 0186996", "Jamno (SIMC 0912899", "Jamno (SIMC 0185353"]


def test_a_gmina_and_its_seat_village_lead(owes: Owes) -> None:
    directory = Directory.load(lang="en", today=date(2014, 6, 1))
    readings = directory.place_readings("Brody")
    assert readings.same_answer
    assert [(r.kind, r.gmina.name) for r in readings.readings] == [
        ("rural", "Brody"),
        ("village", "Brody"),
        ("village", "Sulechów"),
    ]
    assert not directory.place_readings("Nowa Wieś").same_answer
    assert directory.place_readings("Żary").readings[0].kind == "urban"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["services", "--place", "Łagów", "--on", DAY], 0),
        (["history", "--place", "Łagów"], 0),
        (["places", "--place", "Łagów"], ExitCode.AMBIGUOUS),  # its answer is the county itself
        (["services", "--place", "Nowa Wieś", "--on", DAY], ExitCode.AMBIGUOUS),
    ],
)
def test_the_rule_holds_wherever_a_place_is_taken(owes: Owes, args: list[str], code: int) -> None:
    assert owes(*args, "--format", "csv").exit_code == code


def test_an_abbreviation_that_fits_several_names_stays_a_choice(owes: Owes) -> None:
    assert owes("which-centre", "--place", "Zb.", "--on", DAY).exit_code == ExitCode.AMBIGUOUS


def test_export_answers_a_name_whose_readings_agree(owes: Owes, tmp_path: Path) -> None:
    target = tmp_path / "lagow.docx"
    run = owes("export", "--place", "Łagów", "--on", DAY, "-o", str(target))
    assert run.exit_code == 0, run.stderr
    assert target.stat().st_size > 0


# --------------------------------------------------------------------------
# The first minute
# --------------------------------------------------------------------------


def test_the_readme_says_how_to_put_owes_on_the_path() -> None:
    after_install = README.split("<!-- install-command -->", 1)[1].split("## Quick start", 1)[0]
    assert "source .venv/bin/activate" in after_install
    assert "pipx install ." in after_install


@pytest.mark.parametrize(
    ("args", "name", "english", "polish"),
    [
        (["export", "--county", "żarski", "--on", DAY], "a.pdf", "PDF written", "Zapisano dokument PDF"),
        (["export", "--county", "żarski", "--on", DAY], "a.docx", "Word document written", "Zapisano dokument Word"),
        (["export"], "a.xlsx", "Spreadsheet written", "Zapisano arkusz kalkulacyjny"),
        (["export", "--on", DAY], "a.html", "Web page written", "Zapisano stronę WWW"),
        (["map", "--on", DAY], "a.svg", "Map written", "Zapisano mapę"),
    ],
)
def test_a_file_written_is_said_in_one_line(
    owes: Owes, tmp_path: Path, args: list[str], name: str, english: str, polish: str
) -> None:
    target = tmp_path / name
    run = owes(*args, "-o", str(target))
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", f"{english}: {target}\n")
    polish_run = owes(*args, "-o", str(target), "--force", "--lang", "pl")
    assert polish_run.stderr == f"{polish}: {target}\n"
    quiet = owes(*args, "-o", str(target), "--force", "--quiet")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    assert target.stat().st_size > 0


# --------------------------------------------------------------------------
# The library
# --------------------------------------------------------------------------


def test_an_error_says_itself_in_the_directory_s_language() -> None:
    for lang, headline in (("en", "“Nowa Wieś” fits places"), ("pl", "„Nowa Wieś” pasuje do miejsc")):
        directory = Directory.load(lang=lang)
        with pytest.raises(PlaceAmbiguous) as raised:
            directory.which_centre(place="Nowa Wieś", on=date(2014, 6, 1))
        assert str(raised.value).startswith(headline)
        assert "SIMC 0178548" in str(raised.value)
        assert len(raised.value.candidates) == 2
    with pytest.raises(NotFoundError) as missing:
        Directory.load(lang="pl").centre("no-such-centre")
    assert str(missing.value).startswith("Nie ma ośrodka")


@pytest.mark.parametrize(
    ("on", "expected"),
    [("2014-06-01", date(2014, 6, 1)), (date(2014, 6, 1), date(2014, 6, 1)), ("1.06.2014", date(2014, 6, 1))],
)
def test_on_takes_a_date_or_iso_text(on: date | str, expected: date) -> None:
    answer = Directory.load(lang="en").which_centre(county="żarski", on=on)
    assert answer.query.on == expected.isoformat()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("on", "first", "last"), [("2014-06", "2014-06-01", "2014-06-30"), ("2014", "2014-01-01", "2014-12-31")]
)
def test_on_a_month_or_a_year_answers_for_all_of_it(on: str, first: str, last: str) -> None:
    during = Directory.load(lang="en").which_centre(county="żarski", on=on)
    assert (during.from_, during.to) == (first, last)  # type: ignore[union-attr]
    assert [s.centre.id for s in during.centres] == ["zielona-gora-2013"]  # type: ignore[union-attr]


@pytest.mark.parametrize("on", [20140601, "June 2014", "2014-02-30", 3.5])
def test_anything_else_as_on_is_a_usage_error(on: object) -> None:
    directory = Directory.load(lang="en")
    with pytest.raises(UsageError) as raised:
        directory.which_centre(county="żarski", on=on)  # type: ignore[call-overload]
    assert "Traceback" not in str(raised.value)
    assert str(raised.value).split(" ")[0] in ("on=", "Invalid", "No")


def test_today_is_injectable_and_used_without_on() -> None:
    directory = Directory.load(lang="en", today=date(2014, 6, 1))
    assert directory.which_centre(county="żarski").query.on == "2014-06-01"
    assert {row.coverage for row in directory.counties()} == {"confirmed"}
    assert "2014-06-01" in directory.document(county="żarski").subtitle
    later = Directory.load(lang="en", today=date(2026, 11, 26))
    assert later.which_centre(county="żarski").coverage == "unknown"


def test_where_is_the_one_check_that_one_thing_is_asked() -> None:
    assert Where.parse() is None
    assert Where.parse(place="Żary") == Where("--place", "Żary")
    assert Where.parse(at=(51.6, 15.1)) == Where("--at", "51.6,15.1", (51.6, 15.1))
    with pytest.raises(UsageError) as raised:
        Where.parse(county="żarski", at="51.6,15.1")
    assert str(raised.value) == "Give only one of --county, --place and --at (given: --county, --at)."
    with pytest.raises(AmbiguousError):
        Directory.load(lang="en").which_centre(Where.parse(words="Nowa Wieś"), on=date(2014, 6, 1))


@pytest.mark.parametrize("command", ["owes which-centre Łagów --on 2014-06-01", "owes services Łagów --on 2014-06-01"])
def test_the_library_and_the_command_line_read_a_word_alike(owes: Owes, command: str) -> None:
    run = owes(*shlex.split(command)[1:], "--format", "json")
    assert run.exit_code == 0
    assert run.stderr.startswith('Read “Łagów” as a place: --place "Łagów"\n')
