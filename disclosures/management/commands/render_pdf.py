"""python manage.py render_pdf <region> <year> <department> -o FILE: the disclosure as PDF."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from budgets.models import Budget
from disclosures.document import disclosure_build
from disclosures.pdf.render import render_document
from disclosures.selectors import publication_get


class Command(BaseCommand):
    help = "生成部门预算公开的 PDF 文件：有已公开版本时用当前公开版本，否则用草稿数据。"

    def add_arguments(self, parser):
        parser.add_argument("region", help="行政区划代码，如 410702")
        parser.add_argument("year", type=int, help="预算年度，如 2022")
        parser.add_argument("department", help="部门代码，如 060")
        parser.add_argument("-o", "--output", required=True, help="输出的 PDF 文件路径")

    def handle(self, region, year, department, output, **options):
        try:
            publication = publication_get(region=region, year=year, department=department)
            disclosure, source = publication.disclosure(), f"第 {publication.version} 版公开内容"
        except Http404:
            budget = Budget.objects.filter(
                department__region__code=region, fiscal_year__year=year, department__code=department
            ).first()
            if budget is None:
                raise CommandError(
                    f"没有找到 {region} {year} 年部门 {department} 的预算。"
                ) from None
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
