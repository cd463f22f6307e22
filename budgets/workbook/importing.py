"""Preview (dry run) and import of a budget workbook: all or nothing, every problem named."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from budgets.models import (
    Budget,
    BudgetStatus,
    EconomicCorrespondence,
    ProjectIndicatorLevel1,
    ProjectKind,
    UnitKind,
)
from budgets.services.demo import SubjectCache, budget_load
from budgets.workbook import codes
from budgets.workbook.reading import Problem, Rows, workbook_rows


@dataclass
class Preview:
    """What importing would do: counts per sheet, problems, and the budget description."""

    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    data: dict = field(default_factory=dict)
    existing: Budget | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def title(self) -> str:
        info = self.data.get("department", {})
        return f"{info.get('name', '')}{self.data.get('budget', {}).get('year', '')}年部门预算"


class Checker:
    """Cross-sheet checks: codes valid in the year, pairs that correspond, references."""

    def __init__(self, sheets: dict[str, Rows], problems: list[Problem], year: int):
        self.sheets, self.problems, self.year = sheets, problems, year
        self.subjects = SubjectCache(year)
        self.pairs = set(
            EconomicCorrespondence.objects.valid_in(year).values_list("dept_code", "gov_code")
        )

    def bad(self, key: str, row: int, column: str, message: str) -> None:
        spec = self.sheets[key].sheet
        self.problems.append(Problem(spec.title, row, spec.column(column).header, message))

    def choice(self, key, row, column, value, allowed, what) -> str | None:
        if value in allowed:
            return allowed[value] if isinstance(allowed, dict) else value
        self.bad(key, row, column, f"“{value}”不是有效的{what}")
        return None

    def line(self, key: str, row: int, record: dict) -> bool:
        ok = True
        for column, table, label in (
            ("func", self.subjects.functional, "功能分类"),
            ("dept_econ", self.subjects.dept, "部门经济分类"),
            ("gov_econ", self.subjects.gov, "政府经济分类"),
        ):
            if record[column] not in table:
                self.bad(
                    key,
                    row,
                    column,
                    f"{label}科目 {record[column]} 在 {self.year} 年度目录中不存在",
                )
                ok = False
        if ok and (record["dept_econ"], record["gov_econ"]) not in self.pairs:
            self.bad(
                key,
                row,
                "gov_econ",
                f"部门经济分类 {record['dept_econ']} 与政府经济分类 {record['gov_econ']} 不对应",
            )
            ok = False
        source = self.choice(key, row, "source", record["source"], codes.SOURCE_VALUE, "资金来源")
        record["source"] = source
        return ok and source is not None


def _counts(sheets: dict[str, Rows]) -> dict[str, int]:
    return {rows.sheet.title: len(rows.records) for rows in sheets.values()}


def budget_workbook_preview(*, data: bytes) -> Preview:
    """Read and check the whole workbook without writing anything."""
    sheets, problems = workbook_rows(data)
    preview = Preview(counts=_counts(sheets) if sheets else {}, problems=problems)
    info = sheets.get("info").records if sheets else []
    if not sheets or not info:
        if sheets and not any(p.sheet == "基本信息" for p in problems):
            problems.append(Problem("基本信息", 2, "", "缺少基本信息（第 2 行）"))
        return preview
    _, head = info[0]
    checker = Checker(sheets, problems, head["year"])
    preview.data = _describe(checker, head)
    preview.existing = Budget.objects.filter(
        department__region__code=head["region_code"],
        department__code=head["department_code"],
        fiscal_year__year=head["year"],
    ).first()
    return preview


def _describe(checker: Checker, head: dict) -> dict:
    """The budget description (docs/demo-data-format.md) from the sheets, checking as it goes."""
    rows = {key: sheet.records for key, sheet in checker.sheets.items()}
    units = {}
    for row, unit in rows["units"]:
        if not unit["code"].startswith(head["department_code"]):
            checker.bad(
                "units",
                row,
                "code",
                f"单位代码 {unit['code']} 不属于部门 {head['department_code']}",
            )
        if unit["code"] in units:
            checker.bad("units", row, "code", f"单位代码 {unit['code']} 重复")
        checker.choice(
            "units", row, "kind", unit["kind"], set(UnitKind.values), "单位性质（行政/参公/事业）"
        )
        units[unit["code"]] = unit

    def unit_ok(key, row, code) -> bool:
        if code not in units:
            checker.bad(key, row, "unit", f"单位代码 {code} 不在本部门的预算单位中")
            return False
        return True

    basic = []
    for row, line in rows["basic_lines"]:
        if unit_ok("basic_lines", row, line["unit"]) & checker.line("basic_lines", row, line):
            line["cost_type"] = (
                checker.choice(
                    "basic_lines",
                    row,
                    "cost_type",
                    line["cost_type"],
                    codes.COST_VALUE | {"": ""},
                    "人员/公用经费",
                )
                or ""
            )
            basic.append(line)
    projects = _projects(checker, rows, unit_ok)
    return {
        "region": {"code": head["region_code"], "name": head["region_name"]},
        "department": {
            "code": head["department_code"],
            "name": head["department_name"],
            "short_name": head["short_name"],
        },
        "budget": {"year": head["year"], "cover_date": head["cover_date"] or None},
        "units": list(units.values()),
        "basic_lines": basic,
        "projects": projects,
        **_rest(checker, rows, unit_ok),
    }


def _projects(checker: Checker, rows: dict, unit_ok) -> list[dict]:
    projects = {}
    for row, project in rows["projects"]:
        if project["code"] in projects:
            checker.bad("projects", row, "code", f"项目代码 {project['code']} 重复")
            continue
        unit_ok("projects", row, project["unit"])
        checker.choice(
            "projects", row, "kind", project["kind"], set(ProjectKind.values), "项目类型"
        )
        projects[project["code"]] = dict(project, lines=[], indicators=[])
    for row, line in rows["project_lines"]:
        code = line.pop("project")
        if code not in projects:
            checker.bad("project_lines", row, "project", f"项目代码 {code} 在“项目”工作表中不存在")
        elif checker.line("project_lines", row, line):
            projects[code]["lines"].append(line)
    for row, indicator in rows["project_indicators"]:
        code = indicator.pop("project")
        if code not in projects:
            checker.bad(
                "project_indicators", row, "project", f"项目代码 {code} 在“项目”工作表中不存在"
            )
            continue
        checker.choice(
            "project_indicators",
            row,
            "level1",
            indicator["level1"],
            set(ProjectIndicatorLevel1.values),
            "一级指标",
        )
        projects[code]["indicators"].append(indicator)
    return list(projects.values())


def _rest(checker: Checker, rows: dict, unit_ok) -> dict:
    narrative = {}
    for row, item in rows["narrative"]:
        key = checker.choice(
            "narrative", row, "key", item["key"], codes.NARRATIVE_VALUE, "文字说明内容"
        )
        if key:
            narrative[key] = item["text"]
    prior = {}
    for row, item in rows["previous_year"]:
        key = checker.choice(
            "previous_year", row, "key", item["key"], codes.PRIOR_VALUE, "上年对比项目"
        )
        if key:
            prior[key] = item["amount"]
    for row, item in rows["procurement"]:
        unit_ok("procurement", row, item["unit"])
    assets = []
    for row, item in rows["assets"]:
        category = checker.choice(
            "assets", row, "category", item["category"], codes.ASSET_VALUE, "资产类别"
        )
        if category:
            assets.append({"category": category, "quantity": item["quantity"]})
    objective = rows["objective"][0][1]["objective"] if rows["objective"] else ""
    performance = None
    if objective or rows["tasks"] or rows["indicators"]:
        performance = {
            "objective": objective,
            "tasks": [t for _, t in rows["tasks"]],
            "indicators": [i for _, i in rows["indicators"]],
        }
    return {
        "narrative": narrative,
        "previous_year": prior or None,
        "performance": performance,
        "procurement": [
            {k: v for k, v in p.items() if v is not None} for _, p in rows["procurement"]
        ],
        "assets": assets,
        "transfer_payments": [t for _, t in rows["transfer_payments"]],
    }


class ImportRefused(Exception):
    """The workbook was not imported; ``problems`` say why (nothing was written)."""

    def __init__(self, problems: list[Problem]):
        super().__init__("；".join(str(p) for p in problems))
        self.problems = problems


@transaction.atomic
def budget_workbook_import(*, data: bytes, replace: bool = False) -> Budget:
    """Import the workbook as one budget, or write nothing and raise ``ImportRefused``."""
    preview = budget_workbook_preview(data=data)
    if not preview.ok:
        raise ImportRefused(preview.problems)
    existing = preview.existing
    if existing is not None and existing.status != BudgetStatus.DRAFT:
        state = existing.get_status_display()
        raise ImportRefused(
            [
                Problem(
                    "基本信息",
                    2,
                    "",
                    f"该预算{state}，不能被覆盖；请先建立更正版本（重新打开为草稿）再导入",
                )
            ]
        )
    if existing is not None and not replace:
        raise ImportRefused(
            [Problem("基本信息", 2, "", "该部门该年度的草稿预算已存在；确认替换后再导入")]
        )
    try:
        return budget_load(data=preview.data)
    except ValidationError as error:
        raise ImportRefused([Problem("数据", 0, "", m) for m in error.messages]) from None
