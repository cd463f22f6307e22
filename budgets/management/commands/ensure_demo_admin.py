from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from budgets.models import Department, StaffProfile
from budgets.services.roles import CLERK_GROUP, roles_setup


class Command(BaseCommand):
    help = "（仅限本地开发）创建 admin/admin 超级用户和示例填报员 clerk060/clerk060。"

    def handle(self, *args, **options):
        user_model = get_user_model()
        groups = roles_setup()
        if not user_model.objects.filter(username="admin").exists():
            user_model.objects.create_superuser("admin", "admin@example.org", "admin")
            self.stdout.write("已创建超级用户 admin")
        department = Department.objects.filter(region__code="410702", code="060").first()
        if department and not user_model.objects.filter(username="clerk060").exists():
            clerk = user_model.objects.create_user("clerk060", password="clerk060", is_staff=True)
            clerk.groups.add(groups[CLERK_GROUP])
            StaffProfile.objects.create(user=clerk, department=department)
            self.stdout.write("已创建填报员 clerk060（新乡市红旗区医疗保障局）")
