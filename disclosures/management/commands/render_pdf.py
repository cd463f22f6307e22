"""python manage.py render_pdf <region> <year> <department> -o FILE: the disclosure as PDF."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.http import Http404

from budgets.management.arguments import add_budget_arguments, budget_or_error
from disclosures.document import disclosure_build
from disclosures.pdf.render import render_document
from disclosures.selectors import publication_get


class Command(BaseCommand):
    help = "生成部门预算公开的 PDF 文件：有已公开版本时用当前公开版本，否则用草稿数据。"

    def add_arguments(self, parser):
        add_budget_arguments(parser)
        parser.add_argument("-o", "--output", required=True, help="输出的 PDF 文件路径")

    def handle(self, region, year, department, output, **options):
        try:
            publication = publication_get(region=region, year=year, department=department)
            disclosure, source = publication.disclosure(), f"第 {publication.version} 版公开内容"
        except Http404:
            budget = budget_or_error(region, year, department)
            disclosure, source = disclosure_build(budget_id=budget.pk), "未公开的草稿数据"
        self.stdout.write(f"正在生成《{disclosure.title}》PDF（{source}），请稍候……")
        started = time.perf_counter()
        data = render_document(disclosure)
        Path(output).write_bytes(data)
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"已生成 {output}：{len(data) / 1024:.0f} KB，用时 {seconds:.1f} 秒。"
            )
        )
