from django.core.management.base import BaseCommand, CommandError

from budgets.management.arguments import add_budget_arguments, budget_or_error
from disclosures.checks import Level, check_budget, has_errors


class Command(BaseCommand):
    help = "检查部门预算的十二张公开表是否相互一致；有错误时以非零状态退出。"

    def add_arguments(self, parser):
        add_budget_arguments(parser)

    def handle(self, *args, region, year, department, **options):
        budget = budget_or_error(region, year, department)
        findings = check_budget(budget_id=budget.pk)
        for finding in findings:
            style = self.style.ERROR if finding.level == Level.ERROR else self.style.WARNING
            self.stdout.write(style(f"[{finding.level_label}] {finding.message}"))
        errors = sum(1 for f in findings if f.level == Level.ERROR)
        warnings = len(findings) - errors
        self.stdout.write(f"{budget}：{errors} 个错误，{warnings} 个提示。")
        if has_errors(findings):
            raise CommandError("检查未通过。", returncode=1)
