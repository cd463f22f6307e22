"""Remove uploaded workbooks left unconfirmed for longer than WORKBOOK_UPLOAD_MAX_AGE_HOURS."""

from django.core.management.base import BaseCommand

from budgets.workbook.pending import pending_uploads_purge


class Command(BaseCommand):
    help = "删除超过保留时间仍未确认导入的上传工作簿"

    def handle(self, *args, **options):
        removed = pending_uploads_purge()
        self.stdout.write(f"已删除 {removed} 个过期的上传工作簿。")
