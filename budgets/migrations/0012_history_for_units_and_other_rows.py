"""修改记录 for every budget-owned model (budgets/models/registry.py): units, procurement,
assets and transfer payments gain history; existing rows get a baseline "+" record so the
first later change shows what it changed."""

import budgets.fields
import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


NEWLY_HISTORICAL = ("BudgetUnit", "ProcurementItem", "AssetHolding", "TransferPayment")


def baseline_history(apps, schema_editor):
    from django.utils import timezone

    now = timezone.now()
    for name in NEWLY_HISTORICAL:
        model = apps.get_model("budgets", name)
        historical = apps.get_model("budgets", f"Historical{name}")
        fields = [f.attname for f in model._meta.concrete_fields]
        rows = [
            historical(history_date=now, history_type="+", **{f: getattr(obj, f) for f in fields})
            for obj in model.objects.iterator(chunk_size=2000)
        ]
        historical.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('budgets', '0011_narrative_keys_asset_date'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalAssetHolding',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('category', models.CharField(choices=[('vehicle_general', '一般公务用车'), ('vehicle_enforcement', '一般执法执勤用车'), ('vehicle_special', '特种专业技术用车'), ('vehicle_other', '其他用车'), ('equipment_general', '单价50万元以上通用设备'), ('equipment_special', '单位价值100万元以上专用设备'), ('building', '房屋（平方米）')], max_length=20, verbose_name='资产类别')),
                ('quantity', models.DecimalField(decimal_places=2, default=0, max_digits=12, verbose_name='数量')),
                ('value', budgets.fields.MoneyField(blank=True, decimal_places=2, max_digits=18, null=True, verbose_name='价值（万元）')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('budget', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='budgets.budget', verbose_name='部门预算')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical 国有资产占用',
                'verbose_name_plural': 'historical 国有资产占用',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalBudgetUnit',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('code', models.CharField(max_length=15, validators=[django.core.validators.RegexValidator('^\\d{3,15}$', '单位编码应为 3–15 位数字。')], verbose_name='单位编码')),
                ('name', models.CharField(max_length=100, verbose_name='单位名称')),
                ('kind', models.CharField(choices=[('行政', '行政单位'), ('参公', '参公事业单位'), ('事业', '事业单位')], max_length=4, verbose_name='单位性质')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('department', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='budgets.department', verbose_name='所属部门')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical 预算单位',
                'verbose_name_plural': 'historical 预算单位',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalProcurementItem',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('category', models.CharField(choices=[('货物', '货物'), ('工程', '工程'), ('服务', '服务')], max_length=4, verbose_name='采购类别')),
                ('item', models.CharField(max_length=200, verbose_name='采购品目')),
                ('catalogue_code', models.CharField(blank=True, max_length=30, verbose_name='目录序号')),
                ('quantity', models.DecimalField(decimal_places=2, default=1, max_digits=12, verbose_name='数量')),
                ('unit_price', budgets.fields.MoneyField(decimal_places=2, default=0, max_digits=18, verbose_name='单价（万元）')),
                ('amount', budgets.fields.MoneyField(decimal_places=2, max_digits=18, verbose_name='金额（万元）')),
                ('sme_amount', budgets.fields.MoneyField(decimal_places=2, default=0, max_digits=18, verbose_name='面向中小企业预留金额（万元）')),
                ('position', models.PositiveIntegerField(default=0, verbose_name='排序')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('budget', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='budgets.budget', verbose_name='部门预算')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('unit', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='budgets.budgetunit', verbose_name='预算单位')),
            ],
            options={
                'verbose_name': 'historical 政府采购预算',
                'verbose_name_plural': 'historical 政府采购预算',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalTransferPayment',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='项目名称')),
                ('amount', budgets.fields.MoneyField(decimal_places=2, max_digits=18, verbose_name='金额（万元）')),
                ('position', models.PositiveIntegerField(default=0, verbose_name='排序')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('budget', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='budgets.budget', verbose_name='部门预算')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical 专项转移支付项目',
                'verbose_name_plural': 'historical 专项转移支付项目',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(baseline_history, migrations.RunPython.noop),
    ]
