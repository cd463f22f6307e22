"""python manage.py export_budget <region> <year> <department> -o FILE.xlsx"""

from pathlib import Path

from django.core.management.base import BaseCommand

from budgets.management.arguments import add_budget_arguments, budget_or_error
from budgets.workbook.export import budget_workbook_export


class Command(BaseCommand):
    help = "把一个部门一个年度的预算导出为 Excel 工作簿（.xlsx）。"

    def add_arguments(self, parser):
        add_budget_arguments(parser)
        parser.add_argument("-o", "--output", required=True, help="输出文件路径（.xlsx）")

    def handle(self, region, year, department, output, **options):
        budget = budget_or_error(region, year, department)
        Path(output).write_bytes(budget_workbook_export(budget=budget))
        self.stdout.write(self.style.SUCCESS(f"已导出 {budget} → {output}"))
