"""Load the shipped classification catalogues (re-run later with ``manage.py load_catalogues``)."""

from django.db import migrations


def load(apps, schema_editor):
    from budgets.services.catalogues import catalogues_load

    catalogues_load(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("budgets", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
