"""Funding sources (资金来源) in the order the disclosure tables print them."""

from django.db import models


class FundingSource(models.TextChoices):
    """Where a line's money comes from. The key prefix names the group."""

    GP_APPROPRIATION = "gp_appropriation", "一般公共预算—财政拨款"
    GP_SPECIAL_REVENUE = "gp_special_revenue", "一般公共预算—专项收入"
    GP_OTHER = "gp_other", "一般公共预算—其他一般公共预算资金"
    GP_ADVANCE = "gp_advance", "一般公共预算—上级提前下达"
    GP_BOND = "gp_bond", "一般公共预算—一般债券"
    GF_FUNDS = "gf_funds", "政府性基金预算—政府性基金预算资金"
    GF_ADVANCE = "gf_advance", "政府性基金预算—上级提前下达"
    GF_BOND = "gf_bond", "政府性基金预算—专项债券"
    STATE_CAPITAL = "state_capital", "国有资本经营预算"
    SPECIAL_ACCOUNT = "special_account", "财政专户管理资金"
    UNIT_SERVICE = "unit_service", "单位资金—事业收入"
    UNIT_OPERATING = "unit_operating", "单位资金—事业单位经营收入"
    UNIT_SUBSIDY = "unit_subsidy", "单位资金—上级补助收入"
    UNIT_SUBORDINATE = "unit_subordinate", "单位资金—附属单位上缴收入"
    UNIT_OTHER = "unit_other", "单位资金—其他收入"
    CARRY_GP = "carry_gp", "上年结转结余—一般公共预算"
    CARRY_GF = "carry_gf", "上年结转结余—政府性基金预算"
    CARRY_SC = "carry_sc", "上年结转结余—国有资本经营预算"
    CARRY_SPECIAL = "carry_special", "上年结转结余—财政专户管理资金"
    CARRY_UNIT = "carry_unit", "上年结转结余—单位资金"


class FundingGroup(models.TextChoices):
    """The budget a source belongs to; carry-over is its own group."""

    GENERAL_PUBLIC = "general_public", "一般公共预算"
    GOV_FUND = "gov_fund", "政府性基金预算"
    STATE_CAPITAL = "state_capital", "国有资本经营预算"
    SPECIAL_ACCOUNT = "special_account", "财政专户管理资金"
    UNIT = "unit", "单位资金"
    CARRY_OVER = "carry_over", "上年结转结余"


_GROUP_BY_PREFIX = {
    "gp_": FundingGroup.GENERAL_PUBLIC,
    "gf_": FundingGroup.GOV_FUND,
    "state_capital": FundingGroup.STATE_CAPITAL,
    "special_account": FundingGroup.SPECIAL_ACCOUNT,
    "unit_": FundingGroup.UNIT,
    "carry_": FundingGroup.CARRY_OVER,
}

# Treasury money ("财政拨款" in table titles): current-year general public, government
# fund and state capital budget appropriations.
APPROPRIATION_GROUPS = frozenset(
    {FundingGroup.GENERAL_PUBLIC, FundingGroup.GOV_FUND, FundingGroup.STATE_CAPITAL}
)


def funding_group(source: str) -> FundingGroup:
    """The group (一般公共预算, 政府性基金预算, …) of a funding source key."""
    for prefix, group in _GROUP_BY_PREFIX.items():
        if source.startswith(prefix):
            return group
    raise ValueError(f"未知的资金来源：{source}")


def sources_in(group: FundingGroup) -> list[str]:
    """The source keys of one group, in table order."""
    return [s.value for s in FundingSource if funding_group(s.value) == group]
