"""python manage.py export_budget <region> <year> <department> -o FILE.xlsx"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from budgets.models import Budget
from budgets.workbook.export import budget_workbook_export


class Command(BaseCommand):
    help = "把一个部门一个年度的预算导出为 Excel 工作簿（.xlsx）。"

    def add_arguments(self, parser):
        parser.add_argument("region", help="行政区划代码，如 410702")
        parser.add_argument("year", type=int, help="预算年度，如 2022")
        parser.add_argument("department", help="部门代码，如 060")
        parser.add_argument("-o", "--output", required=True, help="输出文件路径（.xlsx）")

    def handle(self, region, year, department, output, **options):
        budget = Budget.objects.filter(
            department__region__code=region, fiscal_year__year=year, department__code=department
        ).first()
        if budget is None:
            raise CommandError(f"没有找到 {region} {year} 年部门 {department} 的预算。")
        Path(output).write_bytes(budget_workbook_export(budget=budget))
        self.stdout.write(self.style.SUCCESS(f"已导出 {budget} → {output}"))
