"""The grid's URLs on the budget admin (so the admin's login, scoping and CSRF apply)."""

from django.urls import path, reverse

from budgets.entry import projects, views


class BudgetEntryAdminMixin:
    """``<id>/entry/`` (basic lines), ``<id>/entry/project/<p>/`` (one project's lines),
    ``<id>/entry/project/new/`` (a project with its lines and indicators in one go)."""

    def get_urls(self):
        wrap = self.admin_site.admin_view

        def grid(request, object_id, project_id=None):
            return views.grid_view(self, request, object_id, project_id)

        def new_project(request, object_id):
            return projects.project_new_view(self, request, object_id)

        urls = [
            path("<int:object_id>/entry/", wrap(grid), name="budget_entry_basic"),
            path(
                "<int:object_id>/entry/project/<int:project_id>/",
                wrap(grid),
                name="budget_entry_project",
            ),
            path(
                "<int:object_id>/entry/project/new/",
                wrap(new_project),
                name="budget_entry_project_new",
            ),
        ]
        return urls + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        budget = self.get_object(request, object_id)
        if budget is not None and views.may_view_lines(request.user):
            extra_context["entry_url"] = reverse("admin:budget_entry_basic", args=[budget.pk])
            extra_context["entry_read_only"] = not views.may_enter(request, budget)
        return super().change_view(request, object_id, form_url, extra_context)
