from django.core.management.base import BaseCommand

from budgets.formatting import format_amount
from budgets.selectors import budget_totals
from budgets.services.demo import demo_budget_load, demo_files
from disclosures.services.publishing import demo_publication_create


class Command(BaseCommand):
    help = (
        "加载并发布示例部门预算（新乡市红旗区医疗保障局 2022、三门峡市医疗保障局 2023、"
        "竹山县医疗保障局 2022、保定市徐水区医疗保障局 2024），"
        "可重复运行：数据未变时不产生新版本。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--draft", action="store_true", help="只加载为草稿，不发布。")

    def handle(self, *args, **options):
        for path in demo_files():
            budget = demo_budget_load(path=path)
            totals = budget_totals(budget=budget)
            self.stdout.write(
                f"已加载 {budget}：支出合计 {format_amount(totals.total, blank_zero=False)} 万元"
                f"（基本支出 {format_amount(totals.basic, blank_zero=False)}，项目支出 {format_amount(totals.project, blank_zero=False)}）"
            )
            if not options["draft"]:
                version = demo_publication_create(budget=budget)
                self.stdout.write(f"已发布（当前第{version}版）")
