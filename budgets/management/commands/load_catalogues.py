from pathlib import Path

from django.core.management.base import BaseCommand

from budgets.catalogue_diff import diff_report
from budgets.catalogue_files import EditionFileRefused
from budgets.management.commands.catalogue_diff import add_edition_arguments, read_edition
from budgets.services.catalogues import CATALOGUE_DIR, catalogues_load
from budgets.services.editions import edition_load


class Command(BaseCommand):
    help = (
        "加载（或更新）仓库中随附的政府收支分类科目目录；"
        "给出文件和 --year 时，改为导入该年度的一个分类目录文件。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=str(CATALOGUE_DIR), help="随附目录文件所在文件夹")
        add_edition_arguments(parser, file_required=False)

    def handle(self, *args, **options):
        if options["file"]:
            return self._edition(options)
        counts = catalogues_load(directory=Path(options["dir"]))
        for name, count in counts.items():
            self.stdout.write(f"{name}：新增或更新 {count} 条")

    def _edition(self, options):
        from django.core.management.base import CommandError

        entries = read_edition(options)
        try:
            diff = edition_load(kind=options["kind"], year=options["year"], entries=entries)
        except EditionFileRefused as refused:
            raise CommandError("未写入任何内容：\n" + "\n".join(refused.problems)) from None
        for line in diff_report(diff):
            self.stdout.write(line)
        self.stdout.write("已写入。")
