"""The Hebei 情况说明 (example 003, spec §2.2): eleven sections in Hebei wording and order.

Every amount is computed from the budget data as the Hebei format classified it (人员类 and
运转类 project lines are 基本支出) and printed as Hebei does: ``552.12万元``, no space, no
separator, trailing zeros dropped (``8.1万元``, ``0万元``); no percentage anywhere. Last
year's figures and the clerk's reasons come through the shared comparisons
(:mod:`disclosures.narrative.comparisons`); every clerk text goes through the shared
normaliser (:mod:`disclosures.narrative.wording`). Sections 一, 七, 八 and 九 embed the
forms of :mod:`disclosures.formats.hebei.forms` after their paragraphs.
"""

from collections import defaultdict
from decimal import Decimal

from budgets.fields import ZERO, quantize
from budgets.formatting import format_trimmed
from budgets.models import CostType, LineKind
from budgets.models import NarrativeKey as K
from disclosures.formats.hebei import forms
from disclosures.keyfigures import OPERATING_UNIT_KINDS, KeyFigures
from disclosures.narrative.comparisons import Comparison, comparisons
from disclosures.narrative.wording import clause, reason_text, sentence
from disclosures.tables.data import BudgetData, total

TITLES = (
    "一、部门职责及机构设置情况",
    "二、部门预算安排的总体情况",
    "三、机关运行经费安排情况",
    "四、财政拨款“三公”经费预算情况及增减变化原因",
    "五、部门整体绩效目标",
    "六、部门主管专项资金预算安排情况及绩效目标",
    "七、部门项目预算安排情况及绩效目标",
    "八、政府采购预算情况",
    "九、国有资产信息",
    "十、名词解释",
    "十一、其他需要说明的事项",
)
# 机关运行经费 breakdown (Hebei rule, from 003): 款 stated together, and 款 named 其他…
# pooled as 其他支出 at the end; every other 款 by its own name, in code order.
JOINED_SECTIONS = {"30228": "工会经费、福利费", "30229": "工会经费、福利费"}
OTHER_POOL = "其他支出"
INCOME_ITEMS = (
    ("一般公共预算收入", ("gp",)),
    ("基金预算收入", ("gf",)),
    ("国有资本经营预算收入", ("sc",)),
    ("财政专户核拨收入", ("special",)),
    (
        "单位资金收入",
        ("unit_service", "unit_operating", "unit_subsidy", "unit_subordinate", "unit_other"),
    ),
)
THREE_PUBLIC_ITEMS = (
    ("outbound", "因公出国（境）费"),
    ("vehicle_purchase", "公务用车购置费"),
    ("vehicle_operation", "公务用车运维费"),
    ("reception", "公务接待费"),
)
NO_OTHER_NOTES = "我单位无其他需要说明的事项。"


def wan(value: Decimal | None) -> str:
    """``552.12万元``, ``8.1万元``, ``0万元`` (Hebei running text)."""
    return f"{format_trimmed(value or ZERO)}万元"


def because(text: str, reason: str) -> str:
    """``…，主要原因是减少劳务派遣人员经费`` (no colon, as 003), when a reason is given."""
    reason = reason_text(reason)
    return f"{text}，主要原因是{reason}" if reason else text


def _paragraphs(text: str) -> list[str]:
    """A clerk's text, one paragraph per line, each normalised and ended by 。."""
    return [s for line in (text or "").splitlines() if (s := sentence(line))]


def change_phrase(item: Comparison, noun: str = "", same: str | None = None) -> str:
    """``基本支出减少18.69万元`` / ``…增加…`` / ``基本支出与上年持平`` (or ``same``); no rate:
    Hebei prints no percentage."""
    change = item.change
    if not change.changed:
        return f"{noun}与上年持平" if same is None else same
    verb = "增加" if change.difference > 0 else "减少"
    return f"{noun}{verb}{wan(abs(change.difference))}"


