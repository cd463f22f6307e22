"""What the narrative states but the lines cannot give: 政府采购, 国有资产, 专项转移支付."""

import datetime

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from budgets.fields import MoneyField, PriceField
from budgets.funding import FundingSource
from budgets.models.budget import Budget
from budgets.models.lines import Project
from budgets.models.organisation import BudgetUnit


class ProcurementCategory(models.TextChoices):
    GOODS = "货物", "货物"
    WORKS = "工程", "工程"
    SERVICES = "服务", "服务"


# The 政府采购品目分类目录 code's first letter names the category (A01… 货物).
CATEGORY_BY_CODE_PREFIX = {
    "A": ProcurementCategory.GOODS,
    "B": ProcurementCategory.WORKS,
    "C": ProcurementCategory.SERVICES,
}


class ProcurementItem(models.Model):
    """A 政府采购预算 item (万元)."""

    budget = models.ForeignKey(
        Budget, verbose_name="部门预算", on_delete=models.CASCADE, related_name="procurement_items"
    )
    unit = models.ForeignKey(
        BudgetUnit,
        verbose_name="预算单位",
        on_delete=models.PROTECT,
        related_name="procurement_items",
    )
    # 项目来源 (Hebei): the project the money comes from — a 特定目标类 project, or a basic
    # 人员类/运转类 (公用经费) project as the format defines it.
    project = models.ForeignKey(
        Project,
        verbose_name="项目来源",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="procurement_items",
    )
    category = models.CharField(
        "采购类别",
        max_length=4,
        choices=ProcurementCategory.choices,
        blank=True,
        help_text="留空则按目录序号首字母确定：A 货物、B 工程、C 服务。",
    )
    item = models.CharField("采购品目", max_length=200)
    catalogue_code = models.CharField("目录序号", max_length=30, blank=True)
    measure_unit = models.CharField("计量单位", max_length=20, blank=True)
    quantity = models.DecimalField("数量", max_digits=12, decimal_places=2, default=1)
    unit_price = PriceField("单价（万元）", default=0)
    amount = MoneyField("金额（万元）")
    # The budget the 金额 comes from (Hebei splits 金额 by funding source); one source per
    # item: an item paid from two sources is entered as two items.
    funding_source = models.CharField(
        "资金来源",
        max_length=20,
        choices=FundingSource.choices,
        default=FundingSource.GP_APPROPRIATION,
    )
    sme_amount = MoneyField("面向中小企业预留金额（万元）", default=0)
    # A new fixed asset (Hebei 九: 本年度拟购置固定资产总额 adds up the flagged items).
    is_new_asset = models.BooleanField("是否新增资产配置", default=False)
    position = models.PositiveIntegerField("排序", default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "政府采购预算"
        verbose_name_plural = "政府采购预算"
        ordering = ["budget", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0, unit_price__gte=0, sme_amount__gte=0, quantity__gte=0),
                name="procurement_non_negative",
                violation_error_message="采购数量和金额不能为负数。",
            )
        ]

    def __str__(self):
        return f"{self.category} {self.item}"

    def derive_category(self) -> None:
        """An empty 采购类别 from the 目录序号's first letter (A 货物, B 工程, C 服务)."""
        if not self.category:
            prefix = (self.catalogue_code or "").strip()[:1].upper()
            self.category = CATEGORY_BY_CODE_PREFIX.get(prefix, "")

    def clean(self):
        from django.core.exceptions import ValidationError

        from budgets.models.registry import own_unit_errors
        from budgets.validation import procurement_errors

        self.derive_category()
        errors = own_unit_errors(self) | procurement_errors(self)
        if errors:
            raise ValidationError(errors)


class AssetCategory(models.TextChoices):
    VEHICLE_GENERAL = "vehicle_general", "一般公务用车"
    VEHICLE_ENFORCEMENT = "vehicle_enforcement", "一般执法执勤用车"
    VEHICLE_SPECIAL = "vehicle_special", "特种专业技术用车"
    VEHICLE_OTHER = "vehicle_other", "其他用车"
    EQUIPMENT_GENERAL = "equipment_general", "单价50万元以上通用设备"
    EQUIPMENT_SPECIAL = "equipment_special", "单位价值100万元以上专用设备"
    BUILDING = "building", "房屋（平方米）"
    # Hebei's 部门固定资产占用情况表 (spec §1.B): values in 万元, 房屋 in m².
    TOTAL = "total", "资产总额"
    OFFICE_SPACE = "office_space", "其中：办公用房（平方米）"
    VEHICLE = "vehicle", "车辆（台、辆）"
    EQUIPMENT_200K = "equipment_200k", "单价在20万元以上的设备"
    OTHER_FIXED = "other_fixed", "其他固定资产"


class AssetHolding(models.Model):
    """国有资产占用: how many of a category the department holds (vehicles, equipment, m² of
    房屋), and their value (万元) where the format prints one (Hebei)."""

    budget = models.ForeignKey(
        Budget, verbose_name="部门预算", on_delete=models.CASCADE, related_name="asset_holdings"
    )
    category = models.CharField("资产类别", max_length=20, choices=AssetCategory.choices)
    quantity = models.DecimalField("数量", max_digits=12, decimal_places=2, default=0)
    value = MoneyField("价值（万元）", null=True, blank=True)
    # Real disclosures state holdings at the end of the previous year (003: 截止时间
    # 2023-12-31 in a 2024 budget); empty means 31 December of the year before the budget.
    as_of = models.DateField(
        "截止日期", null=True, blank=True, help_text="留空即预算年度上一年的 12 月 31 日。"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "国有资产占用"
        verbose_name_plural = "国有资产占用"
        ordering = ["budget", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "category"],
                name="asset_category_unique_per_budget",
                violation_error_message="同一预算中每类资产只能填写一次。",
            ),
            models.CheckConstraint(
                condition=Q(quantity__gte=0),
                name="asset_quantity_non_negative",
                violation_error_message="资产数量不能为负数。",
            ),
        ]

    def __str__(self):
        return f"{self.get_category_display()} {self.quantity}"

    def as_of_date(self, year: int) -> datetime.date:
        """The date the quantity is counted at, for a budget of ``year``."""
        return self.as_of or datetime.date(year - 1, 12, 31)


class TransferPayment(models.Model):
    """A 专项转移支付项目 the department manages (万元)."""

    budget = models.ForeignKey(
        Budget, verbose_name="部门预算", on_delete=models.CASCADE, related_name="transfer_payments"
    )
    name = models.CharField("项目名称", max_length=200)
    amount = MoneyField("金额（万元）")
    position = models.PositiveIntegerField("排序", default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "专项转移支付项目"
        verbose_name_plural = "专项转移支付项目"
        ordering = ["budget", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="transfer_amount_non_negative",
                violation_error_message="金额不能为负数。",
            )
        ]

    def __str__(self):
        return self.name
