"""Documents a regional office can hand out: what their pages, pictures and files hold, read back.

Fast checks over the renderers' own output; the slow sweep over every county,
day and language is in test_document_sweep.py.
"""

from __future__ import annotations

import io
import warnings
from datetime import UTC, datetime

import pypdf

from owes_cli.layout.blocks import PageBreak, Paragraph, Run
from owes_cli.layout.report import Report
from owes_cli.render import pdf


def test_a_pdf_of_a_thousand_pages_counts_them_without_a_warning() -> None:
    blocks = tuple(block for _ in range(1000) for block in (Paragraph((Run("Strona."),)), PageBreak()))
    report = Report("pl", "Tytuł", "Podtytuł", "", "", "Nagłówek", datetime(2026, 1, 1, tzinfo=UTC), blocks[:-1])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # fpdf2's "wider than the reserved alias" would fail here
        data = pdf.render(report)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1000
    assert "Strona 1000 z 1000" in reader.pages[-1].extract_text()
    assert "Strona 7 z 1000" in reader.pages[6].extract_text()
