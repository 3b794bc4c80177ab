"""`owes export`: PDF and Word documents, read back as a reader's software would."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
from conftest import BUNDLED, PROJECT, Owes
from docx.oxml.ns import qn
from pypdf.generic import Destination, DictionaryObject, PdfObject
from typer.testing import CliRunner

from owes_cli.cli import app, files
from owes_cli.domain import dataset, load_register
from owes_cli.errors import CannotWriteError, ExitCode

SAMPLE = str(PROJECT / "tests" / "datasets" / "export-sample.toml")
EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01 00:00 UTC
POLISH_LETTERS = "ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ"
A4_POINTS = (595.28, 841.89)


def export(owes: Owes, tmp_path: Path, name: str, *args: str, env: dict[str, str] | None = None) -> Path:
    target = tmp_path / name
    run = owes("export", "-o", str(target), *args, env={**EPOCH, **(env or {})})
    # One line on stderr says what was written where (as every command that writes a file).
    assert (run.exit_code, run.stdout, run.stderr.count("\n")) == (0, "", 1)
    assert run.stderr.endswith(f": {target}\n")
    return target


def pdf_text(path: Path) -> str:
    """The text of every page with runs of whitespace made single spaces."""
    reader = pypdf.PdfReader(path)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).replace("\u2011", "-").split())  # Word's ISO dates: non-breaking hyphens


def archive_text(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode()


def centre_json(owes: Owes, centre_id: str, lang: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(owes("centre", centre_id, "--format", "json", "--lang", lang).stdout)
    return found


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------


def test_pdf_of_a_centre_has_every_county_and_service(owes: Owes, tmp_path: Path) -> None:
    path = export(owes, tmp_path, "centre.pdf", "--centre", "zielona-gora-2013", "--lang", "pl")
    text = pdf_text(path)
    view = centre_json(owes, "zielona-gora-2013", "pl")
    for county in view["counties"]:
        assert f"{county['name']} ({county['teryt']}," in text
    for service in view["services"]:
        assert " ".join(service["name"].split()) in text
    assert (
        "Wojewódzki Urząd Pracy w Zielonej Górze (lider projektu); "
        "partner: Fundacja Rozwoju Demokracji Lokalnej – Ośrodek Regionalny w Zielonej Górze"
    ) in text
    assert "Brak w naszych źródłach adres" in text


def test_pdf_prints_every_polish_letter(owes: Owes, tmp_path: Path) -> None:
    path = export(owes, tmp_path, "sample.pdf", "--on", "2025-01-01", "--lang", "pl", env={"OWES_DATA": SAMPLE})
    text = pdf_text(path)
    assert "Zażółć gęślą jaźń: ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż." in text
    assert all(letter in text for letter in POLISH_LETTERS.replace(" ", ""))


def test_pdf_metadata_outline_language_links_and_pages(owes: Owes, tmp_path: Path) -> None:
    path = export(owes, tmp_path, "directory.pdf", "--lang", "pl", "--on", "2014-06-01")
    reader = pypdf.PdfReader(path)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == (
        "Zestawienie ośrodków: Projekt OWES 2013–2015, na dzień 2014-06-01 (stan historyczny) — "
        "Ośrodki Wsparcia Ekonomii Społecznej w województwie lubuskim"
    )
    # owes wrote it; the dataset's title is its subject (issue 22)
    assert meta.subject == "Ośrodki Wsparcia Ekonomii Społecznej w województwie lubuskim"
    assert meta.author == "owes"
    assert (meta.creator or "").startswith("owes ")
    assert (meta.producer or "").startswith("owes ") and "fpdf2" in (meta.producer or "")
    preferences = reader.root_object["/ViewerPreferences"].get_object()
    assert isinstance(preferences, DictionaryObject) and preferences["/DisplayDocTitle"]
    assert meta.creation_date is not None and meta.creation_date.isoformat().startswith("2026-01-01T00:00:00")
    assert str(reader.root_object["/Lang"]) == "pl-PL"

    top = reader.outline
    assert outline_titles(top[:1]) == [
        "Zestawienie ośrodków: Projekt OWES 2013–2015, na dzień 2014-06-01 (stan historyczny)"
    ]
    assert outline_titles(top[1]) == [
        "Projekt OWES 2013–2015",
        "Powiaty i ich ośrodki",
        "Mapa: który ośrodek obsługuje który powiat",
        "Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego",
        "Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego",
        "Źródła",  # one list for the whole directory, cited by number in each centre
    ]

    uris = {annot.get_object()["/A"]["/URI"] for page in reader.pages for annot in page.get("/Annots", [])}
    assert "http://spolecznelubuskie.pl/" in uris
    assert "https://archiwum.radiogorzow.pl/radio-zachod/wiadomosci/razem-w-partnerstwie/" in uris

    pages = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4_POINTS
        assert f"Strona {number} z {pages}" in page.extract_text()


def test_documents_say_when_they_were_made_and_how_old_their_sources_are(owes: Owes, tmp_path: Path) -> None:
    # The years of the document's own sources and the register's date, not one "data as of" day
    # (2019-02-06, the newest source of the whole dataset, read as if today's centres were seven years old).
    expected = (
        "Generated 2026-01-01 Answer for 2026-01-01 Dates of the sources the sources give none "
        "County register (TERYT) as of 2020-01-01"
    )  # the 2024 centres' sources carry no dates
    text = pdf_text(export(owes, tmp_path, "d.pdf", "--lang", "en"))
    assert expected in text
    assert "Data as of" not in text
    assert expected in docx_text(export(owes, tmp_path, "d.docx", "--lang", "en"))
    polish = pdf_text(export(owes, tmp_path, "2014.pdf", "--lang", "pl", "--on", "2014-06-01"))
    assert "Daty źródeł 2014–2020, część bez daty" in polish


def test_historical_answer_is_marked_in_the_document(owes: Owes, tmp_path: Path) -> None:
    historical = pdf_text(export(owes, tmp_path, "now.pdf", "--county", "żarski", "--lang", "pl", "--on", "2031-01-01"))
    assert "Dane historyczne: ten okres zakończył się 2029-12-31; nowszych danych nie mamy" in historical
    directory = pdf_text(export(owes, tmp_path, "all.pdf", "--lang", "pl", "--on", "2031-01-01"))
    assert "dokument historyczny" in directory  # the running head of every later page
    current = pdf_text(export(owes, tmp_path, "then.pdf", "--county", "żarski", "--on", "2014-06-01", "--lang", "pl"))
    # The period ran that day, but the day is before the one the sheet was made on: its heading says so.
    assert "Odpowiedź na dzień 2014-06-01 (stan historyczny)" in current
    assert "Dane historyczne" not in current  # no notice: the period was running
    made_that_day = pdf_text(
        export(owes, tmp_path, "same.pdf", "--county", "żarski", "--on", "2026-01-01", "--lang", "pl")
    )
    assert "historyczn" not in made_that_day


def test_county_export_is_a_fact_sheet_that_answers_the_question(owes: Owes, tmp_path: Path) -> None:
    text = pdf_text(export(owes, tmp_path, "county.pdf", "--county", "gorzowski", "--on", "2014-06-01"))
    assert text.startswith("Which OWES serves powiat gorzowski? Answer for 2014-06-01 (historical)")
    assert "Note: the city of Gorzów Wielkopolski is a separate county with county rights (0861)." in text
    # The answer, how sure it is (by the numbers of the sources in the colophon), and how to reach it.
    assert (
        "Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego "
        "Certain: sources 1, 2, 3, 4 name this centre for powiat gorzowski."
    ) in text
    assert "ul. Kombatantów 34, Gorzów Wielkopolski (as of 2014-10-28)" in text
    assert "Not in our sources: phone, e-mail" in text
    assert "2. Razem w partnerstwie (2014-10-28)" in text
    assert "Generated 2026-01-01 by owes " in text
    assert "Dates of the sources: 2014–2020." in text
    assert "Counties: TERYT, GUS (2020-01-01)" in text  # the register's date
    polish = pdf_text(export(owes, tmp_path, "city.pdf", "--county", "Zielona Góra", "--lang", "pl"))
    assert polish.startswith("Który OWES obsługuje miasto Zielona Góra?")
    assert "Nasze źródła nie podają, który z tych dwóch ośrodków działa w mieście Zielona Góra." in polish
    land = pdf_text(export(owes, tmp_path, "land.pdf", "--county", "0806", "--lang", "pl"))
    assert "działa w powiecie strzelecko-drezdeneckim." in land


def test_unknown_coverage_labelled_addresses_and_facts(owes: Owes, tmp_path: Path) -> None:
    args = ("--county", "żarski", "--on", "2025-01-01", "--lang", "en")
    for name in ("sample.pdf", "sample.docx"):
        path = export(owes, tmp_path, name, *args, env={"OWES_DATA": SAMPLE})
        text = pdf_text(path) if name.endswith(".pdf") else docx_text(path)
        assert "Our sources do not say whether this centre serves powiat żarski." in text
        assert "ul. Pierwsza 1, Zielona Góra" in text
        assert "ul. Druga 2, Żary (as of 2024-06-30)" in text
        assert "main office: ul. Pierwsza 1, Zielona Góra" in text
        assert re.search(r"branch in\s?Żary: ul. Druga 2", text)
        assert "Target: 40 new jobs." not in text  # facts are the full answer's; the sheet says who and where
        assert "In the past — last confirmed (2013-03 – 2015-09): Ośrodek dawny" in text
        assert "Not in our sources: phone, e-mail" in text


# --------------------------------------------------------------------------
# The coverage map
# --------------------------------------------------------------------------

COUNTY_NAMES = (
    "gorzowski",
    "krośnieński",
    "międzyrzecki",
    "nowosolski",
    "słubicki",
    "strzelecko-drezdenecki",
    "sulęciński",
    "świebodziński",
    "zielonogórski",
    "żagański",
    "żarski",
    "wschowski",
)  # and 2 cities
MAP_HEADING = {"pl": "Mapa: który ośrodek obsługuje który powiat", "en": "Map: which centre serves each county"}
UNKNOWN = {"pl": "który ośrodek: brak w naszych źródłach", "en": "which centre: not in our sources"}


def outline_titles(items: object) -> list[str | None]:
    """The titles of one level of a PDF outline, which holds entries only."""
    assert isinstance(items, list)
    titles = []
    for item in items:
        assert isinstance(item, Destination), item
        titles.append(item.title)
    return titles


def map_page(path: Path, lang: str) -> tuple[str, bytes]:
    """The text and the drawing operators of the one page that holds the map."""
    pages = [page for page in pypdf.PdfReader(path).pages if MAP_HEADING[lang] in " ".join(page.extract_text().split())]
    assert len(pages) == 1
    contents = pages[0].get_contents()
    assert contents is not None
    return " ".join(pages[0].extract_text().split()), contents.get_data()


def pdf_images(path: Path) -> list[str]:
    """Every image XObject on any page (and inside any form XObject)."""
    found = []

    def walk(resources: PdfObject | None, where: str) -> None:
        resources = resources.get_object() if resources is not None else None
        if not isinstance(resources, DictionaryObject):
            return
        xobjects = resources.get("/XObject")
        xobjects = xobjects.get_object() if xobjects is not None else None
        if not isinstance(xobjects, DictionaryObject):
            return
        for name, ref in xobjects.items():
            xobject = ref.get_object()
            assert isinstance(xobject, DictionaryObject), name
            if xobject.get("/Subtype") == "/Image":
                found.append(f"{where}{name}")
            else:
                walk(xobject.get("/Resources"), f"{where}{name}/")

    for number, page in enumerate(pypdf.PdfReader(path).pages, start=1):
        walk(page.get("/Resources"), f"page {number}: ")
    return found


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_pdf_map_is_vector_drawing_with_names_and_a_legend(owes: Owes, tmp_path: Path, lang: str) -> None:
    path = export(owes, tmp_path, "d.pdf", "--on", "2014-06-01", "--lang", lang)
    text, operators = map_page(path, lang)
    assert pdf_images(path) == []
    # Each county filled even-odd (holes stay open) and outlined, and the legend's two centre boxes.
    assert operators.count(b" B*") == 14 + 2
    assert operators.count(b" l ") > 3000  # the boundaries' points as lines, not a picture
    for name in (*COUNTY_NAMES, "Gorzów Wielkopolski", "Zielona Góra"):
        assert name in text, name
    assert "Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego" in text
    assert {"pl": "Stan na 2014-06-01 · Projekt OWES 2013–2015", "en": "As of 2014-06-01 · OWES project 2013–2015"}[
        lang
    ] in text
    # Each centre's legend box holds its seat's marker: no separate "seat" entry that no marker matches.
    assert {"pl": "siedziba ośrodka", "en": "seat of a centre"}[lang] not in text
    assert {"pl": "Granice: Państwowy rejestr granic (PRG)", "en": "Boundaries: Państwowy rejestr granic (PRG)"}[
        lang
    ] in text
    # 2014's coverage is known everywhere: nothing is hatched, and the legend does not offer the hatching.
    assert b" W* n" not in operators
    assert UNKNOWN[lang] not in text


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_pdf_map_hatches_counties_whose_centre_is_not_in_our_sources(owes: Owes, tmp_path: Path, lang: str) -> None:
    for on in ("2017-05-01", None):  # a day of the 2016 period, and today (the default)
        path = export(owes, tmp_path, f"d-{on}.pdf", *(("--on", on) if on else ()), "--lang", lang)
        text, operators = map_page(path, lang)
        assert operators.count(b" W* n") == 14 + 1  # every county clips its hatching, and the legend's box
        assert UNKNOWN[lang] in text
        assert pdf_images(path) == []


def test_county_document_outlines_its_county_next_to_the_answer(owes: Owes, tmp_path: Path) -> None:
    path = export(owes, tmp_path, "c.pdf", "--county", "żarski", "--on", "2014-06-01", "--lang", "pl")
    first = " ".join(pypdf.PdfReader(path).pages[0].extract_text().split())
    # The map column beside the answer and how to reach the centre: read after the heading, before the box.
    assert "Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego Pewne:" in first
    assert first.index(MAP_HEADING["pl"]) < first.index("Pewne:")
    assert "żarski: powiat, o który pytano" in first
    english = export(owes, tmp_path, "c.docx", "--county", "żarski", "--on", "2014-06-01", "--lang", "en")
    assert "żarski: the county asked about." in map_picture(english)[1]


def test_centre_document_maps_the_centres_own_period(owes: Owes, tmp_path: Path) -> None:
    # Asked about today, a centre of 2013–2015 is shown on the map of its last day.
    text, _ = map_page(export(owes, tmp_path, "c.pdf", "--centre", "zielona-gora-2013", "--lang", "en"), "en")
    assert "As of 2015-09-30 · OWES project 2013–2015" in text
    assert "Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego" in text


# --------------------------------------------------------------------------
# Word
# --------------------------------------------------------------------------


def test_docx_has_real_headings_tables_language_and_properties(owes: Owes, tmp_path: Path) -> None:
    path = export(owes, tmp_path, "directory.docx", "--lang", "pl", "--on", "2014-06-01")
    document = docx.Document(str(path))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:  # no-break spaces read as spaces
        style = paragraph.style.name if paragraph.style else ""
        by_style.setdefault(style, []).append(paragraph.text.replace("\xa0", " "))
    assert by_style["Title"] == ["Ośrodki Wsparcia Ekonomii Społecznej w województwie lubuskim"]
    assert by_style["Heading 1"] == [
        "Projekt OWES 2013–2015",
        "Powiaty i ich ośrodki",
        "Mapa: który ośrodek obsługuje który powiat",
        "Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego",
        "Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego",
        "Źródła",  # one list for the whole directory, cited by number in each centre
    ]
    assert "Powiaty (8)" in by_style["Heading 2"] and "Usługi" in by_style["Heading 2"]

    counties = next(t for t in document.tables if t.rows[0].cells[0].text == "Powiat" and len(t.rows) == 15)
    assert [c.text for c in counties.rows[0].cells] == ["Powiat", "TERYT", "Rodzaj", "Ośrodek"]
    row_properties = counties.rows[0]._tr.trPr
    assert row_properties is not None
    header = row_properties.find(qn("w:tblHeader"))
    assert header is not None and header.get(qn("w:val")) == "true"

    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "pl-PL"

    props = document.core_properties
    assert props.title.startswith("Zestawienie ośrodków: Projekt OWES 2013–2015")
    assert props.subject == "Ośrodki Wsparcia Ekonomii Społecznej w województwie lubuskim"
    assert props.language == "pl-PL"
    assert props.author == "owes"
    assert props.comments == ""
    assert props.created.isoformat() == "2026-01-01T00:00:00+00:00"
    assert props.modified == props.created

    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    footer_xml = section.footer._element.xml
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml

    links = {rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")}
    assert "http://spolecznelubuskie.pl/" in links

    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        core = archive.read("docProps/core.xml").decode()
    assert not any("thumbnail" in name for name in names)
    assert "python-docx" not in core and "2013-" not in core
    application = archive_text(path, "docProps/app.xml")
    assert "<Application>owes " in application and "Microsoft" not in application


def test_docx_in_english_sets_english_proofing(owes: Owes, tmp_path: Path) -> None:
    document = docx.Document(str(export(owes, tmp_path, "c.docx", "--centre", "gorzow-2013", "--lang", "en")))
    assert document.core_properties.language == "en-GB"
    assert document.paragraphs[1].text.replace("\xa0", " ") == (
        "Centre profile: Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego"
    )


def map_picture(path: Path) -> tuple[bytes, str]:
    """The one picture in a Word file, and its alternative text."""
    document = docx.Document(str(path))
    assert len(document.inline_shapes) == 1
    with zipfile.ZipFile(path) as archive:
        media = [name for name in archive.namelist() if name.startswith("word/media/")]
        assert len(media) == 1
        png = archive.read(media[0])
    return png, document.inline_shapes[0]._inline.docPr.get("descr")


@pytest.mark.parametrize(
    ("lang", "on", "legend"),
    [
        ("pl", "2014-06-01", "Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego: gorzowski, międzyrzecki"),
        ("en", "2017-05-01", "which centre: not in our sources: gorzowski, krośnieński"),
    ],
)
def test_docx_map_is_one_described_picture(owes: Owes, tmp_path: Path, lang: str, on: str, legend: str) -> None:
    from PIL import Image

    path = export(owes, tmp_path, "d.docx", "--on", on, "--lang", lang)
    png, description = map_picture(path)
    shown = docx.Document(str(path)).inline_shapes[0]
    # The text width, or less where the picture would be taller than the room left below the county
    # table (never under 80 mm, else on a page of its own): its names enlarged to print as at full width.
    assert shown.width <= docx.shared.Mm(170) and docx.shared.Mm(80) <= shown.height <= docx.shared.Mm(257 - 30)
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.width / shown.width.inches >= 299.5  # 300 dpi as printed
        assert image.info.keys() == {"dpi"}  # no timestamp, software or other text in the file
        assert round(image.info["dpi"][0]) == 300
        # No title drawn in the picture (the heading above it is the title): its top is blank.
        # (40 pixels of the picture at the full text width: a smaller one is drawn with fewer pixels.)
        top = image.convert("L").crop((0, 0, image.width, round(40 * image.width / (170 / 25.4 * 300))))
        darkest = top.getextrema()[0]
        assert isinstance(darkest, int | float) and darkest > 200
    assert description.startswith(
        {"pl": "Mapa powiatów województwa lubuskiego", "en": "Map of the counties of Lubuskie"}[lang]
    )
    assert legend in description
    assert (UNKNOWN[lang] in description) == (on == "2017-05-01")
    document = docx.Document(str(path))
    heading = next(p for p in document.paragraphs if p.text == MAP_HEADING[lang])
    assert heading.style is not None and heading.style.name == "Heading 1" and heading.paragraph_format.keep_with_next
    texts = [p.text for p in document.paragraphs]
    at = texts.index(MAP_HEADING[lang])
    assert texts[at + 1].startswith({"pl": "Stan na ", "en": "As of "}[lang])  # the date line, as text
    assert texts[at + 3].startswith({"pl": "Granice: ", "en": "Boundaries: "}[lang])  # and the credits


# --------------------------------------------------------------------------
# Reproducible bytes
# --------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_same_data_and_epoch_give_the_same_bytes(owes: Owes, tmp_path: Path, suffix: str) -> None:
    first = export(owes, tmp_path, f"a.{suffix}", "--lang", "pl").read_bytes()
    second = export(owes, tmp_path, f"b.{suffix}", "--lang", "pl").read_bytes()
    assert first == second
    later = export(owes, tmp_path, f"c.{suffix}", "--lang", "pl", env={"SOURCE_DATE_EPOCH": "1767312000"})
    assert later.read_bytes() != first  # the generation date is in the document


# --------------------------------------------------------------------------
# Where the bytes go
# --------------------------------------------------------------------------


def test_existing_file_is_replaced_only_with_force(owes: Owes, tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    run = owes("export", "-o", str(target))
    assert run.exit_code == ExitCode.CANNOT_WRITE
    assert run.stderr == f"{target} already exists; add --force to replace it.\n"
    assert target.read_bytes() == b"old"
    assert owes("export", "-o", str(target), "--force").exit_code == 0
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_missing_directory_is_reported(owes: Owes, tmp_path: Path) -> None:
    run = owes("export", "-o", str(tmp_path / "no" / "out.docx"), "--lang", "pl")
    assert run.exit_code == ExitCode.CANNOT_WRITE
    target, missing = tmp_path / "no" / "out.docx", tmp_path / "no"
    assert run.stderr == f"Nie można zapisać {target}: katalog {missing} nie istnieje.\n"


def test_full_disk_leaves_the_old_file_and_no_partial_file(
    owes: Owes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)  # the os module owes_cli.cli.files writes through
    run = owes("export", "-o", str(target), "--force")
    assert run.exit_code == ExitCode.CANNOT_WRITE
    assert run.stderr == (f"Could not write {target}: no space left on device. Any previous file is unchanged.\n")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_dash_writes_the_document_to_a_pipe(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "-o", "-", "--format", "docx", "--centre", "gorzow-2013"], env={"OWES_LANG": "en", **EPOCH}
    )
    assert result.exit_code == 0
    document = docx.Document(io.BytesIO(result.stdout_bytes))
    assert document.paragraphs[1].text.startswith("Centre profile: ")


def test_dash_refuses_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with pytest.raises(CannotWriteError) as caught:
        files.write_output("-", b"%PDF-", force=False)
    assert caught.value.message_id == "output_tty"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-o", "out.txt"],
            "Cannot tell the format of out.txt: end it with .pdf/.docx/.xlsx/.html/.geojson, or give --format pdf|docx|xlsx|html|geojson.\n",
        ),
        (["-o", "out.pdf", "--format", "docx"], "The file name out.pdf does not match --format docx.\n"),
        (
            ["-o", "out.pdf", "--format", "odt"],
            "The format “odt” does not fit this command: choose pdf|docx|xlsx|html|geojson.\n",
        ),
        (
            ["-o", "-"],
            "Cannot tell the format of -: end it with .pdf/.docx/.xlsx/.html/.geojson, or give --format pdf|docx|xlsx|html|geojson.\n",
        ),
        ([], "Say where to write the document: -o FILE.pdf, -o FILE.docx or -o - --format pdf.\n"),
        (
            ["-o", "x.pdf", "--centre", "gorzow-2013", "--county", "żarski"],
            "Give --centre or a place (--county, --place, --at), not both.\n",
        ),
        (["-o", "x.pdf", "--on", "2014-02-30"], "No such day: 2014-02-30.\n"),
    ],
)
def test_usage_errors(
    owes: Owes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    run = owes("export", *args)
    assert (run.exit_code, run.stderr, run.stdout) == (ExitCode.USAGE, message, "")
    assert list(tmp_path.iterdir()) == []


def test_unknown_centre_suggests_in_polish(owes: Owes, tmp_path: Path) -> None:
    run = owes("export", "-o", str(tmp_path / "x.pdf"), "--centre", "gorzw-2013", "--lang", "pl")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stderr == (
        "Nie ma ośrodka o identyfikatorze „gorzw-2013”.\n"
        "Czy chodziło o: gorzow-2013, gorzow-2024, lowes-2016?\nLista ośrodków: owes centres\n"
    )
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------
# Architecture and shipped files
# --------------------------------------------------------------------------


def test_dataset_as_of_ignores_the_register() -> None:
    loaded = dataset.load(BUNDLED, load_register())
    assert str(loaded.as_of()) == "2019-02-06"
    assert "teryt-terc-2020" not in loaded.centre_source_ids()


def test_shipped_fonts_match_the_subsetting_script() -> None:
    source = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not source.is_file():
        pytest.skip("fonts-dejavu-core is not installed")
    done = subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "subset_fonts.py"), "--check"], capture_output=True, text=True
    )
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize("args", [("--on", "2014-06-01"), ("--county", "żarski", "--on", "2014-06-01"), ()])
def test_pdf_map_names_print_at_7_pt_or_more(owes: Owes, tmp_path: Path, args: tuple[str, ...]) -> None:
    _, operators = map_page(export(owes, tmp_path, "m.pdf", *args, "--lang", "pl"), "pl")
    sizes = [float(size) for size in re.findall(rb"/F\d+ ([\d.]+) Tf", operators)]
    assert sizes and min(sizes) >= 7
