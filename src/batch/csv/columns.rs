//! The columns of the sheet: every field of the household format, under the Chinese header a 民政
//! officer reads, with the format's own field names as aliases. The header row is read into a
//! [`Layout`] before any household, so an unknown or doubled column stops the file at row 1.

use crate::engine::household::IncomeKind;
use crate::engine::money::Period;

use super::{CellError, MAX_COLUMNS};

/// One field of the household format that a column fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    /// 户编号: which household a row belongs to.
    Id,
    // Household-level: one value per household, on any of its rows (usually the first).
    AsOf,
    Pack,
    Area,
    AreaKind,
    LocalStandard,
    DisposableIncome,
    Medical,
    DisabilityCare,
    OtherRigid,
    Financial,
    Vehicles,
    Homes,
    OtherProperty,
    ReceivesDibao,
    RecognisedMarginal,
    IncomeRoseThroughWork,
    MonthsWithoutIncome,
    UnemploymentInsurance,
    CausedByEmergency,
    SuddenHardship,
    DisasterAfterRelief,
    StudentStuckByEmergency,
    Hukou,
    // Per member: one value per row.
    Relation,
    Age,
    Work,
    Supporter,
    DisabilityKind,
    DisabilityGrade,
    NeedsOngoingCare,
    Serious,
    InTreatment,
    Level,
    FullTime,
    HighFeeSchool,
    Abroad,
    Fees,
    /// The member's income of one kind (or the household's, on a 全户 row).
    Income(IncomeKind),
}

impl Field {
    /// Whether the field is the household's (one value, repeated rows must agree) rather than a
    /// member's.
    pub(super) fn is_household_level(self) -> bool {
        use Field::*;
        matches!(
            self,
            AsOf | Pack
                | Area
                | AreaKind
                | LocalStandard
                | DisposableIncome
                | Medical
                | DisabilityCare
                | OtherRigid
                | Financial
                | Vehicles
                | Homes
                | OtherProperty
                | ReceivesDibao
                | RecognisedMarginal
                | IncomeRoseThroughWork
                | MonthsWithoutIncome
                | UnemploymentInsurance
                | CausedByEmergency
                | SuddenHardship
                | DisasterAfterRelief
                | StudentStuckByEmergency
                | Hukou
        )
    }
}

/// What a header's bracket may say about its column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    /// Not money: a bracket is only a note (`年龄（岁）`) and is ignored.
    Note,
    /// Money without a period (`金融资产（元）`).
    Yuan,
    /// An amount per month or per year; the header says which (`（元/月）`, `（元/年）`), and this is
    /// the period when it does not. A cell may still say its own (`3.6万/年`).
    Per(Period),
}

/// A column of the layout: its field, its header as written by [`super::write_households`], the
/// other names it is known by, and what its bracket may say.
pub(super) struct Spec {
    pub field: Field,
    pub header: &'static str,
    pub aliases: &'static [&'static str],
    pub unit: Unit,
}

