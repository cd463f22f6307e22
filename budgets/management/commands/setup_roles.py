"""python manage.py setup_roles: create or refresh the groups 填报员, 审核员, 财政管理员."""

from django.core.management.base import BaseCommand

from budgets.services.roles import roles_setup


class Command(BaseCommand):
    help = "创建或更新角色（用户组）：填报员、审核员、财政管理员及其权限。"

    def handle(self, **options):
        for name, group in roles_setup().items():
            self.stdout.write(f"{name}：{group.permissions.count()} 项权限")
