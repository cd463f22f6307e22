"""python manage.py prerender [--region R] [--year Y]: store current publications' pages again.

Publishing stores a version's pages and downloads (the PDF task); this command is for
after a deployment that changed templates or rendering code (the stored pages carry the
old ``render_stamp`` and are no longer served) and for publications loaded in bulk. It
writes only what is missing: a publication whose manifest already has this code's stamp
is skipped. The PDFs are copied if they have been rendered; run the worker for the rest.
"""

import time

from django.core.management.base import BaseCommand

from disclosures.models import Publication
from disclosures.published.files import manifest_read, publication_prerender, render_stamp


class Command(BaseCommand):
    help = "为当前公开版本预先生成公开页面和下载文件（部署更新模板或代码后运行）。"

    def add_arguments(self, parser):
        parser.add_argument("--region", help="只处理该行政区划代码")
        parser.add_argument("--year", type=int, help="只处理该预算年度")

    def handle(self, region=None, year=None, **options):
        publications = Publication.objects.filter(is_current=True).only(
            "pk", "region_code", "year", "department_code"
        )
        if region:
            publications = publications.filter(region_code=region)
        if year:
            publications = publications.filter(year=year)
        stamp, written, skipped = render_stamp(), 0, 0
        started = time.perf_counter()
        for publication in publications.order_by("pk").iterator():
            manifest = manifest_read(
                region=publication.region_code,
                year=publication.year,
                department=publication.department_code,
            )
            if (
                manifest
                and manifest.get("stamp") == stamp
                and manifest.get("publication") == publication.pk
            ):
                skipped += 1
                continue
            written += publication_prerender(publication_id=publication.pk)
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"已生成 {written} 个公开版本的页面，{skipped} 个已是最新，用时 {seconds:.1f} 秒。"
            )
        )
