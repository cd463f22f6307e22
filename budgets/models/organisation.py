"""Who budgets: regions (行政区划), departments (部门) and their budget units (预算单位)."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

region_code_validator = RegexValidator(r"^\d{6}$", "行政区划代码应为 6 位数字。")
department_code_validator = RegexValidator(r"^\d{2,12}$", "部门编码应为 2–12 位数字。")
unit_code_validator = RegexValidator(r"^\d{3,15}$", "单位编码应为 3–15 位数字。")


class DisclosureFormat(models.TextChoices):
    """The layout a province publishes department budgets in (``disclosures/formats/``).

    Each value has a format package; the Hubei (42) and Hebei (13) formats join this list
    with their packages, and a test keeps the two lists equal.
    """

    HENAN = "henan", "河南格式（封面、三部分、十二张表）"
    HUBEI = "hubei", "湖北格式（仅公开表（一）至（十））"
    HEBEI = "hebei", "河北格式（九张表及情况说明）"


# Province digits of the region code → the format that province publishes in.
PROVINCE_FORMATS = {
    "41": DisclosureFormat.HENAN,
    "42": DisclosureFormat.HUBEI,
    "13": DisclosureFormat.HEBEI,
}


def default_disclosure_format(region_code: str) -> str:
    """The format the province digits of ``region_code`` name; Henan for any other."""
    return PROVINCE_FORMATS.get((region_code or "")[:2], DisclosureFormat.HENAN)


class Region(models.Model):
    """A government (行政区划) publishing its departments' budgets, e.g. 410702 新乡市红旗区."""

    code = models.CharField(
        "区划代码", max_length=6, unique=True, validators=[region_code_validator]
    )
    name = models.CharField("区划名称", max_length=50)
    disclosure_format = models.CharField(
        "公开格式",
        max_length=20,
        choices=DisclosureFormat.choices,
        blank=True,
        help_text="本地区部门预算公开使用的表式；留空则按区划代码的省份确定。"
        "新建的预算沿用创建时的格式，修改此处不影响已有年度。",
    )

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"

    def save(self, *args, **kwargs):
        if not self.disclosure_format:
            self.disclosure_format = default_disclosure_format(self.code)
        super().save(*args, **kwargs)


class FiscalYear(models.Model):
    """A budget year (预算年度); its catalogue edition is the one valid in that year."""

    year = models.PositiveSmallIntegerField("预算年度", unique=True)

    class Meta:
        verbose_name = "预算年度"
        verbose_name_plural = "预算年度"
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=2000) & models.Q(year__lte=2100),
                name="fiscal_year_range",
                violation_error_message="预算年度应在 2000—2100 之间。",
            )
        ]

    def __str__(self):
        return f"{self.year}年"


class Department(models.Model):
    """A 部门 (主管部门); its budget is the sum of its units' budgets."""

    region = models.ForeignKey(
        Region, verbose_name="行政区划", on_delete=models.PROTECT, related_name="departments"
    )
    code = models.CharField("部门编码", max_length=12, validators=[department_code_validator])
    name = models.CharField("部门名称", max_length=100)
    short_name = models.CharField(
        "简称", max_length=100, blank=True, help_text="表头“部门名称”处使用的名称；留空则用全称。"
    )
    # Hubei's （二） prints the finance bureau's section that supervises the department
    # (归口管理股室, e.g. 社保股) as a row above it (spec §1.A （二）); other formats ignore it.
    supervising_section = models.CharField(
        "归口管理股室",
        max_length=50,
        blank=True,
        help_text="财政部门归口管理本部门的股室，如“社保股”；湖北格式在部门收入总体情况表中列示。",
    )

    class Meta:
        verbose_name = "部门"
        verbose_name_plural = "部门"
        ordering = ["region__code", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "code"],
                name="department_code_unique_in_region",
                violation_error_message="同一行政区划内部门编码不能重复。",
            )
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class UnitKind(models.TextChoices):
    ADMINISTRATIVE = "行政", "行政单位"
    CIVIL_SERVICE_INSTITUTION = "参公", "参公事业单位"
    INSTITUTION = "事业", "事业单位"


class FundingForm(models.TextChoices):
    """经费保障形式 of a unit (Hebei 部门机构设置情况)."""

    APPROPRIATION = "财政拨款", "财政拨款"
    SUBSIDY = "财政补助", "财政补助"
    SELF_FUNDED = "经费自理", "经费自理"


class BudgetUnit(models.Model):
    """A 预算单位 of a department; its code extends the department's (036 → 036001)."""

    department = models.ForeignKey(
        Department, verbose_name="所属部门", on_delete=models.CASCADE, related_name="units"
    )
    code = models.CharField("单位编码", max_length=15, validators=[unit_code_validator])
    name = models.CharField("单位名称", max_length=100)
    kind = models.CharField("单位性质", max_length=4, choices=UnitKind.choices)
    # Printed by Hebei's 部门机构设置情况 (spec §1.B); other formats ignore them. The grade
    # is free text: units print 正科级, 副科级, 股级, but also 相当于正科级 and the like.
    grade = models.CharField(
        "单位规格", max_length=20, blank=True, help_text="如“正科级”“副科级”“股级”。"
    )
    funding_form = models.CharField(
        "经费保障形式", max_length=10, choices=FundingForm.choices, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "预算单位"
        verbose_name_plural = "预算单位"
        ordering = ["department", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "code"],
                name="unit_code_unique_in_department",
                violation_error_message="同一部门内单位编码不能重复。",
            )
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def clean(self):
        from django.core.exceptions import ValidationError

        from budgets.models.registry import unit_change_refusal

        if self.department_id and self.code and not self.code.startswith(self.department.code):
            raise ValidationError({"code": f"单位编码应以部门编码 {self.department.code} 开头。"})
        # Units are listed in every table 2 of the department: frozen while one is reviewed.
        if message := unit_change_refusal(self):
            raise ValidationError(message, code="unit_locked")


class StaffProfile(models.Model):
    """Which department (clerks, reviewers) or region (finance bureau) a user works for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    department = models.ForeignKey(
        Department,
        verbose_name="所属部门",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_profiles",
    )
    region = models.ForeignKey(
        Region,
        verbose_name="所属财政部门（行政区划）",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_profiles",
    )

    class Meta:
        verbose_name = "用户所属单位"
        verbose_name_plural = "用户所属单位"

    def __str__(self):
        return f"{self.user} — {self.department or self.region or '未指定'}"
