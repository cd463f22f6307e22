"""Expected figures of example 001 (三门峡市医疗保障局 2023), tables 10 to 12, transcribed by hand
from ../shared/seeds/001_9adbb8619ba93883.txt. Conventions as in ``golden_001.py``.
"""

# Units as listed in 第一部分 三 (预算单位构成情况). 表十 prints the 项目单位 as "三峡市医疗保障局",
# "三峡市社会保险医疗中心" and "三峡市医药采购管理中心": 三门峡 misprinted 三峡 in every row, the
# 机关本级 dropped, 社会医疗保险 swapped to 社会保险医疗, 服务 dropped (表十二 also prints
# "三门峡市医药采购管理中心" and truncates 707001 to "三门峡市医疗保").
UNIT_707001 = "三门峡市医疗保障局机关本级"
UNIT_707002 = "三门峡市社会医疗保险中心"
UNIT_707003 = "三门峡市医药采购管理服务中心"

# ---------------------------------------------------------------- 表十 项目支出表
# The example heads the carry-over group "财政拨款结转结余"; the Henan format (and the product)
# calls it 上年结转结余. Every money column; all projects are 一般公共预算, none carries over.
T10_COLUMNS = [
    ("合计",),
    ("本年拨款", "一般公共预算"),
    ("本年拨款", "政府性基金预算"),
    ("本年拨款", "国有资本经营预算"),
    ("上年结转结余", "一般公共预算"),
    ("上年结转结余", "政府性基金预算"),
    ("上年结转结余", "国有资本经营预算"),
    ("财政专户管理资金",),
    ("单位资金",),
]


def _general(amount: str) -> tuple[str, ...]:
    """合计 and 本年拨款 一般公共预算 equal, every other money column empty."""
    return (amount, amount, "", "", "", "", "", "", "")


# 项目名称 → (类型, 项目单位, money columns), in printed order. The 合计 row prints no label.
T10 = {
    "医疗保障支付方式改革工作经费": ("其他运转类", UNIT_707001, _general("10.80")),
    "医疗体系建设、业务开展工作经费": ("其他运转类", UNIT_707001, _general("13.50")),
    # 第二部分 十（三）says "其中预算支出100万元及100万元以上项目0个": this one is 170.00.
    "打击欺诈骗保、举报奖励、专项治理工作经费": ("其他运转类", UNIT_707001, _general("170.00")),
    "医疗保障综合业务经费(党建、文明创建、意识形态)": (
        "其他运转类",
        UNIT_707001,
        _general("18.00"),
    ),
    "2023年打击欺诈骗保专项治理工作经费": ("其他运转类", UNIT_707001, _general("9.00")),
    "社会医疗保险基金征缴稽核专项经费2023年": ("其他运转类", UNIT_707002, _general("10.00")),
    "城乡居民基本医疗保险工作经费2023年": ("其他运转类", UNIT_707002, _general("10.00")),
    "2023年政府举办医疗机构监督检查、全市医用耗材招标采购工作": (
        "其他运转类",
        UNIT_707003,
        _general("3.80"),
    ),
}
# 合计 / department rows by their first cell (the department row prints "707 | 市医疗保障局").
# Derived: the unit subtotal rows (表十 prints none; 表十二 prints the same three subtotals).
T10_TOTALS = {
    "合计": _general("245.10"),
    "707": _general("245.10"),
    "707001": _general("221.30"),  # 10.80 + 13.50 + 170.00 + 18.00 + 9.00
    "707002": _general("20.00"),
    "707003": _general("3.80"),
}

