"""Publishing a corrected revision of a demo budget (project line +1 万元), for tests."""

from budgets.models import ExpenditureLine
from budgets.services.workflow import budget_publish, budget_reopen, budget_submit
from tests.support.factories import UserFactory


def publish_correction(budget, *, username: str = "finance-root"):
    """Reopen, add 1.00 万元 to the first project line, resubmit and publish (version 2)."""
    finance = UserFactory(username=username, is_superuser=True)
    budget_reopen(budget=budget, user=finance, comment="更正项目金额")
    line = ExpenditureLine.objects.filter(budget=budget, kind="project").order_by("id").first()
    line.amount += 1
    line.save()
    project = line.project
    if project.declared_total is not None:  # keep the project's declared total consistent
        project.declared_total += 1
        project.save()
    budget.refresh_from_db()
    budget_submit(budget=budget, user=finance)
    return budget_publish(budget=budget, user=finance)
