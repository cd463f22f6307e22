from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from budgets.catalogue_diff import diff_report
from budgets.catalogue_files import EditionFileRefused
from budgets.services.editions import EDITION_KINDS, edition_compare, edition_read


def add_edition_arguments(parser, *, file_required: bool) -> None:
    parser.add_argument("file", nargs=None if file_required else "?", help="XLSX 或 CSV 目录文件")
    parser.add_argument("--year", type=int, help="该目录适用的预算年度")
    parser.add_argument(
        "--kind",
        choices=sorted(EDITION_KINDS),
        default="functional",
        help="分类（correspondence 为部门↔政府经济分类对应关系）",
    )


def read_edition(options):
    """The entries of the file named by the options, or a CommandError in Chinese."""
    if not options["year"]:
        raise CommandError("请用 --year 指定该目录适用的预算年度")
    path = Path(options["file"])
    if not path.is_file():
        raise CommandError(f"文件 {path} 不存在")
    try:
        return edition_read(data=path.read_bytes(), kind=options["kind"], year=options["year"])
    except EditionFileRefused as refused:
        raise CommandError(
            "文件未通过检查，未写入任何内容：\n" + "\n".join(refused.problems)
        ) from None


class Command(BaseCommand):
    help = (
        "比较一个年度目录文件（或经济分类对应关系文件）与已加载的目录："
        "新增、更名、删除的科目及使用它们的预算（不写入）。"
    )

    def add_arguments(self, parser):
        add_edition_arguments(parser, file_required=True)

    def handle(self, *args, **options):
        entries = read_edition(options)
        diff = edition_compare(kind=options["kind"], year=options["year"], entries=entries)
        for line in diff_report(diff):
            self.stdout.write(line)
