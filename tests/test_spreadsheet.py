"""`owes export -o owes.xlsx`: the whole dataset as a spreadsheet, read back with openpyxl."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import BUNDLED, PROJECT, Owes
from openpyxl.utils import get_column_letter

from owes_cli.domain import dataset, load_register
from owes_cli.errors import ExitCode

HOSTILE = PROJECT / "tests" / "datasets" / "hostile-names.toml"
FORMULA = '=HYPERLINK("https://example.org/";"Organizacja")'
EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC

SHEETS = {
    "en": ["Centres", "Counties by period", "Services", "Audiences", "Sources"],
    "pl": ["Ośrodki", "Powiaty w okresach", "Usługi", "Dla kogo", "Źródła"],
}
CENTRE_HEADERS = {
    "en": ["Name", "Period", "Programme", "From", "To", "Subregion", "Seat", "Run by", "Counties"],
    "pl": ["Nazwa", "Okres", "Program", "Od", "Do", "Subregion", "Siedziba", "Prowadzi", "Powiaty"],
}


def export(owes: Owes, tmp_path: Path, *args: str, name: str = "owes.xlsx") -> Path:
    target = tmp_path / name
    run = owes("export", "-o", str(target), *args, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert run.exit_code == ExitCode.OK, run.stderr
    assert run.stdout == ""
    return target


def rows(sheet: Any) -> list[list[Any]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_every_centre_and_county_with_headers_in_the_language(owes: Owes, tmp_path: Path, lang: str) -> None:
    book = openpyxl.load_workbook(export(owes, tmp_path, "--lang", lang))
    assert book.sheetnames == SHEETS[lang]
    loaded = dataset.load(BUNDLED, load_register())
    # The workbook's title in its language, as the documents' (the dataset's title_en in English).
    assert book.properties.title == {"en": loaded.title_en, "pl": loaded.title}[lang]
    assert (
        book.properties.title
        == {
            "en": "Social Economy Support Centres (OWES) in Lubuskie Voivodeship",
            "pl": "Ośrodki Wsparcia Ekonomii Społecznej w województwie lubuskim",
        }[lang]
    )

    centres = rows(book[SHEETS[lang][0]])
    assert centres[0][: len(CENTRE_HEADERS[lang])] == CENTRE_HEADERS[lang]
    assert sorted(row[0] for row in centres[1:]) == sorted(c.name for c in loaded.centres.values())
    assert not any(centre_id in str(cell) for row in centres for cell in row for centre_id in loaded.centres)

    counties = rows(book[SHEETS[lang][1]])
    assert len(counties) == 1 + len(loaded.counties) * len(loaded.periods)
    assert {row[0] for row in counties[1:]} == {c.name for c in loaded.counties.values()}
    żarski = {row[3]: row for row in counties[1:] if row[0] == "żarski"}
    confirmed, unknown = {"en": ("confirmed", "unknown"), "pl": ("potwierdzony", "nieznany")}[lang]
    first, *later = sorted(żarski.values(), key=lambda row: row[4])
    assert (first[6], first[7]) == (confirmed, "Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego")
    for row in later:  # the candidates, when the sources do not say which
        assert row[6] == unknown and "Ośrodek Wsparcia Ekonomii Społecznej w Zielonej Górze" in row[7]


def test_operators_with_roles_and_sources_with_quotes(owes: Owes, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(export(owes, tmp_path, "--lang", "en"))
    centres = rows(book["Centres"])
    header = centres[0]
    gorzow = next(row for row in centres if row[0].endswith("subregionu gorzowskiego"))
    assert gorzow[header.index("Run by")] == (
        "Wojewódzki Urząd Pracy w Zielonej Górze (project lead); "
        "partner: Caritas Diecezji Zielonogórsko-Gorzowskiej – Biuro w Gorzowie Wielkopolskim"
    )
    sources = rows(book["Sources"])
    assert sources[0] == ["Title", "Publisher", "Date", "Address (URL)", "Quotes"]
    radio = next(row for row in sources if row[0] == "Razem w partnerstwie")
    assert radio[2] == "2014-10-28" and radio[4].startswith("“")


def test_links_frozen_header_filter_and_widths(owes: Owes, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(export(owes, tmp_path, "--lang", "en"))
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "B2", sheet.title  # the header row and the name column
        assert sheet.auto_filter.ref == f"A1:{get_column_letter(sheet.max_column)}{sheet.max_row}"
        assert all(cell.font.bold for cell in sheet[1])
        for column in range(1, sheet.max_column + 1):
            width = sheet.column_dimensions[get_column_letter(column)].width
            assert 5 <= width <= 52, (sheet.title, column, width)
    links = [cell for row in book["Sources"].iter_rows(min_row=2) for cell in row if cell.hyperlink]
    assert len(links) >= 10
    assert all(
        cell.hyperlink is not None and cell.hyperlink.target == cell.value and str(cell.value).startswith("http")
        for cell in links
    )
    websites = [cell for cell in book["Centres"]["M"][1:] if cell.hyperlink]
    # A link reads as its address; a period's website, shown for a centre with none of its own, says so after it.
    assert websites and all(
        cell.hyperlink is not None
        and str(cell.value) in (cell.hyperlink.target, f"{cell.hyperlink.target} (the period's website)")
        for cell in websites
    )


def test_byte_identical_under_source_date_epoch(owes: Owes, tmp_path: Path) -> None:
    first = export(owes, tmp_path, name="a.xlsx").read_bytes()
    second = export(owes, tmp_path, name="b.xlsx").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.xlsx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2023-11-14T22:13:20Z") == 2  # created and modified


def test_no_formula_cells_from_hostile_data(owes: Owes, tmp_path: Path) -> None:
    target = export(owes, tmp_path, "--data", str(HOSTILE), "--lang", "pl")
    book = openpyxl.load_workbook(target)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    values = "\n".join(str(cell.value) for cell in cells)
    assert FORMULA in values and "@SUM(1+1)" in values  # kept as text, literally
    risky = [cell for cell in cells if str(cell.value).startswith(("=", "+", "-", "@"))]
    assert risky and all(cell.quotePrefix for cell in risky)  # stays text when edited, too
    with zipfile.ZipFile(target) as archive:
        assert not any(b"<f>" in archive.read(name) for name in archive.namelist() if name.endswith(".xml"))


def test_existing_file_needs_force(owes: Owes, tmp_path: Path) -> None:
    target = tmp_path / "owes.xlsx"
    target.write_bytes(b"keep me")
    run = owes("export", "-o", str(target))
    assert run.exit_code == ExitCode.CANNOT_WRITE
    assert target.read_bytes() == b"keep me"
    assert owes("export", "-o", str(target), "--force").exit_code == ExitCode.OK
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir()] == ["owes.xlsx"]  # no temporary file left behind


def test_format_option_and_stdout(owes: Owes) -> None:
    run = owes("export", "-o", "-", "--format", "xlsx")
    assert run.exit_code == ExitCode.OK
    assert run.stdout.startswith("PK\x03\x04")


@pytest.mark.parametrize("option", [("--centre", "gorzow-2013"), ("--county", "żarski"), ("--on", "2014-06-01")])
def test_a_spreadsheet_is_the_whole_dataset(owes: Owes, tmp_path: Path, option: tuple[str, str]) -> None:
    run = owes("export", "-o", str(tmp_path / "x.xlsx"), *option)
    assert run.exit_code == ExitCode.USAGE
    assert "A spreadsheet holds the whole dataset" in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_openpyxl_is_loaded_only_by_the_spreadsheet_export(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom owes_cli.cli import app\n"
        f"try:\n    app(['export', '-o', {str(tmp_path / 'x.pdf')!r}])\nexcept SystemExit:\n    pass\n"
        "print('openpyxl' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT)
    assert done.stdout.splitlines()[-1] == "False"
