"""Classification catalogues (政府收支分类科目), each entry valid for a range of editions.

The Ministry of Finance issues the catalogue yearly and renames entries between editions,
so one code may have several rows with non-overlapping year ranges. A budget line points
at the row valid in its budget year, so the name it prints is that year's name.
"""

from django.db import models
from django.db.models import Q

from budgets.models.organisation import UnitKind


class ClassificationLevel(models.TextChoices):
    CATEGORY = "category", "类"
    SECTION = "section", "款"
    ITEM = "item", "项"
    SUBITEM = "subitem", "子目"  # 7-digit economic 子目 of a province catalogue (3010201)


FUNCTIONAL_LEVEL_BY_LENGTH = {
    3: ClassificationLevel.CATEGORY,
    5: ClassificationLevel.SECTION,
    7: ClassificationLevel.ITEM,
}
ECONOMIC_LEVEL_BY_LENGTH = {
    3: ClassificationLevel.CATEGORY,
    5: ClassificationLevel.SECTION,
    7: ClassificationLevel.SUBITEM,
}


class EditionQuerySet(models.QuerySet):
    def valid_in(self, year: int):
        """Entries of the edition used for budget year ``year``."""
        return self.filter(valid_from__lte=year).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=year)
        )


class CatalogueEntry(models.Model):
    """Common fields of a catalogue entry: code, name and the editions it is valid in."""

    code = models.CharField("科目编码", max_length=7, db_index=True)
    name = models.CharField("科目名称", max_length=100)
    level = models.CharField("级次", max_length=10, choices=ClassificationLevel.choices)
    valid_from = models.PositiveSmallIntegerField("起始年度")
    valid_to = models.PositiveSmallIntegerField("截止年度", null=True, blank=True)
    # Where the name was taken from, so an administrator can tell verified names from
    # transcribed ones: "seed:000+002" (printed so in a published example), "edition:2022"
    # (transcribed), or "file:2025" (from an official file the finance bureau loaded).
    source = models.CharField(
        "来源",
        max_length=40,
        blank=True,
        help_text=(
            "seed:编号 表示与已公开的部门预算逐字核对；edition:年度 表示按该年度科目转录；"
            "file:年度 表示由财政部门导入的该年度目录文件。"
        ),
    )

    objects = EditionQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["code", "valid_from"]

    def __str__(self):
        return f"{self.code} {self.name}"

    def is_valid_in(self, year: int) -> bool:
        return self.valid_from <= year and (self.valid_to is None or self.valid_to >= year)

    def editions_label(self) -> str:
        end = self.valid_to or "今"
        return f"{self.valid_from}—{end}"


def _edition_range_check(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
        name=f"{prefix}_valid_range",
        violation_error_message="截止年度不能早于起始年度。",
    )


class FunctionalSubject(CatalogueEntry):
    """支出功能分类科目: 类 (3 digits) → 款 (5) → 项 (7). Budget lines use 项."""

    short_name = models.CharField(
        "简称", max_length=50, blank=True, help_text="收支总表中“类”的简称，如“卫生健康”。"
    )

    class Meta(CatalogueEntry.Meta):
        verbose_name = "支出功能分类科目"
        verbose_name_plural = "支出功能分类科目"
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"],
                name="functional_code_edition_unique",
                violation_error_message="同一科目编码在同一起始年度只能有一条记录。",
            ),
            _edition_range_check("functional"),
        ]

    def save(self, *args, **kwargs):
        self.level = FUNCTIONAL_LEVEL_BY_LENGTH.get(len(self.code), self.level)
        super().save(*args, **kwargs)

    @property
    def split_code(self) -> tuple[str, str, str]:
        """The code as tables print it: 类 | 款 | 项 (``210 | 15 | 01``)."""
        return self.code[:3], self.code[3:5], self.code[5:7]


class EconomicScheme(models.TextChoices):
    DEPARTMENT = "dept", "部门预算支出经济分类"
    GOVERNMENT = "gov", "政府预算支出经济分类"


class EconomicQuerySet(EditionQuerySet):
    def valid_in(self, year: int, region_code: str | None = None):
        """The national entries of the edition, plus a province's own when ``region_code``
        names a region (a Henan budget never sees Hubei's 子目 or local names)."""
        entries = super().valid_in(year)
        if region_code:
            return entries.filter(Q(province="") | Q(province=region_code[:2]))
        return entries.filter(province="")


class EconomicSubject(CatalogueEntry):
    """支出经济分类科目 of either scheme: 类 (3 digits) → 款 (5 digits) → 子目 (7 digits).

    National entries have no ``province``. A province may add entries of its own (spec
    §3.2: Hubei's 7-digit 子目 such as 3010201 艰边津贴, and local 款 names such as 30112
    社会保障缴费); only budgets of that province's regions see them, and an entry of the
    province replaces the national entry of the same code for them.
    """

    scheme = models.CharField("分类体系", max_length=4, choices=EconomicScheme.choices)
    province = models.CharField(
        "适用省份",
        max_length=2,
        blank=True,
        default="",
        help_text="省级区划代码前两位（如 42 湖北）；留空表示全国通用科目。",
    )

    # django-stubs declares the abstract base's ``as_manager()`` as a class variable and
    # takes a subclass's own one for an instance variable; at run time both are managers.
    objects = EconomicQuerySet.as_manager()  # type: ignore[misc]

    class Meta(CatalogueEntry.Meta):
        verbose_name = "支出经济分类科目"
        verbose_name_plural = "支出经济分类科目"
        ordering = ["scheme", "code", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "code", "valid_from", "province"],
                name="economic_code_edition_province_unique",
                violation_error_message="同一分类体系中同一科目编码在同一起始年度、同一省份只能有一条记录。",
            ),
            _edition_range_check("economic"),
        ]

    def save(self, *args, **kwargs):
        self.level = ECONOMIC_LEVEL_BY_LENGTH.get(len(self.code), self.level)
        super().save(*args, **kwargs)

    @property
    def category_code(self) -> str:
        return self.code[:3]


class CorrespondenceScope(models.TextChoices):
    """Which unit kinds a 部门↔政府 economic pair is meant for."""

    ADMINISTRATIVE = "行政", "行政单位（含参公事业单位）"
    INSTITUTION = "事业", "事业单位"


def correspondence_scope(kind: str) -> str:
    """行政 and 参公 units are budgeted with 501–504 codes, 事业 units with 505/506."""
    if kind == UnitKind.INSTITUTION:
        return CorrespondenceScope.INSTITUTION
    return CorrespondenceScope.ADMINISTRATIVE


class EconomicCorrespondence(models.Model):
    """An allowed pair of 部门经济分类款 and 政府经济分类款 for a unit kind, by edition."""

    dept_code = models.CharField("部门经济分类科目编码", max_length=5, db_index=True)
    gov_code = models.CharField("政府经济分类科目编码", max_length=5)
    applies_to = models.CharField("适用单位", max_length=4, choices=CorrespondenceScope.choices)
    valid_from = models.PositiveSmallIntegerField("起始年度")
    valid_to = models.PositiveSmallIntegerField("截止年度", null=True, blank=True)

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = "经济分类对应关系"
        verbose_name_plural = "经济分类对应关系"
        ordering = ["dept_code", "applies_to", "gov_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["dept_code", "gov_code", "applies_to", "valid_from"],
                name="correspondence_unique",
                violation_error_message="该对应关系已存在。",
            ),
            _edition_range_check("correspondence"),
        ]

    def __str__(self):
        return f"{self.dept_code} ↔ {self.gov_code}（{self.get_applies_to_display()}）"
