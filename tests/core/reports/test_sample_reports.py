"""Sample reports for people to look at: every type as PDF and HTML (and the usage report
as Excel), saved under the artifacts folder, with the PDF pages rendered to PNG."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from desktop.core.analytics.filters import Filter
from desktop.core.analytics.roi import RoiInputs
from desktop.core.reports.catalog import REPORT_TYPES
from desktop.core.reports.request import Format, ReportRequest
from desktop.core.reports.templates import Template
from tests.core.reports.readers import pdf_text

FILTERS = {"project": Filter(project_id=10), "batch": Filter(batch_id=1)}


def test_sample_reports_are_saved_for_review(reports, artifacts_dir) -> None:
    folder = artifacts_dir / "reports"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    made = []
    for kind in [t.key for t in REPORT_TYPES]:
        for fmt in (Format.PDF, Format.HTML):
            request = ReportRequest(kind, fmt, Template.DETAILED, FILTERS.get(kind, Filter()),
                                    monthly_budget_usd=5.0, roi=RoiInputs(0.5, 40.0))
            made.append(reports.generate(request, folder / f"{kind}.{fmt.value}").path)
    made.append(reports.generate(ReportRequest("usage", Format.XLSX), folder / "usage.xlsx").path)
    made.append(reports.generate(ReportRequest("batch", Format.PDF, Template.CLIENT, Filter(batch_id=1)),
                                 folder / "batch-client.pdf").path)
    assert all(p.stat().st_size > 0 for p in made)
    assert "一隻在雨中的貓" in pdf_text(folder / "batch.pdf")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed: PDFs saved, no PNG pages")
    for pdf in folder.glob("*.pdf"):
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(folder / pdf.stem)], check=True,
                       timeout=60)
    assert list(folder.glob("batch-*.png"))
