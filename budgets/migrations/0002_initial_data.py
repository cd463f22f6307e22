"""Reference data a new installation needs: the catalogues and the three roles.

Idempotent: on a database migrated before the squash (0001–0016 applied, so the squashed
0001 counts as applied) it reloads what is already there and changes nothing.
"""

import csv
from pathlib import Path

from django.contrib.auth.management import create_permissions
from django.db import migrations

HUBEI_CSV = Path(__file__).resolve().parent.parent / "catalogue_data" / "dept_economic_42.csv"
LEVELS = {3: "category", 5: "section", 7: "subitem"}


def load_catalogues(apps, schema_editor):
    from budgets.services.catalogues import catalogues_load

    catalogues_load(apps=apps)
    # Hubei's own 部门经济分类 entries (province 42): 7-digit 子目 and local 款 names.
    EconomicSubject = apps.get_model("budgets", "EconomicSubject")
    with HUBEI_CSV.open(encoding="utf-8") as handle:
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


def setup_roles(apps, schema_editor):
    from budgets.services.roles import roles_setup

    # Permissions are normally created after all migrations; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    roles_setup(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("budgets", "0001_initial_squashed"),
        ("disclosures", "0001_initial_squashed"),
        ("background", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(load_catalogues, migrations.RunPython.noop),
        migrations.RunPython(setup_roles, migrations.RunPython.noop),
    ]
