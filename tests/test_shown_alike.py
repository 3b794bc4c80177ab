"""Issue 18, "where it is shown": one answer, the same in every output that shows it.

A day no centre ran, who runs a centre, a website only the period gives,
names rather than ids, the counties grouped on a terminal and a day in the
past: each is checked in the plain text, the JSON, the CSV, the listings
and the documents (PDF text read back), in Polish and in English.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

import pypdf
import pytest
from conftest import Owes

from owes_cli import Directory
from owes_cli.render import pdf

MADE = datetime(2026, 6, 1, tzinfo=UTC)
GORZOW_2013 = "Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego"
NONE_RAN = {"en": "No known centre ran on this day.", "pl": "Tego dnia nie działał żaden znany ośrodek."}


@cache
def directory(lang: str) -> Directory:
    return Directory.load(lang=lang)


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    # The renderer lets a long address break after its dots: zero-width spaces, which a reader does not see.
    return " ".join(" ".join(page.extract_text().replace("\u200b", "").split()) for page in reader.pages)


def as_json(owes: Owes, *args: str) -> Any:
    run = owes(*args, "--format", "json")
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def as_csv(owes: Owes, *args: str) -> list[dict[str, str]]:
    run = owes(*args, "--format", "csv")
    assert run.exit_code == 0, run.stderr
    return list(csv.DictReader(io.StringIO(run.stdout)))


# --------------------------------------------------------------------------
# 1. A day no centre ran: between periods, after the last one, before the first
# --------------------------------------------------------------------------

# (county, day, status, the last confirmed centre's id or None)
NO_CENTRE_DAYS = [
    ("gorzowski", "2015-11-01", "between", "gorzow-2013"),
    ("żarski", "2015-12-31", "between", "zielona-gora-2013"),
    ("żarski", "2030-01-01", "historical", "zielona-gora-2013"),
    ("żarski", "2012-01-01", "before-first", None),
]


@pytest.mark.parametrize("lang", ["en", "pl"])
@pytest.mark.parametrize(("county", "day", "status", "last"), NO_CENTRE_DAYS)
def test_a_day_no_centre_ran_names_no_centre_in_any_format(
    owes: Owes, county: str, day: str, status: str, last: str | None, lang: str
) -> None:
    ask = ("which-centre", "--county", county, "--on", day, "--lang", lang)
    data = as_json(owes, *ask)
    assert (data["period_status"], data["coverage"], data["centre"], data["centres"]) == (status, "unknown", None, [])
    assert (data["last_confirmed"] or {}).get("centre", {}).get("id") == last
    rows = as_csv(owes, *ask)
    assert [(r["coverage"], r["centre_id"], r["last_confirmed_id"]) for r in rows] == [("unknown", "", last or "")]
    plain = owes(*ask, "--format", "plain").stdout
    full = owes(*ask, "--full", "--format", "plain").stdout
    if status != "before-first":
        assert NONE_RAN[lang] in plain and NONE_RAN[lang] in full
    for text in (plain, full):
        assert "confirmed by" not in text and "potwierdza:" not in text
    listed = {r["name"]: r for r in as_csv(owes, "counties", "--on", day, "--lang", lang)}
    assert (listed[county]["coverage"], listed[county]["centre_name"], listed[county]["candidates"]) == (
        "unknown",
        "",
        "",
    )
    names = {"gorzow-2013": GORZOW_2013, "zielona-gora-2013": GORZOW_2013.replace("gorzowskiego", "zielonogórskiego")}
    assert listed[county]["last_confirmed_name"] == names.get(last or "", "")


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_fact_sheet_between_periods_says_no_centre_ran_and_names_the_last_confirmed(lang: str) -> None:
    report = directory(lang).document(county="gorzowski", on=date(2015, 11, 1), generated=MADE)
    text = pdf_text(pdf.render(report))
    assert NONE_RAN[lang] in text
    last = {
        "en": "In the past — last confirmed (2013-03 – 2015-09):",
        "pl": "W przeszłości — ostatnio potwierdzony (2013-03 – 2015-09):",
    }[lang]
    assert f"{last} {GORZOW_2013}" in text
    # Not the "how to reach" list of a centre that is running: none is.
    assert {"en": "How to reach", "pl": "Jak dotrzeć"}[lang] not in text


def test_a_confirmed_centre_that_ended_early_is_the_last_confirmed_of_its_own_period(owes: Owes, tmp_path: Any) -> None:
    """A centre of the running period whose own dates ended: the last confirmed one, said as such."""
    from test_dataset import minimal_dataset

    second = """
