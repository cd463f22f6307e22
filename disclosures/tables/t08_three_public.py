"""预算08表 一般公共预算“三公”经费预算表, derived from the economic 款 over 财政拨款 lines (万元)."""

from disclosures.keyfigures import three_public_figures
from disclosures.tables.base import ReportTable, Row, RowKind, amount, group
from disclosures.tables.data import BudgetData

STANDARD_NOTE = (
    "注：按照党中央、国务院有关规定及部门预算管理有关规定，“三公”经费包括因公出国（境）费、"
    "公务用车购置及运行费和公务接待费。（1）因公出国（境）费，指单位工作人员公务出国（境）的住宿费、"
    "旅费、伙食补助费、杂费、培训费等支出。（2）公务用车购置及运行费，指单位公务用车购置费及租用费、"
    "燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出，公务用车指用于履行公务的机动车辆，"
    "包括领导干部专车、一般公务用车和执法执勤用车。（3）公务接待费，指单位按规定开支的各类公务接待"
    "（含外宾接待）支出。"
)
EMPTY_NOTE = "注：本单位没有“三公”经费支出，故此表无数据。"


def build_three_public(data: BudgetData) -> ReportTable:
    figures = three_public_figures(data.cells)
    notes = [STANDARD_NOTE] + ([EMPTY_NOTE] if not figures["total"] else [])
    return ReportTable(
        number=8,
        slug="three-public",
        title=f"{data.year}年一般公共预算“三公”经费预算表",
        department_name=data.department.display_name,
        columns=[
            amount("total", "“三公”经费合计"),
            amount("outbound", "因公出国（境）费"),
            group(
                "公务用车购置及运行费",
                amount("vehicle", "小计"),
                amount("vehicle_purchase", "公务用车购置费"),
                amount("vehicle_operation", "公务用车运行费"),
            ),
            amount("reception", "公务接待费"),
        ],
        rows=[Row(RowKind.TOTAL, figures)],
        notes=notes,
    )