# ---------------------------------------------------------------- 表十一 整体绩效目标表
# 部门（单位）名称 prints the department's short name, as its 部门名称 lines do.
T11_NAME = "市医疗保障局"
T11_OBJECTIVE = (
    "完善医保制度体系建设；深化医保重点领域改革；完善医保基金保障能力，打击欺诈骗保，维护基金安全。"
)
T11_TASKS = {
    "增强医保基金保障能力，加强基金监管": "开展打击欺诈骗保日常检查及重点检查，开展宣传与培训等工作",
    "完善落实医保待遇保障政策": "落实医保待遇清单制度，完善生育保险政策等",
    "深化医保重点领域改革": "深化支付方式改革、药品医用耗材集中带量采购和医药价格改革",
}
T11 = {
    # 第二部分 十（三）prints "纳入预算绩效管理的支出总额为1728.89万元": the tables say 1,728.90.
    "部门预算总额（万元）": "1,728.90",
    "1、资金来源：（1）政府预算资金": "1,728.90",
    "（2）财政专户管理资金": "",
    "（3）单位资金": "",
    "2、资金结构：（1）基本支出": "1,483.80",
    "（2）项目支出": "245.10",
}
# 三级指标 → 指标值, all 25 printed rows. (The 一级/二级 cells were shifted by the extraction
# and are not compared.)
T11_INDICATORS = {
    "年度履职目标相关性": "相关",
    "工作任务科学性": "科学",
    "绩效指标合理性": "合理",
    "预算编制完整性": "完整",
    "专项资金细化率": "≥90%",
    "预算执行率": "≥90%",
    "预算调整率": "≤30%",
    "结转结余率": "≤15%",
    "“三公经费”控制率": "≤100%",
    "政府采购执行率": "100%",
    "决算真实性": "真实",
    "资金使用合规性": "合规",
    "管理制度健全性": "健全",
    "预决算信息公开性": "公开",
    "资产管理规范性": "规范",
    # The five 绩效管理 rows are printed one column to the left (三级 under 二级).
    "绩效目标编制完成率": "100%",
    "绩效监控完成率": "100%",
    "绩效自评完成率": "100%",
    "部门绩效评价完成率": "100%",
    "评价结果应用率": "100%",
    "开展打击欺诈骗保": "≥90%",
    "完善落实医保待遇保障政策": "≥90%",
    "年度工作目标实现率": "≥90%",
    "社会效益": "逐步提高",
    "服务对象满意度": "≥80%",
}

# ---------------------------------------------------------------- 表十二 项目绩效目标汇总表
# Department and unit rows: code → (资金总额, 政府预算资金, 单位资金).
T12_TOTALS = {
    "707": ("245.10", "245.10", ""),
    "707001": ("221.30", "221.30", ""),  # printed "三门峡市医疗保" (truncated)
    "707002": ("20.00", "20.00", ""),
    "707003": ("3.80", "3.80", ""),  # printed "三门峡市医药采购管理中心" (服务 dropped)
}
T12_UNITS = {"707001": UNIT_707001, "707002": UNIT_707002, "707003": UNIT_707003}
# Projects: code → (项目名称, 资金总额, 政府预算资金, 单位资金). The printed codes have 22 or 23
# digits ("4112002300000000001201", "41120023000000000002405"), which cannot both be right;
# a Henan project code has 21 (区划 411200, year 23, a 13-digit serial, as 000's
# 410702220000000011327), so the printed serials are expected as 21-digit codes.
T12 = {
    "411200230000000001201": ("医疗体系建设、业务开展工作经费", "13.50", "13.50", ""),
    "411200230000000002405": ("医疗保障支付方式改革工作经费", "10.80", "10.80", ""),
    "411200230000000002407": ("2023年打击欺诈骗保专项治理工作经费", "9.00", "9.00", ""),
    # Printed "打击欺诈骗保、举报奖励、专项治理经费"; 表十 and 第二部分 name it "…专项治理工作经费".
    "411200230000000012002": ("打击欺诈骗保、举报奖励、专项治理工作经费", "170.00", "170.00", ""),
    # Printed "城乡居民基本医疗保险2023年"; 表十's name is "城乡居民基本医疗保险工作经费2023年".
    "411200230000000004193": ("城乡居民基本医疗保险工作经费2023年", "10.00", "10.00", ""),
    "411200230000000004194": ("社会医疗保险基金征缴稽核专项经费2023年", "10.00", "10.00", ""),
    "411200230000000004188": (
        "2023年政府举办医疗机构监督检查、全市医用耗材招标采购工作",
        "3.80",
        "3.80",
        "",
    ),
}
# The 18.00 project's own row (code, name, amount) is lost in the extraction; 707001's 221.30
# = 13.50 + 10.80 + 9.00 + 170.00 + 18.00 needs it, and 表十 prints it. Identified by name.
T12_UNCODED = {"医疗保障综合业务经费(党建、文明创建、意识形态)": ("18.00", "18.00", "")}

