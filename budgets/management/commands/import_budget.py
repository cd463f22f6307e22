"""python manage.py import_budget FILE.xlsx [FILE … | FOLDER] [--replace] [--dry-run]
[--create-missing]

Runs as the operator: with ``--create-missing`` a workbook's region, department and year are
created when they do not exist yet (demos, benchmarks); a clerk's import never creates them.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from budgets.workbook.importing import (
    ImportRefused,
    budget_workbook_import,
    budget_workbook_preview,
)


def _files(paths: list[str]) -> list[Path]:
    files = []
    for name in paths:
        path = Path(name)
        files.extend(sorted(path.glob("*.xlsx")) if path.is_dir() else [path])
    return files


class Command(BaseCommand):
    help = "导入预算工作簿（可一次导入多个文件或一个文件夹）；有错误的文件不写入任何数据。"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="工作簿文件或文件夹")
        parser.add_argument("--replace", action="store_true", help="替换已存在的草稿预算")
        parser.add_argument("--dry-run", action="store_true", help="只预览检查，不写入")
        parser.add_argument(
            "--create-missing",
            action="store_true",
            help="行政区划、部门或预算年度不存在时自动创建（仅供运维导入示例数据）",
        )

    def handle(self, paths, replace, dry_run, create_missing, **options):
        files, failed = _files(paths), 0
        self.create_missing = create_missing
        for number, path in enumerate(files, start=1):
            prefix = f"[{number}/{len(files)}] {path.name}"
            failed += not self._one(path, prefix, replace=replace, dry_run=dry_run)
        self.stdout.write(
            f"共 {len(files)} 个文件：成功 {len(files) - failed} 个，失败 {failed} 个。"
        )
        if failed:
            raise CommandError(f"{failed} 个文件未导入。")

    def _one(self, path: Path, prefix: str, *, replace: bool, dry_run: bool) -> bool:
        try:
            data = path.read_bytes()
        except OSError as error:
            self.stderr.write(f"{prefix}：无法读取文件（{error.strerror}）")
            return False
        if dry_run:
            preview = budget_workbook_preview(data=data, create_missing=self.create_missing)
            counts = "，".join(f"{k} {v} 行" for k, v in preview.counts.items() if v)
            self.stdout.write(f"{prefix}：{preview.title}（{counts}）")
            for warning in preview.warnings:
                self.stdout.write(f"  [提示] {warning}")
            for problem in preview.problems:
                self.stderr.write(f"  {problem}")
            return preview.ok
        try:
            budget = budget_workbook_import(
                data=data, replace=replace, create_missing=self.create_missing
            )
        except ImportRefused as refused:
            self.stderr.write(f"{prefix}：未导入，{len(refused.problems)} 个问题：")
            for problem in refused.problems:
                self.stderr.write(f"  {problem}")
            return False
        self.stdout.write(self.style.SUCCESS(f"{prefix}：已导入 {budget}"))
        self._findings(budget)
        return True

    def _findings(self, budget) -> None:
        from disclosures.checks import check_budget

        for finding in check_budget(budget_id=budget.pk):
            self.stdout.write(f"  [{finding.level_label}] {finding.message}")
