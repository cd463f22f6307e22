"""Hubei's own 部门经济分类 entries (province 42), as 002 prints them (spec §1.A （六）).

Seven-digit 子目 (3010201 艰边津贴 …) and local 款 names (30112 社会保障缴费 …) that
replace the national entry of the same code for budgets of Hubei regions only.
"""

import csv
from pathlib import Path

from django.db import migrations

CSV = Path(__file__).resolve().parent.parent / "catalogue_data" / "dept_economic_42.csv"
LEVELS = {3: "category", 5: "section", 7: "subitem"}


def load(apps, schema_editor):
    EconomicSubject = apps.get_model("budgets", "EconomicSubject")
    with CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            EconomicSubject.objects.update_or_create(
                scheme="dept",
                code=row["code"],
                valid_from=int(row["valid_from"]),
                province="42",
                defaults={
                    "name": row["name"],
                    "level": LEVELS[len(row["code"])],
                    "valid_to": int(row["valid_to"]) if row["valid_to"] else None,
                    "source": row["source"],
                },
            )


def unload(apps, schema_editor):
    apps.get_model("budgets", "EconomicSubject").objects.filter(province="42").delete()


class Migration(migrations.Migration):
    dependencies = [("budgets", "0014_hubei_format_province_economic")]
    operations = [migrations.RunPython(load, unload)]
