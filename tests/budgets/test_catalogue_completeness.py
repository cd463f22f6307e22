"""The shipped catalogues are whole: sizes, names, sources and correspondence, by edition.

Every figure and name below is written by hand (from the 政府收支分类科目 and from reading
the four published examples in ``shared/seeds``), never computed from the CSV files, so a
lost, duplicated or misspelt row in ``budgets/catalogue_data`` fails here.
"""

import pytest

from budgets.models import (
    ClassificationLevel,
    EconomicCorrespondence,
    EconomicScheme,
    EconomicSubject,
    FunctionalSubject,
)

pytestmark = pytest.mark.django_db

EDITIONS = [2022, 2023, 2024, 2025, 2026]

# 款 and 项 shipped per 类. Where this is fewer than the edition holds, the entries left
# out (unsure code or name) are listed in README, 目录的完整性.
FUNCTIONAL_SIZES = {
    "201": (26, 180),
    "202": (9, 28),
    "203": (5, 13),
    "204": (11, 75),
    "205": (10, 40),
    "206": (10, 44),
    "207": (8, 57),
    "208": (21, 98),
    "209": (0, 0),
    "210": (12, 55),
    "211": (17, 64),
    "212": (10, 42),
    "213": (10, 102),
    "214": (8, 58),
    "215": (7, 53),
    "216": (3, 16),
    "217": (5, 22),
    "219": (0, 0),
    "220": (3, 25),
    "221": (3, 16),
    "222": (4, 36),
    "223": (4, 20),
    "224": (7, 41),
    "227": (0, 0),
    "229": (3, 9),
    "230": (0, 0),
    "231": (0, 0),
    "232": (0, 0),
    "233": (0, 0),
    "234": (0, 0),
}
# No rename, addition or removal between the 2022 and 2026 editions is shipped (none is
# known with certainty, see README), so every edition has the same size.
FUNCTIONAL_TOTALS = {year: (30, 196, 1094) for year in EDITIONS}

DEPT_SECTIONS = {
    "301": 13,
    "302": 27,
    "303": 12,
    "307": 4,
    "309": 12,
    "310": 16,
    "311": 2,
    "312": 5,
    "313": 3,
    "399": 6,
}
GOV_SECTIONS = {
    "501": 4,
    "502": 10,
    "503": 7,
    "504": 6,
    "505": 3,
    "506": 2,
    "507": 3,
    "508": 2,
    "509": 5,
    "510": 3,
    "511": 4,
    "512": 2,
    "513": 4,
    "514": 2,
    "599": 6,
}


def _level_count(queryset, level, prefix=""):
    return queryset.filter(level=level, code__startswith=prefix).count()


@pytest.mark.parametrize("year", EDITIONS)
def test_functional_sizes_per_edition(year):
    entries = FunctionalSubject.objects.valid_in(year)
    counts = tuple(
        _level_count(entries, level)
        for level in (
            ClassificationLevel.CATEGORY,
            ClassificationLevel.SECTION,
            ClassificationLevel.ITEM,
        )
    )
    assert counts == FUNCTIONAL_TOTALS[year]


@pytest.mark.parametrize("year", [2022, 2026])
@pytest.mark.parametrize("category", sorted(FUNCTIONAL_SIZES))
def test_functional_sizes_per_category(category, year):
    entries = FunctionalSubject.objects.valid_in(year)
    assert entries.filter(code=category, level=ClassificationLevel.CATEGORY).count() == 1
    sections = _level_count(entries, ClassificationLevel.SECTION, category)
    items = _level_count(entries, ClassificationLevel.ITEM, category)
    assert (sections, items) == FUNCTIONAL_SIZES[category]


@pytest.mark.parametrize("year", EDITIONS)
def test_economic_sizes_per_edition(year):
    for scheme, sizes in (
        (EconomicScheme.DEPARTMENT, DEPT_SECTIONS),
        (EconomicScheme.GOVERNMENT, GOV_SECTIONS),
    ):
        entries = EconomicSubject.objects.valid_in(year).filter(scheme=scheme)
        categories = set(
            entries.filter(level=ClassificationLevel.CATEGORY).values_list("code", flat=True)
        )
        assert categories == set(sizes)
        for category, count in sizes.items():
            assert _level_count(entries, ClassificationLevel.SECTION, category) == count, category
        assert entries.count() == len(sizes) + sum(sizes.values())