# Indicators: project (code, or name for the uncoded one) → [(group, 三级指标, 指标值)], each
# found in one row of the project's block. None = not compared: a group the garbled layout does
# not show, a name printed as the template placeholder "三级指标", a value cell left empty.
# Page 1 prints 产出 (三级 | 指标值) in the first two indicator columns and 满意度 (三级 over
# 指标值) in the last; 效益 is scattered between them. Rows are assigned to a project by meaning
# where the merged code cell is printed mid-block (the 支付方式改革 rows printed under …1201 are
# …2405's; the 法律顾问/普法/宣传 rows under …2405 are the 18.00 project's). Page 2 lost the header
# ("项目编号 | 实施单位 | 预算金额 | 实施内容 | 考核指标 | 备注"): read as (三级 | 指标值) in the last
# two columns plus (三级 over 指标值) in 实施内容; its groups are not legible.
OUTPUT, BENEFIT, SATISFACTION = "产出指标", "效益指标", "满意度指标"
T12_INDICATORS = {
    "411200230000000001201": [
        (OUTPUT, "医保信息平台建设", "按照省局统一要求推进一体化建设"),
        (OUTPUT, "信息业务编码赋码率", "达到省局标准"),
        (BENEFIT, "医保信息化标准", "为医保信息平台上线奠定基础"),
        (None, "落实经办服务事项清单制度", None),
        (SATISFACTION, None, "≥80%"),  # 三级指标 printed as the placeholder "三级指标"
    ],
    "411200230000000002405": [
        (OUTPUT, "支付方式改革培训合格率", "合格"),
        (OUTPUT, "支付方式改革培训", "≥1次"),
        (OUTPUT, "病案数据、结算数据规范采集培训", "≥1次"),
        (OUTPUT, "医保支付方式改革工作推进会", "1次"),
        (OUTPUT, "推进我市医保支付方式改革工作", "达到省局统一部署的要求"),
        (OUTPUT, "政策落实与执行情况", "全面落实"),
        (None, "医保结算清单数据", None),
        (None, "医保基金支付效能", None),
    ],
    "医疗保障综合业务经费(党建、文明创建、意识形态)": [
        (OUTPUT, "聘请法律顾问", "1人"),
        (OUTPUT, "普法宣传活动", "2次"),
        (OUTPUT, "加大医保政策宣传", "医保政策宣传覆盖面扩大"),
        (OUTPUT, "医保政策宣传期", "全年"),
        (BENEFIT, "医疗保障人员专业素养提升程度", "提高"),
    ],
    "411200230000000002407": [
        (OUTPUT, "组织开展全市打击欺诈骗保宣传活动", "1次"),
        (OUTPUT, "对全市监管人员进行业务政策培训", "1次"),
        (OUTPUT, "全市监管人员进行业务政策培训", "合格"),
        (BENEFIT, None, "全市监管人员进行业务培训"),
        (BENEFIT, None, "维护基金安全"),
        (SATISFACTION, "服务对象满意度", "≥85%"),
    ],
    "411200230000000012002": [
        (None, "基金安全风险防控", "基金安全监管维护基金安全"),
        (None, "基金安全监管维护基金安全能力", "稳步提高"),
        (None, "对全市定点医药机构、经办等开展检查工作", "稳步提高"),
        (None, "基金安全监管维护基金安全", "稳步提升"),  # printed on the 707002 line
        (None, "打击欺诈骗保活动开展时间", "全年"),  # printed on the 707002 line
    ],
    "411200230000000004193": [
        (None, "宣传制作", "宣传册、版面"),
        (None, "参保率", "≥90%"),
        (None, "居民应保尽保", "居民应保尽保年度内"),
    ],
    "411200230000000004194": [
        (None, "医保政策宣传", "宣传册、版面"),
        (None, "对参保单位缴费基数审核稽核工作", "≥90%"),
        (None, "保证参保单位缴费基数无瞒报漏报", "无瞒报漏报"),
        (None, "及时完成对参保单位缴费基数审核稽核", "及时"),  # printed on the 707003 line
    ],
    # 实施内容 runs one row ahead of 考核指标 | 备注 here; the last row repeats the one above.
    "411200230000000004188": [
        (None, "市医疗机构药品、医用耗材采购监督检查", ">1次"),
        (None, "市普通医用耗材数据分析工作", "≥1次"),
    ],
}
