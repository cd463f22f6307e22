"""Checks that an import stays inside one budget: region, department and year must exist.

A workbook (or demo file) names its region, department and fiscal year. A clerk's import
may only fill one budget of an existing department: it never creates a region, department
or year and never renames one (the finance bureau does both in the admin). The operator's
``import_budget --create-missing`` and the demo loader may create missing ones.
"""

from budgets.models import Department, FiscalYear, Region


def _name_problem(label: str, code: str, given: str, existing: str) -> str | None:
    if not given or given == existing:
        return None
    return (
        f"{label}名称“{given}”与已有的{label} {code}“{existing}”不一致；"
        f"{label}名称只能由财政管理员在管理后台修改"
    )


def _region_problems(data: dict, create_missing: bool) -> tuple[Region | None, list]:
    code, name = data["region"]["code"], data["region"]["name"]
    region = Region.objects.filter(code=code).first()
    if region is None:
        missing = f"地区（行政区划）{code} {name} 不存在，请先由财政管理员创建"
        return None, ([] if create_missing else [("region_code", missing)])
    problem = _name_problem("地区", code, name, region.name)
    return region, [("region_name", problem)] if problem else []


def _department_problems(data: dict, region: Region | None, create_missing: bool) -> list:
    dept = data["department"]
    department = None
    if region is not None:
        department = Department.objects.filter(region=region, code=dept["code"]).first()
    if department is None:
        missing = f"部门 {dept['code']} {dept['name']} 不存在，请先由财政管理员创建"
        return [] if create_missing or region is None else [("department_code", missing)]
    problems = []
    if problem := _name_problem("部门", dept["code"], dept["name"], department.name):
        problems.append(("department_name", problem))
    short = dept.get("short_name") or ""
    if problem := _name_problem("部门简称", dept["code"], short, department.short_name):
        problems.append(("short_name", problem))
    return problems


def organisation_problems(*, data: dict, create_missing: bool = False) -> list[tuple[str, str]]:
    """(基本信息 column key, Chinese message) for each region/department/year problem.

    Missing ones are problems unless ``create_missing``; a name differing from the existing
    region's or department's is always one (an import never renames them).
    """
    region, problems = _region_problems(data, create_missing)
    problems += _department_problems(data, region, create_missing)
    year = data["budget"]["year"]
    if not create_missing and not FiscalYear.objects.filter(year=year).exists():
        problems.append(("year", f"预算年度 {year} 年尚未设立，请先由财政管理员创建"))
    return problems


def missing_organisation_problems(*, data: dict) -> list[str]:
    """The messages of ``organisation_problems`` (nothing may be created)."""
    return [message for _, message in organisation_problems(data=data)]
