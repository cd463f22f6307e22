from django.core.management.base import BaseCommand

from budgets.services.roles import roles_setup


class Command(BaseCommand):
    help = "创建或刷新用户组（填报员、审核员、财政管理员）及其权限，可重复运行。"

    def handle(self, *args, **options):
        for name, group in roles_setup().items():
            self.stdout.write(f"{name}：{group.permissions.count()} 项权限")
