"""Render every kind of document `owes` writes to PNG, into one folder, for a person to look at.

    python scripts/gallery.py [--out gallery/] [--on YYYY-MM-DD] [--county NAME ...]

Fact sheets (PDF and Word) for a few counties, on the day given with --on
(today by default) and on 2014-06-01, in Polish and English; the directory
(PDF and Word, both languages); a centre document; the spreadsheet; the map
PNG; and the web page. PDFs become PNGs through pdftoppm (poppler-utils),
Word and xlsx files through LibreOffice first (`--convert-to pdf`, with a
profile of its own so it never meets a LibreOffice already open), the web
page through headless Chromium driven by Playwright. A missing tool skips
what needs it, with a message that says how to install it; everything else
is still rendered. The documents themselves are kept beside their PNGs
(OUT/documents/), and OUT/index.html shows every picture on one page.
A look, not a test: exit 1 only when `owes` itself failed.
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PAST_DAY = "2014-06-01"
COUNTIES = ("żarski", "Gorzów Wielkopolski", "strzelecko-drezdenecki")
CENTRE = "gorzow-2024"
LANGS = ("pl", "en")
RESOLUTION = 60  # dpi: a page whole on a screen, as the developers' guide looks at PDFs
WEB_WIDTHS = (375, 1280)  # a phone and a desktop
INSTALL = {
    "pdftoppm": "apt-get install poppler-utils",
    "libreoffice": "apt-get install libreoffice-writer libreoffice-calc",
    "chromium": "apt-get install chromium; pip install playwright",
}


@dataclass
class Gallery:
    out: Path
    documents: Path
    failed: int = 0
    skipped: int = 0
    pictures: int = 0

    def say(self, text: str) -> None:
        print(text, file=sys.stderr)


def slug(text: str) -> str:
    """A file-name part: "Gorzów Wielkopolski" -> "gorzow-wielkopolski"."""
    plain = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


def owes(gallery: Gallery, target: Path, *args: str, lang: str) -> Path | None:
    """Write one document with the `owes` of this checkout; None (and a message) when it fails."""
    command = [sys.executable, "-m", "owes_cli", "--lang", lang, *args, "-o", str(target), "--force", "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT)
    if done.returncode != 0:
        gallery.failed += 1
        gallery.say(f"owes failed (exit {done.returncode}): {' '.join(command[3:])}\n{done.stderr.strip()}")
        return None
    return target


def pdf_to_png(gallery: Gallery, pdf: Path, name: str) -> None:
    """Every page of a PDF as NAME-1.png, NAME-2.png, … (pdftoppm numbers them)."""
    if shutil.which("pdftoppm") is None:
        gallery.skipped += 1
        return
    prefix = gallery.out / name
    subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION), str(pdf), str(prefix)], check=True)
    gallery.pictures += len(list(gallery.out.glob(f"{name}-*.png")))


def office_to_pdf(gallery: Gallery, files: list[Path]) -> dict[Path, Path]:
    """Word and xlsx files as LibreOffice prints them: one run for all (it starts slowly)."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None or not files:
        gallery.skipped += len(files)
        return {}
    converted = gallery.documents / "libreoffice"
    converted.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="owes-gallery-lo-") as profile:
        subprocess.run(
            [
                office,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(converted),
                *map(str, files),
            ],
            capture_output=True,
            check=False,
            timeout=600,
        )
    found = {source: converted / (source.stem + ".pdf") for source in files}
    missing = [source.name for source, pdf in found.items() if not pdf.exists()]
    if missing:
        gallery.failed += len(missing)
        gallery.say(f"LibreOffice did not convert: {', '.join(missing)}")
    return {source: pdf for source, pdf in found.items() if pdf.exists()}


