"""Synthetic department budgets of any size, for benchmarks and query-count tests.

``synthetic_budget(scale=10)`` builds a department about ten times the size of the demo
ones (30 units, 600 basic lines, 100 projects with 200 lines and 400 indicators) from
catalogue entries valid in the year, through bulk inserts.
"""

import itertools
import random
from decimal import Decimal

from django.db import transaction

from budgets.models import (
    Budget,
    BudgetUnit,
    Department,
    DepartmentIndicator,
    DepartmentTask,
    EconomicCorrespondence,
    EconomicSubject,
    ExpenditureLine,
    FiscalYear,
    FunctionalSubject,
    PerformanceGoal,
    Project,
    ProjectIndicator,
    Region,
    default_cost_type,
)

BASIC_ITEMS = ["2101501", "2101550", "2080505", "2101101", "2101102", "2210201", "2080502"]
PROJECT_ITEMS = ["2101599", "2101301", "2101399", "2101202", "2013699"]


def _pairs(year: int, scope: str, prefixes: tuple[str, ...]):
    dept = {s.code: s for s in EconomicSubject.objects.valid_in(year).filter(scheme="dept")}
    gov = {s.code: s for s in EconomicSubject.objects.valid_in(year).filter(scheme="gov")}
    pairs = [
        (dept[c.dept_code], gov[c.gov_code])
        for c in EconomicCorrespondence.objects.valid_in(year).filter(applies_to=scope)
        if c.dept_code.startswith(prefixes) and c.dept_code in dept and c.gov_code in gov
    ]
    return sorted(pairs, key=lambda p: (p[0].code, p[1].code))


@transaction.atomic
def synthetic_budget(
    *,
    scale: int = 10,
    region_code: str = "419900",
    department_code: str = "900",
    year: int = 2023,
    seed: int = 7,
) -> Budget:
    """Create a consistent synthetic budget; ``scale`` 1 is about the size of a demo budget."""
    rng = random.Random(seed)
    region, _ = Region.objects.get_or_create(code=region_code, defaults={"name": "合成测试区"})
    department, _ = Department.objects.get_or_create(
        region=region, code=department_code, defaults={"name": f"合成测试局{department_code}"}
    )
    fiscal_year, _ = FiscalYear.objects.get_or_create(year=year)
    Budget.objects.filter(department=department, fiscal_year=fiscal_year).delete()
    budget = Budget.objects.create(department=department, fiscal_year=fiscal_year)
    units = [
        BudgetUnit.objects.get_or_create(
            department=department,
            code=f"{department_code}{i + 1:03d}",
            defaults={"name": f"合成单位{i + 1}", "kind": "行政" if i == 0 else "事业"},
        )[0]
        for i in range(3 * scale)
    ]
    functional = {s.code: s for s in FunctionalSubject.objects.valid_in(year)}
    basic_pairs = {k: _pairs(year, k, ("301", "302", "303")) for k in ("行政", "事业")}
    project_pairs = {k: _pairs(year, k, ("302",)) for k in ("行政", "事业")}
    lines = []
    for n in range(60 * scale):
        unit = units[n % len(units)]
        dept, gov = rng.choice(basic_pairs["行政" if unit.kind == "行政" else "事业"])
        lines.append(
            ExpenditureLine(
                budget=budget,
                unit=unit,
                kind="basic",
                functional_subject=functional[BASIC_ITEMS[n % len(BASIC_ITEMS)]],
                dept_economic=dept,
                gov_economic=gov,
                funding_source="gp_appropriation",
                amount=Decimal(rng.randint(100, 500000)) / 100,
                cost_type=default_cost_type(dept.code),
                position=n,
            )
        )
    projects = Project.objects.bulk_create(
        [
            Project(
                budget=budget,
                unit=units[n % len(units)],
                code=f"{region_code}{year}{n:010d}",
                name=f"合成项目{n + 1}（困难群众医疗救助）",
                kind="特定目标类" if n % 2 else "其他运转类",
                position=n,
            )
            for n in range(10 * scale)
        ]
    )
    sources = itertools.cycle(
        ["gp_appropriation", "gp_appropriation", "gp_special_revenue", "gf_funds"]
    )
    for project in projects:
        for i in range(2):
            dept, gov = rng.choice(project_pairs["行政" if project.unit.kind == "行政" else "事业"])
            lines.append(
                ExpenditureLine(
                    budget=budget,
                    unit=project.unit,
                    kind="project",
                    project=project,
                    functional_subject=functional[
                        PROJECT_ITEMS[(project.position + i) % len(PROJECT_ITEMS)]
                    ],
                    dept_economic=dept,
                    gov_economic=gov,
                    funding_source=next(sources),
                    amount=Decimal(rng.randint(100, 900000)) / 100,
                    cost_type="",
                    position=i,
                )
            )
    ExpenditureLine.objects.bulk_create(lines, batch_size=1000)
    levels = ["成本指标", "产出指标", "效益指标", "满意度指标"]
    ProjectIndicator.objects.bulk_create(
        [
            ProjectIndicator(
                project=p, level1=level, level3=f"{level}{i}", value="≥90%", position=i
            )
            for p in projects
            for i, level in enumerate(levels)
        ]
    )
    PerformanceGoal.objects.create(budget=budget, objective="完成年度工作目标。")
    DepartmentTask.objects.bulk_create(
        [
            DepartmentTask(budget=budget, name=f"任务{i}", content="内容", position=i)
            for i in range(3 * scale)
        ]
    )
    DepartmentIndicator.objects.bulk_create(
        [
            DepartmentIndicator(
                budget=budget,
                level1="产出指标",
                level2="重点工作任务完成",
                level3=f"指标{i}",
                value="100%",
                position=i,
            )
            for i in range(3 * scale)
        ]
    )
    return budget
