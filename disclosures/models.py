"""Frozen publications: what the public sees of a budget, version by version."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from budgets.models import Budget


class Publication(models.Model):
    """One published version (第 N 版) of a budget's disclosure, frozen at publication.

    ``content`` holds the whole disclosure (narrative, explanation and the twelve tables,
    amounts in 万元 as two-decimal strings) as built at the moment of publishing; public
    pages, downloads and the API read only this, never the live budget.
    """

    budget = models.ForeignKey(
        Budget, verbose_name="部门预算", on_delete=models.PROTECT, related_name="publications"
    )
    version = models.PositiveIntegerField("版本")
    published_at = models.DateTimeField("发布时间", default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="发布人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="publications",
    )
    reason = models.TextField("更正原因", blank=True)
    content = models.JSONField("公开内容")
    # Denormalised from the budget so public URLs resolve with one indexed lookup.
    region_code = models.CharField("行政区划代码", max_length=6)
    year = models.PositiveIntegerField("预算年度")
    department_code = models.CharField("部门代码", max_length=20)
    pdf = models.FileField("PDF 文件", upload_to="publications/pdf/", blank=True)
    # The format it was published in (``disclosures/formats``), also in ``content``.
    disclosure_format = models.CharField("公开格式", max_length=20, default="henan")
    # Denormalised from ``content`` at publication, so lists and charts of many
    # disclosures never decode the snapshots (amounts in 万元).
    is_current = models.BooleanField("当前版本", default=True)
    region_name = models.CharField("行政区划名称", max_length=100, blank=True)
    department_name = models.CharField("部门名称", max_length=200, blank=True)
    income_total = models.DecimalField("收入总计", max_digits=16, decimal_places=2, default=0)
    expenditure_total = models.DecimalField("支出总计", max_digits=16, decimal_places=2, default=0)
    basic_total = models.DecimalField("基本支出", max_digits=16, decimal_places=2, default=0)
    project_total = models.DecimalField("项目支出", max_digits=16, decimal_places=2, default=0)
    three_public_total = models.DecimalField(
        "“三公”经费", max_digits=16, decimal_places=2, default=0
    )
    # The region page's columns (issue 16): each “三公” item and 机关运行经费, so a
    # region's comparison reads one row per department and never decodes a snapshot.
    outbound_total = models.DecimalField(
        "因公出国（境）费", max_digits=16, decimal_places=2, default=0
    )
    vehicle_purchase_total = models.DecimalField(
        "公务用车购置费", max_digits=16, decimal_places=2, default=0
    )
    vehicle_operation_total = models.DecimalField(
        "公务用车运行费", max_digits=16, decimal_places=2, default=0
    )
    reception_total = models.DecimalField("公务接待费", max_digits=16, decimal_places=2, default=0)
    # None for snapshots published before 机关运行经费 was kept (schema 1).
    operating_costs = models.DecimalField(
        "机关运行经费", max_digits=16, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = "公开版本"
        verbose_name_plural = "公开版本"
        ordering = ["-year", "region_code", "department_code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "version"],
                name="publication_version_unique_per_budget",
                violation_error_message="该预算已有相同版本号的公开版本。",
            ),
            models.UniqueConstraint(
                fields=["budget"],
                condition=models.Q(is_current=True),
                name="publication_one_current_per_budget",
                violation_error_message="每个预算只能有一个当前公开版本。",
            ),
            models.CheckConstraint(
                condition=models.Q(version__gte=1),
                name="publication_version_positive",
                violation_error_message="版本号从 1 开始。",
            ),
        ]
        indexes = [
            models.Index(
                fields=["region_code", "year", "department_code", "-version"],
                name="publication_public_lookup",
            ),
            models.Index(
                fields=["is_current", "-year", "region_code", "department_code"],
                name="publication_current_list",
            ),
        ]

    def __str__(self):
        return f"{self.disclosure_title}（第{self.version}版）"

    @property
    def disclosure_title(self) -> str:
        return f"{self.department_name}{self.year}年部门预算"

    @property
    def headline(self) -> dict:
        """收入/支出总计, 基本/项目支出 and 三公 total (万元), without reading ``content``."""
        return {
            "income_total": self.income_total,
            "expenditure_total": self.expenditure_total,
            "basic": self.basic_total,
            "project": self.project_total,
            "three_public": self.three_public_total,
        }

    def _table_entry(self, number: int) -> dict | None:
        """The snapshot's table at position ``number`` (a form is several small tables, so
        positions come from the snapshot, not from the format's list of specs)."""
        tables = (self.content or {}).get("tables", [])
        return tables[number - 1] if 0 < number <= len(tables) else None

    def has_table(self, number: int) -> bool:
        """Whether the publication has a table at position ``number``."""
        return self._table_entry(number) is not None

    def table_label(self, number: int) -> str:
        """The label of table ``number`` in the publication's format (``预算03表``)."""
        entry = self._table_entry(number)
        if entry is None:
            return ""
        # Snapshots from before formats existed are Henan: 预算01表 … 预算12表.
        return entry.get("label") or f"预算{number:02d}表"

    def disclosure(self):
        """The frozen :class:`~disclosures.document.Disclosure` of this version."""
        from disclosures.document import disclosure_from_dict

        return disclosure_from_dict(self.content)


class SearchEntryKind(models.TextChoices):
    DEPARTMENT = "department", "部门"
    UNIT = "unit", "单位"
    PROJECT = "project", "项目"


class SearchEntry(models.Model):
    """A name the public can search for (department, unit, project) in one publication.

    Written once with the publication from its frozen snapshot, so an unpublished
    revision's names are never found; searched with SQL ``LIKE`` on SQLite and PostgreSQL.
    """

    publication = models.ForeignKey(
        Publication,
        verbose_name="公开版本",
        on_delete=models.CASCADE,
        related_name="search_entries",
    )
    kind = models.CharField("类型", max_length=20, choices=SearchEntryKind.choices)
    name = models.CharField("名称", max_length=300)
    code = models.CharField("代码", max_length=40, blank=True)

    class Meta:
        verbose_name = "检索条目"
        verbose_name_plural = "检索条目"
        ordering = ["publication", "id"]

    def __str__(self):
        return f"{self.get_kind_display()}：{self.name}"

    @property
    def matched_field(self) -> str:
        """Which field of the disclosure the name comes from (shown as 匹配：…)."""
        if self.kind == SearchEntryKind.DEPARTMENT:
            return "部门名称"
        if self.kind == SearchEntryKind.UNIT:
            return f"预算单位名称（{self.code}）" if self.code else "预算单位名称"
        return f"项目名称（项目代码 {self.code}）" if self.code else "项目名称"
