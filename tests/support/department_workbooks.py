"""Synthetic budget workbooks of five kinds of department beyond health care (issue 13).

Test data, not published demos: 教育局 (205), 公安局 (204), 水利局 (213), 交通运输局 (214)
and 住房和城乡建设局 (212) of 新乡 counties, each with a 行政 机关 and a 事业 unit, basic
lines on the 类's own 项 plus the usual 社会保障/卫生健康/住房保障 items, 特定目标类 and
其他运转类 projects, and 政府性基金 money (a fund 款 of the 类, or 彩票公益金). Amounts
are in 万元; the tests sum each department's totals by hand.

The workbook is written by the project's own writer (``budgets.workbook.export``), so
codes are text cells and amounts numbers, as an exported workbook has them.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from tablib import Dataset

from budgets.workbook.export import _workbook
from budgets.workbook.layout import SHEETS

YEAR = 2024
# Pairs of 部门经济分类 → 政府经济分类 for 行政 and 事业 units (economic_correspondence.csv).
GOV = {
    "行政": {"30101": "50101", "30102": "50101", "30103": "50101", "30108": "50102",
             "30110": "50102", "30113": "50103", "30201": "50201", "30211": "50201",
             "30216": "50203", "30227": "50205", "30229": "50201", "31002": "50306",
             "31005": "50302"},
    "事业": {"30101": "50501", "30102": "50501", "30107": "50501", "30108": "50501",
             "30110": "50501", "30113": "50501", "30201": "50502", "30211": "50502",
             "30216": "50502", "30227": "50502", "30229": "50502", "31002": "50601",
             "31005": "50601"},
}  # fmt: skip


@dataclass(frozen=True)
class ProjectSpec:
    suffix: str
    name: str
    kind: str  # 特定目标类 | 其他运转类
    unit: int  # 0: the 机关, 1: the 事业 unit
    lines: tuple[tuple[str, str, str, str], ...]  # (功能分类项, 部门经济分类, source, amount)
    indicator: tuple[str, str, str, str]  # level1, level2, level3, value


@dataclass(frozen=True)
class DepartmentSpec:
    key: str
    category: str  # the 类 of the department's own work
    region: tuple[str, str]
    code: str
    name: str
    units: tuple[tuple[str, str], ...]  # (name, kind), 机关 first
    items: tuple[str, str]  # the basic 项 of the 机关 and of the 事业 unit
    projects: tuple[ProjectSpec, ...] = field(default=())


P = ProjectSpec
DEPARTMENTS = (
    DepartmentSpec(
        "education", "205", ("410703", "新乡市卫滨区"), "101", "新乡市卫滨区教育局",
        (("新乡市卫滨区教育局机关", "行政"), ("新乡市卫滨区第一实验小学", "事业")),
        ("2050101", "2050202"),
        (
            P("01", "学生营养改善计划", "特定目标类", 1,
              (("2050202", "30227", "gp_appropriation", "86.40"),),
              ("产出指标", "数量指标", "受益学生人数", "≥1200人")),
            P("02", "彩票公益金助学项目", "特定目标类", 1,
              (("2296004", "30227", "gf_funds", "35.00"),),
              ("效益指标", "社会效益指标", "资助家庭经济困难学生", "≥150人")),
            P("03", "教育系统信息化运维", "其他运转类", 0,
              (("2050102", "31002", "gp_appropriation", "18.60"),
               ("2050102", "30227", "gp_appropriation", "12.00")),
              ("产出指标", "质量指标", "系统正常运行率", "≥98%")),
        ),
    ),
    DepartmentSpec(
        "public_security", "204", ("410704", "新乡市凤泉区"), "102", "新乡市公安局凤泉分局",
        (("新乡市公安局凤泉分局机关", "行政"), ("凤泉区交通管理服务中心", "事业")),
        ("2040201", "2040250"),
        (
            P("01", "执法办案经费", "特定目标类", 0,
              (("2040220", "30227", "gp_appropriation", "64.00"),
               ("2040220", "30211", "gp_appropriation", "16.50")),
              ("产出指标", "数量指标", "办结案件数", "≥600件")),
            P("02", "公安信息化建设", "特定目标类", 0,
              (("2040219", "31002", "gp_appropriation", "120.00"),),
              ("产出指标", "时效指标", "完成时间", "2024年10月底前")),
            P("03", "禁毒宣传公益项目", "特定目标类", 1,
              (("2296099", "30227", "gf_funds", "20.00"),),
              ("效益指标", "社会效益指标", "禁毒宣传覆盖社区", "100%")),
        ),
    ),
    DepartmentSpec(
        "water", "213", ("410711", "新乡市牧野区"), "103", "新乡市牧野区水利局",
        (("新乡市牧野区水利局机关", "行政"), ("牧野区水利工程管理站", "事业")),
        ("2130301", "2130306"),
        (
            P("01", "防汛物资储备与抢险", "特定目标类", 0,
              (("2130314", "30227", "gp_appropriation", "45.00"),),
              ("产出指标", "数量指标", "储备防汛物资批次", "≥3批")),
            P("02", "农村饮水安全维修养护", "特定目标类", 1,
              (("2130316", "31005", "gp_appropriation", "150.00"),),
              ("效益指标", "社会效益指标", "受益农村人口", "≥2.5万人")),
            P("03", "库区基础设施建设", "特定目标类", 0,
              (("2136601", "31005", "gf_funds", "210.00"),),
              ("产出指标", "质量指标", "工程验收合格率", "100%")),
        ),
    ),
    DepartmentSpec(
        "transport", "214", ("410721", "新乡县"), "104", "新乡县交通运输局",
        (("新乡县交通运输局机关", "行政"), ("新乡县公路事业发展中心", "事业")),
        ("2140101", "2140106"),
        (
            P("01", "农村公路养护", "特定目标类", 1,
              (("2140106", "31005", "gp_appropriation", "320.00"),
               ("2140106", "30227", "gp_appropriation", "40.00")),
              ("产出指标", "数量指标", "养护农村公路里程", "≥860公里")),
            P("02", "政府还贷公路养护", "特定目标类", 1,
              (("2146202", "30227", "gf_funds", "96.00"),),
              ("产出指标", "质量指标", "公路优良路率", "≥85%")),
            P("03", "交通运输综合执法运转", "其他运转类", 0,
              (("2140102", "30211", "gp_appropriation", "8.00"),
               ("2140102", "30216", "gp_appropriation", "4.50")),
              ("产出指标", "数量指标", "开展执法检查次数", "≥48次")),
        ),
    ),
    DepartmentSpec(
        "urban", "212", ("410724", "获嘉县"), "105", "获嘉县住房和城乡建设局",
        (("获嘉县住房和城乡建设局机关", "行政"), ("获嘉县环境卫生管理中心", "事业")),
        ("2120101", "2120501"),
        (
            P("01", "城市管理执法", "其他运转类", 0,
              (("2120104", "30227", "gp_appropriation", "38.00"),),
              ("产出指标", "数量指标", "执法巡查次数", "≥300次")),
            P("02", "城市道路建设", "特定目标类", 0,
              (("2120803", "31005", "gf_funds", "500.00"),),
              ("产出指标", "数量指标", "新建改造道路长度", "≥3.2公里")),
            P("03", "城区环卫保洁", "特定目标类", 1,
              (("2121302", "30227", "gf_funds", "130.00"),
               ("2120501", "30227", "gp_appropriation", "70.00")),
              ("效益指标", "社会效益指标", "道路机扫率", "≥90%")),
        ),
    ),
)  # fmt: skip
# Basic lines of each unit: (项 of the unit's own work or a fixed 项, 部门经济分类, amount);
# "own" is the unit's item in DepartmentSpec.items. The 事业 unit also has 绩效工资 and a
# little 事业收入.
BASIC = {
    "行政": (
        ("own", "30101", "96.00"), ("own", "30102", "64.80"), ("own", "30103", "8.00"),
        ("2080505", "30108", "21.36"), ("2101101", "30110", "9.60"), ("2210201", "30113", "13.44"),
        ("own", "30201", "6.00"), ("own", "30211", "4.20"), ("own", "30229", "2.70"),
    ),
    "事业": (
        ("own", "30101", "120.00"), ("own", "30102", "30.00"), ("own", "30107", "72.00"),
        ("2080505", "30108", "26.70"), ("2101102", "30110", "12.00"), ("2210201", "30113", "16.80"),
        ("own", "30201", "9.00"), ("own", "30229", "3.30"),
    ),
}  # fmt: skip
UNIT_SERVICE = "15.00"  # 事业收入 of the 事业 unit, on its own item, 30201


def _unit_codes(spec: DepartmentSpec) -> list[str]:
    return [f"{spec.code}{n:03d}" for n in range(1, len(spec.units) + 1)]


def _line(func: str, dept: str, kind: str, source: str, amount: str) -> dict:
    return {"func": func, "dept_econ": dept, "gov_econ": GOV[kind][dept], "source": source,
            "amount": Decimal(amount)}  # fmt: skip


def _basic_lines(spec: DepartmentSpec) -> list[dict]:
    rows = []
    for index, (code, (_name, kind)) in enumerate(zip(_unit_codes(spec), spec.units, strict=True)):
        own = spec.items[index]
        for func, dept, amount in BASIC[kind]:
            func = own if func == "own" else func
            rows.append({"unit": code, **_line(func, dept, kind, "gp_appropriation", amount)})
        if kind == "事业":
            rows.append({"unit": code, **_line(own, "30201", kind, "unit_service", UNIT_SERVICE)})
    return rows


def _project_code(spec: DepartmentSpec, project: ProjectSpec) -> str:
    return f"{spec.region[0]}24{spec.code}{project.suffix}"


def department_budget(spec: DepartmentSpec) -> dict[str, list[dict]]:
    """The budget as rows per sheet key (the columns of ``budgets/workbook/layout.py``)."""
    units = _unit_codes(spec)
    kinds = [kind for _name, kind in spec.units]
    projects, lines, indicators = [], [], []
    for project in spec.projects:
        code = _project_code(spec, project)
        projects.append({"unit": units[project.unit], "code": code, "name": project.name,
                         "kind": project.kind})  # fmt: skip
        lines += [
            {"project": code, **_line(func, dept, kinds[project.unit], source, amount)}
            for func, dept, source, amount in project.lines
        ]
        level1, level2, level3, value = project.indicator
        indicators.append({"project": code, "level1": level1, "level2": level2,
                           "level3": level3, "value": value})  # fmt: skip
    return {
        "info": [
            {
                "region_code": spec.region[0],
                "region_name": spec.region[1],
                "department_code": spec.code,
                "department_name": spec.name,
                "year": YEAR,
            }
        ],  # fmt: skip
        "units": [
            {"code": c, "name": n, "kind": k} for c, (n, k) in zip(units, spec.units, strict=True)
        ],
        "basic_lines": _basic_lines(spec),
        "projects": projects,
        "project_lines": lines,
        "project_indicators": indicators,
        "objective": [{"objective": f"保障{spec.name}正常运转，完成年度重点工作任务。"}],
        "tasks": [
            {"name": project.name, "content": f"实施{project.name}。"} for project in spec.projects
        ],
        "indicators": [
            {
                "level1": "产出指标",
                "level2": "数量指标",
                "level3": "完成重点任务数",
                "value": f"{len(spec.projects)}项",
            }
        ],  # fmt: skip
    }


def department_workbook(spec: DepartmentSpec) -> bytes:
    """The XLSX bytes of the department's budget, written by the project's writer."""
    rows = department_budget(spec)
    datasets = {}
    for sheet in SHEETS:
        dataset = Dataset(headers=[column.header for column in sheet.columns])
        for row in rows.get(sheet.key, []):
            dataset.append([row.get(column.key) for column in sheet.columns])
        datasets[sheet.key] = dataset
    return _workbook(datasets, year=YEAR)