const fn spec(field: Field, header: &'static str, aliases: &'static [&'static str], unit: Unit) -> Spec {
    Spec { field, header, aliases, unit }
}

const MONTH: Unit = Unit::Per(Period::Month);
const YEAR: Unit = Unit::Per(Period::Year);

/// Every column, in the order the template and the writer use: the household's id and place, the
/// member, the member's income, then the rest of the household.
pub(super) const SPECS: &[Spec] = {
    use Field::*;
    use IncomeKind as K;
    &[
        spec(Id, "户编号", &["id", "户号", "家庭编号"], Unit::Note),
        spec(Pack, "政策包", &["place.pack", "pack", "省份"], Unit::Note),
        spec(Area, "地区", &["place.area", "area", "地区编号"], Unit::Note),
        spec(AreaKind, "城乡", &["place.area_kind", "area_kind", "城乡类别"], Unit::Note),
        spec(AsOf, "评估日期", &["as_of"], Unit::Note),
        spec(Relation, "与申请人关系", &["relation", "members.relation", "关系"], Unit::Note),
        spec(Age, "年龄", &["age", "members.age"], Unit::Note),
        spec(Work, "就业状况", &["work", "members.work"], Unit::Note),
        spec(Supporter, "赡养抚养扶养人", &["supporter", "members.supporter", "法定赡养抚养扶养义务人"], Unit::Note),
        spec(DisabilityKind, "残疾类别", &["disability.kind", "members.disability.kind"], Unit::Note),
        spec(DisabilityGrade, "残疾等级", &["disability.grade", "members.disability.grade"], Unit::Note),
        spec(
            NeedsOngoingCare,
            "需要康复护理",
            &["disability.needs_ongoing_care", "members.disability.needs_ongoing_care"],
            Unit::Note,
        ),
        spec(Serious, "患重病", &["illness.serious", "members.illness.serious"], Unit::Note),
        spec(InTreatment, "仍在治疗", &["illness.in_treatment", "members.illness.in_treatment"], Unit::Note),
        spec(Level, "就学阶段", &["student.level", "members.student.level", "学段"], Unit::Note),
        spec(FullTime, "全日制", &["student.full_time", "members.student.full_time"], Unit::Note),
        spec(HighFeeSchool, "高收费学校", &["student.high_fee_school", "members.student.high_fee_school"], Unit::Note),
        spec(Abroad, "出国留学", &["student.abroad", "members.student.abroad"], Unit::Note),
        spec(Fees, "学杂费（元/年）", &["student.fees", "members.student.fees", "学费"], YEAR),
        spec(Income(K::Wages), "工资性收入（元/月）", &["wages", "income.wages", "工资"], MONTH),
        spec(Income(K::BusinessNet), "经营净收入（元/月）", &["business_net", "income.business_net"], MONTH),
        spec(Income(K::PropertyNet), "财产净收入（元/月）", &["property_net", "income.property_net"], MONTH),
        spec(Income(K::Pension), "养老金、退休金（元/月）", &["pension", "income.pension"], MONTH),
        spec(
            Income(K::SupportReceived),
            "收到的赡养费、抚养费、扶养费（元/月）",
            &["support_received", "income.support_received", "赡养费、抚养费、扶养费"],
            MONTH,
        ),
        spec(
            Income(K::SupportFromSiblingsOrElderly),
            "兄弟姐妹或60周岁以上老人给付的供养费（元/月）",
            &["support_from_siblings_or_elderly", "income.support_from_siblings_or_elderly"],
            MONTH,
        ),
        spec(
            Income(K::UnemploymentBenefit),
            "失业保险金（元/月）",
            &["unemployment_benefit", "income.unemployment_benefit"],
            MONTH,
        ),
        spec(
            Income(K::ElderlyAllowance),
            "高龄津贴（元/月）",
            &["elderly_allowance", "income.elderly_allowance"],
            MONTH,
        ),
        spec(Income(K::OtherTransfer), "其他转移性收入（元/月）", &["other_transfer", "income.other_transfer"], MONTH),
        spec(
            Income(K::BasicPensionBase),
            "城乡居民基本养老保险基础养老金（元/月）",
            &["basic_pension_base", "income.basic_pension_base", "基础养老金"],
            MONTH,
        ),
        spec(
            Income(K::SpecialCareAllowance),
            "优待抚恤金（元/月）",
            &["special_care_allowance", "income.special_care_allowance"],
            MONTH,
        ),
        spec(
            Income(K::FamilyPlanningAward),
            "计划生育奖励与扶助金（元/月）",
            &["family_planning_award", "income.family_planning_award"],
            MONTH,
        ),
        spec(Income(K::Scholarship), "奖学金（元/月）", &["scholarship", "income.scholarship"], MONTH),
        spec(
            Income(K::HeroicDeedAward),
            "见义勇为等奖励性补助（元/月）",
            &["heroic_deed_award", "income.heroic_deed_award"],
            MONTH,
        ),
        spec(
            Income(K::SocialAssistance),
            "社会救助款物（元/月）",
            &["social_assistance", "income.social_assistance"],
            MONTH,
        ),
        spec(
            Income(K::DisabilityAllowances),
            "残疾人两项补贴（元/月）",
            &["disability_allowances", "income.disability_allowances"],
            MONTH,
        ),
        spec(
            Income(K::TaxesAndSocialInsurance),
            "缴纳的个人所得税、社会保险费（元/月）",
            &["taxes_and_social_insurance", "income.taxes_and_social_insurance"],
            MONTH,
        ),
        spec(
            Income(K::SupportPaid),
            "支付的赡养费、抚养费、扶养费（元/月）",
            &["support_paid", "income.support_paid"],
            MONTH,
        ),
        spec(
            Income(K::EmploymentCosts),
            "必要的就业成本（元/月）",
            &["employment_costs", "income.employment_costs"],
            MONTH,
        ),
        spec(Medical, "医疗支出（元/年）", &["spending.medical", "medical"], YEAR),
        spec(DisabilityCare, "残疾康复护理支出（元/年）", &["spending.disability_care", "disability_care"], YEAR),
        spec(OtherRigid, "其他刚性支出（元/年）", &["spending.other_rigid", "other_rigid"], YEAR),
        spec(Financial, "金融资产（元）", &["assets.financial", "financial"], Unit::Yuan),
        spec(Vehicles, "机动车（辆）", &["assets.vehicles", "vehicles"], Unit::Note),
        spec(Homes, "房屋（套）", &["assets.homes", "homes", "住房"], Unit::Note),
        spec(
            OtherProperty,
            "其他不动产或经营性财产",
            &["assets.other_property", "other_property", "其他房产"],
            Unit::Note,
        ),
        spec(ReceivesDibao, "正在享受低保", &["situation.receives_dibao", "receives_dibao"], Unit::Note),
        spec(
            RecognisedMarginal,
            "已认定为低保边缘家庭",
            &["situation.recognised_marginal", "recognised_marginal", "低保边缘家庭"],
            Unit::Note,
        ),
        spec(
            IncomeRoseThroughWork,
            "因就业收入增加",
            &["situation.income_rose_through_work", "income_rose_through_work"],
            Unit::Note,
        ),
        spec(
            MonthsWithoutIncome,
            "失业无收入月数",
            &["situation.unemployment.months_without_income", "months_without_income"],
            Unit::Note,
        ),
        spec(
            UnemploymentInsurance,
            "参加失业保险",
            &["situation.unemployment.unemployment_insurance", "unemployment_insurance"],
            Unit::Note,
        ),
        spec(
            CausedByEmergency,
            "因突发事件失业",
            &["situation.unemployment.caused_by_emergency", "caused_by_emergency"],
            Unit::Note,
        ),
        spec(SuddenHardship, "遭遇突发困难", &["situation.sudden_hardship", "sudden_hardship"], Unit::Note),
        spec(
            DisasterAfterRelief,
            "受灾救助后仍困难",
            &["situation.disaster_after_relief", "disaster_after_relief"],
            Unit::Note,
        ),
        spec(
            StudentStuckByEmergency,
            "学生因突发事件未能就业",
            &["situation.student_stuck_by_emergency", "student_stuck_by_emergency"],
            Unit::Note,
        ),
        spec(Hukou, "户籍", &["situation.hukou", "hukou"], Unit::Note),
        spec(LocalStandard, "当地低保标准（元/月）", &["place.local_standard", "local_standard", "低保标准"], MONTH),
        spec(
            DisposableIncome,
            "上年居民人均可支配收入（元/年）",
            &["place.disposable_income", "disposable_income", "居民人均可支配收入", "人均可支配收入"],
            YEAR,
        ),
    ]
};

/// The spec of a field (every field has one).
pub(super) fn spec_of(field: Field) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.field == field)
}

