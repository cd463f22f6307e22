"""Each demo disclosure is rendered to PDF once per test session (WeasyPrint takes seconds)."""

import io
import re
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import transaction
from pypdf import PdfReader

from budgets.models import Budget
from disclosures.document import Disclosure, disclosure_build
from disclosures.pdf.render import render_document
from tests.support.database import migrated_database


@dataclass
class RenderedPdf:
    disclosure: Disclosure
    data: bytes

    @property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.data))

    def page_texts(self) -> list[str]:
        return [page.extract_text() or "" for page in self.reader.pages]

    def flat_text(self) -> str:
        """All text with whitespace removed (extraction breaks lines anywhere)."""
        return re.sub(r"\s+", "", "".join(self.page_texts()))


DEMOS = {"000": ("410702", 2022, "060"), "001": ("411200", 2023, "707")}


@pytest.fixture(scope="session")
def demo_pdfs(django_db_setup, django_db_blocker) -> dict[str, RenderedPdf]:
    """Both demo budgets rendered as whole documents; the database is left as it was."""
    rendered = {}
    with migrated_database(django_db_blocker), transaction.atomic():
        call_command("load_demo", verbosity=0, stdout=io.StringIO())
        for key, (region, year, department) in DEMOS.items():
            budget = Budget.objects.get(
                department__region__code=region, fiscal_year__year=year, department__code=department
            )
            disclosure = disclosure_build(budget_id=budget.pk)
            rendered[key] = RenderedPdf(disclosure, render_document(disclosure))
        transaction.set_rollback(True)
    return rendered


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)
