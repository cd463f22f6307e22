"""Henan 第二部分 情况说明: the explanation of the tables, every amount and share computed.

The wording follows the Henan examples (``000``/``001``); amounts are the key figures
(:mod:`disclosures.keyfigures`), shares add up to 100.00% (:mod:`disclosures.narrative.shares`),
reasons are the clerk's texts.
"""

from decimal import Decimal

from budgets.models import NarrativeKey as K
from disclosures.formats.henan import other
from disclosures.keyfigures import KeyFigures
from disclosures.narrative.comparisons import comparisons
from disclosures.narrative.shares import shares
from disclosures.narrative.wording import pct, sentence, with_reason, yuan


def _parts(named: list[tuple[str, Decimal]]) -> str:
    """``基本支出 175.53 万元，占 7.64%；项目支出 …`` with shares that total 100.00%."""
    percents = shares([amount for _, amount in named])
    return "；".join(
        f"{name} {yuan(amount)}，占 {pct(p)}"
        for (name, amount), p in zip(named, percents, strict=True)
    )


class Writer:
    """Builds the sections from one budget's figures; one method per printed section."""

    def __init__(self, data, figures: KeyFigures):
        from disclosures.document import Section

        self.Section = Section
        self.data, self.f = data, figures
        self.compare = comparisons(data, self.f)
        self.who = data.department.name
        self.year, self.prior = data.year, data.year - 1

    def changed(self, key: str, noun: str = "") -> str:
        item = self.compare[key]
        if not item.change.known:
            return ""
        text = f"与 {self.prior} 年预算相比，{item.change.phrase(noun)}"
        return with_reason(text, item.reason(self.data.narrative))

    def totals(self):
        f = self.f
        text = f"{self.who} {self.year} 年度收入总计 {yuan(f.income_total)}，支出总计 {yuan(f.expenditure_total)}"
        if changes := self._income_and_spending():
            text += f"，与 {self.prior} 年预算相比，{changes}"
        return self.Section("一、收入支出预算总体情况说明", [text + "。"])

    def _income_and_spending(self) -> str:
        """收入 and 支出 against last year; a reason given for both is printed once."""
        texts = self.data.narrative
        income, spending = self.compare["income"], self.compare["expenditure"]
        if not income.change.known:
            return ""
        shared = income.shared_reason(texts) or spending.shared_reason(texts)
        same = income.change == spending.change
        if shared and same and income.change.changed:
            # “收入、支出均增加 215.94 万元，增长 10.37%，主要原因是：…”
            phrase = (
                income.change.phrase().replace("增加", "均增加", 1).replace("减少", "均减少", 1)
            )
            return with_reason(f"收入、支出{phrase}", shared, lead="主要原因是")
        parts = [with_reason(income.change.phrase("收入"), income.reason(texts))]
        if spending.change.known:
            parts.append(with_reason(spending.change.phrase("支出"), spending.reason(texts)))
        return with_reason("；".join(parts), shared, lead="主要原因是")

    def income(self):
        f = self.f
        items = [(s.label, s.amount) for s in f.sources if s.amount] + (
            [("上年结转结余", f.carried_over)] if f.carried_over else []
        )
        text = f"{self.who} {self.year} 年度收入合计 {yuan(f.income_total)}"
        if items:
            text += f"，其中：{_parts(items)}"
        return self.Section("二、收入预算总体情况说明", [text + "。"])

    def spending(self):
        f = self.f
        text = f"{self.who} {self.year} 年度支出合计 {yuan(f.expenditure_total)}"
        if f.expenditure_total:
            text += f"，其中：{_parts([('基本支出', f.basic), ('项目支出', f.project)])}"
        return self.Section("三、支出预算总体情况说明", [text + "。"])

    def appropriation(self):
        a = self.f.appropriation
        text = (
            f"{self.who} {self.year} 年度财政拨款收支预算 {yuan(a.get('total') or 0)}，其中：一般公共预算"
            f"收支预算 {yuan(a.get('gp') or 0)}，政府性基金收支预算 {yuan(a.get('gf') or 0)}"
        )
        if a.get("sc"):
            text += f"，国有资本经营收支预算 {yuan(a['sc'])}"
        clauses = [c for c in (self.changed("general_public", "一般公共预算收支预算"),) if c]
        gov_fund = self.compare["gov_fund"]
        if gov_fund.change.known:
            reason = gov_fund.reason(self.data.narrative)
            clauses.append(with_reason(gov_fund.change.phrase("政府性基金收支预算"), reason))
        text += "。" + "；".join(clauses) + ("。" if clauses else "")
        return self.Section("四、财政拨款收入支出预算总体情况说明", [text])

    def general_public(self):
        g = self.f.general_public
        total = g.get("total") or 0
        text = f"{self.who} {self.year} 年一般公共预算支出年初预算为 {yuan(total)}"
        if total:
            text += f"。其中：{_parts([('基本支出', g['basic']), ('项目支出', g['project'])])}"
            by_category = [
                # As table 4 names them, always ending in 支出 (预备费 → 预备费支出).
                (f"{c.name.removesuffix('支出')}支出", c.general_public)
                for c in self.f.categories
                if c.general_public
            ]
            text += f"。主要用于以下方面：{_parts(by_category)}"
        paragraphs = [text + "。"]
        if usage := sentence(self.data.narrative.get(K.GENERAL_PUBLIC_USAGE, "")):
            paragraphs.append(usage)
        return self.Section("五、一般公共预算支出预算情况说明", paragraphs)

    def basic(self):
        b = self.f.general_public_basic
        total = b.get("total") or 0
        text = f"{self.who} {self.year} 年度一般公共预算基本支出年初预算为 {yuan(total)}"
        if total:
            text += f"。其中：{_parts([('人员经费', b['personnel']), ('公用经费', b['public'])])}"
        return self.Section("六、一般公共预算基本支出情况说明", [text + "。"])

    def sections(self):
        return [
            self.totals(),
            self.income(),
            self.spending(),
            self.appropriation(),
            self.general_public(),
            self.basic(),
            other.three_public(self),
            other.gov_fund(self),
            other.other_matters(self),
        ]


def explanation_sections(data, figures: KeyFigures) -> list:
    """The sections of 第二部分 情况说明 for one budget, in the examples' order."""
    return Writer(data, figures).sections()