/// One column of a file: the field it fills, its header as the file writes it (errors name it so
/// the officer finds it), and, for amounts, the period a cell means when it does not say.
#[derive(Debug)]
pub(super) struct Column {
    pub field: Field,
    pub header: String,
    pub per: Option<Period>,
}

/// The file's header row read: which field each column fills (`None`: a column with a blank header,
/// which must stay empty).
#[derive(Debug)]
pub(crate) struct Layout {
    pub(super) columns: Vec<Option<Column>>,
}

impl Layout {
    /// The column a field is in, if the file has it.
    pub(super) fn find(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|c| c.as_ref().is_some_and(|c| c.field == field))
    }

    /// The header to name a field's column by: as the file writes it, or the layout's own header
    /// when the file has no such column.
    pub(super) fn header(&self, field: Field) -> String {
        match self.find(field).and_then(|i| self.columns.get(i)).and_then(Option::as_ref) {
            Some(column) => column.header.clone(),
            None => spec_of(field).map_or_else(String::new, |s| s.header.to_string()),
        }
    }
}

/// A header as compared: without spaces, brackets half-width, Latin letters in lower case.
fn normalized(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '／' => '/',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// A header split into its name and the text of a closing bracket (`工资性收入(元/年)` → `工资性收入`,
/// `元/年`), already normalized.
fn split_bracket(header: &str) -> Option<(&str, &str)> {
    let inner = header.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    Some((inner.get(..open)?, inner.get(open + 1..)?))
}

/// What a bracket's words say about money: `元/月` and `每月` are a month, `元/年` a year, `元` none.
fn period_in(bracket: &str) -> Option<Option<Period>> {
    let core: String = bracket.chars().filter(|c| !matches!(c, '元' | '人' | '每' | '/' | '·' | '.')).collect();
    match core.as_str() {
        "" => Some(None),
        "月" => Some(Some(Period::Month)),
        "年" => Some(Some(Period::Year)),
        _ => None,
    }
}

/// The spec whose header or alias is `name` (normalized, without a bracket of units).
fn spec_named(name: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| {
        let header = normalized(s.header);
        let base = split_bracket(&header).map_or(header.as_str(), |(base, _)| base);
        base == name || header == name || s.aliases.iter().any(|a| normalized(a) == name)
    })
}