# (code, official name, edition year): at least one per 类, spread over 款 and 项.
NAMED_ENTRIES = [
    ("201", "一般公共服务支出", 2022),
    ("20101", "人大事务", 2023),
    ("2010104", "人大会议", 2024),
    ("2010204", "政协会议", 2025),
    ("2010308", "信访事务", 2026),
    ("2010604", "预算改革业务", 2022),
    ("2010804", "审计业务", 2023),
    ("2011106", "巡视工作", 2024),
    ("2013204", "公务员事务", 2025),
    ("2013816", "食品安全监管", 2026),
    ("20138", "市场监督管理事务", 2022),
    ("202", "外交支出", 2022),
    ("20202", "驻外机构", 2023),
    ("2020201", "驻外使领馆（团、处）", 2024),
    ("2020401", "国际组织会费", 2025),
    ("20208", "国际发展合作", 2026),
    ("203", "国防支出", 2023),
    ("2030603", "人民防空", 2022),
    ("2030607", "民兵", 2024),
    ("2039999", "其他国防支出", 2026),
    ("204", "公共安全支出", 2022),
    ("20402", "公安", 2022),
    ("2040220", "执法办案", 2023),
    ("2040223", "移民事务", 2024),
    ("20405", "法院", 2025),
    ("2040504", "案件审判", 2026),
    ("2040610", "社区矫正", 2022),
    ("2040612", "法治建设", 2023),
    ("2040705", "监狱业务及罪犯改造", 2024),
    ("2040804", "强制隔离戒毒人员生活", 2025),
    ("2049902", "国家司法救助支出", 2026),
    ("205", "教育支出", 2022),
    ("2050201", "学前教育", 2023),
    ("2050302", "中等职业教育", 2024),
    ("2050305", "高等职业教育", 2025),
    ("2050701", "特殊学校教育", 2026),
    ("20509", "教育费附加安排的支出", 2022),
    ("2050905", "中等职业学校教学设施", 2023),
    ("206", "科学技术支出", 2022),
    ("2060203", "自然科学基金", 2024),
    ("2060302", "社会公益研究", 2025),
    ("2060404", "科技成果转化与扩散", 2026),
    ("2060702", "科普活动", 2022),
    ("20609", "科技重大项目", 2023),
    ("2060902", "重点研发计划", 2024),
    ("2069902", "核应急", 2025),
    ("207", "文化旅游体育与传媒支出", 2022),
    ("20701", "文化和旅游", 2023),
    ("2070104", "图书馆", 2024),
    ("2070109", "群众文化", 2025),
    ("2070205", "博物馆", 2026),
    ("2070307", "体育场馆", 2022),
    ("2070607", "电影", 2023),
    ("20708", "广播电视", 2024),
    ("2079902", "宣传文化发展专项支出", 2025),
    ("208", "社会保障和就业支出", 2022),
    ("2080109", "社会保险经办机构", 2023),
    ("2080505", "机关事业单位基本养老保险缴费支出", 2024),
    ("2080801", "死亡抚恤", 2025),
    ("2081002", "老年福利", 2026),
    ("2081901", "城市最低生活保障金支出", 2022),
    ("20822", "大中型水库移民后期扶持基金支出", 2023),
    ("2082201", "移民补助", 2024),
    ("20828", "退役军人管理事务", 2025),
    ("209", "社会保险基金支出", 2022),
    ("210", "卫生健康支出", 2022),
    ("2100201", "综合医院", 2023),
    ("2100302", "乡镇卫生院", 2024),
    ("2100408", "基本公共卫生服务", 2025),
    ("2101202", "财政对城乡居民基本医疗保险基金的补助", 2026),
    ("2101506", "医疗保障经办事务", 2022),
    ("211", "节能环保支出", 2022),
    ("21101", "环境保护管理事务", 2023),
    ("2110104", "生态环境保护宣传", 2024),
    ("2110301", "大气", 2025),
    ("2110307", "土壤", 2026),
    ("2110501", "森林管护", 2022),
    ("21106", "退耕还林还草", 2023),
    ("2111001", "能源节能利用", 2024),
    ("2111102", "生态环境执法监察", 2025),
    ("21160", "可再生能源电价附加收入安排的支出", 2026),
    ("2116101", "回收处理费用补贴", 2022),
    ("212", "城乡社区支出", 2022),
    ("2120104", "城管执法", 2023),
    ("2120201", "城乡社区规划与管理", 2024),
    ("2120303", "小城镇基础设施建设", 2025),
    ("2120501", "城乡社区环境卫生", 2026),
    ("21208", "国有土地使用权出让收入安排的支出", 2022),
    ("2120801", "征地和拆迁补偿支出", 2023),
    ("2120810", "棚户区改造支出", 2024),
    ("2121401", "污水处理设施建设和运营", 2025),
    ("213", "农林水支出", 2022),
    ("21301", "农业农村", 2023),
    ("2130104", "事业运行", 2024),
    ("2130122", "农业生产发展", 2025),
    ("2130153", "农田建设", 2026),
    ("21302", "林业和草原", 2022),
    ("2130209", "森林生态效益补偿", 2023),
    ("2130235", "国家公园", 2024),
    ("2130305", "水利工程建设", 2025),
    ("2130314", "防汛", 2026),
    ("21305", "巩固脱贫衔接乡村振兴", 2022),
    ("2130705", "对村民委员会和村党支部的补助", 2023),
    ("2130803", "农业保险保费补贴", 2024),
    ("2136902", "三峡后续工作", 2025),
    ("214", "交通运输支出", 2022),
    ("21401", "公路水路运输", 2023),
    ("2140104", "公路建设", 2024),
    ("2140106", "公路养护", 2025),
    ("2140131", "海事管理", 2026),
    ("2140304", "机场建设", 2022),
    ("2140401", "对城市公交的补贴", 2023),
    ("2140601", "车辆购置税用于公路等基础设施建设支出", 2024),
    ("2146201", "公路还贷", 2025),
    ("2149901", "公共交通运营补助", 2026),
    ("215", "资源勘探工业信息等支出", 2022),
    ("2150104", "煤炭勘探开采和洗选", 2023),
    ("2150205", "医药制造业", 2024),
    ("2150508", "无线电及信息通信监管", 2025),
    ("21508", "支持中小企业发展和管理支出", 2026),
    ("2159904", "技术改造支出", 2022),
    ("216", "商业服务业等支出", 2022),
    ("21602", "商业流通事务", 2023),
    ("2160217", "市场监测及信息管理", 2024),
    ("2160607", "外商投资环境建设补助资金", 2025),
    ("2169901", "服务业基础设施建设", 2026),
    ("217", "金融支出", 2022),
    ("2170101", "行政运行", 2023),
    ("2170208", "反洗钱", 2024),
    ("2170303", "补充资本金", 2025),
    ("2179902", "重点企业贷款贴息", 2026),
    ("219", "援助其他地区支出", 2023),
    ("220", "自然资源海洋气象等支出", 2022),
    ("22001", "自然资源事务", 2023),
    ("2200104", "自然资源规划及管理", 2024),
    ("2200129", "基础测绘与地理信息监管", 2025),
    ("22005", "气象事务", 2026),
    ("2200508", "气象预报预测", 2022),
    ("221", "住房保障支出", 2022),
    ("2210103", "棚户区改造", 2023),
    ("2210105", "农村危房改造", 2024),
    ("2210108", "老旧小区改造", 2025),
    ("2210203", "购房补贴", 2026),
    ("222", "粮油物资储备支出", 2022),
    ("22201", "粮油物资事务", 2023),
    ("2220115", "粮食风险基金", 2024),
    ("2220401", "储备粮油补贴", 2025),
    ("2220511", "应急物资储备", 2026),
    ("223", "国有资本经营预算支出", 2022),
    ("2230101", "厂办大集体改革支出", 2023),
    ("2230201", "国有经济结构调整支出", 2024),
    ("2230301", "国有企业政策性补贴", 2025),
    ("224", "灾害防治及应急管理支出", 2022),
    ("22401", "应急管理事务", 2023),
    ("2240104", "灾害风险防治", 2024),
    ("2240204", "消防应急救援", 2025),
    ("2240504", "地震监测", 2026),
    ("2240601", "地质灾害防治", 2022),
    ("2240703", "自然灾害救灾补助", 2023),
    ("227", "预备费", 2022),
    ("229", "其他支出", 2022),
    ("2290201", "年初预留", 2023),
    ("2296002", "用于社会福利的彩票公益金支出", 2024),
    ("2296010", "用于城乡医疗救助的彩票公益金支出", 2025),
    ("2299901", "其他支出", 2026),
    ("230", "转移性支出", 2022),
    ("231", "债务还本支出", 2023),
    ("232", "债务付息支出", 2024),
    ("233", "债务发行费用支出", 2025),
    ("234", "抗疫特别国债安排的支出", 2022),
]


