"""Create the groups 填报员, 审核员, 财政管理员 (see budgets/services/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def forwards(apps, schema_editor):
    roles_forwards(apps, schema_editor)


def roles_forwards(apps, schema_editor):
    from budgets.services.roles import roles_setup

    # Permissions are normally created after all migrations; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    roles_setup(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("budgets", "0003_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("disclosures", "0001_publication"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