[[centres]]
id = "c2"
period = "p1"
name = "OWES drugi"
operators = [{ organisation = "org", role = "lead", sources = ["src"] }]
sources = ["src"]
"""
    path = tmp_path / "ended.toml"
    path.write_text(minimal_dataset(centre_extra='to = "2014-06"', extra=second), encoding="utf-8")
    ask = ("which-centre", "--county", "żarski", "--on", "2015-01-01", "--data", str(path))
    data = as_json(owes, *ask)
    assert (data["period_status"], data["coverage"], data["centre"]) == ("current", "unknown", None)
    assert [c["id"] for c in data["centres"]] == ["c2"]
    assert data["last_confirmed"]["centre"]["id"] == "c1"
    assert "last confirmed: OWES testowy (2013-03 – 2014-06)" in owes(*ask).stdout
    assert "ostatnio potwierdzony: OWES testowy" in owes(*ask, "--lang", "pl").stdout


# --------------------------------------------------------------------------
# 2. Who runs a centre: one list, with roles, the same in every output
# --------------------------------------------------------------------------

RUN_BY_2013 = {
    "en": "Wojewódzki Urząd Pracy w Zielonej Górze (project lead); "
    "partner: Caritas Diecezji Zielonogórsko-Gorzowskiej – Biuro w Gorzowie Wielkopolskim",
    "pl": "Wojewódzki Urząd Pracy w Zielonej Górze (lider projektu); "
    "partner: Caritas Diecezji Zielonogórsko-Gorzowskiej – Biuro w Gorzowie Wielkopolskim",
}
# An organisation and its unit must never read as two partners.
SPLIT = "Gorzowskiej, Biuro"


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_who_runs_gorzow_2013_reads_alike_on_the_terminal_and_in_listings(owes: Owes, lang: str) -> None:
    expected = RUN_BY_2013[lang]
    outputs = {
        "short": owes("which-centre", "--county", "gorzowski", "--on", "2014-06-01", "--lang", lang).stdout,
        "full": owes("which-centre", "--full", "--county", "gorzowski", "--on", "2014-06-01", "--lang", lang).stdout,
        "card": owes("centre", "gorzow-2013", "--lang", lang).stdout,
        "listing": owes("centres", "--lang", lang, "--format", "plain").stdout,
    }
    for name, text in outputs.items():
        assert expected in _squash(text), name
        assert SPLIT not in text, name
    rows = {r["id"]: r for r in as_csv(owes, "centres", "--lang", lang)}
    assert rows["gorzow-2013"]["run_by"] == expected
    listed = {r["id"]: r for r in as_json(owes, "centres", "--lang", lang)}
    assert listed["gorzow-2013"]["run_by"] == expected
    # The JSON of a centre keeps the data as it is: its own operators, and the period's lead.
    card = as_json(owes, "centre", "gorzow-2013", "--lang", lang)
    assert [(op["id"], op["role"], op["unit"]) for op in card["operators"]] == [
        ("caritas-zg-gorzow", "partner", "Biuro w Gorzowie Wielkopolskim")
    ]
    assert card["period"]["lead"]["id"] == "wup-zielona-gora"


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_who_runs_a_centre_reads_alike_in_the_documents_and_the_spreadsheet(
    owes: Owes, lang: str, tmp_path: Any
) -> None:
    import openpyxl

    expected = RUN_BY_2013[lang]
    asking = directory(lang)
    # The fact sheet of 2014 (the centre itself); today's "last confirmed" box names the centre
    # and its seat only, to keep the sheet one page (issue 22).
    for day in (date(2014, 6, 1),):
        text = pdf_text(pdf.render(asking.document(county="gorzowski", on=day, generated=MADE)))
        assert expected in text, day
        assert SPLIT not in text
    book_path = tmp_path / "owes.xlsx"
    assert owes("export", "-o", str(book_path), "--lang", lang).exit_code == 0
    sheet = openpyxl.load_workbook(book_path).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    row = next(
        row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == GORZOW_2013 and "2013" in str(row[3])
    )
    assert row[header.index({"en": "Run by", "pl": "Prowadzi"}[lang])] == expected


def test_the_directory_document_names_every_operator_with_its_role() -> None:
    text = pdf_text(pdf.render(directory("en").document(on=date(2014, 6, 1), generated=MADE)))
    assert RUN_BY_2013["en"] in text
    assert SPLIT not in text


# --------------------------------------------------------------------------
# 3. A website only the period gives: shown, and said to be the period's
# --------------------------------------------------------------------------

PERIOD_SITE = {
    "en": "http://spolecznelubuskie.pl/ (the period's website)",
    "pl": "http://spolecznelubuskie.pl/ (strona okresu)",
}


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_period_s_website_is_shown_as_such_everywhere(owes: Owes, lang: str, tmp_path: Any) -> None:
    import openpyxl

    expected = PERIOD_SITE[lang]
    for args in (
        ("centre", "gorzow-2013"),
        ("which-centre", "--county", "gorzowski", "--on", "2014-06-01"),
        ("which-centre", "--full", "--county", "gorzowski", "--on", "2014-06-01"),
    ):
        assert expected in owes(*args, "--lang", lang).stdout, args
    rows = {r["id"]: r for r in as_csv(owes, "centres", "--lang", lang)}
    assert (rows["gorzow-2013"]["website"], rows["gorzow-2013"]["website_from"]) == (
        "http://spolecznelubuskie.pl/",
        "period",
    )
    assert (rows["lowes-2016"]["website"], rows["lowes-2016"]["website_from"]) == (
        "https://lowes.lubuskie.org.pl",
        "centre",
    )
    sheet_text = pdf_text(pdf.render(directory(lang).document(county="gorzowski", on=date(2014, 6, 1), generated=MADE)))
    assert expected in sheet_text
    book_path = tmp_path / "owes.xlsx"
    assert owes("export", "-o", str(book_path), "--lang", lang).exit_code == 0
    sheet = openpyxl.load_workbook(book_path).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    column = header.index({"en": "Website", "pl": "Strona"}[lang])
    cells = {f"{row[0].value}{row[3].value}": row[column] for row in sheet.iter_rows(min_row=2)}
    site = cells[GORZOW_2013 + "2013-03"]
    assert site.value == expected and site.hyperlink is not None
    assert site.hyperlink.target == "http://spolecznelubuskie.pl/"
    assert {"en": "not in our sources", "pl": "brak w naszych źródłach"}[lang] not in str(site.value)


# --------------------------------------------------------------------------
# 4. Names and numbered sources where people read; ids for scripts, and as input
# --------------------------------------------------------------------------

IDS = ("zielona-gora-2013", "gorzow-2013", "obserwuj-2015", "wschowa-2015", "radiogorzow-2014")


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_people_read_centres_by_name_and_sources_by_number(owes: Owes, lang: str) -> None:
    for args in (
        ("services",),
        ("periods",),
        ("history", "--county", "żarski"),
        ("history", "--centre", "gorzow-2013"),
    ):
        for fmt in ("plain", "table"):
            shown = owes(*args, "--lang", lang, "--format", fmt, env={"COLUMNS": "200"}).stdout
            assert not [i for i in IDS if i in shown], (args, fmt)
    services = owes("services", "--lang", lang, "--format", "plain").stdout
    assert f"{GORZOW_2013.replace('gorzowskiego', 'zielonogórskiego')}; {GORZOW_2013}" in services
    # Centres that share a name are told apart by their period.
    job_grants = owes("services", "--centre", "zielona-gora-2016", "--lang", lang, "--format", "plain").stdout
    assert {"en": "(Accredited OWES under RPO Lubuskie 2020)", "pl": "(Akredytowane OWES w ramach RPO Lubuskie 2020)"}[
        lang
    ] in job_grants
    history = owes("history", "--county", "żarski", "--lang", lang, "--format", "plain").stdout
    table, listed = history.split("\n\n", 1)
    assert table.splitlines()[1].endswith("1, 2")
    assert listed.startswith({"en": "Sources\n", "pl": "Źródła\n"}[lang])
    assert "\n  1. Lubuskie Ośrodki Wsparcia Ekonomii Społecznej, obserwuj.lubuskie.pl, 2015 — http" in listed
    assert "\n  2. Konferencja pt." in listed


def test_scripts_keep_the_ids_and_ids_are_still_accepted(owes: Owes) -> None:
    services = {r["id"]: r for r in as_csv(owes, "services")}
    assert services["founding-running"]["centres"] == "zielona-gora-2013; gorzow-2013"
    assert as_json(owes, "services")[0]["centres"] == "zielona-gora-2013; gorzow-2013"
    assert "centre_names" not in as_json(owes, "services")[0]
    history = as_csv(owes, "history", "--county", "żarski")
    assert history[0]["sources"] == "obserwuj-2015 wschowa-2015"
    assert as_json(owes, "history", "--centre", "gorzow-2013")[0]["sources"] == "obserwuj-2015"
    assert as_json(owes, "periods")[0]["centres"] == "zielona-gora-2013 gorzow-2013"
    for args in (
        ("services", "--centre", "gorzow-2013"),
        ("history", "--centre", "gorzow-2013"),
        ("centre", "gorzow-2013"),
    ):
        assert owes(*args).exit_code == 0, args


# --------------------------------------------------------------------------
# 6. A day in the past says so in the heading of every output
# --------------------------------------------------------------------------

PAST = {"en": "(historical)", "pl": "(stan historyczny)"}


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_an_answer_for_a_past_day_says_so_in_its_heading(owes: Owes, lang: str) -> None:
    from owes_cli import layout
    from owes_cli.layout import Heading

    short = owes("which-centre", "--county", "żarski", "--on", "2014-06-01", "--lang", lang).stdout
    assert (
        short.splitlines()[0]
        == {
            "en": "On 2014-06-01 (historical): which centre, żarski",
            "pl": "W dniu 2014-06-01 (stan historyczny): który ośrodek, żarski",
        }[lang]
    )
    full = owes("which-centre", "--full", "--county", "żarski", "--on", "2014-06-01", "--lang", lang).stdout
    assert full.splitlines()[0].endswith(
        {"en": ", for 2014-06-01 (historical)", "pl": ", na dzień 2014-06-01 (stan historyczny)"}[lang]
    )
    during = owes("which-centre", "--county", "żarski", "--on", "2014", "--lang", lang).stdout
    assert during.startswith(
        {"en": "2014 (historical): which centres", "pl": "2014 (stan historyczny): które ośrodki"}[lang]
    )
    # Past is relative to today, whichever day that is: the layout takes it as given.
    answer = directory(lang).which_centre(county="żarski", on=date(2026, 6, 1))
    for today, past in (("2026-06-01", False), ("2026-06-02", True), ("2026-05-31", False), ("", False)):
        heading = layout.short_answer(answer, lang, today=today)[0]
        assert isinstance(heading, Heading)
        assert (PAST[lang] in heading.text) is past, today
    today_heading = layout.short_answer(answer, lang, today="2026-06-01")[0]
    assert isinstance(today_heading, Heading)
    assert today_heading.text.startswith({"en": "Today: ", "pl": "Dziś: "}[lang])


# The library's today and the command line's OWES_TODAY are one today: the layout takes it as given.
INJECTED_TODAY = date(2015, 1, 1)


def _owes_on(today: date, lang: str, *args: str) -> str:
    """What `owes ARGS` prints in a pipe, run as a user runs it with OWES_TODAY set."""
    import os
    import subprocess
    import sys

    from conftest import BASE_ENV, PROJECT

    env = {**os.environ, **BASE_ENV, "OWES_TODAY": today.isoformat(), "OWES_LANG": lang}
    run = subprocess.run(
        [sys.executable, "-m", "owes_cli", *args], capture_output=True, text=True, cwd=PROJECT, env=env, check=False
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.mark.parametrize("lang", ["en", "pl"])
@pytest.mark.parametrize(
    ("day", "past"),
    [(date(2014, 6, 1), True), (None, False), (date(2016, 6, 1), False)],
    ids=["before", "today", "after"],
)
def test_the_library_s_today_labels_an_answer_as_owes_today_does(lang: str, day: date | None, past: bool) -> None:
    from owes_cli import layout
    from owes_cli.layout import sections
    from owes_cli.render import plain_blocks

    asking = Directory.load(lang=lang, today=INJECTED_TODAY)
    today = asking.today().isoformat()
    on: tuple[str, ...] = ("--on", day.isoformat()) if day else ()
    answer = asking.which_centre(county="żarski", on=day)
    short = plain_blocks(layout.short_answer(answer, lang, today=today))
    assert short == _owes_on(INJECTED_TODAY, lang, "which-centre", "--county", "żarski", *on)
    assert (PAST[lang] in short.splitlines()[0]) is past
    # A day after the injected today, and before the clock's, is not past: the layout read no clock.
    assert short.startswith({"en": "Today: ", "pl": "Dziś: "}[lang]) is (day is None)
    full = plain_blocks(sections.county_card(answer, lang, today=today))
    assert full == _owes_on(INJECTED_TODAY, lang, "which-centre", "--full", "--county", "żarski", *on)
    assert (PAST[lang] in full.splitlines()[0]) is past


@pytest.mark.parametrize("lang", ["en", "pl"])
@pytest.mark.parametrize(("year", "past"), [("2014", True), ("2016", False)])
def test_the_library_s_today_labels_a_year_as_owes_today_does(lang: str, year: str, past: bool) -> None:
    from owes_cli.answers import DuringAnswer
    from owes_cli.layout import sections
    from owes_cli.render import plain_blocks

    asking = Directory.load(lang=lang, today=INJECTED_TODAY)
    during = asking.which_centre(county="żarski", on=year)
    assert isinstance(during, DuringAnswer)
    drawn = plain_blocks(sections.during_answer(during, lang, today=asking.today().isoformat()))
    assert drawn == _owes_on(INJECTED_TODAY, lang, "which-centre", "--county", "żarski", "--on", year)
    assert (PAST[lang] in drawn.splitlines()[0]) is past


@pytest.mark.parametrize(("day", "past"), [("2014-06-01", True), ("2016-06-01", False)])
def test_the_library_s_today_labels_the_counties_as_owes_today_does(day: str, past: bool) -> None:
    from owes_cli.layout import Heading, listings

    asking = Directory.load(lang="en", today=INJECTED_TODAY)
    blocks = listings.counties_by_answer(
        asking.counties(on=day), "en", on=asking.day(day).isoformat(), today=asking.today().isoformat()
    )
    heading = blocks[0]
    assert isinstance(heading, Heading)
    assert (PAST["en"] in heading.text) is past
    screen = _counties_on_a_terminal("--on", day, lang="en", today=INJECTED_TODAY)
    assert screen[0].startswith(f"╭─ {heading.text} ─")


def test_a_document_s_today_is_the_library_s_today_where_one_is_given() -> None:
    # Its answer without `on` is for that day, so the day is not past, whenever the document is made.
    asking = Directory.load(lang="en", today=INJECTED_TODAY)
    assert asking.document(county="żarski", generated=MADE).subtitle == "Answer for 2015-01-01"
    assert asking.document(county="żarski", on=date(2016, 6, 1), generated=MADE).subtitle == "Answer for 2016-06-01"
    before = asking.document(county="żarski", on=date(2014, 6, 1), generated=MADE)
    assert before.subtitle == "Answer for 2014-06-01 (historical)"
    assert PAST["en"] in asking.document(on=date(2014, 6, 1), generated=MADE).subtitle
    assert PAST["en"] not in asking.document(on=date(2016, 6, 1), generated=MADE).subtitle


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_a_document_for_a_day_before_it_was_made_says_historical_in_its_heading(lang: str) -> None:
    asking = directory(lang)
    old_sheet = asking.document(county="żarski", on=date(2014, 6, 1), generated=MADE)
    assert (
        old_sheet.subtitle
        == {
            "en": "Answer for 2014-06-01 (historical)",
            "pl": "Odpowiedź na dzień 2014-06-01 (stan historyczny)",
        }[lang]
    )
    assert old_sheet.subtitle in pdf_text(pdf.render(old_sheet))
    same_day = asking.document(county="żarski", on=date(2026, 6, 1), generated=MADE)
    assert PAST[lang] not in same_day.subtitle
    old_directory = asking.document(on=date(2014, 6, 1), generated=MADE)
    assert old_directory.subtitle.endswith(
        {"en": ", for 2014-06-01 (historical)", "pl": ", na dzień 2014-06-01 (stan historyczny)"}[lang]
    )
    assert PAST[lang] in old_directory.running_head
    centre = asking.document(centre="gorzow-2013", on=date(2014, 6, 1), generated=MADE)
    assert PAST[lang] in centre.subtitle
    assert PAST[lang] not in asking.document(on=date(2026, 6, 1), generated=MADE).subtitle


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_sheet_between_periods_names_the_next_period_not_no_later_data(lang: str) -> None:
    text = pdf_text(pdf.render(directory(lang).document(county="gorzowski", on=date(2015, 11, 1), generated=MADE)))
    assert {"en": "the next period begins in 2016", "pl": "następny okres zaczyna się w 2016 r."}[lang] in text
    assert {"en": "we have no later data", "pl": "nowszych danych nie mamy"}[lang] not in text


# --------------------------------------------------------------------------
# 5. `owes counties` on a terminal: grouped by answer, one screen
# --------------------------------------------------------------------------


def _counties_on_a_terminal(*args: str, lang: str, today: date | None = None) -> list[str]:
    import os

    from conftest import run_on_pty

    env = {**os.environ, "OWES_PAGER": "", "LINES": "24", "COLUMNS": "80", "OWES_LANG": lang, "NO_COLOR": "1"}
    if today is not None:
        env["OWES_TODAY"] = today.isoformat()
    env.pop("PAGER", None)
    screen = run_on_pty(["counties", *args], env).replace("\r", "")
    return re.sub(r"\x1b\[[0-9;]*m", "", screen).rstrip("\n").splitlines()


@pytest.mark.parametrize("lang", ["en", "pl"])
@pytest.mark.parametrize("day", [None, "2014-06-01", "2015-11-01", "2026-11-26"])
def test_counties_on_a_terminal_are_grouped_by_answer_and_fit_a_screen(lang: str, day: str | None) -> None:
    lines = _counties_on_a_terminal(*(("--on", day) if day else ()), lang=lang)
    assert len(lines) <= 24, lines
    assert all(len(line) <= 80 for line in lines)
    text = " ".join(" ".join(lines).split())
    # Every county once, the long centre names not once per county.
    for county in ("gorzowski", "krośnieński", "strzelecko-drezdenecki", "żarski", "Zielona Góra", "wschowski"):
        assert len(re.findall(rf"(?<![\w-]){re.escape(county)}(?![\w-])", text)) == 1, county
    assert text.count("subregionu gorzowskiego") == 1


def test_counties_in_2014_name_each_centre_once_with_its_counties() -> None:
    lines = _counties_on_a_terminal("--on", "2014-06-01", lang="en")
    assert lines[0].startswith("╭─ Counties and their centres: On 2014-06-01 (historical) ")
    at = lines.index(GORZOW_2013)
    assert " ".join(" ".join(lines[at + 1 : at + 3]).split()) == (
        "Counties (6) gorzowski, Gorzów Wielkopolski, międzyrzecki, słubicki, strzelecko-drezdenecki, sulęciński"
    )


def test_pipes_and_asked_formats_keep_one_row_per_county(owes: Owes) -> None:
    piped = owes("counties", "--on", "2014-06-01").stdout.splitlines()
    assert piped[0].split()[:3] == ["TERYT", "Name", "Kind"] and len(piped) == 15
    assert piped == owes("counties", "--on", "2014-06-01", "--format", "plain").stdout.splitlines()
    assert len(as_csv(owes, "counties", "--on", "2014-06-01")) == 14
    assert len(as_json(owes, "counties", "--on", "2014-06-01")) == 14
    table = owes("counties", "--on", "2014-06-01", "--format", "table", env={"COLUMNS": "300"}).stdout
    assert sum(1 for line in table.splitlines() if line.lstrip("│ ").startswith("08")) == 14


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_web_page_groups_counties_as_the_terminal_does(lang: str) -> None:
    between = dict(directory(lang).web_page(on=date(2015, 11, 1), generated=MADE).by_centre)
    assert list(between) == [NONE_RAN[lang].rstrip(".")]
    today = dict(directory(lang).web_page(on=date(2026, 6, 1), generated=MADE).by_centre)
    (heading,) = today
    # The candidates as a sentence says them, as the terminal heads them: not " | " as a CSV cell joins them.
    assert heading.startswith({"en": "One of: ", "pl": "Jeden z ośrodków: "}[lang])
    assert {"en": "Górze or Ośrodek", "pl": "Górze lub Ośrodek"}[lang] in heading and " | " not in heading