def test_the_hand_made_list_covers_every_category():
    assert len(NAMED_ENTRIES) >= 150
    assert {code[:3] for code, _, _ in NAMED_ENTRIES} == set(FUNCTIONAL_SIZES)


@pytest.mark.parametrize(("code", "name", "year"), NAMED_ENTRIES, ids=lambda v: str(v))
def test_named_entry_is_in_its_edition(code, name, year):
    assert FunctionalSubject.objects.valid_in(year).get(code=code).name == name


# Every 7-digit 功能分类 code the four examples print, with the printed name, read from
# shared/seeds (000 and 001 print 类|款|项 in three columns; 002 and 003 print 7 digits).
SEED_ITEMS = [
    ("000", 2022, "2013699", "其他共产党事务支出"),
    ("000", 2022, "2019999", "其他一般公共服务支出"),
    ("000", 2022, "2059999", "其他教育支出"),
    ("000", 2022, "2101202", "财政对城乡居民基本医疗保险基金的补助"),
    ("000", 2022, "2101301", "城乡医疗救助"),
    ("000", 2022, "2101399", "其他医疗救助支出"),
    ("000", 2022, "2101501", "行政运行"),
    ("000", 2022, "2101599", "其他医疗保障管理事务支出"),
    ("001", 2023, "2080101", "行政运行"),
    ("001", 2023, "2080109", "社会保险经办机构"),
    ("001", 2023, "2080505", "机关事业单位基本养老保险缴费支出"),
    ("001", 2023, "2101101", "行政单位医疗"),
    ("001", 2023, "2101102", "事业单位医疗"),
    ("001", 2023, "2101501", "行政运行"),
    ("001", 2023, "2101550", "事业运行"),
    ("001", 2023, "2210201", "住房公积金"),
    ("002", 2022, "2100799", "其他计划生育事务支出"),
    ("002", 2022, "2101101", "行政单位医疗"),
    ("002", 2022, "2101202", "财政对城乡居民基本医疗保险基金的补助"),
    ("002", 2022, "2101299", "财政对其他基本医疗保险基金的补助"),
    ("002", 2022, "2101501", "行政运行"),
    ("003", 2024, "2080502", "事业单位离退休"),
    ("003", 2024, "2080505", "机关事业单位基本养老保险缴费支出"),
    ("003", 2024, "2080506", "机关事业单位职业年金缴费支出"),
    ("003", 2024, "2080901", "退役士兵安置"),
    ("003", 2024, "2101101", "行政单位医疗"),
    ("003", 2024, "2101102", "事业单位医疗"),
    ("003", 2024, "2101501", "行政运行"),
    ("003", 2024, "2101502", "一般行政管理事务"),
    ("003", 2024, "2101505", "医疗保障政策管理"),
    ("003", 2024, "2101550", "事业运行"),
    ("003", 2024, "2101599", "其他医疗保障管理事务支出"),
    ("003", 2024, "2210201", "住房公积金"),
]
# Printed wrongly in an example: the catalogue keeps the official name.
SEED_MISPRINTS = [
    ("001", 2023, "2080502", "事业单位离休", "事业单位离退休"),  # 003 prints the official one
    (
        "002",
        2022,
        "2101201",
        "财政对其他基本医疗保险基金的补助",
        "财政对职工基本医疗保险基金的补助",
    ),
]