/// Reads the header row (row 1): every column known, none twice, the household id and the age
/// present. Every problem is reported, each naming its column.
pub(super) fn layout(headers: &[String]) -> Result<Layout, Vec<CellError>> {
    let mut errors = Vec::new();
    let mut columns: Vec<Option<Column>> = Vec::with_capacity(headers.len());
    let at = |header: &str, message: String| CellError::at(1, Some(header), String::new(), message);
    if headers.len() > MAX_COLUMNS {
        errors.push(CellError::at(1, None, String::new(), format!("列数超过上限（{MAX_COLUMNS} 列）")));
    }
    for (index, written) in headers.iter().take(MAX_COLUMNS).enumerate() {
        let written = written.trim();
        if written.is_empty() {
            columns.push(None);
            continue;
        }
        let name = normalized(written);
        let found = match spec_named(&name) {
            Some(spec) => Some((spec, None)),
            None => split_bracket(&name).and_then(|(base, bracket)| spec_named(base).map(|s| (s, Some(bracket)))),
        };
        let Some((spec, bracket)) = found else {
            errors.push(at(
                written,
                format!(
                    "第{}列的列名不认识；可用的列名见 docs/FORMATS.md 或模板 examples/batch-template.csv",
                    index + 1
                ),
            ));
            columns.push(None);
            continue;
        };
        // The header's own bracket, if any, says what an amount's cell means; else the layout's.
        let per = match (spec.unit, bracket.map(period_in)) {
            (Unit::Per(default), None | Some(Some(None))) => Some(default),
            (Unit::Per(_), Some(Some(Some(per)))) => Some(per),
            (Unit::Yuan, None | Some(Some(None))) => None,
            (Unit::Note, _) => None,
            (Unit::Yuan, Some(Some(Some(_)))) => {
                errors.push(at(written, "这一列是金额合计，不分每月或每年，括号里请只写“元”".to_string()));
                None
            }
            (_, Some(None)) => {
                errors.push(at(written, "括号里的单位不认识：金额请写（元/月）或（元/年）".to_string()));
                None
            }
        };
        if let Some(first) = columns.iter().flatten().find(|c| c.field == spec.field) {
            errors.push(at(written, format!("与“{}”是同一项，只能有一列", first.header)));
        }
        columns.push(Some(Column { field: spec.field, header: written.to_string(), per }));
    }
    for required in [Field::Id, Field::Age] {
        if !columns.iter().flatten().any(|c| c.field == required) {
            let header = spec_of(required).map_or("", |s| s.header);
            errors.push(CellError::at(1, None, String::new(), format!("缺少“{header}”列")));
        }
    }
    if errors.is_empty() {
        Ok(Layout { columns })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_field_has_one_spec_and_no_name_is_shared() {
        let mut names = std::collections::HashSet::new();
        for spec in SPECS {
            let header = normalized(spec.header);
            let base = split_bracket(&header).map_or(header.clone(), |(b, _)| b.to_string());
            assert!(names.insert(base.clone()), "{base}");
            for alias in spec.aliases {
                assert!(names.insert(normalized(alias)), "{alias}");
            }
        }
        for kind in IncomeKind::ALL {
            assert!(spec_of(Field::Income(kind)).is_some(), "{kind:?}");
        }
    }

    #[test]
    fn a_header_may_name_its_own_period_or_none_and_the_aliases_are_the_format_s_names() {
        let layout =
            layout(&headers(&["id", "年龄 (岁)", "工资性收入（元/年）", "pension", "当地低保标准"])).expect("layout");
        let per = |i: usize| layout.columns[i].as_ref().and_then(|c| c.per);
        assert_eq!(per(2), Some(Period::Year));
        assert_eq!(per(3), Some(Period::Month));
        assert_eq!(per(4), Some(Period::Month));
    }

    #[test]
    fn unknown_doubled_and_missing_columns_are_all_named() {
        let errors = layout(&headers(&["户编号", "姓名", "age", "年龄", "金融资产（元/月）"])).expect_err("refused");
        let messages: Vec<String> = errors.iter().map(|e| e.message.clone()).collect();
        assert!(messages[0].starts_with("第1行“姓名”：第2列的列名不认识"), "{messages:?}");
        assert!(messages[1].contains("“年龄”：与“age”是同一项"), "{messages:?}");
        assert!(messages[2].contains("金额合计"), "{messages:?}");
        let missing = layout(&headers(&["年龄"])).expect_err("no id");
        assert_eq!(missing[0].message, "第1行：缺少“户编号”列");
    }
}