class Writer:
    """One method per section of 003's 情况说明, in order."""

    def __init__(self, data: BudgetData, figures: KeyFigures):
        from disclosures.document import Section

        self.Section = Section
        self.data, self.f = data, figures
        self.texts = data.narrative
        self.compare = comparisons(data, figures)
        self.who, self.year = data.department.name, data.year

    def reason(self, key: str) -> str:
        item = self.compare[key]
        return item.reason(self.texts) or item.shared_reason(self.texts)

    def duties(self):
        paragraphs = ["部门职责：", *_paragraphs(self.texts.get(K.MAIN_DUTIES, ""))]
        paragraphs += ["机构设置：", *_paragraphs(self.texts.get(K.ORGANISATION, ""))]
        return self.Section(TITLES[0], paragraphs)

    def overall(self):
        return self.Section(TITLES[1], [*self._income(), *self._spending(), *self._changes()])

    def _income(self) -> list[str]:
        f = self.f
        by_key = {s.key: s.amount for s in f.sources}
        parts = [
            f"{label}{wan(sum((by_key.get(k, ZERO) for k in keys), ZERO))}"
            for label, keys in INCOME_ITEMS
        ]
        parts.append(f"上年结转结余{wan(f.carried_over)}")
        return [
            "（一）收入说明",
            f"反映本部门当年全部收入。{self.year}年预算收入{wan(f.income_total)}，其中：{'，'.join(parts)}。",
        ]

    def _spending(self) -> list[str]:
        cells = self.data.cells
        basic = [c for c in cells if c.kind == LineKind.BASIC]
        personnel = total(basic, lambda c: c.cost_type == CostType.PERSONNEL)
        public = total(basic, lambda c: c.cost_type == CostType.PUBLIC)
        # 003 also names a 项目支出表 here, which Hebei does not publish (spec B-6).
        text = (
            f"收支预算总表支出栏、基本支出表按经济分类和支出功能分类科目编制，反映{self.who}年度部门预算中"
            f"支出预算的总体情况。{self.year}年支出预算{wan(self.f.expenditure_total)}，其中基本支出"
            f"{wan(self.f.basic)}，包括人员经费{wan(personnel)}和日常公用经费{wan(public)}；"
            f"项目支出{wan(self.f.project)}"
        )
        if where := self._project_where():
            text += f"，{where}"
        return ["（二）支出说明", f"{text}。"]

    def _project_where(self) -> str:
        """``主要为本级支出`` when the first unit (本级) spends most of the project money."""
        sums: dict[int, Decimal] = defaultdict(lambda: ZERO)
        for cell in self.data.cells:
            if cell.kind != LineKind.BASIC:
                sums[cell.unit_id] += cell.amount
        if not sums or not self.data.units:
            return ""
        largest = max(sums, key=lambda unit_id: sums[unit_id])
        return "主要为本级支出" if largest == self.data.units[0].pk else "主要为所属单位支出"

    def _changes(self) -> list[str]:
        spending = self.compare["expenditure"]
        text = f"本年度预算收支安排{wan(self.f.expenditure_total)}"
        if not spending.change.known:
            return ["（三）比上年增减情况", f"{text}。"]
        if spending.change.changed:
            verb = "增加" if spending.change.difference > 0 else "减少"
            text += f"，较上年{verb}{wan(abs(spending.change.difference))}"
        else:
            text += "，与上年持平"
        text = because(text, self.reason("expenditure")) + "。"
        parts = [
            because(change_phrase(self.compare[key], noun), self.reason(key))
            for key, noun in (("basic", "基本支出"), ("project", "项目支出"))
            if self.compare[key].change.known
        ]
        if parts:
            text += f"其中：{'；'.join(parts)}。"
        return ["（三）比上年增减情况", text]

    def operating_costs(self):
        text = f"{self.year}年我部门机关运行经费安排{wan(self.f.operating_costs)}"
        if parts := operating_breakdown(self.data):
            text += "，其中" + "，".join(f"{name}{wan(amount)}" for name, amount in parts)
        item = self.compare["operating_costs"]
        if item.change.known:
            phrase = change_phrase(item, "较上年", same="与上年持平")
            text += "，" + because(phrase, self.reason("operating_costs"))
        return self.Section(TITLES[2], [f"{text}。"])

    def three_public(self):
        t = self.f.three_public
        text = (
            f"{self.year}年，我部门财政拨款“三公”经费预算安排{wan(t.get('total'))}，其中因公出国（境）费"
            f"{wan(t.get('outbound'))}；公务用车购置及运维费{wan(t.get('vehicle'))}（其中：公务用车购置费为"
            f"{wan(t.get('vehicle_purchase'))}，公务用车运维费{wan(t.get('vehicle_operation'))}）；"
            f"公务接待费{wan(t.get('reception'))}。"
        )
        return self.Section(TITLES[3], [text + self._three_public_change()])

    def _three_public_change(self) -> str:
        """``与2023年相比无变化。`` or the total's change and each item's, with reasons."""
        whole, prior = self.compare["three_public"], self.year - 1
        if not whole.change.known:
            return ""
        items = [(self.compare[key], noun) for key, noun in THREE_PUBLIC_ITEMS]
        if not whole.change.changed and not any(i.change.changed for i, _ in items):
            return f"与{prior}年相比无变化。"
        noun = f"与{prior}年相比，“三公”经费"
        head = because(change_phrase(whole, noun, f"{noun}无变化"), self.reason("three_public"))
        parts = [
            because(change_phrase(i, noun, f"{noun}无变化"), i.reason(self.texts))
            for i, noun in items
        ]
        return f"{head}。其中：{'；'.join(parts)}。"

    def performance(self):
        data = self.data
        paragraphs = ["（一）总体绩效目标"]
        paragraphs += _paragraphs(data.goal.objective if data.goal else "")
        paragraphs.append("（二）分项绩效目标")
        for number, task in enumerate(data.tasks, start=1):
            paragraphs.append(f"{number}、{clause(task.name)}")
            for label, value in (("绩效目标", task.content), ("绩效指标", task.indicators)):
                if body := " ".join(_paragraphs(value)):
                    paragraphs.append(f"{label}：{body}")
        paragraphs.append("（三）工作保障措施")
        paragraphs += _paragraphs(self.texts.get(K.WORK_SAFEGUARDS, ""))
        return self.Section(TITLES[4], paragraphs)

    def special_funds(self):
        return self.Section(TITLES[5], _paragraphs(self.texts.get(K.SPECIAL_FUNDS, "")))

    def projects(self):
        none = [] if forms.spending_projects(self.data) else [f"{self.year}年本部门无项目支出。"]
        return self.Section(TITLES[6], none)

    def procurement(self):
        none = [] if self.data.procurement else [f"{self.year}年本部门无政府采购预算。"]
        return self.Section(TITLES[7], none)

    def assets(self):
        data = self.data
        text = (
            f"{self.who}（含所属单位）上年末固定资产金额为{wan(forms.fixed_assets_value(data))}"
            "（详见下表）。"
        )
        new = forms.new_assets_total(data)
        if new:
            text += f"本年度拟购置固定资产总额为{wan(new)}，已按要求列入政府采购预算，详见政府采购预算表。"
        else:
            text += "本年度无拟购置固定资产。"
        return self.Section(TITLES[8], [text])

    def glossary(self):
        return self.Section(TITLES[9], _paragraphs(self.texts.get(K.GLOSSARY, "")))

    def other_notes(self):
        notes = _paragraphs(self.texts.get(K.OTHER_NOTES, "")) or [NO_OTHER_NOTES]
        return self.Section(TITLES[10], notes)

    def sections(self) -> list:
        return [
            self.duties(),
            self.overall(),
            self.operating_costs(),
            self.three_public(),
            self.performance(),
            self.special_funds(),
            self.projects(),
            self.procurement(),
            self.assets(),
            self.glossary(),
            self.other_notes(),
        ]


