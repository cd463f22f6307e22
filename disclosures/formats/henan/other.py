"""情况说明 sections 七 to 九: “三公”经费, 政府性基金, and 其他重要事项 (万元)."""

from decimal import Decimal

from budgets.models import AssetCategory, ProcurementCategory
from budgets.models import NarrativeKey as K
from disclosures.narrative.wording import with_reason, yuan

VEHICLES = (
    AssetCategory.VEHICLE_GENERAL,
    AssetCategory.VEHICLE_ENFORCEMENT,
    AssetCategory.VEHICLE_SPECIAL,
    AssetCategory.VEHICLE_OTHER,
)
ITEM_USES = {
    "outbound": "主要用于单位工作人员公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出",
    "reception": "主要用于按规定开支的各类公务接待（含外宾接待）支出",
    "vehicle": "主要用于开展工作所需公务用车的燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出",
}


def _against_prior(writer, key: str, noun: str) -> str:
    """``公务接待费预算数比 2022 年减少 3.00 万元，下降 60.00%，主要原因：…`` or 持平."""
    item = writer.compare[key]
    change = item.change
    if not change.known:
        return ""
    if not change.changed:
        return f"{noun}预算数与 {writer.prior} 年持平，均为 {yuan(change.current)}"
    text = f"{noun}预算数比 {writer.prior} 年{change.phrase()}"
    return with_reason(text, item.reason(writer.data.narrative))


def three_public(writer):
    t = writer.f.three_public
    year = writer.year
    total = writer.compare["three_public"]
    head = f"{writer.who} {year} 年“三公”经费预算为 {yuan(total.change.current)}"
    if comparison := _against_prior(writer, "three_public", "“三公”经费"):
        head += f"。{comparison}"
    vehicle = (
        f"（三）公务用车购置及运行费 {yuan(t.get('vehicle') or 0)}，其中，公务用车购置费 "
        f"{yuan(t.get('vehicle_purchase') or 0)}；公务用车运行维护费 "
        f"{yuan(t.get('vehicle_operation') or 0)}。{ITEM_USES['vehicle']}。"
    )
    for key, noun in (
        ("vehicle_purchase", "公务用车购置费"),
        ("vehicle_operation", "公务用车运行维护费"),
    ):
        if comparison := _against_prior(writer, key, noun):
            vehicle += f"{comparison}。"
    paragraphs = [head + "。", "具体支出情况如下："]
    for number, key, noun in (
        ("一", "outbound", "因公出国（境）费"),
        ("二", "reception", "公务接待费"),
    ):
        text = f"（{number}）{noun} {yuan(t.get(key) or 0)}，{ITEM_USES[key]}。"
        if comparison := _against_prior(writer, key, noun):
            text += f"{comparison}。"
        paragraphs.append(text)
    paragraphs.append(vehicle)
    return writer.Section("七、“三公”经费支出情况说明", paragraphs)


def gov_fund(writer):
    amount = writer.f.gov_fund
    if not amount:
        text = f"{writer.who} {writer.year} 年度无使用政府性基金预算拨款安排的支出，年初预算为 {yuan(0)}。"
    else:
        text = f"{writer.who} {writer.year} 年度政府性基金预算支出 {yuan(amount)}"
        if comparison := _against_prior(writer, "gov_fund", "政府性基金预算支出"):
            text += f"，{comparison}"
        text += "。"
    return writer.Section("八、政府性基金预算支出情况说明", [text])


def _operating_costs(writer) -> str:
    text = f"{writer.who} {writer.year} 年度机关运行经费支出预算 {yuan(writer.f.operating_costs)}，主要保障机构正常运转及正常履职需要"
    if comparison := _against_prior(writer, "operating_costs", "机关运行经费"):
        text += f"。{comparison}"
    return f"（一）机关运行经费\n{text}。"


def _procurement(writer) -> str:
    amounts = {category: Decimal(0) for category in ProcurementCategory}
    for item in writer.data.procurement:
        amounts[ProcurementCategory(item.category)] += item.amount
    total = sum(amounts.values(), Decimal(0))
    parts = "、".join(f"政府采购{c.label}预算 {yuan(amounts[c])}" for c in ProcurementCategory)
    return (
        f"（二）政府采购支出情况\n{writer.year} 年度政府采购预算安排 {yuan(total)}，其中：{parts}。"
    )


def _performance(writer) -> str:
    amounts = writer.f.projects_with_goals
    text = (
        f"（三）绩效目标设置情况\n{writer.year} 年度共有 {len(writer.data.projects)} 个项目，"
        f"其中 {len(amounts)} 个项目设置了绩效目标，涉及资金 {yuan(sum(amounts, Decimal(0)))}。"
    )
    if statement := writer.data.narrative.get(K.PERFORMANCE_STATEMENT, "").strip():
        text += f"\n{statement}"
    return text


def _assets(writer) -> str:
    counts = {holding.category: holding.quantity for holding in writer.data.assets}

    def n(category) -> int:
        return int(counts.get(category, 0))

    vehicles = "、".join(f"{c.label} {n(c)} 辆" for c in VEHICLES)
    return (
        f"（四）国有资产占用情况\n{writer.year} 年度期末，我部门共有车辆 {sum(n(c) for c in VEHICLES)} 辆，"
        f"其中：{vehicles}；{AssetCategory.EQUIPMENT_GENERAL.label} {n(AssetCategory.EQUIPMENT_GENERAL)} 台（套），"
        f"{AssetCategory.EQUIPMENT_SPECIAL.label} {n(AssetCategory.EQUIPMENT_SPECIAL)} 台（套）。"
    )


def _transfers(writer) -> str:
    items = writer.data.transfers
    if not items:
        text = "我部门无负责管理的专项转移支付项目。"
    else:
        listed = "、".join(f"{item.name} {yuan(item.amount)}" for item in items)
        text = f"我部门负责管理的专项转移支付项目共有 {len(items)} 项，主要是：{listed}。"
    if notes := writer.data.narrative.get(K.OTHER_NOTES, "").strip():
        text += f"\n{notes}"
    return f"（五）专项转移支付项目情况\n{text}"


def other_matters(writer):
    parts = (_operating_costs, _procurement, _performance, _assets, _transfers)
    paragraphs = [line for part in parts for line in part(writer).split("\n")]
    return writer.Section("九、其他重要事项情况说明", paragraphs)
