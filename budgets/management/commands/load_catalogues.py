from django.core.management.base import BaseCommand

from budgets.services.catalogues import CATALOGUE_DIR, catalogues_load


class Command(BaseCommand):
    help = "加载（或更新）仓库中随附的政府收支分类科目目录。"

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=str(CATALOGUE_DIR), help="目录文件所在文件夹")

    def handle(self, *args, **options):
        from pathlib import Path

        counts = catalogues_load(directory=Path(options["dir"]))
        for name, count in counts.items():
            self.stdout.write(f"{name}：新增或更新 {count} 条")
