"""预算08表 一般公共预算“三公”经费预算表, derived from the economic 款 over 财政拨款 lines (万元)."""

from disclosures.tables.base import ReportTable
from disclosures.tables.data import BudgetData
from disclosures.tables.families.three_public import ThreePublicOptions, three_public_table

STANDARD_NOTE = (
    "注：按照党中央、国务院有关规定及部门预算管理有关规定，“三公”经费包括因公出国（境）费、"
    "公务用车购置及运行费和公务接待费。（1）因公出国（境）费，指单位工作人员公务出国（境）的住宿费、"
    "旅费、伙食补助费、杂费、培训费等支出。（2）公务用车购置及运行费，指单位公务用车购置费及租用费、"
    "燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出，公务用车指用于履行公务的机动车辆，"
    "包括领导干部专车、一般公务用车和执法执勤用车。（3）公务接待费，指单位按规定开支的各类公务接待"
    "（含外宾接待）支出。"
)
EMPTY_NOTE = "注：本单位没有“三公”经费支出，故此表无数据。"


HENAN_THREE_PUBLIC = ThreePublicOptions(
    title="{year}年一般公共预算“三公”经费预算表",
    notes=(STANDARD_NOTE,),
    empty_notes=(EMPTY_NOTE,),
)


def build_three_public(data: BudgetData) -> ReportTable:
    table = three_public_table(data, HENAN_THREE_PUBLIC)
    table.number, table.slug = 8, "three-public"
    return table
