from django.core.management.base import BaseCommand, CommandError

from budgets.models import Budget
from disclosures.checks import Level, check_budget, has_errors


class Command(BaseCommand):
    help = "检查部门预算的十二张公开表是否相互一致；有错误时以非零状态退出。"

    def add_arguments(self, parser):
        parser.add_argument("region", help="行政区划代码，如 410702")
        parser.add_argument("year", type=int, help="预算年度，如 2022")
        parser.add_argument("department", help="部门编码，如 060")

    def handle(self, *args, region, year, department, **options):
        budget = Budget.objects.filter(
            department__region__code=region, fiscal_year__year=year, department__code=department
        ).first()
        if budget is None:
            raise CommandError(f"找不到 {region} 区划 {year} 年度部门 {department} 的预算。")
        findings = check_budget(budget_id=budget.pk)
        for finding in findings:
            style = self.style.ERROR if finding.level == Level.ERROR else self.style.WARNING
            self.stdout.write(style(f"[{finding.level_label}] {finding.message}"))
        errors = sum(1 for f in findings if f.level == Level.ERROR)
        warnings = len(findings) - errors
        self.stdout.write(f"{budget}：{errors} 个错误，{warnings} 个提示。")
        if has_errors(findings):
            raise CommandError("检查未通过。", returncode=1)