def web_screenshots(gallery: Gallery, page: Path, name: str) -> None:
    """The web page at a phone's and a desktop's width, whole (Chromium through Playwright)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        chromium = None
    if chromium is None:
        gallery.skipped += len(WEB_WIDTHS)
        gallery.say(f"No web page screenshots: Chromium or Playwright is missing ({INSTALL['chromium']}).")
        return
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            for width in WEB_WIDTHS:
                view = browser.new_page(viewport={"width": width, "height": 900})
                view.goto(page.as_uri())
                view.wait_for_load_state("load")
                view.screenshot(path=str(gallery.out / f"{name}-{width}px.png"), full_page=True)
                view.close()
                gallery.pictures += 1
        finally:
            browser.close()


def write_index(out: Path) -> None:
    """index.html: every picture under its name, in file-name order, to scroll through in a browser."""
    items = [
        f'<figure><figcaption>{html.escape(png.name)}</figcaption><img src="{html.escape(png.name)}"></figure>'
        for png in sorted(out.glob("*.png"))
    ]
    style = (
        "body{font:14px sans-serif}figure{display:inline-block;vertical-align:top;margin:8px}"
        "img{border:1px solid #999;max-width:600px}"
    )
    page = f'<!doctype html><meta charset="utf-8"><title>owes gallery</title><style>{style}</style>\n'
    (out / "index.html").write_text(page + "\n".join(items) + "\n", encoding="utf-8")


def missing_tools(gallery: Gallery) -> None:
    for tool, found in (
        ("pdftoppm", shutil.which("pdftoppm")),
        ("libreoffice", shutil.which("libreoffice") or shutil.which("soffice")),
    ):
        if found is None:
            gallery.say(f"{tool} is missing, so what needs it is skipped ({INSTALL[tool]}).")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=PROJECT / "gallery", help="the folder (default: gallery/)")
    parser.add_argument("--on", default=date.today().isoformat(), help="the day called today (default: today)")
    parser.add_argument("--county", action="append", help=f"a county's fact sheets (default: {', '.join(COUNTIES)})")
    options = parser.parse_args()
    out: Path = options.out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):  # a gallery of this run only
        old.unlink()
    documents = out / "documents"
    documents.mkdir(exist_ok=True)
    gallery = Gallery(out, documents)
    missing_tools(gallery)
    counties = options.county or list(COUNTIES)
    days = (options.on, PAST_DAY)
    pdfs: dict[str, Path] = {}  # picture name -> PDF
    offices: dict[str, Path] = {}  # picture name -> Word or xlsx file

    def document(name: str, suffix: str, *args: str, lang: str) -> None:
        written = owes(gallery, documents / f"{name}.{suffix}", *args, lang=lang)
        if written is not None:
            (pdfs if suffix == "pdf" else offices)[f"{name}-{suffix}"] = written

    gallery.say(f"Writing the documents into {documents} …")
    for county in counties:
        for day in days:
            for lang in LANGS:
                name = f"fact-sheet_{slug(county)}_{day}_{lang}"
                for suffix in ("pdf", "docx"):
                    document(name, suffix, "export", "--county", county, "--on", day, lang=lang)
    for lang in LANGS:
        for suffix in ("pdf", "docx"):
            document(f"directory_{options.on}_{lang}", suffix, "export", "--on", options.on, lang=lang)
        document(f"centre_{CENTRE}_{lang}", "pdf", "export", "--centre", CENTRE, lang=lang)
        document(f"spreadsheet_{lang}", "xlsx", "export", lang=lang)
        for day in days:
            owes(gallery, out / f"map_{day}_{lang}.png", "map", "--on", day, lang=lang)
            gallery.pictures += (out / f"map_{day}_{lang}.png").exists()
    page = owes(gallery, documents / f"web_{options.on}_pl.html", "export", "--on", options.on, lang="pl")

    if shutil.which("libreoffice") or shutil.which("soffice"):
        gallery.say("Converting Word and xlsx files with LibreOffice …")
    for source, pdf in office_to_pdf(gallery, list(offices.values())).items():
        name = next(name for name, path in offices.items() if path == source)
        pdfs[name] = pdf
    if shutil.which("pdftoppm"):
        gallery.say("Rendering pages with pdftoppm …")
    for name, pdf in sorted(pdfs.items()):
        pdf_to_png(gallery, pdf, name)
    if page is not None:
        gallery.say("Taking screenshots of the web page …")
        web_screenshots(gallery, page, page.stem)

    write_index(out)
    gallery.say(
        f"{gallery.pictures} pictures in {out} (index.html shows them all)"
        + (f"; {gallery.skipped} skipped for a missing tool" if gallery.skipped else "")
        + (f"; {gallery.failed} failed" if gallery.failed else "")
    )
    return 1 if gallery.failed else 0


if __name__ == "__main__":
    sys.exit(main())