def operating_breakdown(data: BudgetData) -> list[tuple[str, Decimal]]:
    """机关运行经费 by 部门经济分类 款 (the cells ``keyfigures.operating_costs`` adds up),
    joined and pooled by the Hebei rule above; zero parts left out."""
    kinds = {unit.pk: unit.kind for unit in data.units}
    parts: dict[str, Decimal] = defaultdict(lambda: ZERO)
    order: dict[str, str] = {}
    for cell in sorted(data.cells, key=lambda c: c.dept_code):
        operating = (
            cell.kind == LineKind.BASIC
            and cell.cost_type == CostType.PUBLIC
            and cell.dept_category in {"302", "310"}
            and kinds.get(cell.unit_id) in OPERATING_UNIT_KINDS
        )
        if not operating:
            continue
        name = JOINED_SECTIONS.get(cell.dept_code) or cell.dept_name
        if name.startswith("其他"):
            name = OTHER_POOL
        parts[name] += cell.amount
        order.setdefault(name, "~" if name == OTHER_POOL else cell.dept_code)
    named = sorted(parts, key=lambda name: order[name])
    return [(name, quantize(parts[name])) for name in named if quantize(parts[name])]


def explanation_title(data: BudgetData) -> str:
    return f"{data.department.name}{data.year}年部门预算信息公开情况说明"


def explanation_lead(data: BudgetData) -> str:
    """The legal-basis sentence under the title (003, l.1685)."""
    return (
        "按照《中华人民共和国预算法》、《地方预决算公开操作规程》和《关于进一步推进预算公开工作的"
        f"实施意见》规定，现将{data.department.name}{data.year}年部门预算公开如下："
    )


def explanation_sections(data: BudgetData, figures: KeyFigures) -> list:
    """The eleven sections of the Hebei 情况说明 for one (classified) budget, in 003's order."""
    return Writer(data, figures).sections()
