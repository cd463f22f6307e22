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
            )
        ]

    def __str__(self):
        return f"{self.disclosure_title}（第{self.version}版）"

    @property
    def disclosure_title(self) -> str:
        return f"{self.content.get('department_name', '')}{self.year}年部门预算"

    def disclosure(self):
        """The frozen :class:`~disclosures.document.Disclosure` of this version."""
        from disclosures.document import disclosure_from_dict

        return disclosure_from_dict(self.content)
