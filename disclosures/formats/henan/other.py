"""情况说明 sections 七 to 九: “三公”经费, 政府性基金, and 其他重要事项 (万元)."""

import datetime
from decimal import Decimal

from budgets.fields import ZERO
from budgets.models import AssetCategory, ProcurementCategory
from budgets.models import NarrativeKey as K
from disclosures.narrative.shares import shares
from disclosures.narrative.wording import clause, paragraphs, pct, with_reason, yuan

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


USAGE_KEYS = {
    "outbound": K.USAGE_OUTBOUND,
    "reception": K.USAGE_RECEPTION,
    "vehicle": K.USAGE_VEHICLE,
    "operating_costs": K.USAGE_OPERATING_COSTS,
    "gov_fund": K.USAGE_GOV_FUND,
}


def usage(writer, key: str, standard: str = "") -> str:
    """What the money is used for: the clerk's text (``主要用于…``) or the standard wording."""
    text = clause(writer.data.narrative.get(USAGE_KEYS[key], ""))
    if not text:
        return standard
    return text if text.startswith(("主要用于", "用于", "主要")) else f"主要用于{text}"


def _vehicle(writer) -> str:
    """（三）公务用车: both items, their changes, and a reason given for both printed once."""
    t = writer.f.three_public
    text = (
        f"（三）公务用车购置及运行费 {yuan(t.get('vehicle') or ZERO)}，其中，公务用车购置费 "
        f"{yuan(t.get('vehicle_purchase') or ZERO)}；公务用车运行维护费 "
        f"{yuan(t.get('vehicle_operation') or ZERO)}。{usage(writer, 'vehicle', ITEM_USES['vehicle'])}。"
    )
    comparisons = [
        comparison
        for key, noun in (
            ("vehicle_purchase", "公务用车购置费"),
            ("vehicle_operation", "公务用车运行维护费"),
        )
        if (comparison := _against_prior(writer, key, noun))
    ]
    changed = any(
        writer.compare[k].change.changed for k in ("vehicle_purchase", "vehicle_operation")
    )
    shared = writer.data.narrative.get(K.REASON_VEHICLE, "") if changed else ""
    if comparisons:
        text += with_reason("；".join(comparisons), shared, lead="主要原因是") + "。"
    return text


def three_public(writer):
    t = writer.f.three_public
    total = writer.compare["three_public"]
    head = f"{writer.who} {writer.year} 年“三公”经费预算为 {yuan(total.change.current)}"
    # The reason for the whole of “三公” is printed here once, not again under each item.
    if comparison := _against_prior(writer, "three_public", "“三公”经费"):
        head += f"。{comparison}"
    paragraphs = [head + "。", "具体支出情况如下："]
    for number, key, noun in (
        ("一", "outbound", "因公出国（境）费"),
        ("二", "reception", "公务接待费"),
    ):
        text = f"（{number}）{noun} {yuan(t.get(key) or 0)}，{usage(writer, key, ITEM_USES[key])}。"
        if comparison := _against_prior(writer, key, noun):
            text += f"{comparison}。"
        paragraphs.append(text)
    paragraphs.append(_vehicle(writer))
    return writer.Section("七、“三公”经费支出情况说明", paragraphs)


def gov_fund(writer):
    amount = writer.f.gov_fund
    if not amount:
        text = f"{writer.who} {writer.year} 年度无使用政府性基金预算拨款安排的支出，年初预算为 {yuan(0)}。"
    else:
        text = f"{writer.who} {writer.year} 年度政府性基金预算支出 {yuan(amount)}"
        if used := usage(writer, "gov_fund"):
            text += f"，{used}"
        if comparison := _against_prior(writer, "gov_fund", "政府性基金预算支出"):
            text += f"。{comparison}"
        text += "。"
    return writer.Section("八、政府性基金预算支出情况说明", [text])


def _operating_costs(writer) -> str:
    standard = "主要保障机构正常运转及正常履职需要"
    text = f"{writer.who} {writer.year} 年度机关运行经费支出预算 {yuan(writer.f.operating_costs)}，{usage(writer, 'operating_costs', standard)}"
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


def _goal_shares(writer) -> str:
    """Which share of the projects and of project money carries published targets; the
    shares of both parts (with and without targets) add up to 100.00%."""
    f = writer.f
    amounts, count = f.projects_with_goals, f.project_count
    with_money = sum(amounts, Decimal(0))
    if not count:
        return ""
    by_count = shares([Decimal(len(amounts)), Decimal(count - len(amounts))])
    by_money = shares([with_money, max(f.project - with_money, Decimal(0))])
    text = f"，分别占项目总数的 {pct(by_count[0])} 和项目支出的 {pct(by_money[0])}"
    if len(amounts) < count:
        text += (
            f"（未设置绩效目标的 {count - len(amounts)} 个项目占项目总数的 {pct(by_count[1])}，"
            f"占项目支出的 {pct(by_money[1])}）"
        )
    return text


def _performance(writer) -> str:
    amounts = writer.f.projects_with_goals
    text = (
        f"（三）绩效目标设置情况\n{writer.year} 年度共有 {len(writer.data.projects)} 个项目，"
        f"其中 {len(amounts)} 个项目设置了绩效目标，涉及资金 {yuan(sum(amounts, Decimal(0)))}"
        f"{_goal_shares(writer)}。"
    )
    if statement := paragraphs(writer.data.narrative.get(K.PERFORMANCE_STATEMENT, "")):
        text += f"\n{statement}"
    return text


def _as_of(writer) -> str:
    """When the holdings are counted: ``2022 年度期末`` for 31 December, else the date."""
    dates = sorted({holding.as_of_date(writer.year) for holding in writer.data.assets})
    day = dates[-1] if dates else datetime.date(writer.year - 1, 12, 31)
    if (day.month, day.day) == (12, 31):
        return f"{day.year} 年度期末"
    return f"截至 {day.year} 年 {day.month} 月 {day.day} 日"


def _assets(writer) -> str:
    counts = {holding.category: holding.quantity for holding in writer.data.assets}

    def n(category) -> int:
        return int(counts.get(category, 0))

    vehicles = "、".join(f"{c.label} {n(c)} 辆" for c in VEHICLES)
    return (
        f"（四）国有资产占用情况\n{_as_of(writer)}，我部门共有车辆 {sum(n(c) for c in VEHICLES)} 辆，"
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
    if notes := paragraphs(writer.data.narrative.get(K.OTHER_NOTES, "")):
        text += f"\n{notes}"
    return f"（五）专项转移支付项目情况\n{text}"


def other_matters(writer):
    parts = (_operating_costs, _procurement, _performance, _assets, _transfers)
    paragraphs = [line for part in parts for line in part(writer).split("\n")]
    return writer.Section("九、其他重要事项情况说明", paragraphs)