@pytest.mark.parametrize(("seed", "year", "code", "name"), SEED_ITEMS, ids=lambda v: str(v))
def test_every_item_an_example_prints_is_there_and_marked_verified(seed, year, code, name):
    entry = FunctionalSubject.objects.valid_in(year).get(code=code)
    assert entry.name == name
    assert entry.source.startswith("seed:") and seed in entry.source


@pytest.mark.parametrize(("seed", "year", "code", "printed", "official"), SEED_MISPRINTS)
def test_example_misprints_keep_the_official_name(seed, year, code, printed, official):
    entry = FunctionalSubject.objects.valid_in(year).get(code=code)
    assert entry.name == official != printed
    assert seed not in entry.source


def test_every_entry_says_where_it_comes_from():
    for model in (FunctionalSubject, EconomicSubject):
        sources = set(model.objects.values_list("source", flat=True))
        assert sources, model
        for source in sources:
            assert source == "edition:2022" or source.startswith("seed:"), source
    # Transcribed (not seen in an example) entries are the great majority.
    assert FunctionalSubject.objects.filter(source="edition:2022").count() > 1000
    assert FunctionalSubject.objects.filter(source__startswith="seed:").count() >= 50


# Edition changes 2022–2026: none is shipped. The examples print the same names in 2022
# (000, 002), 2023 (001) and 2024 (003); these stay the names at both ends of the range.
STABLE_ACROSS_EDITIONS = [
    ("2101501", "行政运行"),
    ("2101101", "行政单位医疗"),
    ("2101599", "其他医疗保障管理事务支出"),
    ("2210201", "住房公积金"),
    ("21305", "巩固脱贫衔接乡村振兴"),
    ("234", "抗疫特别国债安排的支出"),
]


