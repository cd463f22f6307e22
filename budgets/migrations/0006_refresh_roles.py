"""Give 审核员 and 财政管理员 the view permission on the new history models."""

from django.db import migrations

import importlib

roles_forwards = importlib.import_module("budgets.migrations.0004_roles").roles_forwards


class Migration(migrations.Migration):
    dependencies = [("budgets", "0005_history_and_locking")]

    operations = [migrations.RunPython(roles_forwards, migrations.RunPython.noop)]