@pytest.mark.parametrize(("code", "name"), STABLE_ACROSS_EDITIONS)
@pytest.mark.parametrize("year", [2022, 2026])
def test_entries_unchanged_between_2022_and_2026(code, name, year):
    assert FunctionalSubject.objects.valid_in(year).get(code=code).name == name


def test_every_2022_entry_is_still_valid_in_2026_and_none_before_2022():
    in_2022 = set(FunctionalSubject.objects.valid_in(2022).values_list("code", "name"))
    in_2026 = set(FunctionalSubject.objects.valid_in(2026).values_list("code", "name"))
    assert in_2022 == in_2026
    assert not FunctionalSubject.objects.valid_in(2021).exists()


def test_every_item_has_its_section_and_category():
    codes = set(FunctionalSubject.objects.values_list("code", flat=True))
    for code in codes:
        if len(code) > 3:
            assert code[:3] in codes and code[: len(code) - 2] in codes, code


ECONOMIC_NAMED = [
    ("dept", "30113", "住房公积金"),
    ("dept", "30239", "其他交通费用"),
    ("dept", "30311", "代缴社会保险费"),
    ("dept", "310", "资本性支出"),
    ("dept", "31002", "办公设备购置"),
    ("dept", "31203", "政府投资基金股权投资"),
    ("dept", "399", "其他支出"),
    ("dept", "39907", "国家赔偿费用支出"),
    ("gov", "50103", "住房公积金"),
    ("gov", "50305", "土地征迁补偿和安置支出"),
    ("gov", "50602", "资本性支出（二）"),
    ("gov", "50905", "离退休费"),
    ("gov", "51402", "预留"),
    ("gov", "59908", "对民间非营利组织和群众性自治组织补贴"),
]


@pytest.mark.parametrize(("scheme", "code", "name"), ECONOMIC_NAMED)
@pytest.mark.parametrize("year", [2022, 2026])
def test_economic_named_entries(scheme, code, name, year):
    assert EconomicSubject.objects.valid_in(year).get(scheme=scheme, code=code).name == name


# Only a 机关 has no 绩效工资; every other 部门 款 maps for both unit kinds.
NO_PAIR = {("30107", "行政")}
# 政府 款 no 部门 款 maps to: 债务还本, 转移性支出, 预备费 are budgeted by the finance
# bureau, not by a department; 50599 has no 部门 counterpart in the shipped table.
GOV_ONLY = {"50599", "51201", "51202", "51301", "51302", "51303", "51304", "51401", "51402"}


@pytest.mark.parametrize("year", [2022, 2026])
def test_correspondence_is_full_for_both_unit_kinds(year):
    pairs = EconomicCorrespondence.objects.valid_in(year)
    dept = EconomicSubject.objects.valid_in(year).filter(scheme="dept", level="section")
    for code in dept.values_list("code", flat=True):
        for scope in ("行政", "事业"):
            has = pairs.filter(dept_code=code, applies_to=scope).exists()
            assert has != ((code, scope) in NO_PAIR), (code, scope)
    gov = set(
        EconomicSubject.objects.valid_in(year)
        .filter(scheme="gov", level="section")
        .values_list("code", flat=True)
    )
    assert gov - set(pairs.values_list("gov_code", flat=True)) == GOV_ONLY
    # 行政 units map to 501–504/507–599 only, 事业 units' wages and goods to 505/506.
    assert not pairs.filter(applies_to="行政", gov_code__startswith="505").exists()
    assert not pairs.filter(applies_to="行政", gov_code__startswith="506").exists()
    assert not pairs.filter(applies_to="事业", gov_code__regex=r"^50[1-4]").exists()
